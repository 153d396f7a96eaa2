"""Support, findings and sanctions acts in official statements.

- Alliance: "our trusted ally, X", "X, our longtime partner", "our allies like X": the
  one whose ally X is SUPPORTS X (alliance is mutual; the possessor names the relation).
- Gratitude lists: "grateful to our friends ..., including the governments of A and B",
  "thanks to A ..., and to B for its help" (gratitude itself is in statements.py).
- Findings: "the Commission of Inquiry determined that X's violations ...", "the Working
  Group found ... in violation of X's obligations": the finding body CONDEMNS the state.
- Sanctions acts of the author: "this sanctions action against X", "today's action against
  X", "a decree imposing sanctions against X" in a statement: its voice CONDEMNS X;
  "X, a U.S.-designated terrorist group": the designator CONDEMNS X.
- Statements of support: "I want to thank X", "we believe X can play a vital role",
  "answering X's plea for help", "X, backed by Y", "sanctioned A for having provided
  material support to Y" (A SUPPORTS Y).
Designations others made (designations.py), named coalitions (coalitions.py) and short
names (acronyms.py) have modules of their own. Words: graphkit/data/support.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.statement_words import load_statement_lexicon
from graphkit.rules.support_words import SupportLexicon, load_support

__all__ = [
    "SELF_CHECKED_RULES",
    "alliance_named",
    "gratitude_lists",
    "own_people",
    "support_rules",
]

S, C = RelationType.SUPPORTS, RelationType.CONDEMNS
# rules that check negation themselves: the wish or the belief frames the act, it does not
# make it hypothetical
SELF_CHECKED_RULES = frozenset({"performative-gratitude", "role-belief"})
_DESIGNATORS = (ActorKind.STATE, ActorKind.BODY)  # governments and the UN, EU and the like
_FINDERS = (ActorKind.BODY, ActorKind.COMPANY)
_FIRST_PERSON_VIAS = ("author", "speaker")  # "our" of a statement, or of a quote's speaker
_BACKING = load_statement_lexicon().backing  # "back", "support", "fund", "arm" ...


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every lemma or word a support rule starts from: the rest of the tokens are skipped
    at once (one set lookup per token)."""
    lex = load_support()
    return frozenset(
        lex.alliance_nouns | lex.finding_verbs | lex.sanction_acts | lex.performative_heads
        | lex.answer_verbs | lex.reason_verbs | _BACKING | {"play", "sanctions"}
    )  # fmt: skip


def support_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    triggers = _triggers()
    if token.lemma_ not in triggers and token.lower_ not in triggers and token.dep_ != "amod":
        return
    lex = load_support()
    if token.pos_ == "NOUN" and token.lemma_ in lex.alliance_nouns:
        members = _allies(ctx, token) if _alliance_owners(ctx, token) else []
        if members:
            yield "alliance", S, _alliance_owners(ctx, token), members, token
    elif token.pos_ == "VERB" and token.lemma_ in lex.finding_verbs:
        yield from _finding(ctx, token, lex)
    hyphened = token.i > 1 and ctx.doc[token.i - 1].text == "-"
    if token.dep_ == "amod" and (
        token.lower_.endswith(lex.designated_suffixes)
        or (hyphened and f"-{token.lower_}" in lex.designated_suffixes)
    ):
        yield from _designated_by(ctx, token, lex)
    if token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_ in _BACKING:
        # "Hezbollah, backed by Iran, ...": the agent backs the noun the participle describes
        backers = [m for p in pobjs(token, ("by",), ("agent", "prep")) for m in ctx.actors_of(p)]
        yield "backed-by", S, backers, ctx.actors_of(token.head, expand=False), token
    if token.pos_ in ("VERB", "AUX") and token.lemma_ in lex.performative_heads:
        yield from _performative(ctx, token, lex)
    if token.pos_ == "VERB" and token.lemma_ == "play" and token.dep_ == "ccomp":
        yield from _role_belief(ctx, token, lex)
    if token.pos_ == "VERB" and token.lemma_ in lex.answer_verbs:
        yield from _answered_call(ctx, token, lex)
    if token.pos_ == "VERB" and token.lemma_ in lex.reason_verbs:
        yield from _support_reason(ctx, token)
    elif token.pos_ == "NOUN" and token.lemma_ in lex.sanction_acts:
        yield from _sanctions_act(ctx, token, lex)
    if token.lower_ == "sanctions" and token.pos_ in ("NOUN", "PROPN"):
        yield from _imposed_sanctions(ctx, token, lex)


# --- alliance --------------------------------------------------------------------------
def _alliance_owners(ctx: RuleContext, noun: Token) -> list[Mention]:
    """The speaker who names its ally ("our ally"): a third party's "allies, including X"
    keeps the agent-noun reading (X backs the possessor)."""
    owners = [ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    owners = [m for m in owners if m.via in _FIRST_PERSON_VIAS]
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
    if noun.dep_ == "appos":  # "X, our longtime partner"
        members += ctx.actors_of(noun.head, expand=False)
    if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "remain"):  # "X is our closest ally"
        members += [m for c in noun.head.children if c.dep_ == "nsubj" for m in ctx.actors_of(c)]
    return members


def alliance_named(ctx: RuleContext, noun: Token) -> bool:
    """Is this an alliance noun whose ally is named beside it (handled here, in the
    possessor's direction, rather than as an agent noun)?"""
    return (
        noun.lemma_ in load_support().alliance_nouns
        and bool(_alliance_owners(ctx, noun))
        and bool(_allies(ctx, noun))
    )


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
    # a body ("the Working Group on ..." may be read as a company for its "group")
    bodies = [m for m in ctx.subjects(verb) if ctx.table.kind(m.actor) in _FINDERS]
    if not bodies:
        return
    states: list[Mention] = []
    for complement in (c for c in verb.children if c.dep_ in ("ccomp", "dobj")):
        for token in complement.subtree:
            if token.pos_ == "VERB" and token.lemma_ in lex.violation_verbs:
                # "X's abductions breached its obligations", "X violated the covenant"
                doers = [c for c in token.children if c.dep_ == "nsubj"]
                owners = [m for d in doers for m in ctx.owner_of(d)]
                states += [m for m in owners if ctx.table.kind(m.actor) is ActorKind.STATE]
            elif token.lower_ in lex.finding_words or token.lemma_ in lex.finding_words:
                owners = ctx.owner_of(token)
                # "X's gross violations": the parser may hang the possessor as nmod
                owners += [ctx.by_token[c.i] for c in token.children
                           if c.dep_ == "nmod" and c.i in ctx.by_token]  # fmt: skip
                states += [m for m in owners if ctx.table.kind(m.actor) is ActorKind.STATE]

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


def _imposed_sanctions(ctx: RuleContext, noun: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "a decree imposing sanctions against X", an order titled "Imposing Sanctions With
    Respect to X": sanctions imposed by no one named, in a government's statement, are its
    own."""
    voice = [a for a in ctx.voice if ctx.table.kind(a) is ActorKind.STATE]
    if not voice:
        return
    imposing = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.lemma_.lower()
                in ("impose", "imposing")]  # fmt: skip
    head = noun.head
    if not imposing and noun.dep_ == "dobj" and head.lemma_ == "impose":
        if head.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return  # "X imposed sanctions on Y": the verb rules' own
        imposing = [head]
    if not imposing or any(c.dep_ == "poss" or c.i in ctx.by_token for c in noun.children):
        return
    targets = [m for p in pobjs(noun, lex.sanction_preps) for m in ctx.actors_of(p)]
    if head.lemma_ == "impose":
        targets += [m for p in pobjs(head, ("on", "against")) for m in ctx.actors_of(p)]
    authors = [Mention(noun.i, noun.i + 1, actor, "author") for actor in voice]
    yield "sanctions-act", C, authors, targets, noun


def _role_belief(ctx: RuleContext, play: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "We believe that X can play a vital role in ...": the speaker backs X (the
    modal is the belief's, not a doubt; a negation anywhere cancels it)."""
    belief = play.head
    if belief.lemma_ not in lex.belief_verbs or any(
        c.dep_ == "neg" for t in (play, belief) for c in t.children
    ):
        return
    speakers = [c for c in belief.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we")]
    roles = [c for c in play.children if c.dep_ == "dobj" and c.lemma_ == "role"]
    if not speakers or not any(a.lower_ in lex.role_qualities for r in roles for a in r.children):
        return
    yield "role-belief", S, ctx.actors_of(speakers[0]), ctx.subjects(play), play


def _answered_call(ctx: RuleContext, verb: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "answering X's plea for help", "heeded the appeal of Chad for
    help": whoever answers a call for help supports the caller."""
    calls = [c for c in verb.children if c.dep_ == "dobj"] + pobjs(verb, ("to",))
    for call in (c for c in calls if c.lemma_ in lex.calls):
        if not any(p.lemma_ in lex.help_words for p in pobjs(call, ("for",))):
            continue
        callers = [
            ctx.by_token[c.i] for c in call.children if c.dep_ == "poss" and c.i in ctx.by_token
        ]
        callers += [m for p in pobjs(call, ("of", "from")) for m in ctx.actors_of(p)]
        yield "answered-call", S, ctx.subjects(verb), callers, verb


# --- performative thanks ------------------------------------------------------------------
def _performative(ctx: RuleContext, head: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "I want to thank X", "we wish to recognize X, our co-host, for ...",
    "I wish to express my gratitude to X": the first-person wish is the thanks itself."""
    speakers = [c for c in head.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we")]
    if not speakers or any(c.dep_ == "neg" for c in head.children):
        return
    authors = ctx.actors_of(speakers[0])
    words = load_statement_lexicon()
    for act in (c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        if any(c.dep_ == "neg" for c in act.children):
            continue
        objects = [c for c in act.children if c.dep_ == "dobj"]
        if act.lemma_ in lex.performative_verbs:
            thanked = [m for o in objects for m in ctx.owner_of(o)]
            yield "performative-gratitude", S, authors, thanked, act
        for noun in (o for o in objects if o.lemma_ in words.grateful_nouns):
            preps = words.addressee
            thanked = [m for p in pobjs(noun, preps) + pobjs(act, preps, ("prep", "dative"))
                       for m in ctx.owner_of(p)]  # fmt: skip
            yield "performative-gratitude", S, authors, thanked, noun


# --- the reason given for a designation -----------------------------------------------------
def _support_reason(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "sanctioned A, B and C for having financed, armed or otherwise backed ... Y": the
    designees supported Y. The parser breaks such lists of verbs in many ways, so the reason
    is read in word order: from "for" + gerund to the end of the sentence, the actors named
    after its first support word."""
    designees = [m for c in verb.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
    reasons = [
        p for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "for" and p.i + 1 < len(ctx.doc)
        and ctx.doc[p.i + 1].tag_ == "VBG"
    ]  # fmt: skip
    if not designees or not reasons:
        return
    # the reason ends where the main verb's own next clause begins ("..., and said he
    # would raise it with Y": Y is no part of the reason)
    end = next((t.i for t in ctx.doc[reasons[0].i + 1 : verb.sent.end]
                if t.head.i == verb.i and t.dep_ in ("cc", "conj")), verb.sent.end)  # fmt: skip
    clause = ctx.doc[reasons[0].i + 1 : end]
    first = next((t for t in clause if _supports(ctx, t)), None)
    if first is None:
        return
    supported = [
        m for t in ctx.doc[first.i : end]
        if t.dep_ in ("pobj", "dobj") and t.i in ctx.by_token
        for m in ctx.actors_of(t, expand=False)
    ]  # fmt: skip
    yield "designation-reason", S, designees, supported, first


def _supports(ctx: RuleContext, token: Token) -> bool:
    if token.pos_ == "VERB":
        return any(t is S for t, _ in ctx.lex.verbs.get(token.lemma_, ()))
    return token.pos_ == "NOUN" and ctx.lex.nouns.get(token.lemma_) is S


# --- "a U.S.-designated group" ---------------------------------------------------------------
def _designated_by(ctx: RuleContext, word: Token, lex: SupportLexicon) -> Iterator[Found]:
    """ "X, a U.S.-designated terrorist group", "UK-sanctioned oligarchs": the state
    in the modifier condemns what it designated (the prefix is one token with the
    participle, or the compound before a hyphen)."""
    prefix = word.text.rsplit("-", 1)[0] if "-" in word.text else ""
    designators: list[Mention] = []
    if prefix:
        entry = ctx.table.registry.lookup(prefix)
        if entry is not None:
            designators.append(Mention(word.i, word.i + 1, ctx.table.from_entry(entry), "registry"))
    elif word.i - 2 in ctx.by_token:  # "UK - sanctioned": the tokenizer's own split
        designators.append(ctx.by_token[word.i - 2])
    designators = [m for m in designators if ctx.table.kind(m.actor) in _DESIGNATORS]
    noun = word.head
    if word.lower_.endswith(("designated", "listed")) and noun.lemma_ not in lex.designated_nouns:
        return  # "a Kremlin-designated governor" is appointed; "a London-listed firm" is traded
    designated = ctx.actors_of(noun)
    if not designated and noun.dep_ == "appos":  # "X, a U.S.-designated group"
        designated = ctx.actors_of(noun.head, expand=False)
    yield "designated-by", C, designators, designated, word


def own_people(ctx: RuleContext, source: str, target: str) -> bool:
    """Is ``target`` the people of the state ``source`` ("we stand with these
    Americans" in a US statement)? A government's care for its own citizens takes no side."""
    if (
        ctx.table.kind(target) is not ActorKind.GROUP
        or ctx.table.kind(source) is not ActorKind.STATE
    ):
        return False
    state = ctx.table.actors[source].registry
    name = ctx.table.actors[target].name
    return state is not None and any(f"{d}s" == name for d in state.demonyms)
