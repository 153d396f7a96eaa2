"""Command-line interface: each command parses its arguments, makes one library call, and
turns library errors into one clean line on stderr (exit status 1, never a traceback)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from graphkit import __version__
from graphkit.errors import GraphkitError

__all__ = ["main"]

# Each module defines register(subparsers); its commands set ``func`` on their parser.
COMMAND_MODULES = (
    "graphkit.commands.build",
    "graphkit.commands.evaluate",
    "graphkit.commands.neo4j",
    "graphkit.commands.maps",
    "graphkit.commands.merge",
)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graphkit",
        description="Turn news articles into an evidence-backed graph of political actors.",
        epilog=(
            "Example:\n  graphkit build seeds --out out\n"
            "  graphkit eval seeds/seeds.yaml --graph out/graph.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"graphkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue  # a command family not installed in this build
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GraphkitError as err:
        print(f"graphkit: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("graphkit: interrupted; outputs already written are complete", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
