"""The words of the news-event rules (graphkit/data/events.yaml), loaded once: reactions to
an earlier act (events.py), shielding and votes (shielding.py), cessation requests
(cessation.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graphkit.models import RelationType
from graphkit.yamlfile import parse_yaml

__all__ = ["EventWords", "load_event_words"]


@dataclass(frozen=True)
class EventWords:
    nouns: frozenset[str]
    pointing: frozenset[str]
    reactions: frozenset[str]
    welcoming: frozenset[str]
    drawing_verbs: frozenset[str]
    drawn_nouns: dict[str, RelationType]
    shielding_verbs: frozenset[str]
    against_verbs: frozenset[str]
    texts: frozenset[str]
    cessation_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_event_words() -> EventWords:
    text = resources.files("graphkit").joinpath("data/events.yaml").read_text("utf-8")
    raw = parse_yaml(text)
    shielding = raw["shielding"]
    return EventWords(
        nouns=frozenset(raw["event_nouns"]),
        pointing=frozenset(raw["pointing"]),
        reactions=frozenset(raw["reactions"]),
        welcoming=frozenset(raw["welcoming"]),
        drawing_verbs=frozenset(raw["drawing_verbs"]),
        drawn_nouns={
            noun: RelationType(rel_type)
            for rel_type, nouns in raw["drawn_nouns"].items()
            for noun in nouns
        },
        shielding_verbs=frozenset(shielding["verbs"]),
        against_verbs=frozenset(shielding["against_verbs"]),
        texts=frozenset(shielding["texts"]),
        cessation_verbs=frozenset(raw["cessation_verbs"]),
    )
