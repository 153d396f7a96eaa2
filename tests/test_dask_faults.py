"""Faults on a real Dask LocalCluster (worker processes): a worker killed mid-build, an
article whose extraction raises, an article that kills every worker it runs on.

The hostile articles are real articles run through the real pipeline by an Extractor
subclass that fails on a marker word: the factory is the executor's public parameter."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_dask import make_corpus, same_outputs

from graphkit.build import build
from graphkit.ingest import read_articles
from graphkit.models import Article
from graphkit.pipeline import ArticleExtraction, Extractor

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

from graphkit.executors import dask as dask_executor  # noqa: E402
from graphkit.executors.dask import extract_on_dask  # noqa: E402

pytestmark = [pytest.mark.dask, pytest.mark.slow]
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import tests


class HostileExtractor(Extractor):
    """The real Extractor, except on articles carrying a marker: RAISE raises, KILL exits
    the worker process at once (as a segfault or the OOM killer would)."""

    def extract(self, article: Article, doc: object = None) -> ArticleExtraction:
        if "HOSTILE-KILL" in article.text:
            os._exit(3)
        if "HOSTILE-RAISE" in article.text:
            raise ValueError("cannot digest this article")
        return super().extract(article, doc)  # type: ignore[arg-type]


@dataclass(frozen=True)
class HostileFactory:
    def __call__(self) -> Extractor:
        return HostileExtractor()


@pytest.fixture
def cluster(request: pytest.FixtureRequest) -> Iterator[tuple[str, distributed.Client]]:
    """A fresh two-worker LocalCluster (so killing its workers disturbs no other test)."""
    failures = getattr(request, "param", 3)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": failures}),
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            scheduler_port=0,
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield str(local.scheduler_address), client


def test_a_worker_killed_mid_build_is_replaced_and_the_outputs_stay_identical(
    cluster: tuple[str, distributed.Client], tmp_path: Path
) -> None:
    address, client = cluster
    corpus = make_corpus(tmp_path / "in", 20)
    single = build([corpus], tmp_path / "j1")
    pids: dict[str, int] = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(done: int, total: int) -> None:
        if killed or done >= total:
            return
        busy = [addr for addr, keys in client.processing().items() if keys and addr in pids]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed.append(pids[busy[0]])

    report = build(
        [corpus], tmp_path / "dask", executor="dask", scheduler=address, progress=kill_a_busy_worker
    )
    assert killed, "no worker was busy to be killed"
    same_outputs(single, report)
    assert report.problems == () and len(report.graph.articles) == 20
    client.wait_for_workers(2, timeout=120)  # the nanny started a new worker process
    assert killed[0] not in client.run(os.getpid).values()


def _poisoned(tmp_path: Path, marker: str) -> tuple[list[Article], int]:
    corpus = make_corpus(tmp_path / "in", 6)
    victim = corpus / "a0003.txt"
    victim.write_text(victim.read_text("utf-8") + f"\n{marker}\n", "utf-8")
    articles = list(read_articles([corpus]).articles)
    return articles, next(i for i, a in enumerate(articles) if a.id == victim.stem)


def _check(articles: list[Article], bad: int, run: dask_executor.DaskRun, reason: str) -> None:
    assert len(run.problems) == 1
    problem = str(run.problems[0])
    assert problem.startswith(articles[bad].path) and reason in problem
    assert run.extractions[bad] is None
    kept = [(e, a) for e, a in zip(run.extractions, articles, strict=True) if e is not None]
    assert all(e.article is a for e, a in kept)  # no copy of the text came back
    serial = Extractor().extract_all([a for i, a in enumerate(articles) if i != bad])
    assert [e for e in run.extractions if e is not None] == serial


def test_an_article_that_raises_is_reported_and_the_rest_completes(
    dask_scheduler: str, tmp_path: Path
) -> None:
    articles, bad = _poisoned(tmp_path, "HOSTILE-RAISE")
    run = extract_on_dask(articles, HostileFactory(), scheduler=dask_scheduler)
    _check(articles, bad, run, "extraction failed: ValueError: cannot digest this article")


@pytest.mark.parametrize("cluster", [0], indirect=True)  # no retry: KilledWorker at once
def test_an_article_that_kills_workers_is_isolated_and_reported(
    cluster: tuple[str, distributed.Client], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_executor, "TASKS_PER_THREAD", 1)  # batches 3, 2, 1: one to split
    articles, bad = _poisoned(tmp_path, "HOSTILE-KILL")
    run = extract_on_dask(articles, HostileFactory(), scheduler=cluster[0])
    _check(articles, bad, run, "extraction kept killing Dask workers")


def _spawned_workers(group: int) -> int:
    """Worker processes: spawned ones, or those forked by the fork server (whose command
    line they share; the server itself starts before the cluster and is not counted)."""
    ps = ["ps", "-ww", "-o", "pid=,ppid=,args=", "-g", str(group)]  # -ww: never cut
    found = subprocess.run(ps, capture_output=True, text=True).stdout
    rows = [line.split(None, 2) for line in found.splitlines() if len(line.split(None, 2)) == 3]
    servers = {pid for pid, _, args in rows if "multiprocessing.forkserver" in args}
    return sum(1 for _, parent, args in rows if "spawn_main" in args or parent in servers)


def _ignores_sigint(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text("utf-8")
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:"))
    return bool(int(mask, 16) & (1 << (signal.SIGINT - 1)))


@pytest.mark.parametrize("early", [True, False])  # also a Ctrl-C while the workers start
def test_ctrl_c_exits_130_with_one_line_and_stops_the_workers(tmp_path: Path, early: bool) -> None:
    corpus = make_corpus(tmp_path / "in", 600)
    command = [sys.executable, "-m", "graphkit", "build", str(corpus), "--out", str(tmp_path)]
    child = subprocess.Popen(
        [*command, "--executor", "dask", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    waited = 0
    while waited < 600 and not _spawned_workers(child.pid) and child.poll() is None:
        time.sleep(0.1)  # until the LocalCluster has spawned its worker processes
        waited += 1
    if early and _ignores_sigint(child.pid):  # the cluster is starting: ignored, harmless
        os.killpg(child.pid, signal.SIGINT)
    while waited < 1200 and _ignores_sigint(child.pid) and child.poll() is None:
        time.sleep(0.1)  # until the cluster is up and Ctrl-C is handled again
        waited += 1
    time.sleep(0.5 if early else 3.0)
    assert child.poll() is None, f"the build ended before it could be interrupted ({waited})"
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert err.strip().splitlines() == [
        "graphkit: interrupted; outputs already written are complete"
    ]
    assert not (tmp_path / "graph.json").exists()
    for _ in range(50):  # no worker process is left behind
        if not _spawned_workers(child.pid):
            break
        time.sleep(0.2)
    else:
        pytest.fail("worker processes left behind")
