"""The actor registry: known actors and every name that refers to them, loaded from data files.

Built-in files live in graphkit/data/actors/*.yaml; users add their own with ``--actors FILE``
(same format, documented in docs/registry.md). Later files may extend earlier entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from graphkit.errors import GraphkitError
from graphkit.models import ActorKind, actor_id, normalise_name
from graphkit.yamlfile import parse_yaml

__all__ = [
    "ActorPhrases",
    "Registry",
    "RegistryEntry",
    "holder_state",
    "load_actor_phrases",
    "load_office_holders",
    "load_registry",
]


@dataclass
class RegistryEntry:
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    case_sensitive: set[str] = field(default_factory=set)
    state: str | None = None  # for people: the state they represent

    @property
    def id(self) -> str:
        return actor_id(self.kind, self.name)

    def names(self) -> list[str]:
        """Proper names that denote the actor itself (not demonyms or roles)."""
        return [self.name, *self.aliases, *self.metonyms]


@dataclass(frozen=True)
class ActorPhrases:
    government_heads: tuple[str, ...]
    representative_heads: tuple[str, ...]
    leader_heads: tuple[str, ...]
    company_words: frozenset[str]
    body_words: frozenset[str]
    armed_words: frozenset[str]
    not_actor_words: frozenset[str]
    person_titles: frozenset[str] = frozenset()
    group_member_heads: frozenset[str] = frozenset()
    agent_qualifiers: tuple[str, ...] = ()
    organisation_heads: frozenset[str] = frozenset()
    armed_heads: frozenset[str] = frozenset()
    located_heads: frozenset[str] = frozenset()
    local_organs: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    # every head that is the state itself (government_heads and state_heads), for lookups
    organ_heads: frozenset[str] = frozenset()
    # agents.yaml (converted from Phoenix): "<demonym> HEAD" is the state (state_heads), or an
    # actor of its own named by the phrase (legislatures and body_heads: Body; group_heads: Group)
    state_heads: tuple[str, ...] = ()
    legislature_heads: tuple[str, ...] = ()
    body_heads: tuple[str, ...] = ()
    group_heads: tuple[str, ...] = ()
    # the same heads for lookups: those naming a Body (legislatures too) and a Group
    body_agent_heads: frozenset[str] = frozenset()
    group_agent_heads: frozenset[str] = frozenset()


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GraphkitError(f"{where}: expected a list of strings")
    return [v.strip() for v in value if v.strip()]


def _parse_places(raw: Any, where: str) -> list[tuple[str, str | None]]:
    """A list of names (no state), or {in_state: {state: [names]}, elsewhere: [names]}."""
    if raw is None or isinstance(raw, list):
        return [(name, None) for name in _as_list(raw, where)]
    if not isinstance(raw, dict) or set(raw) - {"in_state", "elsewhere"}:
        raise GraphkitError(f"{where}: places must be a list or {{in_state: ..., elsewhere: ...}}")
    found: list[tuple[str, str | None]] = [(n, None) for n in _as_list(raw.get("elsewhere"), where)]
    in_state = raw.get("in_state") or {}
    if not isinstance(in_state, dict):
        raise GraphkitError(f"{where}: in_state must map a state to a list of places")
    for state, names in in_state.items():
        found += [(name, str(state)) for name in _as_list(names, f"{where}: in_state.{state}")]
    return found


def _check_place_states(registry: Registry, raw: list[tuple[str, str | None]], where: str) -> None:
    for name, state in raw:
        entry = registry.lookup(state) if state else None
        if state and (entry is None or entry.kind is not ActorKind.STATE):
            raise GraphkitError(
                f"{where}: place {name!r} is in {state!r}, which is not a known state"
            )


class Registry:
    """Name lookups over all entries; a name maps to exactly one entry (first file wins)."""

    def __init__(
        self, entries: Iterable[RegistryEntry], places: Iterable[tuple[str, str | None]]
    ) -> None:
        self.entries: dict[str, RegistryEntry] = {}
        self._by_name: dict[str, str] = {}
        self._by_exact: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._by_role: dict[str, list[str]] = {}
        for entry in entries:
            self._add(entry)
        self._place_state: dict[str, str | None] = {}
        for name, state in places:  # first file wins, like actor names
            self._place_state.setdefault(normalise_name(name), state)
        self.places = frozenset(self._place_state)

    def _add(self, entry: RegistryEntry) -> None:
        existing = self.entries.get(entry.id)
        if existing is not None:  # a later file extends an entry
            for attr in ("aliases", "demonyms", "metonyms", "roles"):
                getattr(existing, attr).extend(getattr(entry, attr))
            existing.case_sensitive |= entry.case_sensitive
            existing.state = existing.state or entry.state
            entry = existing
        self.entries[entry.id] = entry
        for name in entry.names():
            if name in entry.case_sensitive:
                self._by_exact.setdefault(name, entry.id)
            else:
                self._by_name.setdefault(normalise_name(name), entry.id)
        for demonym in entry.demonyms:
            self._by_demonym.setdefault(normalise_name(demonym), entry.id)
        for role in entry.roles:
            ids = self._by_role.setdefault(normalise_name(role), [])
            if entry.id not in ids:
                ids.append(entry.id)

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry a proper name (or acronym, or metonym) denotes."""
        hit = self._by_exact.get(name.strip()) or self._by_name.get(normalise_name(name))
        return self.entries[hit] if hit else None

    def demonym(self, word: str) -> RegistryEntry | None:
        hit = self._by_demonym.get(normalise_name(word))
        return self.entries[hit] if hit else None

    def role_holders(self, title: str) -> list[RegistryEntry]:
        return [self.entries[i] for i in self._by_role.get(normalise_name(title), [])]

    def is_place(self, name: str) -> bool:
        return normalise_name(name) in self.places

    def place_state(self, name: str) -> RegistryEntry | None:
        """The state a place lies in ("Casablanca" -> Morocco); None for contested places,
        seas and world regions."""
        state = self._place_state.get(normalise_name(name))
        return self.lookup(state) if state else None

    def state_of(self, entry: RegistryEntry) -> RegistryEntry | None:
        return self.lookup(entry.state) if entry.state else None


def _parse_entries(raw: Any, source: str) -> list[RegistryEntry]:
    """A list of entries, or {match_case: true, actors: [...]} (the converted Phoenix files),
    where every name matches with exact case only ("New Order", not "new order")."""
    match_case = False
    if isinstance(raw, dict) and set(raw) == {"match_case", "actors"}:
        match_case, raw = bool(raw["match_case"]), raw["actors"]
    if not isinstance(raw, list):
        raise GraphkitError(f"{source}: expected a YAML list of actor entries")
    entries = []
    for number, item in enumerate(raw, start=1):
        where = f"{source}: entry {number}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise GraphkitError(f"{where}: each entry needs a 'name'")
        try:
            kind = ActorKind(str(item.get("kind", "")).strip().title())
        except ValueError:
            kinds = ", ".join(k.value for k in ActorKind)
            raise GraphkitError(
                f"{where} ({item['name']}): kind {item.get('kind')!r} is not one of {kinds}"
            ) from None
        exact = [item["name"], *_as_list(item.get("aliases"), where)] if match_case else []
        entries.append(
            RegistryEntry(
                name=item["name"].strip(),
                kind=kind,
                aliases=_as_list(item.get("aliases"), where),
                demonyms=_as_list(item.get("demonyms"), where),
                metonyms=_as_list(item.get("metonyms"), where),
                roles=_as_list(item.get("roles"), where),
                case_sensitive=set(_as_list(item.get("case_sensitive"), where)) | set(exact),
                state=item.get("state"),
            )
        )
    return entries


def _read_yaml(text: str, source: str) -> Any:
    body = text.lstrip()
    while body.startswith("#"):  # a JSON body after YAML comments: the fast parser
        body = body.split("\n", 1)[1].lstrip() if "\n" in body else ""
    if body.startswith("{"):
        try:
            return json.loads(body)
        except ValueError:
            pass
    try:
        return parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise GraphkitError(f"{source}:{line} invalid YAML") from None


_BUILTIN_FILES = (
    "states.yaml",
    "bodies.yaml",
    "companies.yaml",
    "people.yaml",
    "groups.yaml",
    "peoples.yaml",
    "phoenix_nonstate.yaml",
    "phoenix_international.yaml",
)


@lru_cache(maxsize=8)
def load_registry(extra_files: tuple[str, ...] = ()) -> Registry:
    """Built-in registry plus the user's files (later entries extend earlier ones)."""
    folder = resources.files("graphkit").joinpath("data/actors")
    entries: list[RegistryEntry] = []
    for name in _BUILTIN_FILES:
        entries += _parse_entries(_read_yaml(folder.joinpath(name).read_text("utf-8"), name), name)
    places_raw = _read_yaml(folder.joinpath("places.yaml").read_text("utf-8"), "places.yaml")
    places = _parse_places(places_raw, "places.yaml")
    checks = [("places.yaml", places)]
    for extra in extra_files:
        path = Path(extra)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GraphkitError(f"{path}: cannot read actor file ({err})") from None
        raw = _read_yaml(text, str(path))
        if isinstance(raw, dict):  # {actors: [...], places: [...]} form
            extra_places = _parse_places(raw.get("places"), str(path))
            places += extra_places
            checks.append((str(path), extra_places))
            raw = raw.get("actors", [])
        entries += _parse_entries(raw, str(path))
    registry = Registry(entries, places)
    for where, checked in checks:
        _check_place_states(registry, checked, where)
    return registry


@lru_cache(maxsize=1)
def load_actor_phrases() -> ActorPhrases:
    text = resources.files("graphkit").joinpath("data/actor_phrases.yaml").read_text("utf-8")
    raw = _read_yaml(text, "actor_phrases.yaml")
    agents_text = resources.files("graphkit").joinpath("data/agents.yaml").read_text("utf-8")
    agents = _read_yaml(agents_text, "agents.yaml")
    state_heads = tuple(agents.get("state_heads") or ())
    return ActorPhrases(
        organ_heads=frozenset(h.lower() for h in (*raw["government_heads"], *state_heads)),
        government_heads=tuple(raw["government_heads"]),
        representative_heads=tuple(raw["representative_heads"]),
        leader_heads=tuple(raw["leader_heads"]),
        company_words=frozenset(raw["company_words"]),
        body_words=frozenset(raw["body_words"]),
        armed_words=frozenset(raw["armed_words"]),
        not_actor_words=frozenset(raw["not_actor_words"]),
        person_titles=frozenset(raw.get("person_titles") or ()),
        group_member_heads=frozenset(raw.get("group_member_heads") or ()),
        agent_qualifiers=tuple(raw.get("agent_qualifiers") or ()),
        organisation_heads=frozenset(raw.get("organisation_heads") or ()),
        armed_heads=frozenset(raw.get("armed_heads") or ()),
        located_heads=frozenset(raw.get("located_heads") or ()),
        local_organs=frozenset(raw.get("local_organs") or ()),
        holding_verbs=frozenset(raw.get("holding_verbs") or ()),
        state_heads=state_heads,
        legislature_heads=tuple(agents.get("legislature_heads") or ()),
        body_heads=tuple(agents.get("body_heads") or ()),
        group_heads=tuple(agents.get("group_heads") or ()),
        body_agent_heads=frozenset(
            (*(agents.get("legislature_heads") or ()), *(agents.get("body_heads") or ()))
        ),
        group_agent_heads=frozenset(agents.get("group_heads") or ()),
    )


@lru_cache(maxsize=1)
def load_office_holders() -> dict[str, list[tuple[str, str, str]]]:
    """Normalised full name -> [(state, from, to)] (data/office_holders.yaml, from Phoenix,
    keyed by normalise_name already); read on first use, so start-up does not pay for it."""
    text = resources.files("graphkit").joinpath("data/office_holders.yaml").read_text("utf-8")
    raw = _read_yaml(text, "office_holders.yaml")
    return {key: [(r[0], r[1], r[2]) for r in roles] for key, roles in raw.items()}


def holder_state(name: str, date: str | None) -> str | None:
    """The state an office holder speaks for: the one whose role was valid at ``date`` (ISO),
    or, without a date, the only state the person ever held a role for; None if unknown,
    out of office at that date, or ambiguous."""
    roles = load_office_holders().get(normalise_name(name), [])
    if date:
        day = date[:10]
        roles = [r for r in roles if (not r[1] or r[1] <= day) and (not r[2] or day <= r[2])]
    states = {state for state, _, _ in roles}
    return states.pop() if len(states) == 1 else None
