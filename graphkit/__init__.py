"""graphkit: news articles -> an evidence-backed graph of political actors and relations.

Pipeline: ingest -> NLP -> actors -> relations + evidence -> graph -> sinks
(JSON, GraphML, Cypher script, HTML map, Neo4j).
"""

from __future__ import annotations

__version__ = "0.1.0"

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
