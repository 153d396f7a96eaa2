"""Extraction on a Dask cluster: ``graphkit build --executor dask`` (see docs/scale.md).

The driver (the process running ``graphkit build``) reads the inputs lazily and ships
batches of articles inside the tasks (at most ``BATCH_ARTICLES`` articles or
``BATCH_CHARS`` characters each), so workers need no shared filesystem, only graphkit and
its spaCy model installed. ``--actors`` files travel inside the extractor factory. Each
worker process builds its Extractor (spaCy, registry, lexicons) once and keeps it for
every later task (graphkit.executors.dask_worker); graphkit's own LocalCluster forks its
workers with it already loaded (graphkit.executors.dask_cluster).

Bounded driver memory: at most ``IN_FLIGHT_PER_THREAD`` tasks per worker thread are in
flight and ``LOOKAHEAD_PER_THREAD`` batches' worth of articles are read ahead; results
stream back as they complete (``as_completed``) and leave in input order through a reorder
buffer, so the driver holds the graph's results and a window of the corpus, never the
corpus. The look-ahead also shows the end of the input early: the last articles go out in
ever smaller tasks (about ``TASKS_PER_THREAD`` per thread), so workers finish together
instead of one idling while the other runs a last large task.

Faults: a worker that dies has its tasks rerun by Dask elsewhere (a LocalCluster's nanny
also restarts it); the articles of a task that keeps killing workers (``KilledWorker``)
are retried one article per task, one at a time, and only an article that still kills is
reported. An article whose extraction raises is reported (an InputProblem in its place)
and the others are kept. A scheduler that cannot be reached, or has no workers for
``NO_WORKER_WAIT`` seconds, is a one-line GraphkitError.
"""

from __future__ import annotations

import logging
import math
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from graphkit.errors import GraphkitError, InputProblem
from graphkit.executors.dask_cluster import SCHEDULER_ENV, check_dask, connect
from graphkit.executors.dask_worker import ExtractorFactory, run_batch
from graphkit.models import Article

if TYPE_CHECKING:
    from distributed import Client, Future

    from graphkit.assemble import ArticleExtraction
    from graphkit.pipeline import Extractor

__all__ = [
    "BATCH_ARTICLES",
    "BATCH_CHARS",
    "SCHEDULER_ENV",
    "DaskRun",
    "ExtractorFactory",
    "check_dask",
    "connect",
    "extract_on_dask",
    "plan_batches",
    "run_batch",
    "stream_on_dask",
]

log = logging.getLogger("graphkit.dask")

BATCH_ARTICLES = 100  # articles per task at most
BATCH_CHARS = 1_000_000  # characters of article text per task at most
TASKS_PER_THREAD = 4  # the input's last articles: about this many tasks per worker thread
IN_FLIGHT_PER_THREAD = 2  # tasks submitted but not yet collected, per worker thread
LOOKAHEAD_PER_THREAD = 1  # batches read ahead per worker thread, to see the input's end
NO_WORKER_WAIT = 60.0  # seconds a cluster may have no worker before the build gives up
POLL = 0.05  # seconds between checks for finished tasks

T = TypeVar("T")
Item = Article | Any  # an Article to extract, or an ArticleExtraction already done
Output = Any  # ArticleExtraction, or InputProblem for an article that failed


@dataclass
class DaskRun:
    """Per-article extractions in input order (None where it failed), the failures as
    problems, and timing figures (``overhead_per_task``: worker-thread seconds not spent
    loading or extracting, per task: scheduling, transfer, (de)serialisation, idle tails)."""

    extractions: list[ArticleExtraction | None] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    tasks: int = 0
    threads: int = 0
    busy: float = 0.0  # worker seconds spent loading models and extracting
    startup: float = 0.0  # seconds to start or reach the cluster
    wall: float = 0.0  # seconds from the first submitted task to the last result
    most_read_ahead: int = 0  # most articles read but not yet given back at any time

    @property
    def overhead_per_task(self) -> float:
        if not self.tasks:
            return 0.0
        return max(0.0, (self.threads * self.wall - self.busy) / self.tasks)


def plan_batches(
    items: Iterable[T],
    threads: int,
    size: Callable[[T], int],
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
) -> Iterator[list[T]]:
    """Consecutive runs of ``items`` (``size``: an item's characters), one per task, read
    lazily: full batches while the input lasts, ever smaller ones at its end (seen
    ``LOOKAHEAD_PER_THREAD`` batches per thread ahead)."""
    threads = max(1, threads)
    source = iter(items)
    buffer: deque[tuple[T, int]] = deque()
    chars = 0
    ended = False
    ahead = (threads * LOOKAHEAD_PER_THREAD + 1) * max_articles
    ahead_chars = (threads * LOOKAHEAD_PER_THREAD + 1) * max_chars
    while True:
        while not ended and len(buffer) < ahead and chars < ahead_chars:
            try:
                item = next(source)
            except StopIteration:
                ended = True
            else:
                buffer.append((item, size(item)))
                chars += buffer[-1][1]
        if not buffer:
            return
        cap = max_articles
        if ended:  # the tail: split what is left among the threads, a few tasks each
            cap = min(max_articles, math.ceil(len(buffer) / (threads * TASKS_PER_THREAD)))
        batch: list[T] = []
        taken = 0
        while buffer and len(batch) < cap and (not batch or taken + buffer[0][1] <= max_chars):
            item, length = buffer.popleft()
            batch.append(item)
            taken += length
        chars -= taken
        yield batch


def _failed(article: Article, reason: str) -> InputProblem:
    where = article.path or article.id
    return InputProblem(path=where, reason=f"article {article.id} part {article.part}: {reason}")


def _threads(client: Client) -> int:
    return sum(client.nthreads().values())


def _wait_for_workers(client: Client) -> int:
    threads = _threads(client)
    if threads:
        return threads
    try:
        client.wait_for_workers(1, timeout=NO_WORKER_WAIT)
    except TimeoutError:
        where = client.scheduler.address if client.scheduler else "the scheduler"
        raise GraphkitError(
            f"the Dask cluster at {where} has no workers (waited {NO_WORKER_WAIT:.0f} s)"
        ) from None
    return _threads(client)


class _Driver:
    """Submits batches, collects them as they complete, keeps at most a window in flight,
    and gives the results back in input order.

    The articles of a task that hit ``KilledWorker`` become suspects: they are rerun one
    article per task and one suspect at a time, so a suspect that kills again is the
    culprit (only normal batches can share its worker) and is reported."""

    def __init__(
        self,
        client: Client,
        items: Iterable[Item],
        factory: Callable[[], Extractor],
        run: DaskRun,
        progress: Callable[[int, int], None] | None,
        max_articles: int,
        max_chars: int,
    ) -> None:
        from distributed import as_completed

        self.client, self.factory, self.run, self.progress = client, factory, run, progress
        self.articles: dict[int, Article] = {}  # read, not yet extracted
        self.ready: dict[int, Output] = {}  # done, waiting for their turn
        self.read = self.released = self.done = 0
        self.batches = plan_batches(
            self._todo(items), run.threads, self._size, max_articles, max_chars
        )
        self.more = True
        self.suspects: deque[int] = deque()
        self.pending: dict[Future[Any], tuple[list[int], bool]] = {}  # indices, suspect
        self.completed = as_completed([], loop=client.loop)
        per_thread = IN_FLIGHT_PER_THREAD + LOOKAHEAD_PER_THREAD + 1
        self.limit = (per_thread * max(1, run.threads) + 1) * max_articles

    def _size(self, index: int) -> int:
        article = self.articles.get(index)
        return len(article.text) if article is not None else 0

    def _todo(self, items: Iterable[Item]) -> Iterator[int]:
        """The input's indices; an item already extracted is ready at once (it still goes
        through the batches, so read-ahead stays bounded whatever the cache holds)."""
        for item in items:
            index = self.read
            self.read += 1
            if isinstance(item, Article):
                self.articles[index] = item
            else:
                self.ready[index] = item
                self._count(1)
            yield index

    def _count(self, articles: int) -> None:
        self.done += articles
        if self.progress is not None:
            self.progress(self.done, self.read)

    def _send(self, indices: list[int], suspect: bool) -> None:
        indices = [i for i in indices if i in self.articles]  # not those already done
        if not indices:
            return
        batch = [self.articles[i] for i in indices]
        key = f"graphkit-extract-{uuid.uuid4().hex}"
        future = self.client.submit(run_batch, self.factory, batch, key=key, pure=False)
        self.pending[future] = (indices, suspect)
        self.completed.add(future)

    def submit(self) -> None:
        if self.suspects and not any(suspect for _, suspect in self.pending.values()):
            self._send([self.suspects.popleft()], suspect=True)
        window = max(2, IN_FLIGHT_PER_THREAD * self.run.threads)
        # a slow early task holds back the reorder buffer: stop reading rather than grow it
        while self.more and len(self.pending) < window and self.read - self.released < self.limit:
            batch = next(self.batches, None)
            if batch is None:
                self.more = False
            else:
                self._send(batch, suspect=False)
        self.run.most_read_ahead = max(self.run.most_read_ahead, self.read - self.released)

    def _finish(self, index: int, output: Output) -> None:
        del self.articles[index]
        self.ready[index] = output

    def collect(self, future: Future[Any]) -> None:
        from distributed import KilledWorker

        from graphkit.assemble import ArticleExtraction

        indices, suspect = self.pending.pop(future)
        if future.status == "finished":
            busy, outcomes = future.result()
            self.run.busy += busy
            self.run.tasks += 1
            for index, (actors, evidence, error) in zip(indices, outcomes, strict=True):
                article = self.articles[index]
                if error is None:
                    self._finish(index, ArticleExtraction(article, actors, evidence))
                else:
                    self._finish(index, _failed(article, f"extraction failed: {error}"))
        elif future.status == "error" and isinstance(future.exception(), KilledWorker):
            if not suspect:
                self.suspects.extend(indices)
                future.release()
                return
            article = self.articles[indices[0]]
            self._finish(indices[0], _failed(article, "extraction kept killing Dask workers"))
        elif future.status == "error":
            error = future.exception()
            raise GraphkitError(f"a Dask task failed: {type(error).__name__}: {error}")
        else:
            raise GraphkitError(f"a Dask task was {future.status} (did the scheduler restart?)")
        future.release()
        self._count(len(indices))

    def _release(self) -> Iterator[Output]:
        while self.released in self.ready:
            yield self.ready.pop(self.released)
            self.released += 1

    def __iter__(self) -> Iterator[Output]:
        self.submit()
        idle_since = last_check = time.monotonic()
        while True:
            yield from self._release()
            if not self.pending and not self.suspects and not self.more:
                break
            ready = self.completed.next_batch(block=False)
            for future in ready:
                self.collect(future)
            read = self.read
            self.submit()
            now = time.monotonic()
            if ready or (self.read > read and self.released in self.ready):
                idle_since = last_check = now
                continue
            if now - last_check > 2.0:  # nothing finished for a while: any worker left?
                last_check = now
                if _threads(self.client):
                    idle_since = now
                    self.run.threads = max(self.run.threads, _threads(self.client))
                elif now - idle_since > NO_WORKER_WAIT:
                    raise GraphkitError(
                        f"the Dask cluster has had no workers for {NO_WORKER_WAIT:.0f} s"
                    )
            time.sleep(POLL)
        yield from self._release()


def stream_on_dask(
    items: Iterable[Item],
    factory: Callable[[], Extractor],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
    run: DaskRun | None = None,
) -> Iterator[Output]:
    """Extract the Articles among ``items`` on a Dask cluster, reading ``items`` lazily;
    yields, in input order, an ArticleExtraction per item (an item that is one already,
    e.g. from the ``--update`` cache, passes through) or an InputProblem for an article
    whose extraction failed.

    ``factory``: a picklable, hashable callable returning an Extractor (ExtractorFactory).
    ``scheduler``: the address of a running scheduler (else ``$DASK_SCHEDULER_ADDRESS``,
    else a LocalCluster of ``workers`` processes is started and closed here). ``progress``
    is called with the articles done and the articles read so far. ``run`` receives the
    timing figures (its ``extractions`` and ``problems`` are left alone).
    """
    run = run if run is not None else DaskRun()
    source = iter(items)
    leading = 0  # items already done before the first article to extract: no cluster yet
    for first in source:
        if isinstance(first, Article):
            break
        leading += 1
        if progress is not None:
            progress(leading, leading)
        yield first
    else:
        return  # nothing to extract (all from the cache): no cluster started
    done = progress
    if progress is not None and leading:
        done = lambda count, read: progress(leading + count, leading + read)  # noqa: E731
    started = time.perf_counter()
    with connect(scheduler, workers, factory) as client:
        run.threads = _wait_for_workers(client)
        run.startup = time.perf_counter() - started
        chained = _chain(first, source)
        yield from _Driver(client, chained, factory, run, done, max_articles, max_chars)
        run.wall = time.perf_counter() - started - run.startup
    log.info(
        "dask: %d tasks on %d threads; startup %.1f s, run %.1f s, busy %.1f s, "
        "overhead %.3f s/task, read ahead %d articles at most",
        run.tasks,
        run.threads,
        run.startup,
        run.wall,
        run.busy,
        run.overhead_per_task,
        run.most_read_ahead,
    )


def _chain(first: Item, rest: Iterator[Item]) -> Iterator[Item]:
    yield first
    yield from rest


def extract_on_dask(
    articles: Iterable[Article],
    factory: Callable[[], Extractor],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
) -> DaskRun:
    """Extract every article on a Dask cluster (stream_on_dask); results in input order,
    None where an article failed (its problem is in ``problems``). ``progress`` is called
    with the number of articles done so far."""
    run = DaskRun()
    done = (lambda count, _read: progress(count)) if progress is not None else None
    for output in stream_on_dask(
        articles,
        factory,
        workers=workers,
        scheduler=scheduler,
        progress=done,
        max_articles=max_articles,
        max_chars=max_chars,
        run=run,
    ):
        if isinstance(output, InputProblem):
            run.extractions.append(None)
            run.problems.append(output)
        else:
            run.extractions.append(output)
    return run
