"""Blank out page furniture (comment forms, teasers, contact blocks, credits, captions)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from graphkit.yamlfile import parse_yaml

__all__ = ["mask_boilerplate", "text_for_parser"]


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    raw = parse_yaml(
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


# Unicode spaces (no-break, thin, ideographic, zero-width ...) that the tagger and parser see
# as words: "ByteDance\u00a0worked" parses as a noun phrase, not a subject and its verb.
_ODD_SPACES = str.maketrans(dict.fromkeys(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u202f\u205f\u3000\ufeff", " "))  # fmt: skip


def text_for_parser(text: str) -> str:
    """What spaCy parses: boilerplate masked and odd spaces made plain, same length, so every
    character offset still points into the article's own text."""
    return mask_boilerplate(text).translate(_ODD_SPACES)
