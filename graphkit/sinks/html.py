"""The self-contained interactive influence map (vis-network via pyvis), one HTML file.

The page needs no network: vis-network (from the pyvis package), the styles and the map's
script are inline and nothing refers to a remote resource. The same graph and options
always give the same bytes (fixed layout seed, no random ids, sorted JSON).

Article text is untrusted. The data travels as JSON inside ``<script type="application/
json">`` with ``<``, ``>``, ``&``, U+2028/U+2029 and ``://`` escaped, so no text can close
the script element, and the page script only ever puts it into the DOM as text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from graphkit.maps.select import select
from graphkit.maps.style import (
    KIND_STYLES,
    RELATION_STYLES,
    edge_width,
    node_size,
    weighted_degrees,
)
from graphkit.models import Graph, RelationType
from graphkit.sinks.files import write_atomic

__all__ = ["map_options", "render_html", "write_html"]

# Above this many nodes, vis-network's improved layout (Kamada-Kawai per cluster) and
# curved edges cost seconds; a plain Barnes-Hut start settles big graphs much sooner.
BIG_GRAPH = 300
# Labels are drawn only from this many screen pixels (less one) up (smaller ones appear on zoom), and
# never above the cap; the most-evidenced actors' labels are enlarged by the page after the
# layout settles so that they read at MAJOR_LABEL_PX on opening (see map.js).
LABEL_THRESHOLD_PX = 9
LABEL_MAX_PX = 26
MAJOR_LABEL_PX = 13
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _asset(name: str) -> str:
    return (resources.files("graphkit.maps") / "assets" / name).read_text("utf-8")


@cache
def _vis_network_js() -> str:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    code = lib.read_text("utf-8")
    # split("\n"), not splitlines(): the bundle has U+2028 and form feeds inside strings.
    code = "\n".join(
        line for line in code.split("\n") if not line.startswith("//# sourceMappingURL")
    )
    # URLs in the library are licence comments and the SVG namespace string; ":\/\/" reads
    # the same inside a JS string and keeps the page free of anything that looks remote.
    code = code.replace("://", ":\\/\\/")
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        # Either would end (or confuse the parsing of) the inline script element.
        raise RuntimeError(f"{lib} cannot be inlined: it contains </script or <!--")
    # Shadowing define/module/exports makes the UMD bundle set window.vis even in hosts
    # that load RequireJS (the classic Jupyter notebook); a second map reuses the first copy.
    return (
        "(function (define, module, exports) {\n"
        "if (window.vis && window.vis.Network) return;\n"
        f"{code}\n}}).call(window);"
    )


def _script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    # "://" only occurs inside JSON strings, where "\/" is a valid escape for "/".
    return text.replace("://", ":\\/\\/")


def map_options(nodes: int, edges: int) -> dict[str, Any]:
    """vis-network options: a seeded layout whose physics stops after a capped stabilisation."""
    big = nodes > BIG_GRAPH
    # Big graphs cannot settle fully in a few seconds; cap the work (measured on 2 cores:
    # about 35 ms per iteration at 2,000 nodes and 10,000 edges) and freeze what is there.
    # ForceAtlas2 costs more per iteration than Barnes-Hut; graphs of a few hundred nodes
    # get fewer iterations (measured: 300 nodes and 900 edges took 17 s at 1000).
    iterations = (
        max(300, min(1000, 250_000 // max(nodes + edges, 1)))
        if not big
        else max(50, min(400, 600_000 // max(nodes + edges, 1)))
    )
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not big},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
            "hideEdgesOnDrag": big,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "color": "#1d232b", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": LABEL_THRESHOLD_PX, "maxVisible": LABEL_MAX_PX}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"enabled": not big, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            # ForceAtlas2's degree-weighted repulsion spreads a hub's neighbours on a wide
            # ring (with the longer spokes of _edge_length) instead of one clump around it,
            # and its gravity keeps small separate groups near the main one.
            "solver": "barnesHut" if big else "forceAtlas2Based",
            "barnesHut": {
                "gravitationalConstant": -2500,
                "centralGravity": 0.25,
                "springLength": 60,
                "springConstant": 0.03,
                "damping": 0.3,
                "avoidOverlap": 0,
            },
            "forceAtlas2Based": {
                "gravitationalConstant": -120,
                "centralGravity": 0.02,
                "springLength": 100,
                "springConstant": 0.08,
                "damping": 0.5,
                "avoidOverlap": 0.6,
            },
            "minVelocity": 0.75 if not big else 2.5,
            "timestep": 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25 if not big else 50,
                "fit": True,
            },
        },
    }


def _network_data(graph: Graph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge records built with pyvis's Network (its option names are vis-network's)."""
    from pyvis.network import Network

    net = Network(directed=True)  # only its records are used: its template links CDNs
    weights = weighted_degrees(graph)
    linked = {end for rel in graph.relations for end in (rel.source, rel.target)}
    neighbours: dict[str, set[str]] = {a.id: set() for a in graph.actors}
    for rel in graph.relations:
        neighbours[rel.source].add(rel.target)
        neighbours[rel.target].add(rel.source)
    majors = _major_actors(graph, weights, linked)
    start: dict[str, tuple[int, int]] = {}
    if len(linked) <= BIG_GRAPH:
        from graphkit.maps.spread import start_positions

        start = start_positions(graph, linked)
    for actor in graph.actors:
        style = KIND_STYLES[actor.kind]
        # Actors named in articles but in no relation would crowd out the ones that are;
        # they start hidden (and out of the physics), behind the "without relations" box.
        unlinked: dict[str, Any] = (
            {"hidden": True, "physics": False} if linked and actor.id not in linked else {}
        )
        if actor.id in start:
            unlinked.update(x=start[actor.id][0], y=start[actor.id][1])
        net.add_node(
            actor.id,
            label=actor.name,
            shape=style.vis_shape,
            color={
                "background": style.color,
                "border": "#1d232b",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
            size=node_size(weights[actor.id]),
            kind=actor.kind.value,
            aliases=list(actor.aliases),
            weight=weights[actor.id],
            linked=actor.id in linked,
            major=actor.id in majors,
            **unlinked,
        )
    articles = {(a.id, a.part): a for a in graph.articles}
    # Parallel edges (several types, or both directions, between one pair) get increasing
    # curvature so that each stays visible and clickable.
    seen_pairs: Counter[tuple[str, str]] = Counter()
    for index, rel in enumerate(graph.relations):
        look = RELATION_STYLES[rel.type]
        pair = (min(rel.source, rel.target), max(rel.source, rel.target))
        nth = seen_pairs[pair]
        seen_pairs[pair] += 1
        options: dict[str, Any] = {}
        if nth:
            direction = "curvedCW" if nth % 2 else "curvedCCW"
            options["smooth"] = {"enabled": True, "type": direction, "roundness": 0.2 * nth}
        evidence = []
        for ev in rel.evidence:
            article = articles.get((ev.article, ev.part))
            evidence.append({
                "text": ev.text, "article": ev.article, "part": ev.part, "date": ev.date,
                "source": ev.source or (article.source if article else None),
                "title": article.title if article else "",
                "url": article.url if article else None,
            })  # fmt: skip
        net.add_edge(
            rel.source,
            rel.target,
            id=f"e{index}",
            type=rel.type.value,
            count=rel.count,
            color={"color": look.color, "highlight": look.color, "hover": look.color},
            dashes=list(look.dashes) or False,
            width=edge_width(rel.count),
            length=_edge_length(len(neighbours[rel.source]), len(neighbours[rel.target])),
            evidence=evidence,
            **options,
        )
    return net.nodes, net.edges


def _major_actors(graph: Graph, weights: dict[str, int], linked: set[str]) -> set[str]:
    """The most-evidenced actors, whose labels must read on opening (about one in eight)."""
    ranked = sorted(linked, key=lambda a: (-weights[a], a))
    return set(ranked[: max(5, min(15, len(ranked) // 8))])


def _edge_length(a: int, b: int) -> int:
    """Spring length of an edge: a hub's spokes are longer, so that its neighbours spread
    on a ring wide enough for their labels instead of clumping around it."""
    return min(max(140, 9 * max(a, b)), 520)


def _swatch_node(color: str, shape: str) -> str:
    shapes = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "hexagon": '<polygon points="8,1.5 14,5 14,11 8,14.5 2,11 2,5"/>',
        "square": '<rect x="2.5" y="2.5" width="11" height="11"/>',
        "triangle": '<polygon points="8,1.5 14.5,14 1.5,14"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.8 3.5,15 5,9.5 1,6 6,6"/>',
    }
    return (
        f'<svg class="gk-key" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
        f'<g fill="{color}" stroke="#1d232b" stroke-width="1">{shapes[shape]}</g></svg>'
    )


def _swatch_edge(color: str, dashes: tuple[int, ...]) -> str:
    dash = f' stroke-dasharray="{",".join(map(str, dashes))}"' if dashes else ""
    return (
        f'<svg class="gk-key" width="26" height="12" viewBox="0 0 26 12" aria-hidden="true">'
        f'<line x1="1" y1="6" x2="19" y2="6" stroke="{color}" stroke-width="2.5"{dash}/>'
        f'<polygon points="18,2 25,6 18,10" fill="{color}"/></svg>'
    )


def _controls(graph: Graph) -> str:
    kinds = Counter(a.kind for a in graph.actors)
    types = Counter(r.type for r in graph.relations)
    type_boxes = "".join(
        f'<label><input type="checkbox" data-type="{t.value}" checked>'
        f"{_swatch_edge(s.color, s.dashes)}{s.label} ({types[t]})</label>"
        for t, s in RELATION_STYLES.items()
    )
    kind_boxes = "".join(
        f'<label><input type="checkbox" data-kind="{k.value}" checked>'
        f"{_swatch_node(s.color, s.vis_shape)}{s.label} ({kinds[k]})</label>"
        for k, s in KIND_STYLES.items()
    )
    linked = {end for rel in graph.relations for end in (rel.source, rel.target)}
    unlinked = sum(1 for a in graph.actors if a.id not in linked)
    if linked and unlinked:
        box = '<input type="checkbox" data-unlinked="1">'
        kind_boxes += f"<label>{box}without relations ({unlinked})</label>"
    return (
        f'<fieldset class="gk-types gk-legend"><legend>Relations</legend>{type_boxes}</fieldset>'
        f'<fieldset class="gk-kinds gk-legend"><legend>Actors</legend>{kind_boxes}</fieldset>'
    )


def render_html(
    graph: Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: set[RelationType] | None = None,
    min_count: int = 1,
    fragment: bool = False,
    title: str = "graphkit influence map",
) -> str:
    """The influence map of ``graph`` as HTML.

    ``focus``/``depth``/``types``/``min_count`` first cut the graph (see
    ``graphkit.maps.select.select``; an unknown focus raises GraphkitError naming close
    matches).

    With ``fragment=False`` the result is a whole page. With ``fragment=True`` it is one
    ``<div class="graphkit-map gkm-…">`` to paste into a host page: its ``<style>`` rules
    are all prefixed with that container's ``gkm-…`` class (derived from the content, so
    two different maps never share it), it sets no page-wide style, and its scripts add
    only ``window.vis``, ``window.graphkitMap`` (the latest map) and ``window.graphkitMaps``.
    The fragment is 640 px tall; override ``height`` on ``.gkm-…`` to change that. Scripts
    in it only run when the host inserts it as HTML that executes scripts (page source,
    an iframe ``srcdoc``, Jupyter's HTML output), not through ``innerHTML``.

    In the page, ``window.graphkitMap`` exposes ``network``, ``nodes``, ``edges`` (vis
    DataSets), ``stable`` (true once the layout settled and physics was switched off),
    ``visible()``, ``focusActor(query)`` and ``applyFilters()``.
    """
    shown = select(graph, focus=focus, depth=depth, types=types, min_count=min_count)
    nodes, edges = _network_data(shown)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": map_options(len(nodes), len(edges)),
        "verbs": {t.value: s.label for t, s in RELATION_STYLES.items()},
        "majorLabelPx": MAJOR_LABEL_PX,
    }
    payload = _script_json(data)
    scope = "gkm-" + hashlib.sha256(f"{title}\n{payload}".encode()).hexdigest()[:12]
    css = _asset("map.css").replace(".gk-scope", f".{scope}")
    heading = html.escape(title)
    focus_note = f" around {html.escape(focus)} (depth {depth})" if focus else ""
    body = (
        f'<div class="graphkit-map {scope}" data-graphkit-map="1">\n'
        f"<style>\n{css}</style>\n"
        f'<div class="gk-bar"><h2 class="gk-title">{heading}</h2>'
        f'<form class="gk-search" role="search" autocomplete="off">'
        f'<input type="search" list="{scope}-names" placeholder="Find an actor" '
        f'aria-label="Find an actor by name or alias"><button type="submit">Find</button>'
        f'<datalist id="{scope}-names"></datalist></form>'
        f'<span class="gk-status" aria-live="polite">Laying out\u2026</span></div>\n'
        f'<div class="gk-bar">{_controls(shown)}</div>\n'
        f'<div class="gk-main"><div class="gk-canvas"></div><div class="gk-tip" hidden></div>'
        f'<aside class="gk-panel"><p class="gk-hint">Hover over or click an actor or an '
        f"arrow to read its evidence. Search finds an actor by name or alias.</p></aside>"
        f"</div>\n"
        f'<p class="gk-foot">{len(nodes)} actors, {len(edges)} relations{focus_note}. '
        f"Node size and arrow width grow with the number of evidence sentences.</p>\n"
        f'<script type="application/json" class="gk-data">{payload}</script>\n'
        f"<script>\n{_vis_network_js()}\n</script>\n"
        f"<script>\n{_asset('map.js')}</script>\n"
        f"</div>\n"
    )
    if fragment:
        return body
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{heading}</title>\n"
        "<style>html, body { margin: 0; height: 100%; }\n"
        f".graphkit-map.{scope} {{ height: 100vh; border: 0; }}</style>\n"
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def write_html(graph: Graph, path: Path | str, **options: Any) -> None:
    """Write ``render_html(graph, **options)`` to ``path`` atomically."""
    write_atomic(Path(path), render_html(graph, **options))
