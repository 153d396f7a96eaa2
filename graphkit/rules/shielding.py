"""Shielding: defeating a text that condemns someone is taking their side.

"Ruritania vetoed a draft text condemning Borduria", "Ruritania blocked a
statement criticising Borduria", "Ruritania voted against a motion censuring Borduria":
Ruritania SUPPORTS Borduria. The text is a document noun (lexicon.yaml's ``documents`` and
events.yaml's ``shielding.texts``) whose participle or relative clause is a CONDEMNS verb
of the lexicon, or which is "against" someone ("a resolution against Borduria"). Words:
graphkit/data/events.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.documents import explicit_stance
from graphkit.rules.event_words import load_event_words

__all__ = ["shielding_rules", "vote_rules"]

_YES = frozenset(["yes", "favour", "favor"])
_NO = frozenset(["no"])
_LOOK_BACK = 2  # sentences back to the text voted on


def shielding_rules(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "A vetoed / blocked a text condemning B", "A voted against a text condemning B"."""
    words = load_event_words()
    if verb.lemma_ in words.shielding_verbs and not ctx.is_passive(verb):
        defeated = [c for c in verb.children if c.dep_ == "dobj"]
    elif verb.lemma_ in words.against_verbs:
        defeated = pobjs(verb, ("against",))
    else:
        return
    documents = ctx.lex.documents | words.texts
    shielded = [m for text in defeated if text.lemma_ in documents for m in _condemned(ctx, text)]
    if shielded:
        yield "shielding", RelationType.SUPPORTS, ctx.subjects(verb), shielded, verb


def _condemned(ctx: RuleContext, text: Token) -> list[Mention]:
    """Whom a text condemns: the object of its condemning participle or relative clause
    ("a resolution condemning B's attacks"), or its "against" phrase."""
    found = [m for p in pobjs(text, ("against",)) for m in ctx.owner_of(p)]
    for clause in text.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        if not any(t is RelationType.CONDEMNS for t, _ in ctx.lex.verbs.get(clause.lemma_, ())):
            continue
        found += [m for c in clause.children if c.dep_ == "dobj" for m in ctx.owner_of(c)]
    return found


def vote_rules(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """A vote on a text named before: "A resolution condemning X was put to the vote. B and
    C voted yes (in favour, for it)": B and C condemn X; "D voted no (against it)": D
    shields X."""
    if verb.lemma_ != "vote":
        return
    yes = any(c.lower_ in _YES for c in verb.subtree if c.i > verb.i)
    yes |= any(p.lower_ in ("it", "this") for p in pobjs(verb, ("for",)))
    no = any(c.dep_ in ("advmod", "dobj", "intj") and c.lower_ in _NO for c in verb.children)
    no |= any(p.lower_ in ("it", "this") for p in pobjs(verb, ("against",)))
    if yes == no:
        return
    stance = _text_voted_on(ctx, verb)
    if stance is None:
        return
    rel_type, targets = stance
    if yes:
        yield "vote", rel_type, ctx.subjects(verb), targets, verb
    elif rel_type is RelationType.CONDEMNS:
        yield "vote", RelationType.SUPPORTS, ctx.subjects(verb), targets, verb


def _text_voted_on(ctx: RuleContext, verb: Token) -> tuple[RelationType, list[Mention]] | None:
    """The stance of the last text with one, in the vote's sentence before it or in the
    sentences just before."""
    start = (ctx.earlier_sentences(verb, _LOOK_BACK) or [verb.sent])[0].start
    for token in reversed(ctx.doc[start : verb.i]):
        if token.lemma_ in ctx.lex.documents:
            stance = explicit_stance(ctx, token)
            if stance is not None:
                return stance
    return None
