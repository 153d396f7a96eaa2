"""A joint statement's collective name for its authors.

"Norway, the United Kingdom and the United States (the Troika) condemn ..." or "released by
the Quartet: the Governments of A, B, C and D": the bracketed or introduced name stands for
all the authors wherever the statement uses it again ("The Troika is deeply concerned ..."),
even when the NER took it for an organisation of its own. The authors themselves come from
``author.document_voice``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graphkit.actors import Mention
from graphkit.rules.context import RuleContext

__all__ = ["collective_author_mentions"]

_OPENING_SENTENCES = 3
_LONGEST = 4  # words of a collective name


def _bracketed(ctx: RuleContext, doc: Doc, start: int) -> tuple[str, ...] | None:
    """ "A, B and C (the Troika)": the words between the brackets, right after an author."""
    before = ctx.by_token.get(start - 1)
    if before is None or before.actor not in ctx.voice:
        return None
    first = start + 1 + (doc[start + 1].lower_ == "the")
    end = next((i for i in range(first, min(first + _LONGEST + 1, len(doc))) if doc[i].text == ")"),
               None)  # fmt: skip
    words = tuple(t.text for t in doc[first:end]) if end else ()
    return words if words and all(t.is_title for t in doc[first:end]) else None


def _introduced(ctx: RuleContext, doc: Doc, colon: int) -> tuple[str, ...] | None:
    """ "released by the Troika: A, B and C": the title-case words before the colon."""
    after = {ctx.by_token[j].actor for j in range(colon + 1, doc[colon].sent.end)
             if j in ctx.by_token}  # fmt: skip
    if len(after & set(ctx.voice)) < 2:
        return None
    start = colon
    while start > 0 and colon - start < _LONGEST and doc[start - 1].is_title:
        start -= 1
    if start == colon or doc[start - 1].lower_ != "the":
        return None
    return tuple(t.text for t in doc[start:colon])


def _collective_name(ctx: RuleContext, doc: Doc) -> tuple[str, ...] | None:
    for number, sentence in enumerate(doc.sents):
        if number >= _OPENING_SENTENCES:
            break
        for token in sentence:
            name = None
            if token.text == "(" and token.i + 1 < len(doc):
                name = _bracketed(ctx, doc, token.i)
            elif token.text == ":":
                name = _introduced(ctx, doc, token.i)
            if name:
                return name
    return None


def collective_author_mentions(ctx: RuleContext) -> list[Mention]:
    """Mentions of a joint statement's collective name: every author, like its "we"."""
    if len(ctx.voice) < 2:
        return []
    name = _collective_name(ctx, ctx.doc)
    if name is None:
        return []
    size = len(name)
    texts = [t.text for t in ctx.doc]
    return [
        Mention(i, i + size, ctx.voice[0], "author")
        for i in range(len(texts) - size + 1)
        if tuple(texts[i : i + size]) == name
    ]
