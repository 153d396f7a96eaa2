"""Designations by others that a statement aligns itself with.

"The measures were coordinated with sanctions by Australia and Japan",
"... alongside sanctions by the EU": the named governments sanction the same target as the
statement. The target is the state the statement's own voice condemns elsewhere in the
document (a designation of a regime's officials and firms condemns the regime), so this
runs after the clause rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.support_words import load_support

__all__ = ["aligned_designations"]

_DESIGNATORS = (ActorKind.STATE, ActorKind.BODY)


def aligned_designations(ctx: RuleContext, condemned: list[str]) -> Iterator[Found]:
    """ "designations by A and B" with no target of their own: A and B condemn the states in
    ``condemned`` (those the document's voice condemns)."""
    states = [a for a in condemned if ctx.table.kind(a) is ActorKind.STATE]
    if not states or not ctx.voice:
        return
    lex = load_support()
    for noun in ctx.doc:
        if noun.pos_ != "NOUN" or noun.lemma_ not in lex.aligned_acts:
            continue
        if pobjs(noun, lex.sanction_preps):
            continue  # "sanctions by A on B": a target of their own (the noun rules)
        by = [m for p in pobjs(noun, ("by",)) for m in ctx.actors_of(p)]
        by = [m for m in by if ctx.table.kind(m.actor) in _DESIGNATORS and m.actor not in ctx.voice]
        targets = [Mention(noun.i, noun.i + 1, s, "document") for s in states]
        yield "aligned-designation", RelationType.CONDEMNS, by, targets, noun
