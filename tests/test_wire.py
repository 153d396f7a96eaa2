"""Wire-news actors and relations (graphkit/rules/wire.py, the agent qualifiers of nlp.py).

Sentences of our own, positives and near-misses that must not fire.
"""

from __future__ import annotations

import pytest

from graphkit.models import ActorKind, Article
from graphkit.pipeline import Extractor


def actors(ex: Extractor, text: str) -> dict[str, ActorKind]:
    result = ex.extract(Article(id="t", text=text))
    return {a.name: a.kind for a in result.actors}


def relations(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = ex.extract(Article(id="t", text=text))
    by_id = {a.id: a.name for a in result.actors}
    return {(by_id[s], t.value, by_id[o]) for (s, o, t) in result.evidence}


# --- actors: a religion or people qualifying an agent noun ------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Sunni militants ambushed a convoy near the border.", "Sunni militants", ActorKind.BODY),
        ("Hindu nationalists marched through the town.", "Hindu nationalists", ActorKind.GROUP),
        ("Kurdish settlers moved into the valley.", "Kurdish settlers", ActorKind.GROUP),
        ("Tamil refugees crossed into the camp.", "Tamil refugees", ActorKind.GROUP),
        (
            "French Catholic fundamentalists marched in Lyon.",
            "French Catholic fundamentalists",
            ActorKind.GROUP,
        ),
    ],
)
def test_qualified_agents(ex: Extractor, text: str, name: str, kind: ActorKind) -> None:
    assert actors(ex, text).get(name) is kind


def test_qualifier_alone_is_nobody(ex: Extractor) -> None:
    found = actors(ex, "The Islamic calendar and Buddhist temples were discussed in Colombo.")
    assert not any(n.startswith(("Islamic", "Buddhist")) for n in found)


def test_people_members_fold_to_the_people(ex: Extractor) -> None:
    # "Kurdish students" are the Kurds (group_member_heads), not an actor of their own
    assert "Kurdish students" not in actors(ex, "Kurdish students were detained in Ankara.")


# --- relations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (  # hostage-taking: the relative pronoun's antecedent is held
            "Chadian troops freed Amina Yusuf, whom the Congolese rebels had taken hostage in May.",
            ("Congolese rebels", "DETAINS", "Amina Yusuf"),
        ),
        (  # who mistreats prisoners holds them
            "Israeli troops tortured Palestinian prisoners, the group said.",
            ("Israel", "DETAINS", "Palestinians"),
        ),
        (  # a bare number counts the people just named
            "Ugandan police fired tear gas at Muslim demonstrators and arrested 40.",
            ("Uganda", "DETAINS", "Muslim demonstrators"),
        ),
        (  # expulsion
            "Ethiopia forced the UN refugee agency out of the country last year.",
            ("Ethiopia", "CONDEMNS", "UN High Commissioner for Refugees"),
        ),
    ],
)
def test_wire_relations(ex: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations(ex, text)


@pytest.mark.parametrize(
    "text",
    [
        # visiting prisoners holds nobody
        "The Red Cross visited Palestinian prisoners in Ramallah.",
        # a number that counts things, not the people named
        "Ugandan police dispersed Muslim demonstrators and counted 40 votes.",
        # driving an armed group out is fighting, not an expulsion
        "Syrian troops drove Kurdish rebels out of the town.",
        "Iraqi troops drove Amnesty International out of the town.",
        # no "out": forcing is not expelling
        "Ethiopia forced the UN refugee agency to cut its staff.",
        # a hostage taken by nobody named
        "Amina Yusuf, who was taken hostage in May, spoke to Chadian reporters.",
    ],
)
def test_wire_near_misses(ex: Extractor, text: str) -> None:
    types = {t for _, t, _ in relations(ex, text)}
    assert not types & {"DETAINS", "CONDEMNS"}


# --- actors: a name before an organisation noun ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Shas party quit the coalition on Sunday.", "Shas party"),
        ("Leaders of the Tahrir (Liberation) movement met in Tunis.", "Tahrir movement"),
        ("The ruling Conservative party lost the vote in Accra.", "Conservative party"),
    ],
)
def test_named_organisation(ex: Extractor, text: str, name: str) -> None:
    assert actors(ex, text).get(name) is ActorKind.BODY


def test_name_before_a_compound_is_not_an_organisation(ex: Extractor) -> None:
    # "group" qualifies "leader": John Smith is a person, not a group
    assert actors(ex, "John Smith group leader resigned.").get("John Smith") is ActorKind.PERSON


# --- "they" under a plural subject -------------------------------------------------------


def test_they_is_the_plural_subject(ex: Extractor) -> None:
    text = "Congolese rebels said they would free Amina Yusuf, whom they had taken hostage."
    assert ("Congolese rebels", "DETAINS", "Amina Yusuf") in relations(ex, text)


def test_they_after_a_singular_subject_stays_unresolved(ex: Extractor) -> None:
    text = "The Sudanese government said they would free Amina Yusuf, whom they had seized."
    assert not any(t == "DETAINS" and s != "Sudan" for s, t, _ in relations(ex, text))


# --- an organisation's court; a named member of a body ----------------------------------


def test_an_organisations_court_is_a_body_of_its_own(ex: Extractor) -> None:
    text = "Two Rwandan generals were indicted by the UN war crimes tribunal for genocide."
    assert actors(ex, text).get("UN war crimes tribunal") is ActorKind.BODY
    # "the UN court system": the court qualifies another noun, the UN is meant
    assert "UN court" not in actors(ex, "The UN court system was praised by Kenya.")


def test_a_named_member_acts_not_the_body(ex: Extractor) -> None:
    text = "A member of the Kenyan parliament, Amos Kiprop, condemned the Ugandan government."
    found = relations(ex, text)
    assert ("Amos Kiprop", "CONDEMNS", "Uganda") in found
    assert not any(s == "Kenyan parliament" for s, _, _ in found)


# --- armed organs of a people; relative objects; allegation nouns -------------------------


def test_a_peoples_armed_organ_is_a_body(ex: Extractor) -> None:
    found = actors(ex, "Kurdish forces captured the town. Wagner forces left Mali.")
    assert found.get("Kurdish forces") is ActorKind.BODY
    assert "Wagner forces" not in found  # an organisation's name, not a people's adjective


def test_relative_object(ex: Extractor) -> None:
    text = "The court freed Amina Yusuf, whom Kenyan police had arrested in May."
    assert ("Kenya", "DETAINS", "Amina Yusuf") in relations(ex, text)
    # "which" with an antecedent that is not an actor: nothing
    assert not relations(ex, "The talks, which Kenya held in May, failed.")


@pytest.mark.parametrize(
    "text",
    [
        "The panel investigated an allegation by Amnesty International that Nigeria had "
        "tortured detainees.",
        "Amnesty International's accusation that Nigeria tortured detainees was rejected.",
    ],
)
def test_allegation_noun(ex: Extractor, text: str) -> None:
    assert ("Amnesty International", "CONDEMNS", "Nigeria") in relations(ex, text)


def test_allegation_without_an_accused_actor(ex: Extractor) -> None:
    text = "The panel investigated an allegation by Amnesty International that the town flooded."
    assert not relations(ex, text)


def test_an_armed_movement_holds_hostages(ex: Extractor) -> None:
    # armed and political movements are organisations (Body), so they can hold people
    text = "Hezbollah militants took Amina Yusuf hostage near the border."
    assert ("Hezbollah", "DETAINS", "Amina Yusuf") in relations(ex, text)
    assert actors(ex, text).get("Hezbollah") is ActorKind.BODY


def test_civilians_abroad_are_a_group(ex: Extractor) -> None:
    text = "Chadian rebels have kidnapped up to nine Turkish civilian technicians near Abeche."
    assert actors(ex, text).get("Turkish civilian technicians") is ActorKind.GROUP
    assert ("Chadian rebels", "DETAINS", "Turkish civilian technicians") in relations(ex, text)
    # a state's military advisers are the state
    assert "US military advisers" not in actors(ex, "US military advisers arrived in Kabul.")


def test_an_efforts_purpose_is_the_actors_act(ex: Extractor) -> None:
    text = "Kenya joined the talks as part of a drive to convince Uganda to reopen the border."
    assert ("Kenya", "LOBBIES", "Uganda") in relations(ex, text)
    # a purpose of something that is not an effort of the subject's: nothing
    text = "Kenya spoke at the launch of a new fund to persuade Uganda to reopen the border."
    assert ("Kenya", "LOBBIES", "Uganda") not in relations(ex, text)


def test_acronym_after_a_description(ex: Extractor) -> None:
    text = "The Council extended the mandate of the peacekeeping mission in Haiti (MINUSTAH)."
    assert actors(ex, text).get("MINUSTAH") is ActorKind.BODY
    # an acronym for a thing, not an organisation
    assert "GDP" not in actors(ex, "Growth of the gross domestic product (GDP) slowed in Ghana.")


def test_a_lone_word_person_is_nobody(ex: Extractor) -> None:
    # the NER's one-word "persons" that no full name takes in are places or fragments
    found = actors(ex, "Protesters blocked a bridge over the Danube near Vukovar on Monday.")
    assert not any(kind is ActorKind.PERSON for kind in found.values())
    # a surname after the full name is the person
    found = actors(ex, "Amina Yusuf spoke in Nairobi. Later, Yusuf left for Kampala.")
    assert found.get("Amina Yusuf") is ActorKind.PERSON


def test_a_lower_case_org_is_a_description(ex: Extractor) -> None:
    text = "The Ghana Union of Nurses, the umbrella union for nurses, called off its strike."
    found = actors(ex, text)
    assert "umbrella union" not in found
    assert found.get("Ghana Union of Nurses") is ActorKind.BODY
