"""Members named after their collective: "Nearly two dozen countries called on X to ...;
A, B and C were among them." The plural noun of the earlier clause ("countries") stands
for the members the later "A, B and C were among them / those" names, so every rule that
reads that noun's actors (``RuleContext.actors_of``) sees A, B and C.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.rules.context import RuleContext

__all__ = ["collective_members"]

# plural nouns that gather actors: "countries", "the signatories", "several governments"
_COLLECTIVES = frozenset(
    ["country", "state", "nation", "government", "member", "signatory", "ally", "partner",
     "delegation", "democracy", "organisation", "organization", "group", "donor", "sponsor"]
)  # fmt: skip
_POINTING = frozenset(["them", "those"])


def collective_members(ctx: RuleContext) -> dict[int, list[Mention]]:
    """Token index of a collective noun -> the members a later "among them" names."""
    found: dict[int, list[Mention]] = {}
    for token in ctx.doc:
        if token.lower_ != "among" or token.head.lemma_ != "be":
            continue
        pointer = [p for p in token.children if p.dep_ == "pobj" and p.lower_ in _POINTING]
        if not pointer:
            continue
        clause = token.head
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "A was not among them"
        subjects = [s for s in clause.children if s.dep_ == "nsubj"]
        members = [m for s in subjects for m in ctx.actors_of(s)]
        collective = _antecedent(ctx, subjects[0]) if subjects else None
        if members and collective is not None:
            found[collective.i] = members
    return found


def _antecedent(ctx: RuleContext, subject: Token) -> Token | None:
    """The last plural collective noun naming no actor before the members' phrase, in its
    sentence or in the sentence before that."""
    start = subject.sent.start
    if start > 0:
        start = ctx.doc[start - 1].sent.start
    first = subject.left_edge.i
    for token in reversed(ctx.doc[start:first]):
        if token.tag_ == "NNS" and token.lemma_ in _COLLECTIVES and token.i not in ctx.by_token:
            return token
    return None
