"""Load benchmark: graphkit's batched loader against a naive one-MERGE-per-relationship loop.

    set -a; eval "$(scripts/neo4j.sh start)"; set +a
    .venv/bin/python benchmarks/load_benchmark.py --clear

Generates a deterministic graph (default 100,000 relationships over 10,000 actors, 1-3 pieces
of evidence each), loads it with ``graphkit.neo4j.load_graph`` and times it; then times the
naive loop (one auto-commit transaction per relationship, as a first attempt usually looks)
on a sample and extrapolates its rate. Untimed full loads first warm the server's JIT
compiler up: on a fresh JVM the server spent 23 s of CPU on the first load of 100,000
relationships, and its CPU per load kept falling until the sixth (~6 s). Then the two
loaders alternate for five timed runs, and the medians are compared. The database is
emptied before and after; with data already in it, the benchmark refuses to run unless
given --clear.

graphkit depends on ``neo4j-rust-ext`` (Bolt packing in Rust, same version as ``neo4j``);
without it the driver packs in pure Python. The benchmark says which one it measured.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from neo4j import Driver
from neo4j._codec.packstream import v1 as packstream_v1

from graphkit.errors import GraphkitError
from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.neo4j.connection import connect, resolve_settings
from graphkit.neo4j.loader import DEFAULT_BATCH_SIZE, clear_database, count_graph, load_graph
from graphkit.neo4j.rows import relation_batches
from graphkit.neo4j.templates import relation_merge

__all__ = ["generate_graph", "main"]

GOAL_RATE = 20_000  # relationships per second
GOAL_RATIO = 10.0  # times the naive loop
_WORDS = ("condemned", "backed", "lobbied", "detained", "the", "minister", "said", "on", "Monday",
          "talks", "sanctions", "northern", "province", "council", "envoy", "statement")  # fmt: skip


def generate_graph(relations: int, actors: int, seed: int = 7) -> Graph:
    """A deterministic random graph: same arguments, same graph."""
    rng = random.Random(seed)
    kinds = list(ActorKind)
    people = [
        Actor(id=f"{kinds[i % 5].value.lower()}:actor-{i}", name=f"Actor {i}", kind=kinds[i % 5],
              aliases=(f"A{i}",), articles=(f"art-{i % 997}",))
        for i in range(actors)
    ]  # fmt: skip
    types = list(RelationType)
    seen: set[tuple[int, int, int]] = set()
    edges: list[Relation] = []
    while len(edges) < relations:
        key = (rng.randrange(actors), rng.randrange(actors), rng.randrange(len(types)))
        if key[0] == key[1] or key in seen:
            continue
        seen.add(key)
        evidence = []
        for j in range(1 + (len(edges) % 3 == 0) + (len(edges) % 7 == 0)):
            text = " ".join(rng.choice(_WORDS) for _ in range(18))
            start = rng.randrange(5000)
            evidence.append(
                Evidence(article=f"art-{rng.randrange(20000)}", part=j, text=text, start=start,
                         end=start + len(text), date=f"20{rng.randrange(10, 25)}-0{rng.randrange(1, 10)}-1{j}",
                         source="Wire", rule="svo", confidence=0.8, trigger="backed")
            )  # fmt: skip
        edges.append(Relation(source=people[key[0]].id, target=people[key[1]].id,
                              type=types[key[2]], evidence=tuple(evidence)))  # fmt: skip
    return Graph(actors=tuple(people), relations=tuple(edges))


def naive_load(
    driver: Driver, graph: Graph, sample: int, database: str | None
) -> tuple[int, float]:
    """MERGE ``sample`` relationships one query and one transaction at a time."""
    queries = {t: relation_merge(t, "naive_merge_relation") for t in RelationType}
    work = [(t, row) for t, rows in relation_batches(graph, sample) for row in rows][:sample]
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for rel_type, row in work:
            query = queries[rel_type]
            session.run(
                query, source=row["source"], target=row["target"], props=row["evidence"]
            ).consume()
    return len(work), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--naive-sample", type=int, default=5_000, help="relationships timed naively, per run"
    )
    parser.add_argument(
        "--warm-up", type=int, default=6, help="untimed full loads first (JIT warm-up; default 6)"
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each loader (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clear", action="store_true", help="empty the database before and after")
    parser.add_argument("--uri")
    parser.add_argument("--user")
    parser.add_argument("--database")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warm_up < 0:
        parser.error("--runs must be at least 1 and --warm-up at least 0")
    try:
        return run(args)
    except GraphkitError as err:
        print(f"load_benchmark: error: {err}", file=sys.stderr)
        return 1


def _spread(rates: list[float]) -> str:
    return f"median {statistics.median(rates):,.0f} rel/s (runs: {', '.join(f'{r:,.0f}' for r in rates)})"


def run(args: argparse.Namespace) -> int:
    settings = resolve_settings(args.uri, args.user, args.database)
    t0 = time.perf_counter()
    graph = generate_graph(args.relations, args.actors, args.seed)
    evidence = sum(r.count for r in graph.relations)
    print(f"generated {len(graph.actors):,} actors, {len(graph.relations):,} relationships, "
          f"{evidence:,} evidence in {time.perf_counter() - t0:.1f} s")  # fmt: skip
    # What the driver's packer actually uses (it falls back to Python when the import fails).
    rust = getattr(packstream_v1, "_rust_pack", None) is not None
    print(f"driver packstream: {'Rust extension (neo4j-rust-ext)' if rust else 'pure Python'}")
    with connect(settings) as driver:
        db = settings.database
        if count_graph(driver, db).nodes and not args.clear:
            raise GraphkitError(
                f"{settings.where} is not empty; pass --clear to let the benchmark wipe it"
            )
        for _ in range(args.warm_up):
            clear_database(driver, db)
            load_graph(driver, graph, database=db, batch_size=args.batch_size)
        print(f"warm-up: {args.warm_up} full loads (not timed)")
        fast_rates: list[float] = []
        naive_rates: list[float] = []
        retries = 0
        # The two loaders alternate, so a slow spell of the machine hits both alike.
        for _ in range(args.runs):
            clear_database(driver, db)
            report = load_graph(driver, graph, database=db, batch_size=args.batch_size)
            counts = count_graph(driver, db)
            if (counts.relations, counts.evidence) != (len(graph.relations), evidence):
                raise GraphkitError(f"loaded counts {counts} do not match the generated graph")
            fast_rates.append(len(graph.relations) / report.seconds)
            retries += report.retries
            clear_database(driver, db)
            load_graph(driver, Graph(actors=graph.actors), database=db)  # actors are not timed
            done, seconds = naive_load(driver, graph, args.naive_sample, db)
            naive_rates.append(done / seconds)
        clear_database(driver, db)
    fast, naive = statistics.median(fast_rates), statistics.median(naive_rates)
    print(f"graphkit loader: {len(graph.relations):,} relationships (+{len(graph.actors):,} actors, "
          f"{evidence:,} evidence), batch size {args.batch_size}, {retries} transactions retried: "
          f"{_spread(fast_rates)}")  # fmt: skip
    print(f"naive loop:      {args.naive_sample:,} relationships (sample) per run: {_spread(naive_rates)}; "
          f"extrapolated to {len(graph.relations):,}: {len(graph.relations) / naive:,.0f} s")  # fmt: skip
    ratio = fast / naive
    ok = fast >= GOAL_RATE and ratio >= GOAL_RATIO
    print(f"ratio of medians: {ratio:.1f}x  (goals: >= {GOAL_RATE:,} rel/s and >= {GOAL_RATIO:.0f}x: "
          f"{'met' if ok else 'NOT met'})")  # fmt: skip
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
