"""graph.cypher: the graph as a Cypher script for cypher-shell (or ``graphkit load``).

The script is the loader's own templates (cypher/schema.cypher, merge_actors.cypher,
merge_relations.cypher) with ``$rows`` replaced by a literal list of maps, so running it on
an empty or existing database gives exactly what ``graphkit load`` gives, and running it
twice changes nothing. Strings are single-quoted with every character that could end,
break or hide inside a literal escaped; other Unicode (北京, Арабский) is written as is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from graphkit import __version__
from graphkit.models import Graph
from graphkit.neo4j.rows import Row, actor_batches, evidence_key, relation_batches
from graphkit.neo4j.templates import actor_merge, relation_merge, schema_statements
from graphkit.sinks.files import write_atomic

__all__ = ["SCRIPT_BATCH_SIZE", "cypher_literal", "cypher_string", "to_cypher", "write_cypher"]

# Rows per UNWIND statement: cypher-shell runs each statement as one transaction and has to
# parse it whole, so statements stay a few hundred KB at most.
SCRIPT_BATCH_SIZE = 500

_SIMPLE_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
# Control, format (zero-width, bidi), surrogate, private-use, unassigned, line/paragraph
# separators: invisible or unsafe in a text file, so they are written as \u escapes.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _escape_char(char: str) -> str:
    simple = _SIMPLE_ESCAPES.get(char)
    if simple is not None:
        return simple
    if unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    # Cypher 5 has no \U escape; a UTF-16 surrogate pair is how Java spells such a character.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}"


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal that evaluates to exactly ``text``."""
    if text.isprintable() and "\\" not in text and "'" not in text:
        return f"'{text}'"  # fast path: nothing to escape (most names and sentences)
    return "'" + "".join(_escape_char(char) for char in text) + "'"


def cypher_literal(value: object) -> str:
    """Cypher literal for a row value: null, booleans, numbers, strings, lists and maps."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no Cypher literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            name = key if _KEY.fullmatch(key) else "`" + key.replace("`", "``") + "`"
            items.append(f"{name}: {cypher_literal(item)}")
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _unwind_statement(template: str, rows: Sequence[Row]) -> str:
    if template.count("$rows") != 1:
        raise ValueError("a merge template must use $rows exactly once")
    literal = "[\n" + ",\n".join("  " + cypher_literal(row) for row in rows) + "\n]"
    return template.replace("$rows", literal)


def to_cypher(graph: Graph, batch_size: int = SCRIPT_BATCH_SIZE) -> str:
    """The whole graph as a cypher-shell script: schema first, then MERGE statements."""
    evidence = sum(len({evidence_key(e) for e in r.evidence}) for r in graph.relations)
    parts = [
        f"// graph.cypher written by graphkit {__version__}: {len(graph.actors)} actors, "
        f"{len(graph.relations)} relations, {evidence} pieces of evidence.\n"
        "// Run it on an empty or existing database: cypher-shell -f graph.cypher, or\n"
        "// graphkit load graph.cypher. Every statement is a MERGE: a second run changes nothing.\n"
    ]
    parts += [f"{statement};\n" for statement in schema_statements()]
    for kind, rows in actor_batches(graph, batch_size):
        statement = _unwind_statement(actor_merge(kind), rows)
        parts.append(f"// actors: {kind.value} ({len(rows)})\n{statement};\n")
    for rel_type, rows in relation_batches(graph, batch_size):
        statement = _unwind_statement(relation_merge(rel_type), rows)
        parts.append(f"// relations: {rel_type.value} ({len(rows)})\n{statement};\n")
    return "\n".join(parts)


def write_cypher(graph: Graph, path: Path) -> None:
    write_atomic(Path(path), to_cypher(graph))
