"""The loader's batching by actor group and its dispatcher (no server needed)."""

from __future__ import annotations

import random
import threading
import time

import pytest

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.neo4j.lanes import Dispatcher, _group, group_count, relation_batches_by_group


def random_graph(actors: int = 60, relations: int = 500, seed: int = 3) -> Graph:
    rng = random.Random(seed)
    people = [Actor.create(f"Actor {i}", ActorKind.STATE) for i in range(actors)]
    seen: set[tuple[int, int, RelationType]] = set()
    edges: list[Relation] = []
    while len(edges) < relations:
        s, t, kind = rng.randrange(actors), rng.randrange(actors), rng.choice(list(RelationType))
        if s == t or (s, t, kind) in seen:
            continue
        seen.add((s, t, kind))
        text = f"sentence {len(edges)}"
        evidence = Evidence(article="a", text=text, start=0, end=len(text), rule="t", trigger="t")
        edges.append(Relation(source=people[s].id, target=people[t].id, type=kind,
                              evidence=(evidence,)))  # fmt: skip
    return Graph(actors=tuple(people), relations=tuple(edges))


def test_every_relation_lands_in_exactly_one_batch_of_its_groups() -> None:
    graph = random_graph()
    groups = group_count(2)
    batches = relation_batches_by_group(graph, 7, groups)
    placed = [r for batch in batches for r in batch.relations]
    assert sorted(placed, key=repr) == sorted(graph.relations, key=repr)
    for batch in batches:
        assert 1 <= len(batch.relations) <= 7
        assert 1 <= len(batch.groups) <= 2
        for relation in batch.relations:
            assert relation.type is batch.type
            assert {_group(relation.source, groups), _group(relation.target, groups)} == set(
                batch.groups
            )


def test_batching_is_deterministic_and_mixes_the_classes() -> None:
    graph = random_graph()
    first = relation_batches_by_group(graph, 5, 4)
    assert first == relation_batches_by_group(graph, 5, 4)
    # Spread, not one class after another: the first ten batches already cover most classes.
    assert len({batch.groups for batch in first[:10]}) >= 6


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        relation_batches_by_group(random_graph(), 0, 4)


def test_dispatcher_never_runs_two_jobs_that_share_a_group() -> None:
    rng = random.Random(5)
    jobs = [(frozenset(rng.sample(range(4), rng.choice((1, 2)))), n) for n in range(200)]
    dispatcher: Dispatcher[int] = Dispatcher(jobs)
    running: dict[int, frozenset[int]] = {}
    overlaps: list[tuple[frozenset[int], frozenset[int]]] = []
    done: list[int] = []
    lock = threading.Lock()

    def writer() -> None:
        while (taken := dispatcher.take()) is not None:
            groups, job = taken
            with lock:
                overlaps.extend((groups, other) for other in running.values() if groups & other)
                running[job] = groups
            time.sleep(0.0005)
            with lock:
                del running[job]
                done.append(job)
            dispatcher.release(groups)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not overlaps
    assert sorted(done) == list(range(200))


def test_abort_wakes_a_waiting_writer_and_stops_handing_out_jobs() -> None:
    dispatcher: Dispatcher[str] = Dispatcher(
        [(frozenset({0}), "first"), (frozenset({0}), "conflicting"), (frozenset({1}), "free")]
    )
    assert dispatcher.take() == (frozenset({0}), "first")
    assert dispatcher.take() == (frozenset({1}), "free")
    waited: list[object] = []
    waiter = threading.Thread(target=lambda: waited.append(dispatcher.take()))
    waiter.start()
    time.sleep(0.05)
    assert waiter.is_alive()  # "conflicting" waits for "first" to be released
    dispatcher.abort()
    waiter.join(timeout=5)
    assert waited == [None]
    assert dispatcher.take() is None
