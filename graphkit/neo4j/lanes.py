"""Relation batches in rounds of two lanes that never share an actor, for two writers.

One writer leaves a core idle on a 2-core machine while the server works; two writers whose
transactions touch the same nodes wait on each other's locks and deadlock (measured). Actors
are split into four groups by a stable hash of their id, and each relation goes to the class
of its endpoints' groups, an unordered pair. Each round pairs two classes with no group in
common ({0,1} with {2,3}, ..., {0} with {1}), so the two lanes of a round never lock the
same node, and the five rounds cover every class.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

from graphkit.models import Graph, Relation, RelationType

__all__ = ["ROUNDS", "relation_rounds"]

_GROUPS = 4
# Every unordered pair of the four groups, including a group with itself, exactly once.
ROUNDS: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((0, 1), (2, 3)),
    ((0, 2), (1, 3)),
    ((0, 3), (1, 2)),
    ((0, 0), (1, 1)),
    ((2, 2), (3, 3)),
)

Lane = list[tuple[RelationType, Sequence[Relation]]]


def _group(actor_id: str) -> int:
    # crc32, not hash(): the same split in every process, so loads are reproducible.
    return zlib.crc32(actor_id.encode("utf-8")) % _GROUPS


def relation_rounds(graph: Graph, size: int) -> Iterator[tuple[Lane, Lane]]:
    """Per round, two lanes of (type, batch) in enum then graph order; batches of ``size``."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    group = {actor.id: _group(actor.id) for actor in graph.actors}
    classes: dict[tuple[int, int], dict[RelationType, list[Relation]]] = {}
    for relation in graph.relations:
        a, b = sorted((group[relation.source], group[relation.target]))
        classes.setdefault((a, b), {}).setdefault(relation.type, []).append(relation)

    def lane(key: tuple[int, int]) -> Lane:
        by_type = classes.get(key, {})
        return [
            (rel_type, relations[start : start + size])
            for rel_type in RelationType
            for relations in [by_type.get(rel_type, [])]
            for start in range(0, len(relations), size)
        ]

    for first, second in ROUNDS:
        yield lane(first), lane(second)
