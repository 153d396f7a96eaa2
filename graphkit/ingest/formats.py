"""Turn HTML pages and JSON Lines records into plain article text plus metadata."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from pydantic import BaseModel, ConfigDict

from graphkit.errors import InputProblem

__all__ = ["RawArticle", "html_to_article", "jsonl_to_articles"]


class RawArticle(BaseModel):
    """Text plus whatever metadata the container format gave us (before splitting)."""

    model_config = ConfigDict(frozen=True)

    text: str
    title: str = ""
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    id: str | None = None


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figure", "figcaption", "hr", "pre",
}  # fmt: skip
_META_FIELDS = {
    "article:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "og:site_name": "source",
    "author": "author",
    "og:url": "url",
    "og:title": "title",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k: v or "" for k, v in attrs}
            key = (values.get("property") or values.get("name") or "").lower()
            if key in _META_FIELDS and values.get("content"):
                self.meta.setdefault(_META_FIELDS[key], values["content"].strip())
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_article(markup: str) -> RawArticle:
    """Visible text of a page (scripts, styles and head dropped), with its metadata."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.title).split()) or parser.meta.get("title", "")
    date = parser.meta.get("date")
    return RawArticle(
        text=text,
        title=title,
        date=date[:10] if date else None,
        source=parser.meta.get("source"),
        author=parser.meta.get("author"),
        url=parser.meta.get("url"),
    )


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
