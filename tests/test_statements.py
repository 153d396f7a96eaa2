"""Statement rules and the author's voice, on sentences of our own (other actors and wording
than the seeds and the development sets), with negatives for each family."""

from __future__ import annotations

import pytest
from extraction_helpers import triples

from graphkit.models import Article
from graphkit.pipeline import Extractor

# --- the author's voice --------------------------------------------------------------------
VOICE = [
    ("Harbour Master's Office", "We call on Iran to free the aid worker.", None),
    (
        "Foreign, Commonwealth & Development Office",
        "We call on Iran to free the aid worker.",
        ("United Kingdom", "LOBBIES", "Iran"),
    ),
    (
        "Government of Canada",
        "We call on Iran to free the aid workers it holds.",
        ("Canada", "LOBBIES", "Iran"),
    ),
    (
        "Amnesty International",
        "We urge Egypt to end its crackdown.",
        ("Amnesty International", "LOBBIES", "Egypt"),
    ),
    (
        "The White House",
        "Today I condemn Belarus for the forced landing.",
        ("United States", "CONDEMNS", "Belarus"),
    ),
    (
        "Embassy of Japan in Kenya (Ministry of Foreign Affairs of Japan)",
        "We commend Kenya for its leadership.",
        ("Japan", "SUPPORTS", "Kenya"),
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), VOICE)
def test_first_person_is_the_publisher(
    ex: Extractor, source: str, text: str, expected: tuple[str, str, str] | None
) -> None:
    got = triples(ex, text, source)
    if expected is None:  # a publisher the registry does not know has no voice
        assert got == set()
    else:
        assert expected in got


def test_news_outlet_has_no_voice(ex: Extractor) -> None:
    assert triples(ex, "We call on Iran to free the aid workers.", "Reuters") == set()
    assert triples(ex, "We call on Iran to free the aid workers.", None) == set()


def test_first_person_in_a_quote_stays_the_speakers(ex: Extractor) -> None:
    text = '"We condemn Iran," said Mexico\'s foreign minister.'
    got = triples(ex, text, "Government of Canada")
    assert ("Canada", "CONDEMNS", "Iran") not in got


JOINT = (
    "The following statement was released by the Governments of Chile, Peru and Colombia "
    "on the talks in Quito.\n\nWe call on Venezuela to free Juan Perez. We are grateful to "
    "Ecuador for hosting the talks, and we will work with our partners."
)


def test_joint_statement_speaks_for_every_author(ex: Extractor) -> None:
    got = triples(ex, JOINT, "Government of Chile")
    for author in ("Chile", "Peru", "Colombia"):
        assert (author, "LOBBIES", "Venezuela") in got
        assert (author, "SUPPORTS", "Ecuador") in got
    # the place the statement is about is not an author, and co-authors are no relation
    assert not any(s == "Ecuador" for s, _, _ in got)
    assert not any(s in ("Chile", "Peru") and o in ("Chile", "Peru", "Colombia") for s, _, o in got)


def test_statement_delivered_by_one_on_behalf_of_many(ex: Extractor) -> None:
    text = (
        "(The following joint statement was delivered by Ambassador Ana Reyes, Representative "
        "of Chile to the United Nations, on behalf of Chile, Peru and Colombia.)\n\n"
        "We urge Venezuela to free Juan Perez."
    )
    got = triples(ex, text, "Government of Chile")
    for author in ("Chile", "Peru", "Colombia"):
        assert (author, "LOBBIES", "Venezuela") in got
    assert ("United Nations", "LOBBIES", "Venezuela") not in got


def test_opening_subject_list_is_the_voice_only_with_the_publisher(ex: Extractor) -> None:
    text = "Chile, Peru and Colombia condemn the attacks.\n\nWe urge Venezuela to end them."
    assert ("Peru", "LOBBIES", "Venezuela") in triples(ex, text, "Government of Chile")
    # a report on others' joint statement: "we" stays the publisher
    got = triples(ex, text, "Government of Canada")
    assert ("Canada", "LOBBIES", "Venezuela") in got
    assert ("Peru", "LOBBIES", "Venezuela") not in got


def test_voiced_document_judgements_are_the_authors(ex: Extractor) -> None:
    text = "We call on Russia to end the war. Russia's aggression has caused immense suffering."
    assert ("Canada", "CONDEMNS", "Russia") in triples(ex, text, "Government of Canada")
    # a report without a first-person voice judges nobody on the publisher's behalf
    plain = "Russia's aggression has caused immense suffering."
    assert triples(ex, plain, "Government of Canada") == set()


# --- statement patterns --------------------------------------------------------------------
PATTERNS = [
    ("Chile is grateful to Uruguay for its help.", ("Chile", "SUPPORTS", "Uruguay")),
    ("Peru expressed its thanks to Ghana for hosting the talks.", ("Peru", "SUPPORTS", "Ghana")),
    (
        "Norway appreciated Brazil's leadership in the negotiations.",
        ("Norway", "SUPPORTS", "Brazil"),
    ),
    ("Sweden urged Iran to release Ahmadreza Djalali.", ("Iran", "DETAINS", "Ahmadreza Djalali")),
    ("Sweden urged Iran to release Ahmadreza Djalali.", ("Sweden", "LOBBIES", "Iran")),
    ("Iran refused to free Ahmadreza Djalali.", ("Iran", "DETAINS", "Ahmadreza Djalali")),
    # a release noun with its releaser: "the release of Y by X", "X's release of Y"
    (
        "Canada welcomed the release of Michael Kovrig by China.",
        ("China", "DETAINS", "Michael Kovrig"),
    ),
    (
        "Australia welcomed Myanmar's release of the economist Sean Turnell.",
        ("Myanmar", "DETAINS", "Sean Turnell"),
    ),
    ("Chad rejected a French request to extend the mission.", ("France", "LOBBIES", "Chad")),
    ("Ghana dismissed Togo's demand for compensation.", ("Togo", "LOBBIES", "Ghana")),
    (
        "Bolivia issued an ultimatum to Paraguay to withdraw its troops.",
        ("Bolivia", "LOBBIES", "Paraguay"),
    ),
    (
        "Egypt threatened to close the crossing unless Israel lifted the blockade.",
        ("Egypt", "LOBBIES", "Israel"),
    ),
    ("Kenya said Somalia must stop the incursions.", ("Kenya", "LOBBIES", "Somalia")),
    (
        "Human Rights Watch demanded that Brazil halt the logging.",
        ("Human Rights Watch", "LOBBIES", "Brazil"),
    ),
    (
        "Amnesty International staged a rally against Canada's trade policy.",
        ("Amnesty International", "CONDEMNS", "Canada"),
    ),
    ("Mexico called for Honduras to free the journalists.", ("Mexico", "LOBBIES", "Honduras")),
    (
        "Mexico called for Honduras to free Gustavo Castro.",
        ("Honduras", "DETAINS", "Gustavo Castro"),
    ),
    (
        "Human Rights Watch demanded the resignation of Evo Morales.",
        ("Human Rights Watch", "LOBBIES", "Evo Morales"),
    ),
    ("Estonia sought military aid from Finland.", ("Estonia", "LOBBIES", "Finland")),
    ("Chile demanded the removal of Peru's ambassador.", ("Chile", "LOBBIES", "Peru")),
    (
        "Activists from Amnesty International staged rallies against Qatar.",
        ("Amnesty International", "CONDEMNS", "Qatar"),
    ),
    (
        "Sweden strongly condemned the sale of drones by Iran to Russia.",
        ("Sweden", "CONDEMNS", "Iran"),
    ),
    ("Canada suspended military aid to Niger after the coup.", ("Canada", "CONDEMNS", "Niger")),
    ("Bahrain severed diplomatic ties with Qatar.", ("Bahrain", "CONDEMNS", "Qatar")),
    ("Austria announced a suspension of flights to Belarus.", ("Austria", "CONDEMNS", "Belarus")),
    (
        "Amnesty International continued a vigil in protest of Bolivia's new law.",
        ("Amnesty International", "CONDEMNS", "Bolivia"),
    ),
    (
        "Human Rights Watch demanded an end to Argentina's austerity policy.",
        ("Human Rights Watch", "LOBBIES", "Argentina"),
    ),
    (
        "Egypt rejected Denmark's proposal for a new treaty.",
        ("Denmark", "LOBBIES", "Egypt"),
    ),
    (
        "The Kremlin said US and British forces must leave Syria.",
        ("Russia", "LOBBIES", "United Kingdom"),
    ),
    (
        "The Kremlin said US and British forces must leave Syria.",
        ("Russia", "LOBBIES", "United States"),
    ),
    ("Iranian-backed Hezbollah fighters shelled the town.", ("Iran", "SUPPORTS", "Hezbollah")),
    (
        "Hundreds of Uyghurs rallied in Istanbul calling for independence from China.",
        ("Uyghurs", "LOBBIES", "China"),
    ),
    (
        "Iran expelled inspectors of the International Atomic Energy Agency.",
        ("Iran", "CONDEMNS", "International Atomic Energy Agency"),
    ),
    (
        "Canada remains deeply concerned about corruption and abuses in Zimbabwe.",
        ("Canada", "CONDEMNS", "Zimbabwe"),
    ),
    (
        "France noted with concern that the government of Mali continues to detain journalists.",
        ("France", "CONDEMNS", "Mali"),
    ),
    ("Chile strongly objects to Peru's new border law.", ("Chile", "CONDEMNS", "Peru")),
    (
        "The European Union condemned the actions of the Lukashenko regime.",
        ("European Union", "CONDEMNS", "Belarus"),
    ),
    ("Two Kurdish activists died while in Turkish police custody.", ("Turkey", "DETAINS", "Kurds")),
    (
        "Uyghur riots against Chinese police policies are continuing.",
        ("Uyghurs", "CONDEMNS", "China"),
    ),
    (
        "Kenya's president refused to resign despite growing pressure by Amnesty International.",
        ("Amnesty International", "LOBBIES", "Kenya"),
    ),
    (
        "U.S. officials alleged that North Korea had resumed its nuclear program.",
        ("United States", "CONDEMNS", "North Korea"),
    ),
    ("Japan said it would impose sanctions on Russia.", ("Japan", "CONDEMNS", "Russia")),
    ("Canada announced it would suspend military aid to Niger.", ("Canada", "CONDEMNS", "Niger")),
    (
        "Human Rights Watch began a hunger strike to demand the resignation of Evo Morales.",
        ("Human Rights Watch", "LOBBIES", "Evo Morales"),
    ),
    (
        "Apple removed the VPN apps at the request of Chinese authorities.",
        ("China", "LOBBIES", "Apple"),
    ),
    ("The United States added Huawei to its entity list.", ("United States", "CONDEMNS", "Huawei")),
    (
        "The African Union suspended Niger after the military coup.",
        ("African Union", "CONDEMNS", "Niger"),
    ),
    (
        "Canada is grateful to its partners, including the Governments of Qatar and Oman.",
        ("Canada", "SUPPORTS", "Oman"),
    ),
    ("Myanmar's junta arrested the poet Maung Saw.", ("Myanmar", "DETAINS", "Maung Saw")),
    (
        "Brazil's foreign ministry voiced support for Argentina.",
        ("Brazil", "SUPPORTS", "Argentina"),
    ),
    (
        "Israeli soldiers detained Palestinian youths near Hebron.",
        ("Israel", "DETAINS", "Palestinians"),
    ),
    (
        "An Albanian prisoner died while in Serbian police custody.",
        ("Serbia", "DETAINS", "Albanians"),
    ),
    ("NATO officials condemned Russia's annexation of Crimea.", ("NATO", "CONDEMNS", "Russia")),
    ("Canada stands with its ally the Philippines.", ("Canada", "SUPPORTS", "Philippines")),
    ("Armenia demanded Russian peacekeepers along the border.", ("Armenia", "LOBBIES", "Russia")),
    (
        "The Red Cross operating in Yemen said Saudi forces must protect civilians.",
        ("International Committee of the Red Cross", "LOBBIES", "Saudi Arabia"),
    ),
    (
        "Turkish police have detained up to 16 Kurdish activists in Diyarbakir.",
        ("Turkey", "DETAINS", "Kurds"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_statement_pattern(ex: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(ex, text)


NEGATIVES = [
    # a release noun without "by" or a possessor names no releaser: the welcomer holds nobody
    (
        "Canada welcomed the release of Michael Kovrig.",
        ("Canada", "DETAINS", "Michael Kovrig"),
    ),
    # rejecting a request condemns nobody
    ("Chad rejected a French request to extend the mission.", ("Chad", "CONDEMNS", "France")),
    # asked of nobody named: the asker holds nobody
    (
        "Sweden called for the release of Ahmadreza Djalali.",
        ("Sweden", "DETAINS", "Ahmadreza Djalali"),
    ),
    # a plain statement with "if" asks nothing
    ("Kenya said it would attend if Somalia invited it.", ("Kenya", "LOBBIES", "Somalia")),
    # "B must be punished" judges B, it does not lobby B
    ("Kenya said Somalia must be punished.", ("Kenya", "LOBBIES", "Somalia")),
    # gratitude negated
    ("Chile is not grateful to Uruguay.", ("Chile", "SUPPORTS", "Uruguay")),
    # the member states of a body are not the body
    (
        "Chile will work with all member states of the United Nations.",
        ("Chile", "SUPPORTS", "United Nations"),
    ),
    # voting against a resolution does not take its stance
    ("Norway voted against a resolution condemning Syria.", ("Norway", "CONDEMNS", "Syria")),
    # turning down an offer condemns nobody and says nothing of lobbying
    ("Fiji rejected an Australian offer to host the summit.", ("Fiji", "CONDEMNS", "Australia")),
    ("Fiji rejected an Australian offer to host the summit.", ("Australia", "LOBBIES", "Fiji")),
    # cutting something that is not a tie
    ("Canada cut taxes for Niger's exporters.", ("Canada", "CONDEMNS", "Niger")),
    # students from a state are not the state
    ("Students from Chile staged rallies against Peru.", ("Chile", "CONDEMNS", "Peru")),
    # asking for something from nobody named lobbies nobody
    ("Estonia sought military aid.", ("Estonia", "LOBBIES", "Finland")),
    # a verdict is not a detention
    ("Canada holds Iran responsible for the crash.", ("Canada", "DETAINS", "Iran")),
    # a state in a document's name is not supported
    (
        "In support of the Minsk Agreement, France sent observers.",
        ("France", "SUPPORTS", "Belarus"),
    ),
]


@pytest.mark.parametrize(("text", "absent"), NEGATIVES)
def test_statement_negative(ex: Extractor, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(ex, text)


def test_call_for_release_lobbies_the_holder_the_document_names(ex: Extractor) -> None:
    text = (
        "Ahmadreza Djalali has been held by Iran since 2016. "
        "Belgium called for his immediate release on Monday."
    )
    got = triples(ex, text)
    assert ("Iran", "DETAINS", "Ahmadreza Djalali") in got
    assert ("Belgium", "LOBBIES", "Iran") in got
    # no holder named in the document: nobody is lobbied
    assert triples(ex, "Belgium called for the release of Ahmadreza Djalali.") == set()


def test_call_for_release_of_unnamed_people_lobbies_the_documents_jailers(ex: Extractor) -> None:
    text = (
        "Canada condemns Iran's detention of foreign aid workers. "
        "We call for the immediate release of the aid workers."
    )
    got = triples(ex, text, "Government of Canada")
    assert ("Canada", "LOBBIES", "Iran") in got
    # nobody in the document holds anyone: nobody is lobbied
    assert (
        triples(ex, "We call for the release of the aid workers.", "Government of Canada") == set()
    )


def test_presupposed_rules_name_themselves(ex: Extractor) -> None:
    result = ex.extract(Article(id="t", text="Sweden urged Iran to release Ahmadreza Djalali."))
    rules = {e.rule for items in result.evidence.values() for e in items}
    assert "release-holder" in rules
