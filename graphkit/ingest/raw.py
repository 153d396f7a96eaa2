"""What a container format gives: text plus metadata, before articles are split."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

__all__ = ["RawArticle", "iso_date"]

_ISO = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")


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


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp (or any text that starts with one)."""
    from graphkit.ingest.split import parse_date

    if not value or not value.strip():
        return None
    value = value.strip()
    if _ISO.match(value):
        return value[:10]
    return parse_date(value[:40])
