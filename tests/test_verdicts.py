"""Verdicts, held prisoners and the state a statement is about, on sentences of our own (other
actors and wording than the seeds and the development sets), with near-misses for each family."""

from __future__ import annotations

import pytest
from extraction_helpers import triples

from graphkit.pipeline import Extractor

US = "US Department of State"


def detained(got: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(s, o) for s, t, o in got if t == "DETAINS"}


# --- sentences are detentions by the court's state ---------------------------------------
def test_named_court_sentences_to_prison(ex: Extractor) -> None:
    got = triples(
        ex, "A court in Minsk sentenced the blogger Ivan Petrenko to six years in prison."
    )
    assert ("Belarus", "Ivan Petrenko") in detained(got)


def test_second_convict_of_one_sentence_verb(ex: Extractor) -> None:
    text = (
        "Iranian courts sentenced Ali Karimi to five years and Reza Tavakoli to eight years "
        "in prison for their reporting."
    )
    got = detained(triples(ex, text))
    assert {("Iran", "Ali Karimi"), ("Iran", "Reza Tavakoli")} <= got


def test_unnamed_court_is_the_documents_state(ex: Extractor) -> None:
    text = (
        "Egypt has jailed thousands of critics since 2013, and Egyptian authorities raided "
        "two newspapers this year.\n\nThe court's decision to sentence the lawyer Omar Farid "
        "to ten years in prison is unjust."
    )
    assert ("Egypt", "Omar Farid") in detained(triples(ex, text, US))


def test_passive_sentence_without_agent(ex: Extractor) -> None:
    text = (
        "Egypt has jailed thousands of critics, and Egypt's prosecutors charge more each week. "
        "Last month the lawyer Omar Farid was sentenced to life imprisonment."
    )
    assert ("Egypt", "Omar Farid") in detained(triples(ex, text, US))


def test_prison_sentence_noun(ex: Extractor) -> None:
    text = (
        "Iran continues to silence its critics, and Iran's courts have grown harsher. "
        "We condemn the conviction and seven-year prison sentence of the poet Lina Haddad."
    )
    got = triples(ex, text, "Government of Canada")
    assert ("Iran", "DETAINS", "Lina Haddad") in got
    assert ("Canada", "CONDEMNS", "Iran") in got


@pytest.mark.parametrize(
    "text",
    [
        "A court in Minsk sentenced the blogger Ivan Petrenko to pay a fine.",
        "A court in Minsk acquitted the blogger Ivan Petrenko of all charges.",
        "The blogger Ivan Petrenko served a term as mayor of Minsk.",
    ],
)
def test_fines_acquittals_and_terms_of_office_hold_nobody(ex: Extractor, text: str) -> None:
    assert detained(triples(ex, text)) == set()


def test_sentence_with_no_state_in_view_has_no_jailer(ex: Extractor) -> None:
    # no state named at all: nobody to hold the convict
    got = triples(ex, "The blogger Ivan Petrenko was sentenced to six years in prison.", US)
    assert detained(got) == set()


# --- disapproving of a verdict condemns its state ------------------------------------------
def test_troubled_by_a_conviction_condemns_the_documents_state(ex: Extractor) -> None:
    text = (
        "We are deeply troubled by the conviction of the journalist Maria Santos. Venezuela "
        "must respect press freedom, and Venezuela should end its harassment of reporters."
    )
    assert ("United States", "CONDEMNS", "Venezuela") in triples(ex, text, US)


def test_concern_about_an_owned_act_blames_its_owner_only(ex: Extractor) -> None:
    text = (
        "We are troubled by the Taliban's detention of aid workers. Afghanistan needs aid, and "
        "Afghanistan's people deserve it."
    )
    got = triples(ex, text, US)
    assert ("United States", "CONDEMNS", "Afghanistan") not in got


def test_enactment_of_a_law_blames_the_law_giver(ex: Extractor) -> None:
    text = "We are alarmed by the enactment of Hungary's new media law."
    assert ("United States", "CONDEMNS", "Hungary") in triples(ex, text, US)


# --- the state a statement is about --------------------------------------------------------
def test_the_authorities_are_the_documents_state(ex: Extractor) -> None:
    text = (
        "The United States is following events in Tunisia closely. Tunisia has been a partner "
        "for decades.\n\nThe authorities arrested the opposition leader Karim Ben Salah on "
        "Monday."
    )
    assert ("Tunisia", "Karim Ben Salah") in detained(triples(ex, text, US))


def test_a_news_report_has_no_focal_state(ex: Extractor) -> None:
    text = (
        "The United States is following events in Tunisia closely. Tunisia has been a partner "
        "for decades.\n\nThe authorities arrested the opposition leader Karim Ben Salah on "
        "Monday."
    )
    assert detained(triples(ex, text, "Reuters")) == set()


def test_no_focal_state_when_two_states_tie(ex: Extractor) -> None:
    text = (
        "Tunisia and Algeria held talks last week. Tunisia and Algeria signed a trade pact."
        "\n\nThe authorities arrested the opposition leader Karim Ben Salah on Monday."
    )
    assert detained(triples(ex, text, US)) == set()


def test_the_regime_is_never_the_publisher(ex: Extractor) -> None:
    text = (
        "The United States condemns the actions of Nicaragua's government, and Nicaragua's "
        "courts obey it. Juan Carlos Mendoza and Pedro Gil are political prisoners held by "
        "the regime."
    )
    got = detained(triples(ex, text, US))
    assert ("Nicaragua", "Juan Carlos Mendoza") in got
    assert ("Nicaragua", "Pedro Gil") in got
    assert not any(s == "United States" for s, _ in got)


def test_rebel_forces_are_not_the_state(ex: Extractor) -> None:
    text = (
        "Mali faces a long insurgency. Mali's army has lost ground.\n\nThe rebel forces "
        "abducted the engineer Paul Okafor."
    )
    assert ("Mali", "Paul Okafor") not in detained(triples(ex, text, US))


# --- who is held: pronouns, given names, the publisher's own nationals ----------------------
def test_his_release_lobbies_the_holder_of_the_last_held_person(ex: Extractor) -> None:
    text = (
        "Ambassador Mark Wilson spoke to reporters in Baku.\n\nA court in Baku sentenced the "
        "economist Tofiq Aliyev to nine years in prison. We call for his immediate release."
    )
    got = triples(ex, text, US)
    assert ("Azerbaijan", "DETAINS", "Tofiq Aliyev") in got
    assert ("United States", "LOBBIES", "Azerbaijan") in got


def test_his_release_without_anyone_held_lobbies_nobody(ex: Extractor) -> None:
    text = "Ambassador Mark Wilson spoke in Baku. We call for his immediate release."
    got = triples(ex, text, US)
    assert not any(t == "LOBBIES" for _, t, _ in got)


def test_given_name_alone_is_the_full_name(ex: Extractor) -> None:
    from spacy.tokens import Span

    from graphkit.names import repair_org_spans

    doc = ex.nlp(
        "Canadian Marcus Holloway was seized in 2019. We will not rest until Marcus is home."
    )
    given = next(t.i for t in doc if t.text == "Marcus" and t.i > 3)
    doc.ents = [Span(doc, given, given + 1, label="PERSON")]  # the NER missed the full name
    persons = {e.text for e in repair_org_spans(doc).ents if e.label_ == "PERSON"}
    assert "Marcus Holloway" in persons
    # a run of proper nouns that starts with no known given name stays as it was
    doc = ex.nlp(
        "Canadian Marcus Holloway was seized in 2019. We will not rest until Ruth is home."
    )
    ruth = next(t.i for t in doc if t.text == "Ruth")
    doc.ents = [Span(doc, ruth, ruth + 1, label="PERSON")]
    assert {e.text for e in repair_org_spans(doc).ents} == {"Ruth"}


def test_the_publishers_own_nationals_are_not_a_detained_actor(ex: Extractor) -> None:
    text = "Three Americans who were imprisoned in Iran are finally coming home."
    assert ("Iran", "Americans") not in detained(triples(ex, text, US))
    # another state's nationals stay an actor: their own state does not speak here
    text = "Three Canadians who were imprisoned in Iran are finally coming home."
    assert ("Iran", "Canadians") in detained(triples(ex, text, US))


# --- a detention the statement calls wrongful -----------------------------------------------
def test_wrongful_detention_in_a_voiced_statement_condemns_the_detainer(ex: Extractor) -> None:
    text = (
        "We stand with the people of Belarus. Many journalists remain arbitrarily detained in "
        "Belarus, and we will keep raising their cases."
    )
    got = triples(ex, text, US)
    assert ("United States", "CONDEMNS", "Belarus") in got


def test_wrongful_detention_needs_the_authors_voice(ex: Extractor) -> None:
    # a news report has no voice; a statement that never says "we" judges nothing
    text = "Many journalists remain arbitrarily detained in Belarus, the group said."
    assert not any(t == "CONDEMNS" for _, t, _ in triples(ex, text, "Reuters"))
    text = "Many journalists remain arbitrarily detained in Belarus."
    assert not any(t == "CONDEMNS" for _, t, _ in triples(ex, text, US))


def test_the_wrongfully_held_are_not_condemned(ex: Extractor) -> None:
    text = (
        "We call on Belarus to free Ivan Petrenko and all others arbitrarily imprisoned. We "
        "will not forget them."
    )
    got = triples(ex, text, US)
    assert ("United States", "CONDEMNS", "Ivan Petrenko") not in got


# --- judged acts -----------------------------------------------------------------------------
def test_a_finding_that_a_detention_is_arbitrary_condemns_the_holder(ex: Extractor) -> None:
    text = (
        "Laos has held the activist Somchai Vong since 2021, and Laos has ignored every appeal. "
        "Amnesty International concluded last year that Somchai's detention is arbitrary."
    )
    got = triples(ex, text, "Human Rights Watch")
    assert ("Amnesty International", "CONDEMNS", "Laos") in got


def test_a_detention_judged_lawful_condemns_nobody(ex: Extractor) -> None:
    text = (
        "Laos has held the activist Somchai Vong since 2021, and Laos has ignored every appeal. "
        "Amnesty International concluded last year that Somchai's detention is lawful."
    )
    got = triples(ex, text)
    assert ("Amnesty International", "CONDEMNS", "Laos") not in got


def test_the_voice_judging_a_law_condemns_its_state(ex: Extractor) -> None:
    text = (
        "We have followed the debate closely. The passage of Georgia's foreign agents law is a "
        "grave violation of its people's rights."
    )
    assert ("United States", "CONDEMNS", "Georgia") in triples(ex, text, US)
    # the same judgement in a news report has no speaker
    assert not any(t == "CONDEMNS" for _, t, _ in triples(ex, text, "Reuters"))


def test_calling_for_the_repeal_of_a_law_lobbies_its_state(ex: Extractor) -> None:
    text = "We call for the repeal of Georgia's foreign agents law."
    assert ("United States", "LOBBIES", "Georgia") in triples(ex, text, US)


def test_the_publishers_own_court_is_not_the_focal_states(ex: Extractor) -> None:
    # a prosecutor's release: China is named often, but the court is a federal one
    text = (
        "A federal court sentenced Wang Lei to five years in prison for spying for China. "
        "Wang passed secrets to China's security services, and China paid him for years."
    )
    assert ("China", "Wang Lei") not in detained(triples(ex, text, US))
    # the publisher named more often than the foreign state: the document is about its own
    # affairs
    text = (
        "The United States charged Wang Lei with spying for China. The United States says "
        "China paid him, and the United States will seize the money. Wang Lei was sentenced "
        "to five years in prison."
    )
    assert ("China", "Wang Lei") not in detained(triples(ex, text, US))


def test_a_name_the_parser_hangs_on_the_main_verb_continues_the_list() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from graphkit.rules.repairs import stray_list_members

    # "We urge X to free Ana, Li, and Omar, who ..." with "Omar" hung on "urge", as the small
    # parser does after a long list
    words = ["We", "urge", "X", "to", "free", "Ana", ",", "Li", ",", "and", "Omar", "."]
    heads = [1, 1, 1, 4, 1, 4, 5, 5, 1, 1, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct", "conj", "punct", "cc",
            "conj", "punct"]  # fmt: skip
    pos = ["PRON", "VERB", "PROPN", "PART", "VERB", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ",
           "PROPN", "PUNCT"]  # fmt: skip
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in stray_list_members(doc[5])] == ["Omar"]
    # a verb's own conjunct that is no continuation of the list (no comma or "and" between)
    words = ["We", "urge", "X", "to", "free", "Ana", "Omar", "."]
    heads = [1, 1, 1, 4, 1, 4, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "conj", "punct"]
    pos = ["PRON", "VERB", "PROPN", "PART", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert stray_list_members(doc[5]) == []


def test_held_including_names_the_detainees_not_the_group(ex: Extractor) -> None:
    text = "Dozens of journalists remain detained in Tajikistan, including Daler Imomali."
    assert ("Tajikistan", "Daler Imomali") in detained(triples(ex, text, US))
    # a list that names no person adds nobody
    text = "Dozens of journalists remain detained in Tajikistan, including several editors."
    assert detained(triples(ex, text, US)) <= {("Tajikistan", "journalists")}


def test_a_titled_name_read_as_an_organisation_is_a_person(ex: Extractor) -> None:
    from spacy.tokens import Span

    from graphkit.names import repair_org_spans

    doc = ex.nlp("The authorities detained Bishop Tomás Ortiz last week.")
    bishop = next(t.i for t in doc if t.text == "Bishop")
    doc.ents = [Span(doc, bishop, bishop + 3, label="ORG")]  # as the NER reads it
    assert [(e.text, e.label_) for e in repair_org_spans(doc).ents] == [
        ("Bishop Tomás Ortiz", "PERSON")
    ]
    # a title before an organisation word stays an organisation
    doc = ex.nlp("The authorities raided Bishop Ortiz Foundation last week.")
    bishop = next(t.i for t in doc if t.text == "Bishop")
    doc.ents = [Span(doc, bishop, bishop + 3, label="ORG")]
    assert [e.label_ for e in repair_org_spans(doc).ents] == ["ORG"]


@pytest.mark.parametrize(
    ("word", "name"),
    [("Álvarez", True), ("Łukasz", True), ("Ortiz", True), ("bin", True), ("ORTIZ", False),
     ("ortiz", False), ("Ortiz2", False)],
)  # fmt: skip
def test_name_words_of_any_latin_alphabet(word: str, name: bool) -> None:
    from graphkit.actors import _name_word

    assert _name_word(word) is name


# --- a joint statement's collective name ---------------------------------------------------
@pytest.mark.parametrize(
    "opening",
    [
        "The following statement was released by the Pacific Group: the Governments of Chile, "
        "Peru, and Colombia.",
        "The following statement was released by the Governments of Chile, Peru, and Colombia "
        "(the Pacific Group).",
    ],
)
def test_collective_name_of_joint_authors(ex: Extractor, opening: str) -> None:
    text = opening + (
        "\n\nThe Pacific Group is deeply concerned about the arrests of journalists. The "
        "Pacific Group condemns Venezuela's interference."
    )
    got = triples(ex, text, "Government of Chile")
    for author in ("Chile", "Peru", "Colombia"):
        assert (author, "CONDEMNS", "Venezuela") in got


def test_a_bracketed_name_after_a_non_author_names_nobody(ex: Extractor) -> None:
    text = (
        "The following statement was released by the Governments of Chile, Peru, and "
        "Colombia.\n\nWe condemn the attack on Mali (the Sahel Alliance) last week.\n\nThe "
        "Sahel Alliance condemns Venezuela's interference."
    )
    got = triples(ex, text, "Government of Chile")
    assert ("Chile", "CONDEMNS", "Venezuela") not in got


@pytest.mark.parametrize(("sign", "condemned"), [("persecution", True), ("progress", False)])
def test_a_court_act_judged_a_sign_of_misconduct(ex: Extractor, sign: str, condemned: bool) -> None:
    text = (
        "We have followed the case in Georgia closely, and Georgia knows our view. The court's "
        f"ruling against the editor Nino Kapanadze is a clear sign of {sign}."
    )
    got = triples(ex, text, US)
    assert (("United States", "CONDEMNS", "Georgia") in got) is condemned


def test_who_was_sentenced_is_the_relative_clauses_noun(ex: Extractor) -> None:
    text = (
        "We welcome the release of the Kazakh poet Aron Atabek, who had been sentenced to "
        "eighteen years in prison. Kazakhstan took a step forward, and Kazakhstan should go on."
    )
    assert ("Kazakhstan", "Aron Atabek") in detained(triples(ex, text, US))


def test_concern_about_detained_nationals_does_not_blame_their_own_state(ex: Extractor) -> None:
    base = "Ukraine has our support, and Ukraine will prevail. We are deeply concerned by the "
    got = triples(ex, base + "detention of Ukrainian civilians.", US)
    assert ("United States", "CONDEMNS", "Ukraine") not in got
    # a named person's arrest in a statement about the state that holds him
    text = (
        "Belarus holds elections in May, and Belarus expects observers. We are deeply "
        "concerned by the arrest of Andrei Sannikov."
    )
    assert ("United States", "CONDEMNS", "Belarus") in triples(ex, text, US)


def test_counted_detainees_named_in_the_next_sentence(ex: Extractor) -> None:
    text = (
        "Today, three Canadians who were held in Venezuela are back home.\n\nJohn Carter, "
        "Maria Lopez and Peter Walsh will see their families tonight."
    )
    got = detained(triples(ex, text, "Government of Canada"))
    assert {("Venezuela", "John Carter"), ("Venezuela", "Peter Walsh")} <= got


@pytest.mark.parametrize(
    "second",
    [
        # a single name is no list of the counted
        "John Carter will see his family tonight.",
        # the names do not open the sentence
        "Tonight we thank John Carter and Peter Walsh for their help.",
    ],
)
def test_names_that_are_no_list_of_the_counted(ex: Extractor, second: str) -> None:
    text = "Today, three Canadians who were held in Venezuela are back home.\n\n" + second
    got = detained(triples(ex, text, "Government of Canada"))
    assert ("Venezuela", "John Carter") not in got


def test_the_sentencing_of_x_to_prison(ex: Extractor) -> None:
    text = (
        "Turkey has detained thousands since 2016, and Turkey's courts rarely acquit. We "
        "condemn the sentencing of the publisher Cem Aydin to seven years in prison."
    )
    assert ("Turkey", "Cem Aydin") in detained(triples(ex, text, US))
    # a sentencing hearing that has not passed a prison term holds nobody by this rule
    text = "We will follow the sentencing of the publisher Cem Aydin next week."
    assert detained(triples(ex, text, US)) == set()


# --- who condemns an arrest did not make it ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("We condemn the detention of the journalist John Carter.", US),
        ("We deplore the arrest of John Carter.", US),
        ("Russia condemned the arrest of John Carter on Monday.", "Reuters"),
        ("The EU urged an end to the detention of John Carter.", "Reuters"),
    ],
)
def test_the_condemner_of_an_arrest_is_not_its_doer(ex: Extractor, text: str, source: str) -> None:
    got = detained(triples(ex, text, source))
    assert not any(target == "John Carter" for _, target in got)


def test_the_doer_of_an_arrest_still_holds(ex: Extractor) -> None:
    assert ("Iran", "John Carter") in detained(
        triples(ex, "Iran carried out the arrest of John Carter.", "Reuters")
    )
    text = "Iran jails critics, and Iran ignores appeals. We condemn the arrest of John Carter."
    assert ("Iran", "John Carter") in detained(triples(ex, text, US))
