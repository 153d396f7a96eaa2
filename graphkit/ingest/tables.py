"""CSV and TSV exports (news databases, event-data feeds): one article per row.

Columns are found by the JSON Lines field names (``text``, ``id``, ``title``, ``date``,
``url``, ``source``, ``author``, and the same aliases: ``headline``, ``published``,
``link``, ``outlet``, ``publisher``, ``byline``), matched case-insensitively; other names
are given with ``ColumnNames`` (the ``--text-column`` family of options).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from graphkit.errors import InputProblem
from graphkit.ingest.raw import RawArticle, iso_date

__all__ = ["ALIASES", "FIELDS", "ColumnNames", "table_to_articles"]

FIELDS = ("text", "id", "title", "date", "url", "source", "author")
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "id": ("id",),
    "title": ("title", "headline"),
    "date": ("date", "published"),
    "url": ("url", "link"),
    "source": ("source", "outlet", "publisher"),
    "author": ("author", "byline"),
}


class ColumnNames(BaseModel):
    """Column names to read each article field from, when they differ from the defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None


def _delimiter(first_line: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _columns(header: list[str], names: ColumnNames, path: str) -> dict[str, int] | InputProblem:
    """Field -> column index; a problem when a named column (or the text column) is missing."""
    index = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for field in FIELDS:
        wanted = getattr(names, field)
        if wanted is not None:
            if wanted.strip().lower() not in index:
                return InputProblem(
                    path=path,
                    reason=f"no column {wanted!r} (--{field}-column); "
                    f"the header has: {', '.join(h.strip() for h in header)[:300]}",
                )
            found[field] = index[wanted.strip().lower()]
            continue
        for alias in ALIASES[field]:
            if alias in index:
                found[field] = index[alias]
                break
    if "text" not in found:
        return InputProblem(
            path=path,
            reason="no text column (expected 'text', or name it with --text-column); "
            f"the header has: {', '.join(h.strip() for h in header)[:300]}",
        )
    return found


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Rows, or the error that spoiled one, with the line each starts on (a quoted field
    may span several lines); reading goes on after a malformed row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row: list[str] | csv.Error = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            row = err
        yield start, row
        start = reader.line_num + 1


def table_to_articles(
    text: str, path: str, suffix: str, names: ColumnNames | None = None
) -> list[RawArticle | InputProblem]:
    """One article per row; a row that cannot be used is one problem naming its line."""
    delimiter = _delimiter(text.split("\n", 1)[0], suffix)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a cell may hold a whole report
    results: list[RawArticle | InputProblem] = []
    rows = _rows(text, delimiter)
    first = next(rows, None)
    if first is None or isinstance(first[1], csv.Error):
        return [InputProblem(path=path, line=1, reason=f"no CSV header: {first and first[1]}")]
    header = first[1]
    columns = _columns(header, names or ColumnNames(), path)
    if isinstance(columns, InputProblem):
        return [columns]
    width = len(header)
    for line, row in rows:
        if isinstance(row, csv.Error):
            results.append(InputProblem(path=path, line=line, reason=f"malformed CSV: {row}"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            reason = f"{len(row)} fields where the header has {width}"
            results.append(InputProblem(path=path, line=line, reason=reason))
            continue
        values = {f: row[i].strip() or None for f, i in columns.items()}
        body = row[columns["text"]]
        if not body.strip():
            results.append(InputProblem(path=path, line=line, reason="empty text cell"))
            continue
        results.append(
            RawArticle(
                text=body,
                title=values.get("title") or "",
                date=iso_date(values.get("date")),
                source=values.get("source"),
                author=values.get("author"),
                url=values.get("url"),
                id=values.get("id"),
            )
        )
    return results
