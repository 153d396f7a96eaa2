"""The network figure for reports: SVG, PDF or PNG, every actor labelled, no label overlaps.

The layout comes from ``graphkit.maps.layout`` (Graphviz neato with overlap removal on
boxes that hold each actor's marker and label). The figure is then drawn at one data unit
per point, so what Graphviz kept apart stays apart on the page; its size follows the
drawing, so the drawing fills the canvas. Under it: a legend (colour *and* shape for
actors, colour *and* dash pattern for relations, so it reads in grayscale too) and a
caption with the corpus and the relation counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.maps.layout import (
    FONT_SIZE,
    GAP,
    LABEL_PAD,
    Box,
    NodeBox,
    graphviz_layout,
    node_boxes,
)
from graphkit.maps.render import (
    INK,
    caption_text,
    figure_format,
    matplotlib_context,
    save_figure,
    wrap,
    write_bytes,
)
from graphkit.maps.routing import choose_bend
from graphkit.maps.style import KIND_STYLES, RELATION_STYLES, edge_width, weighted_degrees
from graphkit.models import Graph

__all__ = ["MAX_ACTORS", "DrawnFigure", "draw_network", "render_figure", "write_figure"]

# Beyond this many actors only the most-evidenced are drawn (the caption says so): a report
# figure cannot show thousands of readable names; --focus or --min-evidence cut it down.
MAX_ACTORS = 300
MARGIN = 18.0  # points around the drawing
MIN_WIDTH = 6.5 * 72  # a report's text width: the legend and caption need it


@dataclass
class DrawnFigure:
    """A drawn network figure, and where its labels and markers ended up (display units)."""

    figure: Any
    labels: dict[str, Box]
    markers: dict[str, Box]


def _drawn(graph: Graph) -> tuple[Graph, str]:
    """The actors to draw (related ones, at most MAX_ACTORS) and a note on what was left out."""
    weights = weighted_degrees(graph)
    linked = {end for rel in graph.relations for end in (rel.source, rel.target)}
    kept = [a for a in graph.actors if a.id in linked] if linked else list(graph.actors)
    notes = []
    if len(kept) < len(graph.actors):
        left_out = len(graph.actors) - len(kept)
        notes.append(f"{left_out} actor{'' if left_out == 1 else 's'} without relations not drawn")
    if len(kept) > MAX_ACTORS:
        ranked = sorted(kept, key=lambda a: (-weights[a.id], a.name.casefold(), a.id))
        keep = {a.id for a in ranked[:MAX_ACTORS]}
        notes.append(f"only the {MAX_ACTORS} most-evidenced of {len(kept)} related actors drawn")
        kept = [a for a in kept if a.id in keep]
    ids = {a.id for a in kept}
    relations = tuple(r for r in graph.relations if r.source in ids and r.target in ids)
    drawn = Graph(actors=tuple(kept), relations=relations, articles=graph.articles)
    return drawn, "; ".join(notes)


def _legend(fig: Any, graph: Graph, y: float) -> None:
    from matplotlib.lines import Line2D

    kinds = [k for k in KIND_STYLES if any(a.kind is k for a in graph.actors)]
    types = [t for t in RELATION_STYLES if any(r.type is t for r in graph.relations)]
    rows = [
        [
            Line2D([], [], marker=KIND_STYLES[k].marker, linestyle="none", markersize=8,
                   markerfacecolor=KIND_STYLES[k].color, markeredgecolor=INK,
                   markeredgewidth=0.6, label=KIND_STYLES[k].label)
            for k in kinds
        ],
        [
            Line2D([], [], color=RELATION_STYLES[t].color, linestyle=RELATION_STYLES[t].linestyle,
                   linewidth=1.8, label=RELATION_STYLES[t].label)
            for t in types
        ],
    ]  # fmt: skip
    step = 16 / (fig.get_figheight() * 72)
    for index, handles in enumerate(h for h in rows if h):
        fig.legend(
            handles=handles, loc="upper center", bbox_to_anchor=(0.5, y - index * step),
            ncol=len(handles), frameon=False, fontsize=FONT_SIZE, handlelength=2.6,
            columnspacing=1.6, borderaxespad=0.0, borderpad=0.2,
        )  # fmt: skip


def _obstacles(
    boxes: dict[str, NodeBox], order: list[str], centre: Callable[[NodeBox], tuple[float, float]]
) -> tuple[np.ndarray, np.ndarray]:
    """Every marker as a circle (x, y, r) and every label as a rectangle, in points."""
    circles, rects = [], []
    for actor_id in order:
        box = boxes[actor_id]
        x, y = centre(box)
        circles.append((x, y, box.marker / 2 + 1.5))
        top = y - box.marker / 2 - GAP
        half = box.label_width / 2
        rects.append((x - half, top - box.label_height, x + half, top))
    return np.array(circles).reshape(-1, 3), np.array(rects).reshape(-1, 4)


def draw_network(graph: Graph, *, title: str | None = None) -> DrawnFigure:
    """Lay out and draw ``graph``; call inside ``matplotlib_context()``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

    graph, note = _drawn(graph)
    weights = weighted_degrees(graph)
    boxes = {box.id: box for box in node_boxes(graph, weights)}
    pairs = [(r.source, r.target) for r in graph.relations]
    centres, (width, height) = graphviz_layout(list(boxes.values()), pairs)

    caption = caption_text(graph) + (f" Not shown: {note}." if note else "")
    caption += " Marker size and line width grow with the evidence."
    fig_w = max(width + 2 * MARGIN, MIN_WIDTH)
    caption = wrap(caption, fig_w - 2 * MARGIN, FONT_SIZE)
    title_h = 24.0 if title else 8.0
    legend_h = 40.0
    caption_h = (caption.count("\n") + 1) * FONT_SIZE * 1.3 + 8
    fig_h = title_h + height + legend_h + caption_h + MARGIN
    fig = Figure(figsize=(fig_w / 72, fig_h / 72), dpi=72)
    canvas = FigureCanvasAgg(fig)
    left = (fig_w - width) / 2
    bottom = legend_h + caption_h + MARGIN / 2
    ax = fig.add_axes((left / fig_w, bottom / fig_h, width / fig_w, height / fig_h))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()

    def marker_centre(box: NodeBox) -> tuple[float, float]:
        x, y = centres[box.id]
        return x, y + box.height / 2 - 1.0 - box.marker / 2

    per_pair = Counter((min(r.source, r.target), max(r.source, r.target)) for r in graph.relations)
    order = [a.id for a in graph.actors]
    circles, rects = _obstacles(boxes, order, marker_centre)
    index = {actor_id: i for i, actor_id in enumerate(order)}
    nth: Counter[tuple[str, str]] = Counter()
    for rel in graph.relations:
        style = RELATION_STYLES[rel.type]
        pair = (min(rel.source, rel.target), max(rel.source, rel.target))
        k = nth[pair]
        nth[pair] += 1
        # Parallel relations fan out: the first straight (or all bent when there are two).
        offset = k - (per_pair[pair] - 1) / 2
        rad = 0.22 * offset * (1 if rel.source == pair[0] else -1)
        a, b = boxes[rel.source], boxes[rel.target]
        if per_pair[pair] == 1:  # a lone relation bends around what it would cross
            ends = [index[rel.source], index[rel.target]]
            others = np.ones(len(order), dtype=bool)
            others[ends] = False
            rad = choose_bend(marker_centre(a), marker_centre(b), circles[others], rects)
        ax.add_patch(
            FancyArrowPatch(
                marker_centre(a), marker_centre(b), arrowstyle="-|>",
                mutation_scale=7 + edge_width(rel.count), shrinkA=a.marker / 2 + 1,
                shrinkB=b.marker / 2 + 1.5, connectionstyle=f"arc3,rad={rad:.3f}",
                color=style.color, linestyle=style.linestyle, alpha=0.9,
                linewidth=0.5 + 0.45 * edge_width(rel.count), zorder=1,
            )
        )  # fmt: skip
    texts = {}
    for kind, look in KIND_STYLES.items():
        members = [boxes[a.id] for a in graph.actors if a.kind is kind]
        if not members:
            continue
        points = [marker_centre(m) for m in members]
        ax.scatter(
            [p[0] for p in points], [p[1] for p in points], s=[m.marker**2 for m in members],
            marker=look.marker, c=look.color, edgecolors=INK, linewidths=0.7, zorder=3,
        )  # fmt: skip
    for actor in graph.actors:
        box = boxes[actor.id]
        x, y = marker_centre(box)
        texts[actor.id] = ax.text(
            x, y - box.marker / 2 - GAP - LABEL_PAD - 0.5, box.label, ha="center", va="top",
            fontsize=FONT_SIZE, color=INK, zorder=4,
            bbox={"boxstyle": f"square,pad={LABEL_PAD / FONT_SIZE:.4f}", "fc": "white",
                  "ec": "none", "alpha": 1.0},
        )  # fmt: skip
    if title:
        fig.text(MARGIN / fig_w, 1 - 8 / fig_h, title, ha="left", va="top", fontsize=11,
                 fontweight="bold")  # fmt: skip
    _legend(fig, graph, (legend_h + caption_h) / fig_h)
    fig.text(MARGIN / fig_w, (caption_h - 4) / fig_h, caption, ha="left", va="top",
             fontsize=FONT_SIZE, linespacing=1.3)  # fmt: skip

    canvas.draw()  # type: ignore[no-untyped-call]  # places the label boxes
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    labels, markers = {}, {}
    for actor in graph.actors:
        patch = texts[actor.id].get_bbox_patch()
        assert patch is not None
        extent = patch.get_window_extent(renderer)
        labels[actor.id] = Box(extent.x0, extent.y0, extent.width, extent.height)
        box = boxes[actor.id]
        cx, cy = ax.transData.transform(marker_centre(box))
        half = box.marker / 2 * fig.dpi / 72
        markers[actor.id] = Box(cx - half, cy - half, 2 * half, 2 * half)
    return DrawnFigure(fig, labels, markers)


def render_figure(
    graph: Graph, fmt: str = "svg", *, dpi: int = 200, title: str | None = None
) -> bytes:
    """The network figure as ``svg``, ``pdf`` or ``png`` bytes (``dpi`` for PNG)."""
    with matplotlib_context():
        drawn = draw_network(graph, title=title)
        return save_figure(drawn.figure, fmt, dpi)


def write_figure(
    graph: Graph, path: Path | str, *, dpi: int = 200, title: str | None = None
) -> None:
    """Write the network figure; the suffix of ``path`` (.svg, .pdf, .png) picks the format."""
    path = Path(path)
    write_bytes(path, render_figure(graph, figure_format(path), dpi=dpi, title=title))
