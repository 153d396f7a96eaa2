"""Cut the part of a graph a map should show: an ego map around one actor, some relation
types, relations with enough evidence."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from graphkit.errors import GraphkitError
from graphkit.models import Actor, Graph, RelationType, normalise_name

__all__ = ["find_actor", "parse_types", "select"]


def _names(actor: Actor) -> list[str]:
    return [actor.id, actor.name, *actor.aliases]


def find_actor(graph: Graph, query: str) -> Actor:
    """The actor whose id, name or alias is ``query`` (case-, accent- and punctuation-blind).

    Raises GraphkitError naming the closest names when nothing (or more than one actor) fits.
    """
    wanted = query.strip().casefold()
    exact = [a for a in graph.actors if wanted in {n.casefold() for n in _names(a)}]
    if not exact:
        key = normalise_name(query)
        exact = [a for a in graph.actors if key and key in {normalise_name(n) for n in _names(a)}]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        ids = ", ".join(sorted(a.id for a in exact))
        raise GraphkitError(f"{query!r} names several actors ({ids}); give an actor id")
    by_folded: dict[str, str] = {}
    for actor in graph.actors:
        for name in (actor.name, *actor.aliases):
            by_folded.setdefault(name.casefold(), name)
    close = difflib.get_close_matches(wanted, sorted(by_folded), n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(by_folded[c]) for c in close)}?" if close else ""
    raise GraphkitError(f"no actor named {query!r} in the graph{hint}")


def parse_types(text: str | Iterable[str]) -> set[RelationType]:
    """``"SUPPORTS,condemns"`` or an iterable of names -> types; GraphkitError if unknown."""
    names = text.split(",") if isinstance(text, str) else list(text)
    chosen: set[RelationType] = set()
    for name in (n.strip() for n in names):
        if not name:
            continue
        try:
            chosen.add(RelationType(name.upper()))
        except ValueError:
            valid = ", ".join(t.value for t in RelationType)
            raise GraphkitError(f"unknown relation type {name!r}; choose from {valid}") from None
    if not chosen:
        raise GraphkitError("no relation type given")
    return chosen


def select(
    graph: Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: set[RelationType] | None = None,
    min_count: int = 1,
) -> Graph:
    """The sub-graph a map shows.

    Relations are kept when their type is in ``types`` (all when None) and they have at
    least ``min_count`` pieces of evidence. With ``focus`` (actor id, name or alias), only
    actors within ``depth`` hops of it along kept relations (either direction) stay, with
    the kept relations between them. When a filter removed relations, actors left with
    none are dropped (the focus always stays); an unfiltered graph keeps every actor.
    Articles are kept when kept evidence cites them.
    """
    if depth < 0:
        raise GraphkitError(f"depth must be 0 or more, not {depth}")
    if min_count < 1:
        raise GraphkitError(f"min-count must be 1 or more, not {min_count}")
    relations = [
        r for r in graph.relations if (types is None or r.type in types) and r.count >= min_count
    ]
    filtered = len(relations) != len(graph.relations)
    keep = {a.id for a in graph.actors}
    if focus is not None:
        centre = find_actor(graph, focus).id
        neighbours: dict[str, set[str]] = {}
        for rel in relations:
            neighbours.setdefault(rel.source, set()).add(rel.target)
            neighbours.setdefault(rel.target, set()).add(rel.source)
        keep, frontier = {centre}, {centre}
        for _ in range(depth):
            frontier = {n for f in frontier for n in neighbours.get(f, ())} - keep
            keep |= frontier
        relations = [r for r in relations if r.source in keep and r.target in keep]
    elif filtered:
        keep = {end for r in relations for end in (r.source, r.target)}
    else:
        return graph
    cited = {(e.article, e.part) for r in relations for e in r.evidence}
    return Graph(
        actors=tuple(a for a in graph.actors if a.id in keep),
        relations=tuple(relations),
        articles=tuple(a for a in graph.articles if (a.id, a.part) in cited),
    )
