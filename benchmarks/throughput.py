"""Throughput of ``graphkit build`` against bare spaCy, on synthetic corpora of N articles.

    python benchmarks/throughput.py                      # 10, 100 and 1,000 articles
    python benchmarks/throughput.py --articles 10000     # one size (or several: 100 1000)
    python benchmarks/throughput.py --processes 2        # the 1-vs-N process speed-up size
    python benchmarks/throughput.py --no-dask            # skip the Dask LocalCluster row
    python benchmarks/throughput.py --no-spacy           # skip the bare spaCy row
    python benchmarks/throughput.py --articles 1000 --repeat 3   # speed-ups: medians of 3

Each corpus is deterministic: every article is a few paragraphs drawn (seeded by its index)
from seeds/*.txt, written as .txt files to a temporary directory. Every measurement runs in
a fresh child process, so the peak RSS (ru_maxrss, workers included) is that run's alone.
Prints one row per size and run (cpu_s: CPU seconds of the run's processes, workers
included, which other work on a shared machine does not inflate), then the speed-up of ``--processes`` vs 1 on the 1,000
article corpus (or the largest size asked for); there, when dask[distributed] is installed,
also ``--executor dask`` on a LocalCluster of ``--processes`` workers (cluster start and
worker model loading included), its speed-up vs 1 process and vs ``--jobs N``, and its
per-task overhead (worker-thread seconds not spent loading or extracting, per task). With
``--repeat N`` the speed-up runs (1 process, N processes, Dask) are interleaved N times and
the ratios use each run's median wall time (bare spaCy too, for ``ratio_vs_spacy``): on a
shared or virtual machine one run's wall time varies by 10% or more, as much as the
differences measured. And, as the LAST line

``ratio_vs_spacy=X.XX``: graphkit words/s over bare ``nlp.pipe`` words/s, same texts and
same model, at the largest size (model loading is included in both timings).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

__all__ = ["main", "make_corpus"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PARAGRAPHS_PER_ARTICLE = (2, 5)


def _paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text("utf-8")):
            block = block.strip()
            if len(block.split()) >= 25 and not block.lstrip().startswith(("#", "By ")):
                found.append(block)
    return found


def make_corpus(directory: Path, count: int) -> int:
    """Write ``count`` articles into ``directory``; return the number of words."""
    paragraphs = _paragraphs()
    directory.mkdir(parents=True, exist_ok=True)
    words = 0
    for index in range(count):
        rng = random.Random(index)
        chosen = rng.sample(paragraphs, rng.randint(*PARAGRAPHS_PER_ARTICLE))
        text = f"Article {index}\n\n" + "\n\n".join(chosen) + "\n"
        words += len(text.split())
        (directory / f"a{index:06d}.txt").write_text(text, "utf-8")
    return words


class _CpuMeter:
    """CPU seconds (user + system) of this process and every descendant (Dask's fork
    server and workers included), sampled twice a second: a figure that other work on the
    machine inflates far less than wall time."""

    def __init__(self) -> None:
        import psutil  # type: ignore[import-untyped]  # from dask[distributed]; else no CPU figure

        self.me = psutil.Process()
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        for process in [self.me, *self.me.children(recursive=True)]:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            self.seen[process.pid] = times.user + times.system

    def _watch(self) -> None:
        while not self.stop.wait(0.5):
            self._sample()

    def total(self) -> float:
        self.stop.set()
        self.thread.join()
        self._sample()
        return sum(self.seen.values())


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024  # Linux reports KiB


class _DaskStats(logging.Handler):
    """Keeps the figures graphkit.executors.dask logs at the end of a run."""

    figures: dict[str, float] = {}  # noqa: RUF012

    def emit(self, record: logging.LogRecord) -> None:
        names = (
            "tasks", "threads", "startup_s", "run_s", "busy_s", "overhead_s_per_task",
            "read_ahead",
        )  # fmt: skip
        self.figures.update(zip(names, record.args or (), strict=False))  # type: ignore[arg-type]


def _child(kind: str, corpus: Path, jobs: int) -> None:
    meter = _CpuMeter() if importlib.util.find_spec("psutil") else None
    started = time.perf_counter()
    extra: dict[str, float] = {}
    if kind in ("graphkit", "graphkit-dask"):
        from graphkit.build import build

        stats = _DaskStats()
        logger = logging.getLogger("graphkit.dask")
        logger.addHandler(stats)
        logger.setLevel(logging.INFO)
        executor = "dask" if kind == "graphkit-dask" else "local"
        with tempfile.TemporaryDirectory() as out:
            report = build([corpus], out, formats=["json"], jobs=jobs, executor=executor)
        articles = len(report.graph.articles)
        extra = stats.figures
    else:
        import spacy

        from graphkit.nlp import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        texts = [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))]
        articles = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=jobs))
    wall = time.perf_counter() - started
    cpu = meter.total() if meter is not None else float("nan")
    print(
        json.dumps(
            {"wall": wall, "cpu": cpu, "articles": articles, "rss_mb": _peak_rss_mb(), **extra}
        )
    )


def _measure(kind: str, corpus: Path, jobs: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus)]
    done = subprocess.run([*command, "--jobs", str(jobs)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{kind} run failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _row(label: str, size: int, words: int, run: dict[str, float]) -> str:
    wall = run["wall"]
    return (
        f"{label:<16} {size:>7} {size / wall:>10.1f} {words / wall:>10.0f} "
        f"{run['rss_mb']:>9.0f} {wall:>9.1f} {run.get('cpu', float('nan')):>9.1f}"
    )


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median wall time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda run: run["wall"])[(len(runs) - 1) // 2]


def _speedup_rows(
    corpus: Path, size: int, words: int, processes: int, repeat: int, dask: bool, spacy: bool
) -> tuple[dict[str, float], dict[str, float] | None]:
    """1 process, ``processes`` processes, (``dask``) a LocalCluster and (``spacy``) bare
    spaCy, interleaved ``repeat`` times; prints every run and the ratios of the medians;
    returns the median 1-process and bare spaCy runs."""
    kinds = [("graphkit -j1", "graphkit", 1), (f"graphkit -j{processes}", "graphkit", processes)]
    if dask:
        kinds.append((f"dask {processes}w", "graphkit-dask", processes))
    if spacy:
        kinds.append(("bare spaCy", "spacy", 1))
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in kinds}
    for attempt in range(repeat):
        for label, kind, jobs in kinds:
            run = _measure(kind, corpus, jobs)
            runs[label].append(run)
            suffix = f" #{attempt + 1}" if repeat > 1 else ""
            print(_row(label + suffix, size, words, run), flush=True)
    one, many = _median(runs["graphkit -j1"]), _median(runs[f"graphkit -j{processes}"])
    of = f" (medians of {repeat})" if repeat > 1 else ""
    print(f"speedup_{processes}_vs_1 at {size} articles = {one['wall'] / many['wall']:.2f}x{of}")
    if dask:
        cluster = _median(runs[f"dask {processes}w"])
        print(
            f"dask_{processes}w_vs_1 = {one['wall'] / cluster['wall']:.2f}x, "
            f"dask_{processes}w_vs_j{processes} = {many['wall'] / cluster['wall']:.2f}x{of}; "
            f"{cluster.get('tasks', 0):.0f} tasks, "
            f"cluster start {cluster.get('startup_s', 0):.1f} s, "
            f"overhead {cluster.get('overhead_s_per_task', 0) * 1000:.0f} ms/task, "
            f"at most {cluster.get('read_ahead', 0):.0f} articles read ahead on the driver"
        )
        extra = cluster.get("cpu", float("nan")) - many.get("cpu", float("nan"))
        print(
            f"dask_{processes}w_cpu_vs_j{processes} = {extra:+.1f} s of CPU "
            "(both: build and workers)"
        )
    return one, _median(runs["bare spaCy"]) if spacy else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--processes", type=int, default=2, help="processes for the speed-up run")
    parser.add_argument(
        "--no-dask", action="store_true", help="skip the --executor dask (LocalCluster) row"
    )
    parser.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy row")
    parser.add_argument(
        "--repeat", type=int, default=1, help="speed-up runs: interleave N times, use medians"
    )
    parser.add_argument(
        "--child", choices=["graphkit", "graphkit-dask", "spacy"], help=argparse.SUPPRESS
    )
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.corpus, args.jobs)
        return 0
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1 (got {args.repeat})")
    sizes = sorted(set(args.articles))
    speedup_size = 1000 if 1000 in sizes else sizes[-1]
    dask = not args.no_dask and importlib.util.find_spec("distributed") is not None
    header = ("run", "articles", "art/s", "words/s", "peakRSS_MB", "wall_s", "cpu_s")
    print("{:<16} {:>7} {:>10} {:>10} {:>9} {:>9} {:>9}".format(*header))
    ratio = 0.0
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"n{size}"
            words = make_corpus(corpus, size)
            spacy = not args.no_spacy
            bare: dict[str, float] | None = None
            if size == speedup_size and args.processes > 1:
                one, bare = _speedup_rows(
                    corpus, size, words, args.processes, args.repeat, dask, spacy
                )
            else:
                one = _measure("graphkit", corpus, 1)
                print(_row("graphkit -j1", size, words, one), flush=True)
                if spacy:
                    bare = _measure("spacy", corpus, 1)
                    print(_row("bare spaCy", size, words, bare), flush=True)
            if bare is not None:
                ratio = bare["wall"] / one["wall"]  # = graphkit words/s / spaCy words/s
    if not args.no_spacy:
        print(f"ratio_vs_spacy={ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
