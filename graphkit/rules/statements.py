"""Statement rules: relations stated without a relation verb.

- Gratitude: "we are grateful to X", "special thanks to X", "I appreciate X's leadership":
  the grateful actor SUPPORTS X.
- Protest actions: "A staged rallies against B's policies", "A went on hunger strike
  against B's decision": A CONDEMNS B.
- Cutting ties: "A suspended aid to B", "A severed ties with B": A CONDEMNS B.
- Custody: "X remains detained in Y", "X died while in Y's custody": Y DETAINS X.
- Backing: "the Syrian-backed militia": Syria SUPPORTS the militia.
- Allegations: "A alleged that B broke the truce": A CONDEMNS B.
Requests (asking, releases, answered demands, threats, obligations) are in requests.py.
Word lists: graphkit/data/statements.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.nouns import noun_agents
from graphkit.rules.requests import request_rules
from graphkit.rules.statement_words import (
    StatementLexicon,
    load_statement_lexicon,
    trigger_words,
)
from graphkit.rules.support import gratitude_lists

__all__ = ["statement_rules"]

S, C, D = RelationType.SUPPORTS, RelationType.CONDEMNS, RelationType.DETAINS
_TRIGGERS = trigger_words(load_statement_lexicon())


def statement_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    lex = load_statement_lexicon()
    lemma, pos = token.lemma_, token.pos_
    if (
        lemma not in _TRIGGERS
        and token.lower_ not in _TRIGGERS
        and token.tag_ != "VBN"
        and not (pos == "VERB" and token.dep_ in ("ROOT", "conj"))
    ):
        return
    yield from request_rules(ctx, token, lex)
    if pos == "ADJ" and token.lower_ in lex.grateful_adjectives:
        addressees = _addressees(ctx, token, lex)
        yield "gratitude", S, ctx.subjects(token.head), addressees, token
    elif pos == "NOUN" and lemma in lex.grateful_nouns:
        yield "gratitude", S, noun_agents(ctx, token), _addressees(ctx, token, lex), token
    elif pos == "VERB" and lemma in lex.grateful_verbs:
        owners = [m for o in token.children if o.dep_ == "dobj" for m in ctx.owner_of(o)]
        yield "gratitude", S, ctx.subjects(token), owners, token
    if token.tag_ == "VBN" and token.dep_ == "acomp" and _detaining(ctx, token):
        # "several monks remain wrongly held in Laos, including X"
        agents = [m for p in pobjs(token, ("by",)) for m in ctx.actors_of(p)]
        yield "held-state", D, agents or ctx.located_states(token), ctx.subjects(token), token
    if token.tag_ == "VBN" and token.dep_ == "amod" and lemma in lex.backing:
        # "the Syrian-backed militia": the modifier's actor backs the noun's
        backers = [ctx.by_token[c.i] for c in token.children
                   if c.dep_ in ("npadvmod", "compound", "nmod") and c.i in ctx.by_token]  # fmt: skip
        backed = ctx.actors_of(token.head) or [
            ctx.by_token[c.i] for c in token.head.children
            if c.dep_ == "compound" and c.i in ctx.by_token
        ]  # fmt: skip
        yield "backed-by", S, backers, backed, token
    if pos == "NOUN" and lemma in lex.custody and token.head.lower_ == "in":
        yield from _in_custody(ctx, token)
    if pos == "VERB" and lemma in lex.allegation_verbs:
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            accused = [m for s in clause.children if s.dep_ == "nsubj" for m in ctx.actors_of(s)]
            yield "allegation", C, ctx.subjects(token), accused, token
    if pos == "NOUN" and lemma in lex.at_the_request and token.head.lower_ in ("at", "on"):
        # "Apple removed the apps at the request of Chinese authorities"
        askers = [m for p in pobjs(token, ("of",)) for m in ctx.actors_of(p)]
        askers += [
            ctx.by_token[c.i] for c in token.children if c.dep_ == "poss" and c.i in ctx.by_token
        ]
        acting = token.head.head
        if acting.pos_ in ("VERB", "AUX"):
            yield "at-request", RelationType.LOBBIES, askers, ctx.subjects(acting), token
    if pos == "VERB" and lemma in lex.listing_verbs:
        lists = [p for p in pobjs(token, ("to", "on", "onto")) if _is_list(p, lex)]
        if lists:
            listed = [m for c in token.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
            yield "listed", C, ctx.subjects(token), listed, token
    cutting = pos == "VERB" and (
        lemma in lex.cutting_verbs or lemma in lex.excluding or lemma in lex.operation_verbs
    )
    if cutting or (pos == "NOUN" and lemma in lex.cutting_nouns):
        yield from _cut_ties(ctx, token, lex)
    if pos == "NOUN" and lemma == "protest" and token.head.lower_ == "in":
        # "A kept up a sit-in in protest of B's refusal"
        preps = ("against", "at", "over", "of")
        targets = [m for p in pobjs(token, preps) for m in ctx.owner_of(p)]
        attached = token.head.head
        holders = (
            ctx.subjects(attached)
            if attached.pos_ in ("VERB", "AUX")
            else noun_agents(ctx, attached)
        )
        yield "protest-action", C, holders, targets, token
    if (pos == "NOUN" and lemma in lex.protest_nouns) or (
        pos == "VERB" and lemma in lex.protest_verbs
    ):
        targets = [m for p in pobjs(token, ("against",)) for m in ctx.owner_of(p)]
        if pos == "NOUN" and token.dep_ == "dobj":  # "staged rallies ... against B"
            targets += [m for p in pobjs(token.head, ("against",)) for m in ctx.owner_of(p)]
        for protest in pobjs(token, ("in",)):  # "in protest at / against / over B's ..."
            if protest.lemma_ == "protest":
                preps = ("against", "at", "over", "of")
                targets += [m for p in pobjs(protest, preps) for m in ctx.owner_of(p)]
        if targets:
            holders = noun_agents(ctx, token) if pos == "NOUN" else ctx.subjects(token)
            if pos == "NOUN":  # "Palestinian riots against ...": the protesters' people
                for c in token.children:
                    if c.dep_ != "amod" or c.i not in ctx.by_token:
                        continue
                    if ctx.table.kind(ctx.by_token[c.i].actor) is ActorKind.GROUP:
                        holders.append(ctx.by_token[c.i])
                    holders += ctx.people_of(c)
            yield "protest-action", C, holders, targets, token


def _detaining(ctx: RuleContext, verb: Token) -> bool:
    return any(t is D for t, _ in ctx.lex.verbs.get(verb.lemma_, ()))


def _is_list(noun: Token, lex: StatementLexicon) -> bool:
    """ "its entity list", "the sanctions list", "a terrorism blacklist"."""
    lemma = noun.lemma_.lower()  # "the Entity List": a proper name keeps its capital
    if lemma in ("blacklist", "watchlist", "blocklist", "denylist"):
        return True
    return lemma == "list" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in lex.lists for c in noun.children
    )


def _addressees(ctx: RuleContext, word: Token, lex: StatementLexicon) -> list[Mention]:
    found = [m for p in pobjs(word, lex.addressee) for m in ctx.owner_of(p)]
    if found:  # "grateful to our partners, including A and B": the parse hangs the list here
        found += [m for p in pobjs(word, tuple(ctx.lex.member_markers)) for m in ctx.actors_of(p)]
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in lex.addressee):
        for conj in prep.conjuncts:  # "grateful to A ... and to B"
            found += [m for p in conj.children if p.dep_ == "pobj" for m in ctx.owner_of(p)]
    return found + gratitude_lists(ctx, word, lex.addressee)


def _cut_ties(ctx: RuleContext, token: Token, lex: StatementLexicon) -> Iterator[Found]:
    """ "A suspended aid to B", "A severed ties with B", "A's suspension of links with B";
    "the AU suspended Niger" (an actor excluded)."""
    if token.pos_ == "VERB" and token.lemma_ in lex.excluding and not ctx.is_passive(token):
        excluded = [m for c in token.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
        yield "cut-ties", C, ctx.subjects(token), excluded, token
    if token.pos_ == "VERB" and token.lemma_ in lex.operation_verbs and not ctx.is_passive(token):
        # "A suspended the activities of B", "A revoked B's accreditation"
        ops = [c for c in token.children
               if c.dep_ == "dobj" and (c.lemma_ in lex.operations or c.lower_ in lex.operations)]  # fmt: skip
        owners = [m for o in ops for m in ctx.owner_of(o)]
        yield "cut-ties", C, ctx.subjects(token), owners, token
    if token.pos_ == "VERB":
        ties = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        cutters = [] if ctx.is_passive(token) else ctx.subjects(token)
    else:
        ties = pobjs(token, ("of", "on"))
        cutters = noun_agents(ctx, token)
    ending = token.lemma_ in lex.pact_verbs  # "revoked its accord with B"
    ties = [t for t in ties if t.lemma_ in lex.ties or t.lower_ in lex.ties
            or (ending and (t.lemma_ in lex.pacts or t.lower_ in lex.pacts))]  # fmt: skip
    if not ties:
        return
    targets = [m for t in [token, *ties] for p in pobjs(t, lex.tie_preps) for m in ctx.actors_of(p)]
    yield "cut-ties", C, cutters, targets, token


def _in_custody(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    """ "X died while in Egyptian army custody": the custodian holds X."""
    custodians = [ctx.by_token[c.i] for c in noun.children
                  if c.dep_ in ("poss", "compound", "amod") and c.i in ctx.by_token]  # fmt: skip
    custodians += [m for p in pobjs(noun, ("of",)) for m in ctx.actors_of(p)]
    attached = noun.head.head
    if attached.pos_ in ("VERB", "AUX"):
        held = [m for c in attached.children if c.dep_ in ("nsubj", "nsubjpass")
                for m in ctx.actors_of(c)]  # fmt: skip
        if not held and attached.dep_ == "advcl":  # "... died while in custody"
            held = ctx.subjects(attached.head)
    else:
        held = ctx.actors_of(attached)
    yield "in-custody", D, custodians, held, noun
