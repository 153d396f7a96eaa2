"""Graph -> the ``$rows`` parameter values of the merge templates, and Neo4j records -> Graph.

The loader sends these rows as parameters; graph.cypher writes the very same rows as Cypher
literals, which is why both produce identical databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType

__all__ = [
    "EVIDENCE_FIELDS",
    "Row",
    "actor_batches",
    "actor_chunks",
    "actor_from_row",
    "actor_rows",
    "evidence_key",
    "relation_batches",
    "relation_chunks",
    "relation_from_row",
    "relation_rows",
    "sorted_graph",
]

Row = dict[str, Any]
T = TypeVar("T")

# Row list name -> Evidence field. Neo4j list properties cannot hold null, so a missing
# date or source is stored as "" (and read back as None).
EVIDENCE_FIELDS: dict[str, str] = {
    "quotes": "text",
    "articles": "article",
    "parts": "part",
    "starts": "start",
    "ends": "end",
    "dates": "date",
    "sources": "source",
    "rules": "rule",
    "confidences": "confidence",
    "triggers": "trigger",
}
_OPTIONAL = ("date", "source")


def evidence_key(evidence: Evidence) -> str:
    """Identity of a piece of evidence: article, part and span.

    The numeric suffix contains no "#", so the key is unambiguous whatever the article id.
    """
    return f"{evidence.article}#{evidence.part}:{evidence.start}:{evidence.end}"


def _actor_row(actor: Actor) -> Row:
    props = {
        "name": actor.name,
        "kind": actor.kind.value,
        "aliases": sorted(set(actor.aliases) - {actor.name}),
        "articles": sorted(set(actor.articles)),
    }
    return {"id": actor.id, "props": props}


def _relation_row(relation: Relation) -> Row:
    # Spelled out field by field: this runs once per relation of a bulk load, and direct
    # attribute access and local appends are several times faster than a generic loop.
    keys: list[str] = []
    quotes: list[str] = []
    articles: list[str] = []
    parts: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    dates: list[str] = []
    sources: list[str] = []
    rules: list[str] = []
    confidences: list[float] = []
    triggers: list[str] = []
    for item in relation.evidence:
        key = f"{item.article}#{item.part}:{item.start}:{item.end}"  # = evidence_key(item)
        if key in keys:
            continue  # the same sentence twice: one piece of evidence
        keys.append(key)
        quotes.append(item.text)
        articles.append(item.article)
        parts.append(item.part)
        starts.append(item.start)
        ends.append(item.end)
        dates.append(item.date or "")
        sources.append(item.source or "")
        rules.append(item.rule)
        confidences.append(float(item.confidence))
        triggers.append(item.trigger)
    evidence = {
        "evidence_keys": keys,
        "quotes": quotes,
        "articles": articles,
        "parts": parts,
        "starts": starts,
        "ends": ends,
        "dates": dates,
        "sources": sources,
        "rules": rules,
        "confidences": confidences,
        "triggers": triggers,
        "count": len(keys),
    }
    return {"source": relation.source, "target": relation.target, "evidence": evidence}


def actor_chunks(graph: Graph, size: int) -> Iterator[tuple[ActorKind, Sequence[Actor]]]:
    """Actors in batches of one kind (one label per statement), in enum then graph order."""
    for kind in ActorKind:
        yield from (
            (kind, chunk) for chunk in _chunks([a for a in graph.actors if a.kind is kind], size)
        )


def relation_chunks(graph: Graph, size: int) -> Iterator[tuple[RelationType, Sequence[Relation]]]:
    """Relations in batches of one type, in enum then graph order."""
    for rel_type in RelationType:
        relations = [r for r in graph.relations if r.type is rel_type]
        yield from ((rel_type, chunk) for chunk in _chunks(relations, size))


def actor_rows(actors: Iterable[Actor]) -> list[Row]:
    return [_actor_row(a) for a in actors]


def relation_rows(relations: Iterable[Relation]) -> list[Row]:
    """Rows with evidence as parallel lists; a repeated evidence key is kept once."""
    return [_relation_row(r) for r in relations]


def actor_batches(graph: Graph, size: int) -> Iterator[tuple[ActorKind, list[Row]]]:
    for kind, chunk in actor_chunks(graph, size):
        yield kind, actor_rows(chunk)


def relation_batches(graph: Graph, size: int) -> Iterator[tuple[RelationType, list[Row]]]:
    for rel_type, chunk in relation_chunks(graph, size):
        yield rel_type, relation_rows(chunk)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for start in range(0, len(items), size):
        yield items[start : start + size]


def actor_from_row(row: Row) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        kind=ActorKind(row["kind"]),
        aliases=tuple(row["aliases"] or ()),
        articles=tuple(row["articles"] or ()),
    )


def relation_from_row(row: Row) -> Relation:
    """A relation read back from Neo4j (``read_relations.cypher``)."""
    count = len(row["evidence_keys"] or ())
    evidence: list[Evidence] = []
    for i in range(count):
        values = {attr: row[name][i] for name, attr in EVIDENCE_FIELDS.items()}
        for attr in _OPTIONAL:
            values[attr] = values[attr] or None
        evidence.append(Evidence(**values))
    return Relation(
        source=row["source"],
        target=row["target"],
        type=RelationType(row["type"]),
        evidence=tuple(evidence),
    )


def sorted_graph(actors: Iterable[Actor], relations: Iterable[Relation]) -> Graph:
    """A graph in canonical order (actors by id, relations by key) for comparisons."""
    return Graph(
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        relations=tuple(sorted(relations, key=lambda r: r.key)),
    )
