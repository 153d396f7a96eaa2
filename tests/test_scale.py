"""Scale: --jobs, --update (incremental cache), --shard + merge, chunking, progress."""

from __future__ import annotations

import io
import itertools
import shutil
from pathlib import Path

import pytest

from graphkit import shard as shard_module
from graphkit.build import BuildReport, build, write_outputs
from graphkit.cli import main
from graphkit.errors import GraphkitError
from graphkit.ingest import read_articles
from graphkit.ingest.files import iter_input_files
from graphkit.merge import merge_graphs, read_parts
from graphkit.pipeline import Extractor
from graphkit.progress import ProgressBar
from graphkit.shard import chunk_bounds, in_shard, parse_shard

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _same_outputs(first: BuildReport | list[Path], second: BuildReport | list[Path]) -> None:
    a = first.outputs if isinstance(first, BuildReport) else first
    b = second.outputs if isinstance(second, BuildReport) else second
    assert [p.name for p in a] == [p.name for p in b]
    for left, right in zip(a, b, strict=True):
        assert left.read_bytes() == right.read_bytes(), left.name


@pytest.mark.slow
def test_jobs_2_gives_the_same_bytes_as_jobs_1(seed_build: BuildReport, tmp_path: Path) -> None:
    report = build([SEEDS], tmp_path, jobs=2)
    _same_outputs(seed_build, report)
    assert report.extracted == len(report.graph.articles) and report.reused == 0


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(GraphkitError, match="--jobs"):
        build([SEEDS], tmp_path, jobs=0)


def _copy_seeds(target: Path) -> Path:
    target.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, target / path.name)
    return target


@pytest.mark.slow
def test_update_reuses_unchanged_articles_and_equals_a_full_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _copy_seeds(tmp_path / "in")
    out = tmp_path / "out"
    first = build([corpus], out, update=True)
    assert first.extracted == 8 and first.reused == 0

    calls: list[str] = []
    real_extract = Extractor.extract

    def counting(self: Extractor, article: object, doc: object = None) -> object:
        calls.append(getattr(article, "id", "?"))
        return real_extract(self, article, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "extract", counting)
    again = build([corpus], out, update=True)
    assert (again.extracted, again.reused, calls) == (0, 8, [])
    _same_outputs(first, again)

    changed = corpus / "000_2386e982bd87fde8.txt"
    changed.write_text(changed.read_text("utf-8") + "\nFrance condemned the raid.\n", "utf-8")
    (corpus / "001_8baade03d24bce8e.txt").unlink()
    (corpus / "new.txt").write_text("Germany supports Ukraine, Berlin said.\n", "utf-8")
    updated = build([corpus], out, update=True)
    assert updated.extracted == 2 and updated.reused == 6
    assert sorted(calls) == ["000_2386e982bd87fde8", "new"]
    fresh = build([corpus], tmp_path / "fresh")
    _same_outputs(fresh, updated)
    assert "001_8baade03d24bce8e" not in {a.id for a in updated.graph.articles}
    entries = list((out / ".graphkit-cache").glob("*/*.json"))
    assert len(entries) == len(updated.graph.articles)  # the deleted file's entry is pruned


def test_shard_partition_is_stable_and_complete() -> None:
    files = [p for p in iter_input_files([SEEDS]) if isinstance(p, Path)]
    for count in (1, 2, 3, 7):
        owners = [
            [i for i in range(1, count + 1) if in_shard(f, [SEEDS], (i, count))] for f in files
        ]
        assert all(len(o) == 1 for o in owners)
    assert parse_shard("2/3") == (2, 3)
    for bad in ("0/2", "3/2", "x", "1/0"):
        with pytest.raises(GraphkitError):
            parse_shard(bad)


@pytest.mark.slow
@pytest.mark.parametrize("count", [2, 3])
def test_sharded_builds_merge_to_the_single_build(
    seed_build: BuildReport, tmp_path: Path, count: int
) -> None:
    parts = []
    for index in range(1, count + 1):
        part = tmp_path / f"part{index}"
        try:
            build([SEEDS], part, shard=(index, count), formats=["json"])
        except GraphkitError as err:  # a shard may hold no file at all
            assert "holds no article" in str(err)
            continue
        parts.append(part)
    merged = write_outputs(merge_graphs(read_parts(parts)), tmp_path / "merged")
    _same_outputs(seed_build, merged)


def test_merge_cli_rejects_missing_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["merge", str(tmp_path / "out"), str(tmp_path / "nope")]) == 1
    assert "no such graph" in capsys.readouterr().err


def test_merge_cli_round_trips_one_graph(
    seed_build: BuildReport, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph_json = next(p for p in seed_build.outputs if p.name == "graph.json")
    assert main(["merge", str(tmp_path), str(graph_json)]) == 0
    assert (tmp_path / "graph.json").read_bytes() == graph_json.read_bytes()
    assert "8 articles from 1 parts" in capsys.readouterr().err


def test_chunk_bounds_cover_the_text_at_breaks() -> None:
    text = ("One sentence here. " * 40 + "\n\n") * 30 + "x" * 5000
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= 1000 for start, end in bounds)
    assert text[bounds[0][1] - 2 : bounds[0][1]] == "\n\n"


@pytest.mark.slow
def test_long_articles_are_chunked_with_correct_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    (article,) = read_articles([SEEDS / "002_99c4d6d6c99267d6.txt"]).articles
    extractor = Extractor()
    whole = extractor.extract_all([article])[0]
    monkeypatch.setattr(shard_module, "CHUNK_CHARS", 3000)
    chunked = extractor.extract_all([article])[0]
    assert len(article.text) > 3000 and chunked.evidence
    for items in chunked.evidence.values():
        for evidence in items:
            evidence.check_against(article.text)
    found = {(k, e.start) for k, items in chunked.evidence.items() for e in items}
    expected = {(k, e.start) for k, items in whole.evidence.items() for e in items}
    assert len(found & expected) >= len(expected) // 2  # only cross-chunk context is lost


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_rate_and_eta_on_a_terminal_only() -> None:
    tty = _Tty()
    bar = ProgressBar(stream=tty)
    bar.update(5, 10)
    bar.update(10, 10)
    bar.close()
    shown = tty.getvalue()
    assert "10/10 articles" in shown and "/s" in shown and "ETA" in shown
    pipe = io.StringIO()
    quiet = ProgressBar(stream=pipe)
    quiet.update(10, 10)
    quiet.close()
    assert pipe.getvalue() == ""
    silent = _Tty()
    ProgressBar(enabled=False, stream=silent).update(1, 2)
    assert silent.getvalue() == ""


def test_build_cli_summary_and_scale_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Germany supports Ukraine, Berlin said.\n", "utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01")
    argv = ["build", str(src), "--out", str(tmp_path / "out"), "--formats", "json", "--update"]
    assert main([*argv, "--jobs", "2", "--shard", "1/1"]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "(0 from cache)" in err
    assert main(argv) == 0
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("1 articles from 2 files, ") and "1 skipped" in summary
    assert summary.endswith("(1 from cache)")
    assert main([*argv, "--shard", "5/2"]) == 1


def test_cache_fingerprint_covers_every_rule_module_and_data_file() -> None:
    from graphkit.cache import fingerprinted_files

    package = Path(__file__).resolve().parent.parent / "graphkit"
    names = set(fingerprinted_files())
    for module in (package / "rules").glob("*.py"):
        assert f"rules/{module.name}" in names
    for data in (package / "data").rglob("*.yaml"):
        assert data.relative_to(package).as_posix() in names
    assert all((package / name).is_file() for name in names)
