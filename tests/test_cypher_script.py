"""graph.cypher without a server: string escaping, the statement splitter, script layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit.errors import GraphkitError
from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType
from graphkit.neo4j.rows import EVIDENCE_FIELDS
from graphkit.neo4j.script import split_statements
from graphkit.neo4j.templates import actor_merge, relation_merge, schema_statements
from graphkit.sinks.cypher_script import cypher_literal, cypher_string, to_cypher, write_cypher

_SIMPLE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def unescape(literal: str) -> str:
    """What Cypher makes of a single-quoted literal (reference decoder for the tests)."""
    assert literal[0] == literal[-1] == "'"
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        char = body[i]
        assert char != "'", "unescaped quote inside the literal"
        if char != "\\":
            out.append(char)
            i += 1
        elif body[i + 1] == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            out.append(_SIMPLE[body[i + 1]])
            i += 2
    # Java strings are UTF-16: an escaped surrogate pair is one character.
    return "".join(out).encode("utf-16-le", "surrogatepass").decode("utf-16-le")


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("plain", "'plain'"),
        ("O'Brien", "'O\\'Brien'"),
        ('say "hi"', "'say \"hi\"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("a\nb\r\tc", "'a\\nb\\r\\tc'"),
        ("nul\x00esc\x1b", "'nul\\u0000esc\\u001B'"),
        ("ls\u2028zw\u200b", "'ls\\u2028zw\\u200B'"),
        ("北京 Арабский", "'北京 Арабский'"),
        ("`{x}` $rows", "'`{x}` $rows'"),
        ("private \U000f0000", "'private \\uDB80\\uDC00'"),
        ("emoji 😀", "'emoji 😀'"),
    ],
)
def test_cypher_string_escapes_what_it_must(text: str, literal: str) -> None:
    assert cypher_string(text) == literal
    assert unescape(literal) == text


@given(st.text(st.characters(codec="utf-8")))
def test_any_string_survives_escaping(text: str) -> None:
    literal = cypher_string(text)
    assert unescape(literal) == text
    assert "\n" not in literal and "\r" not in literal  # one logical line per value
    assert split_statements(f"RETURN {literal};RETURN 1;") == [f"RETURN {literal}", "RETURN 1"]


def test_cypher_literal_of_row_values() -> None:
    row = {"id": "a'b", "n": 3, "f": 0.5, "tiny": 1e-05, "none": None, "ok": True, "l": ["x", 1]}
    assert cypher_literal(row) == (
        "{id: 'a\\'b', n: 3, f: 0.5, tiny: 1e-05, none: null, ok: true, l: ['x', 1]}"
    )
    assert cypher_literal({"odd key": 1}) == "{`odd key`: 1}"
    with pytest.raises(ValueError):
        cypher_literal(float("nan"))


def test_splitter_respects_strings_names_and_comments() -> None:
    text = """
    // a comment; with a semicolon and an 'apostrophe
    RETURN 'a;b' AS x, "c\\";d" AS `y;z`;
    /* block; comment */ RETURN 1 // trailing ; comment
    ;
    RETURN 'it\\'s' AS s;   // after the last statement
    """
    assert split_statements(text) == [
        'RETURN \'a;b\' AS x, "c\\";d" AS `y;z`',
        "RETURN 1",
        "RETURN 'it\\'s' AS s",
    ]


@pytest.mark.parametrize(
    ("text", "what"),
    [("RETURN 'open;", "string"), ("RETURN `open;", "quoted name"), ("/* open;", "block comment")],
)
def test_splitter_reports_unterminated_tokens(text: str, what: str) -> None:
    with pytest.raises(GraphkitError, match=f"unterminated {what} starting on line 1"):
        split_statements(text)


def test_templates_take_labels_only_from_the_enums() -> None:
    assert "SET a:`State`" in actor_merge(ActorKind.STATE)
    assert "MERGE (s)-[r:`DETAINS`]->(t)" in relation_merge(RelationType.DETAINS)
    with pytest.raises(ValueError):
        actor_merge("State`) DETACH DELETE (a")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        relation_merge("SUPPORTS]->() DELETE r//")  # type: ignore[arg-type]
    assert all("IF NOT EXISTS" in s for s in schema_statements())


def test_loader_relation_template_differs_only_in_how_it_reads_its_batch() -> None:
    # The loader sends columns and matches endpoints by element id, graph.cypher sends rows
    # and matches by Actor.id; the MERGE and the evidence update after it must be the same
    # text, or the two would store different graphs.
    by_id = relation_merge(RelationType.SUPPORTS)
    by_element_id = relation_merge(RelationType.SUPPORTS, "merge_relations_by_element_id")
    tail = "MERGE (s)-[r:`SUPPORTS`]->(t)"
    assert by_id.count(tail) == by_element_id.count(tail) == 1
    # The loader's MERGE sits in a subquery: the same text, then the subquery's end.
    assert by_id[by_id.index(tail) :] + "\n}" == by_element_id[by_element_id.index(tail) :]
    assert "elementId(s) = $s[i]" in by_element_id and "{id: row.source}" in by_id
    # The columnar template builds the same evidence map as a row carries.
    for name in ("evidence_keys", *EVIDENCE_FIELDS):
        assert f"{name}: ${name}[$offsets[i]..$offsets[i + 1]]," in by_element_id
    assert "count: $offsets[i + 1] - $offsets[i]" in by_element_id


def test_loader_actor_template_is_merge_actors_returning_element_ids() -> None:
    plain = actor_merge(ActorKind.GROUP)
    returning = actor_merge(ActorKind.GROUP, "merge_actors_returning_element_ids")
    assert returning == plain + "\nRETURN row.id AS id, elementId(a) AS element_id"


def _graph() -> Graph:
    china = Actor.create('北京 "Beijing"', ActorKind.STATE, aliases=["O'Brien;`x`"])
    others = [Actor.create(f"Group {i}\n{{{i}}}", ActorKind.GROUP) for i in range(7)]
    relations = [
        Relation(
            source=china.id,
            target=o.id,
            type=RelationType.DETAINS,
            evidence=(Evidence(article="a\\b", text="x;y\n'z'", start=0, end=7, date=None),),
        )
        for o in others
    ]
    return Graph(actors=(china, *others), relations=tuple(relations))


def test_script_layout(tmp_path: Path) -> None:
    graph = _graph()
    script = to_cypher(graph, batch_size=3)
    statements = split_statements(script)
    # 2 schema statements, 1 State batch, 3 Group batches (7 rows), 3 DETAINS batches.
    assert len(statements) == 2 + 1 + 3 + 3
    assert statements[:2] == schema_statements()
    assert all("$rows" not in s for s in statements[2:])
    # Every statement ends with ";" at the end of its last line, nothing after it.
    ends = [m.start() for m in re.finditer(r";\n", script)]
    assert len(ends) == len(statements)
    assert to_cypher(graph, batch_size=3) == script  # deterministic
    path = tmp_path / "graph.cypher"
    write_cypher(graph, path)
    assert path.read_text("utf-8") == to_cypher(graph)


def test_empty_graph_script_is_schema_only() -> None:
    assert split_statements(to_cypher(Graph())) == schema_statements()
