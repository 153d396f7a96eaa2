"""Who speaks: people named by the body they belong to ("G7 foreign ministers", "ICC
judges"), and the subject of a passive clause acting in the active clause coordinated with
it ("X is alarmed by ... and calls on Y"). Sentences of our own, with negatives."""

from __future__ import annotations

import pytest
from extraction_helpers import triples

from graphkit.pipeline import Extractor

FOUND = [
    (
        "NATO defence ministers condemned Russia's drone incursions.",
        ("NATO", "CONDEMNS", "Russia"),
    ),
    (
        "African Union ambassadors urged Sudan to accept a ceasefire.",
        ("African Union", "LOBBIES", "Sudan"),
    ),
    (
        "The UN High Commissioner Volker Türk was appalled by the verdict and urged Tunisia "
        "to release the lawyers.",
        ("Volker Türk", "LOBBIES", "Tunisia"),
    ),
    (
        "Chile was criticised by Bolivia and condemned Peru in turn.",
        ("Chile", "CONDEMNS", "Peru"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_the_speaker_is_found(ex: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(ex, text)


ABSENT = [
    # a demonym names the state, not a body
    ("Chinese ministers criticised Japan.", ("Japan", "CONDEMNS", "China")),
    # the agent of the passive clause does not do the active one's act
    (
        "Chile was criticised by Bolivia and condemned Peru in turn.",
        ("Bolivia", "CONDEMNS", "Peru"),
    ),
    # both clauses passive: the second is no act of the first one's subject
    (
        "Ecuador was praised by Peru and criticised by Colombia.",
        ("Ecuador", "CONDEMNS", "Colombia"),
    ),
]


@pytest.mark.parametrize(("text", "absent"), ABSENT)
def test_no_wrong_speaker(ex: Extractor, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(ex, text)
