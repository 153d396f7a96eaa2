"""Real-world inputs: saved news pages (trafilatura), CSV/TSV exports, RSS/Atom feeds."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.cli import main
from graphkit.ingest import ColumnNames, read_articles, read_file
from graphkit.ingest.formats import html_to_article
from graphkit.ingest.html import html_fragment_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from pdf_samples import make_report_pdf

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"

# Sentences that only page furniture states (menus, tickers, teasers, related stories,
# comments, cookie banners, scripts): none may give an actor or a relation.
FURNITURE_ACTORS = (
    "state:japan", "state:korea", "state:italy", "state:switzerland", "state:pakistan",
    "state:sweden", "state:sudan", "state:brazil",
    "state:argentina", "state:mexico", "state:israel", "state:syria", "state:taiwan",
)  # fmt: skip


def test_saved_page_keeps_the_article_and_its_metadata() -> None:
    (article,) = read_articles([INPUTS / "saved_page.html"]).articles
    assert article.title == "Norway condemns detention of rights lawyers"
    assert (article.date, article.source, article.author) == (
        "2023-03-14",
        "The Meridian Post",
        "Ingrid Solberg",
    )
    assert article.url == "https://meridianpost.example/world/2023/03/14/norway-lawyers"
    assert "Norway condemned the detention of four human rights lawyers" in article.text
    assert "open an inquiry into the detentions" in article.text
    for furniture in (
        "cookies", "Accept all", "Subscribe", "Breaking", "Related stories", "realist_99",
        "Canada backs Mexico", "Leave a Reply", "All rights reserved", "Japan", "dataLayer",
        "China backs Russia",
    ):  # fmt: skip
        assert furniture not in article.text, furniture
    assert "\n\n" in article.text  # paragraphs stay apart: no sentence runs across them


def test_blog_page_drops_comments_navigation_and_widgets() -> None:
    (article,) = read_articles([INPUTS / "blog_post.htm"]).articles
    assert (article.date, article.source, article.author) == (
        "2022-09-28",
        "Geneva Watch",
        "Lena Okafor",
    )
    assert article.text.startswith("Human Rights Watch lobbied the Human Rights Council")
    for furniture in (
        "Previous Post", "Next Post", "Italy", "Pakistan", "Recent Posts", "Share this",
        "Save my name", "cookies", "Copyright", "related",
    ):  # fmt: skip
        assert furniture not in article.text, furniture


def test_page_without_an_article_is_one_problem(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var a = 'Germany supports';</script></head></html>")
    articles, problems = read_file(page)
    assert not articles and [p.reason for p in problems] == ["no article text"]


@pytest.mark.parametrize(
    "markup", ["", "<", "<html><body>", "<p>" * 500, "\x00<b>x</b>", "<?xml version='1.0'?>"]
)
def test_odd_markup_never_raises(markup: str) -> None:
    assert isinstance(html_to_article(markup).text, str)


def test_csv_rows_are_articles_with_jsonl_field_names_and_bad_rows_by_line() -> None:
    articles, problems = read_file(INPUTS / "export.csv")
    assert [a.id for a in articles] == ["gdelt-001", "gdelt-002"]
    first, second = articles
    assert (first.title, first.date, first.source, first.author, first.url) == (
        "Canada criticises Iran",
        "2021-02-03",
        "Wire One",
        "A. Writer",
        "https://wire.example/1",
    )
    assert (
        second.text
        == "Chile backed Peru's bid to host the summit.\n\nThe decision was welcomed in Lima."
    )
    assert [(p.line, p.reason) for p in problems] == [
        (6, "4 fields where the header has 7"),
        (7, "empty text cell"),
    ]


def test_tsv_and_other_column_names(tmp_path: Path) -> None:
    export = tmp_path / "events.tsv"
    export.write_text("story\twhen\tfeed\nEgypt condemned Sudan.\t2020-01-02\tWire\n", "utf-8")
    articles, problems = read_file(export)
    assert not articles and "no text column" in problems[0].reason
    assert "story, when, feed" in problems[0].reason
    names = ColumnNames(text="story", date="When", source="feed")
    (article,), problems = read_file(export, names)
    assert not problems
    assert (article.text, article.date, article.source) == (
        "Egypt condemned Sudan.",
        "2020-01-02",
        "Wire",
    )
    (problem,) = read_file(export, ColumnNames(text="story", title="headline"))[1]
    assert "no column 'headline' (--title-column)" in problem.reason


def test_csv_semicolons_quotes_and_malformed_rows(tmp_path: Path) -> None:
    export = tmp_path / "semi.csv"
    export.write_text(
        'text;title\n"Peru backed Chile; firmly.";One\n"bad"quote;Two\nFrance condemned Mali.;Three\n',
        "utf-8",
    )
    articles, problems = read_file(export)
    assert [a.text for a in articles] == ["Peru backed Chile; firmly.", "France condemned Mali."]
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [(3, "malformed CSV")]
    headerless = tmp_path / "one.csv"
    headerless.write_text('"unterminated\n', "utf-8")
    assert read_file(headerless)[1]


def test_rss_entries_are_articles_with_feed_metadata_and_no_markup() -> None:
    articles, problems = read_file(INPUTS / "feed.rss")
    assert [str(p) for p in problems] == [f"{INPUTS / 'feed.rss'}: entry 3: no content or summary"]
    first, second = articles
    assert (first.id, first.part, second.part) == ("feed", 0, 1)
    assert first.title == "Germany condemns Belarus over election"
    assert (first.date, first.source, first.author) == (
        "2020-08-11",
        "Meridian Post \u2013 World",
        "Ingrid Solberg",
    )
    assert first.url == "https://meridianpost.example/world/germany-belarus"
    assert first.text == (
        "Germany condemned Belarus on Tuesday over the conduct of the presidential election."
        "\n\nBerlin said the vote was neither free nor fair."
    )
    assert second.text == "France supported Lebanon after the blast."
    assert second.title == "Summary only bold"
    for article in articles:
        assert "<" not in article.text and "alert" not in article.text


def test_atom_entry_with_xhtml_content() -> None:
    (article,) = read_articles([INPUTS / "updates.atom"]).articles
    assert article.text == "Amnesty International condemned Egypt for detaining the activists."
    assert (article.title, article.date, article.source, article.author) == (
        "Amnesty urges release & inquiry",
        "2023-05-02",
        "Rights Monitor",
        "Desk",
    )


def test_xml_that_is_not_a_feed_and_feeds_without_entries(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>x</loc></url></urlset>", "utf-8")
    (tmp_path / "junk.rss").write_text("this is not xml at all <<<", "utf-8")
    (tmp_path / "empty.atom").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>', "utf-8"
    )
    (tmp_path / "url.rss").write_text("http://127.0.0.1:9/feed", "utf-8")  # never fetched
    reasons = {Path(p.path).name: p.reason for p in read_articles([tmp_path]).problems}
    assert reasons["empty.atom"] == "feed has no entries"
    assert reasons["junk.rss"].startswith("not an RSS or Atom feed")
    assert reasons["url.rss"].startswith("not an RSS or Atom feed")
    assert reasons["sitemap.xml"] in ("feed has no entries", "not an RSS or Atom feed")


def test_one_build_reads_every_kind_and_furniture_gives_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    shutil.copytree(INPUTS, src)
    make_report_pdf(src / "report.pdf", pages=3)
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--formats", "json"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    skipped = [line for line in err.splitlines() if line.startswith("graphkit: skipped")]
    assert len(skipped) == 3, err  # two bad CSV rows, one empty feed entry
    data = (out / "graph.json").read_bytes()
    graph = json.loads(data)
    kinds = {Path(a["path"]).suffix for a in graph["graph"]["articles"]}
    assert kinds == {
        ".html",
        ".htm",
        ".csv",
        ".tsv",
        ".rss",
        ".atom",
        ".pdf",
        ".txt",
        ".md",
        ".jsonl",
    }
    actors = {node["id"] for node in graph["nodes"]}
    assert not actors & set(FURNITURE_ACTORS), actors & set(FURNITURE_ACTORS)
    edges = {(e["source"], e["type"], e["target"]) for e in graph["links"]}
    for edge in (
        ("state:norway", "CONDEMNS", "state:russia"),  # the TSV row
        ("state:germany", "CONDEMNS", "state:belarus"),  # the RSS entry
        ("body:amnesty-international", "CONDEMNS", "state:egypt"),  # the Atom entry
        ("state:canada", "CONDEMNS", "state:iran"),  # the CSV row
        ("state:chile", "CONDEMNS", "state:venezuela"),  # the .txt
        ("state:peru", "SUPPORTS", "state:colombia"),  # the .md
        ("state:kenya", "CONDEMNS", "state:somalia"),  # the .jsonl
    ):
        assert edge in edges, edge
    assert not {e for e in edges if e[0] in ("state:france", "state:russia")} - {
        ("state:france", "SUPPORTS", "state:lebanon")
    }  # comment and script sentences with France and Russia as subjects are gone
    pages = {e.get("page") for link in graph["links"] for e in link["evidence"]}
    assert {1, 2, 3} <= pages  # from the PDF; other formats have no page
    again = tmp_path / "again"
    assert main(["build", str(src), "--out", str(again), "--formats", "json", "-q"]) == 0
    assert (again / "graph.json").read_bytes() == data


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".csv", ".tsv", ".rss", ".atom", ".xml", ".html", ".pdf"]


@FUZZ
@given(data=st.binary(max_size=800), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_new_format_give_articles_or_problems(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        articles, problems = read_file(path)
        assert all(a.text.strip() for a in articles)
        assert all(str(p).startswith(str(path)) for p in problems)


@FUZZ
@given(
    head=st.sampled_from(["<rss><channel>", '<feed xmlns="http://www.w3.org/2005/Atom">']),
    body=st.text(max_size=300),
)
def test_feed_like_text_never_raises(head: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xml"
        path.write_text(f"{head}<item><title>{body}</title><description>{body}</description>")
        read_file(path)


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "one.pdf"
    make_report_pdf(path, pages=1)
    return path.read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(cuts=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=4))
def test_damaged_pdfs_never_raise(small_pdf: bytes, cuts: list[int]) -> None:
    data = bytearray(small_pdf)
    for cut in cuts:  # overwrite a few bytes anywhere: a damaged download
        data[cut % len(data)] = (cut // 7) % 256
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "damaged.pdf"
        path.write_bytes(bytes(data))
        articles, problems = read_file(path)
        assert len(articles) + len(problems) == 1


def test_page_saved_in_a_legacy_charset_is_read(tmp_path: Path) -> None:
    page = tmp_path / "legacy.html"
    body = "Fran\xe7ois Dupr\xe9 said Norway condemned Russia over the strike on Tuesday."
    page.write_bytes(
        f'<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
        f"<body><article><p>{body}</p></article></body></html>".encode("cp1252")
    )
    (article,), problems = read_file(page)
    assert not problems and article.title == "Caf\xe9" and body in article.text
    (tmp_path / "legacy.txt").write_bytes(body.encode("cp1252"))  # text files stay strict
    assert "not valid UTF-8" in read_file(tmp_path / "legacy.txt")[1][0].reason


@pytest.mark.parametrize(
    "markup",
    [
        "<?xml version='1.0' encoding='utf-8'?><p>Chile backed Peru.</p><script>alert(1)</script>",
        "<p>Chile backed Peru.</p><style>p{}</style><iframe src='x'></iframe><img onerror=alert(1)>",
        "Chile backed Peru. <script",
        "<<<p>Chile backed Peru.</p>",
    ],
)
def test_feed_markup_is_made_plain_text(markup: str) -> None:
    text = html_fragment_text(markup)
    assert "Chile backed Peru." in text
    assert "<" not in text.replace("<<", "") and "alert" not in text and "p{}" not in text


def test_column_options_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "events.tsv"
    export.write_text("story\tfeed\nEgypt condemned Sudan.\tWire\n", "utf-8")
    out = tmp_path / "out"
    argv = ["build", str(export), "--out", str(out), "--formats", "json"]
    assert main(argv) == 1  # no text column: nothing to build
    assert "no text column" in capsys.readouterr().err
    assert main([*argv, "--text-column", "story", "--source-column", "feed"]) == 0
    (article,) = json.loads((out / "graph.json").read_text("utf-8"))["graph"]["articles"]
    assert article["source"] == "Wire"
