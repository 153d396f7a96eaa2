"""Idempotent bulk loading of a Graph into Neo4j, and reading it back.

Order: schema (constraints and indexes, IF NOT EXISTS), then actors per kind, then relations
per type, each in batches of ``UNWIND $rows`` run by ``execute_write`` (one transaction per
batch, retried by the driver on transient errors). Every statement is a MERGE keyed by actor
id / relationship (source, type, target) / evidence key, so a load that was interrupted after
some batches can simply be run again, and loading twice leaves the same counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from neo4j import Driver, ManagedTransaction
from pydantic import BaseModel, ConfigDict

from graphkit.models import Graph
from graphkit.neo4j.rows import (
    Row,
    actor_from_row,
    actor_rows,
    batches,
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
# enough that a batch's transaction state stays far below the default heap (see the benchmark).
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
    work: list[tuple[str, list[Row]]] = []
    for kind, rows in actor_rows(graph).items():
        query = actor_merge(kind)
        work += [(query, batch) for batch in batches(rows, batch_size)]
    evidence = 0
    for rel_type, rows in relation_rows(graph).items():
        query = relation_merge(rel_type)
        work += [(query, batch) for batch in batches(rows, batch_size)]
        evidence += sum(len(row["evidence_keys"]) for row in rows)
    created = [0, 0, 0]
    with driver.session(database=database) as session:
        for done, (query, batch) in enumerate(work, start=1):
            for i, value in enumerate(session.execute_write(_write, query, batch)):
                created[i] += value
            if after_batch is not None:
                after_batch(done, len(work))
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        evidence=evidence,
        batches=len(work),
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
