"""Support, findings and sanctions acts in official statements.

- Alliance: "our close ally, X", "X, our steadfast partner", "our allies, including X": the
  one whose ally X is SUPPORTS X (alliance is mutual; the possessor names the relation).
- Gratitude lists: "grateful to our partners ..., including the Governments of A and B",
  "thanks to A ..., and to B for its leadership" (gratitude itself is in statements.py).
- Findings: "the Commission of Inquiry determined that X's violations ...", "the Working
  Group found ... in violation of X's obligations": the finding body CONDEMNS the state.
- Sanctions acts of the author: "this sanctions action against X", "today's action against
  X" in a statement: the statement's voice CONDEMNS X.
Words: graphkit/data/support.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.yamlfile import parse_yaml

__all__ = ["SupportLexicon", "alliance_named", "gratitude_lists", "load_support", "support_rules"]

S, C = RelationType.SUPPORTS, RelationType.CONDEMNS


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
    )


def support_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    lex = load_support()
    if token.pos_ == "NOUN" and token.lemma_ in lex.alliance_nouns:
        members = _allies(ctx, token)
        if members:
            yield "alliance", S, _alliance_owners(ctx, token), members, token
    elif token.pos_ == "VERB" and token.lemma_ in lex.finding_verbs:
        yield from _finding(ctx, token, lex)
    elif token.pos_ == "NOUN" and token.lemma_ in lex.sanction_acts:
        yield from _sanctions_act(ctx, token, lex)


# --- alliance --------------------------------------------------------------------------
def _alliance_owners(ctx: RuleContext, noun: Token) -> list[Mention]:
    owners = [ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    owners += [m for p in pobjs(noun, ("of",)) for m in ctx.actors_of(p)]
    found = []
    for owner in owners:  # "our ally" in a joint statement: every author
        found.append(owner)
        if owner.via == "author":
            found += [Mention(owner.start, owner.end, a, "author") for a in ctx.voice[1:]]
    return found


def _allies(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who is named as the ally: an apposition either way round, or an "including" list."""
    members = [m for c in noun.children if c.dep_ == "appos" for m in ctx.actors_of(c)]
    members += [
        m
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ctx.lex.member_markers
        for p in c.children
        if p.dep_ == "pobj"
        for m in ctx.actors_of(p)
    ]
    if noun.dep_ == "appos":  # "X, our steadfast partner"
        members += ctx.actors_of(noun.head, expand=False)
    return members


def alliance_named(ctx: RuleContext, noun: Token) -> bool:
    """Is this an alliance noun whose ally is named beside it (handled here, in the
    possessor's direction, rather than as an agent noun)?"""
    return noun.lemma_ in load_support().alliance_nouns and bool(_allies(ctx, noun))


# --- gratitude lists ---------------------------------------------------------------------
def gratitude_lists(ctx: RuleContext, word: Token, addressee: tuple[str, ...]) -> list[Mention]:
    """Addressees the parse hangs away from the gratitude word: a coordinated "and to B"
    (under the clause verb or the reason phrase) and the "including" list that names who
    a generic addressee ("our partners") is."""
    lex = load_support()
    clause = word.head if word.dep_ in ("acomp", "dobj", "attr", "nsubj") else word
    anchors = {word.i, clause.i}
    found: list[Mention] = []
    generic = False
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in addressee):
        for p in (g for g in prep.children if g.dep_ == "pobj"):
            generic |= p.lemma_ in lex.generic_addressees and p.i not in ctx.by_token
    if word.dep_ == "dobj":  # "I offer my thanks to A": the parser hangs "to" on the verb
        for prep in (c for c in clause.children if c.dep_ in ("prep", "dative")):
            if prep.lower_ in addressee:
                found += [m for p in prep.children if p.dep_ == "pobj" for m in ctx.owner_of(p)]
    for token in clause.subtree:
        if token.dep_ == "conj" and token.pos_ == "ADP" and token.lower_ in addressee:
            first = token
            while first.dep_ == "conj":
                first = first.head
            if first.i in anchors or first.head.i in anchors:
                found += [m for p in token.children if p.dep_ == "pobj" for m in ctx.owner_of(p)]
        elif generic and token.dep_ == "prep" and token.lower_ in ctx.lex.member_markers:
            found += [m for p in token.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]
    return found


# --- findings ----------------------------------------------------------------------------
def _finding(ctx: RuleContext, verb: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "the Working Group found that Y's detention is in violation of X's obligations"."""
    bodies = [m for m in ctx.subjects(verb) if ctx.table.kind(m.actor) is ActorKind.BODY]
    if not bodies:
        return
    states: list[Mention] = []
    for complement in (c for c in verb.children if c.dep_ in ("ccomp", "dobj")):
        for token in complement.subtree:
            if token.lower_ in lex.finding_words or token.lemma_ in lex.finding_words:
                states += [
                    m for m in ctx.owner_of(token) if ctx.table.kind(m.actor) is ActorKind.STATE
                ]
    yield "finding", C, bodies, states, verb


# --- the author's sanctions acts ---------------------------------------------------------
def _sanctions_act(ctx: RuleContext, noun: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "This sanctions action against X", "Today's action against X"."""
    if not ctx.voice:
        return
    children = list(noun.children)
    own = any(
        c.dep_ in ("det", "poss") and c.lower_ in lex.own_act_markers for c in children
    )  # "this action", "today's action"
    if not own:
        return
    sanction = noun.lemma_ in lex.sanction_modifiers or any(
        c.dep_ in ("compound", "amod") and c.lower_ in lex.sanction_modifiers for c in children
    )
    preps = lex.sanction_preps if sanction else ("against", "targeting")
    targets = [m for p in pobjs(noun, preps) for m in ctx.actors_of(p)]
    targets += [m for c in children if c.dep_ == "acl" and c.lemma_ == "target"
                for o in c.children if o.dep_ == "dobj" for m in ctx.actors_of(o)]  # fmt: skip
    authors = [Mention(noun.i, noun.i + 1, actor, "author") for actor in ctx.voice]
    yield "sanctions-act", C, authors, targets, noun
