"""What a container format gives: text plus metadata, before articles are split."""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, ConfigDict

__all__ = ["RawArticle", "iso_date", "quiet_logs"]

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
    pages: tuple[int, ...] = ()  # paged files: where each page starts in ``text``


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp (or any text that starts with one)."""
    from graphkit.ingest.split import parse_date

    if not value or not value.strip():
        return None
    value = value.strip()
    if _ISO.match(value):
        return value[:10]
    return parse_date(value[:40])


def quiet_logs(*names: str) -> None:
    """Keep these libraries' log lines off stderr: a handler of their own stops logging's
    last-resort printer. They still reach handlers that an application sets on the root."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
