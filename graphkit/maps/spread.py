"""Starting positions for the interactive map: each hub's neighbours sorted by stance.

vis-network's physics settles a layout from where the nodes start. Started at random, a
hub's many neighbours end up in one ring in no particular order. Here the skeleton comes
from a seeded spring layout, and around every hub the actors that deal only with it are
put on a ring wide enough for their labels, in stance order: supporters on the left,
condemners on the right, lobbyists above and detainers below (then by kind and name). The
physics then only polishes, so the sides mostly survive and the same graph always starts
the same way.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx

from graphkit.models import Graph, RelationType

__all__ = ["HUB_DEGREE", "start_positions"]

HUB_DEGREE = 6  # neighbours from which an actor's leaves are arranged around it
SEED = 7
# Around a hub, in angle order from the left (y points down on a canvas).
ORDER = (RelationType.SUPPORTS, RelationType.LOBBIES, RelationType.CONDEMNS, RelationType.DETAINS)


def _side(counts: Counter[RelationType]) -> int:
    """The arc of a leaf: its relation type with the most evidence (ties: ORDER)."""
    return max(range(len(ORDER)), key=lambda index: (counts[ORDER[index]], -index))


def start_positions(
    graph: Graph, shown: set[str], scale: float = 1.0
) -> dict[str, tuple[int, int]]:
    """Canvas positions for the actors in ``shown`` (the ones in a relation)."""
    if not shown:
        return {}
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(shown))
    stance: dict[tuple[str, str], Counter[RelationType]] = defaultdict(Counter)
    for rel in graph.relations:
        undirected.add_edge(rel.source, rel.target)
        stance[(rel.source, rel.target)][rel.type] += rel.count
        stance[(rel.target, rel.source)][rel.type] += rel.count
    nodes = len(undirected)
    placed = nx.spring_layout(undirected, seed=SEED, k=1.5 / math.sqrt(nodes), iterations=80)
    size = 120.0 * math.sqrt(nodes)
    pos = {n: (float(p[0]) * size, float(p[1]) * size) for n, p in placed.items()}
    hubs = sorted(
        (n for n in undirected if undirected.degree(n) >= HUB_DEGREE),
        key=lambda n: (-undirected.degree(n), n),
    )
    done: set[str] = set()
    for hub in hubs:
        leaves = [n for n in sorted(undirected[hub]) if undirected.degree(n) == 1 and n not in done]
        if not leaves:
            continue
        sides = {leaf: _side(stance[(leaf, hub)]) for leaf in leaves}
        leaves.sort(key=lambda leaf: (sides[leaf], leaf))
        radius = max(140.0, 9.0 * undirected.degree(hub))
        step = 2 * math.pi / len(leaves)
        first = sum(1 for leaf in leaves if sides[leaf] == 0)
        # Supporters centred on the left, then clockwise on screen: lobbyists above,
        # condemners on the right, detainers below.
        start = math.pi - step * first / 2
        hx, hy = pos[hub]
        for i, leaf in enumerate(leaves):
            angle = start + step * (i + 0.5)
            pos[leaf] = (hx + radius * math.cos(angle), hy + radius * math.sin(angle))
        done.update(leaves)
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}
