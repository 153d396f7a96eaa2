"""Bend the network figure's edges around actors and labels they would otherwise cross.

A straight line from Albania to China that runs through Haiti's marker reads as
"Albania - Haiti - China", and one that runs under a label is hidden by it. Each edge is
drawn as matplotlib's ``arc3`` curve (a quadratic Bezier whose control point sits ``rad``
times the edge's length off its middle); this module tries a few bends, straight first,
and keeps the one that crosses the fewest markers and labels (markers count double).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["BENDS", "choose_bend", "crossings"]

BENDS = (0.0, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45)


def _curve(start: np.ndarray, end: np.ndarray, rad: float) -> np.ndarray:
    """Points along the arc3 curve (its ends left out: they sit in the end markers)."""
    delta = end - start
    control = (start + end) / 2 + rad * np.array([delta[1], -delta[0]])
    count = max(24, int(np.hypot(*delta) / 3))
    t = np.linspace(0.04, 0.96, count)[:, None]
    points: np.ndarray = (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t**2 * end
    return points


def crossings(points: np.ndarray, circles: np.ndarray, rects: np.ndarray) -> tuple[int, int]:
    """How many circles (x, y, r) and rectangles (x0, y0, x1, y1) the points run through."""
    x, y = points[:, :1], points[:, 1:]
    markers = 0
    if len(circles):
        inside = (x - circles[:, 0]) ** 2 + (y - circles[:, 1]) ** 2 < circles[:, 2] ** 2
        markers = int(inside.any(axis=0).sum())
    labels = 0
    if len(rects):
        inside = (x > rects[:, 0]) & (x < rects[:, 2]) & (y > rects[:, 1]) & (y < rects[:, 3])
        labels = int(inside.any(axis=0).sum())
    return markers, labels


def choose_bend(
    start: Sequence[float],
    end: Sequence[float],
    circles: np.ndarray,
    rects: np.ndarray,
    bends: Sequence[float] = BENDS,
) -> float:
    """The bend (arc3 ``rad``) among ``bends`` whose curve crosses the least, earliest first."""
    a, b = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    best: tuple[int, float] | None = None
    for rad in bends:
        markers, labels = crossings(_curve(a, b, rad), circles, rects)
        score = 2 * markers + labels
        if best is None or score < best[0]:
            best = (score, rad)
        if score == 0:
            break
    return best[1] if best else 0.0
