"""CLI command families; each module has ``register(subparsers)``."""

from __future__ import annotations

import argparse
from pathlib import Path

from graphkit.build import OUTPUT_FORMATS

__all__ = ["add_command", "add_formats_option", "add_graph_argument"]


def add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    example: str,
) -> argparse.ArgumentParser:
    """A sub-command parser whose help ends with a worked example."""
    return subparsers.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"Example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _format_list(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def add_formats_option(parser: argparse.ArgumentParser) -> None:
    """``--formats json,html,...``: the outputs to write (parsed into a list)."""
    parser.add_argument(
        "--formats",
        type=_format_list,
        default=list(OUTPUT_FORMATS),
        help=f"comma-separated outputs (default: {','.join(OUTPUT_FORMATS)})",
    )


def add_graph_argument(parser: argparse.ArgumentParser) -> None:
    """The positional GRAPH.json a command reads."""
    parser.add_argument(
        "graph", type=Path, metavar="GRAPH.json", help="graph written by graphkit build"
    )
