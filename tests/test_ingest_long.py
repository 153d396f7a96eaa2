"""No truncation: a text of any length is analysed whole, in chunks, offsets true to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.build import build
from graphkit.cli import main
from graphkit.ingest import read_file

# A repeated line is page furniture (a repeated caption) and is blanked before parsing, so
# a million characters of it cost little to parse while the text keeps its full length.
FILLER = "Archive notice: this page is kept for the record and for nothing else.\n"
RELATION = "Germany condemned Russia over the attack on the power station on Tuesday."


def _long_file(path: Path) -> str:
    text = FILLER * (1_000_000 // len(FILLER) + 10) + "\n" + RELATION + "\n"
    path.write_text(text, "utf-8")
    return text


def test_a_relation_after_character_one_million_is_found_with_true_offsets(
    tmp_path: Path,
) -> None:
    source = tmp_path / "long.txt"
    text = _long_file(source)
    (article,), problems = read_file(source)
    assert not problems and article.text == text
    report = build([source], tmp_path / "out", formats=["json"])
    assert not report.notes
    (relation,) = report.graph.relations
    assert (relation.source, relation.target, relation.type.value) == (
        "state:germany",
        "state:russia",
        "CONDEMNS",
    )
    (evidence,) = relation.evidence
    assert evidence.start > 1_000_000
    assert text[evidence.start : evidence.end] == evidence.text == RELATION
    evidence.check_against(article.text)


def test_no_truncation_note_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "long.txt"
    _long_file(source)
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--formats", "json"]) == 0
    err = capsys.readouterr().err
    assert "note:" not in err and "1 relations" in err
