"""Reaching a Dask cluster for ``--executor dask``: an existing scheduler, or graphkit's own
LocalCluster whose workers are forked with the spaCy pipeline already loaded.

A fresh (``spawn``) worker process imports Dask and graphkit and loads spaCy itself, so two
workers on two cores pay the start-up CPU twice while ``--jobs`` forks a parent that loaded
the model once. graphkit's LocalCluster therefore starts its workers with the ``forkserver``
method where the platform has it: the fork server is a fresh single-threaded process (not
the driver, whose Dask threads make a plain ``fork`` unsafe) that imports Dask and
graphkit.executors.dask_warm, which builds the Extractor once; every worker, and every
replacement of a killed one, is forked from it with the model in memory (copy on write).
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import logging
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from graphkit.errors import GraphkitError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["CONNECT_TIMEOUT", "SCHEDULER_ENV", "WARM_ENV", "check_dask", "connect", "prestart"]

CONNECT_TIMEOUT = 10.0  # seconds to reach an existing scheduler
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
WARM_ENV = "GRAPHKIT_DASK_WARM"  # the factory for the fork server (dask_warm), pickled
_PRELOAD = ["distributed", "graphkit.executors.dask_warm"]  # what the fork server imports
_WARM_ENV_MAX = 64_000  # characters: well under Linux's 128 KiB limit for one variable
_LOCAL_WORKER_CONFIG: dict[str, Any] = {  # graphkit's own LocalCluster: CPU- and malloc-bound
    "distributed.worker.profile.enabled": False,  # no stack sampling every 10 ms
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # glibc's default
    "distributed.worker.memory.target": False,  # results are small: never spill to disk
    "distributed.worker.memory.spill": False,
    # Dask's housekeeping cost 7% of a core on an idle 2-worker cluster (driver 3.6%, each
    # worker 1.8%), 1.7% with these: it scales with wall time, not work, so it hurts most
    # on a shared machine. Memory is still checked every second (terminate at 95%).
    "distributed.admin.tick.interval": "500ms",  # event-loop health check (20 ms)
    "distributed.admin.system-monitor.interval": "5s",  # dashboard's CPU/IO figures (0.5 s)
    "distributed.worker.memory.monitor-interval": "1s",  # the nannies' RSS check (0.1 s)
}


def check_dask(scheduler: str | None) -> None:
    """Early, before the inputs are read: Dask is installed and the address is well formed."""
    _require_distributed(load=False)
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


def _require_distributed(load: bool = True) -> None:
    """Dask is installed (``load=False``: found, not imported, so the check costs nothing
    before the fork server starts)."""
    message = "--executor dask needs Dask: pip install 'graphkit[dask]'"
    if not load:
        if importlib.util.find_spec("distributed") is None:
            raise GraphkitError(message)
        return
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise GraphkitError(message) from None


def _scheduler_address(scheduler: str | None) -> str | None:
    """The address asked for (``scheduler``, else ``$DASK_SCHEDULER_ADDRESS``), checked; None
    means a new LocalCluster."""
    address = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if address:
        _check_address(address)
    return address


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


def _forkserver() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def prestart(factory: Callable[[], object] | None, scheduler: str | None = None) -> None:
    """Start the fork server of graphkit's LocalCluster now, so it loads ``factory``'s
    Extractor while the driver is still importing Dask and reading its inputs; a no-op where
    there is no fork server, or when one runs already (an earlier build in this process:
    it keeps what it preloaded, and a worker builds another Extractor on its first task).

    Neither Dask nor spaCy is imported here: the server's preloading is the start-up's
    longest chain, so it starts before the driver's own imports.

    The factory travels pickled in ``$GRAPHKIT_DASK_WARM``, read once by the server as it
    starts; one too large for the environment (big ``--actors`` files) is not sent and
    the server only imports graphkit's pipeline code. Nothing happens when ``scheduler``
    (or ``$DASK_SCHEDULER_ADDRESS``) names a cluster to use instead."""
    if not _forkserver() or _scheduler_address(scheduler):
        return
    from multiprocessing import forkserver

    with _sigint_ignored():
        multiprocessing.get_context("forkserver").set_forkserver_preload(_PRELOAD)
        value = ""
        with contextlib.suppress(pickle.PicklingError, AttributeError, TypeError):
            data = base64.b64encode(pickle.dumps(factory)).decode("ascii")
            value = data if len(data) <= _WARM_ENV_MAX else ""
        previous = os.environ.get(WARM_ENV)
        os.environ[WARM_ENV] = value
        try:
            forkserver.ensure_running()
        finally:
            if previous is None:
                os.environ.pop(WARM_ENV, None)
            else:
                os.environ[WARM_ENV] = previous


def _keep_preload() -> None:
    """Dask sets its own preload list the first time it makes a fork-server context; ours
    replaces it, so a server that has to start again (it died) still forks warm workers."""
    import dask
    from distributed.utils import get_mp_context

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context().set_forkserver_preload(_PRELOAD)


@contextmanager
def _local_cluster(workers: int, factory: Callable[[], object] | None) -> Iterator[Client]:
    """A client of a new LocalCluster of ``workers`` single-threaded processes on the
    loopback interface, closed at the end.

    Ctrl-C is the driver's to handle (as with ``--jobs``). SIGINT is ignored while the
    cluster starts, so its worker processes (and the fork server) inherit that (Python
    keeps an inherited ignore; workers also ignore it through the ``dask_setup`` preload
    hook), and while it closes, so a second Ctrl-C cannot leave it half-closed. The Dask
    config stays set while the cluster lives: the nanny reads it again to replace a worker."""
    import dask
    from distributed import Client, LocalCluster

    config = dict(_LOCAL_WORKER_CONFIG)
    if _forkserver():
        prestart(factory)
        _keep_preload()
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    with _sigint_ignored(), dask.config.set(config):
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
    with dask.config.set(config):
        try:
            yield client
        finally:
            with _sigint_ignored():
                client.close()
                cluster.close()


@contextmanager
def connect(
    scheduler: str | None = None, workers: int = 1, factory: Callable[[], object] | None = None
) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (else ``$DASK_SCHEDULER_ADDRESS``), or of a
    new LocalCluster of ``workers`` processes on the loopback interface whose workers start
    with ``factory``'s Extractor loaded (where the platform has a fork server)."""
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
    with _local_cluster(workers, factory) as client:
        yield client
