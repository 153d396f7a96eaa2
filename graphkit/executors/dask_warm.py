"""Preloaded by the fork server of graphkit's LocalCluster (graphkit.executors.dask_cluster):
builds the Extractor of ``$GRAPHKIT_DASK_WARM`` (a pickled factory, base64) into the worker
cache, so the workers forked from the server start with it loaded (without a factory it
imports the pipeline code only).

Any failure is ignored (a fork server that dies on import would stop every worker): the
workers then build the Extractor on their first task, as on a remote cluster.
"""

from __future__ import annotations

import base64
import gc
import os
import pickle

from graphkit.executors.dask_cluster import WARM_ENV

__all__: list[str] = []  # imported for its effect, by the fork server only


def _warm() -> None:
    value = os.environ.pop(WARM_ENV, "")  # not inherited by the workers
    try:
        import graphkit.pipeline  # noqa: F401 - spaCy and the rules, imported once

        if value:
            from graphkit.executors.dask_worker import warm

            warm(pickle.loads(base64.b64decode(value)))  # set by this user's own driver
    except Exception:  # see the module docstring
        pass
    # the model's objects never die: the workers' collections need not walk them, nor
    # touch (and so copy) their pages
    gc.freeze()


_warm()
