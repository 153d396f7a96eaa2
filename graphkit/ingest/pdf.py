"""PDF reports -> one article whose text is the pages' text, cleaned, with page offsets.

Text comes from pdfminer.six's layout analysis (text boxes), chosen over pypdf by
measurement on generated reports (benchmarks/pdf_compare.py, docs/inputs.md): pypdf's
layout mode interleaves the lines of two columns, its plain mode loses paragraphs.

The cleaning is ours, as neither library does it: running headers and footers (a one-line
paragraph among the first or last two of a page that recurs on most pages, page numbers
aside) are dropped; a word hyphenated across a line end is joined; the lines of a
paragraph are joined with spaces; paragraphs stay apart (blank lines); a sentence that
runs on over a page break is joined too.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from graphkit.errors import InputProblem
from graphkit.ingest.raw import RawArticle, quiet_logs

__all__ = ["clean_pages", "pdf_page_texts", "pdf_to_article"]

_HYPHENATED = re.compile(r"[^\W\d_]-$")
_CONTINUES = re.compile(r"^[a-z]")
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")
_RUNNING_MIN_PAGES = 3  # fewer pages: no line can be told to be a running header


# Text boxes (paragraphs) from pdfminer's layout analysis. line_margin=1.0 keeps the lines
# of a paragraph set with generous leading in one box; char_margin=3.0 keeps a justified
# line whose word gaps are stretched in one piece (2.0, the default, split one such line in
# the two-column sample) while a 7 mm column gutter still separates the columns.
_LINE_MARGIN, _CHAR_MARGIN = 1.0, 3.0


def _box_texts(items: Iterable[object]) -> Iterator[str]:
    from pdfminer.layout import LTFigure, LTTextContainer

    for item in items:
        if isinstance(item, LTTextContainer):
            yield item.get_text()
        elif isinstance(item, LTFigure):  # text inside a form XObject
            yield from _box_texts(item)


def pdf_page_texts(data: bytes, path: str) -> list[str] | InputProblem:
    """Each page's text boxes (paragraphs) in reading order, blank lines between them."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    quiet_logs("pdfminer", "cryptography")
    layout_params = LAParams(line_margin=_LINE_MARGIN, char_margin=_CHAR_MARGIN, all_texts=True)
    pages: list[str] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=layout_params):
            pages.append("\n\n".join(_box_texts(layout)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return InputProblem(path=path, reason="encrypted PDF (it needs a password)")
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AttributeError,
            IndexError, RecursionError, OSError, ZeroDivisionError, AssertionError,
            NotImplementedError) as err:  # fmt: skip
        detail = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        return InputProblem(path=path, reason=f"not a readable PDF ({detail})")
    return pages


def _paragraphs(page: str) -> list[list[str]]:
    """A page's paragraphs, each a list of its lines (spaces of the layout collapsed)."""
    paragraphs: list[list[str]] = [[]]
    for raw in page.replace("\x0c", "\n").split("\n"):
        line = " ".join(raw.split())
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _edge_lines(paragraphs: list[list[str]]) -> list[str]:
    """Candidate running lines: one-line paragraphs among a page's first and last two."""
    edges = paragraphs[:2] + paragraphs[-2:]
    return [p[0] for p in edges if len(p) == 1]


def _drop_running_lines(pages: list[list[list[str]]]) -> None:
    """Remove, in place, one-line paragraphs at the top or bottom of a page that recur on
    most pages, page numbers aside (running headers and footers)."""
    if len(pages) < _RUNNING_MIN_PAGES:
        return
    edges: Counter[str] = Counter()
    for paragraphs in pages:
        edges.update({_running_key(line) for line in _edge_lines(paragraphs)})
    need = max(_RUNNING_MIN_PAGES, (len(pages) * 3 + 4) // 5)  # on 60% of the pages
    running = {key for key, count in edges.items() if count >= need}
    if not running:
        return
    for paragraphs in pages:
        drop = {id(p) for p in paragraphs[:2] + paragraphs[-2:]
                if len(p) == 1 and _running_key(p[0]) in running}  # fmt: skip
        paragraphs[:] = [p for p in paragraphs if id(p) not in drop]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if _HYPHENATED.search(text) and _CONTINUES.match(line):
            text = text[:-1] + line  # "leg-" + "islation"
        else:
            text = f"{text} {line}"
    return text


def clean_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """The document text and where each page starts in it (a page with no text starts
    where the next one does)."""
    paged = [_paragraphs(page) for page in pages]
    _drop_running_lines(paged)
    text = ""
    starts: list[int] = []
    for paragraphs in paged:
        joined = [_join_lines(p) for p in paragraphs]
        if not joined:
            starts.append(len(text))
            continue
        first = joined[0]
        if text and not _SENTENCE_END.search(text) and _CONTINUES.match(first):
            # a sentence (or a hyphenated word) runs on over the page break
            if _HYPHENATED.search(text):
                text = text[:-1]
            else:
                text += " "
        elif text:
            text += "\n\n"
        starts.append(len(text))
        text += "\n\n".join(joined)
    return text, tuple(starts)


def pdf_to_article(data: bytes, path: str) -> RawArticle | InputProblem:
    """One article for the whole document, or one clear problem (encrypted, unreadable,
    or with no text layer: scanned pages need OCR first)."""
    pages = pdf_page_texts(data, path)
    if isinstance(pages, InputProblem):
        return pages
    text, starts = clean_pages(pages)
    if not text.strip():
        return InputProblem(
            path=path, reason="PDF has no text layer (scanned pages?); run OCR on it first"
        )
    return RawArticle(text=text, pages=starts)
