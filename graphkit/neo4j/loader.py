"""Idempotent bulk loading of a Graph into Neo4j, and reading it back.

Order: schema (constraints and indexes, IF NOT EXISTS), then actors per kind, then relations
per type, in batches (one transaction per batch, retried on transient errors) written by two
threads: actors as ``UNWIND $rows``, relations as flat columns, one parameter each. Every
statement is a MERGE keyed by actor id / relationship (source, type, target) / evidence key,
so a load that was interrupted after some batches can simply be run again, and loading twice
leaves the same counts.

Each actor batch also returns the element ids of its actors
(merge_actors_returning_element_ids.cypher), and relation batches find their endpoints by
element id (merge_relations_by_element_id.cypher) rather than by two Actor.id index seeks
per relationship. Every endpoint of a Graph's relation is one of its actors
(models.Graph checks it), so every endpoint's element id is known by then.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction, Record, Session, Transaction
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel, ConfigDict

from graphkit.models import Actor, Graph, Relation
from graphkit.neo4j.lanes import Dispatcher, GroupedBatch, group_count, relation_batches_by_group
from graphkit.neo4j.rows import (
    Columns,
    Row,
    actor_chunks,
    actor_from_row,
    actor_rows,
    relation_columns,
    relation_from_row,
    sorted_graph,
)
from graphkit.neo4j.templates import actor_merge, relation_merge, schema_statements, statement

# The loader's templates; graph.cypher uses merge_actors and merge_relations (by Actor.id).
_ACTORS_RETURNING_ELEMENT_IDS = "merge_actors_returning_element_ids"
_RELATIONS_BY_ELEMENT_ID = "merge_relations_by_element_id"

# Writer threads: two keep both cores of a small machine busy, the server working on one
# batch while Python prepares or sends the other (benchmarks/load_benchmark.py).
WRITERS = 2
# Pause before each retry of a transaction that failed in a retryable way, in seconds; at
# None, give up (after ~16 s of pauses; the driver's execute_write gives up after 30 s).
_RETRY_DELAYS = (0.0, 0.0, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0, None)

Tx = ManagedTransaction | Transaction
# What a write statement did: nodes created, relationships created, properties set.
Created = tuple[int, int, int]
R = TypeVar("R")
J = TypeVar("J")

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
    retries: int = 0
    nodes_created: int
    relationships_created: int
    properties_set: int
    seconds: float


class _QuietList(list[Any]):
    """A query parameter (rows, or one column) with a constant-time ``repr``.

    The driver (neo4j 6.4, ``Bolt5x.run``) formats ``repr`` of all parameters for a debug
    log line before it checks whether debug logging is on: for a batch of relations that is
    megabytes of text, 0.5 s per 100,000 relations on the load's critical path. The packers
    accept any ``list`` subclass, so the values sent are unchanged.
    """

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


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
            session.execute_write(_run, query)


def _run(tx: Tx, query: str, /, **params: list[Any]) -> tuple[list[Record], Created]:
    """Run ``query`` with list parameters; its records, and what it created and set.

    The driver's Result keeps its parameters and sits in reference cycles, so every value
    of a load would stay alive until a cycle collection (after 100,000 relations: over a
    million objects, 0.5 s). Each parameter therefore goes as a copy, emptied once the query
    has run; a retry sends the caller's lists again, whole.
    """
    sent = {name: _QuietList(value) for name, value in params.items()}
    try:
        result = tx.run(query, sent)
        records = list(result)
        done = result.consume().counters
    finally:
        for value in sent.values():
            value.clear()
    return records, (done.nodes_created, done.relationships_created, done.properties_set)


def _write_actors(tx: Tx, query: str, rows: list[Row]) -> tuple[Created, dict[str, str]]:
    """Merge a batch of actors; the counters, and the element id of each actor by id."""
    records, counters = _run(tx, query, rows=rows)
    return counters, {record["id"]: record["element_id"] for record in records}


def _relation_batch(relations: Sequence[Relation], element_ids: dict[str, str]) -> Columns:
    """The parameters of merge_relations_by_element_id: columns, endpoints by element id."""
    batch = relation_columns(relations)
    batch["s"] = [element_ids[actor] for actor in batch.pop("source")]
    batch["t"] = [element_ids[actor] for actor in batch.pop("target")]
    return batch


def _in_transaction(session: Session, work: Callable[[Tx], R], tally: _Tally) -> R:
    """``work`` in one transaction, retried while the server calls the failure retryable.

    Like ``Session.execute_write``, except that the first retries come at once: the usual
    failure here is a deadlock between graphkit's own writers, which the server resolves by
    rolling one transaction back; the other then goes on, and this one, run again, simply
    waits for its locks. (``execute_write`` waits a second first and logs a warning,
    several lines long.)
    """
    for delay in _RETRY_DELAYS:
        try:
            with session.begin_transaction() as tx:
                result = work(tx)
                tx.commit()
            return result
        except (Neo4jError, DriverError) as err:
            if delay is None or not err.is_retryable():
                raise
            tally.retried()
            time.sleep(delay)
    raise AssertionError("unreachable: the last delay is None")


class _Tally:
    """Counters, element ids and progress shared by the writers (one lock, few updates)."""

    def __init__(self, total: int, after_batch: Callable[[int, int], None] | None) -> None:
        self.total = total
        self.after_batch = after_batch
        self.done = 0
        self.evidence = 0
        self.retries = 0
        self.created = [0, 0, 0]
        self.element_ids: dict[str, str] = {}
        self.lock = threading.Lock()

    def add(self, counters: Created, evidence: int = 0) -> None:
        with self.lock:
            self.done += 1
            self.evidence += evidence
            for i, value in enumerate(counters):
                self.created[i] += value
            if self.after_batch is not None:
                self.after_batch(self.done, self.total)

    def retried(self) -> None:
        with self.lock:
            self.retries += 1


def _writer(
    driver: Driver,
    database: str | None,
    dispatcher: Dispatcher[J],
    write: Callable[[Session, J], None],
) -> None:
    """Write jobs from ``dispatcher`` in one session until none is left (or another failed)."""
    try:
        with driver.session(database=database) as session:
            while (taken := dispatcher.take()) is not None:
                groups, job = taken
                try:
                    write(session, job)
                finally:
                    dispatcher.release(groups)
    except BaseException:
        dispatcher.abort()
        raise


def _write_all(
    driver: Driver,
    database: str | None,
    jobs: Sequence[tuple[frozenset[int], J]],
    write: Callable[[Session, J], None],
) -> None:
    """Run ``write`` on every job, in WRITERS threads; the first failure stops them all."""
    dispatcher = Dispatcher(jobs)
    with ThreadPoolExecutor(WRITERS, thread_name_prefix="graphkit-writer") as pool:
        futures = [
            pool.submit(_writer, driver, database, dispatcher, write) for _ in range(WRITERS)
        ]
        for future in futures:
            future.result()


def load_graph(
    driver: Driver,
    graph: Graph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_batch: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """MERGE ``graph`` into the database; ``after_batch(done, total)`` follows each commit.

    Actors first, then relations, each by WRITERS threads. Actor batches never share a node;
    relation batches run together only when their actors' groups are disjoint
    (graphkit.neo4j.lanes), so writers never wait on each other's node locks. The server
    still, rarely, reports a deadlock on relationship locks: that batch is retried at once.
    """
    started = time.perf_counter()
    ensure_schema(driver, database)
    actor_jobs = [
        (frozenset[int](), (actor_merge(kind, _ACTORS_RETURNING_ELEMENT_IDS), chunk))
        for kind, chunk in actor_chunks(graph, batch_size)
    ]
    relation_jobs = [
        (batch.groups, batch)
        for batch in relation_batches_by_group(graph, batch_size, group_count(WRITERS))
    ]
    tally = _Tally(len(actor_jobs) + len(relation_jobs), after_batch)

    def write_actors(session: Session, job: tuple[str, Sequence[Actor]]) -> None:
        query, chunk = job
        rows = actor_rows(chunk)
        counters, ids = _in_transaction(session, lambda tx: _write_actors(tx, query, rows), tally)
        with tally.lock:
            tally.element_ids.update(ids)
        tally.add(counters)

    def write_relations(session: Session, job: GroupedBatch) -> None:
        query = relation_merge(job.type, _RELATIONS_BY_ELEMENT_ID)
        # Every actor batch has committed: element_ids is complete and no longer changes.
        batch = _relation_batch(job.relations, tally.element_ids)
        evidence = len(batch["evidence_keys"])
        _, counters = _in_transaction(session, lambda tx: _run(tx, query, **batch), tally)
        tally.add(counters, evidence)

    with _gc_paused():
        _write_all(driver, database, actor_jobs, write_actors)
        _write_all(driver, database, relation_jobs, write_relations)
    created = tally.created
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        evidence=tally.evidence,
        batches=tally.total,
        retries=tally.retries,
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
