"""Statement rules: relations stated without a relation verb.

- Gratitude: "we are grateful to X", "special thanks to X", "I appreciate X's leadership":
  the grateful actor SUPPORTS X.
- Release: "called on X to release Y", "X refused to free Y", "X released Y": whoever is
  asked to release, or releases, someone holds them (X DETAINS Y), whatever is said of the
  release itself, so negation and requests do not cancel it.
- Answered requests: "A rejected B's demand", "A bowed to demands from B", "B issued an
  ultimatum to A": B LOBBIES A, whether or not A gave in.
- Conditional threats: "A threatened to quit the talks unless B withdrew": A LOBBIES B.
- Reported obligations: "A said B must withdraw", "A demanded that B free the prisoners":
  A LOBBIES B.
- Protest actions: "A staged rallies against B's policies", "A began a hunger strike in
  protest at B's decision": A CONDEMNS B.
Word lists: graphkit/data/statements.yaml.
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

__all__ = [
    "PRESUPPOSED_RULES",
    "StatementLexicon",
    "load_statement_lexicon",
    "release_requests",
    "statement_rules",
]

S, C, L, D = (
    RelationType.SUPPORTS,
    RelationType.CONDEMNS,
    RelationType.LOBBIES,
    RelationType.DETAINS,
)
# Relations that hold whatever the clause says of the act: "refused to release Y" still
# says Y is held; "rejected B's demand" still says B made it.
PRESUPPOSED_RULES = frozenset({"release-holder", "answered-request"})
_CLAUSES = ("ccomp", "xcomp", "advcl", "conj")


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
    allegation_verbs: frozenset[str]
    backing: frozenset[str]
    asking_verbs: frozenset[str]
    ousting: frozenset[str]
    release_nouns: frozenset[str]
    release_requests: frozenset[str]
    offers: frozenset[str]
    ending: frozenset[str]
    cutting_verbs: frozenset[str]
    cutting_nouns: frozenset[str]
    ties: frozenset[str]
    tie_preps: tuple[str, ...]


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
        allegation_verbs=frozenset(raw["allegation_verbs"]),
        backing=frozenset(raw["backing_participles"]),
        asking_verbs=words("asked_for", "verbs"),
        ousting=words("asked_for", "ousting"),
        release_nouns=words("release", "nouns"),
        release_requests=words("release", "request_verbs") | words("release", "request_nouns"),
        offers=words("requests", "offers"),
        ending=words("asked_for", "ending"),
        cutting_verbs=words("cutting", "verbs"),
        cutting_nouns=words("cutting", "nouns"),
        ties=words("cutting", "ties"),
        tie_preps=tuple(raw["cutting"]["preps"]),
    )


def statement_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    lex = load_statement_lexicon()
    lemma, pos = token.lemma_, token.pos_
    if pos == "ADJ" and token.lower_ in lex.grateful_adjectives:
        addressees = _addressees(ctx, token, lex)
        yield "gratitude", S, ctx.subjects(token.head), addressees, token
    elif pos == "NOUN" and lemma in lex.grateful_nouns:
        yield "gratitude", S, _holders(ctx, token), _addressees(ctx, token, lex), token
    elif pos == "VERB" and lemma in lex.grateful_verbs:
        owners = [m for o in token.children if o.dep_ == "dobj" for m in ctx.owner_of(o)]
        yield "gratitude", S, ctx.subjects(token), owners, token
    if pos == "VERB" and lemma in lex.release_verbs:
        held = [m for o in token.children if o.dep_ == "dobj" for m in ctx.actors_of(o)]
        if held:
            yield "release-holder", D, _releasers(ctx, token, lex), held, token
    if token.tag_ == "VBN" and token.dep_ == "acomp" and _detaining(ctx, token):
        # "many leaders remain unjustly detained in Nicaragua, including X"
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
    if pos == "NOUN" and lemma in lex.request_nouns:
        yield from _answered_request(ctx, token, lex)
    if pos == "VERB" and lemma in lex.asking_verbs:
        yield from _asked_for(ctx, token, lex)
    if (pos == "VERB" and lemma in lex.cutting_verbs) or (
        pos == "NOUN" and lemma in lex.cutting_nouns
    ):
        yield from _cut_ties(ctx, token, lex)
    if pos == "NOUN" and lemma == "protest" and token.head.lower_ == "in":
        # "A continued a hunger strike in protest of B's refusal"
        preps = ("against", "at", "over", "of")
        targets = [m for p in pobjs(token, preps) for m in ctx.owner_of(p)]
        attached = token.head.head
        holders = (
            ctx.subjects(attached) if attached.pos_ in ("VERB", "AUX") else _holders(ctx, attached)
        )
        yield "protest-action", C, holders, targets, token
    if pos == "VERB" and lemma in lex.threat_verbs:
        yield from _conditional_threat(ctx, token, lex.conditions)
    elif pos == "VERB" and lemma in lex.statement_verbs:
        yield from _conditional_threat(ctx, token, lex.statement_conditions)
    if pos == "VERB" and (lemma in lex.speech_verbs or lemma in lex.demand_verbs):
        yield from _obligation(ctx, token, lex)
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
            holders = _holders(ctx, token) if pos == "NOUN" else ctx.subjects(token)
            if pos == "NOUN":  # "Palestinian riots against ...": the protesters' people
                holders += [ctx.by_token[c.i] for c in token.children if c.dep_ == "amod"
                            and c.i in ctx.by_token
                            and ctx.table.kind(ctx.by_token[c.i].actor) is ActorKind.GROUP]  # fmt: skip
            yield "protest-action", C, holders, targets, token


def _detaining(ctx: RuleContext, verb: Token) -> bool:
    return any(t is D for t, _ in ctx.lex.verbs.get(verb.lemma_, ()))


def _holders(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who has a noun: its possessor, a named modifier, or the subject of its verb."""
    from graphkit.rules.nouns import noun_agents  # nouns imports context: no cycle at use

    return noun_agents(ctx, noun)


def _addressees(ctx: RuleContext, word: Token, lex: StatementLexicon) -> list[Mention]:
    found = [m for p in pobjs(word, lex.addressee) for m in ctx.owner_of(p)]
    if found:  # "grateful to our partners, including A and B": the parse hangs the list here
        found += [m for p in pobjs(word, tuple(ctx.lex.member_markers)) for m in ctx.actors_of(p)]
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in lex.addressee):
        for conj in prep.conjuncts:  # "grateful to A ... and to B"
            found += [m for p in conj.children if p.dep_ == "pobj" for m in ctx.owner_of(p)]
    return found


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
    while head.dep_ == "conj":  # "to release A as well as to free B"
        head = head.head
    if head.dep_ in ("xcomp", "ccomp", "advcl", "acl") and head.head is not head:
        asked = _asked(ctx, head.head)
        if asked:
            return asked
        if head.head.lemma_ in ctx.lex.requests or head.head.lemma_ in lex.request_nouns:
            return []  # asked of nobody named: the asker does not hold anyone
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
    things = [c for c in verb.children if c.dep_ == "dobj"] + pobjs(verb, ("for",))
    asked = []
    for thing in things:
        if thing.lemma_ in lex.ousting:
            asked += ctx.owner_of(thing)
        elif thing.lemma_ in lex.ending:  # "an end to B's policy"
            asked += [m for p in pobjs(thing, ("to", "of")) for m in ctx.owner_of(p)]
        asked += [m for p in pobjs(thing, ("from",)) for m in ctx.actors_of(p)]
    asked += [m for p in pobjs(verb, ("from",)) for m in ctx.actors_of(p)]
    yield "asked-for", L, askers, asked, verb


def _cut_ties(ctx: RuleContext, token: Token, lex: StatementLexicon) -> Iterator[Found]:
    """ "A suspended aid to B", "A severed ties with B", "A's suspension of links with B"."""
    if token.pos_ == "VERB":
        ties = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        cutters = [] if ctx.is_passive(token) else ctx.subjects(token)
    else:
        ties = pobjs(token, ("of", "on"))
        cutters = _holders(ctx, token)
    ties = [t for t in ties if t.lemma_ in lex.ties or t.lower_ in lex.ties]
    if not ties:
        return
    targets = [m for t in [token, *ties] for p in pobjs(t, lex.tie_preps) for m in ctx.actors_of(p)]
    yield "cut-ties", C, cutters, targets, token


def release_requests(ctx: RuleContext, held_by: dict[str, list[str]]) -> Iterator[Found]:
    """ "We call for Y's release": whoever the document says holds Y is lobbied; "the
    release of the staff" (no actor) lobbies whoever the document says holds people."""
    lex = load_statement_lexicon()
    for noun in ctx.doc:
        if noun.pos_ != "NOUN" or noun.lemma_ not in lex.release_nouns:
            continue
        held = [c for c in noun.children if c.dep_ == "poss"] + pobjs(noun, ("of",))
        named = [m for t in held for m in ctx.actors_of(t)]
        holders = sorted({h for m in named for h in held_by.get(m.actor, ())})
        if held and not named:  # "the release of all political prisoners": the document's
            holders = sorted(ctx.detainers)  # jailers hold them
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if not holders or governor.lemma_ not in lex.release_requests:
            continue
        askers = ctx.subjects(governor) if governor.pos_ == "VERB" else _holders(ctx, governor)
        lobbied = [Mention(noun.i, noun.i + 1, h, "holder") for h in holders]
        yield "release-request", L, askers, lobbied, noun


def _in_custody(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    """ "X died while in Israeli police custody": the custodian holds X."""
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


def _answered_request(ctx: RuleContext, noun: Token, lex: StatementLexicon) -> Iterator[Found]:
    requesters = [
        ctx.by_token[c.i]
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod") and c.i in ctx.by_token
    ]
    requesters += [m for p in pobjs(noun, ("by", "from")) for m in ctx.owner_of(p)]
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in lex.despite and requesters:
        # "X declined to resign despite pressure from Y": Y lobbied X
        yield "answered-request", L, requesters, ctx.subjects(governor), noun
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


def _conditions(ctx: RuleContext, clause: Token, marks: frozenset[str]) -> list[Mention]:
    """Subjects of "unless B ..." / "if B ..." clauses below ``clause``."""
    found: list[Mention] = []
    for token in clause.subtree:
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
