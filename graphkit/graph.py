"""Graph stage helpers: the Graph model as a networkx MultiDiGraph and back."""

from __future__ import annotations

import networkx as nx

from graphkit.sinks.node_link import from_data, to_data

__all__ = ["from_networkx", "to_networkx"]

from graphkit.models import Graph


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by relation type; node and edge attributes as in graph.json."""
    data = to_data(graph)
    result = nx.MultiDiGraph(**data["graph"])
    for node in data["nodes"]:
        result.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for link in data["links"]:
        attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key")}
        result.add_edge(link["source"], link["target"], key=link["key"], **attrs)
    return result


def from_networkx(multigraph: nx.MultiDiGraph) -> Graph:
    """Inverse of :func:`to_networkx`."""
    nodes = [{"id": n, **attrs} for n, attrs in multigraph.nodes(data=True)]
    links = [
        {"source": s, "target": t, "key": k, **attrs}
        for s, t, k, attrs in multigraph.edges(keys=True, data=True)
    ]
    return from_data(
        {"graph": dict(multigraph.graph), "nodes": nodes, "links": links}, "networkx graph"
    )
