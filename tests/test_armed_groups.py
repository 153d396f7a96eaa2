"""Armed groups, cartels and parties of 2010s-2020s news (registry data in
graphkit/data/actors/groups.yaml), the organisation word that qualifies a registered body
("the Fatah party"), and the victims of a harm, who are not the harmer's. Sentences of our
own, with negatives."""

from __future__ import annotations

import pytest
from extraction_helpers import actor_kinds, triples

from graphkit.models import ActorKind
from graphkit.pipeline import Extractor
from graphkit.registry import load_registry

REGISTERED = [
    ("Boko Haram", "body:boko-haram"),
    ("ISWAP", "body:islamic-state-west-africa-province"),
    ("al-Shabaab", "body:al-shabaab"),
    ("M23", "body:m23"),
    ("Hayat Tahrir al-Sham", "body:hayat-tahrir-al-sham"),
    ("FARC", "body:revolutionary-armed-forces-of-colombia"),
    ("Pakistani Taliban", "body:tehrik-i-taliban-pakistan"),
    ("Tren de Aragua", "body:tren-de-aragua"),
    # the Gaza group, not the Phoenix alias of a 1980s Lebanese one
    ("Islamic Jihad", "body:palestinian-islamic-jihad"),
    ("ANC", "body:african-national-congress"),
]


@pytest.mark.parametrize(("name", "actor"), REGISTERED)
def test_armed_groups_and_parties_are_registered(name: str, actor: str) -> None:
    entry = load_registry(()).lookup(name)
    assert entry is not None
    assert entry.id == actor


def test_an_armed_group_is_a_body_not_a_person(ex: Extractor) -> None:
    kinds = actor_kinds(ex, "Boko Haram fighters kidnapped the aid worker Grace Taku.")
    assert kinds.get("Boko Haram") is ActorKind.BODY


RELATIONS = [
    (
        "Boko Haram fighters kidnapped the aid worker Grace Taku.",
        ("Boko Haram", "DETAINS", "Grace Taku"),
    ),
    (
        "Washington designated Tren de Aragua a foreign terrorist organisation.",
        ("United States", "CONDEMNS", "Tren de Aragua"),
    ),
    # the organisation word after a registered body stands for the body
    (
        "Supporters of the ANC party marched against Jacob Zuma.",
        ("African National Congress", "CONDEMNS", "Jacob Zuma"),
    ),
    (
        "The UN Security Council condemned an attack by the Boko Haram group.",
        ("UN Security Council", "CONDEMNS", "Boko Haram"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_relations_of_armed_groups(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


VICTIMS = [
    # the hostages are Boko Haram's victims: rescuing them is no support of Boko Haram
    (
        "Nigeria's army rescued 50 hostages held by Boko Haram.",
        ("Nigeria", "SUPPORTS", "Boko Haram"),
    ),
    (
        "Qatar welcomed the release of hostages held by Hamas.",
        ("Qatar", "SUPPORTS", "Hamas"),
    ),
    (
        "The Red Cross evacuated civilians wounded by M23 rebels.",
        ("International Committee of the Red Cross", "SUPPORTS", "M23"),
    ),
    ("France helped the families displaced by M23 rebels.", ("France", "SUPPORTS", "M23")),
]


@pytest.mark.parametrize(("text", "absent"), VICTIMS)
def test_the_victims_of_a_harm_are_not_the_harmers(
    ex: Extractor, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in triples(ex, text)


def test_what_a_participle_agent_imposes_is_still_its_own(ex: Extractor) -> None:
    text = "Canada condemned the sanctions imposed by China."
    assert ("Canada", "CONDEMNS", "China") in triples(ex, text)
