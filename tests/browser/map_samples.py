"""Hand-made graphs for the map tests: no NLP, every kind and relation type, hostile text."""

from __future__ import annotations

from graphkit.models import Actor, ActorKind, Article, Evidence, Graph, Relation, RelationType

HOSTILE = (
    "</script><script>window.pwned=1</script> "
    '<img src=x onerror="window.pwned=1"> '
    '<a href="javascript:window.pwned=1">read more</a> \u2028 & <!-- -->'
)


def _ev(text: str, article: str = "a1", source: str = "Wire", date: str = "2024-01-02") -> Evidence:
    return Evidence(article=article, text=text, start=0, end=len(text), date=date, source=source)


US = Actor.create("United States", ActorKind.STATE, ["US", "Washington"])
CHINA = Actor.create("China", ActorKind.STATE, ["Beijing", "PRC"])
XI = Actor.create("Xi Jinping", ActorKind.PERSON)
ACME = Actor.create("Acme Corp", ActorKind.COMPANY)
UN = Actor.create("United Nations", ActorKind.BODY, ["UN"])
TIBET = Actor.create("Free Tibet", ActorKind.GROUP)
ODD = Actor.create('<img src=x onerror="window.pwned=1">', ActorKind.GROUP)
LONELY = Actor.create("Lonely Inc", ActorKind.COMPANY)  # in no relation


def sample_graph() -> Graph:
    """8 actors (one in no relation), 9 relations; US->China CONDEMNS has the hostile text."""
    rels = [
        (US, CHINA, RelationType.CONDEMNS, [_ev("US condemned China."), _ev(HOSTILE, "a2")]),
        (CHINA, US, RelationType.CONDEMNS, [_ev("China condemned the US.", source="Daily")]),
        (US, CHINA, RelationType.SUPPORTS, [_ev("US backed China once.", date="2023-05-06")]),
        (ACME, US, RelationType.LOBBIES, [_ev("Acme lobbied Washington."), _ev("Acme again.")]),
        (CHINA, TIBET, RelationType.DETAINS, [_ev("China detained Free Tibet members.")]),
        (UN, TIBET, RelationType.SUPPORTS, [_ev("UN supports Free Tibet.")]),
        (XI, UN, RelationType.SUPPORTS, [_ev("Xi backed the UN.")]),
        (XI, CHINA, RelationType.SUPPORTS, [_ev("Xi backed China.", "a3"), _ev("Again.", "a3")]),
        (ODD, UN, RelationType.CONDEMNS, [_ev(HOSTILE, "a2")]),
    ]
    return Graph(
        actors=(US, CHINA, XI, ACME, UN, TIBET, ODD, LONELY),
        relations=tuple(
            Relation(source=s.id, target=t.id, type=k, evidence=tuple(ev)) for s, t, k, ev in rels
        ),
        articles=(
            Article(id="a2", text="", title=HOSTILE, url="javascript:window.pwned=1", source="X"),
            Article(id="a3", text="", title="Xi", url="https://example.org/a3", source="Y"),
        ),
    )
