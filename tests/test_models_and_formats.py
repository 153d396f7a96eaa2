"""Models, node-link JSON and GraphML round trips, determinism of the serialised graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from pydantic import ValidationError

from graphkit.errors import GraphkitError
from graphkit.graph import from_networkx, to_networkx
from graphkit.models import (
    Actor,
    ActorKind,
    Article,
    Evidence,
    Graph,
    Relation,
    RelationType,
    actor_id,
)
from graphkit.sinks.graphml import from_graphml, to_graphml
from graphkit.sinks.node_link import from_json, read_json, to_json, write_json

HOSTILE = "Quote \"double\" 'single' `tick` {brace} back\\slash\nnew line 北京 </script>"


def sample_graph() -> Graph:
    text = "Chile backed Peru. " + HOSTILE
    ev1 = Evidence(article="a1", text="Chile backed Peru.", start=0, end=18, date="2021-01-02",
                   source="Wire", rule="verb-active", confidence=0.9, trigger="backed")  # fmt: skip
    ev2 = Evidence(article="a1", part=1, text=HOSTILE, start=19, end=19 + len(HOSTILE))
    ev2.check_against(text)
    chile = Actor.create("Chile", ActorKind.STATE, ["Republic of Chile"], ["a1"])
    peru = Actor.create("Peru", ActorKind.STATE, [], ["a1"])
    odd = Actor.create(HOSTILE, ActorKind.PERSON, [], ["a1"])
    return Graph(
        actors=(chile, odd, peru),
        relations=(
            Relation(source=chile.id, target=peru.id, type=RelationType.SUPPORTS, evidence=(ev1,)),
            Relation(
                source=odd.id, target=peru.id, type=RelationType.CONDEMNS, evidence=(ev1, ev2)
            ),
        ),
        articles=(Article(id="a1", text="", title="T", date="2021-01-02"),),
    )


def test_ids_are_stable_and_normalised() -> None:
    assert actor_id(ActorKind.STATE, "The United States") == "state:united-states"
    assert actor_id(ActorKind.STATE, "U.S.") == "state:us"
    assert actor_id(ActorKind.PERSON, "António Guterres") == "person:antonio-guterres"


def test_models_are_frozen_and_checked() -> None:
    graph = sample_graph()
    with pytest.raises(ValidationError):
        graph.actors[0].name = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Evidence(article="a", text="x", start=5, end=2)
    with pytest.raises(ValueError):
        Evidence(article="a", text="wrong", start=0, end=5).check_against("right text")
    with pytest.raises(ValueError, match="unknown actor"):
        Graph(actors=(), relations=graph.relations)
    with pytest.raises(ValueError):
        Relation(source="a", target="b", type=RelationType.SUPPORTS, evidence=())


def test_json_round_trip_through_networkx() -> None:
    graph = sample_graph()
    text = to_json(graph)
    data = json.loads(text)
    assert {"source", "target", "type", "count", "evidence"} <= set(data["links"][0])
    assert {"id", "name", "kind", "aliases", "articles"} <= set(data["nodes"][0])
    multigraph = nx.node_link_graph(data, edges="links")
    assert multigraph.number_of_nodes() == 3 and multigraph.number_of_edges() == 2
    again = from_networkx(to_networkx(from_json(text)))
    assert to_json(again) == text
    assert again == graph.model_copy(update={"articles": again.articles})


def test_graphml_round_trip_keeps_evidence_and_hostile_names() -> None:
    graph = sample_graph()
    back = from_graphml(to_graphml(graph))
    assert to_json(back.model_copy(update={"articles": graph.articles})) == to_json(graph)
    assert any(a.name == HOSTILE for a in back.actors)


def test_written_json_is_byte_identical_and_readable(tmp_path: Path) -> None:
    write_json(sample_graph(), tmp_path / "a.json")
    write_json(sample_graph(), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert read_json(tmp_path / "a.json") == sample_graph().model_copy(
        update={"articles": read_json(tmp_path / "a.json").articles}
    )
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "invalid JSON"),
        ('{"links": []}', "not a graphkit node-link graph"),
        ('{"nodes": [{"id": "x", "name": "X", "kind": "Planet"}], "links": []}', "invalid graph"),
    ],
)
def test_bad_graph_json_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "graph.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphkitError, match=message) as info:
        read_json(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
