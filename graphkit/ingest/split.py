"""Split files that concatenate several articles, and read titles, bylines and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.ingest.boilerplate import mask_boilerplate

__all__ = ["ArticlePart", "parse_date", "split_articles"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
)

# "By Ana Ruiz, Reuters, 2021-03-04" / "By Amnesty International, March 4, 2021"
_BYLINE = re.compile(
    r"^[ \t]*By[ \t]+(?P<names>[^\n]{2,160}?),[ \t]*(?P<date>[^,\n]*\d{4}[^,\n]*)[ \t]*$",
    re.MULTILINE,
)


def parse_date(text: str) -> str | None:
    """The first date in the text as ISO ``YYYY-MM-DD``, or None."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("mnum"):
                month = int(groups["mnum"])
            else:
                month = _MONTHS.get(groups["month"].lower(), 0)
            day = int(groups["day"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{int(groups['year']):04d}-{month:02d}-{day:02d}"
    return None


@dataclass(frozen=True)
class ArticlePart:
    """One article's slice of a file's text, with what its header lines say."""

    start: int
    end: int
    title: str
    date: str | None
    author: str | None
    source: str | None


def _clean_title(line: str) -> str:
    return re.sub(r"^[#>*\s]+", "", line).strip()


def _headline_before(text: str, pos: int) -> tuple[int, str]:
    """Start offset and text of the last non-empty line before ``pos`` (the headline)."""
    head = text[:pos].rstrip()
    line_start = head.rfind("\n") + 1
    line = head[line_start:]
    if not line.strip() or len(line) > 250:
        return pos, ""
    return line_start, _clean_title(line)


def _byline_fields(names: str) -> tuple[str | None, str | None]:
    parts = [p.strip() for p in names.split(",") if p.strip()]
    if len(parts) >= 2:
        return ", ".join(parts[:-1]), parts[-1]
    return parts[0], parts[0]  # "By Human Rights Watch": the author is the outlet


def _leading_title(text: str) -> str:
    for line in mask_boilerplate(text[:3000]).split("\n")[:12]:
        cleaned = _clean_title(line)
        # markdown section labels ("###### Freedoms and failures") precede the real headline
        if cleaned and not line.lstrip().startswith(("![", "######")) and len(cleaned) > 3:
            return cleaned
    return ""


def split_articles(text: str) -> list[ArticlePart]:
    """One part per article: a file with two or more bylines is cut before each headline."""
    bylines = [m for m in _BYLINE.finditer(text) if parse_date(m.group("date"))]
    if len(bylines) < 2:
        author = source = None
        if bylines:
            author, source = _byline_fields(bylines[0].group("names"))
        head = text[:600]
        date = parse_date(bylines[0].group("date")) if bylines else parse_date(head)
        return [ArticlePart(0, len(text), _leading_title(text), date, author, source)]
    starts: list[tuple[int, str]] = [_headline_before(text, m.start()) for m in bylines]
    parts: list[ArticlePart] = []
    for index, (match, (start, title)) in enumerate(zip(bylines, starts, strict=True)):
        begin = 0 if index == 0 else start
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        author, source = _byline_fields(match.group("names"))
        parts.append(
            ArticlePart(begin, end, title, parse_date(match.group("date")), author, source)
        )
    return parts
