"""Graph -> the ``$rows`` parameter values of the merge templates, and back.

The loader sends these rows as parameters; graph.cypher writes the very same rows as Cypher
literals, which is why both produce identical databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType

__all__ = [
    "EVIDENCE_FIELDS",
    "Row",
    "actor_from_row",
    "actor_rows",
    "batches",
    "evidence_key",
    "relation_from_row",
    "relation_rows",
    "sorted_graph",
]

Row = dict[str, Any]

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
_OPTIONAL = {"date", "source"}


def evidence_key(evidence: Evidence) -> str:
    """Identity of a piece of evidence: article, part and span.

    The numeric suffix contains no "#", so the key is unambiguous whatever the article id.
    """
    return f"{evidence.article}#{evidence.part}:{evidence.start}:{evidence.end}"


def actor_rows(graph: Graph) -> dict[ActorKind, list[Row]]:
    """Actor rows grouped by kind (one label per statement), in enum then graph order."""
    grouped: dict[ActorKind, list[Row]] = {kind: [] for kind in ActorKind}
    for actor in graph.actors:
        grouped[actor.kind].append(
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind.value,
                "aliases": sorted(set(actor.aliases) - {actor.name}),
                "articles": sorted(set(actor.articles)),
            }
        )
    return {kind: rows for kind, rows in grouped.items() if rows}


def relation_rows(graph: Graph) -> dict[RelationType, list[Row]]:
    """Relation rows grouped by type, evidence as parallel lists, duplicate keys dropped."""
    grouped: dict[RelationType, list[Row]] = {rel_type: [] for rel_type in RelationType}
    for relation in graph.relations:
        grouped[relation.type].append(_relation_row(relation))
    return {rel_type: rows for rel_type, rows in grouped.items() if rows}


def _relation_row(relation: Relation) -> Row:
    row: Row = {"source": relation.source, "target": relation.target, "evidence_keys": []}
    row.update({name: [] for name in EVIDENCE_FIELDS})
    seen: set[str] = set()
    for evidence in relation.evidence:
        key = evidence_key(evidence)
        if key in seen:
            continue
        seen.add(key)
        row["evidence_keys"].append(key)
        for name, attribute in EVIDENCE_FIELDS.items():
            value = getattr(evidence, attribute)
            if attribute in _OPTIONAL and value is None:
                value = ""
            elif attribute == "confidence":
                value = float(value)
            row[name].append(value)
    return row


def batches(rows: Sequence[Row], size: int) -> Iterator[list[Row]]:
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])


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
