"""Asking someone to stop an act says they do it.

"Canada urged Ruritania to halt the mass detention of Bordurians", "the EU called on X to
end its internment of Y": Ruritania / X DETAINS the people held, a presupposition that holds
whether the request is heeded, refused or only hoped for (so no blocker cancels it, like
"called on X to release Y" in graphkit/rules/requests.py). The act is a detention noun of
the lexicon; the doer is its possessor or, failing that, whoever is asked to stop. Words:
graphkit/data/events.yaml (``cessation_verbs``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.yamlfile import parse_yaml

__all__ = ["CESSATION_RULE", "cessation_rules"]

CESSATION_RULE = "cessation-request"


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    text = resources.files("graphkit").joinpath("data/events.yaml").read_text("utf-8")
    return frozenset(parse_yaml(text)["cessation_verbs"])


def cessation_rules(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "X was urged to halt the detention of Y": X DETAINS Y."""
    if verb.lemma_ not in _verbs():
        return
    for act in (c for c in verb.children if c.dep_ == "dobj"):
        if ctx.lex.nouns.get(act.lemma_) is not RelationType.DETAINS:
            continue
        held = [m for p in pobjs(act, ("of",)) for m in ctx.actors_of(p)]
        owners = [c for c in act.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        named = [ctx.by_token[c.i] for c in owners if c.i in ctx.by_token]
        yield CESSATION_RULE, RelationType.DETAINS, named or _asked(ctx, verb), held, act


def _asked(ctx: RuleContext, verb: Token) -> list[Mention]:
    """Who is to stop: the one asked ("urged X to halt", "called on X to end"; "its" in the
    clause is theirs too), else the clause's subject ("X refused to end ...")."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "VERB":
        asked = [m for c in head.children if c.dep_ in ("dobj", "dative") for m in ctx.actors_of(c)]
        called_on = ctx.particle_objects(head, ("on", "upon")) + pobjs(head, ("on", "upon"))
        asked += [m for p in called_on for m in ctx.actors_of(p)]
        if asked:
            return asked
    return ctx.subjects(verb)
