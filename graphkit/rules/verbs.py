"""Verb rules: active, passive, particle and control verbs from the relation lexicon.

"X condemned Y", "Y was hauled off by X", "X hit out against Y", "X urged Y to ...": the
subject (or agent, or controller) is the source, the object (or passive subject, or the
object of the particle) the target. "X held Y accountable" is a verdict: X condemns Y.
Then the converted CAMEO patterns of the verb (graphkit/rules/cameo.py): "X sent arms to Y",
"X imposed sanctions on Y", "X demanded the release of prisoners held by Y"; and demands
without a pattern: "X said Y must ...", "X will ... unless Y ...".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.models import RelationType
from graphkit.rules.cameo import cameo_rules
from graphkit.rules.cessation import cessation_rules
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.events import drawn_reactions, event_reactions
from graphkit.rules.repairs import (
    amount_recipients,
    counted_objects,
    infinitive_subjects,
    is_amount,
)
from graphkit.rules.shielding import shielding_rules, vote_rules
from graphkit.rules.statement_words import load_statement_lexicon
from graphkit.rules.wire import ordered_to_leave

__all__ = ["verb_rules"]

# where the parser puts the adjective of "held X accountable"
_VERDICT_DEPS = ("oprd", "ccomp", "acomp", "xcomp", "advcl", "dobj")


def verb_rules(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    statements = load_statement_lexicon()
    requests = statements.request_nouns | statements.offers
    if verb.lemma_ in ctx.lex.verdicts:
        adjectives = ctx.lex.verdicts[verb.lemma_]
        yield from _verdict(ctx, verb, adjectives)
        if any(t.lower_ in adjectives for t in verb.subtree):
            return  # "holds X personally responsible": a verdict, not a detention
    for rel_type, particles in ctx.lex.verbs.get(verb.lemma_, ()):
        abstract_ok = rel_type in (RelationType.SUPPORTS, RelationType.CONDEMNS)
        resolve = ctx.owner_of if abstract_ok else ctx.actors_of
        if particles and ctx.is_passive(verb) and ctx.has_particles(verb, particles):
            # "X was hauled off by Y" / "X was locked up": the particle has no object
            patients = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
            agents = [m for c in verb.children if c.dep_ == "agent"
                      for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
            yield "verb-passive", rel_type, agents, patients, verb
            continue
        if particles:
            patients = [m for p in ctx.particle_objects(verb, particles) for m in resolve(p)]
            if patients:
                yield "verb-particle", rel_type, ctx.subjects(verb), patients, verb
            continue
        if ctx.is_passive(verb):
            patients = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
            agents = [m for p in pobjs(verb, ("by",)) for m in ctx.actors_of(p)]
            agents += [m for c in verb.children if c.dep_ == "agent"
                       for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
            if not agents:  # "X was fined 4 billion euros by Y": the parser hangs Y on the sum
                agents = [m for c in verb.children if c.dep_ == "dobj" and is_amount(c)
                          for p in pobjs(c, ("by",)) for m in ctx.actors_of(p)]  # fmt: skip
            if not patients and verb.dep_ in ("acl", "relcl"):
                patients = ctx.actors_of(verb.head)
            if not agents and rel_type is RelationType.DETAINS:
                # "X was arrested at Tbilisi airport": the state where it happened
                yield "passive-place", rel_type, ctx.located_states(verb), patients, verb
                continue
            yield "verb-passive", rel_type, agents, patients, verb
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        objects += counted_objects(verb) + amount_recipients(verb)
        if verb.lemma_ in ctx.lex.infinitive_only:  # "wants X to ...", never "wants X"
            infinitive = any(c.dep_ == "xcomp" for c in verb.children)  # "told X to ..."
            objects = infinitive_subjects(verb) + (objects if infinitive else [])
        elif verb.lemma_ in ctx.lex.control:  # "urged X to ..." parsed as [X to ...]
            objects += infinitive_subjects(verb)
        if rel_type is RelationType.CONDEMNS and any(o.lemma_ in requests for o in objects):
            continue  # "A rejected B's demand / offer": no condemnation (see statements.py)
        if rel_type is RelationType.LOBBIES and ordered_to_leave(verb):
            continue  # "told B's envoy to leave": an expulsion (rules/wire.py)
        patients = [m for o in objects for m in resolve(o)]
        controlled = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        rule = "control" if verb.lemma_ in ctx.lex.control and controlled else "verb-active"
        yield rule, rel_type, ctx.subjects(verb), patients, verb
    yield from event_reactions(ctx, verb)
    yield from drawn_reactions(ctx, verb)
    yield from shielding_rules(ctx, verb)
    yield from vote_rules(ctx, verb)
    yield from cessation_rules(ctx, verb)
    yield from cameo_rules(ctx, verb)


def _verdict(ctx: RuleContext, verb: Token, adjectives: frozenset[str]) -> Iterator[Found]:
    """ "X held Y accountable": the parser makes Y the object, the subject of the adjective,
    or (reading "Y accountable" as a noun phrase) a compound of it."""
    for verdict in verb.children:
        if verdict.lower_ in adjectives and verdict.dep_ in _VERDICT_DEPS:
            held = [c for c in verb.children if c.dep_ == "dobj" and c is not verdict]
            held += [c for c in verdict.children if c.dep_ in ("nsubj", "compound")]
            patients = [m for c in held for m in ctx.owner_of(c)]
            yield "verdict", RelationType.CONDEMNS, ctx.subjects(verb), patients, verb
