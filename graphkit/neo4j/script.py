"""Cypher scripts as cypher-shell reads them: statements separated by ``;``.

``split_statements`` only splits on a ``;`` outside string literals, backtick-quoted names and
comments, so a quote, brace or semicolon inside an actor's name never cuts a statement.
``run_script`` runs each statement in its own auto-commit transaction, like cypher-shell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from graphkit.errors import GraphkitError

if TYPE_CHECKING:  # the driver loads only when a script runs
    from neo4j import Driver

__all__ = ["run_script", "split_statements"]

# One token per match. Strings and quoted names must be matched whole (with their escapes)
# before the `;` and comment alternatives get a chance to look inside them.
_TOKEN = re.compile(
    r"""
      (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<name>`[^`]*`)
    | (?P<line_comment>//[^\n]*)
    | (?P<block_comment>/\*.*?\*/)
    | (?P<end>;)
    | (?P<open>['"`]|/\*)
    | (?P<other>[^'"`/;]+|/)
    """,
    re.VERBOSE | re.DOTALL,
)


def split_statements(text: str) -> list[str]:
    """The statements of ``text``, stripped, without their ``;`` or comments.

    A statement that is only whitespace and comments is dropped; text after the last ``;``
    counts as a final statement. Raises GraphkitError on an unterminated string, quoted
    name or block comment (the line where it starts is in the message).
    """
    statements: list[str] = []
    current: list[str] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            line = text.count("\n", 0, match.start()) + 1
            what = {"`": "quoted name", "/*": "block comment"}.get(match.group(), "string")
            raise GraphkitError(f"unterminated {what} starting on line {line} of the Cypher script")
        if kind == "end":
            _flush(current, statements)
            current = []
        elif kind == "line_comment":
            continue  # its newline is matched as "other" and kept
        elif kind == "block_comment":
            current.append(" ")
        else:
            current.append(match.group())
    _flush(current, statements)
    return statements


def _flush(parts: list[str], statements: list[str]) -> None:
    statement = "".join(parts).strip()
    if statement:
        statements.append(statement)


def run_script(
    driver: Driver,
    text: str,
    database: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Run every statement of ``text`` in order; returns how many ran."""
    statements = split_statements(text)
    with driver.session(database=database) as session:
        for done, statement in enumerate(statements, start=1):
            session.run(statement).consume()
            if progress is not None:
                progress(done, len(statements))
    return len(statements)
