"""``graphkit build``: read inputs, extract, and write every output format atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graphkit.errors import GraphkitError, InputProblem
from graphkit.ingest import read_articles
from graphkit.models import Graph
from graphkit.pipeline import Extractor, assemble_graph

__all__ = ["OUTPUT_FORMATS", "BuildReport", "build", "write_outputs"]

OUTPUT_FORMATS = ("json", "graphml", "cypher", "html")


class BuildReport(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    graph: Graph
    files: int
    problems: tuple[InputProblem, ...]
    outputs: tuple[Path, ...]


def write_outputs(graph: Graph, out_dir: Path, formats: Sequence[str] = OUTPUT_FORMATS) -> list[Path]:
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
        raise GraphkitError(f"unknown output format {unknown[0]!r}; choose from {', '.join(writers)}")
    written = []
    for name in OUTPUT_FORMATS:
        if name in formats:
            filename, writer = writers[name]
            writer(graph, out_dir / filename)
            written.append(out_dir / filename)
    return written


def build(
    inputs: Sequence[Path | str],
    out_dir: Path | str,
    *,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    formats: Sequence[str] = OUTPUT_FORMATS,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` into ``out_dir``.

    Raises GraphkitError when nothing could be read (or, with ``strict``, when anything
    could not be read); otherwise unusable files are listed in the report's problems.
    """
    ingested = read_articles(inputs)
    if strict and ingested.problems:
        raise GraphkitError(f"{ingested.problems[0]} (and --strict is on)")
    if not ingested.articles:
        first = f": {ingested.problems[0]}" if ingested.problems else ""
        raise GraphkitError(f"no article could be read from the input{first}")
    extractor = Extractor(model=model, actor_files=actor_files)
    total = len(ingested.articles)
    extractions = extractor.extract_all(
        ingested.articles, progress=(lambda done: progress(done, total)) if progress else None
    )
    graph = assemble_graph(extractions)
    outputs = write_outputs(graph, Path(out_dir), formats)
    return BuildReport(graph=graph, files=ingested.files, problems=ingested.problems, outputs=tuple(outputs))
