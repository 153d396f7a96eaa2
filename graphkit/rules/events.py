"""Reactions to an act reported in an earlier sentence.

"Ruritania expelled two Bordurian diplomats on Monday. Borduria denounced the move as
hostile." News reports an act, then the reactions to it, naming the act only by a
definite event noun ("the move", "this decision", "such measures"). A stance verb of the
lexicon (SUPPORTS or CONDEMNS) whose direct object is such a noun, with no possessor and no
"of"/"by" phrase naming anyone, is about whoever did the act: the subject (or passive
agent) of the clause the reaction is coordinated with ("X shelled the port, and Y condemned
the attack"), else of the nearest earlier sentence, at most two back, whose main verb
reports an act rather than a saying or another reaction. A reaction in a relative clause on
an indefinite event noun that sums up the sentence ("X closed the border, a move Y
condemned") is about the sentence's own act. Words: graphkit/data/events.yaml.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.event_words import EventWords, load_event_words

__all__ = ["drawn_reactions", "event_reactions", "referred_doers"]

_STANCES = (RelationType.SUPPORTS, RelationType.CONDEMNS)
_LOOK_BACK = 2  # sentences: reactions follow the act closely in news prose


def event_reactions(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "Borduria denounced the move": Borduria's stance towards the previous act's doer."""
    words = load_event_words()
    types = [t for t, particles in ctx.lex.verbs.get(verb.lemma_, ()) if not particles
             and t in _STANCES]  # fmt: skip
    if verb.lemma_ in words.welcoming:
        types.append(RelationType.SUPPORTS)
    if not types or ctx.is_passive(verb):
        return
    reacting = ctx.subjects(verb)
    if not reacting:
        return
    own = {r.actor for r in reacting}
    if _sums_up(verb, words):  # "X agreed to talks, a step Y welcomed"
        doers = _act_doers(ctx, verb.sent.root, words) or []
    elif any(c.dep_ == "dobj" and _points_back(ctx, c, words) for c in verb.children):
        doers = _previous_doers(ctx, verb, words, own)
    else:
        return
    doers = [m for m in doers if m.actor not in own]
    for rel_type in dict.fromkeys(types):
        yield "event-reaction", rel_type, reacting, doers, verb


def _sums_up(verb: Token, words: EventWords) -> bool:
    """ "<clause>, a move Y condemned", "<clause> in a step Y welcomed": the reaction is a
    relative clause on an indefinite event noun that follows the sentence's clause (set off
    by a comma, which the parser hangs on the root verb or, by mistake, on the clause's last
    noun; or after "in"), the noun its object."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lower_ not in words.nouns or noun.i > verb.i:
        return False
    determiners = [c for c in noun.children if c.dep_ == "det"]
    if not determiners or any(d.lower_ not in ("a", "an") for d in determiners):
        return False
    before = noun.doc[determiners[0].i - 1] if determiners[0].i > 0 else None
    set_off = before is not None and before.text == "," and noun.dep_ in ("npadvmod", "appos")
    in_a_move = noun.dep_ == "pobj" and noun.head.lower_ == "in"
    gap = [c for c in verb.children if c.dep_ == "dobj"]  # the relative pronoun at most
    return (set_off or in_a_move) and all(c.tag_ in ("WDT", "WP") for c in gap)


def drawn_reactions(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "X fired a missile, prompting condemnation from Y", "the law drew criticism from Y":
    Y's stance towards X."""
    words = load_event_words()
    if verb.lemma_ not in words.drawing_verbs:
        return
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "pobj", "nsubjpass")]
    nouns += pobjs(verb, ("with",))  # "was met with condemnation from Y"
    for noun in nouns:
        rel_type = words.drawn_nouns.get(noun.lower_) or ctx.lex.nouns.get(noun.lemma_)
        if rel_type not in _STANCES:
            continue
        reacting = [m for p in pobjs(noun, ("from", "by", "among")) + pobjs(verb, ("from",))
                    for m in ctx.actors_of(p)]  # fmt: skip
        doers = ctx.subjects(verb) or [
            m for c in verb.children if c.dep_ == "nsubj" for m in ctx.owner_of(c)
        ]  # "Hungary's new law drew criticism": the law's owner
        if ctx.is_passive(verb):  # "the plan was met with criticism from Y"
            doers = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.owner_of(c)]
        yield "drawn-reaction", rel_type, reacting, doers, noun


def referred_doers(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who did the act a bare definite event noun refers back to ("shocked by the decision",
    "called the seizure illegal"); nobody if the noun names its actors or points nowhere."""
    words = load_event_words()
    if not _points_back(ctx, noun, words):
        return []
    clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), noun)
    return _previous_doers(ctx, clause, words)


def _points_back(ctx: RuleContext, noun: Token, words: EventWords) -> bool:
    if noun.lemma_.lower() not in words.nouns and noun.lower_ not in words.nouns:
        return False
    determiners = [c for c in noun.children if c.dep_ in ("det", "predet")]
    if not any(d.lower_ in words.pointing for d in determiners):
        return False
    if any(c.dep_ == "poss" for c in noun.children) or pobjs(noun, ("of", "by", "against")):
        return False  # "Ruritania's decision", "the arrest of X": the phrase names its actors
    return not any(t.i in ctx.by_token for t in noun.subtree)


def _previous_doers(
    ctx: RuleContext, clause: Token, words: EventWords, reacting: Collection[str] = ()
) -> list[Mention]:
    """The doers of the act before ``clause``: its coordinated earlier clause (unless that
    clause is the reacting actors' own), else the nearest earlier sentence reporting one."""
    if clause.dep_ == "conj" and clause.head.i < clause.i:
        doers = _act_doers(ctx, clause.head, words)
        if doers and not {m.actor for m in doers} <= set(reacting):
            return doers
    for earlier in reversed(ctx.earlier_sentences(clause.sent[0], _LOOK_BACK)):
        doers = _act_doers(ctx, earlier.root, words)
        if doers is not None:
            return doers
    return []


def _act_doers(ctx: RuleContext, root: Token, words: EventWords) -> list[Mention] | None:
    """Who did the act the clause headed by ``root`` reports; None when it reports no act
    (a saying, another reaction, no verb)."""
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in words.reactions:
        return None
    if root.lemma_ in ctx.lex.speech_verbs and any(c.dep_ == "ccomp" for c in root.children):
        return None  # "..., he added": a saying
    if ctx.is_passive(root):
        return [m for c in root.children if c.dep_ == "agent"
                for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    return ctx.subjects(root) or [  # "China's coast guard blocked ...": its owner
        m for c in root.children if c.dep_ == "nsubj" for m in ctx.owner_of(c)
    ]
