"""Neo4j: connection settings, the idempotent bulk loader, Cypher scripts and the query pack.

All Cypher lives in cypher/*.cypher (package data ``graphkit/cypher``); see docs/neo4j.md.
The names below are imported on first use (PEP 562): the driver loads only when a command
talks to a server, not when ``graphkit.neo4j.rows`` or ``.output`` is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphkit.lazy import lazy_exports

_EXPORTS = {
    "Settings": "graphkit.neo4j.connection",
    "connect": "graphkit.neo4j.connection",
    "neo4j_errors": "graphkit.neo4j.connection",
    "resolve_settings": "graphkit.neo4j.connection",
    "DEFAULT_BATCH_SIZE": "graphkit.neo4j.loader",
    "Counts": "graphkit.neo4j.loader",
    "LoadReport": "graphkit.neo4j.loader",
    "count_graph": "graphkit.neo4j.loader",
    "fetch_graph": "graphkit.neo4j.loader",
    "load_graph": "graphkit.neo4j.loader",
    "QueryResult": "graphkit.neo4j.queries",
    "list_queries": "graphkit.neo4j.queries",
    "load_query": "graphkit.neo4j.queries",
    "run_query": "graphkit.neo4j.queries",
    "run_script": "graphkit.neo4j.script",
    "split_statements": "graphkit.neo4j.script",
}

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Counts",
    "LoadReport",
    "QueryResult",
    "Settings",
    "connect",
    "count_graph",
    "fetch_graph",
    "list_queries",
    "load_graph",
    "load_query",
    "neo4j_errors",
    "resolve_settings",
    "run_query",
    "run_script",
    "split_statements",
]

if TYPE_CHECKING:
    from graphkit.neo4j.connection import Settings, connect, neo4j_errors, resolve_settings
    from graphkit.neo4j.loader import (
        DEFAULT_BATCH_SIZE,
        Counts,
        LoadReport,
        count_graph,
        fetch_graph,
        load_graph,
    )
    from graphkit.neo4j.queries import QueryResult, list_queries, load_query, run_query
    from graphkit.neo4j.script import run_script, split_statements


__getattr__, __dir__ = lazy_exports("graphkit.neo4j", _EXPORTS, globals())
