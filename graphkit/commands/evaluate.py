"""graphkit eval: precision / recall / F1 of a graph against a gold annotation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from graphkit.commands import add_command
from graphkit.evaluate import format_score, score_graph

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "eval",
        "Score a built graph against a gold annotation (seeds/seeds.yaml format).",
        "graphkit eval seeds/seeds.yaml --graph out/graph.json --verbose",
    )
    parser.add_argument("gold", type=Path, metavar="GOLD.yaml")
    parser.add_argument("--graph", required=True, type=Path, metavar="GRAPH.json")
    parser.add_argument("--articles", help="comma-separated article ids to score (default: all)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list every false positive and miss"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    only = set(args.articles.split(",")) if args.articles else None
    score, report = score_graph(args.graph, args.gold, only)
    if args.json:
        print(json.dumps(score, indent=2, sort_keys=True))
        return 0
    if args.verbose and report:
        print("\n".join(report))
    print(format_score(score))
    return 0
