"""The words of the support, findings and sanctions rules (graphkit/data/support.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graphkit.yamlfile import parse_yaml

__all__ = ["SupportLexicon", "load_support"]


@dataclass(frozen=True)
class SupportLexicon:
    alliance_nouns: frozenset[str]
    generic_addressees: frozenset[str]
    finding_verbs: frozenset[str]
    finding_words: frozenset[str]
    sanction_acts: frozenset[str]
    own_act_markers: frozenset[str]
    sanction_modifiers: frozenset[str]
    sanction_preps: tuple[str, ...]
    performative_heads: frozenset[str]
    performative_verbs: frozenset[str]
    reason_verbs: frozenset[str]
    designated_suffixes: tuple[str, ...]
    aligned_acts: frozenset[str]
    belief_verbs: frozenset[str]
    role_qualities: frozenset[str]
    answer_verbs: frozenset[str]
    calls: frozenset[str]
    help_words: frozenset[str]
    violation_verbs: frozenset[str]
    designated_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_support() -> SupportLexicon:
    text = resources.files("graphkit").joinpath("data/support.yaml").read_text("utf-8")
    raw = parse_yaml(text)
    return SupportLexicon(
        alliance_nouns=frozenset(raw["alliance_nouns"]),
        generic_addressees=frozenset(raw["generic_addressees"]),
        finding_verbs=frozenset(raw["finding_verbs"]),
        finding_words=frozenset(raw["finding_words"]),
        sanction_acts=frozenset(raw["sanction_acts"]),
        own_act_markers=frozenset(raw["own_act_markers"]),
        sanction_modifiers=frozenset(raw["sanction_modifiers"]),
        sanction_preps=tuple(raw["sanction_preps"]),
        performative_heads=frozenset(raw["performative"]["heads"]),
        performative_verbs=frozenset(raw["performative"]["verbs"]),
        reason_verbs=frozenset(raw["reason_verbs"]),
        designated_suffixes=tuple(raw["designated_suffixes"]),
        aligned_acts=frozenset(raw["aligned_acts"]),
        belief_verbs=frozenset(raw["role_belief"]["verbs"]),
        role_qualities=frozenset(raw["role_belief"]["qualities"]),
        answer_verbs=frozenset(raw["answered_call"]["verbs"]),
        calls=frozenset(raw["answered_call"]["calls"]),
        help_words=frozenset(raw["answered_call"]["help"]),
        violation_verbs=frozenset(raw["violation_verbs"]),
        designated_nouns=frozenset(raw["designated_nouns"]),
    )
