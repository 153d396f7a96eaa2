"""graphkit map / figure / stats: views of a built graph.json."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from graphkit.commands import add_command, add_graph_argument
from graphkit.errors import GraphkitError
from graphkit.maps.select import parse_types
from graphkit.sinks.node_link import read_json

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "map",
        "Write the interactive influence map (one self-contained HTML file, works offline).",
        "graphkit map out/graph.json --out china.html --focus China --depth 2 --types SUPPORTS,CONDEMNS",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="HTML file to write"
    )
    _selection_arguments(parser)
    parser.add_argument(
        "--fragment", action="store_true", help="write an embeddable <div> instead of a page"
    )
    parser.add_argument("--title", default="graphkit influence map", help="heading of the map")
    parser.set_defaults(func=run_map)

    parser = add_command(
        subparsers,
        "figure",
        "Write a report figure (.svg, .pdf, .png): the labelled network, or with --stance "
        "one actor's supporters and condemners.",
        "graphkit figure out/graph.json --out network.pdf --focus China --depth 1\n"
        "  graphkit figure out/graph.json --out china.svg --stance China",
    )
    add_graph_argument(parser)
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE",
        help=".svg, .pdf or .png file to write (the suffix picks the format)",
    )  # fmt: skip
    parser.add_argument(
        "--stance", metavar="ACTOR",
        help="draw the stance chart of this actor (id, name or alias) instead of the network",
    )  # fmt: skip
    _selection_arguments(parser)
    parser.add_argument("--dpi", type=int, default=200,
                        help="resolution of a .png, 30 to 1200 (default: 200)")  # fmt: skip
    parser.add_argument("--title", help="heading over the figure (default: none for the "
                        "network, 'Who supports and who condemns ACTOR' for --stance)")  # fmt: skip
    parser.set_defaults(func=run_figure)

    parser = add_command(
        subparsers,
        "stats",
        "Print, per target actor, its supporters, condemners, lobbyists and detainers (Markdown).",
        "graphkit stats out/graph.json > stats.md",
    )
    add_graph_argument(parser)
    parser.set_defaults(func=run_stats)


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--focus", metavar="ACTOR", help="only the actors around this one (id, name or alias)"
    )
    parser.add_argument("--depth", type=int, default=1, help="hops around --focus (default: 1)")
    parser.add_argument(
        "--types", metavar="TYPES", help="comma-separated relation types to keep (default: all)"
    )
    parser.add_argument("--min-evidence", "--min-count", type=int, default=1, metavar="N",
                        dest="min_count",
                        help="keep relations with N+ evidence sentences (default: 1)")  # fmt: skip


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Report an output file that cannot be written as one line, not a traceback."""
    if path.is_dir():
        raise GraphkitError(f"{path}: is a directory; give the file to write")
    try:
        yield
    except OSError as err:
        raise GraphkitError(f"{path}: cannot write ({err.strerror or err})") from None


def run_map(args: argparse.Namespace) -> int:
    from graphkit.sinks.html import write_html

    types = parse_types(args.types) if args.types is not None else None
    with _writing(args.out):
        write_html(
            read_json(args.graph),
            args.out,
            focus=args.focus,
            depth=args.depth,
            types=types,
            min_count=args.min_count,
            fragment=args.fragment,
            title=args.title,
        )
    print(f"map: {args.out.resolve()}")
    return 0


def run_figure(args: argparse.Namespace) -> int:
    from graphkit.maps.figure import write_figure
    from graphkit.maps.render import figure_format
    from graphkit.maps.select import select
    from graphkit.maps.stance import write_stance

    figure_format(args.out)  # a bad suffix fails before the graph is read
    types = parse_types(args.types) if args.types is not None else None
    graph = read_json(args.graph)
    shown = select(graph, focus=args.focus, depth=args.depth, types=types, min_count=args.min_count)
    with _writing(args.out):
        if args.stance is not None:
            write_stance(shown, args.stance, args.out, dpi=args.dpi, title=args.title)
        else:
            write_figure(shown, args.out, dpi=args.dpi, title=args.title)
    print(f"figure: {args.out.resolve()}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from graphkit.maps.stats import stats_markdown

    print(stats_markdown(read_json(args.graph)), end="")
    return 0
