"""Per-article extraction results and their assembly into the Graph: plain data, no spaCy,
so a driver that only assembles (``--executor dask``) never loads the NLP stack.
graphkit.pipeline re-exports both."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graphkit.models import Actor, Article, Evidence, Graph, RelationType, relations_from

__all__ = ["ArticleExtraction", "assemble_graph"]


@dataclass
class ArticleExtraction:
    """What one article contributed: its actors and the evidence for each relation key."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    evidence: dict[tuple[str, str, RelationType], list[Evidence]] = field(default_factory=dict)


def assemble_graph(extractions: Iterable[ArticleExtraction]) -> Graph:
    """Merge per-article results: actors by id, relations by (source, target, type)."""
    actors: dict[str, Actor] = {}
    evidence: dict[tuple[str, str, RelationType], list[Evidence]] = {}
    articles: list[Article] = []
    for extraction in extractions:
        articles.append(extraction.article.model_copy(update={"text": ""}))
        for actor in extraction.actors:
            known = actors.get(actor.id)
            if known is None:
                actors[actor.id] = actor
            else:
                actors[actor.id] = known.model_copy(
                    update={
                        "aliases": tuple(sorted(set(known.aliases) | set(actor.aliases))),
                        "articles": tuple(sorted(set(known.articles) | set(actor.articles))),
                    }
                )
        for key, items in extraction.evidence.items():
            evidence.setdefault(key, []).extend(items)
    unique_articles = {(a.id, a.part): a for a in articles}
    return Graph(
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        relations=relations_from(evidence),
        articles=tuple(unique_articles[k] for k in sorted(unique_articles)),
    )
