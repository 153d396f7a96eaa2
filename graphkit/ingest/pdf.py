"""PDF reports (placeholder until the PDF reader lands)."""

from __future__ import annotations

from graphkit.errors import InputProblem

__all__ = ["pdf_to_article"]


def pdf_to_article(data: bytes, path: str) -> InputProblem:
    return InputProblem(path=path, reason="PDF support is not built yet")
