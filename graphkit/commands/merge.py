"""graphkit merge: put the graphs of ``graphkit build --shard i/n`` runs back together."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphkit.build import OUTPUT_FORMATS, write_outputs
from graphkit.commands import add_command
from graphkit.merge import merge_graphs, read_parts

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "merge",
        "Merge graphs built from disjoint inputs (e.g. --shard i/n) into one graph and its files.",
        "graphkit merge out/ part1/ part2/graph.json",
    )
    parser.add_argument("out", type=Path, metavar="OUT", help="output directory")
    parser.add_argument(
        "parts",
        nargs="+",
        type=Path,
        metavar="PART",
        help="graph.json files or build directories holding one",
    )
    parser.add_argument(
        "--formats",
        default=",".join(OUTPUT_FORMATS),
        help=f"comma-separated outputs (default: {','.join(OUTPUT_FORMATS)})",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    graph = merge_graphs(read_parts(args.parts))
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    write_outputs(graph, args.out, formats)
    if not args.quiet:
        print(
            f"{len(graph.articles)} articles from {len(args.parts)} parts, "
            f"{len(graph.actors)} actors, {len(graph.relations)} relations",
            file=sys.stderr,
        )
    return 0
