"""Actors stage: entity spans of a parsed article -> actor mentions and the article's actors.

Registry names always win (the entity ruler ran before the NER); other PERSON/ORG entities
become actors when they look like people or organisations. Surnames and role titles are
folded into the full mention of the same person, so "Bachelet", "Michelle Bachelet" and
"the UN High Commissioner" are one actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graphkit.models import ActorKind, actor_id, normalise_name
from graphkit.registry import Registry, RegistryEntry, holder_state, load_actor_phrases

__all__ = ["ActorTable", "Mention", "find_mentions"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A token span of the doc that refers to an actor."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor: str  # actor id
    via: str  # registry | government | representative | demonym | agent | ner | role | coref
    state: str | None = None  # the state a representative or leader speaks for

    def covers(self, token_index: int) -> bool:
        return self.start <= token_index < self.end


@dataclass
class ActorInfo:
    name: str
    kind: ActorKind
    aliases: set[str] = field(default_factory=set)
    registry: RegistryEntry | None = None


class ActorTable:
    """The actors of one article, keyed by stable id."""

    def __init__(self, registry: Registry, date: str | None = None) -> None:
        self.registry = registry
        self.date = date  # the article's date: which office a person held then
        self.actors: dict[str, ActorInfo] = {}

    def from_entry(self, entry: RegistryEntry) -> str:
        if entry.id not in self.actors:
            aliases = {a for a in entry.aliases if a not in entry.case_sensitive or len(a) > 1}
            self.actors[entry.id] = ActorInfo(
                entry.name, entry.kind, aliases | set(entry.metonyms), entry
            )
        return entry.id

    def from_name(self, name: str, kind: ActorKind, surface: str | None = None) -> str:
        key = actor_id(kind, name)
        info = self.actors.setdefault(key, ActorInfo(name, kind))
        if surface and surface != name:
            info.aliases.add(surface)
        return key

    def kind(self, key: str) -> ActorKind:
        return self.actors[key].kind

    def state_of(self, key: str) -> str | None:
        """The state a person speaks for: from the registry (people.yaml), or for a person the
        NER found, the state of the office they held at the article's date (Phoenix)."""
        info = self.actors[key]
        if info.registry is not None:
            state = self.registry.state_of(info.registry)
        elif info.kind is ActorKind.PERSON:
            held = holder_state(info.name, self.date)
            state = self.registry.lookup(held) if held else None
        else:
            state = None
        return self.from_entry(state) if state else None


_NAME_TOKEN = re.compile(
    r"^[A-Z][a-zà-ÿ'’.-]+$|^[A-Z]\.?$|^(?:al|bin|ibn|de|del|della|dos|du|van|von|der|da|el)$"
)


def _looks_like_person(span: Span) -> bool:
    words = [t.text for t in span if not t.is_punct]
    if not words or any(w.isupper() and len(w) > 2 for w in words):
        return False
    return all(_NAME_TOKEN.match(w) for w in words)


def _org_kind(span: Span, words: frozenset[str], body: frozenset[str]) -> ActorKind | None:
    lowered = {t.lower_.strip(".") for t in span}
    if lowered & words:
        return ActorKind.COMPANY
    if lowered & body:
        return ActorKind.BODY
    return None


def _clean_span(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    if span.label_ == "PERSON":  # "Activist Li Ming", "Dr. Ana Ruiz": keep the name only
        titles = load_actor_phrases().person_titles
        while end - start > 1 and doc[start].lower_.rstrip(".") in titles:
            start += 1
    # a name does not run over a line break ("Jen Psaki\nDepartment Spokesperson")
    end = next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)
    if span.label_ == "ORG":  # "National Audit Office (NAO": the name before "("
        end = next((t.i for t in doc[start:end] if t.text == "("), end)
        owner = [t.i for t in doc[start : end - 1] if t.tag_ == "POS"]
        if owner and doc[owner[-1] + 1].is_title:  # "the Treasury's Office of ...": the office
            start = owner[-1] + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return Span(doc, start, end, label=span.label_)  # keep the entity label


def _ner_mention(span: Span, table: ActorTable) -> Mention | None:
    """An actor for a PERSON/ORG/GPE entity the ruler did not claim, or None for noise."""
    registry = table.registry
    span = _clean_span(span)
    text = span.text
    if not text or registry.is_place(text) or not any(c.isalpha() for c in text):
        return None
    entry = registry.lookup(text)
    if entry is not None:
        return Mention(span.start, span.end, table.from_entry(entry), "registry")
    phrases = load_actor_phrases()
    lowered = {t.lower_ for t in span}
    if lowered & phrases.not_actor_words:
        return None
    if span.label_ == "PERSON" and _looks_like_person(span):
        return Mention(span.start, span.end, table.from_name(text, ActorKind.PERSON), "ner")
    generic = phrases.body_words | phrases.company_words | {"state", "national", "federal"}
    if span.label_ == "ORG" and all(t.lower_ in generic for t in span):
        return None  # "the Committee", "the Senate", "State Party": a description, not a name
    if span.label_ == "ORG" and _indefinite(span):
        return None  # "a banned Terrorist Organization": a description, not a name
    if span.label_ == "ORG" and len(text) > 2 and not text.isupper():
        kind = _org_kind(span, phrases.company_words, phrases.body_words)
        if kind is not None:
            return Mention(span.start, span.end, table.from_name(text, kind), "ner")
    return None


def _indefinite(span: Span, words: frozenset[str] = frozenset({"a", "an", "another"})) -> bool:
    """ "a banned Terrorist Organization": a kind, not the named actor."""
    return any(c.dep_ == "det" and c.lower_ in words for c in span.root.children)


# "each Georgian" is anyone of the nation, not its state ("a Singaporean won the vote"
# still stands for the state it represents)
_EVERY = frozenset({"every", "each", "any"})


def _ruler_mention(span: Span, table: ActorTable) -> Mention | None:
    if span.label_ == "GK_AGENT":  # "Chadian rebels": an actor named by the phrase
        key = table.from_name(span.text, ActorKind(span.ent_id_))
        return Mention(span.start, span.end, key, "agent")
    entry = table.registry.entries.get(span.ent_id_)
    if entry is None or (span.label_ == "GK_DEMONYM" and _indefinite(span, _EVERY)):
        return None
    key = table.from_entry(entry)
    via = {
        "GK_ACTOR": "registry",
        "GK_GOV": "government",
        "GK_REP": "representative",
        "GK_DEMONYM": "demonym",
    }[span.label_]
    state = key if via == "representative" else None
    return Mention(span.start, span.end, key, via, state)


def _fold_surnames(mentions: list[Mention], doc: Doc, table: ActorTable) -> list[Mention]:
    """Point "Millward" at "James Millward" when the article names him in full, and
    "al-Shehab" (one word, several tokens) at "Salma al-Shehab"."""
    full: dict[str, str] = {}
    for m in mentions:
        if table.actors[m.actor].kind is ActorKind.PERSON and m.end - m.start >= 2:
            tail = doc[m.start + 1 : m.end].text
            for word in (doc[m.end - 1].text, doc[m.start].text, tail):
                if not any(ch.isspace() for ch in word):
                    full.setdefault(normalise_name(word), m.actor)
    folded = []
    dropped: set[str] = set()
    for m in mentions:
        info = table.actors.get(m.actor)
        text = doc[m.start : m.end].text
        if (
            info is not None
            and info.kind is ActorKind.PERSON
            and not any(ch.isspace() for ch in text)
            and info.registry is None
        ):
            target = full.get(normalise_name(text))
            if target and target != m.actor:
                dropped.add(m.actor)
                table.actors[target].aliases.add(text)
                m = Mention(m.start, m.end, target, m.via, m.state)
        folded.append(m)
    for key in dropped - {m.actor for m in folded}:
        table.actors.pop(key, None)
    return folded


def _attach_representatives(mentions: list[Mention], doc: Doc, table: ActorTable) -> list[Mention]:
    """ "German Ambassador Christoph Heusgen": the person speaks for Germany."""
    result = []
    for m in mentions:
        info = table.actors[m.actor]
        if info.kind is ActorKind.PERSON and m.state is None:
            state = table.state_of(m.actor)
            before = next((p for p in mentions if p.end == m.start), None)
            if before is not None and before.via == "representative":
                state = before.actor
            m = Mention(m.start, m.end, m.actor, m.via, state)
        result.append(m)
    return result


def _acronym_of(span: Span, mentions: list[Mention], table: ActorTable) -> Mention | None:
    """ "the Somali Youth Council (SYC)": the acronym in brackets is the named organisation."""
    doc = span.doc
    last = mentions[-1] if mentions else None
    if (
        last is None
        or span.label_ != "ORG"
        or not span.text.isupper()
        or last.end + 1 != span.start
        or doc[last.end].text != "("
        or table.kind(last.actor) not in (ActorKind.BODY, ActorKind.COMPANY)
        or table.registry.lookup(span.text) is not None
    ):
        return None
    table.actors[last.actor].aliases.add(span.text)
    return Mention(span.start, span.end, last.actor, last.via)


def find_mentions(doc: Doc, table: ActorTable) -> list[Mention]:
    """Every actor mention of the doc, in token order (roles and pronouns come later)."""
    mentions: list[Mention] = []
    for span in doc.ents:
        if span.label_ in ("GK_PLACE", "GK_ROLE"):
            continue
        acronym_of = _acronym_of(span, mentions, table)
        if acronym_of is not None:
            mention: Mention | None = acronym_of
        elif span.label_.startswith("GK_"):
            mention = _ruler_mention(span, table)
        elif span.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            mention = _ner_mention(span, table)
        else:
            mention = None
        if mention is not None:
            mentions.append(mention)
    mentions = _fold_surnames(mentions, doc, table)
    return _attach_representatives(mentions, doc, table)
