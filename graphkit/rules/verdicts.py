"""Verdicts: prison sentences are detentions, and disapproving of one blames the state.

- Sentences: "a court in Minsk sentenced X to eight years in prison", "the tribunal's ruling to
  sentence X to life", "X was sentenced to ten years", "the conviction and six-year prison
  sentence of X": the state of the court DETAINS X (a fine or an acquittal is no detention).
  The court's state is the one named with it ("a Belarusian court", "Iran's courts", a place
  of the state); else the state the document is about (``RuleContext.focal``, from
  graphkit/coref.py).
- Held prisoners: "X and Y are prisoners of conscience kept by the junta": the holder DETAINS X
  and Y, not the unnamed "prisoners".
- Own nationals: "Americans held in Iran" in a US statement are individual citizens the
  statement is about, not the American people as an actor: no DETAINS of the publisher's
  own people (``support.own_people``, checked in relations.py).
- Wrongful detentions: in a statement that speaks in the first person, "X has unjustly
  jailed Y", "Y remains arbitrarily detained in Z", "X's unlawful detention of Y": the
  authors CONDEMN the detainer.
- Judged acts: "X's detention is arbitrary", "the enactment of Y's law is a violation of
  rights": whoever says so (the subject of "found that ...", or the voice of a statement)
  CONDEMNS the state behind the act.
- Disapproved acts: "we are troubled by the conviction of X", "we condemn the sentencing of
  X", "the court's ruling deeply concerns us": whoever disapproves CONDEMNS the state behind the
  act (its named owner, the court's state, or the document's state).
Word lists: graphkit/data/verdicts.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.lexicon import load_lexicon
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.nouns import noun_agents
from graphkit.yamlfile import parse_yaml

__all__ = ["VerdictWords", "load_verdict_words", "verdict_rules"]

C, D = RelationType.CONDEMNS, RelationType.DETAINS
_ABOUT = ("about", "over", "at", "by", "with", "regarding", "on")
_JUDGES = {ActorKind.STATE, ActorKind.BODY}


@dataclass(frozen=True)
class VerdictWords:
    sentence_verbs: frozenset[str]
    sentence_nouns: frozenset[str]
    terms: frozenset[str]
    courts: frozenset[str]
    court_qualifiers: frozenset[str]
    court_acts: frozenset[str]
    acts: frozenset[str]
    verdicts: frozenset[str]
    detainees: frozenset[str]
    wrongly: frozenset[str]
    finding_verbs: frozenset[str]
    performing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_verdict_words() -> VerdictWords:
    text = resources.files("graphkit").joinpath("data/verdicts.yaml").read_text("utf-8")
    raw = parse_yaml(text)
    return VerdictWords(**{key: frozenset(raw[key]) for key in VerdictWords.__annotations__})


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every lemma or word a verdict rule starts from: the rest of the doc is skipped at once."""
    words, lex = load_verdict_words(), load_lexicon()
    found = set().union(*(getattr(words, f) for f in ("sentence_verbs", "sentence_nouns",
                          "detainees", "acts", "court_acts")))  # fmt: skip
    found |= lex.attitude_nouns | lex.attitude_adjectives | lex.attitude_verbs
    found |= {lemma for lemma, types in lex.verbs.items() if any(t in (C, D) for t, _ in types)}
    found |= {lemma for lemma, t in lex.nouns.items() if t is D}
    return frozenset(found)


def verdict_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    lemma, pos = token.lemma_, token.pos_
    triggers = _triggers()
    if lemma not in triggers and token.lower_ not in triggers:
        return
    words = load_verdict_words()
    if pos == "VERB" and lemma in words.sentence_verbs and _prison_term(token, words):
        yield from _sentenced(ctx, token, words)
    elif pos == "NOUN" and lemma in words.sentence_nouns and _prison_sentence(token, words):
        held = _sentenced_people(ctx, token)
        yield "verdict", D, _noun_judges(ctx, token, words), held, token
    elif pos == "NOUN" and lemma in words.detainees and token.dep_ in ("nsubjpass", "attr"):
        yield from _held_prisoners(ctx, token)
    if pos == "VERB" and token.tag_ == "VBN" and _detaining(ctx, token):
        yield from _held_including(ctx, token)
        yield from _counted_then_named(ctx, token)
    if ctx.voice and _wrongful(ctx, token, words):
        yield from _wrongful_detention(ctx, token)
    if pos == "NOUN" and token.dep_ == "nsubj" and token.head.lemma_ == "be":
        yield from _judged_act(ctx, token, words)
    if pos in ("NOUN", "ADJ", "VERB") and _disapproving(ctx, token):
        yield from _disapproved_acts(ctx, token, words)


def _prison_term(verb: Token, words: VerdictWords) -> bool:
    """ "sentenced X to six years (in prison)", "to life imprisonment", "to death"."""
    return any(t.lemma_ in words.terms for p in pobjs(verb, ("to",)) for t in p.subtree)


def _prison_sentence(noun: Token, words: VerdictWords) -> bool:
    """ "a ten-year prison sentence", "a life sentence", "the sentence of X to six years"."""
    if noun.lemma_ == "term" and not any(c.lemma_ in ("prison", "jail") for c in noun.children):
        return False  # "a term" alone is a period of office as often as a sentence
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(m.lemma_ in words.terms for c in modifiers for m in c.subtree):
        return True
    return _prison_term(noun, words)


def _focal(ctx: RuleContext, token: Token) -> list[Mention]:
    return [Mention(token.i, token.i + 1, ctx.focal, "focal")] if ctx.focal else []


def _court_state(ctx: RuleContext, court: Token, words: VerdictWords) -> list[Mention]:
    """The state a court belongs to: "Iran's Revolutionary Court", "a court in Minsk", "the
    court" of the document's state."""
    if court.lemma_ not in words.courts and court.lower_ not in words.courts:
        return []
    found = [m for m in ctx.actors_of(court, expand=False) if ctx.table.kind(m.actor) in _JUDGES]
    found += [ctx.by_token[c.i] for c in court.children
              if c.dep_ in ("poss", "amod", "compound") and c.i in ctx.by_token]  # fmt: skip
    found += ctx.located_states(court)
    if found:
        return found
    qualifiers = [c for c in court.children if c.dep_ in ("amod", "compound", "nmod", "det")]
    if any(q.lower_ not in words.court_qualifiers for q in qualifiers):
        return []  # "a federal court": maybe the publisher's own
    return _focal(ctx, court)


def _verb_judges(ctx: RuleContext, verb: Token, words: VerdictWords) -> list[Mention]:
    """Who passes the sentence a verb states."""
    if ctx.is_passive(verb):
        agents = [m for a in verb.children if a.dep_ == "agent"
                  for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    else:
        agents = [m for m in ctx.subjects(verb) if ctx.table.kind(m.actor) in _JUDGES]
        judges = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ in ("acl", "xcomp") and verb.head.lemma_ in words.court_acts:
            # "the tribunal's ruling to sentence X"
            judges += [c for c in verb.head.children if c.dep_ == "poss"]
            judges += pobjs(verb.head, ("of",))
        agents += [m for j in judges for m in _court_state(ctx, j, words)]
        if agents or any(j.lemma_ in words.courts for j in judges):
            return agents  # a court named whose state is unknown is nobody's ("a federal court")
    return agents or ctx.located_states(verb) or _focal(ctx, verb)


def _sentenced(ctx: RuleContext, verb: Token, words: VerdictWords) -> Iterator[Found]:
    if ctx.is_passive(verb):
        held = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
        relative = any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in verb.children)
        if relative and verb.dep_ == "relcl":  # "X, who was sentenced to ...": X
            held += ctx.actors_of(verb.head, expand=False)
    else:
        held = [m for c in verb.children if c.dep_ == "dobj" for m in ctx.actors_of(c)]
        # "sentenced A to six years and B to ten": the parser hangs B on the verb
        held += [m for c in verb.children
                 if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for m in ctx.actors_of(c)]  # fmt: skip
    yield "verdict", D, _verb_judges(ctx, verb, words), held, verb


def _sentenced_people(ctx: RuleContext, noun: Token) -> list[Mention]:
    """ "X's prison sentence", "the sentence of X", "the conviction and sentence of X"."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + pobjs(noun, ("of", "for", "against"))
    if noun.dep_ == "conj" and not owners:  # the "of X" hangs on the first conjunct
        first = noun.head
        owners = [c for c in first.children if c.dep_ == "poss"] + pobjs(first, ("of",))
    held = [m for o in owners for m in ctx.actors_of(o)]
    return [m for m in held if ctx.table.kind(m.actor) in (ActorKind.PERSON, ActorKind.GROUP)]


def _noun_judges(ctx: RuleContext, noun: Token, words: VerdictWords) -> list[Mention]:
    agents = [m for p in pobjs(noun, ("by",)) for m in ctx.actors_of(p)]
    agents += [ctx.by_token[c.i] for c in noun.children if c.dep_ in ("poss", "amod")
               and c.i in ctx.by_token and ctx.table.kind(ctx.by_token[c.i].actor) in _JUDGES]  # fmt: skip
    agents += [m for c in noun.children if c.dep_ == "poss" for m in _court_state(ctx, c, words)]
    return agents or ctx.located_states(noun) or _focal(ctx, noun)


def _held_prisoners(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    """ "X and Y are prisoners of conscience (being) kept by the junta": the copula's subject."""
    if ctx.actors_of(noun):
        return
    if noun.dep_ == "attr":  # "are prisoners held by ...": the participle on the noun
        verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        copula = noun.head
    else:  # "are prisoners being held by ...": the noun is the participle's subject
        verbs = [noun.head] if noun.head.dep_ in ("ccomp", "acl", "relcl", "xcomp") else []
        copula = noun.head.head
    if copula.lemma_ not in ("be", "remain"):
        return
    held = [m for c in copula.children if c.dep_ == "nsubj" for m in ctx.actors_of(c)]
    for verb in verbs:
        if any(t is D for t, _ in ctx.lex.verbs.get(verb.lemma_, ())):
            agents = [m for a in verb.children if a.dep_ == "agent"
                      for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
            yield "verdict", D, agents or ctx.located_states(verb), held, verb


def _detaining(ctx: RuleContext, verb: Token) -> bool:
    return any(t is D for t, _ in ctx.lex.verbs.get(verb.lemma_, ()))


def _held_including(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "many clergy remain detained in Y, including A and B": the parser hangs the list on
    the participle; its members are the ones held (not the unnamed group)."""
    if not (ctx.is_passive(verb) or verb.dep_ in ("acomp", "ROOT", "conj", "ccomp")):
        return
    members = [m for p in pobjs(verb, tuple(ctx.lex.member_markers)) for m in ctx.actors_of(p)]
    members = [m for m in members if ctx.table.kind(m.actor) is ActorKind.PERSON]
    if not members:
        return
    agents = [m for a in verb.children if a.dep_ == "agent"
              for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    yield "verdict", D, agents or ctx.located_states(verb), members, verb


def _counted_then_named(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "Four Danes who had been jailed in Y are back home. A, B, C and two others will
    soon ...": the people the next sentence opens with, named as a list, are the counted
    ones (a count, then a list of at least two names as the next sentence's subject)."""
    group = verb.head
    if verb.dep_ not in ("relcl", "acl") or not any(c.dep_ == "nummod" for c in group.children):
        return
    agents = [m for a in verb.children if a.dep_ == "agent"
              for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    agents = agents or ctx.located_states(verb)
    doc = ctx.doc
    nxt = doc[verb.sent.end] if verb.sent.end < len(doc) else None
    while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt is None or not agents:
        return
    subjects = [c for c in nxt.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].left_edge.i != nxt.i:
        return  # the list must open the sentence
    named = [m for m in ctx.actors_of(subjects[0]) if ctx.table.kind(m.actor) is ActorKind.PERSON]
    if len(named) >= 2:
        yield "verdict", D, agents, named, verb


def _wrongful(ctx: RuleContext, token: Token, words: VerdictWords) -> bool:
    """A detention verb or noun qualified as wrongful ("unjustly detained", "unlawful arrest")."""
    if token.pos_ == "VERB":
        if not _detaining(ctx, token):
            return False
    elif token.pos_ != "NOUN" or ctx.lex.nouns.get(token.lemma_) is not D:
        return False
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in words.wrongly for c in token.children)


def _wrongful_detention(ctx: RuleContext, token: Token) -> Iterator[Found]:
    if not _voiced(ctx, token):
        return  # a quote has its own speaker; a document that never says "we" no voice
    if token.pos_ == "NOUN":
        detainers = noun_agents(ctx, token)
    elif ctx.is_passive(token) or token.dep_ == "acomp" or token.tag_ == "VBN":
        # "those arbitrarily detained": the participle's noun is the one held
        detainers = [m for a in token.children if a.dep_ == "agent"
                     for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
        detainers = detainers or ctx.located_states(token)
    else:
        detainers = ctx.subjects(token)
    # a state, a body, or a leader who speaks for a state (the parse may offer the detainee)
    detainers = [m for m in detainers if ctx.table.kind(m.actor) in _JUDGES or m.state]
    authors = [Mention(token.i, token.i + 1, actor, "author") for actor in ctx.voice]
    yield "verdict", C, authors, detainers, token


def _judged_act(ctx: RuleContext, act: Token, words: VerdictWords) -> Iterator[Found]:
    """ "X's detention is arbitrary", "the enactment of Y's law is a tragic violation"."""
    court_act = act.lemma_ in words.court_acts
    if act.lemma_ not in words.acts and ctx.lex.nouns.get(act.lemma_) is not D and not court_act:
        return
    copula = act.head
    judged = [c for c in copula.children if c.dep_ in ("acomp", "attr")]
    judged += [g for c in judged for g in c.conjuncts]
    # "is a sign of repression": what the act is taken as a sign or an example of
    judged += [p for j in judged if j.dep_ == "attr" for p in pobjs(j, ("of",))]
    if not any(_bad(ctx, j, words) or any(_bad(ctx, c, words) for c in j.children
               if c.dep_ == "amod") for j in judged):  # fmt: skip
        return
    if copula.dep_ == "ccomp" and copula.head.lemma_ in words.finding_verbs:
        speakers = ctx.subjects(copula.head)
    elif copula.dep_ == "ROOT" and ctx.voice and _voiced(ctx, act):
        speakers = [Mention(act.i, act.i + 1, actor, "author") for actor in ctx.voice]
    else:
        return
    speakers = [m for m in speakers if ctx.table.kind(m.actor) is not ActorKind.GROUP]
    if court_act:  # "the court's decision ... is a sign of repression": the court's state
        courts = [c for c in act.children if c.dep_ == "poss"] + pobjs(act, ("of", "by"))
        blamed = [m for c in courts for m in _court_state(ctx, c, words)]
    else:
        blamed = _act_owner(ctx, act, words)
    yield "verdict", C, speakers, blamed, act


def _bad(ctx: RuleContext, word: Token, words: VerdictWords) -> bool:
    lex = ctx.lex
    return (
        word.lower_ in words.wrongly
        or word.lemma_ in lex.bad_nouns
        or word.lower_ in lex.bad_adjectives
    )


def _voiced(ctx: RuleContext, token: Token) -> bool:
    """Outside quotes, in a document that speaks in the first person."""
    if any(t.text in ('"', "\u201c", "\u201d") for t in token.sent):
        return False  # a quote has its own speaker
    return any(m.via == "author" for m in ctx.by_token.values())


def _disapproving(ctx: RuleContext, token: Token) -> bool:
    lex = ctx.lex
    if token.pos_ == "NOUN":
        return token.lemma_ in lex.attitude_nouns
    if (token.pos_ == "ADJ" or token.tag_ == "VBN") and token.lower_ in lex.attitude_adjectives:
        return True
    if token.pos_ != "VERB":
        return False
    return token.lemma_ in lex.attitude_verbs or any(
        t is C and not particles for t, particles in lex.verbs.get(token.lemma_, ())
    )


def _holders(ctx: RuleContext, token: Token) -> list[Mention]:
    """Who is concerned, troubled or condemning."""
    if token.pos_ == "NOUN":
        return noun_agents(ctx, token)
    if ctx.is_passive(token):  # "X is deeply troubled by ..."
        return [m for c in token.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT", "conj"):
        return ctx.subjects(token.head if token.dep_ == "acomp" else token)
    return ctx.subjects(token)


def _disapproved_acts(ctx: RuleContext, token: Token, words: VerdictWords) -> Iterator[Found]:
    objects = pobjs(token, _ABOUT) + pobjs(token, ("by",), ("agent",))
    if token.pos_ == "VERB" and not ctx.is_passive(token):
        objects += [c for c in token.children if c.dep_ == "dobj"]
    acts = [a for o in objects for a in (o, *o.conjuncts)]
    blamed: list[Mention] = []
    for act in acts:
        if act.lemma_ in words.court_acts:
            courts = [c for c in act.children if c.dep_ == "poss"] + pobjs(act, ("of", "by"))
            blamed += [m for c in courts for m in _court_state(ctx, c, words)]
        elif act.lemma_ in words.acts and not ctx.actors_of(act):
            blamed += _act_owner(ctx, act, words)
    if blamed:
        yield "verdict", C, _holders(ctx, token), blamed, token


def _act_owner(ctx: RuleContext, act: Token, words: VerdictWords) -> list[Mention]:
    """Who did the act: "China's conviction of X", "the sentence passed by a Cuban court",
    "the passage of Ruritania's law"; else the document's state."""
    owners = [ctx.by_token[c.i] for c in act.children
              if c.dep_ in ("poss", "amod") and c.i in ctx.by_token]  # fmt: skip
    owners += [m for p in pobjs(act, ("by",)) for m in ctx.actors_of(p)]
    if act.lemma_ in ("enactment", "passage", "adoption"):  # of a law: the law's owner
        owners += [ctx.by_token[c.i] for p in pobjs(act, ("of",))
                   for c in p.children if c.dep_ == "poss" and c.i in ctx.by_token]  # fmt: skip
        owners = [m for m in owners if ctx.table.kind(m.actor) is ActorKind.STATE]
        return owners  # no law-giver named: nobody to blame
    judges = [m for m in owners if ctx.table.kind(m.actor) in _JUDGES]
    if judges or (owners and pobjs(act, ("of",))):
        # an owner named is the one to blame, whoever it is ("the militia's detention of X")
        return judges
    # "X's detention": the possessor of a detention is the one held, not its doer
    located = ctx.located_states(act)
    if located or act.lemma_ in words.verdicts:
        return located or _focal(ctx, act)  # a verdict is the state's whose court passed it
    # an arrest or a detention of a named person is the document's state's; "the detention
    # of Ukrainian civilians" may be another state's doing
    held = [c for c in act.children if c.dep_ == "poss"] + pobjs(act, ("of",))
    named = held and all(h.pos_ == "PROPN" for h in held)
    people = [m for h in held for m in ctx.actors_of(h)]
    if named and all(ctx.table.kind(m.actor) is ActorKind.PERSON for m in people):
        return _focal(ctx, act)
    return []
