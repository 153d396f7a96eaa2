"""graphkit eval must give exactly the reference scorer's numbers."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from graphkit.build import BuildReport
from graphkit.cli import main
from graphkit.evaluate import format_score, score_graph

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reference_score", FIXTURES / "reference_score.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _comparable(score: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in score.items() if k != "unresolved_names"}


def test_fixture_scores_equal_reference() -> None:
    ours, _ = score_graph(FIXTURES / "tiny_graph.json", FIXTURES / "tiny_gold.yaml")
    theirs, _ = reference().score(
        str(FIXTURES / "tiny_graph.json"), str(FIXTURES / "tiny_gold.yaml")
    )
    assert json.loads(json.dumps(ours)) == json.loads(json.dumps(_comparable(theirs)))
    # the fixture exercises every branch: hits, optional, FP, FN, unresolved names, kinds
    assert ours["relations"] == {
        "precision": 0.6,
        "recall": 0.75,
        "f1": 0.667,
        "tp": 3,
        "fp": 2,
        "fn": 1,
    }
    assert ours["actor_kind_accuracy"] == 0.75


def test_seed_build_scores_equal_reference(seed_build: BuildReport) -> None:
    graph = next(p for p in seed_build.outputs if p.name == "graph.json")
    gold = ROOT / "seeds" / "seeds.yaml"
    ours, _ = score_graph(graph, gold)
    theirs, _ = reference().score(str(graph), str(gold))
    assert json.loads(json.dumps(ours)) == json.loads(json.dumps(_comparable(theirs)))


def test_cli_prints_reference_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["eval", str(FIXTURES / "tiny_gold.yaml"), "--graph", str(FIXTURES / "tiny_graph.json")]
        )
        == 0
    )
    out = capsys.readouterr().out
    ours, _ = score_graph(FIXTURES / "tiny_graph.json", FIXTURES / "tiny_gold.yaml")
    assert out.strip() == format_score(ours)
    assert out.strip().splitlines()[-1].startswith("relations P=0.600 R=0.750 F1=0.667")


def test_cli_eval_bad_gold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.yaml"
    bad.write_text("just: [a list", encoding="utf-8")
    assert main(["eval", str(bad), "--graph", str(FIXTURES / "tiny_graph.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
