"""Ingest: files and directories of .txt/.md/.html/.jsonl -> Article models.

Unusable files become InputProblem entries; everything else is still read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from graphkit.errors import InputProblem
from graphkit.ingest.boilerplate import mask_boilerplate, text_for_parser
from graphkit.ingest.files import SUPPORTED_SUFFIXES, decode, iter_input_files
from graphkit.ingest.formats import RawArticle, html_to_article, jsonl_to_articles
from graphkit.ingest.split import parse_date, split_articles
from graphkit.models import Article

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestResult",
    "mask_boilerplate",
    "parse_date",
    "read_articles",
    "read_file",
    "text_for_parser",
]


class IngestResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...]
    files: int


def _articles_from_raw(
    raw: RawArticle, article_id: str, path: Path, first_part: int
) -> list[Article]:
    articles = []
    for index, part in enumerate(split_articles(raw.text)):
        body = raw.text[part.start : part.end]
        if not body.strip():
            continue
        articles.append(
            Article(
                id=raw.id or article_id,
                part=first_part + index,
                title=raw.title or part.title,
                date=raw.date or part.date,
                source=raw.source or part.source,
                author=raw.author or part.author,
                url=raw.url,
                path=str(path),
                offset=part.start,
                text=body,
            )
        )
    return articles


def read_file(path: Path) -> tuple[list[Article], list[InputProblem]]:
    """Articles of one file (several for concatenated files or JSON Lines) and its problems."""
    text = decode(path)
    if isinstance(text, InputProblem):
        return [], [text]
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        raws: list[RawArticle | InputProblem] = list(jsonl_to_articles(text, str(path)))
    elif suffix in (".html", ".htm"):
        raws = [html_to_article(text)]
    else:
        raws = [RawArticle(text=text)]
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for index, raw in enumerate(raws):
        if isinstance(raw, InputProblem):
            problems.append(raw)
            continue
        if not raw.text.strip():
            problems.append(InputProblem(path=str(path), reason="no article text"))
            continue
        first_part = index if suffix == ".jsonl" and raw.id is None else len(articles)
        articles.extend(_articles_from_raw(raw, path.stem, path, first_part))
    return articles, problems


def read_articles(inputs: Iterable[Path | str]) -> IngestResult:
    """Read every supported file under the inputs, in a stable (sorted) order."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    files = 0
    for item in iter_input_files([Path(p) for p in inputs]):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        files += 1
        found, trouble = read_file(item)
        articles.extend(found)
        problems.extend(trouble)
    return IngestResult(articles=tuple(articles), problems=tuple(problems), files=files)
