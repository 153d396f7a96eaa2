"""Graph -> the parameter values of the merge templates, and Neo4j records -> Graph.

Actors go as ``$rows``, one map per actor. graph.cypher writes relations as ``$rows`` too,
one map per relation; the loader sends the same values as columns (flat lists, one query
parameter each, cheaper to build and send). Rows are cut from the columns, so both carry
the same evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType

__all__ = [
    "EVIDENCE_FIELDS",
    "Columns",
    "Row",
    "actor_batches",
    "actor_chunks",
    "actor_from_row",
    "actor_rows",
    "evidence_key",
    "relation_batches",
    "relation_chunks",
    "relation_columns",
    "relation_from_row",
    "relation_rows",
    "sorted_graph",
]

Row = dict[str, Any]
Columns = dict[str, list[Any]]
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
# The evidence lists stored on a relationship, in the order rows and columns list them.
_COLUMNS = ("evidence_keys", *EVIDENCE_FIELDS)


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


def relation_columns(relations: Iterable[Relation]) -> Columns:
    """A batch of relations as flat columns, the loader's query parameters.

    ``source`` and ``target`` have one entry per relation, the evidence columns (the keys
    of EVIDENCE_FIELDS, plus ``evidence_keys``) one per piece of evidence; relation ``i``
    owns the pieces from ``offsets[i]`` up to ``offsets[i + 1]``. A repeated evidence key
    is kept once. Flat lists of strings and numbers are what the driver packs fastest:
    per-relation maps of one-element lists cost twice the Python time of a bulk load.
    """
    # Spelled out field by field: this runs once per piece of evidence of a bulk load, and
    # bound appends are several times faster than a generic loop over EVIDENCE_FIELDS.
    columns: Columns = {name: [] for name in ("source", "target", "offsets", *_COLUMNS)}
    source, target, offsets = columns["source"].append, columns["target"].append, columns["offsets"]
    keys = columns["evidence_keys"]
    quotes, articles = columns["quotes"].append, columns["articles"].append
    parts, starts, ends = columns["parts"].append, columns["starts"].append, columns["ends"].append
    dates, sources = columns["dates"].append, columns["sources"].append
    rules, confidences = columns["rules"].append, columns["confidences"].append
    triggers = columns["triggers"].append
    for relation in relations:
        source(relation.source)
        target(relation.target)
        offsets.append(len(keys))
        seen: set[str] = set()
        for item in relation.evidence:
            key = evidence_key(item)
            if key in seen:
                continue  # the same sentence twice: one piece of evidence
            seen.add(key)
            keys.append(key)
            quotes(item.text)
            articles(item.article)
            parts(item.part)
            starts(item.start)
            ends(item.end)
            dates(item.date or "")
            sources(item.source or "")
            rules(item.rule)
            confidences(float(item.confidence))
            triggers(item.trigger)
    offsets.append(len(keys))
    return columns


def _rows_of(columns: Columns) -> list[Row]:
    # graph.cypher's rows are the columns cut per relation, so both carry the same evidence.
    offsets = columns["offsets"]
    rows: list[Row] = []
    for i, (source, target) in enumerate(zip(columns["source"], columns["target"], strict=True)):
        first, past = offsets[i], offsets[i + 1]
        evidence: Row = {name: columns[name][first:past] for name in _COLUMNS}
        evidence["count"] = past - first
        rows.append({"source": source, "target": target, "evidence": evidence})
    return rows


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
    """One map per relation (graph.cypher's ``$rows``), with evidence as parallel lists."""
    return _rows_of(relation_columns(relations))


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
