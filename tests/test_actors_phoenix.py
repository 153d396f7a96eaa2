"""Actors from the Phoenix dictionaries: agents, peoples, organisations, office holders.

Sentences of our own (other states, other wording than the dev sets), with negatives.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.tokens import Span

from graphkit.actors import ActorTable, find_mentions
from graphkit.models import ActorKind, Article
from graphkit.names import repair_org_spans
from graphkit.pipeline import Extractor
from graphkit.registry import holder_state, load_registry

ROOT = Path(__file__).resolve().parent.parent


def actors(ex: Extractor, text: str, date: str | None = None) -> dict[str, ActorKind]:
    result = ex.extract(Article(id="t", text=text, date=date))
    return {a.name: a.kind for a in result.actors}


def relations(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = ex.extract(Article(id="t", text=text))
    by_id = {a.id: a.name for a in result.actors}
    return {(by_id[s], t.value, by_id[o]) for (s, o, t) in result.evidence}


# --- 1. agents: "<demonym|state> <agent noun>" ---------------------------------------------

STATE_AGENTS = [
    ("Kenyan troops shelled the border town overnight.", "Kenya"),
    ("The Peruvian navy intercepted the boat.", "Peru"),
    ("Bolivian riot police dispersed the crowd.", "Bolivia"),
    ("Zambian prosecutors opened a case against the mayor.", "Zambia"),
    ("Jordanian intelligence officers questioned him for hours.", "Jordan"),
    ("The Ghanaian interior ministry issued a statement.", "Ghana"),
    ("Norwegian diplomats left the capital on Friday.", "Norway"),
    ("Uruguay's neighbours watched as Brazilian soldiers crossed the river.", "Brazil"),
    # a state's peacekeepers are its troops (Phoenix files peacekeepers under the UN)
    ("Fijian peacekeepers patrolled the buffer zone.", "Fiji"),
]


@pytest.mark.parametrize(("text", "state"), STATE_AGENTS)
def test_state_agent_is_the_state(ex: Extractor, text: str, state: str) -> None:
    found = actors(ex, text)
    assert found.get(state) is ActorKind.STATE
    assert not any(kind is not ActorKind.STATE for kind in found.values())


POSSESSED_AGENTS = [
    # "<State>'s <agent head>" is the actor "<demonym> <head>" names
    ("Bolivia's opposition accused President Luis Arce of fraud.", "Bolivian opposition"),
    ("Nepal's farmers protested against India's border policy.", "Nepali farmers"),
]


@pytest.mark.parametrize(("text", "name"), POSSESSED_AGENTS)
def test_possessed_agent_is_the_demonym_agent(ex: Extractor, text: str, name: str) -> None:
    assert name in actors(ex, text)


def test_possessed_organ_stays_the_state(ex: Extractor) -> None:
    found = actors(ex, "Peru's foreign ministry criticised Chile.")
    assert set(found) == {"Peru", "Chile"}


def test_un_peacekeepers_are_no_state(ex: Extractor) -> None:
    assert not any(
        kind is ActorKind.STATE for kind in actors(ex, "UN peacekeepers left Goma.").values()
    )


def test_state_agent_takes_part_in_a_relation(ex: Extractor) -> None:
    got = relations(ex, "Egyptian police arrested the blogger Amr Saleh in Alexandria.")
    assert ("Egypt", "DETAINS", "Amr Saleh") in got


NONSTATE_AGENTS = [
    ("Somali militants attacked the convoy.", "Somali militants", ActorKind.BODY),
    ("Colombian guerrillas freed two hostages.", "Colombian guerrillas", ActorKind.BODY),
    (
        "The Venezuelan opposition called for new elections.",
        "Venezuelan opposition",
        ActorKind.BODY,
    ),
    ("Dutch farmers blocked the motorway with tractors.", "Dutch farmers", ActorKind.GROUP),
    ("Sudanese refugees crossed the border at night.", "Sudanese refugees", ActorKind.GROUP),
    ("Insurgents in Mindanao ambushed a patrol.", "Insurgents in Mindanao", ActorKind.BODY),
    ("Three Moroccan journalists were detained.", "Moroccan journalists", ActorKind.GROUP),
    ("Turkish leftist guerrillas set off a bomb.", "Turkish leftist guerrillas", ActorKind.BODY),
    ("Militants in the Sahel seized a convoy.", "Militants in the Sahel", ActorKind.BODY),
    (
        "Police arrested Hungarian nationalists at the rally.",
        "Hungarian nationalists",
        ActorKind.GROUP,
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), NONSTATE_AGENTS)
def test_nonstate_agent_is_an_actor_of_its_own(
    ex: Extractor, text: str, name: str, kind: ActorKind
) -> None:
    found = actors(ex, text)
    assert found.get(name) is kind
    states = [n for n, k in found.items() if k is ActorKind.STATE]
    assert not states, f"{name!r} is not the state: {states}"


def test_nonstate_agent_is_a_relation_party(ex: Extractor) -> None:
    got = relations(ex, "Chadian rebels kidnapped two aid workers, and Chad condemned the rebels.")
    assert ("Chadian rebels", "DETAINS", "aid workers") not in got  # not an actor: no demonym
    got = relations(ex, "Kenyan police detained Somali refugees in Nairobi.")
    assert ("Kenya", "DETAINS", "Somali refugees") in got


NOT_AGENTS = [
    "Afghan carpets sold well at the fair.",
    "He has never liked American football.",
    "Nepalese tea prices fell in March.",
    "The Turkish coffee was served cold.",
    "They studied Polish grammar for a year.",
]


@pytest.mark.parametrize("text", NOT_AGENTS)
def test_demonym_on_a_non_agent_noun_is_no_new_actor(ex: Extractor, text: str) -> None:
    found = actors(ex, text)
    assert all(kind is ActorKind.STATE for kind in found.values()), found
    assert not any(" " in name and name.split()[0] in text for name in found if name not in text)


def test_place_inside_a_longer_name_is_no_agent_place(ex: Extractor) -> None:
    found = actors(ex, "Militants in the Niger Delta seized an oil rig.")
    assert "Militants in the Niger" not in found


def test_head_inside_a_hyphenated_word_is_no_agent(ex: Extractor) -> None:
    doc = ex.nlp("The Kenyan state-owned power company raised prices.")
    assert [e.label_ for e in doc.ents if "Kenyan" in e.text] == ["GK_DEMONYM"]


def test_name_with_an_agent_word_stays_a_name(ex: Extractor) -> None:
    doc = ex.nlp("The Ghanaian Farmers' Association met the minister.")
    assert "GK_AGENT" not in {e.label_ for e in doc.ents}


# --- 2. peoples --------------------------------------------------------------------------------


PEOPLES = [
    ("Armenians marched through the capital.", "Armenians"),
    ("Police clashed with Croats in the old town.", "Croats"),
    ("Ethnic Hungarians asked for schooling in their language.", "Hungarians"),
    ("Tamils gathered outside the embassy.", "Tamils"),
    ("The president betrayed the Malawian people, the opposition said.", "Malawians"),
]


@pytest.mark.parametrize(("text", "group"), PEOPLES)
def test_plural_demonym_is_the_people(ex: Extractor, text: str, group: str) -> None:
    found = actors(ex, text)
    assert found.get(group) is ActorKind.GROUP


def test_people_qualified_by_a_state_is_a_group_of_its_own(ex: Extractor) -> None:
    found = actors(ex, "Syrian Kurds and Kosovo Serbs held rallies.")
    assert found.get("Syrian Kurds") is ActorKind.GROUP


def test_adjective_alone_is_not_the_people(ex: Extractor) -> None:
    found = actors(ex, "The Turkish delegation arrived. Armenian churches were full.")
    assert "Turks" not in found and "Armenians" not in found
    assert found.get("Turkey") is ActorKind.STATE


# --- 3. organisations outside the hand-written registry ----------------------------------------


def test_phoenix_organisation_found_by_the_ner(ex: Extractor) -> None:
    found = actors(ex, "The Kurdistan Freedom Hawks claimed the attack on Tuesday.")
    assert found.get("Kurdistan Freedom Hawks") is ActorKind.BODY


def test_phoenix_names_match_with_exact_case(ex: Extractor) -> None:
    registry = load_registry()
    entry = registry.lookup("Kurdistan Freedom Hawks")
    assert entry is not None and "Kurdistan Freedom Hawks" in entry.case_sensitive
    assert registry.lookup("kurdistan freedom hawks") is None
    hrw = registry.lookup("Human Rights Watch")  # hand-written entries win
    assert hrw is not None and hrw.id == "body:human-rights-watch"
    assert "Kurdistan Freedom Hawks" not in actors(ex, "The kurdistan freedom hawks flew.")


def test_name_cut_by_a_place_is_whole_again(ex: Extractor) -> None:
    found = actors(ex, "Talks with the Popular Movement for the Liberation of Ghana failed.")
    assert found.get("Popular Movement for the Liberation of Ghana") is ActorKind.BODY
    assert "Ghana" not in found
    found = actors(ex, "Delegates of the Council of Bolivian Jurists met on Monday.")
    assert found.get("Council of Bolivian Jurists") is ActorKind.BODY


def test_place_before_an_organisation_joins_it(ex: Extractor) -> None:
    found = actors(ex, "Doctors from Kampala University Medical School treated the wounded.")
    assert found.get("Kampala University Medical School") is ActorKind.BODY
    found = actors(ex, "Supplies reached the Lusaka University Teaching Hospital on Monday.")
    assert "Lusaka University Teaching Hospital" in found


def test_title_case_headline_is_no_organisation(ex: Extractor) -> None:
    found = actors(ex, "Iran-Syria Alliance Threatens Regional Stability")
    assert not any("Alliance" in name for name in found)


def test_acronym_in_brackets_names_the_organisation(ex: Extractor) -> None:
    found = actors(ex, "The Ugandan Association of Nurses (UAN) called off its strike.")
    assert found.get("Ugandan Association of Nurses") is ActorKind.BODY
    result = ex.extract(Article(id="t", text="The Ugandan Association of Nurses (UAN) struck."))
    body = next(a for a in result.actors if a.name == "Ugandan Association of Nurses")
    assert "UAN" in body.aliases


def test_organisation_name_stops_at_a_bracket_and_after_a_possessive(ex: Extractor) -> None:
    found = actors(ex, "The Interior Ministry's Bureau of Border Affairs (BBA) said so.")
    assert "Bureau of Border Affairs" in found


# --- 4. office holders ---------------------------------------------------------------------------


def test_office_holder_speaks_for_the_state_of_the_date() -> None:
    assert holder_state("Hosni Mubarak", "1995-06-01") == "Egypt"
    assert holder_state("Hosni Mubarak", "2015-06-01") is None  # out of office then
    assert holder_state("Nobody Inparticular", None) is None


def test_ner_person_gets_the_state_of_their_office(ex: Extractor) -> None:
    doc = ex.nlp("Hosni Mubarak met the envoy in Cairo.")
    for date, state in (("1990-05-01", "state:egypt"), ("2014-05-01", None)):
        table = ActorTable(ex.registry, date)
        person = next(m for m in find_mentions(doc, table) if m.actor.startswith("person:"))
        assert person.state == state


# --- 5. the converted data is a fresh conversion ------------------------------------------------


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_phoenix", ROOT / "scripts/convert_phoenix.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_committed_data_equals_a_fresh_conversion() -> None:
    for path, text in _converter().outputs().items():
        assert path.read_bytes() == text.encode("utf-8"), f"{path.name}: re-run convert_phoenix.py"


def test_agent_parsing_rules() -> None:
    convert = _converter()
    text = "!PERSON! = MAN, MEN\nPOLICE!PERSON! [~COP]\nPOLICE {} [~COP]\nREBEL [~REB]\nFOO_OF [~GOV]\n"
    nouns = {n.forms[0]: n for n in convert.parse_agents(text)}
    assert nouns["policeman"].forms == ["policeman", "policemen"]
    assert nouns["police"].forms == ["police"]
    assert nouns["rebel"].forms == ["rebel", "rebels"] and nouns["rebel"].sector == "REB"
    assert "foo of" not in nouns  # a phrase cut before its object is no head


def _with_ents(ex: Extractor, text: str, ents: list[tuple[int, int, str]]) -> list[str]:
    """The repair on a parse whose entities are set by hand (as a cut-short NER leaves them)."""
    doc = ex.nlp.make_doc(text)
    for _, component in ex.nlp.pipeline:
        if component is not repair_org_spans:
            doc = component(doc)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return [f"{e.label_}:{e.text}" for e in repair_org_spans(doc).ents]


def test_given_names_the_ner_left_out_join_the_person(ex: Extractor) -> None:
    text = "We are designating Tsegaye Worku Alemu of Ethiopia."
    assert "PERSON:Tsegaye Worku Alemu" in _with_ents(ex, text, [(4, 6, "PERSON")])
    text = "He met the Minister for Labour and Social Affairs Ana Costa."
    people = _with_ents(ex, text, [(10, 11, "PERSON")])  # a title's words are no given names
    assert people == ["PERSON:Costa"]


def test_person_taken_for_an_org_is_not_extended(ex: Extractor) -> None:
    found = actors(
        ex, "Today, I am designating Oyelaran Adewale Balogun of Nigeria and Mirela Tudose."
    )
    assert not any(name.endswith("of Nigeria") for name in found)


def test_registry_alias_wins_over_a_composed_phrase(ex: Extractor) -> None:
    doc = ex.nlp("The U.S. Senate and Kenyan lawmakers met.")
    labels = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert labels["U.S. Senate"] == ("GK_ACTOR", "state:united-states")  # states.yaml alias
    assert labels["Kenyan lawmakers"] == ("GK_AGENT", "Body")


def test_state_head_inside_an_organisation_name_is_no_state(ex: Extractor) -> None:
    found = actors(ex, "Students at Kiev State University protested.")
    assert "Ukraine" not in found


def test_demonym_before_organisation_words_is_one_name(ex: Extractor) -> None:
    found = actors(ex, "Funds came from the Danish Institute for Peace and Conflict Studies.")
    assert found.get("Danish Institute for Peace and Conflict Studies") is ActorKind.BODY


def test_slash_joined_phoenix_names_are_aliases() -> None:
    entry = load_registry().lookup("Ulster Freedom Fighters")
    assert entry is not None and "Ulster Defence Association" in entry.aliases


def test_armed_group_name_before_a_head_stays_the_group(ex: Extractor) -> None:
    found = actors(ex, "Houthi fighters and Taliban guerrillas attacked; Kurdish rebels withdrew.")
    assert "Taliban guerrillas" not in found and found.get("Taliban") is ActorKind.BODY
    assert found.get("Kurdish rebels") is ActorKind.BODY
