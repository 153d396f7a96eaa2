"""The stance chart: who supports a target and who condemns it, as one picture.

The target sits in the middle; its supporters are on the left and its condemners on the
right, and under them those who lobby it (left) and those who detain it (right). On each
side the actors are grouped by kind (states, bodies, people, companies, groups), each with
a bar whose length is its number of evidence sentences, and that number at the bar's end.
Colour repeats the map's, and each relation also has its own fill pattern (solid, hatched,
dotted, crossed), so the chart reads in grayscale.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError
from graphkit.maps.render import (
    INK,
    caption_text,
    display_name,
    figure_format,
    matplotlib_context,
    save_figure,
    text_size,
    wrap,
    write_bytes,
)
from graphkit.maps.select import find_actor
from graphkit.maps.style import KIND_STYLES, RELATION_STYLES
from graphkit.models import Actor, ActorKind, Graph, RelationType

__all__ = ["StanceRow", "render_stance", "stance_rows", "write_stance"]

KIND_ORDER = [ActorKind.STATE, ActorKind.BODY, ActorKind.PERSON, ActorKind.COMPANY, ActorKind.GROUP]
KIND_PLURAL = {
    ActorKind.STATE: "States",
    ActorKind.BODY: "Bodies",
    ActorKind.PERSON: "People",
    ActorKind.COMPANY: "Companies",
    ActorKind.GROUP: "Groups",
}
HATCH = {
    RelationType.SUPPORTS: "",
    RelationType.CONDEMNS: "//////",
    RelationType.LOBBIES: "....",
    RelationType.DETAINS: "xxxx",
}
SIDES = (
    (RelationType.SUPPORTS, RelationType.LOBBIES),  # left
    (RelationType.CONDEMNS, RelationType.DETAINS),  # right
)
ROW = 15.0  # points per row
BAR = 120.0  # points for the longest bar
FONT = 8.0


@dataclass(frozen=True)
class StanceRow:
    """One actor acting on the target: how, and with how many evidence sentences."""

    actor: Actor
    type: RelationType
    count: int


def stance_rows(graph: Graph, target: Actor) -> dict[RelationType, list[StanceRow]]:
    """Per relation type, the actors acting on ``target``: by kind, most evidence first."""
    actors = {a.id: a for a in graph.actors}
    rows: dict[RelationType, list[StanceRow]] = defaultdict(list)
    for rel in graph.relations:
        if rel.target == target.id and rel.source != target.id:
            rows[rel.type].append(StanceRow(actors[rel.source], rel.type, rel.count))
    for found in rows.values():
        found.sort(key=lambda r: (KIND_ORDER.index(r.actor.kind), -r.count,
                                  r.actor.name.casefold(), r.actor.id))  # fmt: skip
    return dict(rows)


def _lines(rows: dict[RelationType, list[StanceRow]], types: tuple[RelationType, ...],
           target: Actor) -> list[tuple[str, Any]]:  # fmt: skip
    """One side of the chart, top-down: section headings, kind headings and actor rows."""
    verbs = {RelationType.SUPPORTS: "support", RelationType.CONDEMNS: "condemn",
             RelationType.LOBBIES: "lobby", RelationType.DETAINS: "detain"}  # fmt: skip
    lines: list[tuple[str, Any]] = []
    for kind in types:
        found = rows.get(kind, [])
        if not found and kind in (RelationType.LOBBIES, RelationType.DETAINS):
            continue
        if lines:
            lines.append(("gap", None))
        total = sum(r.count for r in found)
        who = f"{len(found)} actor{'' if len(found) == 1 else 's'}" if found else "No actor"
        verb = verbs[kind] if len(found) > 1 else RELATION_STYLES[kind].label
        sentences = f"{total} sentence{'' if total == 1 else 's'}"
        heading = f"{who} {verb} {display_name(target.name)}"
        heading += f" ({sentences})" if found else ""
        lines.append(("section", (kind, heading)))
        for group in KIND_ORDER:
            members = [r for r in found if r.actor.kind is group]
            if members:
                lines.append(("kind", group))
                lines.extend(("actor", r) for r in members)
    return lines


def _text_width(text: str, size: float, weight: str = "normal") -> float:
    return text_size(text, size, weight)[0]


def _draw(graph: Graph, target: Actor, title: str | None) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    rows = stance_rows(graph, target)
    if not rows:
        raise GraphkitError(f"no actor supports, condemns, lobbies or detains {target.name!r}")
    sides = [_lines(rows, types, target) for types in SIDES]
    # Bars share one scale, at least 5 sentences long, so thin evidence looks thin.
    longest = max(5, *(r.count for found in rows.values() for r in found))
    names = [display_name(r.actor.name) for found in rows.values() for r in found]
    name_w = max(_text_width(n, FONT) for n in names) + 24
    centre_w = max(_text_width(display_name(target.name), 11, "bold"), 90.0) + 16
    headings = [item[1] for lines in sides for what, item in lines if what == "section"]
    heading_w = max(_text_width(h, 9, "bold") for h in headings) + 30
    # centre to the outer edge of one side
    half = centre_w / 2 + max(name_w + BAR + 24, heading_w)
    height = max(max(len(s) for s in sides) * ROW, 80.0)  # room for the target in the middle
    head = 34.0 if title else 10.0
    incoming = [r for r in graph.relations if r.target == target.id]
    cited = {(e.article, e.part) for r in incoming for e in r.evidence}
    sub = Graph(actors=graph.actors, relations=tuple(incoming),
                articles=tuple(a for a in graph.articles if (a.id, a.part) in cited))  # fmt: skip
    fig_w = 2 * half + 36
    caption = wrap(caption_text(sub) + " Bar length: evidence sentences; the number is their "
                   "count.", fig_w - 36, FONT)  # fmt: skip
    foot = (caption.count("\n") + 1) * FONT * 1.3 + 14
    fig_h = head + height + foot + 8
    fig = Figure(figsize=(fig_w / 72, fig_h / 72), dpi=72)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((18 / fig_w, foot / fig_h, (fig_w - 36) / fig_w, height / fig_h))
    ax.set_xlim(-half, half)
    ax.set_ylim(-height, 0)
    ax.set_axis_off()

    look = KIND_STYLES[target.kind]
    ax.scatter([0], [-height / 2 + 10], s=26**2, marker=look.marker, c=look.color,
               edgecolors=INK, linewidths=1, zorder=3)  # fmt: skip
    ax.text(0, -height / 2 - 8, display_name(target.name), ha="center", va="top", fontsize=11,
            fontweight="bold")  # fmt: skip
    total = sum(r.count for r in incoming)
    ax.text(0, -height / 2 - 24, f"{total} sentences", ha="center", va="top", fontsize=FONT,
            color="#555555")  # fmt: skip
    for side, lines in enumerate(sides):
        sign = -1 if side == 0 else 1
        inner = sign * (centre_w / 2)  # where the names start
        bar0 = sign * (centre_w / 2 + name_w)  # where the bars start
        align = "right" if side == 0 else "left"
        for index, (what, item) in enumerate(lines):
            y = -(index + 0.5) * ROW
            if what == "section":
                kind, label = item
                style = RELATION_STYLES[kind]
                ax.add_patch(Rectangle((min(inner, inner + sign * 14), y - 4.5), 14, 9,
                                       facecolor=style.color if not HATCH[kind] else "white",
                                       edgecolor=style.color, hatch=HATCH[kind], linewidth=1))  # fmt: skip
                ax.text(inner + sign * 19, y, label, ha=align, va="center", fontsize=9,
                        fontweight="bold", color=INK)  # fmt: skip
            elif what == "kind":
                ax.text(inner + sign * 4, y, KIND_PLURAL[item].upper(), ha=align, va="center",
                        fontsize=6.5, color="#666666")  # fmt: skip
            elif what == "actor":
                row: StanceRow = item
                kind_look = KIND_STYLES[row.actor.kind]
                ax.scatter([inner + sign * 8], [y], s=7**2, marker=kind_look.marker,
                           c=kind_look.color, edgecolors=INK, linewidths=0.5, zorder=3)  # fmt: skip
                ax.text(
                    inner + sign * 15,
                    y,
                    display_name(row.actor.name),
                    ha=align,
                    va="center",
                    fontsize=FONT,
                )
                style = RELATION_STYLES[row.type]
                length = BAR * row.count / longest
                ax.add_patch(Rectangle((bar0 if sign > 0 else bar0 - length, y - 4.5), length, 9,
                                       facecolor=style.color if not HATCH[row.type] else "white",
                                       edgecolor=style.color, hatch=HATCH[row.type],
                                       linewidth=0.8))  # fmt: skip
                ax.text(bar0 + sign * (length + 4), y, str(row.count), ha=align, va="center",
                        fontsize=FONT)  # fmt: skip
    if title:
        fig.text(18 / fig_w, 1 - 10 / fig_h, title, ha="left", va="top", fontsize=11,
                 fontweight="bold")  # fmt: skip
    fig.text(18 / fig_w, (foot - 8) / fig_h, caption, ha="left", va="top", fontsize=FONT,
             linespacing=1.3)  # fmt: skip
    return fig


def render_stance(
    graph: Graph, target: str, fmt: str = "svg", *, dpi: int = 200, title: str | None = None
) -> bytes:
    """The stance chart of ``target`` (id, name or alias) as svg, pdf or png bytes."""
    actor = find_actor(graph, target)
    default = f"Who supports and who condemns {display_name(actor.name)}"
    heading = title if title is not None else default
    with matplotlib_context():
        return save_figure(_draw(graph, actor, heading or None), fmt, dpi)


def write_stance(
    graph: Graph, target: str, path: Path | str, *, dpi: int = 200, title: str | None = None
) -> None:
    """Write the stance chart; the suffix of ``path`` (.svg, .pdf, .png) picks the format."""
    path = Path(path)
    write_bytes(path, render_stance(graph, target, figure_format(path), dpi=dpi, title=title))
