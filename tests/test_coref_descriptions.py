"""Definite descriptions that say which institution they are ("the court", "the bloc",
"the carmaker") refer back to an earlier actor with that word in its name, or one news
calls so; never to just any earlier actor of the kind. Sentences of our own."""

from __future__ import annotations

import pytest
from extraction_helpers import triples

from graphkit.pipeline import Extractor

NAMED = [
    (
        "The International Criminal Court opened an inquiry into the war. "
        "Moscow condemned the court.",
        ("Russia", "CONDEMNS", "International Criminal Court"),
    ),
    (
        "NATO agreed to station more troops in Lithuania. Beijing criticised the alliance.",
        ("China", "CONDEMNS", "NATO"),
    ),
    (
        "The EU raised tariffs on electric cars. China denounced the bloc on Friday.",
        ("China", "CONDEMNS", "European Union"),
    ),
    (
        "Saudi Arabia carried out 81 executions in one day. "
        "Amnesty International condemned the kingdom.",
        ("Amnesty International", "CONDEMNS", "Saudi Arabia"),
    ),
    (
        "The African Union suspended Gabon after the coup. Gabon's junta criticised the union.",
        ("Gabon", "CONDEMNS", "African Union"),
    ),
    (
        "The International Monetary Fund approved a new loan. Argentina thanked the fund.",
        ("Argentina", "SUPPORTS", "International Monetary Fund"),
    ),
    (  # a company word: any earlier company
        "Volkswagen shut a plant in Xinjiang. The World Uyghur Congress praised the carmaker.",
        ("World Uyghur Congress", "SUPPORTS", "Volkswagen"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_described_institution_is_the_earlier_actor(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


NOT_NAMED = [
    # no court named: a council is not "the court"
    (
        "The UN Human Rights Council opened its session. Russia condemned the court.",
        ("Russia", "CONDEMNS", "UN Human Rights Council"),
    ),
    # the EU is a bloc, not an alliance
    (
        "The EU held a summit in Brussels. Russia condemned the alliance.",
        ("Russia", "CONDEMNS", "European Union"),
    ),
    # a republic is not "the kingdom"
    (
        "France banned the protest. Amnesty International criticised the kingdom.",
        ("Amnesty International", "CONDEMNS", "France"),
    ),
    # too far back: the window is three sentences
    (
        "NATO met in Madrid. Talks ran late. Leaders dined. Markets fell. Prices rose. "
        "China criticised the alliance.",
        ("China", "CONDEMNS", "NATO"),
    ),
]


@pytest.mark.parametrize(("text", "absent"), NOT_NAMED)
def test_a_description_needs_a_fitting_earlier_actor(
    ex: Extractor, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in triples(ex, text)
