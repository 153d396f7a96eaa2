"""Query results as an aligned text table, JSON or CSV (for ``graphkit query --format``)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from graphkit.neo4j.queries import QueryResult

__all__ = ["FORMATS", "format_result"]

FORMATS = ("table", "json", "csv")
_TABLE_CELL = 80  # long quotes are cut in the table only; json and csv keep them whole


def _flat(value: Any) -> str:
    """A cell for table and CSV: lists joined with "; ", null empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _table_cell(value: Any) -> str:
    text = " ".join(_flat(value).split())  # newlines in a quote would break the rows
    return text if len(text) <= _TABLE_CELL else text[: _TABLE_CELL - 1] + "…"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(result.as_dicts(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_flat(v) for v in row] for row in result.rows)
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    cells = [list(result.columns)] + [[_table_cell(v) for v in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} row{'' if len(result.rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"
