"""Score a graph against a gold annotation (format: the header of seeds/seeds.yaml).

Micro precision / recall / F1 over (source, TYPE, target) triples per article, after alias
resolution; optional gold relations are neither credited nor penalised. The numbers are
identical to the reference scorer's (tests/fixtures/reference_score.py checks that).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from graphkit.errors import GraphkitError

__all__ = ["Score", "format_score", "score_graph"]

TYPES = ("SUPPORTS", "CONDEMNS", "LOBBIES", "DETAINS")
Score = dict[str, Any]


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def _as_set(value: Any) -> frozenset[str]:
    return frozenset(value if isinstance(value, list) else [value])


def _load(path: Path, what: str) -> Any:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GraphkitError(f"{path}: cannot read {what} ({err})") from None
    try:
        return json.loads(text) if what == "graph" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError):
        raise GraphkitError(f"{path}: not valid {'JSON' if what == 'graph' else 'YAML'}") from None


class _GoldNames:
    def __init__(self, actors: dict[str, Any]) -> None:
        self.kind = {canon: info["kind"] for canon, info in actors.items()}
        self.by_name: dict[str, str] = {}
        for canon, info in actors.items():
            for name in [canon, *(info.get("aliases") or [])]:
                self.by_name.setdefault(_norm(name), canon)

    def resolve(self, names: list[Any]) -> str | None:
        for name in names:
            if name and _norm(name) in self.by_name:
                return self.by_name[_norm(name)]
        return None


def score_graph(
    graph_path: Path, gold_path: Path, only: set[str] | None = None
) -> tuple[Score, list[str]]:
    """The score and a report listing every false positive, miss and actor error."""
    gold = _load(gold_path, "gold")
    graph = _load(graph_path, "graph")
    if not isinstance(gold, dict) or "actors" not in gold or "articles" not in gold:
        raise GraphkitError(f"{gold_path}: not a gold file (needs 'actors' and 'articles')")
    names = _GoldNames(gold["actors"])
    nodes = {n["id"]: n for n in graph.get("nodes", [])}
    edges = graph.get("links", graph.get("edges", []))

    def actor_of(node_id: str) -> str | None:
        node = nodes.get(node_id, {"name": str(node_id)})
        return names.resolve([node.get("name"), *(node.get("aliases") or []), str(node_id)])

    predicted: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for edge in edges:
        rel_type = str(edge.get("type", "")).upper()
        s, o = actor_of(edge["source"]), actor_of(edge["target"])
        evidence = edge.get("evidence") or []
        for article in {str(ev.get("article")) for ev in evidence if isinstance(ev, dict)}:
            predicted[article].add(
                (
                    s or f"?{nodes.get(edge['source'], {}).get('name', edge['source'])}",
                    rel_type,
                    o or f"?{nodes.get(edge['target'], {}).get('name', edge['target'])}",
                )
            )
    predicted_actors: dict[str, set[str]] = defaultdict(set)
    kind_ok = kind_all = 0
    for node_id, node in nodes.items():
        canon = actor_of(node_id)
        for article in node.get("articles") or []:
            predicted_actors[str(article)].add(canon or f"?{node.get('name', node_id)}")
        if canon:
            kind_all += 1
            kind_ok += str(node.get("kind", "")).lower() == names.kind[canon].lower()

    tp = fp = fn = a_tp = a_fp = a_fn = 0
    per_type: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    report: list[str] = []
    for article, spec in gold["articles"].items():
        if only and article not in only:
            continue
        rels = spec["relations"]
        req = [
            (_as_set(r[0]), r[1], _as_set(r[2]), r[4] if len(r) > 4 else "")
            for r in rels
            if r[3] == "required"
        ]
        opt = [(_as_set(r[0]), r[1], _as_set(r[2])) for r in rels if r[3] == "optional"]
        found = [False] * len(req)
        for s, t, o in sorted(predicted.get(article, ())):
            hit = [
                i for i, (src, typ, tgt, _) in enumerate(req) if s in src and t == typ and o in tgt
            ]
            if hit:
                if not any(found[i] for i in hit):
                    tp += 1
                    per_type[t]["tp"] += 1
                for i in hit:
                    found[i] = True
            elif any(s in src and t == typ and o in tgt for (src, typ, tgt) in opt):
                continue
            else:
                fp += 1
                per_type[t if t in per_type else "SUPPORTS"]["fp"] += 1
                report.append(f"  FP {article}: {s} -{t}-> {o}")
        for ok, (src, typ, tgt, ev) in zip(found, req, strict=True):
            if not ok:
                fn += 1
                per_type[typ]["fn"] += 1
                sources, targets = "|".join(sorted(src)), "|".join(sorted(tgt))
                report.append(f"  FN {article}: {sources} -{typ}-> {targets}  «{ev[:90]}»")
        wanted, optional = set(spec.get("actors") or []), set(spec.get("optional_actors") or [])
        got = predicted_actors.get(article, set())
        a_tp += len(wanted & got)
        a_fn += len(wanted - got)
        extra = {x for x in got - wanted - optional if x.startswith("?") or x not in names.kind}
        a_fp += len(extra)
        report += [f"  actor missed {article}: {x}" for x in sorted(wanted - got)]
        report += [f"  actor extra {article}: {x}" for x in sorted(extra)]

    def as_dict(p: tuple[float, float, float]) -> dict[str, float]:
        return dict(zip(("precision", "recall", "f1"), p, strict=True))

    score: Score = {
        "relations": {**as_dict(_prf(tp, fp, fn)), "tp": tp, "fp": fp, "fn": fn},
        "per_type": {
            t: {**as_dict(_prf(c["tp"], c["fp"], c["fn"])), **c} for t, c in per_type.items()
        },
        "actors": {**as_dict(_prf(a_tp, a_fp, a_fn)), "tp": a_tp, "fp": a_fp, "fn": a_fn},
        "actor_kind_accuracy": round(kind_ok / kind_all, 3) if kind_all else 0.0,
    }
    return score, report


def format_score(score: Score) -> str:
    """The reference scorer's summary lines."""
    lines = []
    for t, m in score["per_type"].items():
        lines.append(
            f"{t:9s} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}  "
            f"(tp={m.get('tp', 0)} fp={m.get('fp', 0)} fn={m.get('fn', 0)})"
        )
    m = score["actors"]
    lines.append(
        f"actors    P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}  "
        f"kind accuracy={score['actor_kind_accuracy']:.3f}"
    )
    m = score["relations"]
    lines.append(
        f"relations P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}  "
        f"(tp={m['tp']} fp={m['fp']} fn={m['fn']})"
    )
    return "\n".join(lines)
