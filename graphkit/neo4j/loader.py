"""Idempotent bulk loading of a Graph into Neo4j, and reading it back.

Order: schema (constraints and indexes, IF NOT EXISTS), then actors per kind, then relations
per type, each in batches of ``UNWIND $rows`` run by ``execute_write`` (one transaction per
batch, retried by the driver on transient errors). Every statement is a MERGE keyed by actor
id / relationship (source, type, target) / evidence key, so a load that was interrupted after
some batches can simply be run again, and loading twice leaves the same counts.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial

from neo4j import Driver, ManagedTransaction
from pydantic import BaseModel, ConfigDict

from graphkit.models import Graph
from graphkit.neo4j.rows import (
    Row,
    actor_chunks,
    actor_from_row,
    actor_rows,
    relation_chunks,
    relation_from_row,
    relation_rows,
    sorted_graph,
)
from graphkit.neo4j.templates import actor_merge, relation_merge, schema_statements, statement

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
    counters = tx.run(query, rows=rows).consume().counters
    return counters.nodes_created, counters.relationships_created, counters.properties_set


def load_graph(
    driver: Driver,
    graph: Graph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_batch: Callable[[int, int], None] | None = None,
) -> LoadReport:
    """MERGE ``graph`` into the database; ``after_batch(done, total)`` follows each commit."""
    started = time.perf_counter()
    ensure_schema(driver, database)
    jobs: list[tuple[str, Callable[[], list[Row]]]] = [
        *((actor_merge(kind), partial(actor_rows, chunk)) for kind, chunk in actor_chunks(graph, batch_size)),
        *((relation_merge(rel_type), partial(relation_rows, chunk))
          for rel_type, chunk in relation_chunks(graph, batch_size)),
    ]  # fmt: skip
    created = [0, 0, 0]
    evidence = 0
    # A helper thread builds the next batch's rows while the server works on the current one
    # (the driver releases the GIL while it waits). Batches are still sent one at a time, in
    # order, so no two transactions of a load ever compete for the same nodes' locks.
    with (
        _gc_paused(),
        ThreadPoolExecutor(1, thread_name_prefix="graphkit-rows") as builder,
        driver.session(database=database) as session,
    ):
        upcoming = builder.submit(jobs[0][1]) if jobs else None
        for done, (query, _) in enumerate(jobs, start=1):
            assert upcoming is not None
            rows = upcoming.result()
            upcoming = builder.submit(jobs[done][1]) if done < len(jobs) else None
            for i, value in enumerate(session.execute_write(_write, query, rows)):
                created[i] += value
            evidence += sum(row["evidence"]["count"] for row in rows if "evidence" in row)
            if after_batch is not None:
                after_batch(done, len(jobs))
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        evidence=evidence,
        batches=len(jobs),
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
