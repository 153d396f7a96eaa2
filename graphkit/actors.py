"""Actors stage: entity spans of a parsed article -> actor mentions and the article's actors.

Registry names always win (the entity ruler ran before the NER); other PERSON/ORG entities
become actors when they look like people or organisations. Surnames and role titles are
folded into the full mention of the same person, so "Bachelet", "Michelle Bachelet" and
"the UN High Commissioner" are one actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graphkit.models import ActorKind, actor_id, normalise_name
from graphkit.registry import Registry, RegistryEntry, holder_state, load_actor_phrases

__all__ = ["TENTATIVE", "ActorTable", "Mention", "find_mentions"]

# how an unknown name without an organisation word is found: an actor only in a relation
TENTATIVE = "tentative"
_ABSTRACT = ("ism", "phobia", "ity", "tion", "ment", "ness", "ance", "ence")


@dataclass(frozen=True, slots=True)
class Mention:
    """A token span of the doc that refers to an actor."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor: str  # actor id
    via: str  # registry | government | representative | demonym | agent | ner | tentative
    # | role | coref
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
        NER found or a past leader the registry lists without state or role, the state of the
        office they held at the article's date (Phoenix)."""
        info = self.actors[key]
        entry = info.registry
        if entry is not None and (entry.state or entry.roles or info.kind is not ActorKind.PERSON):
            state = self.registry.state_of(entry)  # an official's own office is no state's
        elif info.kind is ActorKind.PERSON:  # a past leader: the office held then
            held = holder_state(info.name, self.date)
            state = self.registry.lookup(held) if held else None
        else:
            state = None
        return self.from_entry(state) if state else None


_NAME_TOKEN = re.compile(r"^[A-Z]\.?$|^(?:al|bin|ibn|de|del|della|dos|du|van|von|der|da|el)$")


def _name_word(word: str) -> bool:
    """ "Ruiz", "Álvarez", "Łukasz", "O'Neil", "J.", "bin": a capital (any script's) and lower case."""
    if _NAME_TOKEN.match(word):
        return True
    rest = word[1:].replace("'", "").replace("’", "").replace(".", "").replace("-", "")
    return (
        len(word) > 1
        and word[0].isupper()
        and word[0].isalpha()
        and rest.isalpha()
        and rest.islower()
    )


def _looks_like_person(span: Span) -> bool:
    words = [t.text for t in span if not t.is_punct]
    if not words or any(w.isupper() and len(w) > 2 for w in words):
        return False
    return all(_name_word(w) for w in words)


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


def _organisation_head(span: Span, heads: frozenset[str]) -> Token | None:
    """ "the Likud party", "the Sabr (Patience) party", "the Nur (``Light'') movement": the
    lower-case organisation noun after a name (and its gloss in brackets), if any."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == "(":  # the gloss: a few words up to ")"
        close = next((t.i for t in doc[i : i + 8] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    elif span.label_ == "ORG" and "(" in span.text:  # the NER took "Sabr (Patience" as one name
        close = next((t.i for t in doc[i : i + 4] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    if i >= len(doc) or not doc[i].is_lower or doc[i].lower_ not in heads:
        return None
    # "the Smith group leader": the noun qualifies another, it is not the head
    return None if doc[i].dep_ == "compound" else doc[i]


def _organisation(name: Span, head: Token, table: ActorTable) -> Mention:
    """The organisation "<name> party" names: the registry's ("the Democratic party"), else
    a Body called "<name> <noun>" with the bare name as alias ("Shas party", "Shas")."""
    full = f"{name.text} {head.lower_}"
    entry = table.registry.lookup(full)
    end = name.end + 1 if head.i == name.end else name.end
    if entry is not None:
        return Mention(name.start, end, table.from_entry(entry), "registry")
    key = table.from_name(full, ActorKind.BODY, surface=name.text)
    return Mention(name.start, end, key, "ner")


def _untagged_organisations(doc: Doc, taken: set[int], table: ActorTable) -> list[Mention]:
    """ "the Shas party", "the ruling Conservative party", "Israel's Yesh Atid party": proper
    names the NER left untagged between a determiner or possessive and an organisation noun."""
    heads = load_actor_phrases().organisation_heads
    found: list[Mention] = []
    for token in doc:
        if token.lower_ not in heads or not token.is_lower or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and _proper_word(doc[start - 1]):
            start -= 1
        if start == token.i or any(i in taken for i in range(start, token.i)):
            continue
        before = start - 1
        if before > 0 and doc[before].is_lower and doc[before].tag_ in ("JJ", "VBG", "NN"):
            before -= 1  # "the ruling Likud party", "the opposition Shas party"
        if before < 0 or not (doc[before].lower_ == "the" or doc[before].tag_ == "POS"):
            continue
        text = doc[start : token.i].text
        if text.isupper() or table.registry.is_place(text):
            continue
        found.append(_organisation(doc[start : token.i], token, table))
    return found


def _proper_word(token: Token) -> bool:
    """A proper noun, or a capitalised adjective inside a sentence ("Conservative")."""
    if token.is_lower or not token.is_alpha:  # the tagger calls some lower-case nouns NNP
        return False
    return token.tag_ in ("NNP", "NNPS") or (
        token.tag_ == "JJ" and token.is_title and not token.is_sent_start
    )


def _ner_mention(span: Span, table: ActorTable) -> Mention | None:
    """An actor for a PERSON/ORG/GPE entity the ruler did not claim, or None for noise."""
    registry = table.registry
    phrases = load_actor_phrases()
    head = _organisation_head(span, phrases.organisation_heads) if span.label_ != "GPE" else None
    if head is not None:
        named = _clean_span(span)
        if named.text and registry.lookup(named.text) is None and named.text[:1].isupper():
            return _organisation(named, head, table)
    span = _clean_span(span)
    text = span.text
    if not text or registry.is_place(text) or not any(c.isalpha() for c in text):
        return None
    entry = registry.lookup(text)
    if entry is not None:
        return Mention(span.start, span.end, table.from_entry(entry), "registry")
    lowered = {t.lower_ for t in span}
    if lowered & phrases.not_actor_words:
        return None
    if span.label_ == "PERSON" and _looks_like_person(span):
        return Mention(span.start, span.end, table.from_name(text, ActorKind.PERSON), "ner")
    generic = phrases.body_words | phrases.company_words | {"state", "national", "federal"}
    if span.label_ == "ORG" and all(t.lower_ in generic for t in span):
        return None  # "the Committee", "the Senate", "State Party": a description, not a name
    if span.label_ == "ORG" and not any(t.text[:1].isupper() for t in span):
        return None  # "the umbrella union", "the defense ministry": a description, not a name
    if span.label_ == "ORG" and _indefinite(span):
        return None  # "a banned Terrorist Organization": a description, not a name
    if span.label_ == "ORG" and len(text) > 2 and not text.isupper():
        kind = _org_kind(span, phrases.company_words, phrases.body_words)
        if kind is not None:
            return Mention(span.start, span.end, table.from_name(text, kind), "ner")
        if _proper_name(span):
            # "ExxonMobil", "Adidas": most such names are firms; kept only if a relation
            # uses them (pipeline.py), since the NER also tags products and documents
            armed = lowered & phrases.armed_words
            # firms go without an article ("Nike said"); "the Quartet" is a body
            the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
            kind = ActorKind.BODY if armed or the else ActorKind.COMPANY
            name = table.from_name(text, kind)
            return Mention(span.start, span.end, name, TENTATIVE)
    return None


def _proper_name(span: Span) -> bool:
    """A short run of capitalised proper nouns ("Rio Tinto", "ExxonMobil", "Adidas")."""
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_.endswith(_ABSTRACT):
        return False  # "Islamophobia", "Zionism": an idea the NER took for a name
    return 0 < len(words) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_stop for t in words
    )


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


def _described_acronym(span: Span, table: ActorTable) -> Mention | None:
    """ "the monitoring mission in Georgia (EUMM)", "the ruling party (CPV)": an acronym in
    brackets after a description whose head is an organisation noun names that organisation."""
    doc = span.doc
    if (
        span.label_ != "ORG"
        or not span.text.isupper()
        or len(span) != 1
        or span.start < 2
        or doc[span.start - 1].text != "("
        or table.registry.lookup(span.text) is not None
    ):
        return None
    phrases = load_actor_phrases()
    heads = phrases.organisation_heads | phrases.body_words | {"force", "mission"}
    for token in reversed(doc[max(span.start - 8, 0) : span.start - 1]):
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ")"):
            return None
        if token.is_lower and token.lower_ in heads:
            return Mention(span.start, span.end, table.from_name(span.text, ActorKind.BODY), "ner")
    return None


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
        elif span.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            mention = _ner_mention(span, table) or _described_acronym(span, table)
        else:
            mention = None
        if mention is not None:
            mentions.append(mention)
    taken = {i for span in doc.ents for i in range(span.start, span.end)}
    mentions += _untagged_organisations(doc, taken, table)
    mentions.sort(key=lambda m: m.start)
    mentions = _fold_surnames(mentions, doc, table)
    mentions = _drop_lone_words(mentions, table)
    return _attach_representatives(mentions, doc, table)


def _drop_lone_words(mentions: list[Mention], table: ActorTable) -> list[Mention]:
    """A one-word PERSON the NER found that no full name takes in ("Sivas", "Rhine", a first
    name before an untagged surname) is a place or a fragment: wire copy names a person in
    full before it uses one name (surnames were folded into full names just before)."""
    lone = set()
    for m in mentions:
        info = table.actors[m.actor]
        found = m.via == "ner" and info.kind is ActorKind.PERSON and info.registry is None
        if found and not any(ch in info.name for ch in " -"):  # "al-Shehab" is a full name
            lone.add(m.actor)
    for key in lone:
        table.actors.pop(key, None)
    return [m for m in mentions if m.actor not in lone]
