"""Idempotent bulk loading of a Graph into Neo4j, and reading it back.

Order: schema (constraints and indexes, IF NOT EXISTS), then actors per kind, then relations
per type, each in batches of ``UNWIND $rows`` run by ``execute_write`` (one transaction per
batch, retried by the driver on transient errors). Every statement is a MERGE keyed by actor
id / relationship (source, type, target) / evidence key, so a load that was interrupted after
some batches can simply be run again, and loading twice leaves the same counts.

Each actor batch also returns the element ids of its actors, and relation batches find their
endpoints by element id (merge_relations_by_element_id.cypher) rather than by two Actor.id
index seeks per relationship. Every endpoint of a Graph's relation is one of its actors
(models.Graph checks it), so every endpoint's element id is known by then.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from neo4j import Driver, ManagedTransaction
from pydantic import BaseModel, ConfigDict

from graphkit.models import Graph
from graphkit.neo4j.lanes import Lane, relation_rounds
from graphkit.neo4j.rows import (
    Row,
    actor_chunks,
    actor_from_row,
    actor_rows,
    relation_from_row,
    relation_rows,
    sorted_graph,
)
from graphkit.neo4j.templates import actor_merge, relation_merge, schema_statements, statement

# The loader's relation template; graph.cypher uses merge_relations (by Actor.id).
_RELATIONS_BY_ELEMENT_ID = "merge_relations_by_element_id"

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Counts",
    "LoadReport",
    "clear_database",
    "count_graph",
    "ensure_schema",
    "fetch_graph",
    "load_graph",
]

# Large enough that per-transaction overhead (round trip, commit, fsync) is amortised, small
# enough that a batch's transaction state stays far below a 1 GB heap. Measured with
# benchmarks/load_benchmark.py: 1,000 to 10,000 rows are within 10% of each other, 2,000 best.
DEFAULT_BATCH_SIZE = 2000

_FROZEN = ConfigDict(frozen=True)


class Counts(BaseModel):
    """What is in the database (``counts.cypher``)."""

    model_config = _FROZEN

    nodes: int
    relationships: int
    actors: int
    relations: int
    evidence: int


class LoadReport(BaseModel):
    """What one load sent and what the server reported changing."""

    model_config = _FROZEN

    actors: int
    relations: int
    evidence: int
    batches: int
    nodes_created: int
    relationships_created: int
    properties_set: int
    seconds: float


class _QuietRows(list[Row]):
    """The ``$rows`` parameter, with a constant-time ``repr``.

    The driver (neo4j 6.4, ``Bolt5x.run``) formats ``repr`` of all parameters for a debug
    log line before it checks whether debug logging is on: for a batch of relations that is
    megabytes of text, 0.5 s per 100,000 relations on the load's critical path. The packers
    accept any ``list`` subclass, so the values sent are unchanged.
    """

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the duration of a load.

    A large Graph is millions of live objects, and building rows allocates enough to start a
    full collection every few batches; each one scans the whole graph (0.5 s and more for
    100,000 relations). Rows hold no reference cycles, so reference counting frees them
    anyway; the collector is re-enabled (if it was on) however the load ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def ensure_schema(driver: Driver, database: str | None = None) -> None:
    # Schema changes cannot share a transaction with data writes; one transaction each.
    with driver.session(database=database) as session:
        for query in schema_statements():
            session.execute_write(_write, query, None)


def _write(tx: ManagedTransaction, query: str, rows: list[Row] | None) -> tuple[int, int, int]:
    param = None if rows is None else _QuietRows(rows)
    counters = tx.run(query, rows=param).consume().counters
    return counters.nodes_created, counters.relationships_created, counters.properties_set


def _write_actors(
    tx: ManagedTransaction, query: str, rows: list[Row]
) -> tuple[tuple[int, int, int], dict[str, str]]:
    """Merge a batch of actors and read their element ids back in the same transaction."""
    counters = _write(tx, query, rows)
    result = tx.run(statement("actor_element_ids"), ids=[row["id"] for row in rows])
    return counters, {record["id"]: record["element_id"] for record in result}


def _by_element_id(rows: list[Row], element_ids: dict[str, str]) -> list[Row]:
    # Relation rows name actors by id, like graph.cypher's; the loader's template wants the
    # element ids the actor batches returned (dict lookups: cheap next to a round trip).
    return [
        {
            "s": element_ids[row["source"]],
            "t": element_ids[row["target"]],
            "evidence": row["evidence"],
        }
        for row in rows
    ]


class _Tally:
    """Counters and progress shared by the two relation lanes (one lock, few updates)."""

    def __init__(self, total: int, after_batch: Callable[[int, int], None] | None) -> None:
        self.total = total
        self.after_batch = after_batch
        self.done = 0
        self.evidence = 0
        self.created = [0, 0, 0]
        self.lock = threading.Lock()

    def add(self, counters: tuple[int, int, int], evidence: int) -> None:
        with self.lock:
            self.done += 1
            self.evidence += evidence
            for i, value in enumerate(counters):
                self.created[i] += value
            if self.after_batch is not None:
                self.after_batch(self.done, self.total)


def _run_lane(
    driver: Driver,
    database: str | None,
    lane: Lane,
    element_ids: dict[str, str],
    tally: _Tally,
    stop: threading.Event,
) -> None:
    """One lane's batches in order, in its own session; stops early once the other lane failed."""
    try:
        with driver.session(database=database) as session:
            for rel_type, chunk in lane:
                if stop.is_set():
                    return
                rows = relation_rows(chunk)
                query = relation_merge(rel_type, _RELATIONS_BY_ELEMENT_ID)
                counters = session.execute_write(_write, query, _by_element_id(rows, element_ids))
                tally.add(counters, sum(row["evidence"]["count"] for row in rows))
    except BaseException:
        stop.set()
        raise


def load_graph(
    driver: Driver,
    graph: Graph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_batch: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """MERGE ``graph`` into the database; ``after_batch(done, total)`` follows each commit.

    Actors first, one batch at a time; then relations in two writer threads, whose
    concurrent batches never share a node (graphkit.neo4j.lanes), so they never wait on each
    other's node locks. A rare deadlock on other locks is retried by ``execute_write``.
    """
    started = time.perf_counter()
    ensure_schema(driver, database)
    actor_jobs = [(actor_merge(kind), chunk) for kind, chunk in actor_chunks(graph, batch_size)]
    rounds = list(relation_rounds(graph, batch_size))
    tally = _Tally(len(actor_jobs) + sum(len(a) + len(b) for a, b in rounds), after_batch)
    element_ids: dict[str, str] = {}
    stop = threading.Event()
    with _gc_paused():
        with driver.session(database=database) as session:
            for query, chunk in actor_jobs:
                counters, ids = session.execute_write(_write_actors, query, actor_rows(chunk))
                element_ids.update(ids)
                tally.add(counters, 0)
        with ThreadPoolExecutor(2, thread_name_prefix="graphkit-writer") as writers:
            for lanes in rounds:
                # A round ends when both lanes have: the next round's lanes share nodes with it.
                futures = [
                    writers.submit(_run_lane, driver, database, lane, element_ids, tally, stop)
                    for lane in lanes
                ]
                for future in futures:
                    future.result()
    created, evidence = tally.created, tally.evidence
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        evidence=evidence,
        batches=tally.total,
        nodes_created=created[0],
        relationships_created=created[1],
        properties_set=created[2],
        seconds=time.perf_counter() - started,
    )


def count_graph(driver: Driver, database: str | None = None) -> Counts:
    records = driver.execute_query(statement("counts"), database_=database).records
    return Counts(**records[0].data())


def fetch_graph(driver: Driver, database: str | None = None) -> Graph:
    """The graphkit graph stored in the database, in canonical order (no article metadata)."""
    actors = driver.execute_query(statement("read_actors"), database_=database).records
    relations = driver.execute_query(statement("read_relations"), database_=database).records
    return sorted_graph(
        (actor_from_row(record.data()) for record in actors),
        (relation_from_row(record.data()) for record in relations),
    )


def clear_database(driver: Driver, database: str | None = None, batch: int = 5000) -> None:
    """Delete everything, a batch of nodes per transaction (tests and the benchmark only)."""
    query = statement("clear")

    def delete_some(tx: ManagedTransaction) -> int:
        return int(tx.run(query, batch=batch).single(strict=True)["deleted"])

    with driver.session(database=database) as session:
        while session.execute_write(delete_some):
            pass
