"""Named coalitions: a name the text gives to a list of actors stands for each of them.

"Chile, Peru and Brazil (the Group of Friends) condemn ...", "a statement
released by the Quartet: the Governments of A, B and C": later, "The Group of Friends calls on X"
is every member calling on X. Only a name the document introduces counts (a registry
body such as the G7 is an actor of its own), and only for the document that introduces it.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind
from graphkit.rules.context import RuleContext

__all__ = ["coalition_mentions"]

_MEMBER_KINDS = (ActorKind.STATE, ActorKind.BODY, ActorKind.PERSON)
_MAX_NAME = 4  # words of a coalition's name ("the Quartet", "the Group of Friends")


def coalition_mentions(ctx: RuleContext) -> list[Mention]:
    """A mention of its first member for every later use of a coalition name; the members
    are in ``ctx.coalitions`` under the mention's first token."""
    if "(" not in ctx.doc.text and ":" not in ctx.doc.text:
        return []
    names: dict[tuple[str, ...], list[str]] = {}
    introduced: set[int] = set()
    for token in ctx.doc:
        if token.text == "(":
            found = _named_after_list(ctx, token)
        elif token.text == ":":
            found = _named_before_list(ctx, token)
        else:
            continue
        if found is not None:
            name, members, tokens = found
            names.setdefault(name, members)
            introduced.update(tokens)
    if not names:
        return []
    out: list[Mention] = []
    doc = ctx.doc
    for token in doc:
        if token.i in introduced or not (token.is_title or token.is_upper):
            continue
        for name, members in names.items():
            end = token.i + len(name)
            if tuple(t.text for t in doc[token.i : end]) != name:
                continue
            for i in range(token.i, end):  # every word, so the phrase's head finds it
                out.append(Mention(i, i + 1, members[0], "coalition"))
                ctx.coalitions[i] = tuple(members)
    return out


def _name_words(ctx: RuleContext, tokens: list[Token]) -> tuple[str, ...] | None:
    words = tokens[1:] if tokens and tokens[0].lower_ == "the" else tokens
    if not words or len(words) > _MAX_NAME or not (words[0].is_title or words[0].is_upper):
        return None
    if any(t.i in ctx.by_token and ctx.by_token[t.i].via != "ner" for t in words):
        return None  # a registry name: an actor of its own
    return tuple(t.text for t in words)


def _members(ctx: RuleContext, token: Token, climb: bool = True) -> list[str]:
    top = token
    while climb and top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    actors: list[str] = []
    for m in ctx.actors_of(top):
        if ctx.table.kind(m.actor) in _MEMBER_KINDS and m.actor not in actors:
            actors.append(m.actor)
    return actors


def _named_after_list(
    ctx: RuleContext, paren: Token
) -> tuple[tuple[str, ...], list[str], set[int]] | None:
    """ "A, B and C (the Group of Friends)"."""
    doc = ctx.doc
    window = doc[paren.i + 1 : paren.i + 3 + _MAX_NAME]
    close = next((t.i for t in window if t.text == ")"), None)
    if close is None or paren.i == 0 or paren.i - 1 not in ctx.by_token:
        return None
    name = _name_words(ctx, list(doc[paren.i + 1 : close]))
    last = ctx.by_token[paren.i - 1]
    members = _members(ctx, doc[last.start : last.end].root)
    if name is None or len(members) < 2:
        return None
    return name, members, set(range(paren.i, close + 1))


def _named_before_list(
    ctx: RuleContext, colon: Token
) -> tuple[tuple[str, ...], list[str], set[int]] | None:
    """ "released by the Quartet: the governments of A, B and C"."""
    doc = ctx.doc
    start = colon.i
    while start > colon.sent.start and colon.i - start < _MAX_NAME + 1:
        if not (doc[start - 1].is_title or doc[start - 1].is_upper):
            break
        start -= 1
    if start == colon.i:
        return None
    name = _name_words(ctx, list(doc[start : colon.i]))
    heads = [
        t for t in doc[colon.i + 1 : colon.sent.end] if t.head.i <= colon.i or t.dep_ == "ROOT"
    ]
    heads = heads or [t for t in doc[colon.i + 1 : colon.sent.end] if t.head.i == t.i]
    members = [a for h in heads[:1] for a in _members(ctx, h, climb=False)]
    if name is None or len(members) < 2:
        return None
    return name, members, set(range(start, colon.i))
