"""Node-link JSON (the networkx ``node_link_data`` layout): ``to_json`` / ``from_json``.

Nodes: id, name, kind, aliases, articles. Links: source, target, type, key (= type, so
networkx builds a MultiDiGraph), count, evidence [{article, part, text, start, end, date,
source, rule, confidence, trigger}]. Keys are sorted so the same graph is the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graphkit.errors import GraphkitError
from graphkit.models import Actor, Article, Evidence, Graph, Relation
from graphkit.sinks.files import write_atomic

__all__ = ["from_data", "from_json", "read_json", "to_data", "to_json", "write_json"]

_ARTICLE_FIELDS = ("id", "part", "title", "date", "source", "author", "url", "path", "offset")


def to_data(graph: Graph) -> dict[str, Any]:
    return {
        "directed": True,
        "multigraph": True,
        "graph": {
            "generator": "graphkit",
            "articles": [a.model_dump(include=set(_ARTICLE_FIELDS)) for a in graph.articles],
        },
        "nodes": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind.value,
                "aliases": list(a.aliases),
                "articles": list(a.articles),
            }
            for a in graph.actors
        ],
        "links": [
            {
                "source": r.source,
                "target": r.target,
                "type": r.type.value,
                "key": r.type.value,
                "count": r.count,
                "evidence": [e.model_dump() for e in r.evidence],
            }
            for r in graph.relations
        ],
    }


def to_json(graph: Graph) -> str:
    return json.dumps(to_data(graph), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def from_data(data: Any, source: str = "graph") -> Graph:
    try:
        nodes = data["nodes"]
        links = data.get("links", data.get("edges", []))
        actors = [
            Actor(
                id=n["id"],
                name=n["name"],
                kind=n["kind"],
                aliases=tuple(n.get("aliases") or ()),
                articles=tuple(n.get("articles") or ()),
            )
            for n in nodes
        ]
        relations = [
            Relation(
                source=link["source"],
                target=link["target"],
                type=link["type"],
                evidence=tuple(Evidence(**e) for e in link["evidence"]),
            )
            for link in links
        ]
        meta = (data.get("graph") or {}).get("articles") or []
        articles = [Article(text="", **{k: a[k] for k in _ARTICLE_FIELDS if k in a}) for a in meta]
        return Graph(actors=tuple(actors), relations=tuple(relations), articles=tuple(articles))
    except (KeyError, TypeError, AttributeError) as err:
        raise GraphkitError(f"{source}: not a graphkit node-link graph (missing {err})") from None
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GraphkitError(f"{source}: invalid graph: {where}: {first['msg']}") from None


def from_json(text: str, source: str = "graph.json") -> Graph:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise GraphkitError(f"{source}: invalid JSON at line {err.lineno}: {err.msg}") from None
    return from_data(data, source)


def read_json(path: Path | str) -> Graph:
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise GraphkitError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GraphkitError(f"{path}: cannot read ({err})") from None
    return from_json(text, str(path))


def write_json(graph: Graph, path: Path | str) -> None:
    write_atomic(Path(path), to_json(graph))
