"""The worker side of ``--executor dask``: the picklable extractor recipe and the task.

Each worker process keeps the Extractor (spaCy pipeline, registry, lexicons) built on its
first task (or inherited from graphkit's warm fork server, graphkit.executors.dask_warm)
and reuses it for every later task of the same build; a replaced worker builds it again
unless it is forked warm too. The tasks get the articles themselves, so workers need no shared filesystem.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.models import Actor, Article, Evidence, RelationType

if TYPE_CHECKING:
    from graphkit.pipeline import Extractor

__all__ = ["ExtractorFactory", "Outcome", "dask_setup", "run_batch", "warm"]

EvidenceMap = dict[tuple[str, str, RelationType], list[Evidence]]
Outcome = tuple[list[Actor], EvidenceMap, str | None]  # actors, evidence, error


@dataclass(frozen=True)
class ExtractorFactory:
    """A picklable recipe for an Extractor: the model name and the ``--actors`` files' texts
    (written to a temporary directory on the worker, so they need not be shared)."""

    model: str | None = None
    actor_files: tuple[tuple[str, str], ...] = ()  # (file name, YAML text)

    @classmethod
    def of(cls, model: str | None, actor_files: Sequence[str | Path] = ()) -> ExtractorFactory:
        """Read (and check, on the driver, with one-line errors) the ``--actors`` files."""
        if not actor_files:
            return cls(model)
        from graphkit.registry import load_registry

        load_registry(tuple(str(p) for p in actor_files))
        return cls(model, tuple((Path(p).name, Path(p).read_text("utf-8")) for p in actor_files))

    def __call__(self) -> Extractor:
        from graphkit.pipeline import Extractor

        return Extractor(model=self.model, actor_files=self._materialise())

    def _materialise(self) -> tuple[str, ...]:
        if not self.actor_files:
            return ()
        digest = hashlib.sha256(repr(self.actor_files).encode("utf-8", "surrogatepass"))
        folder = Path(tempfile.gettempdir()) / f"graphkit-actors-{digest.hexdigest()[:16]}"
        folder.mkdir(exist_ok=True)
        paths = []
        for number, (name, text) in enumerate(self.actor_files):
            path = folder / f"{number:02d}-{name}"
            if not path.is_file():
                temp = folder / f".{path.name}.{os.getpid()}.tmp"
                temp.write_text(text, "utf-8")
                os.replace(temp, path)
            paths.append(str(path))
        return tuple(paths)


_EXTRACTORS: dict[Hashable, Extractor] = {}  # one per worker process (the latest factory)
_LOCK = threading.Lock()  # one spaCy pipeline per process: extract one batch at a time


def warm(factory: Callable[[], Extractor]) -> Extractor:
    """This process's Extractor for ``factory``, built now if it is not cached yet."""
    with _LOCK:
        extractor = _EXTRACTORS.get(factory)
        if extractor is None:
            _EXTRACTORS.clear()  # a long-lived worker keeps one spaCy model, not one per build
            extractor = _EXTRACTORS[factory] = factory()
        return extractor


def _extract_one(extractor: Extractor, article: Article) -> Outcome:
    from graphkit.shard import extract_many

    try:
        (result,) = extract_many(extractor, [article])
    except Exception as err:  # a hostile article must not sink its batch
        return [], {}, f"{type(err).__name__}: {err}"[:300]
    return result.actors, result.evidence, None


def run_batch(
    factory: Callable[[], Extractor], articles: list[Article]
) -> tuple[float, list[Outcome]]:
    """The Dask task: extract ``articles`` in order with this process's cached Extractor.

    Returns the seconds spent (loading included) and, per article, its actors and evidence,
    or the error its extraction raised (then the batch is redone one article at a time).
    """
    from graphkit.shard import extract_many

    started = time.perf_counter()
    extractor = warm(factory)
    with _LOCK:
        try:
            results = extract_many(extractor, articles)
            outcomes: list[Outcome] = [(r.actors, r.evidence, None) for r in results]
        except Exception:
            outcomes = [_extract_one(extractor, article) for article in articles]
        return time.perf_counter() - started, outcomes


def dask_setup(worker: object) -> None:
    """Preload hook of the workers of graphkit's own LocalCluster: Ctrl-C is the driver's
    to handle (as with ``--jobs``); it closes the cluster, so workers ignore SIGINT."""
    with contextlib.suppress(ValueError):  # only the main thread may set handlers
        signal.signal(signal.SIGINT, signal.SIG_IGN)
