"""Start-up cost and quiet drivers: commands that parse no text do not load spaCy (nor the
Neo4j driver, unless they talk to a server), and the driver logs nothing unless asked."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphkit.commands import neo4j as neo4j_commands
from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.neo4j.connection import driver_logging
from graphkit.sinks.node_link import write_json


def _small_graph() -> Graph:
    norway, russia = (
        Actor.create(n, ActorKind.STATE, articles=["a"]) for n in ("Norway", "Russia")
    )
    text = "Norway condemned Russia."
    evidence = Evidence(article="a", text=text, start=0, end=len(text), rule="svo")
    relation = Relation(
        source=norway.id, target=russia.id, type=RelationType.CONDEMNS, evidence=(evidence,)
    )
    return Graph(actors=(norway, russia), relations=(relation,))


_PROBE = """
import json, sys
from graphkit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted(m for m in ("spacy", "neo4j", "trafilatura", "feedparser") if m in sys.modules)
print(json.dumps(heavy), file=sys.stderr)
"""


def _heavy_modules(*argv: str, cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, cwd=cwd
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "argv",
    [
        ("--version",),
        ("build", "--help"),
        ("query", "--help"),
        ("load", "--help"),
        ("stats", "GRAPH"),
        ("map", "GRAPH", "--out", "OUT/map.html"),
        ("figure", "GRAPH", "--out", "OUT/figure.svg"),
        ("eval", "--help"),
    ],
)
def test_commands_that_parse_no_text_do_not_import_spacy(
    argv: tuple[str, ...], tmp_path: Path
) -> None:
    graph = tmp_path / "graph.json"
    write_json(_small_graph(), graph)
    args = [a.replace("GRAPH", str(graph)).replace("OUT", str(tmp_path)) for a in argv]
    assert _heavy_modules(*args, cwd=tmp_path) == []
    if argv[0] == "map":
        assert (tmp_path / "map.html").stat().st_size > 1000  # the command really ran


def test_the_parser_batch_size_default_is_the_loaders() -> None:
    from graphkit.neo4j.loader import DEFAULT_BATCH_SIZE

    assert neo4j_commands.DEFAULT_BATCH_SIZE == DEFAULT_BATCH_SIZE


@pytest.fixture
def neo4j_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("neo4j")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield logger
    logger.handlers[:], logger.level, logger.propagate = saved[0], saved[1], saved[2]


def _defunct(logger: logging.Logger) -> None:
    logging.getLogger("neo4j.io").error(
        "[#AEA4] _: <CONNECTION> error: Failed to read from defunct connection "
        "IPv4Address(('127.0.0.1', 7687))"
    )


def test_driver_log_lines_stay_off_stderr_unless_verbose(
    neo4j_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    driver_logging(verbose=False)
    _defunct(neo4j_logger)
    assert capsys.readouterr().err == ""
    driver_logging(verbose=True)
    _defunct(neo4j_logger)
    err = capsys.readouterr().err
    assert err.startswith("graphkit: neo4j driver: ERROR [#AEA4]") and err.count("\n") == 1
    driver_logging(verbose=False)  # switching back leaves one handler, and it is silent
    _defunct(neo4j_logger)
    assert capsys.readouterr().err == ""


def test_load_and_query_take_verbose() -> None:
    from graphkit.cli import make_parser

    parser = make_parser()
    assert parser.parse_args(["load", "g.json", "--verbose"]).verbose is True
    assert parser.parse_args(["query", "--list"]).verbose is False


def test_in_a_plain_process_the_driver_line_is_printed_only_before_quieting() -> None:
    code = (
        "import logging\n"
        "from graphkit.neo4j.connection import driver_logging\n"
        "log = logging.getLogger('neo4j.io')\n"
        "log.error('[#AEA4] _: <CONNECTION> error: first')\n"
        "driver_logging(verbose=False)\n"
        "log.error('[#AEA4] _: <CONNECTION> error: second')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "first" in done.stderr and "second" not in done.stderr


def test_package_names_stay_what_they_were() -> None:
    code = (
        "import sys, graphkit.build, graphkit\n"
        "assert callable(graphkit.build) and graphkit.read_json\n"
        "assert 'spacy' not in sys.modules\n"
        "assert graphkit.Extractor.__name__ == 'Extractor' and 'spacy' in sys.modules\n"
        "import graphkit.neo4j as n\n"
        "assert n.DEFAULT_BATCH_SIZE == 2000 and callable(n.load_graph)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
