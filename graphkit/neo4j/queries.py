"""The query pack: cypher/queries/<name>.cypher, each with a ``//`` header that documents it.

Header format (the leading ``//`` lines of the file)::

    // One-line summary of what the query answers.
    // More description lines (optional).
    // @param actor: str  description (required: no default)
    // @param limit: int = 50  description (JSON default)

Parameters are typed (str, int, float), so ``--param limit=10`` reaches Cypher as an integer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphkit.errors import GraphkitError
from graphkit.neo4j.templates import cypher_text, query_names, statement

if TYPE_CHECKING:  # the driver loads only when a query runs
    from neo4j import Driver

__all__ = [
    "QueryParam",
    "QueryResult",
    "QuerySpec",
    "bind",
    "list_queries",
    "load_query",
    "run_query",
]

_PARAM = re.compile(r"@param\s+(\w+)\s*:\s*(str|int|float)(?:\s*=\s*(\"[^\"]*\"|\S+))?\s*(.*)")
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float}


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str
    default: Any
    required: bool
    description: str

    def describe(self) -> str:
        default = "required" if self.required else f"default {json.dumps(self.default)}"
        return f"{self.name} ({self.type}, {default}): {self.description}"


@dataclass(frozen=True)
class QuerySpec:
    name: str
    summary: str
    description: tuple[str, ...]
    params: tuple[QueryParam, ...]
    cypher: str


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _coerce(param_type: str, value: Any, name: str) -> Any:
    kind = _TYPES[param_type]
    if isinstance(value, kind) and not isinstance(value, bool):
        return value
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and kind is not str:
        try:
            return kind(value)
        except ValueError:
            pass
    raise GraphkitError(
        f"parameter {name} must be {'an' if param_type == 'int' else 'a'} {param_type}, not {value!r}"
    )


def load_query(name: str) -> QuerySpec:
    """The query ``name`` of the pack, with its parsed header."""
    if name not in query_names():
        raise GraphkitError(
            f"no query named {name!r}; choose from {', '.join(query_names())} (graphkit query --list)"
        )
    text = cypher_text(f"queries/{name}")
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line[2:].strip())
    if not header or header[0].startswith("@param"):
        raise GraphkitError(f"queries/{name}.cypher must start with a // summary line")
    params, description = [], []
    for line in header[1:]:
        match = _PARAM.match(line)
        if match is None:
            description.append(line)
            continue
        pname, ptype, raw_default, pdesc = match.groups()
        default = None if raw_default is None else _coerce(ptype, json.loads(raw_default), pname)
        params.append(QueryParam(pname, ptype, default, raw_default is None, pdesc.strip()))
    return QuerySpec(
        name=name,
        summary=header[0],
        description=tuple(description),
        params=tuple(params),
        cypher=statement(f"queries/{name}"),
    )


def list_queries() -> list[QuerySpec]:
    return [load_query(name) for name in query_names()]


def bind(spec: QuerySpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """Parameter values for ``spec``: given ones coerced to their type, defaults for the rest."""
    known = {p.name: p for p in spec.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        choices = ", ".join(known) or "none"
        raise GraphkitError(
            f"query {spec.name} has no parameter {unknown[0]!r} (parameters: {choices})"
        )
    bound: dict[str, Any] = {}
    for param in spec.params:
        if param.name in values:
            bound[param.name] = _coerce(param.type, values[param.name], param.name)
        elif param.required:
            raise GraphkitError(
                f"query {spec.name} needs --param {param.name}=VALUE ({param.description})"
            )
        else:
            bound[param.name] = param.default
    return bound


def run_query(
    driver: Driver, name: str, values: Mapping[str, Any], database: str | None = None
) -> QueryResult:
    """Run the pack's query ``name`` with ``values`` (strings are coerced to the declared types)."""
    spec = load_query(name)
    records, _, keys = driver.execute_query(spec.cypher, bind(spec, values), database_=database)
    return QueryResult(
        columns=tuple(keys), rows=tuple(tuple(record.values()) for record in records)
    )
