"""Label-aware layout of the network figure: Graphviz ``neato`` with PRISM overlap removal.

Every actor is laid out as one box that holds its marker and its label underneath, sized
from the label's real text extent. Graphviz's stress-majorisation layout places the boxes
and its PRISM pass (``overlap=prism``) moves them apart until no two boxes overlap, so no
label can cover another label or another actor's marker. Coordinates are in points
(1/72 inch): the figure draws them at that scale, so the boxes keep their measured size.

Graphviz is run as a program (``neato -Tplain``), so no compiled binding is needed; Debian
and Ubuntu ship it as the ``graphviz`` package. With a fixed ``start`` seed its output is
the same on every run.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass

from graphkit.errors import GraphkitError
from graphkit.models import Graph

__all__ = [
    "FONT_SIZE",
    "Box",
    "NodeBox",
    "count_overlaps",
    "graphviz_layout",
    "marker_diameter",
    "node_boxes",
]

FONT_SIZE = 8.0  # label size in points
LABEL_PAD = 1.5  # white box around a label, in points
GAP = 2.0  # between marker and label
SEP = 5  # Graphviz keeps at least this many points between two boxes
EDGE_LENGTH = 0.7  # preferred edge length in inches, before overlap removal
PAGE = (6.5 * 72, 8.5 * 72)  # a report page's text area, in points
PART_GAP = 24.0  # points between two separate parts of the graph
SEED = 7
PROGRAM = "neato"


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: lower-left corner and size, in points."""

    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            self.x + self.width - tolerance > other.x
            and other.x + other.width - tolerance > self.x
            and self.y + self.height - tolerance > other.y
            and other.y + other.height - tolerance > self.y
        )


@dataclass(frozen=True)
class NodeBox:
    """One actor's footprint: marker diameter and label size, all in points."""

    id: str
    label: str
    marker: float
    label_width: float
    label_height: float

    @property
    def width(self) -> float:
        return max(self.marker, self.label_width) + 2.0

    @property
    def height(self) -> float:
        return self.marker + GAP + self.label_height + 2.0


def marker_diameter(weighted_degree: int) -> float:
    """Marker diameter in points: its area grows with the evidence, capped for the hubs."""
    return round(min(7.0 + 2.4 * math.sqrt(weighted_degree), 30.0), 2)


def node_boxes(graph: Graph, weights: dict[str, int]) -> list[NodeBox]:
    """Every actor's box, with its label measured by matplotlib's own text layout."""
    from graphkit.maps.render import display_name, text_size

    boxes = []
    for actor in graph.actors:
        label = display_name(actor.name)
        width, height = text_size(label, FONT_SIZE)
        boxes.append(
            NodeBox(
                id=actor.id,
                label=label,
                marker=marker_diameter(weights[actor.id]),
                label_width=round(width + 2 * LABEL_PAD + 1.0, 2),
                label_height=round(height + 2 * LABEL_PAD + 1.0, 2),
            )
        )
    return boxes


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot(boxes: list[NodeBox], pairs: Iterable[tuple[str, str]]) -> str:
    lines = [
        "graph G {",
        f'graph [overlap=prism, overlap_scaling=0, sep="+{SEP}", splines=false, start={SEED}, mode=major, '
        "outputorder=nodesfirst];",
        f'node [shape=box, fixedsize=true, label=""]; edge [len={EDGE_LENGTH}];',
    ]
    # Nodes are named by their index: actor ids need no escaping rules of Graphviz's.
    for index, box in enumerate(boxes):
        lines.append(f"n{index} [width={box.width / 72:.4f}, height={box.height / 72:.4f}];")
    index_of = {box.id: i for i, box in enumerate(boxes)}
    for a, b in sorted(set(pairs)):
        lines.append(f"n{index_of[a]} -- n{index_of[b]};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _components(boxes: list[NodeBox], pairs: set[tuple[str, str]]) -> list[list[NodeBox]]:
    """Connected components, biggest first (then in the actors' order)."""
    parent = {box.id: box.id for box in boxes}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in sorted(pairs):
        parent[root(a)] = root(b)
    groups: dict[str, list[NodeBox]] = {}
    for box in boxes:
        groups.setdefault(root(box.id), []).append(box)
    return sorted(groups.values(), key=lambda g: -len(g))


def _neato(
    program: str, boxes: list[NodeBox], pairs: set[tuple[str, str]]
) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    """One component laid out by Graphviz: box centres and the drawing's size, in points."""
    if len(boxes) == 1:
        return {boxes[0].id: (boxes[0].width / 2, boxes[0].height / 2)}, (
            boxes[0].width,
            boxes[0].height,
        )
    try:
        done = subprocess.run(
            [program, "-Tplain"],
            input=_dot(boxes, pairs),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GraphkitError(f"{program}: could not lay out the figure ({err})") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise GraphkitError(f"{program}: layout failed ({first})")
    centres: dict[str, tuple[float, float]] = {}
    size = (72.0, 72.0)
    for line in done.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["graph"]:
            size = (float(fields[2]) * 72, float(fields[3]) * 72)
        elif fields[:1] == ["node"]:
            box = boxes[int(fields[1][1:])]
            centres[box.id] = (float(fields[2]) * 72, float(fields[3]) * 72)
    return centres, size


def _stack(
    parts: list[tuple[dict[str, tuple[float, float]], tuple[float, float]]], column_height: float
) -> tuple[list[tuple[float, float]], float, float]:
    """Each part's offset (left, from the top) in columns, and the total width and height.

    A part narrower than its column is centred in it.
    """
    columns: list[list[int]] = [[]]
    y = height = 0.0
    for index, (_, (_, h)) in enumerate(parts):
        if index and y + h > column_height + 0.5:
            columns.append([])
            y = 0.0
        columns[-1].append(index)
        height = max(height, y + h)
        y += h + PART_GAP
    placed: list[tuple[float, float]] = [(0.0, 0.0)] * len(parts)
    x = 0.0
    for members in columns:
        column_width = max(parts[i][1][0] for i in members)
        y = 0.0
        for i in members:
            w, h = parts[i][1]
            placed[i] = (x + (column_width - w) / 2, y)
            y += h + PART_GAP
        x += column_width + PART_GAP
    return placed, x - PART_GAP, height


def _rows(
    parts: list[tuple[dict[str, tuple[float, float]], tuple[float, float]]],
) -> tuple[list[tuple[float, float]], float, float]:
    """The biggest part on top and the others in centred rows under it, no wider than it."""
    width = max(parts[0][1][0], max(w for _, (w, _) in parts[1:]))
    rows: list[list[int]] = [[0], []]
    used = 0.0
    for index in range(1, len(parts)):
        w = parts[index][1][0]
        if rows[-1] and used + w > width + 0.5:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += w + PART_GAP
    placed: list[tuple[float, float]] = [(0.0, 0.0)] * len(parts)
    y = 0.0
    for members in rows:
        row_width = sum(parts[i][1][0] for i in members) + PART_GAP * (len(members) - 1)
        x = (width - row_width) / 2
        for i in members:
            placed[i] = (x, y)
            x += parts[i][1][0] + PART_GAP
        y += max(parts[i][1][1] for i in members) + PART_GAP
    return placed, width, y - PART_GAP


def graphviz_layout(
    boxes: list[NodeBox], pairs: Iterable[tuple[str, str]]
) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    """Box centres in points (origin lower left) and the drawing's width and height.

    ``pairs`` are the actor pairs joined by at least one relation. Each connected part is
    laid out on its own (Graphviz's own packing leaves big empty corners); the parts go in
    columns of some height, or in rows under the biggest, whichever needs the least
    shrinking to fit a report page's text area (PAGE).
    """
    program = shutil.which(PROGRAM)
    if program is None:
        raise GraphkitError(
            f"figures need Graphviz's {PROGRAM} program on PATH "
            "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
        )
    if not boxes:
        return {}, (72.0, 72.0)
    undirected = {(min(a, b), max(a, b)) for a, b in pairs if a != b}
    parts = []
    for part in _components(boxes, undirected):
        ids = {box.id for box in part}
        inside = {p for p in undirected if p[0] in ids}
        parts.append(_neato(program, part, inside))
    # Columns as high as the report page wants them: of the arrangements tried, the one
    # that needs the least shrinking to fit a page's text area.
    arrangements = [_rows(parts)] if len(parts) > 1 else []
    column_height = max(h for _, (_, h) in parts)
    for _ in range(1 if len(parts) == 1 else 40):
        arrangements.append(_stack(parts, column_height))
        column_height *= 1.1
    best: tuple[float, float, list[tuple[float, float]], float, float] | None = None
    for placed, width, height in arrangements:
        fit = round(min(PAGE[0] / width, PAGE[1] / height), 4)
        # The best fit; between equal fits, the smaller drawing.
        if best is None or (fit, -width * height) > (best[0], best[1]):
            best = (fit, -width * height, placed, width, height)
    assert best is not None
    _, _, placed, width, height = best
    centres: dict[str, tuple[float, float]] = {}
    for (part_centres, (_, part_h)), (x0, y0) in zip(parts, placed, strict=True):
        for node, (cx, cy) in part_centres.items():
            # Columns fill from the top down; y points up, as in Graphviz and matplotlib.
            centres[node] = (round(x0 + cx, 3), round(height - y0 - part_h + cy, 3))
    return centres, (round(width, 3), round(height, 3))


def count_overlaps(boxes: list[Box]) -> int:
    """How many pairs of boxes overlap (sweep over x, so big figures stay cheap)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x)
    count = 0
    for position, i in enumerate(order):
        right = boxes[i].x + boxes[i].width
        for j in order[position + 1 :]:
            if boxes[j].x >= right:
                break
            count += boxes[i].overlaps(boxes[j])
    return count
