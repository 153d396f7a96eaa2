"""Splitting work: shards of input files, chunks of very long articles, worker processes.

* ``in_shard`` partitions input files deterministically by a stable hash of their path
  relative to the input root, so ``--shard i/n`` builds on many machines cover every file
  exactly once and ``graphkit merge`` can put the parts back together.
* ``extract_many`` extracts articles in order, in this process or a pool of worker
  processes (``fork`` where the platform has it, so the loaded pipeline, including the
  ``graphkit_ruler`` component registered with ``Language.component``, is inherited rather
  than pickled; other platforms rebuild it once per worker). Results come back in input
  order, so ``--jobs N`` gives the same bytes as ``--jobs 1``.
* Articles longer than ``CHUNK_CHARS`` are parsed whole however long, in chunks of at most
  ``PIECE_CHARS`` cut at paragraph or sentence boundaries (spaCy's ``max_length`` and
  memory stay bounded); evidence offsets are shifted back so they still slice the full
  article text.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import signal
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.errors import GraphkitError
from graphkit.models import Actor, Article, Evidence

if TYPE_CHECKING:
    from graphkit.pipeline import ArticleExtraction, Extractor

__all__ = [
    "CHUNK_CHARS",
    "PIECE_CHARS",
    "ShardSpec",
    "chunk_bounds",
    "extract_many",
    "in_shard",
    "parse_shard",
    "shard_of",
]

CHUNK_CHARS = 100_000  # longer articles are parsed in chunks; shorter ones in one spaCy call
# Characters per chunk of a long article (cut at paragraph or sentence boundaries). The
# paragraph-break component is linear in the chunk now (one array write; it was quadratic
# and spent 12-16 s on a 100,000-character chunk), so chunks can be as long as CHUNK_CHARS.
PIECE_CHARS = CHUNK_CHARS
BATCH = 16  # articles per nlp.pipe batch and per task sent to a worker process

ShardSpec = tuple[int, int]  # (index from 1, count)

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def parse_shard(text: str) -> ShardSpec:
    """``"2/3"`` -> ``(2, 3)``; a GraphkitError explains anything else."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise GraphkitError(f"--shard {text!r}: expected I/N, e.g. 1/4")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= index <= count:
        raise GraphkitError(f"--shard {text!r}: I must be between 1 and N")
    return index, count


def shard_of(key: str, count: int) -> int:
    """The shard (1..count) a file belongs to: a stable hash, the same on every machine."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def shard_key(path: Path, inputs: Sequence[Path]) -> str:
    """The path relative to the input it was found under (POSIX form), else its name."""
    for root in inputs:
        if root.is_dir():
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
    return path.name


def in_shard(path: Path, inputs: Sequence[Path], shard: ShardSpec | None) -> bool:
    if shard is None:
        return True
    index, count = shard
    return shard_of(shard_key(path, inputs), count) == index


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` slices covering ``text``, each at most ``size`` long,
    cut at the last paragraph break, else line break, sentence end or space in the slice."""
    bounds: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while length - start > size:
        end = start + size
        window = text[start + size // 2 : end]
        for pattern in _BREAKS:
            cuts = [m.end() for m in pattern.finditer(window)]
            if cuts:
                end = start + size // 2 + cuts[-1]
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, length))
    return bounds


def _shift(evidence: Evidence, offset: int) -> Evidence:
    start, end = evidence.start + offset, evidence.end + offset
    return evidence.model_copy(update={"start": start, "end": end})


def extract_one(extractor: Extractor, article: Article) -> ArticleExtraction:
    """``extractor.extract`` on the article, chunk by chunk when it is very long."""
    from graphkit.pipeline import ArticleExtraction

    if len(article.text) <= CHUNK_CHARS:
        return extractor.extract(article)
    merged = ArticleExtraction(article)
    actors: dict[str, Actor] = {}
    for start, end in chunk_bounds(article.text, min(CHUNK_CHARS, PIECE_CHARS)):
        part = extractor.extract(article.model_copy(update={"text": article.text[start:end]}))
        for key, items in part.evidence.items():
            merged.evidence.setdefault(key, []).extend(_shift(e, start) for e in items)
        for actor in part.actors:
            known = actors.setdefault(actor.id, actor)
            if known is not actor:
                aliases = tuple(sorted(set(known.aliases) | set(actor.aliases)))
                actors[actor.id] = known.model_copy(update={"aliases": aliases})
    merged.actors = [actors[k] for k in sorted(actors)]
    return merged


# --- worker processes -------------------------------------------------------------------

_WORKER: Extractor | None = None
_WORKER_CONFIG: tuple[str | None, tuple[str, ...]] | None = None


def _init_worker(model: str | None, actor_files: tuple[str, ...]) -> None:
    global _WORKER, _WORKER_CONFIG
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if _WORKER is None or (model, actor_files) != _WORKER_CONFIG:
        from graphkit.pipeline import Extractor

        _WORKER = Extractor(model=model, actor_files=actor_files)
        _WORKER_CONFIG = (model, actor_files)


def _work(batch: list[Article]) -> list[ArticleExtraction]:
    assert _WORKER is not None, "worker not initialised"
    return list(_serial(_WORKER, batch))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _serial(extractor: Extractor, articles: Sequence[Article]) -> Iterator[ArticleExtraction]:
    """In order; short articles share batched ``nlp.pipe`` calls, long ones are chunked."""
    from graphkit.ingest import text_for_parser

    short = [a for a in articles if len(a.text) <= CHUNK_CHARS]
    docs = iter(extractor.nlp.pipe((text_for_parser(a.text) for a in short), batch_size=BATCH))
    for article in articles:
        if len(article.text) <= CHUNK_CHARS:
            yield _paged(extractor.extract(article, next(docs)))
        else:
            yield _paged(extract_one(extractor, article))


def _paged(extraction: ArticleExtraction) -> ArticleExtraction:
    """Evidence of a paged article (PDF) gains the page its sentence starts on."""
    article = extraction.article
    if article.pages:
        for items in extraction.evidence.values():
            items[:] = [e.model_copy(update={"page": article.page_at(e.start)}) for e in items]
    return extraction


def extract_many(
    extractor: Extractor,
    articles: Sequence[Article],
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    config: tuple[str | None, tuple[str, ...]] = (None, ()),
) -> list[ArticleExtraction]:
    """Extract every article, in order, using ``jobs`` processes.

    ``config`` (model, actor files) rebuilds the extractor in workers on platforms without
    ``fork``; with ``fork`` the workers inherit ``extractor`` itself.
    """
    global _WORKER, _WORKER_CONFIG
    jobs = max(1, min(jobs, len(articles)))
    results: list[ArticleExtraction] = []
    if jobs == 1:
        for result in _serial(extractor, articles):
            results.append(result)
            if progress is not None:
                progress(len(results))
        return results
    size = max(1, min(BATCH, len(articles) // (jobs * 4)))
    batches = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    _WORKER, _WORKER_CONFIG = extractor, config  # inherited by forked workers
    try:
        with _context().Pool(jobs, initializer=_init_worker, initargs=config) as pool:
            for batch in pool.imap(_work, batches):
                results.extend(batch)
                if progress is not None:
                    progress(len(results))
    finally:
        _WORKER, _WORKER_CONFIG = None, None
    return results
