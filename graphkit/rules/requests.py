"""Request rules: who asks whom, and what a request presupposes.

- Release: "called on X to release Y", "X refused to free Y", "X released Y", "the release
  of Y by X": whoever is asked to release, or releases, someone holds them (X DETAINS Y),
  whatever is said of the release itself, so negation and requests do not cancel it. "We
  call for Y's release" lobbies whoever the document says holds Y.
- Asking for: "A called for B to ...", "A demanded B's resignation", "A sought aid from B".
- Answered requests: "A rejected B's demand", "A bowed to demands from B", "B issued an
  ultimatum to A", "A declined despite pressure from B": B LOBBIES A.
- Conditional threats: "A threatened to quit the talks unless B withdrew": A LOBBIES B.
- Reported obligations: "A said B must withdraw", "A demanded that B free the prisoners":
  A LOBBIES B.
Word lists: graphkit/data/statements.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import RelationType
from graphkit.rules.cessation import CESSATION_RULE
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.nouns import noun_agents
from graphkit.rules.repairs import stray_list_members
from graphkit.rules.statement_words import StatementLexicon, load_statement_lexicon

__all__ = ["PRESUPPOSED_RULES", "release_requests", "request_rules"]

C, D, L = RelationType.CONDEMNS, RelationType.DETAINS, RelationType.LOBBIES
# Relations that hold whatever the clause says of the act: "refused to release Y" still
# says Y is held; "rejected B's demand" still says B made it.
PRESUPPOSED_RULES = frozenset(
    {"release-holder", "answered-request", "answered-criticism", CESSATION_RULE}
)


def request_rules(ctx: RuleContext, token: Token, lex: StatementLexicon) -> Iterator[Found]:
    lemma, pos = token.lemma_, token.pos_
    if pos == "VERB" and lemma in lex.release_verbs:
        objects = [o for o in token.children if o.dep_ == "dobj"]
        objects += [s for o in objects[:1] for s in stray_list_members(o)]
        held = [m for o in objects for m in ctx.actors_of(o)]
        if held:
            yield "release-holder", D, _releasers(ctx, token, lex), held, token
    if pos == "NOUN" and lemma in lex.release_nouns:
        # "the release of Y by X", "X's release of Y": X held Y
        held = [m for p in pobjs(token, ("of",)) for m in ctx.actors_of(p)]
        if held:
            releasers = [m for p in pobjs(token, ("by",)) for m in ctx.actors_of(p)]
            releasers += [m for c in token.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
            yield "release-holder", D, releasers, held, token
    if pos == "NOUN" and lemma in lex.request_nouns:
        yield from _answered_request(ctx, token, lex)
    if pos == "NOUN" and lemma in lex.criticism_nouns:
        yield from _answered_criticism(ctx, token, lex)
    if pos == "VERB" and lemma in lex.asking_verbs:
        yield from _asked_for(ctx, token, lex)
    if pos == "VERB" and lemma in lex.threat_verbs:
        yield from _conditional_threat(ctx, token, lex.conditions)
    elif pos == "VERB" and lemma in lex.statement_verbs:
        yield from _conditional_threat(ctx, token, lex.statement_conditions)
    elif pos == "VERB" and token.dep_ in ("ROOT", "conj"):
        # an ultimatum: "X will boycott the vote unless Y steps down" (CAMEO 139)
        unless = _conditions(ctx, token, lex.statement_conditions, own=True)
        yield "conditional-threat", L, ctx.subjects(token), unless, token
    if pos == "VERB" and (lemma in lex.speech_verbs or lemma in lex.demand_verbs):
        yield from _obligation(ctx, token, lex)


def _asked(ctx: RuleContext, request: Token) -> list[Mention]:
    """The one a request verb or noun addresses: "called on X", "urged X", "appeal to X"."""
    found = [m for c in request.children if c.dep_ in ("dobj", "dative")
             for m in ctx.actors_of(c)]  # fmt: skip
    found += [m for p in pobjs(request, ("on", "upon", "to", "for")) for m in ctx.actors_of(p)]
    return found


def _releasers(ctx: RuleContext, verb: Token, lex: StatementLexicon) -> list[Mention]:
    """Who is asked to release, or releases: "urged X to free Y" -> X; "X freed Y" -> X."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return [] if ctx.is_passive(verb) else ctx.subjects(verb)
    head = verb
    while head.dep_ == "conj":  # "to release A and also to free B"
        head = head.head
    if head.dep_ == "acl" and head.head.pos_ == "NOUN":
        return []  # "a deal to release the hostages": no releaser named
    if head.dep_ in ("xcomp", "ccomp", "advcl", "acl") and head.head is not head:
        asked = _asked(ctx, head.head)
        if asked:
            return asked
        if head.head.lemma_ in ctx.lex.requests or head.head.lemma_ in lex.request_nouns:
            return []  # asked of nobody named: the asker does not hold anyone
    if head.dep_ in ("advcl", "acl"):
        return []  # "praised the accord to free ...": a purpose names no releaser
    return ctx.subjects(verb)


def _asked_for(ctx: RuleContext, verb: Token, lex: StatementLexicon) -> Iterator[Found]:
    """ "A called for B to ...", "A demanded B's resignation", "A sought aid from B"."""
    askers = ctx.subjects(verb)
    infinitive = any(c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                     for a in c.children) for c in verb.children)  # fmt: skip
    if infinitive:  # "called for B to release ...": B is asked
        asked = [m for p in pobjs(verb, ("for",)) for m in ctx.actors_of(p)]
        for clause in verb.children:  # the parse variant [for B to release ...]
            if clause.dep_ == "advcl" and any(m.lower_ == "for" for m in clause.children):
                asked += [m for s in clause.children if s.dep_ == "nsubj"
                          for m in ctx.actors_of(s)]  # fmt: skip
        yield "asked-for", L, askers, asked, verb
    # "called for X" asks for X; "called X a step" does not ("demanded X" does)
    direct = verb.lemma_ in lex.asking_direct
    things = [c for c in verb.children if c.dep_ == "dobj" and direct] + pobjs(verb, ("for",))
    asked = []
    for thing in things:
        # "demanded an AU monitoring force", "sought EU aid": whoever is to provide it
        asked += [ctx.by_token[c.i] for c in thing.children
                  if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.by_token]  # fmt: skip
        if thing.lemma_ in lex.ousting:
            asked += ctx.owner_of(thing)
        elif thing.lemma_ in lex.ending:  # "an end to B's policy"
            asked += [m for p in pobjs(thing, ("to", "of")) for m in ctx.owner_of(p)]
        asked += [m for p in pobjs(thing, ("from",)) for m in ctx.actors_of(p)]
    asked += [m for p in pobjs(verb, ("from",)) for m in ctx.actors_of(p)]
    yield "asked-for", L, askers, asked, verb


def release_requests(ctx: RuleContext, held_by: dict[str, list[str]]) -> Iterator[Found]:
    """ "We call for Y's release": whoever the document says holds Y is lobbied; "the
    release of the staff" (no actor) lobbies whoever the document says holds people."""
    lex = load_statement_lexicon()
    doc = ctx.doc
    wanted = {doc.vocab.strings.add(w) for w in lex.release_nouns}
    # a scan of lemma ids: building a Token for every word of the doc cost more than the rule
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), list(wanted))):
        noun = doc[int(i)]
        if noun.pos_ != "NOUN":
            continue
        held = [c for c in noun.children if c.dep_ == "poss"] + pobjs(noun, ("of",))
        named = [m for t in held for m in ctx.actors_of(t)]
        holders = sorted({h for m in named for h in held_by.get(m.actor, ())})
        if not holders and any(t.tag_ == "PRP$" for t in held):
            named = _held_before(ctx, noun, held_by)  # "his release": he is someone held
            holders = sorted({h for m in named for h in held_by.get(m.actor, ())})
        if held and not named:  # "the release of every jailed blogger": the document's
            holders = sorted(ctx.detainers)  # jailers hold them
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if not holders or governor.lemma_ not in lex.release_requests:
            continue
        askers = ctx.subjects(governor) if governor.pos_ == "VERB" else noun_agents(ctx, governor)
        lobbied = [Mention(noun.i, noun.i + 1, h, "holder") for h in holders]
        yield "release-request", L, askers, lobbied, noun


def _held_before(ctx: RuleContext, noun: Token, held_by: dict[str, list[str]]) -> list[Mention]:
    """The last person the document says is held, named in this or the two sentences before:
    a release presupposes its possessor is held, whoever the nearest "he" would be."""
    start = (ctx.earlier_sentences(noun, 2) or [noun.sent])[0].start
    for i in range(noun.i - 1, start - 1, -1):
        mention = ctx.by_token.get(i)
        if mention is not None and mention.via != "coref" and mention.actor in held_by:
            return [mention]
    return []


def _answered_request(ctx: RuleContext, noun: Token, lex: StatementLexicon) -> Iterator[Found]:
    requesters = [
        ctx.by_token[c.i]
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod") and c.i in ctx.by_token
    ]
    requesters += [m for p in pobjs(noun, ("by", "from")) for m in ctx.owner_of(p)]
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    anchor = noun  # "after weeks of pressure from Y": the span stands in for the pressure
    span = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and span.dep_ == "pobj":
        anchor = span if span.lemma_ in lex.request_spans else noun
    if anchor.dep_ == "pobj" and anchor.head.lower_ in lex.despite and requesters:
        # "X declined to resign despite pressure from Y", "X agreed under pressure from Y"
        acting = anchor.head.head
        if acting.lemma_ in ctx.lex.speech_verbs:  # "X will act, Y said, after pressure ..."
            reported = [c for c in acting.children if c.dep_ == "ccomp"]
            acting = reported[0] if reported else acting
            if acting.dep_ == "parataxis":  # the report hangs on the clause it reports
                acting = acting.head
        if acting.pos_ in ("VERB", "AUX"):
            yield "answered-request", L, requesters, ctx.subjects(acting), noun
        return
    answered = noun.dep_ in ("dobj", "pobj", "nsubjpass") and governor.lemma_ in lex.answers
    if answered and requesters:
        asked = ctx.subjects(governor)
        yield "answered-request", L, requesters, asked, noun
    elif not requesters and noun.dep_ == "dobj" and governor.pos_ == "VERB":
        # "B issued an ultimatum to A" / "B sent a request to A"
        asked = [m for p in pobjs(noun, ("to",)) + pobjs(governor, ("to",))
                 for m in ctx.actors_of(p)]  # fmt: skip
        if asked and governor.lemma_ not in lex.answers:
            yield "answered-request", L, ctx.subjects(governor), asked, noun


def _answered_criticism(ctx: RuleContext, noun: Token, lex: StatementLexicon) -> Iterator[Found]:
    """ "A rejected criticism from B", "A dismissed B's accusations": B criticised A."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj", "nsubjpass") or governor.lemma_ not in lex.rebuttals:
        return
    if any(ctx.owner_of(p) for p in pobjs(noun, ("against", "of", "on", "over", "about"))):
        return  # "A dismissed B's accusations against C": C is the one criticised
    critics = [ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    critics += [m for p in pobjs(noun, ("by", "from")) for m in ctx.actors_of(p)]
    if not critics:
        return
    answering = [m for m in ctx.subjects(governor) if m.actor not in {c.actor for c in critics}]
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if clauses:  # "A rejected allegations by B that C had ...": only if C is A
        accused = {m.actor for c in clauses for s in c.children if s.dep_ == "nsubj"
                   for m in ctx.actors_of(s)}  # fmt: skip
        answering = [m for m in answering if m.actor in accused]
    yield "answered-criticism", C, critics, answering, noun


def _conditions(
    ctx: RuleContext, clause: Token, marks: frozenset[str], own: bool = False
) -> list[Mention]:
    """Subjects of "unless B ..." / "if B ..." clauses below ``clause`` (``own``: only the
    clause's own conditions)."""
    found: list[Mention] = []
    for token in clause.children if own else clause.subtree:
        if token.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in marks for m in token.children
        ):
            found += [m for s in token.children if s.dep_ == "nsubj" for m in ctx.actors_of(s)]
    return found


def _conditional_threat(ctx: RuleContext, verb: Token, marks: frozenset[str]) -> Iterator[Found]:
    speakers = ctx.subjects(verb)
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        yield "conditional-threat", L, speakers, _conditions(ctx, clause, marks), verb


def _obligation(ctx: RuleContext, verb: Token, lex: StatementLexicon) -> Iterator[Found]:
    speakers = ctx.subjects(verb)
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "nsubjpass" for c in clause.children):
            continue  # "B must be punished" judges B, it asks nothing of B
        if _conditions(ctx, clause, lex.conditions) or any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in lex.conditions for m in c.children)
            for c in clause.children
        ):
            continue  # "if B wants ..., it should ...": advice on a condition
        modal = any(c.dep_ == "aux" and c.lower_ in lex.obligation_modals for c in clause.children)
        if modal or verb.lemma_ in lex.demand_verbs:
            obliged = [m for s in clause.children if s.dep_ == "nsubj" for m in ctx.actors_of(s)]
            yield "reported-demand", L, speakers, obliged, verb
