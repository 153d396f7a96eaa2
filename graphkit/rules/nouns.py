"""Noun rules: nominal predicates, agent nouns, support lists and places of detention.

"China's support for Russia", "a stinging rebuke of X by Y", "X emerged as a defender of Y",
"China's support list, including A and B", "Uyghurs who disappeared into China's camps".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import COPULAS, Found, RuleContext, pobjs
from graphkit.rules.repairs import following_preps, infinitive_subjects
from graphkit.rules.support import alliance_named

__all__ = ["noun_agents", "noun_rules"]

_TARGET_PREPS = ("of", "against", "on", "for", "to", "over", "toward", "towards")


def noun_rules(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    yield from _predicate_rules(ctx, noun)
    yield from _detention_place_rules(ctx, noun)


def noun_agents(ctx: RuleContext, noun: Token) -> list[Mention]:
    agents: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.i in ctx.by_token):
            agents += ctx.actors_of(child, expand=False)
    agents += [m for p in pobjs(noun, ("by", "from")) for m in ctx.actors_of(p)]
    agents += ctx.leaders_of(noun)
    if agents:
        return agents
    if noun.dep_ != "dobj" and any(c.dep_ == "poss" for c in noun.children):
        return []  # "since its attack on X": an unresolved owner is still the owner
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    if noun.dep_ in ("dobj", "pobj", "attr", "oprd") and governor.pos_ in ("VERB", "AUX"):
        agents = ctx.subjects(governor)
        if agents:
            return agents
    if noun.dep_ == "appos":
        return ctx.actors_of(noun.head, expand=False)
    return _accused(ctx, noun)


def _accused(ctx: RuleContext, noun: Token) -> list[Mention]:
    """ "accuses Beijing of ... including the detention of X": the accused did the act."""
    token = noun
    for _ in range(6):
        if token.dep_ not in ("pobj", "prep", "conj", "pcomp") and token.lemma_ != "include":
            return []
        token = token.head
        if token.lemma_ in ctx.lex.accusation_verbs:
            return [m for c in token.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
    return []


def _performing_verbs() -> frozenset[str]:
    from graphkit.rules.verdicts import load_verdict_words  # verdicts imports this module

    return load_verdict_words().performing_verbs


def _doers(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who did the act a noun names: "Iran carried out the arrest of X" says Iran did; "we
    condemn / follow / urge an end to the arrest of X" says nothing of who arrested X."""
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    governed = noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX")
    if not governed or governor.lemma_ in _performing_verbs():
        return noun_agents(ctx, noun)
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.i in ctx.by_token)
    ]
    explicit = [m for c in owners for m in ctx.actors_of(c, expand=False)]
    explicit += [m for p in pobjs(noun, ("by",)) for m in ctx.actors_of(p)]
    return explicit or _accused(ctx, noun)  # "accuses B of ... including the detention of X"


def _detention_agents_patients(
    ctx: RuleContext, noun: Token
) -> tuple[list[Mention], list[Mention]]:
    """ "China's detention of X" / "the arrest of X by Y" / "his arrest at Tbilisi airport"."""
    held = pobjs(noun, ("of",))
    patients = [m for p in held for m in ctx.actors_of(p)]
    if held:  # "X's detention of local staff": X holds them, named or not
        agents = _doers(ctx, noun) or ctx.located_states(noun)
        named = patients and all(ctx.table.kind(m.actor) is ActorKind.PERSON for m in patients)
        if not agents and ctx.focal and named:  # "we condemn the arrest of X": the statement's
            agents = [Mention(noun.i, noun.i + 1, ctx.focal, "focal")]  # state holds X
        return agents, patients
    possessors = [c for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    victims = {ActorKind.PERSON, ActorKind.GROUP}
    patients = [
        m for c in possessors for m in ctx.actors_of(c) if ctx.table.kind(m.actor) in victims
    ]
    agents = [m for p in pobjs(noun, ("by",)) for m in ctx.actors_of(p)]
    return agents or ctx.located_states(noun), patients


def _noun_patients(ctx: RuleContext, noun: Token, rel_type: RelationType) -> list[Mention]:
    """Targets of a SUPPORTS / CONDEMNS / LOBBIES noun."""
    if rel_type is RelationType.LOBBIES:  # "an appeal to X", "pressure on X"
        objects = pobjs(noun, ("to", "on", "upon"))
        objects += [q for p in pobjs(noun, ("for",)) for q in pobjs(p, ("to",))]
        objects += infinitive_subjects(noun)  # "calls for X to publish"
        return [m for p in objects for m in ctx.actors_of(p)]
    # "support for China's policies" reaches the owner; "with" takes actors only
    # ("a pact with the army", not "a pact with US mediation")
    patients = [m for p in pobjs(noun, _TARGET_PREPS) for m in ctx.owner_of(p)]
    patients += [m for p in pobjs(noun, ("with",)) for m in ctx.actors_of(p)]
    if not patients:  # "expressed solidarity [with X]" attached to the verb
        stray = following_preps(noun, (*_TARGET_PREPS, "with"))
        patients = [m for p in stray for m in ctx.actors_of(p)]
    verb = noun.head.head
    burdening = verb.lemma_ in ctx.lex.burdening_verbs
    if not patients and noun.dep_ == "pobj" and noun.head.lower_ == "with" and burdening:
        # "X was hit with US sanctions", "Y hit X with sanctions": X bears them
        if ctx.is_passive(verb):
            patients = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
        else:
            patients = [m for c in verb.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
    return patients


def _predicate_rules(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    word = noun.lower_
    if word in ctx.lex.nouns or noun.lemma_ in ctx.lex.nouns:
        rel_type = ctx.lex.nouns.get(word) or ctx.lex.nouns[noun.lemma_]
        if rel_type is RelationType.DETAINS:
            agents, patients = _detention_agents_patients(ctx, noun)
            yield "detention-noun", rel_type, agents, patients, noun
        elif patients := _noun_patients(ctx, noun, rel_type):
            agents = noun_agents(ctx, noun)
            rule = "noun-governor" if noun.dep_ in ("dobj", "pobj", "attr") else "noun-possessor"
            yield rule, rel_type, agents, patients, noun
    if word in ctx.lex.act_nouns or noun.lemma_ in ctx.lex.act_nouns:
        patients = [m for p in pobjs(noun, ("of",)) for m in ctx.actors_of(p)]
        if patients:  # "X ordered the expulsion of Y's envoy"
            yield "act-noun", RelationType.CONDEMNS, _doers(ctx, noun), patients, noun
    agent_type = ctx.lex.agent_nouns.get(word) or ctx.lex.agent_nouns.get(noun.lemma_)
    if agent_type is not None and not alliance_named(ctx, noun):  # rules/support.py
        targets = [m for p in pobjs(noun, ("of", "for", "to")) for m in ctx.owner_of(p)]
        targets += [
            ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token
        ]
        if targets:
            yield "agent-noun", agent_type, _agent_noun_holders(ctx, noun), targets, noun
    # "China's support list, including Russia": members of a support list back the possessor
    if noun.lower_ not in ctx.lex.collective_heads:
        return
    compounds = [c for c in noun.children if c.dep_ == "compound"]
    if compounds:
        kind = ctx.lex.nouns.get(compounds[0].lower_)
        if kind in (RelationType.SUPPORTS, RelationType.CONDEMNS):
            owners = [
                ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token
            ]
            yield "agent-noun-list", kind, _clause_members(ctx, noun), owners, noun


def _clause_members(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Members named by "including / like / such as" anywhere in the noun's clause."""
    clause = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else noun
    out: list[Mention] = []
    for token in clause.subtree:
        if token.lower_ in ctx.lex.member_markers and token.dep_ in ("prep", "amod"):
            path = [a for a in token.ancestors if a.i != clause.i and a.pos_ in ("VERB", "AUX")]
            if path and clause in path[0].ancestors:  # inside a nested clause: not ours
                continue
            out += [m for c in token.children if c.dep_ == "pobj" for m in ctx.actors_of(c)]
    return out


def _agent_noun_holders(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who is "a defender of X": the subject it is predicated of, or its list of members."""
    head = noun.head
    if noun.dep_ in ("nsubj",) and head.lemma_ in COPULAS:
        return [
            m for c in head.children if c.dep_ in ("dobj", "attr", "oprd") for m in ctx.actors_of(c)
        ]
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("attr", "oprd", "pobj", "dobj") and head.lemma_ in COPULAS:
        return ctx.subjects(head)
    if noun.dep_ == "appos":
        return ctx.actors_of(noun.head, expand=False)
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.lex.member_markers
            for p in c.children for m in ctx.actors_of(p)]  # fmt: skip


def _detention_place_rules(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    """ "Uyghurs who disappeared into China's internment camps": the owner detains them."""
    if noun.lower_ not in ctx.lex.detention_places or noun.dep_ != "pobj":
        return
    owners = [ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    if not owners:
        return
    verb = noun.head.head
    held = ctx.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
    yield "detention-place", RelationType.DETAINS, owners, held, noun
