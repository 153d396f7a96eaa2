"""The author's voice: in a statement, "we" and "I" outside quotes are its publisher.

A government statement, an embassy's remarks or an NGO's press release speaks in the first
person: "We call on Turkey to release ...", "I am designating ...". The publisher is the
article's ``source`` (the JSONL/CSV ``source`` field or a page's site name) when it names a
State or a Body of the registry: "US Department of State", "The White House", "US Mission to
the United Nations" (the first State named wins over a Body) or "Amnesty International".
A news outlet (a Company, or no registry actor) has no voice of its own: "we" in a
reporter's text is left alone. Quotes keep their speakers (see quotes.py): first-person
words inside any quote are never the author's.
"""

from __future__ import annotations

from spacy.language import Language

from graphkit.actors import Mention
from graphkit.models import ActorKind
from graphkit.registry import Registry, RegistryEntry
from graphkit.rules.context import RuleContext

__all__ = ["author_mentions", "publisher_entry"]

_FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}
_VOICE_KINDS = (ActorKind.STATE, ActorKind.BODY)
_STATE_LABELS = ("GK_ACTOR", "GK_GOV", "GK_REP", "GK_DEMONYM")


def publisher_entry(nlp: Language, registry: Registry, source: str | None) -> RegistryEntry | None:
    """The registry actor a publisher name denotes (a State first, else a Body), or None."""
    if not source or "graphkit_ruler" not in nlp.pipe_names:
        return None
    doc = nlp.get_pipe("graphkit_ruler")(nlp.make_doc(source))
    found: list[tuple[int, int, RegistryEntry]] = []
    for span in doc.ents:
        entry = registry.entries.get(span.ent_id_) if span.label_ in _STATE_LABELS else None
        if entry is not None and entry.kind is ActorKind.PERSON:
            entry = registry.state_of(entry)  # a leader's office speaks for the state
        if entry is not None and entry.kind in _VOICE_KINDS:
            found.append((_VOICE_KINDS.index(entry.kind), span.start, entry))
    return min(found, key=lambda f: f[:2])[2] if found else None


def author_mentions(
    ctx: RuleContext, author: str | None, quoted: list[tuple[int, int]]
) -> list[Mention]:
    """First-person words outside every quote -> the publisher (added before clause rules)."""
    if author is None:
        return []
    inside = {i for start, end in quoted for i in range(start, end + 1)}
    return [
        Mention(token.i, token.i + 1, author, "author")
        for token in ctx.doc
        if token.lower_ in _FIRST_PERSON
        and token.i not in inside
        and token.i not in ctx.by_token
        and token.pos_ == "PRON"
        and not (token.lower_ == "us" and token.text == "US")
    ]
