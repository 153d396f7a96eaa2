"""The query pack against a real server: known rows on a hand-made graph, facts on the seeds."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver
from neo4j_graphs import politics_graph

from graphkit.cli import main
from graphkit.errors import GraphkitError
from graphkit.models import Graph
from graphkit.neo4j.connection import Settings
from graphkit.neo4j.loader import load_graph
from graphkit.neo4j.output import format_result
from graphkit.neo4j.queries import QueryResult, list_queries, run_query
from graphkit.neo4j.templates import query_names

pytestmark = pytest.mark.neo4j

PACK = {
    "alliance_blocs", "both_sides", "condemners_of", "detentions_by_state", "edge_evidence",
    "lobbying_chains", "relations_in_date_range", "shortest_influence_path", "supporters_of",
    "top_actors",
}  # fmt: skip


@pytest.fixture
def politics(clean_db: Driver, settings: Settings) -> Driver:
    load_graph(clean_db, politics_graph(), database=settings.database)
    return clean_db


def rows(
    driver: Driver, settings: Settings, name: str, *columns: str, **params: Any
) -> list[tuple[Any, ...]]:
    result = run_query(driver, name, params, settings.database)
    index = [result.columns.index(c) for c in columns]
    return [tuple(row[i] for i in index) for row in result.rows]


def test_pack_has_every_query_with_a_header() -> None:
    assert set(query_names()) >= PACK
    for spec in list_queries():
        assert spec.summary and not spec.summary.startswith("@")
        assert "ORDER BY" in spec.cypher, spec.name  # deterministic output
        assert all(p.description for p in spec.params)


def test_supporters_of(politics: Driver, settings: Settings) -> None:
    got = rows(politics, settings, "supporters_of", "supporter", "kind", "evidence", "quote", "date",
               actor="mariehamn")  # fmt: skip
    assert got == [
        ("Borduria", "State", 2, "Borduria stands with Aland.", "2021-05-01"),  # highest confidence
        ("Carpathia", "State", 1, "Carpathia backs Aland.", "2021-04-01"),
        ("Council", "Body", 1, "The Council welcomed Aland.", "2021-10-01"),
        ("Pat Envoy", "Person", 1, "The envoy praised Aland.", "2020-02-01"),
    ]
    assert rows(
        politics, settings, "supporters_of", "supporter", actor="state:aland", limit="1"
    ) == [("Borduria",)]


def test_condemners_of(politics: Driver, settings: Settings) -> None:
    got = rows(politics, settings, "condemners_of", "condemner", "evidence", "quote", "date", "article",
               actor="ALAND")  # fmt: skip
    assert got == [
        ("Syldavia", 2, "Syldavia condemned Aland.", "2021-06-01", "a2"),  # tie: first key
        ("Council", 1, "The Council criticised Aland.", "2021-11-01", "a7"),
        ("Dravia", 1, "Dravia condemned Aland.", None, "a5"),
    ]


def test_alliance_blocs(politics: Driver, settings: Settings) -> None:
    assert rows(politics, settings, "alliance_blocs", "target", "stance", "states", "evidence") == [
        ("Aland", "CONDEMNS", ["Dravia", "Syldavia"], 3),
        ("Aland", "SUPPORTS", ["Borduria", "Carpathia"], 3),
    ]
    assert rows(
        politics, settings, "alliance_blocs", "states", stance="condemns", min_size="1"
    ) == [
        (["Dravia", "Syldavia"],),
        (["Syldavia"],),
    ]


def test_lobbying_chains(politics: Driver, settings: Settings) -> None:
    expected = [
        ("Acme Corp", "Pat Envoy", "Aland", "Acme lobbied the envoy.", "The envoy praised Aland.")
    ]
    columns = ("lobbyist", "lobbied", "supported", "lobbying_quote", "support_quote")
    assert rows(politics, settings, "lobbying_chains", *columns) == expected
    assert (
        rows(politics, settings, "lobbying_chains", *columns, actor="republic of aland") == expected
    )
    assert rows(politics, settings, "lobbying_chains", *columns, actor="Syldavia") == []


def test_detentions_by_state(politics: Driver, settings: Settings) -> None:
    assert rows(
        politics, settings, "detentions_by_state", "state", "detained", "evidence", "quote"
    ) == [
        ("Aland", "Minority", 2, "Aland detained more."),
        ("Borduria", "Minority", 1, "Borduria detained members."),
    ]
    assert rows(politics, settings, "detentions_by_state", "state", state="borduria") == [
        ("Borduria",)
    ]


def test_both_sides(politics: Driver, settings: Settings) -> None:
    assert rows(
        politics, settings, "both_sides", "actor", "pattern", "camp_a", "camp_b", "evidence"
    ) == [
        ("Carpathia", "supports both camps", "Aland", "Syldavia", 2),
        ("Council", "supports and condemns", "Aland", None, 2),
    ]


def test_relations_in_date_range(politics: Driver, settings: Settings) -> None:
    got = rows(politics, settings, "relations_in_date_range", "date", "source", "relation", "target",
               start_date="2021-03-01", end_date="2021-06-01")  # fmt: skip
    assert got == [
        ("2021-03-01", "Borduria", "SUPPORTS", "Aland"),
        ("2021-04-01", "Carpathia", "SUPPORTS", "Aland"),
        ("2021-05-01", "Borduria", "SUPPORTS", "Aland"),
        ("2021-06-01", "Syldavia", "CONDEMNS", "Aland"),
    ]
    detained = rows(politics, settings, "relations_in_date_range", "date", relation="detains")
    assert detained == [("2021-07-01",), ("2021-08-01",), ("2021-09-01",)]
    every = rows(politics, settings, "relations_in_date_range", "quote")
    assert len(every) == 14  # 15 pieces of evidence, one undated


def test_shortest_influence_path(politics: Driver, settings: Settings) -> None:
    columns = ("hops", "actors", "relations", "evidence")
    assert rows(politics, settings, "shortest_influence_path", *columns, source="Acme Corp",
                target="Minority") == [
        (3, ["Acme Corp", "Pat Envoy", "Aland", "Minority"], ["LOBBIES", "SUPPORTS", "DETAINS"], 4),
    ]  # fmt: skip
    assert rows(politics, settings, "shortest_influence_path", *columns, source="syldavia",
                target="minority") == [
        (2, ["Syldavia", "Aland", "Minority"], ["CONDEMNS", "DETAINS"], 4),
        (2, ["Syldavia", "Borduria", "Minority"], ["CONDEMNS", "DETAINS"], 2),
    ]  # fmt: skip
    assert rows(politics, settings, "shortest_influence_path", "actors", source="Syldavia",
                target="Minority", relations="supports, lobbies") == []  # fmt: skip
    assert rows(politics, settings, "shortest_influence_path", "hops", source="Minority",
                target="Aland") == []  # fmt: skip


def weighted_degrees(graph: Graph) -> dict[str, int]:
    names = {a.id: a.name for a in graph.actors}
    weight: dict[str, int] = {}
    for r in graph.relations:
        for end in (r.source, r.target):
            weight[names[end]] = weight.get(names[end], 0) + r.count
    return weight


def test_top_actors(politics: Driver, settings: Settings) -> None:
    got = rows(
        politics, settings, "top_actors", "actor", "weight", "out_weight", "in_weight", "degree"
    )
    # Borduria and Syldavia tie on weight and degree: the name decides.
    assert got[:3] == [("Aland", 11, 2, 9, 8), ("Borduria", 4, 3, 1, 3), ("Syldavia", 4, 3, 1, 3)]
    assert {name: w for name, w, *_ in got} == weighted_degrees(politics_graph())
    assert [r[0] for r in rows(politics, settings, "top_actors", "actor", kind="state", limit=2)] == [
        "Aland", "Borduria",
    ]  # fmt: skip


def test_edge_evidence(politics: Driver, settings: Settings) -> None:
    got = rows(politics, settings, "edge_evidence", "relation", "target", "quote", "article", "date",
               "outlet", source="Syldavia")  # fmt: skip
    assert got == [
        ("CONDEMNS", "Aland", "Syldavia condemned Aland.", "a2", "2021-06-01", "Test Wire"),
        ("CONDEMNS", "Aland", "Syldavia denounced Aland again.", "a5", "2022-02-01", "Test Wire"),
        ("CONDEMNS", "Borduria", "Syldavia condemned Borduria.", "a5", "2022-03-01", "Test Wire"),
    ]
    assert (
        len(rows(politics, settings, "edge_evidence", "quote", source="Dravia", target="aland"))
        == 1
    )


def test_parameter_errors_are_one_line(politics: Driver, settings: Settings) -> None:
    with pytest.raises(GraphkitError, match="needs --param actor=VALUE"):
        run_query(politics, "supporters_of", {}, settings.database)
    with pytest.raises(GraphkitError, match="no parameter 'who'"):
        run_query(politics, "supporters_of", {"who": "x"}, settings.database)
    with pytest.raises(GraphkitError, match="limit must be an int"):
        run_query(politics, "top_actors", {"limit": "ten"}, settings.database)
    with pytest.raises(GraphkitError, match="no query named 'nope'"):
        run_query(politics, "nope", {}, settings.database)


def test_output_formats_are_deterministic(politics: Driver, settings: Settings) -> None:
    result = run_query(politics, "alliance_blocs", {}, settings.database)
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["target", "stance", "size", "states", "evidence"]
    assert "Dravia; Syldavia" in table and table.endswith("(2 rows)\n")
    assert format_result(result, "csv").splitlines()[1] == "Aland,CONDEMNS,2,Dravia; Syldavia,3"
    assert '"states": [\n   "Dravia",' in format_result(result, "json")
    assert run_query(politics, "alliance_blocs", {}, settings.database) == result


def test_query_command(
    politics: Driver, neo4j_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    for key, value in neo4j_env.items():
        monkeypatch.setenv(key, value)
    assert main(["query", "supporters_of", "--param", "actor=aland", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "supporter,kind,target,evidence,quote,article,date"
    assert out.splitlines()[1].startswith("Borduria,State,Aland,2,")
    assert main(["query", "--list"]) == 0
    listed = capsys.readouterr().out
    for name in PACK:
        assert f"\n{name}\n" in f"\n{listed}"
    assert "--param actor (str, required)" in listed
    assert main(["query", "supporters_of"]) == 1
    assert (
        capsys.readouterr().err
        == "graphkit: error: query supporters_of needs --param actor=VALUE (the supported actor: name, alias or id, case-insensitive)\n"
    )


def test_seed_graph_facts(clean_db: Driver, settings: Settings, seed_graph: Graph) -> None:
    load_graph(clean_db, seed_graph, database=settings.database)
    supporters = [
        r[0] for r in rows(clean_db, settings, "supporters_of", "supporter", actor="China")
    ]
    condemners = [
        r[0] for r in rows(clean_db, settings, "condemners_of", "condemner", actor="beijing")
    ]
    assert "Russia" in supporters
    assert "United States" in condemners
    top = rows(clean_db, settings, "top_actors", "actor", limit=1)
    assert top == [("China",)]
    # Every query of the pack runs on the real graph (with its required parameters).
    required = {"actor": "China", "source": "United States", "target": "China"}
    for spec in list_queries():
        params = {p.name: required[p.name] for p in spec.params if p.required}
        result = run_query(clean_db, spec.name, params, settings.database)
        assert isinstance(result, QueryResult) and result.columns
