"""JSON Lines records (and, re-exported, HTML pages) -> plain article text plus metadata."""

from __future__ import annotations

import json
from typing import Any

from graphkit.errors import InputProblem
from graphkit.ingest.html import html_to_article
from graphkit.ingest.raw import RawArticle

__all__ = ["RawArticle", "html_to_article", "jsonl_to_articles"]


def _optional_str(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def jsonl_to_articles(text: str, path: str) -> list[RawArticle | InputProblem]:
    """One article per JSON line: ``{"text": ..., "title"?, "date"?, "url"?, "source"?}``."""
    results: list[RawArticle | InputProblem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            reason = getattr(err, "msg", "too deeply nested")
            results.append(InputProblem(path=path, line=number, reason=f"invalid JSON: {reason}"))
            continue
        if not isinstance(record, dict):
            results.append(InputProblem(path=path, line=number, reason="not a JSON object"))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            results.append(InputProblem(path=path, line=number, reason='no "text" string'))
            continue
        date = _optional_str(record, "date", "published")
        results.append(
            RawArticle(
                text=body.replace("\r\n", "\n"),
                title=_optional_str(record, "title", "headline") or "",
                date=date[:10] if date else None,
                source=_optional_str(record, "source", "outlet", "publisher"),
                author=_optional_str(record, "author", "byline"),
                url=_optional_str(record, "url", "link"),
                id=_optional_str(record, "id"),
            )
        )
    return results
