"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``), read with feedparser: each entry
is an article (its content, else its summary; title, date, link, author; the feed's
title as the source).

feedparser reads the bytes given (never a URL or a path named inside them), refuses
external entities, and sanitises entry HTML; the text is then made plain, so markup in an
entry never reaches the map as code.
"""

from __future__ import annotations

import io
import time
from typing import Any

from graphkit.errors import InputProblem
from graphkit.ingest.html import html_fragment_text
from graphkit.ingest.raw import RawArticle, quiet_logs

__all__ = ["feed_to_articles"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _plain(value: Any, kind: str | None) -> str:
    if not isinstance(value, str):
        return ""
    if kind in _HTML_TYPES or (kind is None and "<" in value):
        return html_fragment_text(value)
    return "\n\n".join(" ".join(line.split()) for line in value.split("\n") if line.strip())


def _detail_type(entry: Any, key: str) -> str | None:
    detail = dict.get(entry, f"{key}_detail")
    kind = detail.get("type") if isinstance(detail, dict) else None
    return kind if isinstance(kind, str) else None


def _body(entry: Any) -> str:
    for content in dict.get(entry, "content") or ():
        if isinstance(content, dict):
            text = _plain(content.get("value"), content.get("type"))
            if text.strip():
                return text
    return _plain(dict.get(entry, "summary"), _detail_type(entry, "summary"))


def _date(entry: Any) -> str | None:
    # dict.get: feedparser's own mapping of "updated" to "published" warns (deprecated)
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _text(entry: Any, key: str) -> str | None:
    value = _plain(dict.get(entry, key), _detail_type(entry, key))
    return " ".join(value.split()) or None


def feed_to_articles(data: bytes, path: str) -> list[RawArticle | InputProblem]:
    """One article per entry; a feed that cannot be read, or an entry without text, is a
    problem (entries are numbered from 1 in the feed's order)."""
    import feedparser

    quiet_logs("feedparser")
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception as err:  # feedparser may raise anything on odd bytes
        return [InputProblem(path=path, reason=f"not an RSS or Atom feed ({type(err).__name__})")]
    entries = list(parsed.get("entries") or ())
    if not entries:
        if not parsed.get("version"):
            why = parsed.get("bozo_exception")
            detail = f": {str(why).splitlines()[0][:160]}" if why else ""
            return [InputProblem(path=path, reason=f"not an RSS or Atom feed{detail}")]
        return [InputProblem(path=path, reason="feed has no entries")]
    feed_title = _text(parsed.get("feed") or {}, "title")
    results: list[RawArticle | InputProblem] = []
    for number, entry in enumerate(entries, start=1):
        body = _body(entry)
        if not body.strip():
            results.append(InputProblem(path=path, reason=f"entry {number}: no content or summary"))
            continue
        link = dict.get(entry, "link")
        results.append(
            RawArticle(
                text=body,
                title=_text(entry, "title") or "",
                date=_date(entry),
                source=feed_title,
                author=_text(entry, "author"),
                url=link.strip() if isinstance(link, str) and link.strip() else None,
            )
        )
    return results
