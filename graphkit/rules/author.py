"""The author's voice: in a statement, "we" and "I" outside quotes are its publisher.

A government statement, an embassy's remarks or an NGO's press release speaks in the first
person: "We call on Belarus to free ...", "I am designating ...". The publisher is the
article's ``source`` (the JSONL/CSV ``source`` field or a page's site name) when it names a
State or a Body of the registry: "US Department of State", "The White House", "US Mission to
the United Nations" (the first State named wins over a Body) or "Amnesty International".
A news outlet (a Company, or no registry actor) has no voice of its own: "we" in a
reporter's text is left alone. Quotes keep their speakers (see quotes.py): first-person
words inside any quote are never the author's.

A joint statement speaks for all its authors: an opening sentence that names a statement
"released / delivered / issued by A, B and C" or "on behalf of A, B and C", or opens with
"A, B and C condemn ...", makes "we" all of them. In a voiced document the author's own
negative judgements ("Ruritania's unprovoked assault", "the regime's brutal crackdown") are
the author's condemnations, as a quote's are its speaker's.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.registry import Registry, RegistryEntry
from graphkit.rules.context import Found, RuleContext
from graphkit.rules.quotes import evaluated_actors
from graphkit.rules.statement_words import load_statement_lexicon

__all__ = [
    "VOICED_DEMAND",
    "author_mentions",
    "document_voice",
    "publisher_entry",
    "voiced_demands",
    "voiced_judgements",
]

VOICED_DEMAND = "voiced-demand"  # checks its own blockers: the modal is the demand

_FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}
_VOICE_KINDS = (ActorKind.STATE, ActorKind.BODY)
_STATE_LABELS = ("GK_ACTOR", "GK_GOV", "GK_REP", "GK_DEMONYM")
_OPENING_SENTENCES = 3
_AUTHOR_MARKERS = ("by", "behalf")


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


def document_voice(ctx: RuleContext, publisher: str | None) -> tuple[str, ...]:
    """Who "we" is: the joint authors an opening sentence names, else the publisher."""
    for number, sentence in enumerate(list(ctx.doc.sents)[:_OPENING_SENTENCES]):
        authors = _joint_authors(ctx, sentence.start, sentence.end, opening=number == 0)
        # the publisher signs its own joint statements: "A and B condemn ..." in a text of
        # C's is a report about A and B, not C's voice
        states = {ctx.table.state_of(a) or a for a in authors}
        if len(authors) > 1 and (publisher is None or publisher in states):
            return tuple(authors)
    return (publisher,) if publisher else ()


def _joint_authors(ctx: RuleContext, start: int, end: int, opening: bool) -> list[str]:
    doc = ctx.doc
    tokens = doc[start:end]
    names_document = any(t.lemma_ in ctx.lex.documents for t in tokens)
    markers = [t for t in tokens if t.lower_ in _AUTHOR_MARKERS]
    if names_document and markers:  # "released by A, B and C" / "on behalf of A, B and C"
        span = {t.i for m in markers for t in m.subtree}
        # "... by A and B on the talks in C": what the statement is about is no author
        for token in ctx.doc[min(span) : max(span) + 1]:
            about = token.dep_ == "prep" and token.lower_ != "of" and token not in markers
            if about and not any(m in token.subtree for m in markers):  # keep "on behalf of"
                span -= {t.i for t in token.subtree}
        last = max(span)
        if last + 1 < end and doc[last + 1].text == ":":  # "by the Quartet: A, B and C"
            span |= set(range(last + 1, end))
    elif opening and tokens.root.lemma_ != "be":
        subjects = [c for c in tokens.root.children if c.dep_ == "nsubj"]
        chain = _coordinated(subjects[0]) if subjects else []
        if not any(t.dep_ == "conj" for t in chain):
            return []
        span = {t.i for t in chain}  # "A, B and C condemn ..."
    else:
        return []
    authors: list[str] = []
    for i in sorted(span):
        mention = ctx.by_token.get(i)
        if mention is None:
            continue
        actor = (
            mention.state if mention.via == "representative" and mention.state else mention.actor
        )
        # states and the officials who sign for them; a body named in a title ("the
        # Ambassador to the African Union") is not a signatory
        if ctx.table.kind(actor) in (ActorKind.STATE, ActorKind.PERSON) and actor not in authors:
            authors.append(actor)
    return authors


def _coordinated(token: Token) -> list[Token]:
    """A noun and the nouns coordinated or in apposition with it ("A, B and C")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            found += _coordinated(child)
    return found


def voiced_judgements(
    ctx: RuleContext, voice: tuple[str, ...], quoted: list[tuple[int, int]]
) -> Iterator[Found]:
    """The author's own negative judgements of an actor, outside quotes."""
    if not voice or not any(m.via == "author" for m in ctx.by_token.values()):
        return  # a document that never speaks in the first person has no voice to judge
    inside = {i for start, end in quoted for i in range(start, end + 1)}
    authors = [Mention(0, 0, actor, "author") for actor in voice]
    for mention, trigger in evaluated_actors(ctx, -1, len(ctx.doc)):
        if mention.start in inside or ctx.table.kind(mention.actor) is ActorKind.GROUP:
            continue
        if mention.actor in voice or ctx.blocked(trigger):
            continue
        yield "statement-evaluation", RelationType.CONDEMNS, authors, [mention], trigger


def voiced_demands(
    ctx: RuleContext, voice: tuple[str, ...], quoted: list[tuple[int, int]]
) -> Iterator[Found]:
    """The author's own demands, outside quotes: "Ruritania must release the journalist",
    "the authorities should end the crackdown" in a statement by a state or a body lobby
    the one obliged ("must not" too: a demand to refrain). Reported speech ("X said B
    must ...") is the reported-demand rule's; a condition ("if B wants ..., it should ...")
    or a passive ("B must be held to account") asks nothing of B."""
    if not voice:
        return
    words = load_statement_lexicon()
    inside = {i for start, end in quoted for i in range(start, end + 1)}
    authors = [Mention(0, 0, actor, "author") for actor in voice]
    for sentence in ctx.doc.sents:
        verb = sentence.root
        if verb.i in inside or verb.pos_ not in ("VERB", "AUX") or ctx.is_passive(verb):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in words.obligation_modals for c in verb.children):
            continue
        conditional = any(
            m.dep_ == "mark" and m.lower_ in words.conditions
            for c in verb.children if c.dep_ == "advcl" for m in c.children
        )  # fmt: skip
        if conditional:
            continue
        obliged = [m for c in verb.children if c.dep_ == "nsubj" for m in ctx.actors_of(c)]
        obliged = [m for m in obliged if m.actor not in voice]
        yield VOICED_DEMAND, RelationType.LOBBIES, authors, obliged, verb
