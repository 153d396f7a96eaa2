"""graphkit: news articles -> an evidence-backed graph of political actors and relations.

Pipeline: ingest -> NLP -> actors -> relations + evidence -> graph -> sinks
(JSON, GraphML, Cypher script, HTML map, Neo4j).

The names below are imported on first use (PEP 562), so ``import graphkit`` and the
commands that never parse text (``--version``, ``query``, ``load``, ``map``, ``stats``)
do not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "BuildReport": "graphkit.build",
    "build": "graphkit.build",
    "write_outputs": "graphkit.build",
    "GraphkitError": "graphkit.errors",
    "InputProblem": "graphkit.errors",
    "read_articles": "graphkit.ingest",
    "Actor": "graphkit.models",
    "ActorKind": "graphkit.models",
    "Article": "graphkit.models",
    "Evidence": "graphkit.models",
    "Graph": "graphkit.models",
    "Relation": "graphkit.models",
    "RelationType": "graphkit.models",
    "actor_id": "graphkit.models",
    "normalise_name": "graphkit.models",
    "Extractor": "graphkit.pipeline",
    "assemble_graph": "graphkit.pipeline",
    "from_json": "graphkit.sinks.node_link",
    "read_json": "graphkit.sinks.node_link",
    "to_json": "graphkit.sinks.node_link",
    "write_json": "graphkit.sinks.node_link",
}

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "BuildReport",
    "Evidence",
    "Extractor",
    "Graph",
    "GraphkitError",
    "InputProblem",
    "Relation",
    "RelationType",
    "__version__",
    "actor_id",
    "assemble_graph",
    "build",
    "from_json",
    "normalise_name",
    "read_articles",
    "read_json",
    "to_json",
    "write_json",
    "write_outputs",
]

if TYPE_CHECKING:
    from graphkit.build import BuildReport, build, write_outputs
    from graphkit.errors import GraphkitError, InputProblem
    from graphkit.ingest import read_articles
    from graphkit.models import (
        Actor,
        ActorKind,
        Article,
        Evidence,
        Graph,
        Relation,
        RelationType,
        actor_id,
        normalise_name,
    )
    from graphkit.pipeline import Extractor, assemble_graph
    from graphkit.sinks.node_link import from_json, read_json, to_json, write_json


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
