"""Test PDFs made with fpdf2: a multi-page report with running headers and footers, words
hyphenated across lines and paragraphs, plus encrypted, broken and image-only files.

``REPORT_PARAGRAPHS`` is the text each report page carries, so extraction quality can be
scored against it (benchmarks/pdf_compare.py) and tests can place a relation on a page.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

__all__ = [
    "HEADER",
    "REPORT_PARAGRAPHS",
    "make_encrypted_pdf",
    "make_image_pdf",
    "make_report_pdf",
    "wrap_with_hyphens",
]

HEADER = "Human Rights Council - Fifty-first session - Report of the Special Rapporteur"
REPORT_PARAGRAPHS = (
    "The Special Rapporteur received information about arbitrary detention of human rights "
    "defenders in several regions during the reporting period, including lawyers who had "
    "represented families of detained activists before the courts.",
    "Norway condemned the detention of four human rights lawyers and called for their "
    "immediate and unconditional release, saying the arrests breached international law.",
    "Several delegations expressed concern about restrictions on freedom of expression and "
    "assembly, and about reprisals against those who cooperate with the United Nations.",
    "Amnesty International urged the Human Rights Council to establish an independent "
    "investigation into the allegations of torture documented in the annex to this report.",
    "The Government replied that the measures were taken in accordance with domestic "
    "legislation and that all detainees had access to counsel and to medical care.",
    "Delegations of Côte d'Ivoire and Türkiye welcomed the report's \"constructive\" tone "
    "and asked the secretariat for a follow-up briefing on implementation.",
)


def wrap_with_hyphens(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; a long word at a line end is split with "-"
    (as typesetting does), so extraction must join it again."""
    lines = textwrap.wrap(text, width, break_long_words=False)
    out: list[str] = []
    carry = ""
    for index, line in enumerate(lines):
        line = f"{carry} {line}" if carry else line
        carry = ""
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        first = nxt.split(" ", 1)[0] if nxt else ""
        room = width - len(line) - 2
        if len(first) >= 8 and first.isalpha() and first.islower() and room >= 3:
            cut = min(room, len(first) - 3)
            line = f"{line} {first[:cut]}-"
            carry = first[cut:]
            rest = nxt.split(" ", 1)
            lines[index + 1] = rest[1] if len(rest) > 1 else ""
            if not lines[index + 1]:
                lines[index + 1] = carry
                carry = ""
        out.append(line)
    return [line for line in out if line]


def _document() -> object:
    from fpdf import FPDF

    class Report(FPDF):  # type: ignore[misc]
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, HEADER, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"GE.22-11234 - Page {self.page_no()}", align="C")

    pdf = Report(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    return pdf


def make_report_pdf(path: Path, pages: int = 4, paragraphs_per_page: int = 5) -> list[str]:
    """Write a report of ``pages`` pages; return each page's paragraphs (unwrapped), in
    order, as the text extraction should give them back."""
    pdf = _document()
    expected: list[str] = []
    for page in range(pages):
        pdf.add_page()  # type: ignore[attr-defined]
        pdf.set_font("Helvetica", size=11)  # type: ignore[attr-defined]
        texts = []
        for index in range(paragraphs_per_page):
            text = REPORT_PARAGRAPHS[(page + index) % len(REPORT_PARAGRAPHS)]
            text = f"{page + 1}.{index + 1} {text}"
            texts.append(text)
            for line in wrap_with_hyphens(text, 88):
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]
            pdf.ln(5)  # type: ignore[attr-defined]
        expected.append("\n\n".join(texts))
    pdf.output(str(path))  # type: ignore[attr-defined]
    return expected


def make_encrypted_pdf(path: Path) -> None:
    pdf = _document()
    pdf.set_encryption(owner_password="owner", user_password="secret")  # type: ignore[attr-defined]
    pdf.add_page()  # type: ignore[attr-defined]
    pdf.set_font("Helvetica", size=11)  # type: ignore[attr-defined]
    pdf.cell(0, 6, "Norway condemned the detention.")  # type: ignore[attr-defined]
    pdf.output(str(path))  # type: ignore[attr-defined]


def make_image_pdf(path: Path) -> None:
    """A scanned report: one page holding only a picture, no text layer."""
    from fpdf import FPDF
    from PIL import Image

    picture = io.BytesIO()
    Image.new("L", (200, 100), 200).save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=150)
    pdf.output(str(path))


def make_columns_pdf(path: Path, pages: int = 3) -> list[str]:
    """A two-column report with justified text (word spacing stretched), as many NGO
    reports are laid out; returns each page's paragraphs in reading order."""
    pdf = _document()
    expected: list[str] = []
    for page in range(pages):
        pdf.add_page()  # type: ignore[attr-defined]
        pdf.set_font("Helvetica", size=10)  # type: ignore[attr-defined]
        texts = []
        for column in range(2):
            x = 10 + column * 97
            pdf.set_xy(x, 30)  # type: ignore[attr-defined]
            for index in range(2):
                number = column * 2 + index
                text = REPORT_PARAGRAPHS[(page + number) % len(REPORT_PARAGRAPHS)]
                text = f"{page + 1}.{number + 1} {text}"
                texts.append(text)
                pdf.set_x(x)  # type: ignore[attr-defined]
                pdf.multi_cell(90, 5, text, align="J", new_x="LEFT", new_y="NEXT")  # type: ignore[attr-defined]
                pdf.ln(4)  # type: ignore[attr-defined]
        expected.append("\n\n".join(texts))
    pdf.output(str(path))  # type: ignore[attr-defined]
    return expected
