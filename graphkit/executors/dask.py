"""Extraction on a Dask cluster: ``graphkit build --executor dask`` (see docs/scale.md).

The driver (the process running ``graphkit build``) reads the inputs and ships batches of
articles inside the tasks (at most ``BATCH_ARTICLES`` articles or ``BATCH_CHARS`` characters
each, fewer on small corpora so every worker gets several), so workers need no shared
filesystem, only graphkit and its spaCy model installed. ``--actors`` files travel inside
the extractor factory. Each worker process builds its Extractor (spaCy, registry,
lexicons) once, on its first task, and keeps it for every later task
(graphkit.executors.dask_worker).

Results stream back as they complete (``as_completed``); at most two tasks per worker
thread are in flight, so the driver holds the graph's results, not the corpus in transit.
They are put back in input order, so the outputs are byte-identical to ``--jobs 1``.

Faults: a worker that dies has its tasks rerun by Dask elsewhere (a LocalCluster's nanny
also restarts it); the articles of a task that keeps killing workers (``KilledWorker``)
are retried one article per task, one at a time, and only an article that still kills is
reported. An article whose extraction raises is reported (``DaskRun.problems``) and the
others are kept. A scheduler that cannot be reached, or has no workers for
``NO_WORKER_WAIT`` seconds, is a one-line GraphkitError.
"""

from __future__ import annotations

import logging
import math
import os
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphkit.errors import GraphkitError, InputProblem
from graphkit.executors.dask_worker import ExtractorFactory, run_batch
from graphkit.models import Article

if TYPE_CHECKING:
    from distributed import Client, Future

    from graphkit.pipeline import ArticleExtraction, Extractor

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
]

log = logging.getLogger("graphkit.dask")

BATCH_ARTICLES = 100  # articles per task at most
BATCH_CHARS = 1_000_000  # characters of article text per task at most
TASKS_PER_THREAD = 16  # smaller batches on small corpora, so workers finish together
IN_FLIGHT_PER_THREAD = 2  # tasks submitted but not yet collected, per worker thread
CONNECT_TIMEOUT = 10.0  # seconds to reach an existing scheduler
NO_WORKER_WAIT = 60.0  # seconds a cluster may have no worker before the build gives up
POLL = 0.05  # seconds between checks for finished tasks
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
_LOCAL_WORKER_CONFIG = {  # for graphkit's own LocalCluster: spaCy is CPU- and malloc-bound
    "distributed.worker.profile.enabled": False,  # no stack sampling every 10 ms
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # glibc's default
}


@dataclass
class DaskRun:
    """Per-article extractions in input order (None where it failed), the failures as
    problems, and timing figures (``overhead_per_task``: worker-thread seconds not spent
    loading or extracting, per task: scheduling, transfer, (de)serialisation, idle tails)."""

    extractions: list[ArticleExtraction | None]
    problems: list[InputProblem] = field(default_factory=list)
    tasks: int = 0
    threads: int = 0
    busy: float = 0.0  # worker seconds spent loading models and extracting
    startup: float = 0.0  # seconds to start or reach the cluster
    wall: float = 0.0  # seconds from the first submitted task to the last result

    @property
    def overhead_per_task(self) -> float:
        if not self.tasks:
            return 0.0
        return max(0.0, (self.threads * self.wall - self.busy) / self.tasks)


def plan_batches(
    articles: Sequence[Article],
    threads: int,
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
) -> list[list[int]]:
    """Consecutive runs of article indices, one per task."""
    wanted = math.ceil(len(articles) / (max(1, threads) * TASKS_PER_THREAD))
    per_task = max(1, min(max_articles, wanted))
    batches: list[list[int]] = []
    current: list[int] = []
    chars = 0
    for index, article in enumerate(articles):
        if current and (len(current) >= per_task or chars + len(article.text) > max_chars):
            batches.append(current)
            current, chars = [], 0
        current.append(index)
        chars += len(article.text)
    if current:
        batches.append(current)
    return batches


def check_dask(scheduler: str | None) -> None:
    """Early, before the inputs are read: Dask is installed and the address is well formed."""
    _require_distributed()
    _scheduler_address(scheduler)


def _check_address(address: str) -> None:
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        parse_host_port(location)
    except ValueError as err:
        raise GraphkitError(f"Dask scheduler address {address!r}: {err}") from None
    if scheme not in ("tcp", "tls", "ws", "wss"):
        raise GraphkitError(f"Dask scheduler address {address!r}: expected tcp://HOST:PORT")


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored meanwhile (in the main thread; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _local_cluster(workers: int) -> Iterator[Client]:
    """A client of a new LocalCluster of ``workers`` single-threaded processes on the
    loopback interface, closed at the end.

    Ctrl-C is the driver's to handle (as with ``--jobs``). SIGINT is ignored while the
    cluster starts, so its worker processes inherit that (Python keeps an inherited
    ignore; restarted workers ignore it through the ``dask_setup`` preload hook), and
    while it closes, so a second Ctrl-C cannot leave it half-closed."""
    import dask
    from distributed import Client, LocalCluster

    with _sigint_ignored(), dask.config.set(_LOCAL_WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            scheduler_port=0,
            dashboard_address="127.0.0.1:0",  # no fixed port: several clusters may run
            silence_logs=logging.CRITICAL,  # failures reach the user as one line
            preload=["graphkit.executors.dask_worker"],
        )
        client = Client(cluster, set_as_default=False)
    try:
        yield client
    finally:
        with _sigint_ignored():
            client.close()
            cluster.close()


def _require_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise GraphkitError("--executor dask needs Dask: pip install 'graphkit[dask]'") from None


def _scheduler_address(scheduler: str | None) -> str | None:
    """The address asked for (``scheduler``, else ``$DASK_SCHEDULER_ADDRESS``), checked; None
    means a new LocalCluster."""
    address = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if address:
        _check_address(address)
    return address


@contextmanager
def connect(scheduler: str | None = None, workers: int = 1) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (else ``$DASK_SCHEDULER_ADDRESS``), or of a
    new LocalCluster of ``workers`` processes on the loopback interface."""
    _require_distributed()
    from distributed import Client

    address = _scheduler_address(scheduler)
    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as err:
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise GraphkitError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        with client:
            yield client
        return
    if workers < 1:
        raise GraphkitError(f"--jobs must be at least 1 (got {workers})")
    with _local_cluster(workers) as client:
        yield client


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


def _failed(article: Article, reason: str) -> InputProblem:
    where = article.path or article.id
    return InputProblem(path=where, reason=f"article {article.id} part {article.part}: {reason}")


class _Driver:
    """Submits batches, collects them as they complete, keeps at most a window in flight.

    The articles of a task that hit ``KilledWorker`` become suspects: they are rerun one
    article per task and one suspect at a time, so a suspect that kills again is the
    culprit (only normal batches can share its worker) and is reported."""

    def __init__(
        self,
        client: Client,
        articles: Sequence[Article],
        factory: Callable[[], Extractor],
        run: DaskRun,
        progress: Callable[[int], None] | None,
    ) -> None:
        from distributed import as_completed

        self.client, self.articles, self.factory, self.run = client, articles, factory, run
        self.progress = progress
        self.queue: deque[list[int]] = deque()
        self.suspects: deque[int] = deque()
        self.pending: dict[Future[Any], tuple[list[int], bool]] = {}  # indices, suspect
        self.completed = as_completed([], loop=client.loop)
        self.done = 0

    def _send(self, indices: list[int], suspect: bool) -> None:
        batch = [self.articles[i] for i in indices]
        key = f"graphkit-extract-{uuid.uuid4().hex}"
        future = self.client.submit(run_batch, self.factory, batch, key=key, pure=False)
        self.pending[future] = (indices, suspect)
        self.completed.add(future)

    def submit(self) -> None:
        if self.suspects and not any(suspect for _, suspect in self.pending.values()):
            self._send([self.suspects.popleft()], suspect=True)
        window = max(2, IN_FLIGHT_PER_THREAD * self.run.threads)
        while self.queue and len(self.pending) < window:
            self._send(self.queue.popleft(), suspect=False)

    def collect(self, future: Future[Any]) -> None:
        from distributed import KilledWorker

        indices, suspect = self.pending.pop(future)
        if future.status == "finished":
            busy, outcomes = future.result()
            self.run.busy += busy
            self.run.tasks += 1
            for index, (actors, evidence, error) in zip(indices, outcomes, strict=True):
                article = self.articles[index]
                if error is None:
                    from graphkit.pipeline import ArticleExtraction

                    self.run.extractions[index] = ArticleExtraction(article, actors, evidence)
                else:
                    self.run.problems.append(_failed(article, f"extraction failed: {error}"))
        elif future.status == "error" and isinstance(future.exception(), KilledWorker):
            if not suspect:
                self.suspects.extend(indices)
                future.release()
                return
            self.run.problems.append(
                _failed(self.articles[indices[0]], "extraction kept killing Dask workers")
            )
        elif future.status == "error":
            error = future.exception()
            raise GraphkitError(f"a Dask task failed: {type(error).__name__}: {error}")
        else:
            raise GraphkitError(f"a Dask task was {future.status} (did the scheduler restart?)")
        future.release()
        self.done += len(indices)
        if self.progress is not None:
            self.progress(self.done)

    def drive(self) -> None:
        self.submit()
        idle_since = time.monotonic()
        last_check = idle_since
        while not self.completed.is_empty():
            ready = self.completed.next_batch(block=False)
            for future in ready:
                self.collect(future)
            self.submit()
            now = time.monotonic()
            if ready:
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


def extract_on_dask(
    articles: Sequence[Article],
    factory: Callable[[], Extractor],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    max_articles: int = BATCH_ARTICLES,
    max_chars: int = BATCH_CHARS,
) -> DaskRun:
    """Extract every article on a Dask cluster; results in input order.

    ``factory``: a picklable, hashable callable returning an Extractor (ExtractorFactory).
    ``scheduler``: the address of a running scheduler (else ``$DASK_SCHEDULER_ADDRESS``,
    else a LocalCluster of ``workers`` processes is started for this call). ``progress``
    is called with the number of articles done so far.
    """
    started = time.perf_counter()
    run = DaskRun(extractions=[None] * len(articles))
    if not articles:
        return run
    with connect(scheduler, workers) as client:
        run.threads = _wait_for_workers(client)
        run.startup = time.perf_counter() - started
        driver = _Driver(client, articles, factory, run, progress)
        driver.queue.extend(plan_batches(articles, run.threads, max_articles, max_chars))
        driver.drive()
        run.wall = time.perf_counter() - started - run.startup
    log.info(
        "dask: %d tasks on %d threads; startup %.1f s, run %.1f s, busy %.1f s, "
        "overhead %.3f s/task",
        run.tasks,
        run.threads,
        run.startup,
        run.wall,
        run.busy,
        run.overhead_per_task,
    )
    return run
