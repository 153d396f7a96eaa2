"""``--executor dask`` on a real LocalCluster (worker processes): byte-identical outputs,
progress, the --update cache, the CLI options and their one-line errors."""

from __future__ import annotations

import random
import re
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphkit.build import BuildReport, build
from graphkit.cli import main
from graphkit.errors import GraphkitError
from graphkit.ingest import read_articles
from graphkit.models import Article
from graphkit.pipeline import Extractor

pytest.importorskip("distributed")

from graphkit.executors import dask as dask_executor
from graphkit.executors import dask_cluster
from graphkit.executors.dask import ExtractorFactory, connect, plan_batches

cloudpickle = pytest.importorskip("cloudpickle")
pytestmark = pytest.mark.dask
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import tests

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_corpus(directory: Path, count: int) -> Path:
    """``count`` deterministic articles of 2-4 seed paragraphs each, as .txt files."""
    paragraphs = [
        block.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for block in re.split(r"\n\s*\n", path.read_text("utf-8"))
        if len(block.split()) >= 25 and not block.lstrip().startswith(("#", "By "))
    ]
    directory.mkdir(parents=True)
    for index in range(count):
        rng = random.Random(index)
        chosen = rng.sample(paragraphs, rng.randint(2, 4))
        text = f"Article {index}\n\n" + "\n\n".join(chosen) + "\n"
        (directory / f"a{index:04d}.txt").write_text(text, "utf-8")
    return directory


def same_outputs(first: BuildReport | Path, second: BuildReport | Path) -> None:
    a = first.outputs if isinstance(first, BuildReport) else sorted(first.glob("graph.*"))
    b = second.outputs if isinstance(second, BuildReport) else sorted(second.glob("graph.*"))
    assert sorted(p.name for p in a) == sorted(p.name for p in b)
    for left, right in zip(sorted(a), sorted(b), strict=True):
        assert left.read_bytes() == right.read_bytes(), left.name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """A generated corpus and its ``--jobs 1`` build."""
    directory = make_corpus(tmp_path_factory.mktemp("corpus") / "in", 24)
    return directory, build([directory], tmp_path_factory.mktemp("corpus-j1"))


def test_dask_build_of_the_seeds_is_byte_identical(
    seed_build: BuildReport, dask_scheduler: str, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    report = build(
        [SEEDS],
        tmp_path,
        executor="dask",
        scheduler=dask_scheduler,
        progress=lambda done, total: seen.append((done, total)),
    )
    same_outputs(seed_build, report)
    assert report.extracted == 8 and report.problems == ()
    assert seen[-1] == (8, 8) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_dask_build_of_a_generated_corpus_is_byte_identical(
    corpus: tuple[Path, BuildReport], dask_scheduler: str, tmp_path: Path
) -> None:
    directory, single = corpus
    report = build([directory], tmp_path, executor="dask", scheduler=dask_scheduler)
    same_outputs(single, report)
    assert len(report.graph.articles) == 24


def test_cli_executor_dask_starts_a_local_cluster(
    corpus: tuple[Path, BuildReport], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory, single = corpus
    out = tmp_path / "out"
    assert main(["build", str(directory), "--out", str(out), "--executor", "dask", "-j", "2"]) == 0
    same_outputs(single, out)
    assert "24 articles from 24 files" in capsys.readouterr().err


def test_update_cache_works_with_dask(dask_scheduler: str, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "out"

    def run() -> BuildReport:
        return build([corpus], out, update=True, executor="dask", scheduler=dask_scheduler)

    first, again = run(), run()
    assert (first.extracted, again.extracted, again.reused) == (3, 0, 3)
    same_outputs(first, again)
    (corpus / "new.txt").write_text("Germany supports Ukraine, Berlin said.\n", "utf-8")
    updated = run()
    assert (updated.extracted, updated.reused) == (1, 3)
    same_outputs(build([corpus], tmp_path / "fresh"), updated)


def _plan(items: list[Article], threads: int, **caps: int) -> list[list[int]]:
    indices = range(len(items))
    return list(plan_batches(indices, threads, lambda i: len(items[i].text), **caps))


def test_batches_respect_the_article_and_text_caps() -> None:
    articles = [Article(id=f"a{i}", text="x" * (300 if i == 5 else 10)) for i in range(40)]
    batches = _plan(articles, threads=1, max_articles=2, max_chars=300)
    assert [i for batch in batches for i in batch] == list(range(40))
    assert batches[:4] == [[0, 1], [2, 3], [4], [5]]  # the 300-character article goes alone
    assert all(len(batch) <= 2 for batch in batches)
    assert len(_plan(articles, threads=2)) >= 8  # small corpus: several tasks per worker
    big = [Article(id=f"a{i}", text="x") for i in range(10_000)]
    sizes = [len(b) for b in _plan(big, threads=2)]
    assert sum(sizes) == 10_000 and max(sizes) == 100 and sizes[:90] == [100] * 90
    tail = sizes[len(sizes) - sizes[::-1].index(100) :]  # after the last full batch
    assert tail == sorted(tail, reverse=True) and tail[-1] == 1  # ever smaller at the end


def test_batches_are_planned_from_a_lazy_input() -> None:
    consumed: list[int] = []

    def source() -> Iterator[int]:
        for index in range(10_000):
            consumed.append(index)
            yield index

    batches = plan_batches(source(), 2, lambda _: 1)
    assert next(batches) == list(range(100))
    assert len(consumed) <= 400  # a batch and the look-ahead, not the whole input


def _loaded_extractors() -> int:
    from graphkit.executors import dask_worker

    return len(dask_worker._EXTRACTORS)


def test_the_local_cluster_forks_its_workers_with_the_model_loaded() -> None:
    from graphkit.executors.dask_worker import ExtractorFactory

    with connect(workers=2, factory=ExtractorFactory()) as client:
        client.wait_for_workers(2, timeout=120)
        loaded = client.run(_loaded_extractors)  # before any task ran
    assert sorted(loaded.values()) == [1, 1]


def test_the_driver_reads_a_bounded_window_of_the_input(
    dask_scheduler: str, tmp_path: Path
) -> None:
    """Memory on the driver: the articles are taken from a generator as the workers need
    them, and given back in input order, so the corpus is never held all at once."""
    directory = make_corpus(tmp_path / "in", 48)
    articles = sorted(read_articles([directory]).articles, key=lambda a: a.id)
    taken: list[int] = []
    ahead: list[int] = []

    def lazily() -> Iterator[Article]:
        for index, article in enumerate(articles):
            taken.append(index)
            yield article

    run = dask_executor.DaskRun()
    outputs = []
    for output in dask_executor.stream_on_dask(
        lazily(), ExtractorFactory(), scheduler=dask_scheduler, max_articles=2, run=run
    ):
        outputs.append(output)
        ahead.append(len(taken) - len(outputs))
    assert [o.article for o in outputs] == articles  # in input order, the driver's objects
    bound = ((2 + 1 + 1) * 2 + 1) * 2 + 2  # in flight, read ahead, a margin; a batch more
    assert max(ahead) <= bound < len(articles) and run.most_read_ahead <= bound
    assert ahead[0] < len(articles)  # the first result came back before the input was read
    assert outputs == Extractor().extract_all(articles)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_scheduler_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_cluster, "CONNECT_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    argv = ["build", str(SEEDS), "--out", str(tmp_path), "--executor", "dask", "-q"]
    assert main([*argv, "--scheduler", address]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"graphkit: error: cannot reach the Dask scheduler at {address}")
    assert err.count("\n") == 1 and "Traceback" not in err
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)  # the default for --scheduler
    assert main(argv) == 1
    assert f"cannot reach the Dask scheduler at {address}" in capsys.readouterr().err
    assert not (tmp_path / "graph.json").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--executor", "dask", "--scheduler", "nonsense"], "'nonsense': missing port"),
        (["--executor", "dask", "--scheduler", "udp://h:1"], "expected tcp://HOST:PORT"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "needs --executor dask"),
    ],
)
def test_bad_executor_options_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["build", str(SEEDS), "--out", str(tmp_path), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_unknown_executor_in_the_api(tmp_path: Path) -> None:
    with pytest.raises(GraphkitError, match="--executor 'ray'"):
        build([SEEDS], tmp_path, executor="ray")


def test_help_documents_the_dask_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = capsys.readouterr().out
    assert "--executor {local,dask}" in text and "--scheduler ADDRESS" in text
    assert "DASK_SCHEDULER_ADDRESS" in text and "--executor dask --scheduler tcp://" in text


def test_actor_files_travel_to_the_workers(dask_scheduler: str, tmp_path: Path) -> None:
    actors = tmp_path / "extra.yaml"
    actors.write_text("- name: Northern Fisheries Council\n  kind: Body\n", "utf-8")
    article = tmp_path / "in" / "fish.txt"
    article.parent.mkdir()
    article.write_text(
        "The Northern Fisheries Council condemned China over the detention of fishermen.\n",
        "utf-8",
    )
    local = build([article.parent], tmp_path / "local", actor_files=[str(actors)])
    remote = build(
        [article.parent],
        tmp_path / "dask",
        actor_files=[str(actors)],
        executor="dask",
        scheduler=dask_scheduler,
    )
    assert "body:northern-fisheries-council" in {a.id for a in remote.graph.actors}
    same_outputs(local, remote)
    actors.write_text("- kind: Body\n", "utf-8")  # checked on the driver: one clear line
    with pytest.raises(GraphkitError, match=r"extra\.yaml: entry 1: each entry needs a 'name'"):
        build([article.parent], tmp_path / "bad", actor_files=[str(actors)], executor="dask")


def test_a_build_with_everything_cached_reaches_no_cluster() -> None:
    from graphkit.assemble import ArticleExtraction

    done = [ArticleExtraction(Article(id=f"a{i}", text="x")) for i in range(3)]
    seen: list[tuple[int, int]] = []
    nowhere = f"tcp://127.0.0.1:{_free_port()}"  # connecting would fail
    outputs = dask_executor.stream_on_dask(
        done, ExtractorFactory(), scheduler=nowhere, progress=lambda *n: seen.append(n)
    )
    assert list(outputs) == done and seen[-1] == (3, 3)
