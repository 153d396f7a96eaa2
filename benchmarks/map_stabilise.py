"""How long the HTML map of a big graph takes to settle and freeze in headless Chromium.

    .venv/bin/python benchmarks/map_stabilise.py [--nodes 2000] [--edges 10000] [--runs 3]

Builds a deterministic random graph (preferential attachment, so a few hubs as in news
graphs), renders it with graphkit.sinks.html, opens it from a file in headless Chromium
(CHROMIUM, default /usr/bin/chromium) and reports, per run, the milliseconds from the
start of navigation until the map's physics is switched off (``graphkitMap.stable``).
The target is under 5 s for 2,000 nodes and 10,000 edges.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.sinks.html import write_html

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def random_graph(nodes: int, edges: int, seed: int = 2024) -> Graph:
    rng = random.Random(seed)
    kinds = list(ActorKind)
    types = list(RelationType)
    actors = [Actor.create(f"Actor {i:05d}", kinds[i % len(kinds)]) for i in range(nodes)]
    # Each endpoint drawn from the endpoints seen so far half the time: hubs emerge.
    ends: list[int] = list(range(nodes))
    seen: set[tuple[int, int, RelationType]] = set()
    relations = []
    while len(relations) < edges:
        source, target = rng.choice(ends), rng.randrange(nodes)
        kind = rng.choice(types)
        if source == target or (source, target, kind) in seen:
            continue
        seen.add((source, target, kind))
        ends.append(target)
        text = f"{actors[source].name} {kind.value.lower()} {actors[target].name}."
        evidence = tuple(
            Evidence(article=f"a{rng.randrange(500)}", text=text, start=0, end=len(text))
            for _ in range(rng.choice((1, 1, 1, 2, 3)))
        )
        relations.append(
            Relation(
                source=actors[source].id, target=actors[target].id, type=kind, evidence=evidence
            )
        )
    return Graph(actors=tuple(actors), relations=tuple(relations))


def measure(path: Path, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as manager:
        browser = manager.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda err, errors=errors: errors.append(str(err)))
            page.goto(path.as_uri())
            page.wait_for_selector(".graphkit-map[data-stable]", state="attached", timeout=120_000)
            # stableAt is performance.now(): milliseconds since navigation started.
            timings.append(page.evaluate("() => graphkitMap.stableAt"))
            if errors:
                raise SystemExit(f"page errors: {errors}")
            page.close()
        browser.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the HTML here")
    args = parser.parse_args()

    graph = random_graph(args.nodes, args.edges)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.html"
        write_html(graph, path)
        rendered = time.perf_counter() - started
        size = path.stat().st_size
        if args.keep:
            args.keep.write_bytes(path.read_bytes())
        timings = measure(path, args.runs)
    print(f"graph: {args.nodes} nodes, {args.edges} edges; html {size / 1e6:.1f} MB, "
          f"rendered in {rendered:.1f} s")  # fmt: skip
    print("stable and frozen after (ms since navigation):", ", ".join(f"{t:.0f}" for t in timings))
    median = statistics.median(timings)
    print(f"median: {median / 1000:.2f} s (target < 5 s)")
    return 0 if median < 5000 else 1


if __name__ == "__main__":
    sys.exit(main())
