"""Where extraction runs: ``local`` (this machine, ``--jobs`` processes; graphkit.shard) or
``dask`` (a Dask cluster, local or remote; graphkit.executors.dask)."""

from __future__ import annotations

from graphkit.errors import GraphkitError

__all__ = ["EXECUTORS", "check_executor"]

EXECUTORS = ("local", "dask")


def check_executor(executor: str, scheduler: str | None) -> None:
    """A GraphkitError for an unknown executor, a scheduler address without ``dask``, or
    (with ``dask``) Dask missing or a malformed scheduler address."""
    if executor not in EXECUTORS:
        choices = ", ".join(EXECUTORS)
        raise GraphkitError(f"--executor {executor!r}: choose from {choices}")
    if scheduler and executor != "dask":
        raise GraphkitError(f"--scheduler {scheduler}: needs --executor dask")
    if executor == "dask":
        from graphkit.executors.dask import check_dask

        check_dask(scheduler)
