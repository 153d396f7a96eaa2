"""Merge graphs built from disjoint sets of input files (``--shard i/n``) into one.

The merge does what ``assemble_graph`` does for one build: actors by id (aliases and
article lists united), relations by (source, target, type) with the evidence of every
part, articles sorted by (id, part). When parts name the same actor differently (an actor
first seen under different spellings), the name from the part whose first mentioning
article comes first in input order wins, exactly as in a single build over one input root.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from graphkit.errors import GraphkitError
from graphkit.models import Actor, Article, Evidence, Graph, RelationType, relations_from
from graphkit.sinks.node_link import read_json

__all__ = ["merge_graphs", "read_parts"]


def _first_mention(graph: Graph, actor: Actor) -> tuple[Path, int]:
    """Input-order position of the first article of ``graph`` that mentions ``actor``."""
    mentioned = set(actor.articles)
    places = [(Path(a.path), a.part) for a in graph.articles if a.id in mentioned]
    return min(places, default=(Path("\U0010ffff"), 0))


def merge_graphs(parts: Sequence[Graph]) -> Graph:
    """One graph from several built over disjoint inputs."""
    chosen: dict[str, tuple[tuple[Path, int], Actor]] = {}
    aliases: dict[str, set[str]] = {}
    mentions: dict[str, set[str]] = {}
    evidence: dict[tuple[str, str, RelationType], list[Evidence]] = {}
    articles: dict[tuple[str, int], Article] = {}
    for graph in parts:
        for actor in graph.actors:
            rank = _first_mention(graph, actor)
            if actor.id not in chosen or rank < chosen[actor.id][0]:
                chosen[actor.id] = (rank, actor)
            aliases.setdefault(actor.id, set()).update(actor.aliases)
            mentions.setdefault(actor.id, set()).update(actor.articles)
        for relation in graph.relations:
            key = (relation.source, relation.target, relation.type)
            evidence.setdefault(key, []).extend(relation.evidence)
        for article in graph.articles:
            articles[(article.id, article.part)] = article
    actors = []
    for actor_id in sorted(chosen):
        actor = chosen[actor_id][1]
        actors.append(
            actor.model_copy(
                update={
                    "aliases": tuple(sorted(aliases[actor_id])),
                    "articles": tuple(sorted(mentions[actor_id])),
                }
            )
        )
    return Graph(
        actors=tuple(actors),
        relations=relations_from(evidence),
        articles=tuple(articles[k] for k in sorted(articles)),
    )


def read_parts(paths: Sequence[Path | str]) -> list[Graph]:
    """Each part's graph: a graph.json file, or a build directory holding one."""
    graphs = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            path = path / "graph.json"
        if not path.exists():
            raise GraphkitError(f"{path}: no such graph (expected a graph.json or its directory)")
        graphs.append(read_json(path))
    return graphs
