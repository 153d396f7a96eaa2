"""CLI command families; each module has ``register(subparsers)``."""

from __future__ import annotations

import argparse

__all__ = ["add_command"]


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
