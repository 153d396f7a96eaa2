"""Typed, frozen data models passed between pipeline stages.

ingest -> Article; actors -> Actor; relations -> Relation (+ Evidence); graph -> Graph.
Every model is immutable so that a stage can never change what an earlier one produced.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Evidence",
    "Graph",
    "Relation",
    "RelationType",
    "actor_id",
    "best_per_sentence",
    "normalise_name",
    "relations_from",
]


class ActorKind(str, enum.Enum):
    """Kinds of actor; the value doubles as the Neo4j node label."""

    STATE = "State"
    PERSON = "Person"
    COMPANY = "Company"
    BODY = "Body"
    GROUP = "Group"


class RelationType(str, enum.Enum):
    """Relation types; the value doubles as the Neo4j relationship type."""

    SUPPORTS = "SUPPORTS"
    CONDEMNS = "CONDEMNS"
    LOBBIES = "LOBBIES"
    DETAINS = "DETAINS"


_FROZEN = ConfigDict(frozen=True, extra="forbid")


_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name ("the U.S." -> "us").

    Cached: the registry alone normalises some 40,000 names as every process starts, and
    extraction asks again for the same few hundred per article."""
    if name.isascii():  # no accents to strip, no typographic quotes
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _POSSESSIVE.sub("", text)
    text = _PUNCTUATION.sub("", text).replace("-", " ")
    text = _SPACES.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def actor_id(kind: ActorKind, name: str) -> str:
    """Stable id from kind and normalised canonical name: ``state:united-states``."""
    slug = normalise_name(name).replace(" ", "-") or "unnamed"
    return f"{kind.value.lower()}:{slug}"


class Article(BaseModel):
    """One article (or one part of a file that concatenates several)."""

    model_config = _FROZEN

    id: str = Field(description="file name without extension (shared by all parts of a file)")
    part: int = Field(default=0, ge=0, description="index of the article inside its file")
    title: str = ""
    date: str | None = Field(default=None, description="ISO date YYYY-MM-DD when known")
    source: str | None = Field(default=None, description="outlet or publisher")
    author: str | None = None
    url: str | None = None
    path: str = Field(default="", description="file the article was read from")
    offset: int = Field(default=0, ge=0, description="where this part starts in its file's text")
    pages: tuple[int, ...] = Field(
        default=(),
        description="paged files (PDF): where each page starts in the file's text, page 1 first",
    )
    text: str

    def page_at(self, start: int) -> int | None:
        """The page (from 1) holding character ``start`` of this article's text, if paged."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, self.offset + start))


class Evidence(BaseModel):
    """The sentence that states a relation, with its exact place in the article."""

    model_config = _FROZEN

    article: str
    part: int = 0
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date: str | None = None
    source: str | None = Field(default=None, description="outlet of the article")
    rule: str = Field(default="", description="extraction rule that produced the relation")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    trigger: str = Field(default="", description="the tokens the rule fired on")
    # Left out of dumps when unknown, so outputs of unpaged inputs are as they always were.
    page: int | None = Field(
        default=None,
        ge=1,
        description="page of a paged file (PDF) the sentence starts on",
        exclude_if=lambda value: value is None,
    )

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} precedes start {self.start}")
        return self

    def check_against(self, article_text: str) -> None:
        """Raise ValueError unless the offsets slice exactly this sentence out of the text."""
        if article_text[self.start : self.end] != self.text:
            where = f"{self.article}#{self.part}"
            raise ValueError(
                f"evidence {self.start}:{self.end} does not match its sentence in {where}"
            )

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.article, self.part, self.start, self.end, self.rule)


def best_per_sentence(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """One piece of evidence per sentence (the most confident rule that fired on it), sorted.

    Shared by single builds and shard merges so both keep exactly the same evidence.
    """
    best: dict[tuple[str, int, int, int], Evidence] = {}
    for item in evidence:
        key = (item.article, item.part, item.start, item.end)
        current = best.get(key)
        if current is None or (item.confidence, item.rule) > (current.confidence, current.rule):
            best[key] = item
    return tuple(sorted(best.values(), key=Evidence.sort_key))


class Actor(BaseModel):
    """A political actor: a state, person, company, body or group."""

    model_config = _FROZEN

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = Field(default=(), description="ids of articles that mention it")

    @classmethod
    def create(
        cls,
        name: str,
        kind: ActorKind,
        aliases: tuple[str, ...] | list[str] = (),
        articles: tuple[str, ...] | list[str] = (),
    ) -> Actor:
        clean = tuple(sorted({a for a in aliases if a and a != name}))
        return cls(
            id=actor_id(kind, name),
            name=name,
            kind=kind,
            aliases=clean,
            articles=tuple(sorted(set(articles))),
        )


class Relation(BaseModel):
    """A directed, typed edge between two actors, backed by one or more pieces of evidence."""

    model_config = _FROZEN

    source: str
    target: str
    type: RelationType
    evidence: tuple[Evidence, ...] = Field(min_length=1)

    @property
    def count(self) -> int:
        return len(self.evidence)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.type.value)


def relations_from(
    evidence: Mapping[tuple[str, str, RelationType], Iterable[Evidence]],
) -> tuple[Relation, ...]:
    """One relation per (source, target, type) with its best evidence per sentence, sorted:
    how single builds and shard merges both turn collected evidence into edges."""
    relations = [
        Relation(source=s, target=t, type=rel_type, evidence=best_per_sentence(items))
        for (s, t, rel_type), items in evidence.items()
    ]
    return tuple(sorted(relations, key=lambda r: r.key))


class Graph(BaseModel):
    """The whole extracted graph: actors, relations and the articles they came from."""

    model_config = _FROZEN

    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    articles: tuple[Article, ...] = Field(
        default=(), description="article metadata; text is dropped when serialised"
    )

    @model_validator(mode="after")
    def _edges_join_known_actors(self) -> Graph:
        ids = {a.id for a in self.actors}
        for rel in self.relations:
            for end in (rel.source, rel.target):
                if end not in ids:
                    raise ValueError(f"relation {rel.key} refers to unknown actor {end!r}")
        return self

    def actor(self, actor_id_: str) -> Actor:
        for candidate in self.actors:
            if candidate.id == actor_id_:
                return candidate
        raise KeyError(actor_id_)
