"""graphkit load / graphkit query: the graph into Neo4j, and the query pack against it."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graphkit.commands import add_command
from graphkit.errors import GraphkitError

__all__ = ["register"]


def _connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "connection", "the password is read from NEO4J_PASSWORD, or asked for on a terminal"
    )
    group.add_argument("--uri", help="Bolt URI (default: $NEO4J_URI or bolt://localhost:7687)")
    group.add_argument("--user", help="user name (default: $NEO4J_USER or neo4j)")
    group.add_argument(
        "--database", help="database (default: $NEO4J_DATABASE or the server default)"
    )


def _verbose_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="show the Neo4j driver's own log messages (INFO and above) on stderr",
    )


def _batch_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# graphkit.neo4j.loader.DEFAULT_BATCH_SIZE, repeated so that building the parser (every
# command, even --version) does not load the driver; a test keeps the two equal.
DEFAULT_BATCH_SIZE = 2000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from graphkit.neo4j.output import FORMATS

    load = add_command(
        subparsers,
        "load",
        "Load graph.json (or run graph.cypher) into Neo4j; safe to repeat, merges by actor id.",
        "NEO4J_PASSWORD=... graphkit load out/graph.json --uri bolt://localhost:7687",
    )
    load.add_argument(
        "graph", type=Path, metavar="GRAPH", help="graph.json, or a graph.cypher script"
    )
    _connection_options(load)
    load.add_argument("--batch-size", type=_batch_size, default=DEFAULT_BATCH_SIZE, metavar="N",
                      help=f"rows per transaction (default: {DEFAULT_BATCH_SIZE})")  # fmt: skip
    load.add_argument("--quiet", "-q", action="store_true", help="no summary")
    _verbose_option(load)
    load.set_defaults(func=run_load)

    query = add_command(
        subparsers,
        "query",
        "Run a query of the Cypher query pack against Neo4j (graphkit query --list).",
        "graphkit query supporters_of --param actor=China --format table",
    )
    query.add_argument("name", nargs="?", metavar="NAME", help="query name (see --list)")
    query.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE",
                       help="query parameter (repeatable)")  # fmt: skip
    query.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    query.add_argument("--list", action="store_true", help="list the queries and their parameters")
    _connection_options(query)
    _verbose_option(query)
    query.set_defaults(func=run_query)


def run_load(args: argparse.Namespace) -> int:
    from graphkit.neo4j.connection import connect, driver_logging, resolve_settings
    from graphkit.neo4j.loader import count_graph, load_graph
    from graphkit.neo4j.script import run_script
    from graphkit.sinks.node_link import read_json

    driver_logging(args.verbose)
    started = time.perf_counter()
    script = None
    if args.graph.suffix == ".cypher":
        try:
            script = args.graph.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GraphkitError(f"{args.graph}: cannot read ({err})") from None
    else:
        graph = read_json(args.graph)  # read and validate before asking for a password
    settings = resolve_settings(args.uri, args.user, args.database)
    with connect(settings) as driver:
        if script is not None:
            done = f"{run_script(driver, script, settings.database)} statements of {args.graph}"
        else:
            report = load_graph(
                driver, graph, database=settings.database, batch_size=args.batch_size
            )
            retried = f"; {report.retries} batches retried" if report.retries else ""
            done = (
                f"{report.actors} actors, {report.relations} relations, {report.evidence} evidence "
                f"({report.nodes_created} nodes, {report.relationships_created} relationships new"
                f"{retried})"
            )
        counts = count_graph(driver, settings.database)
    if not args.quiet:
        print(
            f"loaded {done} into {settings.where} in {time.perf_counter() - started:.1f} s; "
            f"it now holds {counts.actors} actors, {counts.relations} relations, "
            f"{counts.evidence} evidence",
            file=sys.stderr,
        )
    return 0


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise GraphkitError(f"--param {item!r}: expected KEY=VALUE")
        params[key.strip()] = value
    return params


def run_query(args: argparse.Namespace) -> int:
    from graphkit.neo4j.connection import connect, driver_logging, resolve_settings
    from graphkit.neo4j.output import format_result
    from graphkit.neo4j.queries import bind, list_queries, load_query
    from graphkit.neo4j.queries import run_query as run_pack_query

    driver_logging(args.verbose)
    if args.list:
        for spec in list_queries():
            print(f"{spec.name}\n  {spec.summary}")
            for line in spec.description:
                print(f"  {line}")
            for param in spec.params:
                print(f"    --param {param.describe()}")
        return 0
    if not args.name:
        raise GraphkitError("name a query to run, or use --list to see them")
    params = _parse_params(args.param)
    bind(load_query(args.name), params)  # bad names and parameters fail before connecting
    settings = resolve_settings(args.uri, args.user, args.database)
    with connect(settings) as driver:
        result = run_pack_query(driver, args.name, params, settings.database)
    sys.stdout.write(format_result(result, args.format))
    return 0
