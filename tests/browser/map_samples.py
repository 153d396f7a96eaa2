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


_STATES = [
    "China",
    "Russia",
    "Germany",
    "France",
    "Brazil",
    "India",
    "Japan",
    "Kenya",
    "Nigeria",
    "Egypt",
    "Mexico",
    "Canada",
    "Chile",
    "Peru",
    "Norway",
    "Sweden",
    "Poland",
    "Spain",
    "Italy",
    "Turkey",
    "Iran",
    "Iraq",
    "Qatar",
    "Oman",
    "Cuba",
    "Haiti",
    "Palau",
    "Fiji",
    "Ghana",
    "Mali",
    "Chad",
    "Niger",
    "Angola",
    "Zambia",
    "Laos",
    "Nepal",
    "Bhutan",
    "Vietnam",
    "Cambodia",
    "Mongolia",
    "Belarus",
    "Serbia",
    "Albania",
    "Greece",
    "Cyprus",
    "Malta",
    "Ireland",
    "Iceland",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Ukraine",
    "Moldova",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "Kazakhstan",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Pakistan",
]
_STATES += ["United States", "United Kingdom", "North Korea", "South Africa", "Saudi Arabia",
            "Bosnia and Herzegovina", "Marshall Islands", "Central African Republic"]  # fmt: skip
_FIRST = [
    "Ana",
    "Li",
    "Omar",
    "Sofia",
    "Jean",
    "Maria",
    "Ahmed",
    "Elena",
    "Wang",
    "Ingrid",
    "Kofi",
    "Priya",
    "Lucas",
    "Aiko",
]
_LAST = [
    "Okafor",
    "Chen",
    "Haddad",
    "Novak",
    "Moreau",
    "Silva",
    "Rahman",
    "Petrov",
    "Zhang",
    "Larsen",
    "Mensah",
    "Rao",
]
_BODIES = ["UN Human Rights Council", "European Parliament", "Amnesty International",
           "Human Rights Watch", "World Health Organization", "African Union",
           "UN Committee against Torture", "International Criminal Court"]  # fmt: skip
_COMPANIES = ["Acme Holdings", "Northwind Energy", "Globex Mining", "Initech Telecom"]


def crowd_graph(size: int = 150, seed: int = 11) -> Graph:
    """``size`` actors shaped like a news corpus: a hub with dozens of neighbours, two lesser
    hubs, a long tail and a few small separate groups; long and short names of every kind."""
    import random

    rng = random.Random(seed)
    names = [(n, ActorKind.STATE) for n in _STATES]
    names += [(n, ActorKind.BODY) for n in _BODIES] + [(n, ActorKind.COMPANY) for n in _COMPANIES]
    names += [(f"{f} {last}", ActorKind.PERSON) for last in _LAST for f in _FIRST]
    names.append(("Uyghurs", ActorKind.GROUP))
    picked = names[:1] + rng.sample(names[1:], size - 1)
    actors = [Actor.create(name, kind) for name, kind in picked]
    rels: dict[tuple[int, int, RelationType], int] = {}
    types = list(RelationType)

    def link(a: int, b: int) -> None:
        if a != b:
            key = (a, b, rng.choice(types))
            rels[key] = rels.get(key, 0) + rng.choice((1, 1, 1, 2, 3, 5))

    for i in range(1, min(size, 46)):  # the hub
        link(i, 0) if i % 5 else link(0, i)
    for i in range(46, min(size, 66)):  # a second hub
        link(i, 1)
    for i in range(66, min(size, 80)):  # a third
        link(2, i)
    tail_end = max(80, size - 12)
    for i in range(80, tail_end):  # the tail hangs off anyone before it
        link(i, rng.randrange(i))
    for start in range(tail_end, size - 2, 4):  # small groups of their own
        for i in range(start + 1, min(start + 4, size)):
            link(i, start)
    relations = tuple(
        Relation(
            source=actors[a].id,
            target=actors[b].id,
            type=kind,
            evidence=tuple(
                Evidence(
                    article=f"n{(a + b + k) % 21}",
                    text=f"Sentence {k}.",
                    start=0,
                    end=11,
                    date=f"2024-0{1 + (a + k) % 9}-1{k % 10}",
                    source="Wire",
                )
                for k in range(count)
            ),
        )
        for (a, b, kind), count in sorted(rels.items())
    )
    return Graph(actors=tuple(actors), relations=relations)
