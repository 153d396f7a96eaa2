"""The visual grammar shared by the HTML map and the static figure.

Colours are the Okabe-Ito palette (readable with the common colour-vision deficiencies);
shape (nodes) and dash pattern (edges) repeat the colour's meaning for the same reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from graphkit.models import ActorKind, Graph, RelationType

__all__ = [
    "KIND_STYLES",
    "RELATION_STYLES",
    "KindStyle",
    "RelationStyle",
    "edge_width",
    "node_size",
    "weighted_degrees",
]


@dataclass(frozen=True)
class KindStyle:
    label: str
    color: str
    vis_shape: str  # vis-network node shape
    marker: str  # matplotlib marker


@dataclass(frozen=True)
class RelationStyle:
    label: str
    color: str
    dashes: tuple[int, ...]  # vis-network / SVG dash pattern; () = solid
    linestyle: Literal["solid", "dashed", "dotted", "dashdot"]  # matplotlib


KIND_STYLES: dict[ActorKind, KindStyle] = {
    ActorKind.STATE: KindStyle("State", "#0072B2", "hexagon", "h"),
    ActorKind.PERSON: KindStyle("Person", "#E69F00", "dot", "o"),
    ActorKind.COMPANY: KindStyle("Company", "#009E73", "square", "s"),
    ActorKind.BODY: KindStyle("Body", "#CC79A7", "triangle", "^"),
    ActorKind.GROUP: KindStyle("Group", "#56B4E9", "star", "*"),
}

RELATION_STYLES: dict[RelationType, RelationStyle] = {
    RelationType.SUPPORTS: RelationStyle("supports", "#1B9E3A", (), "solid"),
    RelationType.CONDEMNS: RelationStyle("condemns", "#D55E00", (10, 3, 2, 3), "dashdot"),
    RelationType.LOBBIES: RelationStyle("lobbies", "#7B4FB8", (8, 5), "dashed"),
    RelationType.DETAINS: RelationStyle("detains", "#444444", (2, 4), "dotted"),
}


def weighted_degrees(graph: Graph) -> dict[str, int]:
    """Per actor, the evidence count of every relation it takes part in."""
    degree = {a.id: 0 for a in graph.actors}
    for rel in graph.relations:
        degree[rel.source] += rel.count
        degree[rel.target] += rel.count
    return degree


def node_size(weighted_degree: int) -> float:
    # Square root so that area, not radius, grows with the evidence; capped so that one
    # heavily reported actor does not cover its neighbours.
    return round(min(12.0 + 5.0 * math.sqrt(weighted_degree), 60.0), 2)


def edge_width(count: int) -> float:
    return round(min(1.0 + 1.5 * math.log2(max(count, 1)), 9.0), 2)
