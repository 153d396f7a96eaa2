"""End to end: graphkit build on the seeds, evidence offsets, determinism, CLI behaviour."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.build import BuildReport, build
from graphkit.cli import main, make_parser
from graphkit.ingest import read_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_every_relation_has_checked_evidence(seed_build: BuildReport) -> None:
    graph = seed_build.graph
    assert graph.relations, "the seed build found no relation"
    texts = {(a.id, a.part): a.text for a in read_articles([SEEDS]).articles}
    for relation in graph.relations:
        assert relation.count == len(relation.evidence) >= 1
        for evidence in relation.evidence:
            evidence.check_against(texts[(evidence.article, evidence.part)])
            assert evidence.rule and 0 < evidence.confidence <= 1


def test_seed_build_writes_all_formats(seed_build: BuildReport) -> None:
    assert sorted(p.name for p in seed_build.outputs) == [
        "graph.cypher", "graph.graphml", "graph.html", "graph.json",
    ]  # fmt: skip
    assert all(p.stat().st_size > 0 for p in seed_build.outputs)
    assert len(seed_build.graph.articles) == 8  # 003 holds four articles


def test_build_is_byte_identical(seed_build: BuildReport, tmp_path: Path) -> None:
    again = build([SEEDS], tmp_path)
    for first, second in zip(seed_build.outputs, again.outputs, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def _subcommands() -> list[str]:
    parser = make_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_all_command_families_are_present() -> None:
    assert {"build", "eval"} <= set(_subcommands())


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"graphkit {command}" in out and "Example:" in out


def test_build_reports_bad_files_and_processes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Canada condemned Iran over the arrests.", encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "blob.txt").write_bytes(b"\x00\xff\x00")
    assert main(["build", str(inputs), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in err) == [
        "blob.txt",
        "empty.txt",
    ]
    assert (tmp_path / "out" / "graph.json").exists()


def test_build_fails_cleanly_when_nothing_is_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("graphkit: error: no article could be read") and "empty file" in err
    assert not (tmp_path / "out" / "graph.json").exists()


def test_strict_fails_on_any_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("Chile backed Peru.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--strict"]) == 1
    assert "--strict" in capsys.readouterr().err


def test_module_and_script_entry_points_give_no_traceback(tmp_path: Path) -> None:
    command = ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "graphkit", *command], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"graphkit: error: no article could be read from the input: {tmp_path / 'nope.txt'}: "
        "no such file or directory"
    )


def test_explain_shows_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Canada strongly condemned Iran on Monday.", encoding="utf-8")
    assert (
        main(["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--explain", "-q"])
        == 0
    )
    out = capsys.readouterr().out
    assert "Canada -CONDEMNS-> Iran" in out and "verb-active on 'condemned'" in out
