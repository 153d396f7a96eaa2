"""``graphkit build``: read inputs, extract, and write every output format atomically.

Scale options (see docs/scale.md): ``jobs`` worker processes, ``update`` to reuse the
per-article cache in ``OUT/.graphkit-cache/``, and ``shard=(i, n)`` to build only the i-th
of n deterministic parts of the input files (put back together with ``graphkit merge``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def _read(
    inputs: Sequence[Path | str], shard: ShardSpec | None, columns: ColumnNames | None = None
) -> tuple[list[Article], list[InputProblem], int]:
    """Like ``read_articles``, restricted to the shard's files."""
    roots = [Path(p) for p in inputs]
    articles: list[Article] = []
    problems: list[InputProblem] = []
    files = 0
    for item in iter_input_files(roots):
        if isinstance(item, InputProblem):
            problems.append(item)
        elif in_shard(item, roots, shard):
            files += 1
            found, trouble = read_file(item, columns)
            articles.extend(found)
            problems.extend(trouble)
    return articles, problems, files


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
    from graphkit.pipeline import ArticleExtraction, Extractor, assemble_graph

    if jobs < 1:
        raise GraphkitError(f"--jobs must be at least 1 (got {jobs})")
    check_executor(executor, scheduler)
    articles, problems, files = _read(inputs, shard, columns)
    if strict and problems:
        raise GraphkitError(f"{problems[0]} (and --strict is on)")
    if not articles:
        if shard is not None and not problems:
            raise GraphkitError(f"shard {shard[0]}/{shard[1]} holds no article of the input")
        first = f": {problems[0]}" if problems else ""
        raise GraphkitError(f"no article could be read from the input{first}")
    notes: list[str] = []
    total = len(articles)
    cache = None
    if update or cache_dir is not None:
        where = Path(cache_dir) if cache_dir is not None else Path(out_dir) / CACHE_DIRNAME
        cache = ExtractionCache(where, model, actor_files)
    found: list[ArticleExtraction | None] = [
        cache.get(a) if cache is not None else None for a in articles
    ]
    todo = [a for a, hit in zip(articles, found, strict=True) if hit is None]
    reused = total - len(todo)
    if progress is not None and reused:
        progress(reused, total)
    fresh: Sequence[ArticleExtraction | None] = []
    if todo and executor == "dask":
        from graphkit.executors.dask import ExtractorFactory, extract_on_dask

        factory = ExtractorFactory.of(model, actor_files)
        done = (lambda n: progress(reused + n, total)) if progress else None
        run = extract_on_dask(todo, factory, workers=jobs, scheduler=scheduler, progress=done)
        fresh, problems = run.extractions, problems + run.problems
    elif todo:
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
            if extraction is not None:  # an article that failed is not cached
                cache.put(extraction)
        cache.prune()
    graph = assemble_graph(e for e in extractions if e is not None)  # None: failed on Dask
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
