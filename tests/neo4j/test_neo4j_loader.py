"""The bulk loader against a real server: counts, round trip, idempotency, merging, recovery."""

from __future__ import annotations

import time
from typing import Any

import pytest
from neo4j import Driver
from neo4j_graphs import ALAND, BORDURIA, S, actor, ev, hostile_graph, politics_graph, rel

from graphkit.models import ActorKind, Graph, RelationType
from graphkit.neo4j.connection import Settings
from graphkit.neo4j.loader import Counts, _relation_batch, count_graph, fetch_graph, load_graph
from graphkit.neo4j.rows import sorted_graph
from graphkit.neo4j.templates import relation_merge, statement

pytestmark = pytest.mark.neo4j


def canonical(graph: Graph) -> Graph:
    return sorted_graph(graph.actors, graph.relations)


def expected_counts(graph: Graph) -> Counts:
    evidence = sum(len(r.evidence) for r in graph.relations)
    return Counts(
        nodes=len(graph.actors),
        relationships=len(graph.relations),
        actors=len(graph.actors),
        relations=len(graph.relations),
        evidence=evidence,
    )


def test_load_gives_exact_counts_and_round_trips(clean_db: Driver, settings: Settings) -> None:
    graph = politics_graph()
    report = load_graph(clean_db, graph, database=settings.database)
    assert (report.nodes_created, report.relationships_created) == (9, 12)
    assert count_graph(clean_db, settings.database) == expected_counts(graph)
    assert fetch_graph(clean_db, settings.database) == canonical(graph)


def test_nodes_get_actor_and_kind_labels(clean_db: Driver, settings: Settings) -> None:
    load_graph(clean_db, politics_graph(), database=settings.database)
    records = clean_db.execute_query(statement("read_actors"), database_=settings.database).records
    assert {r["id"]: r["kinds"] for r in records} == {
        a.id: [a.kind.value] for a in politics_graph().actors
    }


def test_loading_twice_changes_nothing(clean_db: Driver, settings: Settings) -> None:
    graph = politics_graph()
    load_graph(clean_db, graph, database=settings.database)
    first = (count_graph(clean_db, settings.database), fetch_graph(clean_db, settings.database))
    again = load_graph(clean_db, graph, database=settings.database, batch_size=3)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert (
        count_graph(clean_db, settings.database),
        fetch_graph(clean_db, settings.database),
    ) == first


def test_batch_size_does_not_change_the_result(clean_db: Driver, settings: Settings) -> None:
    graph = politics_graph()
    report = load_graph(clean_db, graph, database=settings.database, batch_size=1)
    assert report.batches == len(graph.actors) + len(graph.relations)
    assert fetch_graph(clean_db, settings.database) == canonical(graph)


def test_second_corpus_merges_actors_and_adds_only_new_evidence(
    clean_db: Driver, settings: Settings
) -> None:
    first = politics_graph()
    # Corpus 2 knows Aland under another name and alias, repeats one quote (same article,
    # part and span: the same evidence) and adds a new quote, a new actor and a new relation.
    aland2 = actor("The Aland Republic", ActorKind.STATE, "Åland", articles=("b1", "a1"))
    aland2 = aland2.model_copy(update={"id": ALAND.id})
    newcomer = actor("Zembla", ActorKind.STATE, articles=("b1",))
    repeated = first.relations[0].evidence[0]
    second = Graph(
        actors=(aland2, BORDURIA, newcomer),
        relations=(
            rel(BORDURIA, S, aland2, repeated, ev("b1", 5, "Borduria again backs Aland.")),
            rel(newcomer, S, aland2, ev("b1", 90, "Zembla backs Aland.")),
        ),
    )
    load_graph(clean_db, first, database=settings.database)
    load_graph(clean_db, second, database=settings.database)
    counts = count_graph(clean_db, settings.database)
    assert counts == Counts(nodes=10, relationships=13, actors=10, relations=13, evidence=17)
    merged = fetch_graph(clean_db, settings.database)
    aland = merged.actor(ALAND.id)
    assert aland.name == "Aland"  # first name wins; the new one becomes an alias
    assert aland.aliases == ("Mariehamn", "Republic of Aland", "The Aland Republic", "Åland")
    assert aland.articles == ("a1", "b1")
    backing = next(r for r in merged.relations if r.key == (BORDURIA.id, ALAND.id, "SUPPORTS"))
    assert [e.text for e in backing.evidence] == [
        "Borduria backs Aland.",
        "Borduria stands with Aland.",
        "Borduria again backs Aland.",
    ]
    # Loading both corpora again, in either order, changes nothing.
    load_graph(clean_db, second, database=settings.database)
    load_graph(clean_db, first, database=settings.database)
    assert count_graph(clean_db, settings.database) == counts
    assert fetch_graph(clean_db, settings.database) == merged


class Interrupted(Exception):
    pass


def test_interrupted_load_run_again_ends_like_a_clean_load(
    clean_db: Driver, settings: Settings, seed_graph: Graph
) -> None:
    graph = seed_graph
    load_graph(clean_db, graph, database=settings.database)
    clean = (count_graph(clean_db, settings.database), fetch_graph(clean_db, settings.database))

    from graphkit.neo4j.loader import clear_database

    clear_database(clean_db, settings.database)

    def crash_after_third(done: int, total: int) -> None:
        if done == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        load_graph(clean_db, graph, database=settings.database, batch_size=5,
                   after_batch=crash_after_third)  # fmt: skip
    partial = count_graph(clean_db, settings.database)
    assert 0 < partial.actors < len(graph.actors) and partial.relations == 0
    load_graph(clean_db, graph, database=settings.database, batch_size=5)
    assert (
        count_graph(clean_db, settings.database),
        fetch_graph(clean_db, settings.database),
    ) == clean


def test_interrupted_inside_relations_recovers(clean_db: Driver, settings: Settings) -> None:
    graph = politics_graph()
    batches = len(graph.actors) + len(graph.relations)

    def crash_late(done: int, total: int) -> None:
        assert total == batches
        if done == batches - 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        load_graph(
            clean_db, graph, database=settings.database, batch_size=1, after_batch=crash_late
        )
    assert 0 < count_graph(clean_db, settings.database).relations < len(graph.relations)
    load_graph(clean_db, graph, database=settings.database)
    assert count_graph(clean_db, settings.database) == expected_counts(graph)
    assert fetch_graph(clean_db, settings.database) == canonical(graph)


def test_hostile_values_round_trip_through_the_loader(clean_db: Driver, settings: Settings) -> None:
    graph = hostile_graph()
    load_graph(clean_db, graph, database=settings.database)
    assert fetch_graph(clean_db, settings.database) == canonical(graph)
    assert count_graph(clean_db, settings.database) == expected_counts(graph)


def test_seed_graph_loads_exactly(clean_db: Driver, settings: Settings, seed_graph: Graph) -> None:
    load_graph(clean_db, seed_graph, database=settings.database)
    assert count_graph(clean_db, settings.database) == expected_counts(seed_graph)
    assert fetch_graph(clean_db, settings.database) == canonical(seed_graph)


def test_a_real_deadlock_between_writers_is_retried_at_once(
    clean_db: Driver, settings: Settings
) -> None:
    """Two transactions lock two nodes in opposite orders: the server rolls one back as a
    deadlock, and the loader's retry runs it again once the other has committed."""
    import threading

    from graphkit.neo4j.loader import _in_transaction, _Tally

    clean_db.execute_query("UNWIND [1, 2] AS k CREATE (:Probe {k: k})", database_=settings.database)
    both_hold_one = threading.Barrier(2, timeout=20)
    tally = _Tally(total=2, after_batch=None)
    errors: list[BaseException] = []

    def writer(first: int, second: int) -> None:
        attempts = 0

        def work(tx: Any) -> None:
            nonlocal attempts
            attempts += 1
            tx.run("MATCH (n:Probe {k: $k}) SET n.by = $by", k=first, by=first).consume()
            if attempts == 1:
                both_hold_one.wait()
            tx.run("MATCH (n:Probe {k: $k}) SET n.by = $by", k=second, by=first).consume()

        try:
            with clean_db.session(database=settings.database) as session:
                _in_transaction(session, work, tally)
        except BaseException as err:  # reported below, in the test's thread
            errors.append(err)

    threads = [threading.Thread(target=writer, args=pair) for pair in ((1, 2), (2, 1))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert tally.retries == 1
    # The driver's execute_write would wait 0.8-1.2 s first; this takes ~0.03 s here.
    assert time.perf_counter() - started < 0.7
    owners = clean_db.execute_query(
        "MATCH (n:Probe) RETURN collect(DISTINCT n.by) AS by", database_=settings.database
    ).records[0]["by"]
    assert len(owners) == 1  # one transaction's writes, then the other's: never a mix


def _operators(plan: dict[str, Any]) -> list[str]:
    children = [op for child in plan.get("children", []) for op in _operators(child)]
    return [str(plan["operatorType"]).split("@")[0], *children]


def test_loader_relation_template_streams_its_rows(clean_db: Driver, settings: Settings) -> None:
    # An Eager step would build and buffer every row of a batch before the first write (see
    # merge_relations_by_element_id.cypher); the planner adds one for innocent-looking
    # changes, such as reading the columns as $batch.quotes or a second WITH.
    query = relation_merge(RelationType.SUPPORTS, "merge_relations_by_element_id")
    with clean_db.session(database=settings.database) as session:
        plan = session.run("EXPLAIN " + query, _relation_batch([], {})).consume().plan
    assert plan is not None
    operators = _operators(plan)
    assert "LockingMerge" in operators and "NodeByElementIdSeek" in operators
    assert "Eager" not in operators
