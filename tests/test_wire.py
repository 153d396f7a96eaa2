"""Wire-news actors and relations (graphkit/rules/wire.py, the agent qualifiers of nlp.py).

Sentences of our own, positives and near-misses that must not fire.
"""

from __future__ import annotations

import pytest

from graphkit.models import ActorKind, Article
from graphkit.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def actors(ex: Extractor, text: str) -> dict[str, ActorKind]:
    result = ex.extract(Article(id="t", text=text))
    return {a.name: a.kind for a in result.actors}


def relations(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = ex.extract(Article(id="t", text=text))
    by_id = {a.id: a.name for a in result.actors}
    return {(by_id[s], t.value, by_id[o]) for (s, o, t) in result.evidence}


# --- actors: a religion or people qualifying an agent noun ------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Sunni militants ambushed a convoy near the border.", "Sunni militants", ActorKind.BODY),
        ("Hindu nationalists marched through the town.", "Hindu nationalists", ActorKind.GROUP),
        ("Kurdish settlers moved into the valley.", "Kurdish settlers", ActorKind.GROUP),
        ("Tutsi refugees crossed into the camp.", "Tutsi refugees", ActorKind.GROUP),
        (
            "French Catholic fundamentalists marched in Lyon.",
            "French Catholic fundamentalists",
            ActorKind.GROUP,
        ),
    ],
)
def test_qualified_agents(ex: Extractor, text: str, name: str, kind: ActorKind) -> None:
    assert actors(ex, text).get(name) is kind


def test_qualifier_alone_is_nobody(ex: Extractor) -> None:
    found = actors(ex, "The Islamic calendar and Buddhist temples were discussed in Colombo.")
    assert not any(n.startswith(("Islamic", "Buddhist")) for n in found)


def test_people_members_fold_to_the_people(ex: Extractor) -> None:
    # "Kurdish students" are the Kurds (group_member_heads), not an actor of their own
    assert "Kurdish students" not in actors(ex, "Kurdish students were detained in Ankara.")
