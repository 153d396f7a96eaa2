"""Hand-made graphs with known answers, and hostile strings, for the Neo4j tests."""

from __future__ import annotations

from graphkit.models import Actor, ActorKind, Evidence, Graph, Relation, RelationType


def ev(
    article: str, start: int, text: str, date: str | None = "2021-01-01", confidence: float = 0.9
) -> Evidence:
    return Evidence(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        date=date,
        source="Test Wire" if date else None,
        rule="test",
        confidence=confidence,
        trigger="t",
    )


def actor(name: str, kind: ActorKind, *aliases: str, articles: tuple[str, ...] = ("a1",)) -> Actor:
    return Actor.create(name, kind, aliases=aliases, articles=articles)


def rel(source: Actor, rel_type: RelationType, target: Actor, *evidence: Evidence) -> Relation:
    return Relation(source=source.id, target=target.id, type=rel_type, evidence=evidence)


S, C, L, D = (RelationType.SUPPORTS, RelationType.CONDEMNS, RelationType.LOBBIES,
              RelationType.DETAINS)  # fmt: skip
ALAND = actor("Aland", ActorKind.STATE, "Republic of Aland", "Mariehamn")
BORDURIA = actor("Borduria", ActorKind.STATE)
CARPATHIA = actor("Carpathia", ActorKind.STATE)
DRAVIA = actor("Dravia", ActorKind.STATE)
SYLDAVIA = actor("Syldavia", ActorKind.STATE)
ENVOY = actor("Pat Envoy", ActorKind.PERSON)
ACME = actor("Acme Corp", ActorKind.COMPANY)
COUNCIL = actor("Council", ActorKind.BODY)
MINORITY = actor("Minority", ActorKind.GROUP)


def politics_graph() -> Graph:
    """Nine actors, one of each pattern the query pack looks for."""
    return Graph(
        actors=(ALAND, BORDURIA, CARPATHIA, DRAVIA, SYLDAVIA, ENVOY, ACME, COUNCIL, MINORITY),
        relations=(
            rel(BORDURIA, S, ALAND, ev("a1", 0, "Borduria backs Aland.", "2021-03-01", 0.7),
                ev("a2", 10, "Borduria stands with Aland.", "2021-05-01", 0.9)),
            rel(CARPATHIA, S, ALAND, ev("a1", 40, "Carpathia backs Aland.", "2021-04-01")),
            rel(CARPATHIA, S, SYLDAVIA, ev("a3", 0, "Carpathia backs Syldavia.", "2022-01-01")),
            rel(ENVOY, S, ALAND, ev("a4", 0, "The envoy praised Aland.", "2020-02-01")),
            rel(ACME, L, ENVOY, ev("a4", 50, "Acme lobbied the envoy.", "2020-01-01")),
            rel(SYLDAVIA, C, ALAND, ev("a2", 60, "Syldavia condemned Aland.", "2021-06-01", 0.8),
                ev("a5", 0, "Syldavia denounced Aland again.", "2022-02-01", 0.8)),
            rel(DRAVIA, C, ALAND, ev("a5", 80, "Dravia condemned Aland.", None)),
            rel(SYLDAVIA, C, BORDURIA, ev("a5", 120, "Syldavia condemned Borduria.", "2022-03-01")),
            rel(ALAND, D, MINORITY, ev("a6", 0, "Aland detained members.", "2021-07-01"),
                ev("a6", 30, "Aland detained more.", "2021-08-01", 0.95)),
            rel(BORDURIA, D, MINORITY, ev("a6", 60, "Borduria detained members.", "2021-09-01")),
            rel(COUNCIL, S, ALAND, ev("a7", 0, "The Council welcomed Aland.", "2021-10-01")),
            rel(COUNCIL, C, ALAND, ev("a7", 40, "The Council criticised Aland.", "2021-11-01")),
        ),
    )  # fmt: skip


# Every kind of text that has broken a hand-written Cypher exporter somewhere.
HOSTILE = (
    "O'Brien \"the 'Boss'\"",
    "back`tick`` {brace} [list] $rows $param",
    "C:\\new\\table\\u0041 \\",
    "line one\nline two\r\nline\tthree",
    "北京 (Běijīng)",
    "Арабский союз",
    "العربية עברית",
    "semi; colon // not a comment /* nor this */",
    "nul\x00 bell\x07 esc\x1b del\x7f nbsp\xa0 zwj\u200d ls\u2028 ps\u2029 bom\ufeff",
    "emoji 😀 and astral 𝔘 private \U000f0000",
)


def hostile_graph() -> Graph:
    kinds = list(ActorKind)
    actors = [
        Actor(
            id=f"{kinds[i % len(kinds)].value.lower()}:hostile-{i}",
            name=name,
            kind=kinds[i % len(kinds)],
            aliases=tuple(sorted({HOSTILE[(i + 1) % len(HOSTILE)], f"alias {i} '\\"})),
            articles=(f"art'{i}\n", "北京.txt"),
        )
        for i, name in enumerate(HOSTILE)
    ]
    relations = [
        Relation(
            source=actors[i].id,
            target=actors[(i + 3) % len(actors)].id,
            type=list(RelationType)[i % len(RelationType)],
            evidence=(
                Evidence(article=f"a#{i}'\"", part=i, text=HOSTILE[i], start=0,
                         end=len(HOSTILE[i]), date="2020-02-02", source="Агентство «Тест»",
                         rule="r;`", confidence=0.5, trigger=HOSTILE[(i + 5) % len(HOSTILE)]),
                Evidence(article="plain", text="x", start=i, end=i + 1),
            ),
        )
        for i in range(len(actors))
    ]  # fmt: skip
    return Graph(actors=tuple(actors), relations=tuple(relations))
