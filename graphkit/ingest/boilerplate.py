"""Blank out page furniture (comment forms, teasers, contact blocks, credits, captions)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["mask_boilerplate"]


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    raw = yaml.safe_load(
        resources.files("graphkit").joinpath("data/boilerplate.yaml").read_text("utf-8")
    )
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in raw["line_patterns"])
    return patterns, int(raw["repeated_line_min_chars"])


def mask_boilerplate(text: str) -> str:
    """Same-length text with boilerplate lines turned into spaces, so offsets still hold."""
    patterns, min_repeat = _rules()
    lines = text.split("\n")
    counts = Counter(line.strip() for line in lines if len(line.strip()) >= min_repeat)
    masked = []
    for line in lines:
        stripped = line.strip()
        repeated = len(stripped) >= min_repeat and counts[stripped] > 1
        if repeated or any(p.search(line) for p in patterns):
            masked.append(" " * len(line))
        else:
            masked.append(line)
    return "\n".join(masked)
