"""Short names the text itself resolves: acronyms and surnames.

A registry acronym can name several actors ("RSF": a press-freedom NGO or a Sudanese
paramilitary). When the document names, in full, an actor whose initials spell the
acronym ("the Rapid Support Forces shelled ... the RSF said"), the acronym is that
actor, over the registry's default reading. An acronym no entity claims ("the sanctions
on KMC") is the organisation named in full whose initials it is ("Kivu Mining
Corporation"), and a bare surname the NER missed ("Tremblay was sanctioned") is the person
the document names in full.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graphkit.actors import TENTATIVE, ActorTable, Mention
from graphkit.models import ActorKind

__all__ = ["resolve_acronyms"]

_JOINERS = frozenset({"of", "for", "the", "on", "and", "in", "&", "de", "du", "des", "la"})
_NAMED = (ActorKind.BODY, ActorKind.COMPANY)


def _initials(name: str) -> str:
    words = name.split()
    return "".join(w[0].upper() for w in words if w.lower() not in _JOINERS and w[0].isalpha())


def _acronym(text: str) -> bool:
    return text.isupper() and text.isalpha() and len(text) > 1


def resolve_acronyms(doc: Doc, mentions: list[Mention], table: ActorTable) -> list[Mention]:
    """Mentions with acronyms and surnames pointed at the actor the document names in full,
    plus mentions for such short names no entity claimed."""
    by_initials: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    for m in mentions:
        if m.end - m.start < 2:
            continue  # only names given in full resolve short ones
        kind = table.kind(m.actor)
        if kind in _NAMED:
            by_initials.setdefault(_initials(table.actors[m.actor].name), set()).add(m.actor)
        elif kind is ActorKind.PERSON and m.via == "ner":
            surnames.setdefault(doc[m.end - 1].text, set()).add(m.actor)
            last_word = doc[m.start : m.end].text.split()[-1]  # "Ruiz-Tagle", one word
            surnames.setdefault(last_word, set()).add(m.actor)
    if not by_initials and not surnames:
        return mentions
    out: list[Mention] = []
    covered: set[int] = set()
    in_full = {m.actor for m in mentions if m.end - m.start > 1}
    for m in mentions:
        covered.update(range(m.start, m.end))
        text = doc[m.start].text
        named = surnames.get(doc[m.start : m.end].text, set()) if m.via == TENTATIVE else set()
        if len(named) == 1:  # "Petrov-Vodkin" the NER took for a firm: the person named before
            m = Mention(m.start, m.end, next(iter(named)), "short")
        # "US", "UN": two letters are too common to read as another name's initials, and a
        # registry reading the text also names in full stays
        if m.end - m.start == 1 and _acronym(text) and len(text) > 2 and m.actor not in in_full:
            named = by_initials.get(text, set())
            if len(named) == 1 and m.actor not in named:
                m = Mention(m.start, m.end, next(iter(named)), m.via, m.state)
        out.append(m)
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        hyphened = doc[token.i : token.i + 3]
        if (
            len(hyphened) == 3
            and hyphened[1].text == "-"
            and not covered & {i + token.i for i in (1, 2)}
        ):
            # "Ruiz-Tagle" alone, which the NER may even take for a place
            named = surnames.get(hyphened.text, set()) if hyphened[2].is_title else set()
            if len(named) == 1:
                out.append(Mention(token.i, token.i + 3, next(iter(named)), "short"))
                covered.update(range(token.i, token.i + 3))
                continue
        if _acronym(token.text) and len(token.text) > 2:
            named = by_initials.get(token.text, set())
        elif token.is_title and token.ent_type_ in ("", "PERSON"):
            named = surnames.get(token.text, set())
        else:
            continue
        if len(named) == 1:
            out.append(Mention(token.i, token.i + 1, next(iter(named)), "short"))
    return sorted(out, key=lambda m: m.start)
