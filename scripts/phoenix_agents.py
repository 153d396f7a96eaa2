"""Phoenix agent nouns (Phoenix.agents.txt) -> graphkit/data/agents.yaml.

Used by scripts/convert_phoenix.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from phoenix_dictionaries import DATA, NOTICE

# ---------------------------------------------------------------- agents (Phoenix.agents.txt)

# Agent codes whose holders act for the state: "<demonym> HEAD" is the state itself.
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD"}
# Legislatures and legislators are bodies of their own ("the Serbian parliament").
LEGISLATURE_SECTORS = {"LEG"}
# Non-state agents: "<demonym> HEADS" is an actor of its own. Armed agents and collectives
# ("Afghan rebels", "the Haitian opposition", "Kenyan trade unions") are Bodies; people by
# occupation, condition or stance ("French farmers", "Congolese refugees", "Chinese
# dissidents") are Groups.
ARMED_SECTORS = {"REB", "UAF", "RAD"}
NONSTATE_SECTORS = ARMED_SECTORS | {"OPP", "CVL", "LAB", "AGR", "REF", "EDU", "MED", "HRI", "PTY"}
# Nouns under a state code that do not act for the state (defence lawyers, prisoners of war,
# an executive of a company) or are too vague after a demonym.
NOT_STATE = {
    "advocate", "attorney", "barrister", "conveyancer", "counsellor-at-law", "counsellor",
    "counselor", "counsel", "criminal barrister", "defense attorney", "defense lawyer",
    "lawyer", "pleader", "public defender", "trial attorney", "trial lawyer", "stipendiary",
    "prisoner of war", "chief executive", "deputy", "security check", "a cabinet meeting",
    "governance", "military presence", "intelligence information", "intelligence activity",
    "intelligence operation", "military led", "retired", "operative", "naval", "echelon",
    "phalanx", "privateer", "carrier", "commander", "captain", "kingdom", "king", "emperor",
    "empress", "crown prince", "delegate", "state-owned", "representatives", "representative's council",
}  # fmt: skip
# Things, places and media, not people: never a non-state actor after a demonym.
NOT_PEOPLE = {
    "airliner", "commercial jet", "jetliner", "passenger airliner", "passenger jet",
    "settlement", "small town", "neighborhood", "neighbourhood", "village", "college",
    "conservatory", "educational institution", "high school", "kindergarden", "kindergarten",
    "middle school", "preschool", "research institution", "school", "schoolhouse",
    "university", "state university", "science congress", "blog", "broadcasting company",
    "broadcasting corp", "gazette", "internet site", "magazine", "media", "newspaper",
    "news agency", "news magazine", "news organisation", "news organization", "news outlet",
    "news station", "press agency", "publication", "public television", "publishing company",
    "publishing firm", "publishing house", "pulp magazine", "radio station", "tabloid",
    "telecom", "telecom firm", "telecom consultant", "television", "tv", "website", "web site",
    "wire service", "leading news", "local media", "local press", "national press",
    "public radio", "communications org", "insurgence", "insurgency", "rebellion", "revolt",
    "uprising", "rebel base", "rebel source", "low level insurgency", "armed insurgency",
    "ethnic insurgency", "looter", "pillager", "plunderer", "raider", "suicide bomber",
    "victim", "victims", "child", "children", "infant", "girl", "mother", "mob", "rabble",
    "the poor", "population", "community", "electorate", "customer", "tourist", "tourer",
    "traveler", "traveller", "sightseer", "excursionist", "hiker", "backpacker", "athlete",
    "hunter", "passenger", "onlooker", "mourner", "naturalized", "non-native", "non-resident",
    "detainee", "political detainee", "political prisoner", "exile", "crusader", "recreant",
    "turncoat", "national traitor", "objector", "ousted leader", "ousted premier",
    "ousted prime minister", "ousted foreign minister", "exiled leader", "exiled politician",
    "exiled prime minister", "prime minister in exile", "leader in exile", "spokesman", "spokesmen", "spokesperson", "spokeswoman", "spokeswomen",
    "fighter", "armed professional", "combatant", "enemy combatant", "terrorist",
    # a whole nationality, not an organised group ("Turkish citizens" are Turks or victims)
    "citizen", "civilian", "resident", "native", "private citizen", "noncombatant",
    "non-combatant", "constituent", "elector", "voter", "townsperson", "townspeople",
    "native people", "indigenous people",
}  # fmt: skip
# Singular heads that name a collective: kept in the singular ("the Haitian opposition").
COLLECTIVE = {
    "opposition", "militia", "group", "movement", "party", "alliance", "coalition", "faction",
    "front", "army", "force", "wing", "organization", "organisation", "union", "federation",
    "council", "association", "society", "gang", "band", "squad", "underground", "resistance",
    "parties", "forces", "police", "military", "government", "administration", "regime",
}  # fmt: skip
# Heads Phoenix lists only inside compounds ("MAIN_OPPOSITION", "EXILED_OPPOSITION"),
# political movements it has no agent code for ("Serbian nationalists"), and civilians working
# abroad whom wire copy reports kidnapped or expelled ("Russian advisers", "Chinese
# technicians"; "military advisers" stay the state's). A state's peacekeepers, which Phoenix
# files under the UN, are its troops ("Russian peacekeepers" in Nagorno-Karabakh).
EXTRA_HEADS = {
    "state_heads": ["peacekeepers", "peacekeeping troops", "peacekeeping forces"],
    "body_heads": ["opposition"],
    "group_heads": [
        "nationalists", "ultranationalists", "loyalists", "fundamentalists", "islamists",
        "hardliners", "monarchists", "royalists", "secularists", "advisers", "advisors",
        "technicians", "contractors", "aid workers",
    ],
}  # fmt: skip
_PREPOSITIONS = {"in", "of", "to", "for", "at", "the", "de", "on", "with", "from", "a"}


def _noun_plural(word: str) -> str:
    """PETRARCH's regular noun plurals (words already plural or abbreviated stay)."""
    if word.endswith(("men", "people", "children", "police", "personnel", "staff")):
        return word
    if word.endswith(".") or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _phrase(raw: str) -> str:
    words = raw.replace("_", " ").split()
    return " ".join(words).lower()


def _plural_phrase(phrase: str) -> str:
    """The head noun takes the plural: "chief of staff" -> "chiefs of staff"."""
    words = phrase.split()
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "for", "in")), len(words))
    return " ".join([*words[: cut - 1], _noun_plural(words[cut - 1]), *words[cut:]])


def _unstem(phrase: str) -> list[str]:
    """PETRARCH's stem "MINIST" ("DEFENCE_MINIST") stands for minister(s) and ministry(ies)."""
    words = phrase.split()
    if "minist" not in words:
        return [phrase]
    forms = ("minister", "ministers", "ministry", "ministries")
    return [" ".join(f if w == "minist" else w for w in words) for f in forms]


@dataclass
class AgentNoun:
    forms: list[str]  # singular first, then plurals
    sector: str


def parse_agents(text: str) -> list[AgentNoun]:
    """Every agent noun with its forms and primary sector (first code, first three letters)."""
    substitutions: dict[str, list[str]] = {}
    nouns: list[AgentNoun] = []
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        code = re.search(r"\[~([A-Z]+)\]", line)
        if not code:
            continue
        body = line[: line.index("[")]
        plurals: list[str] | None = None
        braces = re.search(r"\{([^}]*)\}", body)
        if braces:
            plurals = [_phrase(p) for p in braces.group(1).split() if p.strip()]
            body = body[: braces.start()]
        forms = [body.strip()]
        for name, values in substitutions.items():
            if any(name in f for f in forms):
                forms = [f.replace(name, v) for f in forms for v in values]
                plurals = []  # the substitution lists the plural forms
        phrases = [u for f in forms for u in _unstem(_phrase(f))]
        if plurals is None:
            plurals = [] if len(phrases) > 1 else [_plural_phrase(p) for p in phrases]
        all_forms = list(dict.fromkeys(p for p in [*phrases, *plurals] if p))
        all_forms = [f for f in all_forms if f.split()[-1] not in _PREPOSITIONS]
        if all_forms and re.match(r"^[a-z][a-z' .-]*$", all_forms[0]):
            nouns.append(AgentNoun(all_forms, code.group(1)[:3]))
    return nouns


def _plural_only(noun: AgentNoun) -> list[str]:
    """Non-state heads: plural forms, or the singular of a collective ("opposition")."""
    singular = noun.forms[0]
    if singular.split()[-1] in COLLECTIVE:
        return noun.forms
    return [f for f in noun.forms[1:] if f != singular]


def agents_data(text: str, existing_heads: set[str]) -> dict[str, list[str]]:
    state: set[str] = set()
    legislature: set[str] = set()
    bodies: set[str] = set()
    groups: set[str] = set()
    for noun in parse_agents(text):
        singular = noun.forms[0]
        if noun.sector in STATE_SECTORS and singular not in NOT_STATE:
            state.update(noun.forms)
        elif noun.sector in LEGISLATURE_SECTORS and singular not in NOT_STATE:
            legislature.update(noun.forms)
        elif singular in NOT_PEOPLE or any(f in NOT_PEOPLE for f in noun.forms):
            continue
        elif noun.sector in ARMED_SECTORS or singular.split()[-1] in COLLECTIVE:
            if noun.sector in NONSTATE_SECTORS:
                bodies.update(_plural_only(noun))
        elif noun.sector in NONSTATE_SECTORS:
            groups.update(_plural_only(noun))
    for key, heads in EXTRA_HEADS.items():
        {"state_heads": state, "body_heads": bodies, "group_heads": groups}[key].update(heads)
    taken = set(existing_heads)
    result: dict[str, list[str]] = {}
    for key, heads in (
        ("state_heads", state),
        ("legislature_heads", legislature),
        ("body_heads", bodies),
        ("group_heads", groups),
    ):
        result[key] = sorted(heads - taken)
        taken |= heads
    return result


AGENTS_HEADER = """\
# Agent nouns from Phoenix.agents.txt, by what "<demonym|state|place> HEAD" denotes:
#   state_heads        the state itself, like government_heads in actor_phrases.yaml
#                      ("Israeli soldiers", "Nigerian authorities", "the Thai army")
#   legislature_heads  a Body of its own, named by the phrase ("the Serbian parliament")
#   body_heads         a Body of its own ("Afghan rebels", "the Haitian opposition")
#   group_heads        a Group of its own ("French farmers", "Congolese refugees")
# Heads already in actor_phrases.yaml are left out (that file wins).
"""


def _existing_heads() -> set[str]:
    raw = yaml.safe_load((DATA / "actor_phrases.yaml").read_text("utf-8"))
    return {h.lower() for key in ("government_heads", "representative_heads") for h in raw[key]}


def convert_agents(vendor: Path) -> str:
    text = (vendor / "Phoenix.agents.txt").read_text("latin-1")
    data = agents_data(text, _existing_heads())
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return NOTICE.format(source="Phoenix.agents.txt") + AGENTS_HEADER + body
