"""graphkit merge: put the graphs of ``graphkit build --shard i/n`` runs back together."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphkit.build import write_outputs
from graphkit.commands import add_command, add_formats_option
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
    add_formats_option(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    graph = merge_graphs(read_parts(args.parts))
    write_outputs(graph, args.out, args.formats)
    if not args.quiet:
        print(
            f"{len(graph.articles)} articles from {len(args.parts)} parts, "
            f"{len(graph.actors)} actors, {len(graph.relations)} relations",
            file=sys.stderr,
        )
    return 0
