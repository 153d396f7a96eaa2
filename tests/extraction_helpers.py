"""What the extraction tests read from one article: its relations as (source name, TYPE,
target name) and its actors' kinds by name. The shared ``ex`` Extractor is a conftest
fixture (one spaCy load for the whole run)."""

from __future__ import annotations

from graphkit.models import ActorKind, Article
from graphkit.pipeline import Extractor

__all__ = ["actor_kinds", "triples"]


def triples(ex: Extractor, text: str, source: str | None = None) -> set[tuple[str, str, str]]:
    result = ex.extract(Article(id="t", text=text, source=source))
    by_id = {a.id: a.name for a in result.actors}
    return {(by_id.get(s, s), t.value, by_id.get(o, o)) for (s, o, t) in result.evidence}


def actor_kinds(ex: Extractor, text: str, source: str | None = None) -> dict[str, ActorKind]:
    return {a.name: a.kind for a in ex.extract(Article(id="t", text=text, source=source)).actors}
