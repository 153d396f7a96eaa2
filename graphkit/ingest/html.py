"""Saved web pages -> main text and metadata, with trafilatura.

trafilatura (with its readability and jusText fallbacks) keeps the article and drops the
page furniture: menus, cookie banners, teasers, related stories, comments, scripts and
styles. Its paragraphs are joined by blank lines, so sentences never run across them.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from graphkit.ingest.raw import RawArticle, quiet_logs

__all__ = ["html_fragment_text", "html_to_article"]

# htmldate (trafilatura's date finder): dates from the page's markup and meta tags only,
# not guessed from its text or URL, so a page gives the same date on every run.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>?")
_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "readability", "charset_normalizer")


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _field(document: Any, name: str) -> str | None:
    value = getattr(document, name, None)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def html_to_article(markup: str | bytes) -> RawArticle:
    """The page's main text (paragraphs separated by blank lines), title, date (ISO),
    author, site name and URL; empty text when the page has no article. Bytes are decoded
    by trafilatura (the page's declared charset, else a guess)."""
    import trafilatura

    quiet_logs(*_QUIET)
    try:
        document = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError, AttributeError):  # defensive: odd markup
        document = None
    if document is None:
        return RawArticle(text="")
    date = _field(document, "date")
    return RawArticle(
        text=_paragraphs(getattr(document, "text", None) or ""),
        title=_field(document, "title") or "",
        date=date[:10] if date else None,
        source=_field(document, "sitename"),
        author=_field(document, "author"),
        url=_field(document, "url"),
    )


def html_fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): tags, scripts and styles
    dropped, entities decoded, block elements as paragraph breaks."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in markup:
        return _paragraphs(html_lib.unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):  # e.g. an XML declaration: strip every tag instead
        return _paragraphs(html_lib.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", markup))))
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//object"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//h5|//h6|//tr|//blockquote"):
        block.tail = "\n" + (block.tail or "")
    return _paragraphs(root.text_content())
