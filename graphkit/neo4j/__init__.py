"""Neo4j: connection settings, the idempotent bulk loader, Cypher scripts and the query pack.

All Cypher lives in cypher/*.cypher (package data ``graphkit/cypher``); see docs/neo4j.md.
"""

from __future__ import annotations

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
