"""Influence maps without a browser: HTML safety and determinism, ego maps, stats, figures, CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser.map_samples import (
    ACME,
    CHINA,
    HOSTILE,
    ODD,
    TIBET,
    UN,
    US,
    XI,
    crowd_graph,
    sample_graph,
)

from graphkit.build import BuildReport
from graphkit.cli import main
from graphkit.errors import GraphkitError
from graphkit.maps import layout
from graphkit.maps.figure import draw_network, render_figure, write_figure
from graphkit.maps.layout import count_overlaps
from graphkit.maps.render import caption_text, matplotlib_context
from graphkit.maps.select import find_actor, parse_types, select
from graphkit.maps.stance import render_stance, stance_rows, write_stance
from graphkit.maps.stats import stats_markdown
from graphkit.models import Graph, RelationType
from graphkit.sinks.html import map_options, render_html, write_html
from graphkit.sinks.node_link import write_json

DATA = re.compile(r'<script type="application/json" class="gk-data">(.*?)</script>', re.S)


def _data(page: str) -> dict:
    match = DATA.search(page)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_graph())


def test_same_graph_gives_the_same_bytes(page: str, tmp_path: Path) -> None:
    assert render_html(sample_graph()) == page
    write_html(sample_graph(), tmp_path / "a.html")
    write_html(sample_graph(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert _data(page)["options"]["layout"]["randomSeed"] == 7


def test_page_refers_to_nothing_remote(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*https?:""", page, re.I)
    # Not even inside data or the inlined library: "://" is always written ":\/\/" there.
    assert not re.search(r"https?://", page, re.I)
    assert "<link" not in page and "@import" not in page
    assert "sourceMappingURL" not in page
    urls = {ev["url"] for edge in _data(page)["edges"] for ev in edge["evidence"]}
    assert "https://example.org/a3" in urls  # the data still holds the real URL


def test_hostile_text_cannot_leave_the_data_block(page: str) -> None:
    # Only "</script" can end a script element early; the three are the page's own.
    assert page.lower().count("</script") == 3
    for raw in ("</script><script>window.pwned", "<img src=x", "<!--", "\u2028"):
        assert raw not in page
    data = _data(page)
    texts = [ev["text"] for e in data["edges"] for ev in e["evidence"]]
    assert HOSTILE in texts  # escaped for HTML, yet the same string once parsed
    assert '<img src=x onerror="window.pwned=1">' in [n["label"] for n in data["nodes"]]
    titled = render_html(sample_graph(), title="<b>Map</b> & co")
    assert "<title>&lt;b&gt;Map&lt;/b&gt; &amp; co</title>" in titled


def test_page_has_controls_legend_and_visual_grammar(page: str) -> None:
    data = _data(page)
    assert len(data["nodes"]) == 8 and len(data["edges"]) == 9
    hidden = [n["label"] for n in data["nodes"] if n.get("hidden")]
    assert hidden == ["Lonely Inc"] and "without relations (1)" in page
    for kind in ("State", "Person", "Company", "Body", "Group"):
        assert f'data-kind="{kind}"' in page
    for rel in RelationType:
        assert f'data-type="{rel.value}"' in page
    assert 'class="gk-search"' in page and "gk-legend" in page
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[CHINA.id]["shape"] == "hexagon" and nodes[XI.id]["shape"] == "dot"
    assert nodes[CHINA.id]["size"] > nodes[UN.id]["size"]  # more evidence, bigger node
    edges = {(e["from"], e["to"], e["type"]): e for e in data["edges"]}
    condemns = edges[(US.id, CHINA.id, "CONDEMNS")]
    supports = edges[(US.id, CHINA.id, "SUPPORTS")]
    assert condemns["width"] > supports["width"] and condemns["color"] != supports["color"]
    assert condemns["arrows"] == "to"
    assert "smooth" in supports  # the second edge between a pair is curved apart
    assert {"article", "source", "date", "text"} <= set(condemns["evidence"][0])


def test_fragment_is_one_scoped_div(page: str) -> None:
    fragment = render_html(sample_graph(), fragment=True)
    assert fragment.startswith('<div class="graphkit-map gkm-')
    assert fragment.rstrip().endswith("</div>")
    for tag in ("<html", "<head", "<body", "<!DOCTYPE", "<title"):
        assert tag.lower() not in fragment.lower()
    scope = re.match(r'<div class="graphkit-map (gkm-[0-9a-f]+)"', fragment).group(1)
    css = re.search(r"<style>(.*?)</style>", fragment, re.S).group(1)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    assert selectors and all(s.startswith(f".{scope}") for s in selectors), selectors
    assert "@" not in css
    other = render_html(sample_graph(), fragment=True, focus="China")
    assert scope not in other  # two different maps on one page keep their own styles


def test_select_ego_maps() -> None:
    graph = sample_graph()
    ids = lambda g: {a.id for a in g.actors}  # noqa: E731
    assert select(graph) is graph
    ego = select(graph, focus="china")
    assert ids(ego) == {CHINA.id, US.id, XI.id, TIBET.id}
    assert len(ego.relations) == 5
    assert ids(select(graph, focus="PRC", depth=0)) == {CHINA.id}
    assert select(graph, focus="PRC", depth=0).relations == ()
    assert len(select(graph, focus=CHINA.id, depth=2).actors) == 6  # the odd group is 3 hops away
    assert select(graph, focus=CHINA.id, depth=3).relations == graph.relations
    assert len(select(graph, focus=CHINA.id, depth=3).actors) == 7  # not the lonely one
    only = select(graph, types={RelationType.SUPPORTS})
    assert {r.type for r in only.relations} == {RelationType.SUPPORTS}
    assert ids(only) == {US.id, CHINA.id, UN.id, TIBET.id, XI.id}
    heavy = select(graph, min_count=2)
    assert {(r.source, r.target) for r in heavy.relations} == {
        (US.id, CHINA.id),
        (ACME.id, US.id),
        (XI.id, CHINA.id),
    }
    assert {a.id for a in heavy.articles} == {"a2", "a3"}
    ego_types = select(graph, focus="Xi Jinping", depth=2, types={RelationType.SUPPORTS})
    assert ids(ego_types) == {XI.id, UN.id, CHINA.id, TIBET.id, US.id}


def test_select_rejects_bad_requests() -> None:
    graph = sample_graph()
    with pytest.raises(GraphkitError, match=r"no actor named 'Chinaa'.*'China'"):
        select(graph, focus="Chinaa")
    with pytest.raises(GraphkitError, match="depth"):
        select(graph, focus="China", depth=-1)
    with pytest.raises(GraphkitError, match="min-count"):
        select(graph, min_count=0)
    with pytest.raises(GraphkitError, match="unknown relation type 'LIKES'"):
        parse_types("SUPPORTS,LIKES")
    assert parse_types(" supports , Condemns") == {RelationType.SUPPORTS, RelationType.CONDEMNS}
    assert find_actor(graph, "the U.N.").id == UN.id
    assert find_actor(graph, "washington").id == US.id
    with pytest.raises(GraphkitError):
        render_html(graph, focus="Atlantis")


def test_big_graphs_get_a_cheaper_layout() -> None:
    small, big = map_options(10, 20), map_options(2000, 10000)
    assert small["layout"]["improvedLayout"] and not big["layout"]["improvedLayout"]
    assert (
        big["physics"]["stabilization"]["iterations"]
        < small["physics"]["stabilization"]["iterations"]
    )
    assert big["edges"]["smooth"]["enabled"] is False


def test_stats_tables() -> None:
    text = stats_markdown(sample_graph())
    assert text.startswith("# Influence by target\n")
    china = text.split("## China (State): 5 pieces of evidence\n")[1].split("\n## ")[0]
    assert china.splitlines()[1:] == [
        "| Role | Actor | Evidence |",
        "| --- | --- | ---: |",
        "| Supporters | Xi Jinping (Person) | 2 |",
        "| Supporters | United States (State) | 1 |",
        "| Condemners | United States (State) | 2 |",
    ]
    assert "| Detained by | China (State) | 1 |" in text
    assert "| Lobbyists | Acme Corp (Company) | 2 |" in text
    assert text.index("## China") < text.index("## United Nations")
    assert stats_markdown(sample_graph()) == text
    assert "No relations" in stats_markdown(Graph())


def test_stats_escape_table_cells() -> None:
    graph = sample_graph()
    actors = tuple(
        a.model_copy(update={"name": "A|B\nC"}) if a.id == ODD.id else a for a in graph.actors
    )
    text = stats_markdown(graph.model_copy(update={"actors": actors}))
    assert "| Condemners | A\\|B C (Group) | 1 |" in text


def _check_network(graph: Graph) -> None:
    """Every related actor drawn and labelled; no label box overlaps a label or a marker."""
    with matplotlib_context():
        drawn = draw_network(graph)
    linked = {end for rel in graph.relations for end in (rel.source, rel.target)}
    assert set(drawn.labels) == set(drawn.markers) == linked
    texts = {t.get_text() for t in drawn.figure.axes[0].texts}
    assert {a.name for a in graph.actors if a.id in linked} <= texts
    boxes = [*drawn.labels.values(), *drawn.markers.values()]
    assert count_overlaps(boxes) == 0
    # The drawing fills the canvas: its boxes span the whole axes, edge to edge.
    figure_w = drawn.figure.get_figwidth() * drawn.figure.dpi
    left = min(b.x for b in boxes)
    right = max(b.x + b.width for b in boxes)
    assert right - left > 0.85 * figure_w or figure_w <= 6.5 * 72 + 1


def test_network_figure_of_the_seeds_has_no_overlaps(seed_build: BuildReport) -> None:
    _check_network(seed_build.graph)


def test_network_figure_of_150_actors_has_no_overlaps() -> None:
    graph = crowd_graph(150)
    assert len(graph.actors) == 150
    _check_network(graph)


def test_overlap_counter_counts() -> None:
    box = layout.Box
    assert count_overlaps([box(0, 0, 10, 10), box(5, 5, 10, 10), box(20, 0, 5, 5)]) == 1
    assert count_overlaps([box(0, 0, 10, 10), box(10, 0, 10, 10)]) == 0  # touching is fine
    assert count_overlaps([box(0, 0, 10, 10)] * 3) == 3


def test_figures_are_byte_identical(tmp_path: Path) -> None:
    graph = sample_graph()
    for fmt, magic in (("svg", b"<?xml"), ("pdf", b"%PDF"), ("png", b"\x89PNG")):
        first = render_figure(graph, fmt, dpi=60)
        assert first.startswith(magic)
        assert render_figure(graph, fmt, dpi=60) == first
        stance = render_stance(graph, "China", fmt, dpi=60)
        assert render_stance(graph, "China", fmt, dpi=60) == stance
    svg = render_figure(graph, "svg")
    assert b"<dc:date>" not in svg
    pdf = render_figure(graph, "pdf")
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf
    write_figure(graph, tmp_path / "c.PNG", dpi=60)
    assert (tmp_path / "c.PNG").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    write_figure(Graph(), tmp_path / "empty.svg")
    with pytest.raises(GraphkitError, match=r"\.svg, \.pdf or \.png"):
        write_figure(graph, tmp_path / "graph.gif")
    with pytest.raises(GraphkitError, match="dpi"):
        render_figure(graph, "png", dpi=5)


def test_caption_names_the_corpus_and_the_relations() -> None:
    text = caption_text(sample_graph())
    assert text.startswith("Corpus: 3 articles, 2023-05-06 to 2024-01-02, 4 outlets")
    assert "9 relations (supports 4, condemns 3, lobbies 1, detains 1)" in text
    assert "from 12 evidence sentences" in text


def test_figure_without_graphviz_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "PROGRAM", "no-such-neato")
    with pytest.raises(GraphkitError, match="apt-get install graphviz"):
        render_figure(sample_graph(), "svg")


def test_stance_rows_and_chart(tmp_path: Path) -> None:
    graph = sample_graph()
    rows = stance_rows(graph, CHINA)
    assert [(r.actor.name, r.count) for r in rows[RelationType.SUPPORTS]] == [
        ("United States", 1),
        ("Xi Jinping", 2),  # states come first, then people
    ]
    assert [(r.actor.name, r.count) for r in rows[RelationType.CONDEMNS]] == [("United States", 2)]
    with matplotlib_context():
        from graphkit.maps.stance import _draw

        fig = _draw(graph, CHINA, "t")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "2 actors support China (3 sentences)" in texts
    assert "1 actor condemns China (2 sentences)" in texts
    assert {"United States", "Xi Jinping", "China"} <= set(texts)
    write_stance(graph, "PRC", tmp_path / "china.pdf")
    assert (tmp_path / "china.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(GraphkitError, match="no actor supports, condemns, lobbies or detains"):
        render_stance(graph, "Acme Corp")
    with pytest.raises(GraphkitError, match="no actor named 'Chinaa'"):
        render_stance(graph, "Chinaa")


@pytest.mark.parametrize("command", ["map", "figure", "stats"])
def test_cli_help_has_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "Example" in capsys.readouterr().out


def test_cli_map_figure_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "graph.json"
    write_json(sample_graph(), graph)
    args = ["--focus", "china", "--depth", "1", "--types", "supports,condemns", "--min-count", "1"]
    assert main(["map", str(graph), "--out", str(tmp_path / "m.html"), *args]) == 0
    data = _data((tmp_path / "m.html").read_text("utf-8"))
    assert {e["type"] for e in data["edges"]} == {"SUPPORTS", "CONDEMNS"}
    assert main(["map", str(graph), "--out", str(tmp_path / "h.html"), "--min-evidence", "2"]) == 0
    assert len(_data((tmp_path / "h.html").read_text("utf-8"))["edges"]) == 3
    assert main(["map", str(graph), "--out", str(tmp_path / "f.html"), "--fragment"]) == 0
    assert "<html" not in (tmp_path / "f.html").read_text("utf-8")
    assert main(["figure", str(graph), "--out", str(tmp_path / "g.svg")]) == 0
    assert (tmp_path / "g.svg").exists()
    assert main(["figure", str(graph), "--out", str(tmp_path / "g.png"), "--dpi", "50",
                 "--focus", "Xi Jinping", "--min-evidence", "2", "--title", "Xi"]) == 0  # fmt: skip
    assert main(["figure", str(graph), "--out", str(tmp_path / "s.pdf"), "--stance", "China",
                 "--types", "SUPPORTS"]) == 0  # fmt: skip
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["stats", str(graph)]) == 0
    assert "| Supporters | Xi Jinping (Person) | 2 |" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["map", "{g}", "--out", "{d}/m.html", "--focus", "Chinaa"], "did you mean 'China'"),
        (["map", "{g}", "--out", "{d}/m.html", "--types", "LIKES"], "unknown relation type"),
        (["map", "{d}/missing.json", "--out", "{d}/m.html"], "no such file"),
        (["map", "{g}", "--out", "{d}"], "is a directory"),
        (["figure", "{g}", "--out", "{d}/g.gif"], ".svg, .pdf or .png"),
        (["figure", "{g}", "--out", "{d}/g.svg", "--stance", "Atlantis"], "no actor named"),
        (["figure", "{g}", "--out", "{d}/g.svg", "--stance", "Acme Corp"], "no actor supports"),
        (["figure", "{g}", "--out", "{d}/g.png", "--dpi", "3"], "dpi must be"),
        (["stats", "{d}/missing.json"], "no such file"),
    ],
)
def test_cli_errors_are_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "graph.json"
    write_json(sample_graph(), graph)
    assert main([a.format(g=graph, d=tmp_path) for a in argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_figures_draw_odd_names_literally() -> None:
    """A "$" is not TeX, a newline does not break the label, a long name is shortened."""
    graph = sample_graph()
    odd = {
        US.id: "Fund $\\nosuchcommand$ & <b>Co</b>",
        CHINA.id: "Line\nbreak",
        XI.id: "A " * 60 + "very long name",
    }
    actors = tuple(a.model_copy(update={"name": odd.get(a.id, a.name)}) for a in graph.actors)
    graph = graph.model_copy(update={"actors": actors})
    with matplotlib_context():
        drawn = draw_network(graph)
    texts = {t.get_text() for t in drawn.figure.axes[0].texts}
    assert "Fund $\\nosuchcommand$ & <b>Co</b>" in texts and "Line break" in texts
    assert max(len(t) for t in texts) <= 48
    assert count_overlaps([*drawn.labels.values(), *drawn.markers.values()]) == 0
    assert render_stance(graph, "Line break", "svg").startswith(b"<?xml")
    assert render_figure(graph, "pdf").startswith(b"%PDF")


def test_figure_of_actors_without_relations() -> None:
    graph = Graph(actors=sample_graph().actors)
    with matplotlib_context():
        drawn = draw_network(graph)
    assert len(drawn.labels) == len(graph.actors)
    assert count_overlaps([*drawn.labels.values(), *drawn.markers.values()]) == 0


def test_map_starts_a_hubs_neighbours_sorted_by_stance() -> None:
    from graphkit.maps.spread import start_positions
    from graphkit.models import Actor, ActorKind, Evidence, Relation

    hub = Actor.create("Hubland", ActorKind.STATE)
    others = [Actor.create(f"State {i}", ActorKind.STATE) for i in range(16)]
    kinds = [
        RelationType.SUPPORTS,
        RelationType.CONDEMNS,
        RelationType.LOBBIES,
        RelationType.DETAINS,
    ]
    relations = tuple(
        Relation(source=actor.id if kinds[i % 4] is not RelationType.DETAINS else hub.id,
                 target=hub.id if kinds[i % 4] is not RelationType.DETAINS else actor.id,
                 type=kinds[i % 4], evidence=(Evidence(article="a", text="t", start=0, end=1),))
        for i, actor in enumerate(others)
    )  # fmt: skip
    graph = Graph(actors=(hub, *others), relations=relations)
    pos = start_positions(graph, {a.id for a in graph.actors})
    assert start_positions(graph, {a.id for a in graph.actors}) == pos  # seeded
    hx, hy = pos[hub.id]
    for i, actor in enumerate(others):
        x, y = pos[actor.id][0] - hx, pos[actor.id][1] - hy
        side = {RelationType.SUPPORTS: x < 0, RelationType.CONDEMNS: x > 0,
                RelationType.LOBBIES: y < 0, RelationType.DETAINS: y > 0}[kinds[i % 4]]  # fmt: skip
        assert side, (kinds[i % 4], x, y)
    page = render_html(graph)
    nodes = {n["id"]: n for n in _data(page)["nodes"]}
    assert (nodes[hub.id]["x"], nodes[hub.id]["y"]) == pos[hub.id]


def test_edges_bend_around_what_they_would_cross() -> None:
    import numpy as np

    from graphkit.maps.routing import choose_bend, crossings

    circles = np.array([[50.0, 0.0, 5.0]])  # a marker right on the straight line
    assert choose_bend((0, 0), (100, 0), circles, np.zeros((0, 4))) != 0.0
    assert choose_bend((0, 0), (100, 0), np.zeros((0, 3)), np.zeros((0, 4))) == 0.0
    label = np.array([[40.0, -3.0, 60.0, 3.0]])
    assert crossings(np.array([[50.0, 0.0]]), circles, label) == (1, 1)
