"""What the network figure and the stance chart share: formats, the corpus caption, saving.

Both figures are drawn on a private matplotlib ``Figure`` (never pyplot, so the caller's
matplotlib state is left alone) and saved with every timestamp and random id removed, so
the same graph always gives the same SVG, PDF and PNG bytes.
"""

from __future__ import annotations

import io
import os
import textwrap
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from graphkit.errors import GraphkitError
from graphkit.maps.style import RELATION_STYLES
from graphkit.models import Graph

__all__ = [
    "FIGURE_SUFFIXES",
    "INK",
    "caption_text",
    "display_name",
    "figure_format",
    "matplotlib_context",
    "save_figure",
    "text_size",
    "wrap",
    "write_bytes",
]

FIGURE_SUFFIXES = (".svg", ".pdf", ".png")
INK = "#1d232b"
RC: dict[str, Any] = {
    "svg.hashsalt": "graphkit",
    "svg.fonttype": "path",  # the same look on every machine, whatever fonts it has
    "pdf.fonttype": 42,  # TrueType subset: text in the PDF stays selectable
    "font.family": "DejaVu Sans",  # ships with matplotlib
    "font.size": 8,
    "text.color": INK,
    "axes.unicode_minus": False,
    "text.parse_math": False,  # a "$" in a name is a dollar sign, never TeX
}
NAME_LIMIT = 48  # characters of a name drawn in a figure


def figure_format(path: Path) -> str:
    """``svg``, ``pdf`` or ``png`` from the file name; GraphkitError naming it otherwise."""
    suffix = path.suffix.lower()
    if suffix not in FIGURE_SUFFIXES:
        raise GraphkitError(
            f"{path}: cannot tell the figure format; use a .svg, .pdf or .png file name"
        )
    return suffix[1:]


@contextmanager
def matplotlib_context() -> Iterator[None]:
    """matplotlib with graphkit's settings, or a one-line error when it is not installed."""
    try:
        from matplotlib import rc_context
    except ImportError:
        raise GraphkitError("figures need matplotlib: pip install 'graphkit[figures]'") from None
    with rc_context(cast(Any, RC)), warnings.catch_warnings():
        # A name in a script the font lacks draws as boxes; that must not stop a report.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


def save_figure(fig: Any, fmt: str, dpi: int) -> bytes:
    """The figure's bytes, free of timestamps (SOURCE_DATE_EPOCH is not needed)."""
    if fmt not in ("svg", "pdf", "png"):
        raise GraphkitError(f"unknown figure format {fmt!r}; choose svg, pdf or png")
    if not 30 <= dpi <= 1200:
        raise GraphkitError(f"dpi must be between 30 and 1200, not {dpi}")
    metadata: dict[str, Any] = {  # type: ignore[assignment]
        "svg": {"Date": None, "Creator": "graphkit"},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": "graphkit", "Producer": None},
        "png": {"Software": None},
    }[fmt]
    buffer = io.BytesIO()
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return buffer.getvalue()


def text_size(text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """Width and height in points of ``text`` in one line, as matplotlib lays it out."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(10, 10, 72.0)  # type: ignore[no-untyped-call]  # 1 px = 1 pt
    font = FontProperties(size=size, weight=weight)
    measure: Any = renderer.get_text_width_height_descent
    width, height, _ = measure(text, font, ismath=False)
    line = measure("lp", font, ismath=False)[1]
    return float(width), float(max(height, line))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def display_name(name: str) -> str:
    """A name as a figure draws it: on one line, at most NAME_LIMIT characters."""
    flat = " ".join(name.split()) or "?"
    return flat if len(flat) <= NAME_LIMIT else flat[: NAME_LIMIT - 1].rstrip() + "\u2026"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def caption_text(graph: Graph) -> str:
    """One line about the corpus (articles, dates, outlets) and the relations drawn.

    The articles are the graph's own (a cut graph keeps those its evidence cites); a graph
    without article records falls back to what its evidence says.
    """
    outlets: dict[tuple[str, int], set[str]] = {
        (a.id, a.part): {a.source} if a.source else set() for a in graph.articles
    }
    dates = {a.date for a in graph.articles if a.date}
    for rel in graph.relations:
        for ev in rel.evidence:
            known = outlets.setdefault((ev.article, ev.part), set())
            dates.update([ev.date] if ev.date else [])
            if ev.source:
                known.add(ev.source)
    sources = Counter(s for names in outlets.values() for s in names)
    unnamed = sum(1 for names in outlets.values() if not names)
    ordered = sorted(dates)
    named = sorted(sources, key=lambda s: (-sources[s], s.casefold()))
    outlet_text = ", ".join(named[:6]) + (f" and {len(named) - 6} more" if len(named) > 6 else "")
    parts = [_plural(len(outlets), "article")]
    if ordered:
        parts.append(f"{ordered[0]} to {ordered[-1]}" if len(ordered) > 1 else ordered[0])
    if named:
        parts.append(f"{_plural(len(named), 'outlet')} ({outlet_text})")
    if named and unnamed:
        parts.append(f"{unnamed} without a named outlet")
    types = Counter(r.type for r in graph.relations)
    counts = ", ".join(f"{s.label} {types[t]}" for t, s in RELATION_STYLES.items() if types[t])
    sentences = sum(r.count for r in graph.relations)
    relations = _plural(len(graph.relations), "relation")
    if counts:
        relations += f" ({counts}) from {_plural(sentences, 'evidence sentence')}"
    return f"Corpus: {', '.join(parts)}. {relations}."


def wrap(text: str, width_points: float, font_size: float) -> str:
    """``text`` broken into lines that fit ``width_points`` at ``font_size`` (DejaVu Sans)."""
    return "\n".join(textwrap.wrap(text, max(int(width_points / (0.56 * font_size)), 20)))
