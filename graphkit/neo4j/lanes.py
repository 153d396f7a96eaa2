"""Batches tagged with the actor groups they touch, handed to writer threads that never share one.

One writer leaves a core idle on a 2-core machine while the server works; two writers whose
transactions touch the same nodes wait on each other's locks and deadlock (measured). Actors
are split into groups by a stable hash of their id, and each relation goes to the class of
its endpoints' groups, an unordered pair. A ``Dispatcher`` gives a free writer the first
pending batch that shares no group with a running one, so concurrent transactions never lock
the same node, and no writer waits for another to finish a whole round of batches.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar

from graphkit.models import Graph, Relation, RelationType

__all__ = ["Dispatcher", "GroupedBatch", "group_count", "relation_batches_by_group"]

T = TypeVar("T")


class GroupedBatch(NamedTuple):
    """Relations of one type whose endpoints all lie in ``groups``."""

    groups: frozenset[int]
    type: RelationType
    relations: Sequence[Relation]


def group_count(writers: int) -> int:
    # Twice the writers: each running batch holds at most two groups, so whatever the others
    # run, some class of batches is always free for a writer.
    return 2 * writers


def _group(actor_id: str, groups: int) -> int:
    # crc32, not hash(): the same split in every process, so loads are reproducible.
    return zlib.crc32(actor_id.encode("utf-8")) % groups


def relation_batches_by_group(graph: Graph, size: int, groups: int) -> list[GroupedBatch]:
    """Every relation once, in batches of at most ``size`` of one type and one group class.

    Each class's batches are spread evenly over the list (by their fractional position within
    the class), so whatever a dispatcher has left to do at any moment mixes all classes, and
    the last batches do not all wait on the same groups.
    """
    if size < 1:
        raise ValueError("batch size must be at least 1")
    group = {actor.id: _group(actor.id, groups) for actor in graph.actors}
    classes: dict[frozenset[int], dict[RelationType, list[Relation]]] = {}
    for relation in graph.relations:
        key = frozenset((group[relation.source], group[relation.target]))
        classes.setdefault(key, {}).setdefault(relation.type, []).append(relation)
    placed: list[tuple[float, tuple[int, ...], int, GroupedBatch]] = []
    for key, by_type in classes.items():
        batches = [
            GroupedBatch(key, rel_type, relations[start : start + size])
            for rel_type in RelationType
            for relations in [by_type.get(rel_type, [])]
            for start in range(0, len(relations), size)
        ]
        for index, batch in enumerate(batches):
            placed.append(((index + 0.5) / len(batches), tuple(sorted(key)), index, batch))
    placed.sort(key=lambda item: item[:3])
    return [batch for *_, batch in placed]


class Dispatcher(Generic[T]):
    """Hands out jobs so that no two running jobs share a group; thread-safe.

    ``take`` returns the first pending job none of whose groups is held, waiting while every
    pending job conflicts with a running one, and ``None`` once there is nothing left or the
    work was aborted. Every job taken must be given back with ``release``.
    """

    def __init__(self, jobs: Sequence[tuple[frozenset[int], T]]) -> None:
        self._pending = list(jobs)
        self._held: set[int] = set()
        self._aborted = False
        self._changed = threading.Condition()

    def take(self) -> tuple[frozenset[int], T] | None:
        with self._changed:
            while not self._aborted and self._pending:
                for index, (groups, job) in enumerate(self._pending):
                    if self._held.isdisjoint(groups):
                        del self._pending[index]
                        self._held.update(groups)
                        return groups, job
                self._changed.wait()
            return None

    def release(self, groups: frozenset[int]) -> None:
        with self._changed:
            self._held.difference_update(groups)
            self._changed.notify_all()

    def abort(self) -> None:
        """Make every ``take`` return ``None``: a writer failed, the others stop after their job."""
        with self._changed:
            self._aborted = True
            self._changed.notify_all()
