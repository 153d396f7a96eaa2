"""A static figure of the graph for reports: SVG or PNG, the same bytes on every run."""

from __future__ import annotations

import importlib.util
import io
import math
import warnings
from collections import Counter
from pathlib import Path

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.maps.style import KIND_STYLES, RELATION_STYLES, edge_width, weighted_degrees
from graphkit.models import Graph

__all__ = ["FIGURE_SUFFIXES", "render_figure", "write_figure"]

FIGURE_SUFFIXES = (".svg", ".png")
LAYOUT_SEED = 7
# Beyond this many actors, only the most connected are labelled so the labels stay legible.
MAX_LABELS = 40


def _layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, the biggest on top, the rest in rows below.

    One spring layout of a disconnected graph pushes small components to the rim and
    squeezes the main one into the middle; packing them keeps every part legible.
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(a.id for a in graph.actors)
    undirected.add_edges_from((rel.source, rel.target) for rel in graph.relations)
    parts = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
    pos: dict[str, tuple[float, float]] = {}
    gap, width = 0.3, 0.0
    x = y = row = 0.0
    for index, part in enumerate(parts):
        radius = max(0.5 * math.sqrt(len(part)), 0.25) if len(part) > 1 else 0.0
        size = 2 * radius + 0.5
        if index == 0:
            width, centre = max(size, 3.0), (0.0, 0.0)
            x, y = -width / 2, -size / 2 - gap
        else:
            if x + size > width / 2 and x > -width / 2:
                x, y, row = -width / 2, y - row - gap, 0.0
            centre = (x + size / 2, y - size / 2)
            x, row = x + size + gap, max(row, size)
        sub = undirected.subgraph(sorted(part))
        if len(part) == 1:
            placed = {next(iter(part)): centre}
        elif len(part) >= 500 and not _has_scipy():
            # networkx's spring layout needs SciPy from 500 nodes on; a figure that big is
            # an overview at best, and a circle is deterministic and cheap.
            placed = nx.circular_layout(sub, scale=radius, center=centre)
        else:
            k = 1.8 / math.sqrt(len(part))
            placed = nx.spring_layout(
                sub, k=k, seed=LAYOUT_SEED, iterations=200, scale=radius, center=centre
            )
        pos.update({n: (round(float(p[0]), 6), round(float(p[1]), 6)) for n, p in placed.items()})
    return pos


def _has_scipy() -> bool:
    return importlib.util.find_spec("scipy") is not None


def _drawn(graph: Graph) -> tuple[Graph, int]:
    """The graph without actors in no relation (unless nothing is related), and how many left."""
    linked = {end for rel in graph.relations for end in (rel.source, rel.target)}
    if not linked:
        return graph, 0
    kept = tuple(a for a in graph.actors if a.id in linked)
    return Graph(actors=kept, relations=graph.relations), len(graph.actors) - len(kept)


def render_figure(graph: Graph, fmt: str) -> bytes:
    """The figure as ``svg`` or ``png`` bytes."""
    try:
        from matplotlib import rc_context
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError:
        raise GraphkitError("figures need matplotlib: pip install 'graphkit[figures]'") from None

    graph, left_out = _drawn(graph)
    pos = _layout(graph)
    weights = weighted_degrees(graph)
    side = min(7.0 + 0.25 * math.sqrt(len(graph.actors)) * 4, 20.0)
    # A private Figure (not pyplot) leaves the caller's matplotlib state alone; the fixed
    # hashsalt makes SVG ids, and so the SVG bytes, repeat between runs.
    with rc_context({"svg.hashsalt": "graphkit", "svg.fonttype": "path", "font.size": 9}):
        fig = Figure(figsize=(side, side * 0.8), dpi=120)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_axis_off()
        everyone = nx.Graph()
        everyone.add_nodes_from(pos)
        nth: Counter[tuple[str, str]] = Counter()
        for rel in graph.relations:
            style = RELATION_STYLES[rel.type]
            pair = (min(rel.source, rel.target), max(rel.source, rel.target))
            rad = 0.08 + 0.14 * nth[pair]
            nth[pair] += 1
            nx.draw_networkx_edges(
                nx.DiGraph([(rel.source, rel.target)]),
                pos,
                ax=ax,
                edge_color=style.color,
                style=style.linestyle,
                width=edge_width(rel.count) * 0.8,
                arrows=True,
                arrowsize=12,
                arrowstyle="-|>",
                connectionstyle=f"arc3,rad={rad:.2f}",
                node_size=[_marker_area(weights[rel.source]), _marker_area(weights[rel.target])],
                nodelist=[rel.source, rel.target],
                alpha=0.85,
            )
        for kind, shape in KIND_STYLES.items():
            members = [a.id for a in graph.actors if a.kind is kind]
            if members:
                nx.draw_networkx_nodes(
                    everyone, pos, ax=ax, nodelist=members, node_shape=shape.marker,
                    node_color=shape.color, edgecolors="#1d232b", linewidths=0.8,
                    node_size=[_marker_area(weights[m]) for m in members],
                )  # fmt: skip
        ranked = sorted(graph.actors, key=lambda a: (-weights[a.id], a.name.casefold(), a.id))
        for actor in ranked[:MAX_LABELS]:
            x, y = pos[actor.id]
            ax.annotate(
                actor.name, (x, y), xytext=(0, -9 - math.sqrt(_marker_area(weights[actor.id])) / 2),
                textcoords="offset points", ha="center", va="top", fontsize=8, color="#1d232b",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
            )  # fmt: skip
        kinds = sorted({a.kind for a in graph.actors}, key=list(KIND_STYLES).index)
        types = sorted({r.type for r in graph.relations}, key=list(RELATION_STYLES).index)
        handles = [
            Line2D([], [], marker=KIND_STYLES[k].marker, linestyle="none", markersize=9,
                   markerfacecolor=KIND_STYLES[k].color, markeredgecolor="#1d232b",
                   label=KIND_STYLES[k].label)
            for k in kinds
        ] + [
            Line2D([], [], color=RELATION_STYLES[t].color, linestyle=RELATION_STYLES[t].linestyle,
                   linewidth=2, label=RELATION_STYLES[t].label)
            for t in types
        ]  # fmt: skip
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        note = f"; {left_out} actors without relations not drawn" if left_out else ""
        ax.set_title(
            f"{len(graph.actors)} actors, {len(graph.relations)} relations{note}\n"
            "node size and line width: pieces of evidence",
            fontsize=10,
        )
        ax.margins(0.08)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        with warnings.catch_warnings():
            # A name in a script the font lacks draws as boxes; that must not stop a report.
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            fig.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def _marker_area(weighted_degree: int) -> float:
    return 120.0 + 90.0 * math.sqrt(weighted_degree)


def write_figure(graph: Graph, path: Path | str) -> None:
    """Write the figure to ``path``; its suffix (.svg or .png) chooses the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FIGURE_SUFFIXES:
        raise GraphkitError(f"{path}: cannot tell the figure format; use a .svg or .png file name")
    data = render_figure(graph, suffix[1:])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
