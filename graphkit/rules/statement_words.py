"""The words of the statement rules (graphkit/data/statements.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graphkit.yamlfile import parse_yaml

__all__ = ["StatementLexicon", "load_statement_lexicon", "trigger_words"]


@dataclass(frozen=True)
class StatementLexicon:
    grateful_adjectives: frozenset[str]
    grateful_nouns: frozenset[str]
    grateful_verbs: frozenset[str]
    addressee: tuple[str, ...]
    release_verbs: frozenset[str]
    request_nouns: frozenset[str]
    answers: frozenset[str]
    threat_verbs: frozenset[str]
    conditions: frozenset[str]
    statement_verbs: frozenset[str]
    statement_conditions: frozenset[str]
    speech_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    demand_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    protest_verbs: frozenset[str]
    affiliates: frozenset[str]
    quantities: frozenset[str]
    custody: frozenset[str]
    despite: frozenset[str]
    request_spans: frozenset[str]
    allegation_verbs: frozenset[str]
    backing: frozenset[str]
    asking_verbs: frozenset[str]
    ousting: frozenset[str]
    release_nouns: frozenset[str]
    release_requests: frozenset[str]
    offers: frozenset[str]
    criticism_nouns: frozenset[str]
    operations: frozenset[str]
    pacts: frozenset[str]
    pact_verbs: frozenset[str]
    operation_verbs: frozenset[str]
    rebuttals: frozenset[str]
    ending: frozenset[str]
    cutting_verbs: frozenset[str]
    cutting_nouns: frozenset[str]
    ties: frozenset[str]
    tie_preps: tuple[str, ...]
    excluding: frozenset[str]
    asking_direct: frozenset[str]
    at_the_request: frozenset[str]
    listing_verbs: frozenset[str]
    lists: frozenset[str]


def trigger_words(lex: StatementLexicon) -> frozenset[str]:
    """Every word any statement rule looks at: a token outside it can only matter as a
    participle or a main verb (the ultimatum), so the rules skip the rest at once."""
    words: set[str] = set()
    for value in vars(lex).values():
        if isinstance(value, (frozenset, tuple)):
            words.update(w for w in value if isinstance(w, str))
    return frozenset(words | {"protest"})


@lru_cache(maxsize=1)
def load_statement_lexicon() -> StatementLexicon:
    text = resources.files("graphkit").joinpath("data/statements.yaml").read_text("utf-8")
    raw = parse_yaml(text)

    def words(section: str, key: str) -> frozenset[str]:
        return frozenset(raw[section].get(key) or ())

    return StatementLexicon(
        grateful_adjectives=words("gratitude", "adjectives"),
        grateful_nouns=words("gratitude", "nouns"),
        grateful_verbs=words("gratitude", "verbs"),
        addressee=tuple(raw["gratitude"]["addressee"]),
        release_verbs=words("release", "verbs"),
        request_nouns=words("requests", "nouns"),
        answers=words("requests", "answers"),
        threat_verbs=words("threats", "verbs"),
        conditions=words("threats", "conditions"),
        statement_verbs=words("threats", "statement_verbs"),
        statement_conditions=words("threats", "statement_conditions"),
        speech_verbs=words("obligations", "speech_verbs"),
        obligation_modals=words("obligations", "modals"),
        demand_verbs=words("obligations", "demand_verbs"),
        protest_nouns=words("protests", "nouns"),
        protest_verbs=words("protests", "verbs"),
        affiliates=frozenset(raw["affiliates"]),
        quantities=frozenset(raw["quantities"]),
        custody=frozenset(raw["custody"]),
        despite=frozenset(raw["despite"]),
        request_spans=frozenset(raw["request_spans"]),
        allegation_verbs=frozenset(raw["allegation_verbs"]),
        backing=frozenset(raw["backing_participles"]),
        asking_verbs=words("asked_for", "verbs"),
        ousting=words("asked_for", "ousting"),
        release_nouns=words("release", "nouns"),
        release_requests=words("release", "request_verbs") | words("release", "request_nouns"),
        offers=words("requests", "offers"),
        criticism_nouns=words("criticisms", "nouns"),
        operations=words("cutting", "operations"),
        pacts=words("cutting", "pacts"),
        pact_verbs=words("cutting", "pact_verbs"),
        operation_verbs=words("cutting", "operation_verbs"),
        rebuttals=words("criticisms", "rebuttals"),
        ending=words("asked_for", "ending"),
        cutting_verbs=words("cutting", "verbs"),
        cutting_nouns=words("cutting", "nouns"),
        ties=words("cutting", "ties"),
        tie_preps=tuple(raw["cutting"]["preps"]),
        excluding=words("cutting", "excluding"),
        asking_direct=words("asked_for", "direct"),
        at_the_request=frozenset(raw["at_the_request"]),
        listing_verbs=words("listing", "verbs"),
        lists=words("listing", "lists"),
    )
