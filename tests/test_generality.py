"""Wire and news phrasings found by probing with sentences of our own (not from the seed or
dev texts): each family has a positive in new wording and a near-miss that must not fire."""

from __future__ import annotations

import pytest

from graphkit.pipeline import Extractor
from tests.extraction_helpers import triples

# --- a state organ located by its capital or a city: "the authorities in Kabul" ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The interior ministry in Baku summoned the Iranian ambassador on Monday.",
            ("Azerbaijan", "CONDEMNS", "Iran"),
        ),
        ("Moscow has long backed the regime in Damascus.", ("Russia", "SUPPORTS", "Syria")),
        (
            "Authorities in Minsk jailed Ales Bialiatski for ten years.",
            ("Belarus", "DETAINS", "Ales Bialiatski"),
        ),
    ],
)
def test_state_organ_in_its_capital(ex: Extractor, text: str, expected: tuple[str, ...]) -> None:
    assert expected in triples(ex, text)


def test_embassy_in_a_capital_is_still_the_sending_state(ex: Extractor) -> None:
    # an organ abroad ("embassy", "troops") is not the host state
    found = triples(ex, "The Japanese embassy in Beijing protested the arrest of its citizen.")
    assert not any(s == "China" for s, _, _ in found)
    assert ("China", "DETAINS", "Japan") not in triples(
        ex, "Troops in Mali detained a Malian journalist."
    )


# --- "WHO" is a name, not a relative pronoun -----------------------------------------------


def test_who_acronym_as_subject(ex: Extractor) -> None:
    found = triples(ex, "WHO commended Rwanda's handling of the Marburg outbreak.")
    assert ("World Health Organization", "SUPPORTS", "Rwanda") in found


def test_relative_who_is_no_actor(ex: Extractor) -> None:
    found = triples(ex, "The minister, who praised Rwanda last year, resigned on Friday.")
    assert not any(s == "World Health Organization" for s, _, _ in found)


# --- a critic's CAMEO 052/053 patterns: denouncing Y's sanctions is no support of Y --------


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang denounced the latest American sanctions as hostile.",
        "Venezuela criticised the EU's arrests of its diplomats.",
    ],
)
def test_criticising_an_act_does_not_support_its_doer(ex: Extractor, text: str) -> None:
    assert not any(t == "SUPPORTS" for _, t, _ in triples(ex, text))


def test_criticising_an_act_condemns_its_doer(ex: Extractor) -> None:
    found = triples(ex, "Pyongyang denounced Seoul's sanctions on its shipping firms.")
    assert ("North Korea", "CONDEMNS", "South Korea") in found
