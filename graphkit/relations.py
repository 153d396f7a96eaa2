"""Relations stage: dependency rules over a parsed sentence -> typed relations with evidence.

Each rule names itself in the evidence (``rule``) with the trigger tokens, so ``graphkit build
--explain`` can show why an edge exists. Rules are linguistic patterns over the parse and the
lexicons in graphkit/data/lexicon.yaml; none names a particular actor or phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from spacy.tokens import Doc, Span, Token

from graphkit.actors import ActorTable, Mention
from graphkit.coref import focal_state
from graphkit.models import ActorKind, RelationType
from graphkit.rules.attitudes import attitude_rules
from graphkit.rules.author import (
    VOICED_DEMAND,
    author_mentions,
    document_voice,
    voiced_demands,
    voiced_judgements,
)
from graphkit.rules.coalitions import coalition_mentions
from graphkit.rules.context import Found, RuleContext
from graphkit.rules.designations import aligned_designations
from graphkit.rules.documents import document_rules
from graphkit.rules.members import collective_members
from graphkit.rules.nouns import noun_rules
from graphkit.rules.quotes import (
    attributed_quotes,
    first_person_mentions,
    quote_rules,
    quote_spans,
)
from graphkit.rules.requests import PRESUPPOSED_RULES, release_requests
from graphkit.rules.statements import statement_rules
from graphkit.rules.support import SELF_CHECKED_RULES, own_people, support_rules
from graphkit.rules.verbs import verb_rules
from graphkit.rules.verdicts import verdict_rules
from graphkit.rules.wire import plural_subject_mentions, wire_rules

__all__ = ["RULE_CONFIDENCE", "Candidate", "extract_relations", "rule_confidence"]

RULE_CONFIDENCE = {
    "verb-active": 0.9,
    "verb-passive": 0.9,
    "verb-particle": 0.85,
    "control": 0.85,
    "noun-possessor": 0.8,
    "noun-governor": 0.75,
    "agent-noun": 0.8,
    "agent-noun-list": 0.8,
    "detention-place": 0.7,
    "passive-place": 0.7,
    "detention-noun": 0.75,
    "act-noun": 0.7,
    "document-stance": 0.7,
    "quote-evaluation": 0.65,
    "attitude": 0.7,
    "label": 0.7,
    "reported-speech": 0.65,
    "critics-claim": 0.65,
    "gratitude": 0.75,
    "release-holder": 0.7,
    "answered-request": 0.75,
    "answered-criticism": 0.7,
    "conditional-threat": 0.7,
    "reported-demand": 0.7,
    "protest-action": 0.7,
    "asked-for": 0.75,
    "release-request": 0.65,
    "cut-ties": 0.75,
    "statement-evaluation": 0.6,
    "held-state": 0.7,
    "backed-by": 0.75,
    "in-custody": 0.7,
    "allegation": 0.7,
    "at-request": 0.7,
    "listed": 0.8,
    "verdict": 0.7,
    "event-reaction": 0.65,
    "drawn-reaction": 0.65,
    "shielding": 0.7,
    "vote": 0.7,
    "voiced-demand": 0.7,
    "cessation-request": 0.7,
    "hostage-taking": 0.75,
    "held-mistreated": 0.7,
    "counted-arrest": 0.65,
    "expelled": 0.7,
    "relative-object": 0.8,
    "allegation-noun": 0.65,
    "alliance": 0.75,
    "finding": 0.7,
    "sanctions-act": 0.75,
    "performative-gratitude": 0.75,
    "designation-reason": 0.7,
    "designated-by": 0.75,
    "aligned-designation": 0.65,
    "role-belief": 0.65,
    "answered-call": 0.7,
}


def rule_confidence(rule: str) -> float:
    """How far a rule's findings can be trusted; a CAMEO verb pattern ("cameo-0233") is a
    dictionary entry matched in the parse, as strong as a hand-written verb's particle rule."""
    if rule.startswith("cameo-"):
        return 0.8
    return RULE_CONFIDENCE.get(rule, 0.5)


@dataclass(frozen=True, slots=True)
class Candidate:
    source: str
    target: str
    type: RelationType
    sentence: Span
    rule: str
    trigger: str


_KIND_OK = {
    RelationType.DETAINS: (
        {ActorKind.STATE, ActorKind.BODY, ActorKind.PERSON},
        {ActorKind.PERSON, ActorKind.GROUP},
    ),
}


def extract_relations(
    doc: Doc, mentions: list[Mention], table: ActorTable, author: str | None = None
) -> list[Candidate]:
    """Every relation the rules find in the doc: token rules in token order, then the
    document-level rules (stance inheritance, quotes, reported speech). ``author`` is the
    publisher's actor id: the "we" of a statement."""
    ctx = RuleContext(doc, mentions, table)
    quotes = attributed_quotes(ctx)  # speakers are outside quotes: found once, used twice
    for mention in first_person_mentions(ctx, quotes):
        ctx.add_mention(mention)
    for mention in plural_subject_mentions(ctx):
        ctx.add_mention(mention)
    quoted = quote_spans(doc)
    ctx.members = collective_members(ctx)
    ctx.voice = document_voice(ctx, author)
    ctx.focal = focal_state(mentions, table, {author, *ctx.voice}) if ctx.voice else None
    for mention in author_mentions(ctx, ctx.voice[0] if ctx.voice else None, quoted):
        ctx.add_mention(mention)
    for mention in coalition_mentions(ctx):  # "the Quartet" named by the text: its members
        ctx.by_token[mention.start] = mention
    found: list[Candidate] = []
    for finding in chain(
        _token_rules(ctx),
        document_rules(ctx),
        quote_rules(ctx, quotes),
        voiced_judgements(ctx, ctx.voice, quoted),
        voiced_demands(ctx, ctx.voice, quoted),
    ):
        _emit(ctx, found, *finding)
    held_by: dict[str, list[str]] = {}
    for candidate in found:
        if candidate.type is RelationType.DETAINS:
            held_by.setdefault(candidate.target, []).append(candidate.source)
    for finding in release_requests(ctx, held_by):
        _emit(ctx, found, *finding)
    condemned = [
        c.target for c in found if c.type is RelationType.CONDEMNS and c.source in ctx.voice
    ]
    for finding in aligned_designations(ctx, condemned):
        _emit(ctx, found, *finding)
    return found


def _token_rules(ctx: RuleContext) -> Iterator[Found]:
    for token in ctx.doc:
        if token.pos_ in ("VERB", "AUX"):
            yield from verb_rules(ctx, token)
        elif token.pos_ in ("NOUN", "PROPN"):
            yield from noun_rules(ctx, token)
        yield from attitude_rules(ctx, token)
        yield from wire_rules(ctx, token)
        yield from statement_rules(ctx, token)
        yield from verdict_rules(ctx, token)
        yield from support_rules(ctx, token)


def _emit(ctx: RuleContext, found: list[Candidate], rule: str, rel_type: RelationType,
          agents: list[Mention], patients: list[Mention], token: Token) -> None:  # fmt: skip
    if not agents:
        return
    self_checked = rule in PRESUPPOSED_RULES or rule in SELF_CHECKED_RULES or rule == VOICED_DEMAND
    if not self_checked and ctx.blocked(token):
        return
    if not patients:
        if rel_type is RelationType.DETAINS:  # "X's detention of local staff": X holds people
            ctx.detainers.update(a.actor for a in agents)
        return
    sources_ok, targets_ok = _KIND_OK.get(rel_type, (None, None))
    for agent in agents:
        for patient in patients:
            if agent.actor == patient.actor:
                continue
            if agent.actor in ctx.voice and patient.actor in ctx.voice:
                continue  # "we shall cooperate with our partners": co-authors, not a relation
            if sources_ok and ctx.table.kind(agent.actor) not in sources_ok:
                continue
            if targets_ok and ctx.table.kind(patient.actor) not in targets_ok:
                continue
            if rel_type is RelationType.SUPPORTS and own_people(ctx, agent.actor, patient.actor):
                continue
            if rel_type is RelationType.DETAINS and any(
                own_people(ctx, author, patient.actor) for author in ctx.voice
            ):
                continue  # "Americans held abroad" in a US statement: citizens, not a people
            found.append(
                Candidate(agent.actor, patient.actor, rel_type, token.sent, rule, token.text)
            )
