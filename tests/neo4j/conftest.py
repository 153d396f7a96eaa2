"""Fixtures for tests against a real Neo4j server.

The server comes from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD when set; otherwise these
fixtures start the project's server with scripts/neo4j.sh (and stop it again at the end if
it was not running before). A server that cannot be reached fails the tests: never a skip.
Every test that writes starts from an empty database (``clean_db``).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graphkit.build import build
from graphkit.models import Graph
from graphkit.neo4j.connection import Settings, connect
from graphkit.neo4j.loader import clear_database
from graphkit.sinks.node_link import read_json

ROOT = Path(__file__).resolve().parents[2]
NEO4J_SH = ROOT / "scripts" / "neo4j.sh"


def _start_server() -> tuple[dict[str, str], bool]:
    status = subprocess.run([NEO4J_SH, "status"], capture_output=True, text=True, check=False)
    was_running = status.stdout.strip() == "running"
    started = subprocess.run([NEO4J_SH, "start"], capture_output=True, text=True, check=False)
    if started.returncode != 0:
        pytest.fail(f"scripts/neo4j.sh start failed:\n{started.stderr[-2000:]}", pytrace=False)
    env = dict(
        line.split("=", 1) for line in started.stdout.splitlines() if line.startswith("NEO4J_")
    )
    return env, not was_running


@pytest.fixture(scope="session")
def neo4j_env() -> Iterator[dict[str, str]]:
    """NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD of the server under test."""
    if os.environ.get("NEO4J_URI"):
        yield {
            "NEO4J_URI": os.environ["NEO4J_URI"],
            "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
            "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
        }
        return
    env, we_started = _start_server()
    try:
        yield env
    finally:
        if we_started:
            subprocess.run([NEO4J_SH, "stop"], capture_output=True, check=False)


@pytest.fixture(scope="session")
def settings(neo4j_env: dict[str, str]) -> Settings:
    return Settings(
        uri=neo4j_env["NEO4J_URI"],
        user=neo4j_env["NEO4J_USER"],
        password=neo4j_env["NEO4J_PASSWORD"],
        database=os.environ.get("NEO4J_DATABASE") or None,
    )


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    with connect(settings) as opened:
        yield opened


@pytest.fixture
def clean_db(driver: Driver, settings: Settings) -> Driver:
    """The driver, on a database emptied for this test."""
    clear_database(driver, settings.database)
    return driver


@pytest.fixture
def cli_env(neo4j_env: dict[str, str]) -> dict[str, str]:
    """Environment for `python -m graphkit` subprocesses against the test server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(neo4j_env)
    return env


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The seed corpus's graph, as `graphkit build seeds --formats json` writes it."""
    out = tmp_path_factory.mktemp("neo4j-seed")
    build([ROOT / "seeds"], out, formats=["json"])
    return read_json(out / "graph.json")
