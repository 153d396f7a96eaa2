"""graph.cypher against a real server: same database as the loader, idempotent, exact strings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from neo4j import Driver
from neo4j_graphs import hostile_graph, politics_graph

from graphkit.cli import main
from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.neo4j.connection import Settings
from graphkit.neo4j.loader import clear_database, count_graph, fetch_graph, load_graph
from graphkit.neo4j.rows import sorted_graph
from graphkit.neo4j.script import run_script
from graphkit.sinks.cypher_script import to_cypher

pytestmark = pytest.mark.neo4j


def via_script(driver: Driver, settings: Settings, graph: Graph) -> tuple[object, Graph]:
    clear_database(driver, settings.database)
    run_script(driver, to_cypher(graph, batch_size=4), settings.database)
    return count_graph(driver, settings.database), fetch_graph(driver, settings.database)


def via_loader(driver: Driver, settings: Settings, graph: Graph) -> tuple[object, Graph]:
    clear_database(driver, settings.database)
    load_graph(driver, graph, database=settings.database)
    return count_graph(driver, settings.database), fetch_graph(driver, settings.database)


def test_script_builds_the_same_database_as_the_loader(
    clean_db: Driver, settings: Settings, seed_graph: Graph
) -> None:
    for graph in (seed_graph, politics_graph()):
        script_counts, script_graph = via_script(clean_db, settings, graph)
        loader_counts, loader_graph = via_loader(clean_db, settings, graph)
        assert script_counts == loader_counts
        assert script_graph == loader_graph == sorted_graph(graph.actors, graph.relations)


def test_running_the_script_twice_changes_nothing(clean_db: Driver, settings: Settings) -> None:
    script = to_cypher(politics_graph())
    run_script(clean_db, script, settings.database)
    first = (count_graph(clean_db, settings.database), fetch_graph(clean_db, settings.database))
    run_script(clean_db, script, settings.database)
    assert (
        count_graph(clean_db, settings.database),
        fetch_graph(clean_db, settings.database),
    ) == first


def test_script_on_an_existing_database_merges_like_the_loader(
    clean_db: Driver, settings: Settings, seed_graph: Graph
) -> None:
    load_graph(clean_db, seed_graph, database=settings.database)
    run_script(clean_db, to_cypher(politics_graph()), settings.database)
    mixed = (count_graph(clean_db, settings.database), fetch_graph(clean_db, settings.database))
    clear_database(clean_db, settings.database)
    load_graph(clean_db, seed_graph, database=settings.database)
    load_graph(clean_db, politics_graph(), database=settings.database)
    assert (
        count_graph(clean_db, settings.database),
        fetch_graph(clean_db, settings.database),
    ) == mixed


def test_hostile_values_round_trip_exactly_through_the_script(
    clean_db: Driver, settings: Settings
) -> None:
    graph = hostile_graph()
    script_counts, script_graph = via_script(clean_db, settings, graph)
    loader_counts, loader_graph = via_loader(clean_db, settings, graph)
    assert script_graph == loader_graph == sorted_graph(graph.actors, graph.relations)
    assert script_counts == loader_counts
    names = {a.name for a in script_graph.actors}
    assert {"北京 (Běijīng)", "Арабский союз", "line one\nline two\r\nline\tthree"} <= names


# Any text except lone surrogates (which no UTF-8 file or Bolt message can carry).
_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@hsettings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_TEXT, alias=_TEXT, quote=_TEXT.filter(bool))
def test_any_text_round_trips_through_script_and_loader(
    driver: Driver, settings: Settings, name: str, alias: str, quote: str
) -> None:
    first = Actor(
        id="state:x",
        name=name,
        kind=ActorKind.STATE,
        aliases=(alias,) if alias and alias != name else (),
    )
    second = Actor(id=f"group:{quote}", name=quote, kind=ActorKind.GROUP, articles=(alias,))
    evidence = Evidence(article=quote, text=quote, start=0, end=len(quote), date=None, trigger=name)
    graph = Graph(
        actors=(first, second),
        relations=(
            Relation(
                source=first.id, target=second.id, type=RelationType.CONDEMNS, evidence=(evidence,)
            ),
        ),
    )
    expected = sorted_graph(graph.actors, graph.relations)
    assert via_script(driver, settings, graph)[1] == expected
    assert via_loader(driver, settings, graph)[1] == expected


def test_cli_loads_a_cypher_script(
    clean_db: Driver,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    neo4j_env: dict[str, str],
) -> None:
    for key, value in neo4j_env.items():
        monkeypatch.setenv(key, value)
    script = tmp_path / "graph.cypher"
    script.write_text(to_cypher(politics_graph()), "utf-8")
    assert main(["load", str(script)]) == 0
    assert "9 actors, 12 relations, 15 evidence" in capsys.readouterr().err
    assert fetch_graph(clean_db, settings.database) == sorted_graph(
        politics_graph().actors, politics_graph().relations
    )
