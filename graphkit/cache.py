"""Incremental builds: one JSON file per extracted article under ``OUT/.graphkit-cache/``.

An entry's name is a SHA-256 over everything its extraction depends on: the article
(text and metadata), the graphkit version, the spaCy model (name and installed version),
and a fingerprint of the registry, lexicons and extraction code plus any ``--actors`` files.
Change any of these and the article is extracted again; entries not used by a build are
pruned, so deleted inputs drop out. Writes are atomic, so a crash leaves no torn entry
(an unreadable entry is simply a miss).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from graphkit import __version__
from graphkit.models import Actor, Article, Evidence, RelationType
from graphkit.sinks.files import write_atomic

if TYPE_CHECKING:
    from graphkit.assemble import ArticleExtraction

__all__ = ["CACHE_DIRNAME", "ExtractionCache", "fingerprint", "fingerprinted_files"]

CACHE_DIRNAME = ".graphkit-cache"
_CODE_MODULES = (
    "actors.py", "coref.py", "relations.py", "lexicon.py", "nlp.py", "names.py", "registry.py",
    "pipeline.py", "shard.py", "models.py", "ingest/boilerplate.py", "yamlfile.py",
)  # fmt: skip


def _model_label(model: str | None) -> str:
    from graphkit.nlp import DEFAULT_MODEL, FALLBACK_MODELS

    for name in [model] if model else [DEFAULT_MODEL, *FALLBACK_MODELS]:
        try:
            return f"{name}=={metadata.version(name)}"
        except (metadata.PackageNotFoundError, ValueError):
            continue
    return model or DEFAULT_MODEL


def fingerprinted_files() -> list[str]:
    """Package files (data and extraction code) whose bytes go into the fingerprint."""
    package = resources.files("graphkit")
    data = package.joinpath("data")
    return sorted(
        [f"data/{p.name}" for p in data.iterdir() if p.name.endswith(".yaml")]
        + [f"data/actors/{p.name}" for p in data.joinpath("actors").iterdir()
           if p.name.endswith(".yaml")]
        + [f"rules/{p.name}" for p in package.joinpath("rules").iterdir()
           if p.name.endswith(".py")]
        + list(_CODE_MODULES)
    )  # fmt: skip


@lru_cache(maxsize=8)
def fingerprint(model: str | None = None, actor_files: tuple[str, ...] = ()) -> str:
    """Hash of what extraction depends on besides the article itself."""
    digest = hashlib.sha256(f"graphkit {__version__}\0{_model_label(model)}\0".encode())
    package = resources.files("graphkit")
    for name in fingerprinted_files():
        item = package.joinpath(name)
        if item.is_file():
            digest.update(name.encode() + b"\0" + item.read_bytes() + b"\0")
    for extra in actor_files:
        try:
            digest.update(Path(extra).read_bytes() + b"\0")
        except OSError:
            digest.update(f"missing {extra}\0".encode())
    return digest.hexdigest()


def _dump(extraction: ArticleExtraction) -> str:
    data = {
        "actors": [a.model_dump(mode="json") for a in extraction.actors],
        "evidence": [
            {"key": [s, t, r.value], "items": [e.model_dump(mode="json") for e in items]}
            for (s, t, r), items in extraction.evidence.items()
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _load(text: str, article: Article) -> ArticleExtraction | None:
    from graphkit.assemble import ArticleExtraction

    try:
        data: Any = json.loads(text)
        result = ArticleExtraction(article, actors=[Actor(**a) for a in data["actors"]])
        for entry in data["evidence"]:
            s, t, r = entry["key"]
            result.evidence[(s, t, RelationType(r))] = [Evidence(**e) for e in entry["items"]]
    except (ValueError, KeyError, TypeError, ValidationError):
        return None
    return result


class ExtractionCache:
    """Per-article extraction results stored under ``directory``."""

    def __init__(self, directory: Path, model: str | None, actor_files: Sequence[str]) -> None:
        self.directory = directory
        self.salt = fingerprint(model, tuple(actor_files))
        self.used: set[str] = set()

    def key(self, article: Article) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(article.model_dump_json().encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleExtraction | None:
        key = self.key(article)
        self.used.add(key)
        try:
            text = self._path(key).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return _load(text, article)

    def put(self, extraction: ArticleExtraction) -> None:
        key = self.key(extraction.article)
        self.used.add(key)
        write_atomic(self._path(key), _dump(extraction))

    def prune(self) -> int:
        """Delete entries this build did not use; return how many."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for path in self.directory.glob("*/*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
