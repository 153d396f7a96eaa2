"""graphkit: news articles -> an evidence-backed graph of political actors and relations.

Pipeline: ingest -> NLP -> actors -> relations + evidence -> graph -> sinks
(JSON, GraphML, Cypher script, HTML map, Neo4j).

``Extractor`` and ``assemble_graph`` are imported on first use (PEP 562): they load spaCy,
which ``import graphkit`` and the commands that parse no text (``--version``, ``query``,
``load``, ``map``, ``figure``, ``stats``) do not need.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from graphkit.build import BuildReport, build, write_outputs
from graphkit.errors import GraphkitError, InputProblem
from graphkit.ingest import read_articles
from graphkit.lazy import lazy_exports
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
from graphkit.sinks.node_link import from_json, read_json, to_json, write_json

if TYPE_CHECKING:
    from graphkit.pipeline import Extractor, assemble_graph

_LAZY = {"Extractor": "graphkit.pipeline", "assemble_graph": "graphkit.pipeline"}

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


__getattr__, __dir__ = lazy_exports("graphkit", _LAZY, globals())
