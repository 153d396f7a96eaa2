"""GraphML for Gephi and networkx users: ``to_graphml`` / ``from_graphml``.

GraphML attributes are scalars, so list-valued fields (aliases, articles, evidence) are
stored as JSON strings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.graph import from_networkx, to_networkx
from graphkit.models import Graph
from graphkit.sinks.files import write_atomic

__all__ = ["from_graphml", "to_graphml", "write_graphml"]

_JSON_FIELDS = ("aliases", "articles", "evidence")


def _flatten(attrs: dict[str, Any]) -> dict[str, Any]:
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if k in _JSON_FIELDS else v
        for k, v in attrs.items()
    }


def _unflatten(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k in _JSON_FIELDS else v for k, v in attrs.items()}


def to_graphml(graph: Graph) -> str:
    multigraph = to_networkx(graph)
    flat = nx.MultiDiGraph()
    for node, attrs in multigraph.nodes(data=True):
        flat.add_node(node, **_flatten(attrs))
    for s, t, key, attrs in multigraph.edges(keys=True, data=True):
        flat.add_edge(s, t, key=key, **_flatten(attrs))
    return "\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n"


def from_graphml(text: str) -> Graph:
    flat = nx.parse_graphml(text, force_multigraph=True)
    multigraph = nx.MultiDiGraph()
    for node, attrs in flat.nodes(data=True):
        multigraph.add_node(
            node, **{k: json.loads(v) if k in _JSON_FIELDS else v for k, v in attrs.items()}
        )
    for s, t, key, attrs in flat.edges(keys=True, data=True):
        multigraph.add_edge(
            s,
            t,
            key=key,
            **{k: json.loads(v) if k in _JSON_FIELDS else v for k, v in attrs.items()},
        )
    return from_networkx(multigraph)


def write_graphml(graph: Graph, path: Path | str) -> None:
    write_atomic(Path(path), to_graphml(graph))
