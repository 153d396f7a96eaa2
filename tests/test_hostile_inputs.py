"""Hostile inputs: every bad file gets one clear message, the rest is built, no traceback."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphkit import shard as shard_module
from graphkit.build import _read
from graphkit.cli import main
from graphkit.ingest import read_file

ROOT = Path(__file__).resolve().parent.parent
build_module = importlib.import_module("graphkit.build")  # the package exports a build()
GOOD = "Germany supports Ukraine, Berlin said on Monday.\n"
PARAGRAPH = (
    "The United States condemned the arrest of the opposition leader, and the European "
    "Union said it supports the protesters in the capital.\n\n"
)


def _hostile_tree(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    src = root / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, "utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "invalid.txt").write_bytes(b"Chile backed Peru \xff\xfe\xfa.")
    (src / "utf16.txt").write_bytes("\ufeffPeru backed Chile.\n".encode("utf-16-le"))
    scripts = "<script>var x = '</p>' + 1; alert('Germany supports');</script>" * 500
    (src / "scripts.html").write_text(
        f"<html><head>{scripts}</head><body>{scripts}</body>", "utf-8"
    )
    lines = ['{"id": "ok", "text": "France condemned the coup."}', "{not json", "[1, 2]", ""]
    (src / "feed.jsonl").write_text("\n".join([*lines, '{"text": 5}']), "utf-8")
    (src / "locked.txt").write_text(GOOD, "utf-8")
    (src / "loop").symlink_to(src)
    real = Path.read_bytes

    def deny(self: Path) -> bytes:  # root reads anything; fail as a user would
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    return src


def test_each_bad_file_gets_one_clear_message_and_the_rest_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _hostile_tree(tmp_path, monkeypatch)
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--formats", "json"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    skipped = [line for line in err.splitlines() if line.startswith("graphkit: skipped")]
    for name in ("empty.txt", "binary.txt", "invalid.txt", "locked.txt", "scripts.html"):
        assert sum(name in line for line in skipped) == 1, name
    assert "symlink loop" in err and "feed.jsonl" in err
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    ids = {a["id"] for a in graph["graph"]["articles"]}
    assert {"good", "utf16", "ok"} <= ids


def test_a_50_mb_file_is_read_in_linear_time(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 2**20 // len(PARAGRAPH) + 1):
            handle.write(PARAGRAPH)
    started = time.perf_counter()
    articles, problems = read_file(big)
    assert time.perf_counter() - started < 15 and not problems
    assert sum(len(a.text) for a in articles) >= 50 * 2**20 - len(PARAGRAPH)


def test_a_long_line_without_sentence_breaks_is_chunked_and_analysed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = tmp_path / "line.txt"
    line.write_text("Germany supports Ukraine " + "and more words " * 4_000, "utf-8")
    monkeypatch.setattr(shard_module, "CHUNK_CHARS", 10_000)
    report = build_module.build([line], tmp_path / "out", formats=["json"])
    assert not report.notes and report.extracted == 1
    assert report.graph.relations


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for index in range(10_000):
        body = "" if index % 100 else f"Note {index}: Germany supports Ukraine.\n"
        (src / f"n{index:05d}.txt").write_text(body, "utf-8")
    started = time.perf_counter()
    articles, problems, files = _read([src], None)
    assert time.perf_counter() - started < 20
    assert (len(articles), len(problems), files) == (100, 9_900, 10_000)
    report = build_module.build([src], tmp_path / "out", formats=["json"])
    assert len(report.graph.articles) == 100 and len(report.problems) == 9_900


@pytest.mark.slow
def test_ctrl_c_mid_build_exits_130_with_one_line_and_no_partial_output(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import make_corpus

    corpus = tmp_path / "corpus"
    make_corpus(corpus, 400)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "graphkit", "build", str(corpus), "--out", str(out)]
    child = subprocess.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(8)  # the model is loaded and extraction is under way
    assert child.poll() is None, "the build finished before it could be interrupted"
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err.strip().splitlines() == [
        "graphkit: interrupted; outputs already written are complete"
    ]
    assert not (out / "graph.json").exists()
    assert not list(out.glob(".*.tmp")) if out.exists() else True
