"""Property-based fuzzing: no input makes ingest or extraction raise."""

from __future__ import annotations

import itertools
import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.errors import InputProblem
from graphkit.ingest import mask_boilerplate, parse_date, read_file
from graphkit.ingest.files import decode
from graphkit.ingest.formats import html_to_article, jsonl_to_articles
from graphkit.ingest.split import split_articles
from graphkit.models import Article
from graphkit.pipeline import Extractor
from graphkit.shard import chunk_bounds

WORDS = [
    "Germany", "supports", "Ukraine", "China", "condemned", "the", "U.S.", "By", "Reuters",
    "2022-07-20", "July", "19,", "said", ".", "\n", "\n\n", "<script>", "</p>", "{", '"text":',
    "he", "she", "its", "government", "President", "Xi", "Jinping", "detained", "lobbied",
    "‘", "’", "“", "”", "—", "\u200b", "\t", "UN", "Security", "Council",
]  # fmt: skip
newsy = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
texts = st.one_of(st.text(max_size=400), newsy)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_decode_or_give_a_problem(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        text = decode(path)
        assert isinstance(text, str | InputProblem)
        articles, problems = read_file(path)
        for article in articles:
            assert article.text.strip()
        assert all(isinstance(p, InputProblem) for p in problems)


@FUZZ
@given(text=texts)
def test_split_mask_and_dates_never_raise(text: str) -> None:
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    for part in split_articles(text):
        assert 0 <= part.start <= part.end <= len(text)
    date = parse_date(text)
    assert date is None or len(date) == 10


@FUZZ
@given(text=texts)
def test_html_and_jsonl_parsers_never_raise(text: str) -> None:
    assert isinstance(html_to_article(text).text, str)
    for item in jsonl_to_articles(text, "fuzz.jsonl"):
        assert item is not None


@FUZZ
@given(text=st.text(max_size=3000), size=st.integers(min_value=1, max_value=500))
def test_chunks_tile_the_text(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(end - start <= size for start, end in bounds)


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_extraction_never_raises_and_offsets_hold(text: str) -> None:
    article = Article(id="fuzz", text=text)
    result = _extractor().extract(article)
    for items in result.evidence.values():
        for evidence in items:
            evidence.check_against(text)
