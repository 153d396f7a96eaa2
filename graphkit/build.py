"""``graphkit build``: read inputs, extract, and write every output format atomically.

Scale options (see docs/scale.md): ``jobs`` worker processes, ``update`` to reuse the
per-article cache in ``OUT/.graphkit-cache/``, and ``shard=(i, n)`` to build only the i-th
of n deterministic parts of the input files (put back together with ``graphkit merge``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graphkit.errors import GraphkitError, InputProblem
from graphkit.executors import check_executor
from graphkit.ingest import ColumnNames, read_file
from graphkit.ingest.files import iter_input_files
from graphkit.models import Article, Graph
from graphkit.shard import ShardSpec, extract_many, in_shard

__all__ = ["OUTPUT_FORMATS", "BuildReport", "build", "write_outputs"]

OUTPUT_FORMATS = ("json", "graphml", "cypher", "html")


class BuildReport(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    graph: Graph
    files: int
    problems: tuple[InputProblem, ...]
    outputs: tuple[Path, ...]
    extracted: int = 0  # articles run through the NLP pipeline in this build
    reused: int = 0  # articles whose extraction came from the --update cache
    notes: tuple[str, ...] = ()  # warnings that did not stop a file


def write_outputs(
    graph: Graph, out_dir: Path, formats: Sequence[str] = OUTPUT_FORMATS
) -> list[Path]:
    """Write the chosen formats into ``out_dir`` (each file atomically) and return their paths."""
    from graphkit.sinks import cypher_script, graphml, html, node_link

    writers: dict[str, tuple[str, Callable[[Graph, Path], None]]] = {
        "json": ("graph.json", node_link.write_json),
        "graphml": ("graph.graphml", graphml.write_graphml),
        "cypher": ("graph.cypher", cypher_script.write_cypher),
        "html": ("graph.html", html.write_html),
    }
    unknown = sorted(set(formats) - set(writers))
    if unknown:
        choices = ", ".join(writers)
        raise GraphkitError(f"unknown output format {unknown[0]!r}; choose from {choices}")
    written = []
    for name in OUTPUT_FORMATS:
        if name in formats:
            filename, writer = writers[name]
            writer(graph, out_dir / filename)
            written.append(out_dir / filename)
    return written


class _Reading:
    """What reading the inputs found besides articles (filled as they are read)."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.problems: list[InputProblem] = []
        self.files = 0
        self.articles = 0

    def problem(self, problem: InputProblem) -> None:
        if self.strict:
            raise GraphkitError(f"{problem} (and --strict is on)")
        self.problems.append(problem)


def _iter_read(
    inputs: Sequence[Path | str],
    shard: ShardSpec | None,
    columns: ColumnNames | None,
    reading: _Reading,
) -> Iterator[Article]:
    """The articles of the shard's files, one file at a time (``reading`` gets the rest)."""
    roots = [Path(p) for p in inputs]
    for item in iter_input_files(roots):
        if isinstance(item, InputProblem):
            reading.problem(item)
        elif in_shard(item, roots, shard):
            reading.files += 1
            found, trouble = read_file(item, columns)
            for problem in trouble:
                reading.problem(problem)
            reading.articles += len(found)
            yield from found


def _read(
    inputs: Sequence[Path | str], shard: ShardSpec | None, columns: ColumnNames | None = None
) -> tuple[list[Article], list[InputProblem], int]:
    """Like ``read_articles``, restricted to the shard's files."""
    reading = _Reading(strict=False)
    articles = list(_iter_read(inputs, shard, columns, reading))
    return articles, reading.problems, reading.files


def _nothing_read(reading: _Reading, shard: ShardSpec | None) -> GraphkitError:
    if shard is not None and not reading.problems:
        return GraphkitError(f"shard {shard[0]}/{shard[1]} holds no article of the input")
    first = f": {reading.problems[0]}" if reading.problems else ""
    return GraphkitError(f"no article could be read from the input{first}")


def build(
    inputs: Sequence[Path | str],
    out_dir: Path | str,
    *,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    formats: Sequence[str] = OUTPUT_FORMATS,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    update: bool = False,
    cache_dir: Path | str | None = None,
    shard: ShardSpec | None = None,
    columns: ColumnNames | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` into ``out_dir``.

    Raises GraphkitError when nothing could be read (or, with ``strict``, when anything
    could not be read); otherwise unusable files are listed in the report's problems.
    ``jobs``: worker processes (same result as 1). ``update``: reuse and refresh the
    per-article cache (``cache_dir``, default ``out_dir/.graphkit-cache``). ``shard``:
    ``(i, n)`` builds only the i-th of n stable parts of the input files. ``columns``: CSV/TSV
    column names when they are not the defaults (``text``, ``title``, ...). Articles of any
    length are analysed whole (in chunks, see ``graphkit.shard``). ``executor``: ``"local"``
    or ``"dask"`` (a LocalCluster of ``jobs`` workers, or the cluster at ``scheduler``; see
    graphkit.executors.dask).
    """
    from graphkit.cache import CACHE_DIRNAME, ExtractionCache

    if jobs < 1:
        raise GraphkitError(f"--jobs must be at least 1 (got {jobs})")
    check_executor(executor, scheduler)
    cache = None
    if update or cache_dir is not None:
        where = Path(cache_dir) if cache_dir is not None else Path(out_dir) / CACHE_DIRNAME
        cache = ExtractionCache(where, model, actor_files)
    if executor == "dask":
        from graphkit.executors.dask_build import build_on_dask

        reading = _Reading(strict)
        stream = _iter_read(inputs, shard, columns, reading)
        graph, problems, counts = build_on_dask(
            stream, cache, model, actor_files, jobs, scheduler, progress
        )
        if not reading.articles:
            raise _nothing_read(reading, shard)
        outputs = write_outputs(graph, Path(out_dir), formats)
        return BuildReport(
            graph=graph,
            files=reading.files,
            problems=(*reading.problems, *problems),
            outputs=tuple(outputs),
            extracted=counts[0],
            reused=counts[1],
        )
    from graphkit.pipeline import ArticleExtraction, Extractor, assemble_graph

    reading = _Reading(strict)
    articles = list(_iter_read(inputs, shard, columns, reading))
    problems, files = reading.problems, reading.files
    if not articles:
        raise _nothing_read(reading, shard)
    notes: list[str] = []
    total = len(articles)
    found: list[ArticleExtraction | None] = [
        cache.get(a) if cache is not None else None for a in articles
    ]
    todo = [a for a, hit in zip(articles, found, strict=True) if hit is None]
    reused = total - len(todo)
    if progress is not None and reused:
        progress(reused, total)
    fresh: Sequence[ArticleExtraction | None] = []
    if todo:
        extractor = Extractor(model=model, actor_files=actor_files)
        fresh = extract_many(
            extractor,
            todo,
            jobs,
            (lambda done: progress(reused + done, total)) if progress else None,
            config=(model, tuple(actor_files)),
        )
    pending = iter(fresh)
    extractions = [hit if hit is not None else next(pending) for hit in found]
    if cache is not None:
        for extraction in fresh:
            if extraction is not None:
                cache.put(extraction)
        cache.prune()
    graph = assemble_graph(e for e in extractions if e is not None)
    outputs = write_outputs(graph, Path(out_dir), formats)
    return BuildReport(
        graph=graph,
        files=files,
        problems=tuple(problems),
        outputs=tuple(outputs),
        extracted=len(todo),
        reused=reused,
        notes=tuple(notes),
    )
