"""PDF reports: text per page with page numbers on evidence, running headers and footers
dropped, hyphenated words joined; encrypted, broken and image-only files are one line each."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from graphkit.build import build
from graphkit.cli import main
from graphkit.ingest import read_file
from graphkit.ingest.pdf import clean_pages

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from pdf_samples import (
    HEADER,
    make_columns_pdf,
    make_encrypted_pdf,
    make_image_pdf,
    make_report_pdf,
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    return path, make_report_pdf(path, pages=4)


def test_report_text_is_clean_and_paged(report: tuple[Path, list[str]]) -> None:
    path, pages = report
    (article,), problems = read_file(path)
    assert not problems
    assert article.text == "\n\n".join(pages)  # headers, footers and hyphens dealt with
    assert HEADER not in article.text and "GE.22-11234" not in article.text
    assert "legislation" in article.text and "leg-" not in article.text
    assert [article.text[start:].split(" ", 1)[0] for start in article.pages] == [
        "1.1",
        "2.1",
        "3.1",
        "4.1",
    ]
    assert [article.page_at(start) for start in article.pages] == [1, 2, 3, 4]
    assert article.page_at(article.pages[2] - 3) == 2


def test_evidence_gains_its_page_and_offsets_stay_true(
    report: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, _ = report
    result = build([path], tmp_path / "out", formats=["json", "graphml"])
    (article,) = read_file(path)[0]
    pages = set()
    for relation in result.graph.relations:
        for evidence in relation.evidence:
            evidence.check_against(article.text)
            assert evidence.page == article.page_at(evidence.start)
            pages.add(evidence.page)
    assert pages == {1, 2, 3, 4}
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert all("page" in e for link in data["links"] for e in link["evidence"])
    assert '"page": ' in (tmp_path / "out" / "graph.graphml").read_text("utf-8")


def test_unpaged_evidence_has_no_page_key(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Germany condemned Russia over the attack.\n", "utf-8")
    build([source], tmp_path / "out", formats=["json"])
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    (link,) = data["links"]
    assert "page" not in link["evidence"][0]


def test_two_columns_keep_every_paragraph_whole(tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    pages = make_columns_pdf(path)
    (article,), _ = read_file(path)
    got = set(article.text.split("\n\n"))
    for page in pages:
        for paragraph in page.split("\n\n"):
            assert paragraph in got, paragraph


def test_bad_pdfs_are_one_line_each_and_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    make_encrypted_pdf(src / "locked.pdf")
    make_image_pdf(src / "scan.pdf")
    make_report_pdf(src / "good.pdf", pages=1)
    whole = (src / "good.pdf").read_bytes()
    (src / "broken.pdf").write_bytes(whole[: len(whole) // 2])  # a cut-off download
    (src / "fake.pdf").write_text("not a pdf at all", "utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "--formats", "json"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("graphkit: skipped")]
    assert len(lines) == 4, err
    reasons = {Path(line.split()[2].rstrip(":")).name: line for line in lines}
    assert "encrypted PDF (it needs a password)" in reasons["locked.pdf"]
    assert "no text layer" in reasons["scan.pdf"]
    assert "not a readable PDF" in reasons["broken.pdf"]
    assert "not a readable PDF" in reasons["fake.pdf"]
    assert "1 articles from 5 files" in err


def test_clean_pages_joins_across_page_breaks_and_keeps_headers_of_short_documents() -> None:
    text, starts = clean_pages(["Header line\n\nNorway condemned the deten-", "tion of lawyers."])
    assert text == "Header line\n\nNorway condemned the detention of lawyers."
    assert starts == (0, text.index("tion of"))
    text, _ = clean_pages(["The council", "met again.\n\nA second paragraph."])
    assert text == "The council met again.\n\nA second paragraph."
    body = ("Norway spoke first.", "Chile replied.", "Peru agreed with both.")
    three = [f"Running title\n\n{line}\n\nPage {n}" for n, line in enumerate(body, 1)]
    text, starts = clean_pages(three)
    assert text == "\n\n".join(body)
    assert starts == (0, 21, 37)
    assert clean_pages(three[:2])[0].startswith("Running title")  # two pages: kept
    assert clean_pages(["", "   \x0c"]) == ("", (0, 0))
