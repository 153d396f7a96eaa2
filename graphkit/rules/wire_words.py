"""The words of the wire-news rules (graphkit/data/wire.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graphkit.yamlfile import parse_yaml

__all__ = ["WireLexicon", "load_wire_lexicon"]


@dataclass(frozen=True)
class WireLexicon:
    hostage_verbs: frozenset[str]
    hostage_nouns: frozenset[str]
    treatment_verbs: frozenset[str]
    held_nouns: frozenset[str]
    expelling_verbs: frozenset[str]
    declaring_verbs: frozenset[str]
    leave_orderers: frozenset[str]
    leaving_verbs: frozenset[str]
    unwelcome_words: frozenset[str]
    allegation_nouns: frozenset[str]
    effort_nouns: frozenset[str]
    verbs: frozenset[str]  # every verb a rule starts from: one lookup per token


@lru_cache(maxsize=1)
def load_wire_lexicon() -> WireLexicon:
    text = resources.files("graphkit").joinpath("data/wire.yaml").read_text("utf-8")
    raw = parse_yaml(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    hostage, treatment, expelling, declaring, orderers = (
        words("hostage_verbs"),
        words("treatment_verbs"),
        words("expelling_verbs"),
        words("declaring_verbs"),
        words("leave_orderers"),
    )
    return WireLexicon(
        hostage_verbs=hostage,
        hostage_nouns=words("hostage_nouns"),
        treatment_verbs=treatment,
        held_nouns=words("held_nouns"),
        expelling_verbs=expelling,
        declaring_verbs=declaring,
        leave_orderers=orderers,
        leaving_verbs=words("leaving_verbs"),
        unwelcome_words=words("unwelcome_words"),
        allegation_nouns=words("allegation_nouns"),
        effort_nouns=words("effort_nouns"),
        verbs=hostage | treatment | expelling | declaring | orderers,
    )
