"""Attitudes and reported judgements: concern, regret, labels, and what critics claim.

- Concern and regret: "X expressed regrets that Y failed to ...", "we are deeply worried
  by the rights situation in Tigray", "X regretted Y's decision": X CONDEMNS Y.
  A state of affairs in a place ("the situation in Tigray") is laid at the door of the
  state that governs the place; a person's safety, fate or health is sympathy, not blame.
- Labels: "X called Y's visit a publicity stunt", "X branded Y a pariah state": a label
  that is, or is qualified by, a word of the negative-evaluation lexicon.
- Reported speech: "Beijing's brutal crackdown holds a risk of genocide, the Parliament
  declared": the reported clause is judged with the quote lexicon, the speaker condemns.
- Critics' claims: "critics, including X, said that Y had let itself be used":
  the named critics condemn the subject of their claim.
Lexicon: `attitudes`, `labelling` and `evaluation` in graphkit/data/lexicon.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.events import referred_doers
from graphkit.rules.nouns import noun_agents
from graphkit.rules.quotes import evaluated_actors

__all__ = ["attitude_rules"]

_ABOUT = ("about", "over", "at", "by", "with", "regarding", "on")
_BLAMABLE = {ActorKind.STATE, ActorKind.BODY, ActorKind.COMPANY}
C = RelationType.CONDEMNS


def attitude_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    """The attitude, label and reported-speech findings triggered by ``token``."""
    if token.pos_ not in ("NOUN", "ADJ", "VERB"):
        return
    if token.pos_ == "NOUN" and token.lemma_ in ctx.lex.attitude_nouns:
        yield "attitude", C, noun_agents(ctx, token), _targets(ctx, token), token
    elif token.lower_ in ctx.lex.attitude_adjectives and ctx.is_passive(token):
        holders = [m for c in token.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
        yield "attitude", C, holders, _targets(ctx, token), token
    elif token.lower_ in ctx.lex.attitude_adjectives and token.dep_ in ("acomp", "ROOT"):
        yield "attitude", C, ctx.subjects(token.head), _targets(ctx, token), token
    elif token.pos_ == "VERB" and token.lemma_ in ctx.lex.attitude_verbs:
        objects = [m for c in token.children if c.dep_ == "dobj" for m in _about(ctx, c)]
        yield "attitude", C, ctx.subjects(token), _targets(ctx, token) + objects, token
    elif token.pos_ == "VERB" and token.lemma_ in ctx.lex.labelling:
        yield "label", C, ctx.subjects(token), _labelled(ctx, token), token
    elif token.pos_ == "VERB" and token.lemma_ in ctx.lex.speech_verbs:
        yield from _reported(ctx, token)


def _targets(ctx: RuleContext, token: Token) -> list[Mention]:
    """What an attitude is about: "that Y failed ...", "about Y's conduct", "over Y"."""
    found: list[Mention] = []
    for clause in token.children:
        if clause.dep_ in ("ccomp", "acl", "advcl") and _bad_clause(ctx, clause):
            found += [m for s in clause.children if s.dep_ == "nsubj" for m in ctx.actors_of(s)]
    agents = [p for c in token.children if c.dep_ == "agent" for p in c.children]
    for obj in pobjs(token, _ABOUT) + agents:  # "alarmed by Y's programme"
        found += _about(ctx, obj)
    return found


def _bad_clause(ctx: RuleContext, clause: Token) -> bool:
    """ "that Y failed ..." / "that Y continues to detain ...": Y does wrong."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    return any(
        v.lemma_ in ctx.lex.bad_verbs
        or any(t is RelationType.DETAINS for t, _ in ctx.lex.verbs.get(v.lemma_, ()))
        for v in verbs
    )


def _about(ctx: RuleContext, obj: Token) -> list[Mention]:
    if obj.lemma_ in ctx.lex.hearsay:  # "reports of forced labour in X": what is reported
        return [m for p in pobjs(obj, ("of", "about")) for m in _about(ctx, p)]
    found = [m for m in ctx.actors_of(obj) if ctx.table.kind(m.actor) in _BLAMABLE]
    if not found and obj.lemma_ not in ctx.lex.sympathy:
        found = [
            ctx.by_token[c.i] for c in obj.children if c.dep_ == "poss" and c.i in ctx.by_token
        ]
    rights = any(c.dep_ == "compound" and c.lemma_ == "right" for c in obj.children)
    if not found and (obj.lemma_ in ctx.lex.situations or rights):
        found = ctx.located_states(obj, ("in", "inside"))
        for sibling in obj.conjuncts:  # "abuses, and corruption in Z": the place is shared
            found = found or ctx.located_states(sibling, ("in", "inside"))
    if not found:  # "shocked by the decision": the act of an earlier sentence
        found = referred_doers(ctx, obj)
    for sibling in obj.children:
        if sibling.dep_ == "conj":
            found += _about(ctx, sibling)
    return found


def _negative(ctx: RuleContext, word: Token) -> bool:
    lex = ctx.lex
    if word.lemma_ in lex.bad_nouns or word.lower_ in lex.bad_adjectives:
        return True
    return any(
        c.dep_ in ("compound", "amod")
        and (c.lemma_ in lex.bad_nouns or c.lower_ in lex.bad_adjectives)
        for c in word.children
    )


def _labelled(ctx: RuleContext, verb: Token) -> list[Mention]:
    """ "called Y's visit a publicity stunt" / "described Y as a pariah" -> Y."""
    labels = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")]
    labels += pobjs(verb, ("as",))
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    labels += [c for obj in objects for c in obj.children if c.dep_ == "appos"]  # a parse variant
    if not any(_negative(ctx, label) for label in labels):
        return []
    found: list[Mention] = []
    for obj in objects:
        found += [m for m in ctx.actors_of(obj) if ctx.table.kind(m.actor) is not ActorKind.GROUP]
        found += [
            ctx.by_token[c.i] for c in obj.children if c.dep_ == "poss" and c.i in ctx.by_token
        ] or referred_doers(ctx, obj)  # "called the seizure illegal": an earlier act
    return found


def _reported(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    # "Uyghurs say ...": a whole people is reported, not a speaker
    speakers = [m for m in ctx.subjects(verb) if ctx.table.kind(m.actor) is not ActorKind.GROUP]
    if not speakers:
        return
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        first, last = clause.left_edge.i, clause.right_edge.i
        for mention, trigger in evaluated_actors(ctx, first - 1, last + 1):
            if ctx.table.kind(mention.actor) is not ActorKind.GROUP:
                yield "reported-speech", C, speakers, [mention], trigger
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and ctx.lex.agent_nouns.get(subject.lemma_) is C:
            claimed = [m for s in clause.children if s.dep_ == "nsubj" for m in ctx.actors_of(s)]
            claimed = [m for m in claimed if ctx.table.kind(m.actor) is not ActorKind.GROUP]
            yield "critics-claim", C, speakers, claimed, verb
