"""Extraction quality floors on the seed gold and the two development sets.

The floors are the figures measured when they were set (benchmarks/quality.py prints them)
minus a small margin: a change that loses recall or precision on any set fails here. Raise
them when the extraction improves; never lower them to let a change through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.build import build
from graphkit.evaluate import score_graph

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(__file__).parent / "fixtures" / "dev"

# set: (inputs, gold, relation precision floor, relation recall floor, actor F1 floor)
FLOORS = {
    # measured: P=0.982 R=0.966 actors F1=0.990
    "seeds": (ROOT / "seeds", ROOT / "seeds" / "seeds.yaml", 0.95, 0.93, 0.97),
    # measured: P=0.968 R=0.741 actors F1=0.944
    "plover": (DEV / "plover_dev.jsonl", DEV / "plover_dev.yaml", 0.93, 0.72, 0.92),
    # measured: P=0.976 R=0.917 actors F1=0.946
    "usgov": (DEV / "usgov_dev.jsonl", DEV / "usgov_dev.yaml", 0.93, 0.88, 0.92),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floor(name: str, tmp_path: Path) -> None:
    inputs, gold, precision, recall, actor_f1 = FLOORS[name]
    build([inputs], tmp_path, formats=["json"])
    score, _ = score_graph(tmp_path / "graph.json", gold)
    relations = score["relations"]
    assert relations["precision"] >= precision, (name, relations)
    assert relations["recall"] >= recall, (name, relations)
    assert score["actors"]["f1"] >= actor_f1, (name, score["actors"])
