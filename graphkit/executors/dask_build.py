"""``graphkit build --executor dask`` end to end, streaming: articles are read, looked up
in the ``--update`` cache, extracted on the cluster and folded into the graph one window
at a time, so the driver never holds the corpus text (graphkit.executors.dask)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from graphkit.errors import InputProblem
from graphkit.models import Article, Graph

if TYPE_CHECKING:
    from graphkit.assemble import ArticleExtraction
    from graphkit.cache import ExtractionCache

__all__ = ["build_on_dask"]


def build_on_dask(
    articles: Iterable[Article],
    cache: ExtractionCache | None,
    model: str | None,
    actor_files: Sequence[str],
    jobs: int,
    scheduler: str | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[Graph, list[InputProblem], tuple[int, int]]:
    """The graph of ``articles``, the articles whose extraction failed, and the numbers of
    articles extracted and reused from ``cache`` (then refreshed and pruned)."""
    from graphkit.assemble import assemble_graph
    from graphkit.executors.dask import ExtractorFactory, stream_on_dask
    from graphkit.executors.dask_cluster import prestart

    factory = ExtractorFactory.of(model, actor_files)  # --actors checked before any work
    if cache is None:  # every article is extracted: a LocalCluster's workers load spaCy now
        prestart(factory, scheduler)
    problems: list[InputProblem] = []
    hits: set[int] = set()  # ids of the cache's extractions passing through
    counts = [0, 0]

    def items() -> Iterator[Article | ArticleExtraction]:
        for article in articles:
            hit = cache.get(article) if cache is not None else None
            counts[hit is not None] += 1
            if hit is None:
                if counts[0] == 1:  # the first article the cache lacks: load spaCy meanwhile
                    prestart(factory, scheduler)
                yield article
            else:
                hits.add(id(hit))
                yield hit

    def extractions() -> Iterator[ArticleExtraction]:
        for output in stream_on_dask(
            items(), factory, workers=jobs, scheduler=scheduler, progress=progress
        ):
            if isinstance(output, InputProblem):
                problems.append(output)  # a failed article is not cached either
                continue
            if id(output) in hits:
                hits.discard(id(output))
            elif cache is not None:
                cache.put(output)
            yield output

    graph = assemble_graph(extractions())
    if cache is not None:
        cache.prune()
    return graph, problems, (counts[0], counts[1])
