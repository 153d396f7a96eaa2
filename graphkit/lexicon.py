"""Relation and coreference lexicons, loaded from graphkit/data/*.yaml (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from graphkit.models import ActorKind, RelationType
from graphkit.yamlfile import parse_yaml

__all__ = ["CorefLexicon", "Lexicon", "load_coref_lexicon", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    # lemma -> [(type, particles)]; particles () means a direct object
    verbs: dict[str, tuple[tuple[RelationType, tuple[str, ...]], ...]]
    nouns: dict[str, RelationType]
    agent_nouns: dict[str, RelationType]
    control: frozenset[str]
    detention_places: frozenset[str]
    collective_heads: frozenset[str]
    member_markers: frozenset[str]
    modals: frozenset[str]
    reversal: frozenset[str]
    conditional: frozenset[str]
    requests: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    authoring_verbs: frozenset[str] = frozenset()
    adhering_verbs: frozenset[str] = frozenset()
    adherent_nouns: frozenset[str] = frozenset()
    inheriting_modifiers: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    bad_verbs: frozenset[str] = frozenset()
    bad_nouns: frozenset[str] = frozenset()
    bad_adjectives: frozenset[str] = frozenset()
    infinitive_only: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    attitude_nouns: frozenset[str] = frozenset()
    attitude_adjectives: frozenset[str] = frozenset()
    attitude_verbs: frozenset[str] = frozenset()
    sympathy: frozenset[str] = frozenset()
    situations: frozenset[str] = frozenset()
    labelling: frozenset[str] = frozenset()
    # verb lemma -> predicative adjectives that make it a condemnation ("held X accountable")
    verdicts: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CorefLexicon:
    window: int
    pronouns: dict[str, frozenset[ActorKind]]
    definite_heads: dict[str, frozenset[ActorKind]]


def _words(section: dict[str, Any], key: str) -> frozenset[str]:
    """An optional word list of a lexicon section (missing or empty: no words)."""
    return frozenset(section.get(key) or ())


def _read(name: str) -> Any:
    return parse_yaml(resources.files("graphkit").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = _read("lexicon.yaml")
    verbs: dict[str, list[tuple[RelationType, tuple[str, ...]]]] = {}
    nouns: dict[str, RelationType] = {}
    for rel_type in RelationType:
        section = raw[rel_type.value]
        for lemma, particles in (section.get("verbs") or {}).items():
            options = particles or [""]
            for particle in options:
                verbs.setdefault(lemma, []).append((rel_type, tuple(particle.split())))
        for noun in section.get("nouns") or []:
            nouns.setdefault(noun, rel_type)
    agent_nouns = {
        noun: RelationType(rel_type)
        for rel_type, words in raw["agent_nouns"].items()
        for noun in words
    }
    blockers = raw["blockers"]
    attitudes = raw.get("attitudes") or {}
    roles = raw.get("document_roles") or {}
    evaluation = raw.get("evaluation") or {}
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns=nouns,
        agent_nouns=agent_nouns,
        control=frozenset(raw["LOBBIES"]["control"]),
        infinitive_only=_words(raw["LOBBIES"], "infinitive_only"),
        accusation_verbs=_words(raw["CONDEMNS"], "accusation_verbs"),
        verdicts={
            verb: frozenset(words)
            for verb, words in (raw["CONDEMNS"].get("verdicts") or {}).items()
        },
        attitude_nouns=_words(attitudes, "nouns"),
        attitude_adjectives=_words(attitudes, "adjectives"),
        attitude_verbs=_words(attitudes, "verbs"),
        sympathy=_words(attitudes, "sympathy"),
        situations=_words(attitudes, "situations"),
        labelling=_words(raw, "labelling"),
        detention_places=frozenset(raw["DETAINS"]["places"]),
        collective_heads=frozenset(raw["collective_heads"]),
        member_markers=frozenset(raw["member_markers"]),
        modals=frozenset(blockers["modals"]),
        reversal=frozenset(blockers["reversal"]),
        conditional=frozenset(blockers["conditional"]),
        requests=_words(blockers, "requests"),
        documents=_words(raw, "documents"),
        authoring_verbs=_words(roles, "authoring_verbs"),
        adhering_verbs=_words(roles, "adhering_verbs"),
        adherent_nouns=_words(roles, "adherent_nouns"),
        inheriting_modifiers=_words(roles, "inheriting_modifiers"),
        speech_verbs=_words(raw, "speech_verbs"),
        bad_verbs=_words(evaluation, "verbs"),
        bad_nouns=_words(evaluation, "nouns"),
        bad_adjectives=_words(evaluation, "adjectives"),
    )


def _kinds(names: list[str]) -> frozenset[ActorKind]:
    return frozenset(ActorKind(n) for n in names)


@lru_cache(maxsize=1)
def load_coref_lexicon() -> CorefLexicon:
    raw = _read("coref.yaml")
    return CorefLexicon(
        window=int(raw["window"]),
        pronouns={k: _kinds(v) for k, v in raw["pronouns"].items()},
        definite_heads={k: _kinds(v) for k, v in raw["definite_heads"].items()},
    )
