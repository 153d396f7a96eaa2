"""Errors that graphkit reports to users as one clear line (never a traceback)."""

from __future__ import annotations

__all__ = ["GraphkitError", "InputProblem"]

from pydantic import BaseModel, ConfigDict


class GraphkitError(Exception):
    """A user-facing failure: bad arguments, unreadable input, unreachable server."""


class InputProblem(BaseModel):
    """A file (or line of a file) that could not be used, and why; the rest of the work goes on."""

    model_config = ConfigDict(frozen=True)

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
