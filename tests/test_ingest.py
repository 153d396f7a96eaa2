"""Ingest: formats, splitting of concatenated articles, boilerplate, and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graphkit.ingest import mask_boilerplate, parse_date, read_articles
from graphkit.ingest.split import split_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_003_splits_into_its_articles() -> None:
    result = read_articles([SEEDS / "003_c3a82658946608cb.txt"])
    parts = result.articles
    assert [a.part for a in parts] == [0, 1, 2, 3]
    assert {a.id for a in parts} == {"003_c3a82658946608cb"}
    assert parts[0].title.startswith("China Seeks to Stop UN Rights Chief")
    assert (parts[0].author, parts[0].source, parts[0].date) == (
        "Emma Farge",
        "Reuters",
        "2022-07-20",
    )
    assert parts[1].author == "Albert Zhang and Tilla Hoja" and parts[1].source == "ASPI"
    assert parts[2].source == "Human Rights Watch" and parts[2].date == "2022-07-19"
    assert parts[3].title.startswith("US Hits out at Russia, China")
    # parts tile the file: nothing lost, nothing duplicated
    text = (SEEDS / "003_c3a82658946608cb.txt").read_text("utf-8")
    assert "".join(a.text for a in parts) == text
    for a in parts:
        assert text[a.offset : a.offset + len(a.text)] == a.text


def test_directory_reads_articles_and_ignores_other_files() -> None:
    result = read_articles([SEEDS])
    assert result.files == 5 and not result.problems
    assert sorted({a.id for a in result.articles})[0] == "000_2386e982bd87fde8"


def test_dates_in_common_forms() -> None:
    assert parse_date("> Mar 23rd 2023") == "2023-03-23"
    assert parse_date("July 4, 2021") == "2021-07-04"
    assert parse_date("published 5 September 2019 at noon") == "2019-09-05"
    assert parse_date("2022-07-20") == "2022-07-20"
    assert parse_date("no date here 12345") is None


def test_single_byline_gives_metadata_without_splitting() -> None:
    parts = split_articles("Headline\n\nBy Jane Roe, The Times, 2021-02-03\n\nBody text.\n")
    assert len(parts) == 1
    assert (parts[0].author, parts[0].source, parts[0].date) == (
        "Jane Roe",
        "The Times",
        "2021-02-03",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Please enter your comment!",
        "Leave a Reply",
        "Next Post",
        "Contact Us:",
        "Tel: +1 555 0100",
        "Write to press@example.org for details",
        "A crowd in the square. Photo: JANE DOE / AFP",
        "![image](images/photo.jpg)",
        "Follow Jane Doe on Twitter and Instagram.",
    ],
)
def test_boilerplate_lines_are_blanked(line: str) -> None:
    text = f"Real sentence one.\n{line}\nReal sentence two."
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert masked.split("\n")[1].strip() == ""
    assert "Real sentence one." in masked and "Real sentence two." in masked


def test_repeated_captions_are_blanked_but_prose_kept() -> None:
    caption = "Protesters gather outside the embassy holding placards in the rain"
    text = f"{caption}\n{caption}\nThe minister condemned the arrests on Monday."
    masked = mask_boilerplate(text)
    assert caption not in masked
    assert "The minister condemned the arrests on Monday." in masked


def test_html_strips_scripts_and_reads_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Envoy rebuked</title>"
        '<meta property="article:published_time" content="2021-05-06T10:00:00Z">'
        '<meta property="og:site_name" content="Daily Planet">'
        "<script>var secret = 'Russia condemned France';</script><style>p{}</style></head>"
        "<body><p>France condemned Russia.</p><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles([page]).articles
    assert article.title == "Envoy rebuked"
    assert (article.date, article.source) == ("2021-05-06", "Daily Planet")
    assert "France condemned Russia." in article.text
    assert "secret" not in article.text and "alert" not in article.text


def test_jsonl_lines_and_malformed_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        json.dumps({"text": "Canada criticised Iran.", "title": "One", "date": "2020-01-02"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Chile backed Peru.", "source": "Wire"}),
    ]
    feed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = read_articles([feed])
    assert [a.text for a in result.articles] == ["Canada criticised Iran.", "Chile backed Peru."]
    assert result.articles[0].date == "2020-01-02" and result.articles[1].source == "Wire"
    assert len({(a.id, a.part) for a in result.articles}) == 2
    assert [(p.line, p.reason.split(":")[0]) for p in result.problems] == [
        (2, "invalid JSON"),
        (3, 'no "text" string'),
    ]


def test_bad_files_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Norway condemned the coup.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "utf16.txt").write_text("Peru backed Chile.", encoding="utf-16")
    result = read_articles([tmp_path, tmp_path / "missing.txt"])
    texts = sorted(a.text for a in result.articles)
    assert texts == ["Norway condemned the coup.", "Peru backed Chile."]
    reasons = {Path(p.path).name: p.reason for p in result.problems}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["latin1.txt"].startswith("not valid UTF-8 text")
    assert reasons["missing.txt"] == "no such file or directory"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        real = Path.read_bytes

        def deny(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", deny)
    (problem,) = read_articles([locked]).problems
    assert problem.reason == "permission denied"


def test_symlink_loop_is_reported_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Spain backed Portugal.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    result = read_articles([tmp_path])
    assert [a.text for a in result.articles] == ["Spain backed Portugal."]
    assert any("symlink loop" in p.reason for p in result.problems)


def test_explicit_unsupported_file_is_a_problem(tmp_path: Path) -> None:
    odd = tmp_path / "data.xlsx"
    odd.write_text("a,b", encoding="utf-8")
    (problem,) = read_articles([odd]).problems
    assert "unsupported file type .xlsx" in problem.reason
