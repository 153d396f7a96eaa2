"""Leaders of 1990s-2000s wire news (graphkit/data/actors/people.yaml): wire copy names
them by surname alone, which the NER alone would drop as a lone word; they hold no role
phrase, so "the Russian president" never finds a past holder. Sentences of our own."""

from __future__ import annotations

import pytest
from extraction_helpers import triples

from graphkit.actors import ActorTable, find_mentions
from graphkit.models import Article
from graphkit.pipeline import Extractor

SURNAMES = [
    ("Mugabe accused Britain of plotting against Zimbabwe.",
     ("Robert Mugabe", "CONDEMNS", "United Kingdom")),
    ("Chirac praised Kohl for his role in the talks.",
     ("Jacques Chirac", "SUPPORTS", "Helmut Kohl")),
    ("Musharraf urged India to resume the dialogue.",
     ("Pervez Musharraf", "LOBBIES", "India")),
    ("Milosevic denounced the NATO air strikes as aggression.",
     ("Slobodan Milosevic", "CONDEMNS", "NATO")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SURNAMES)
def test_a_past_leader_is_known_by_surname(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_a_past_leader_takes_no_role_phrase(ex: Extractor) -> None:
    text = "The Russian president criticised NATO. Putin spoke in Moscow."
    result = ex.extract(Article(id="t", text=text, date="2023-05-01"))
    names = {a.name for a in result.actors}
    assert "Boris Yeltsin" not in names
    assert "Mikhail Gorbachev" not in names


def test_a_past_leader_speaks_for_the_state_of_the_date(ex: Extractor) -> None:
    doc = ex.nlp("Mubarak met the envoy in Cairo.")
    for date, state in (("1995-05-01", "state:egypt"), ("2014-05-01", None)):
        table = ActorTable(ex.registry, date)
        (person,) = [m for m in find_mentions(doc, table) if m.actor == "person:hosni-mubarak"]
        assert person.state == state
