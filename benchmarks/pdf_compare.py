"""pypdf against pdfminer.six on generated reports: text quality and speed.

    python benchmarks/pdf_compare.py [--pages 100]

Each library's page texts go through graphkit's same cleaning (graphkit.ingest.pdf:
running headers and footers dropped, hyphenated words joined, lines of a paragraph
joined) and are scored against the text the PDF was made from: the share of paragraphs
recovered exactly, the word-sequence similarity (difflib ratio over words), hyphenated
words joined correctly, and leftover header/footer lines; the same two first figures for
a two-column report with justified text. Speed: seconds per page,
best of three runs, on a report of ``--pages`` pages.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import HEADER, make_columns_pdf, make_report_pdf

from graphkit.ingest.pdf import clean_pages, pdf_page_texts


def pypdf_layout(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text(extraction_mode="layout") for p in PdfReader(io.BytesIO(data)).pages]


def pypdf_plain(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def pdfminer_default(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
        pages.append("\n\n".join(e.get_text() for e in layout if isinstance(e, LTTextContainer)))
    return pages


def pdfminer_graphkit(data: bytes) -> list[str]:
    pages = pdf_page_texts(data, "sample.pdf")
    assert isinstance(pages, list)
    return pages


EXTRACTORS: dict[str, Callable[[bytes], list[str]]] = {
    "pypdf (layout mode)": pypdf_layout,
    "pypdf (plain mode)": pypdf_plain,
    "pdfminer.six (default LAParams)": pdfminer_default,
    "pdfminer.six (graphkit's)": pdfminer_graphkit,
}


def score(text: str, expected: str) -> dict[str, float]:
    got_paragraphs = text.split("\n\n")
    want_paragraphs = expected.split("\n\n")
    exact = sum(p in got_paragraphs for p in want_paragraphs) / len(want_paragraphs)
    words = difflib.SequenceMatcher(None, text.split(), expected.split(), autojunk=False)
    hyphenated = ("legislation", "reprisals", "investigation", "implementation")
    joined = sum(text.count(w) for w in hyphenated) / max(
        1, sum(expected.count(w) for w in hyphenated)
    )
    return {
        "paragraphs exact": exact,
        "word similarity": words.ratio(),
        "hyphen joins": joined,
        "header/footer lines left": float(text.count(HEADER) + text.count("GE.22-11234")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100, help="pages of the timed report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        quality_pdf = Path(tmp) / "quality.pdf"
        expected = "\n\n".join(make_report_pdf(quality_pdf, pages=6))
        timed_pdf = Path(tmp) / "timed.pdf"
        make_report_pdf(timed_pdf, pages=args.pages)
        quality_data, timed_data = quality_pdf.read_bytes(), timed_pdf.read_bytes()
        columns_pdf = Path(tmp) / "columns.pdf"
        columns_expected = "\n\n".join(make_columns_pdf(columns_pdf))
        columns_data = columns_pdf.read_bytes()
        for name, extract in EXTRACTORS.items():
            text, _ = clean_pages(extract(quality_data))
            figures = score(text, expected)
            columns_text, _ = clean_pages(extract(columns_data))
            columns = score(columns_text, columns_expected)
            figures["2-col paragraphs exact"] = columns["paragraphs exact"]
            figures["2-col word similarity"] = columns["word similarity"]
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                extract(timed_data)
                runs.append(time.perf_counter() - started)
            per_page = min(runs) / args.pages * 1000
            shown = "  ".join(f"{k}={v:.3f}" for k, v in figures.items())
            print(f"{name:31} {shown}  ms/page={per_page:.1f}")


if __name__ == "__main__":
    main()
