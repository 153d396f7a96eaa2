"""Peak memory and time of ``graphkit build`` on ONE very long text file (no truncation).

    python benchmarks/long_text.py            # a 50 MB file
    python benchmarks/long_text.py --mb 5     # a smaller one

The file is seed paragraphs (seeds/*.txt) in a seeded random order, each opened with a
unique "Dispatch N:" so that no line repeats (a repeated line would be blanked as a
caption and cost nothing to parse). The build runs in a fresh child process, so the peak
RSS (ru_maxrss) is that build's alone. Prints the size, wall time, peak RSS, the number of
relations, and the largest evidence end offset, which shows the text was analysed whole.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import _paragraphs


def make_long_text(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MB of unique paragraphs to ``path``; return its length."""
    paragraphs = _paragraphs()
    rng = random.Random(0)
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        number = 0
        while written < target:
            number += 1
            block = f"Dispatch {number}: {rng.choice(paragraphs)}\n\n"
            handle.write(block)
            written += len(block)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the text in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "long.txt"
        chars = make_long_text(source, args.mb)
        out = Path(tmp) / "out"
        command = [sys.executable, "-m", "graphkit", "build", str(source), "--out", str(out)]
        started = time.perf_counter()
        subprocess.run([*command, "--formats", "json", "--quiet"], check=True)
        wall = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        graph = json.loads((out / "graph.json").read_text("utf-8"))
        ends = [e["end"] for link in graph["links"] for e in link["evidence"]]
        print(f"text: {chars:,} characters ({args.mb:g} MB), one article")
        print(f"wall: {wall:.1f} s  peak RSS: {peak:.0f} MB")
        print(f"relations: {len(graph['links'])}  last evidence ends at {max(ends, default=0):,}")


if __name__ == "__main__":
    main()
