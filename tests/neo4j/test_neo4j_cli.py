"""graphkit load / query on the command line: faults give one clear line and exit 1."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j_graphs import politics_graph

from graphkit.neo4j.connection import Settings
from graphkit.neo4j.loader import count_graph
from graphkit.sinks.node_link import write_json

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]


def graphkit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def graph_json(tmp_path: Path) -> Path:
    path = tmp_path / "graph.json"
    write_json(politics_graph(), path)
    return path


def assert_one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphkit: error: "), result.stderr
    for text in expected:
        assert text in lines[0]


def test_load_then_query_on_the_command_line(
    clean_db: Driver, settings: Settings, cli_env: dict[str, str], graph_json: Path
) -> None:
    for _ in range(2):  # the second load must change nothing
        result = graphkit(cli_env, "load", str(graph_json), "--batch-size", "4")
        assert result.returncode == 0, result.stderr
        assert "it now holds 9 actors, 12 relations, 15 evidence" in result.stderr
    assert count_graph(clean_db, settings.database).actors == 9
    query = graphkit(cli_env, "query", "condemners_of", "-p", "actor=aland", "--format", "json")
    assert query.returncode == 0, query.stderr
    assert '"condemner": "Syldavia"' in query.stdout
    password = cli_env["NEO4J_PASSWORD"]
    assert password not in result.stdout + result.stderr + query.stdout + query.stderr


def test_server_down(cli_env: dict[str, str], graph_json: Path) -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    assert_one_line_error(graphkit(cli_env, "load", str(graph_json), "--uri", uri),
                          f"cannot reach Neo4j at {uri}", "server running")  # fmt: skip
    assert_one_line_error(graphkit(cli_env, "query", "top_actors", "--uri", uri), "cannot reach")


def test_wrong_password(cli_env: dict[str, str], graph_json: Path) -> None:
    env = {**cli_env, "NEO4J_PASSWORD": "not-the-password"}
    result = graphkit(env, "load", str(graph_json))
    assert_one_line_error(result, "rejected user 'neo4j'", "wrong user or password")
    assert "not-the-password" not in result.stderr


def test_unknown_database(cli_env: dict[str, str], graph_json: Path) -> None:
    assert_one_line_error(graphkit(cli_env, "load", str(graph_json), "--database", "nope"),
                          "has no database 'nope'")  # fmt: skip
    assert_one_line_error(graphkit(cli_env, "query", "top_actors", "--database", "nope"),
                          "has no database 'nope'")  # fmt: skip


def test_missing_password_without_a_terminal(cli_env: dict[str, str], graph_json: Path) -> None:
    env = {k: v for k, v in cli_env.items() if k != "NEO4J_PASSWORD"}
    assert_one_line_error(graphkit(env, "load", str(graph_json)), "set NEO4J_PASSWORD")


def test_bad_uri_and_bad_input(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert_one_line_error(graphkit(cli_env, "query", "top_actors", "--uri", "http://localhost:7474"),
                          "invalid Neo4j URI")  # fmt: skip
    assert_one_line_error(graphkit(cli_env, "load", str(tmp_path / "missing.json")), "no such file")
    broken = tmp_path / "broken.cypher"
    broken.write_text("RETURN 'unterminated;\n", "utf-8")
    assert_one_line_error(graphkit(cli_env, "load", str(broken)), "unterminated string")
    assert_one_line_error(graphkit(cli_env, "query", "top_actors", "-p", "limit=many"),
                          "limit must be an int")  # fmt: skip
    assert_one_line_error(graphkit(cli_env, "query", "no_such_query"), "no query named")


def test_help_has_examples(cli_env: dict[str, str]) -> None:
    for command in ("load", "query"):
        result = graphkit(cli_env, command, "--help")
        assert result.returncode == 0
        assert "Example" in result.stdout and f"graphkit {command}" in result.stdout
        assert "--uri" in result.stdout and "--database" in result.stdout
        assert "--password" not in result.stdout  # never on the command line
