"""The Cypher templates of cypher/*.cypher (package data ``graphkit/cypher``).

All Cypher that graphkit runs lives in those files. Labels and relationship types cannot be
query parameters in a MERGE that uses an index, so templates carry a ``__KIND__`` or
``__TYPE__`` marker; it is only ever replaced by a value of ActorKind or RelationType,
checked to be a plain identifier and quoted in backticks. User text is always a parameter.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graphkit.errors import GraphkitError
from graphkit.models import ActorKind, RelationType
from graphkit.neo4j.script import split_statements

__all__ = [
    "actor_merge",
    "cypher_text",
    "query_names",
    "relation_merge",
    "schema_statements",
    "statement",
]

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@cache
def cypher_text(name: str) -> str:
    """The text of ``cypher/<name>.cypher`` (``name`` may be ``queries/<query>``)."""
    resource = resources.files("graphkit") / "cypher"
    for part in f"{name}.cypher".split("/"):
        resource = resource / part
    try:
        return resource.read_text("utf-8")
    except FileNotFoundError:
        raise GraphkitError(f"no Cypher file {name}.cypher in graphkit/cypher") from None


def query_names() -> list[str]:
    """Names of the query pack's files (cypher/queries/*.cypher), sorted."""
    folder = resources.files("graphkit") / "cypher" / "queries"
    return sorted(
        entry.name.removesuffix(".cypher")
        for entry in folder.iterdir()
        if entry.name.endswith(".cypher")
    )


def statement(name: str) -> str:
    """The single statement of a template file, comments removed."""
    statements = split_statements(cypher_text(name))
    if len(statements) != 1:
        raise GraphkitError(f"{name}.cypher must hold exactly one statement, not {len(statements)}")
    return statements[0]


def schema_statements() -> list[str]:
    """Constraint and index statements, all ``IF NOT EXISTS``."""
    return split_statements(cypher_text("schema"))


def _fill(template: str, marker: str, value: str) -> str:
    # The enum is the only source of value; the identifier check is a second line of defence.
    if not _IDENTIFIER.fullmatch(value):
        raise ValueError(f"not a safe Neo4j label or type: {value!r}")
    if template.count(marker) != 1:
        raise ValueError(f"template must contain {marker} exactly once")
    return template.replace(marker, f"`{value}`")


def actor_merge(kind: ActorKind, template: str = "merge_actors") -> str:
    """Batched MERGE of actors of one kind (``UNWIND $rows``), or another kind template."""
    return _fill(statement(template), "__KIND__", ActorKind(kind).value)


def relation_merge(rel_type: RelationType, template: str = "merge_relations") -> str:
    """Batched MERGE of relations of one type (``UNWIND $rows``), or another typed template."""
    return _fill(statement(template), "__TYPE__", RelationType(rel_type).value)
