"""Relation batches as the loader's columns and as graph.cypher's rows (no server needed)."""

from __future__ import annotations

from typing import Any

from graphkit.models import Evidence, Relation, RelationType
from graphkit.neo4j.rows import EVIDENCE_FIELDS, evidence_key, relation_columns, relation_rows


def _evidence(article: str, start: int, text: str, **extra: Any) -> Evidence:
    return Evidence(article=article, text=text, start=start, end=start + len(text), **extra)


RELATIONS = (
    Relation(
        source="state:a",
        target="state:b",
        type=RelationType.SUPPORTS,
        evidence=(
            _evidence("x", 0, "A backed B.", date="2024-01-02", source="Wire", confidence=0.5),
            _evidence("y", 10, "A praised B.", rule="svo", trigger="praised"),
            _evidence("x", 0, "A backed B."),  # the same sentence again: kept once
        ),
    ),
    Relation(
        source="state:c",
        target="state:a",
        type=RelationType.CONDEMNS,
        evidence=(_evidence("z", 5, "C condemned A."),),
    ),
)


def test_columns_hold_each_piece_of_evidence_once_at_its_relations_offsets() -> None:
    columns = relation_columns(RELATIONS)
    assert columns["source"] == ["state:a", "state:c"]
    assert columns["target"] == ["state:b", "state:a"]
    assert columns["offsets"] == [0, 2, 3]
    assert columns["quotes"] == ["A backed B.", "A praised B.", "C condemned A."]
    assert columns["evidence_keys"] == ["x#0:0:11", "y#0:10:22", "z#0:5:19"]
    assert columns["dates"] == ["2024-01-02", "", ""]  # lists cannot hold null
    assert columns["sources"] == ["Wire", "", ""]
    assert columns["confidences"] == [0.5, 1.0, 1.0]
    assert columns["evidence_keys"][1] == evidence_key(RELATIONS[0].evidence[1])
    every_list = {"source", "target", "offsets", "evidence_keys", *EVIDENCE_FIELDS}
    assert set(columns) == every_list
    assert all(len(columns[name]) == 3 for name in ("evidence_keys", *EVIDENCE_FIELDS))


def test_rows_are_the_columns_cut_per_relation() -> None:
    rows = relation_rows(RELATIONS)
    assert [(row["source"], row["target"]) for row in rows] == [
        ("state:a", "state:b"),
        ("state:c", "state:a"),
    ]
    first = rows[0]["evidence"]
    assert list(first) == ["evidence_keys", *EVIDENCE_FIELDS, "count"]
    assert first["count"] == 2
    assert first["articles"] == ["x", "y"]
    assert first["starts"] == [0, 10] and first["ends"] == [11, 22]
    assert first["rules"] == ["", "svo"] and first["triggers"] == ["", "praised"]
    assert rows[1]["evidence"]["quotes"] == ["C condemned A."]


def test_an_empty_batch_has_one_offset() -> None:
    columns = relation_columns(())
    assert columns["offsets"] == [0] and columns["source"] == [] and relation_rows(()) == []
