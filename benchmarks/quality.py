"""Extraction quality on the seed gold and the development sets, side by side.

    python benchmarks/quality.py            # all three sets
    python benchmarks/quality.py usgov -v   # one set, with every miss and false positive

Builds each set in-process with the default pipeline (JSON output only) and scores it with
graphkit's scorer (the reference scorer's numbers). The last line per set is its relation
P/R/F1; tests/test_quality.py holds the floors CI guards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.build import build  # noqa: E402
from graphkit.evaluate import format_score, score_graph  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "dev"
SETS = {
    "seeds": (ROOT / "seeds", ROOT / "seeds" / "seeds.yaml"),
    "plover": (DEV / "plover_dev.jsonl", DEV / "plover_dev.yaml"),
    "usgov": (DEV / "usgov_dev.jsonl", DEV / "usgov_dev.yaml"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sets", nargs="*", metavar="SET", help=f"any of {', '.join(SETS)} (default: all)"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and FPs")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sets) - set(SETS))
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    for name in args.sets or SETS:
        inputs, gold = SETS[name]
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            report = build([inputs], Path(out), formats=["json"])
            seconds = time.perf_counter() - started
            score, lines = score_graph(Path(out) / "graph.json", gold)
        print(f"== {name}: {len(report.graph.articles)} articles, {seconds:.1f} s")
        if args.verbose:
            print("\n".join(lines))
        print(format_score(score))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
