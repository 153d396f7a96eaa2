"""Ingest: files and directories of text, Markdown, HTML, JSON Lines, CSV/TSV, RSS/Atom
and PDF -> Article models.

Unusable files become InputProblem entries; everything else is still read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graphkit.errors import InputProblem
from graphkit.ingest.boilerplate import mask_boilerplate, text_for_parser
from graphkit.ingest.files import (
    SUPPORTED_SUFFIXES,
    decode_bytes,
    iter_input_files,
    read_bytes,
)
from graphkit.ingest.formats import RawArticle, html_to_article, jsonl_to_articles
from graphkit.ingest.split import parse_date, split_articles
from graphkit.ingest.tables import ColumnNames, table_to_articles
from graphkit.models import Article

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ColumnNames",
    "IngestResult",
    "mask_boilerplate",
    "parse_date",
    "read_articles",
    "read_file",
    "text_for_parser",
]


class IngestResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...]
    files: int


def _articles_from_raw(
    raw: RawArticle, article_id: str, path: Path, first_part: int
) -> list[Article]:
    articles = []
    for index, part in enumerate(split_articles(raw.text)):
        body = raw.text[part.start : part.end]
        if not body.strip():
            continue
        articles.append(
            Article(
                id=raw.id or article_id,
                part=first_part + index,
                title=raw.title or part.title,
                date=raw.date or part.date,
                source=raw.source or part.source,
                author=raw.author or part.author,
                url=raw.url,
                path=str(path),
                offset=part.start,
                pages=raw.pages,
                text=body,
            )
        )
    return articles


_RECORD_SUFFIXES = (".jsonl", ".csv", ".tsv", ".rss", ".atom", ".xml")


def _raws(path: Path, data: bytes, columns: ColumnNames | None) -> list[RawArticle | InputProblem]:
    """What the file's format holds: one raw article, or one per record (line, row, entry)."""
    suffix = path.suffix.lower()
    if suffix in (".rss", ".atom", ".xml"):
        from graphkit.ingest.feeds import feed_to_articles

        return feed_to_articles(data, str(path))
    if suffix == ".pdf":
        from graphkit.ingest.pdf import pdf_to_article

        return [pdf_to_article(data, str(path))]
    text = decode_bytes(data, path)
    if isinstance(text, InputProblem):
        if suffix in (".html", ".htm") and not text.reason.startswith("binary"):
            # a page saved in its site's legacy charset: trafilatura reads <meta charset>
            return [html_to_article(data)]
        return [text]
    if suffix == ".jsonl":
        return list(jsonl_to_articles(text, str(path)))
    if suffix in (".csv", ".tsv"):
        return table_to_articles(text, str(path), suffix, columns)
    if suffix in (".html", ".htm"):
        return [html_to_article(text)]
    return [RawArticle(text=text)]


def read_file(
    path: Path, columns: ColumnNames | None = None
) -> tuple[list[Article], list[InputProblem]]:
    """Articles of one file (several for concatenated files, JSON Lines, CSV rows or feed
    entries) and its problems. ``columns`` names the CSV/TSV columns when not the defaults."""
    data = read_bytes(path)
    if isinstance(data, InputProblem):
        return [], [data]
    records = path.suffix.lower() in _RECORD_SUFFIXES
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for index, raw in enumerate(_raws(path, data, columns)):
        if isinstance(raw, InputProblem):
            problems.append(raw)
            continue
        if not raw.text.strip():
            problems.append(InputProblem(path=str(path), reason="no article text"))
            continue
        first_part = index if records and raw.id is None else len(articles)
        articles.extend(_articles_from_raw(raw, path.stem, path, first_part))
    return articles, problems


def read_articles(inputs: Iterable[Path | str], columns: ColumnNames | None = None) -> IngestResult:
    """Read every supported file under the inputs, in a stable (sorted) order."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    files = 0
    for item in iter_input_files([Path(p) for p in inputs]):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        files += 1
        found, trouble = read_file(item, columns)
        articles.extend(found)
        problems.extend(trouble)
    return IngestResult(articles=tuple(articles), problems=tuple(problems), files=files)
