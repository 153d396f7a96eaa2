"""News reporting an act, then the reactions to it; penalties and blacklists. Sentences of
our own (other actors and wording than the seeds and the development sets), with
negatives for each family."""

from __future__ import annotations

import pytest
from extraction_helpers import actor_kinds, triples

from graphkit.models import Article
from graphkit.pipeline import Extractor

# --- reactions to the act of an earlier sentence ---------------------------------------------
REACTIONS = [
    (
        "Poland expelled two diplomats on Monday. Moscow condemned the move as hostile.",
        ("Russia", "CONDEMNS", "Poland"),
    ),
    (
        "Japan restricted exports of chip materials. South Korea denounced the decision.",
        ("South Korea", "CONDEMNS", "Japan"),
    ),
    (  # a reaction in between is passed over: both react to Norway's act
        "Norway froze the accounts of the charity. Sweden criticised the step. "
        "Denmark also slammed the measure.",
        ("Denmark", "CONDEMNS", "Norway"),
    ),
    (
        "Turkey freed the journalist on Friday. The European Union welcomed the decision.",
        ("European Union", "SUPPORTS", "Turkey"),
    ),
    (
        "Iran tested a ballistic missile on Sunday. Israel condemned the test.",
        ("Israel", "CONDEMNS", "Iran"),
    ),
    (  # the act reported in the passive: its agent did it
        "The activist was arrested by Egypt at the border. Germany condemned the arrest.",
        ("Germany", "CONDEMNS", "Egypt"),
    ),
    # the act and the reaction coordinated in one sentence
    (
        "Azerbaijan shelled border villages overnight, and Armenia condemned the attack.",
        ("Armenia", "CONDEMNS", "Azerbaijan"),
    ),
    (
        "Ecuador raided the Mexican embassy in Quito, and Brazil denounced the raid.",
        ("Brazil", "CONDEMNS", "Ecuador"),
    ),
    (
        "Serbia released the detained Kosovo police officers, and the EU welcomed the step.",
        ("European Union", "SUPPORTS", "Serbia"),
    ),
    # a relative clause on an indefinite event noun sums up the sentence's act
    (
        "Burkina Faso suspended two French broadcasters, a move the European Union condemned.",
        ("European Union", "CONDEMNS", "Burkina Faso"),
    ),
    (
        "Greece and Turkey agreed to reopen talks, a step that NATO welcomed.",
        ("NATO", "SUPPORTS", "Turkey"),
    ),
    (
        "Algeria recalled its ambassador from Paris in a decision Morocco praised.",
        ("Morocco", "SUPPORTS", "Algeria"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), REACTIONS)
def test_a_reaction_is_about_the_previous_act(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


REACTION_NEGATIVES = [
    # the event noun names its own actor: no looking back
    (
        "Chile recalled its envoy. Peru condemned the decision of Bolivia.",
        ("Peru", "CONDEMNS", "Chile"),
    ),
    # a saying is not an act
    (
        "Kenya said the talks would resume. Uganda criticised the decision.",
        ("Uganda", "CONDEMNS", "Kenya"),
    ),
    # too far back: three sentences lie between
    (
        "Ghana closed its border. The talks stalled. Traders waited. Prices rose. "
        "Togo condemned the decision.",
        ("Togo", "CONDEMNS", "Ghana"),
    ),
    # welcoming a visitor is hospitality, not support of an act
    ("Chile hosted the summit. Peru welcomed the delegation.", ("Peru", "SUPPORTS", "Chile")),
    # negated reaction
    ("Japan lifted the ban. China did not welcome the move.", ("China", "SUPPORTS", "Japan")),
    # an indefinite noun points nowhere
    ("Spain sent troops. Italy condemned a decision on fishing.", ("Italy", "CONDEMNS", "Spain")),
    # one subject for both clauses: the reactor's own act is passed over, and the sentence
    # before holds none (a saying)
    (
        "Oman said talks were possible. Qatar met Iranian envoys and condemned the attack.",
        ("Qatar", "CONDEMNS", "Oman"),
    ),
    # a definite noun with a relative clause names its own act, not the sentence's
    (
        "Peru closed its border, the decision that Chile criticised last year.",
        ("Chile", "CONDEMNS", "Peru"),
    ),
    # the noun's own owner is named: "a move by Y"
    (
        "Chad closed the border on Monday. Sudan praised a move by Niger.",
        ("Sudan", "SUPPORTS", "Chad"),
    ),
    # the coordinated clause is a saying, not an act
    (
        "Chad said the vote was fair, and Niger criticised the decision.",
        ("Niger", "CONDEMNS", "Chad"),
    ),
]


@pytest.mark.parametrize(("text", "absent"), REACTION_NEGATIVES)
def test_no_reaction_without_a_previous_act(
    ex: Extractor, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in triples(ex, text)


def test_reaction_evidence_names_the_rule(ex: Extractor) -> None:
    result = ex.extract(
        Article(id="t", text="Poland expelled two diplomats. Moscow denounced the move.")
    )
    rules = {e.rule for evidence in result.evidence.values() for e in evidence}
    assert "event-reaction" in rules


# --- penalties, double objects and blacklists ------------------------------------------------
PENALTIES = [
    (
        "The European Commission fined Microsoft for bundling its software.",
        ("European Commission", "CONDEMNS", "Microsoft"),
    ),
    # "fined X N euros": the parser hangs X on the amount
    (
        "The European Commission fined Apple 1.8 billion euros.",
        ("European Commission", "CONDEMNS", "Apple"),
    ),
    ("Washington added Hikvision to the Entity List.", ("United States", "CONDEMNS", "Hikvision")),
    ("The EU lambasted Hungary over the law.", ("European Union", "CONDEMNS", "Hungary")),
    # the passive with the sum: the parser hangs the agent's "by" on the amount
    (
        "Amazon was fined 746 million euros by Luxembourg for breaching privacy rules.",
        ("Luxembourg", "CONDEMNS", "Amazon"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PENALTIES)
def test_penalties_and_lists_condemn(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_an_amount_paid_is_no_penalty(ex: Extractor) -> None:
    got = triples(ex, "Germany paid Namibia 1.1 billion euros.")
    assert not any(t == "CONDEMNS" for _, t, _ in got)


def test_a_list_of_partners_is_no_blacklist(ex: Extractor) -> None:
    got = triples(ex, "Washington added Vietnam to the list of partners.")
    assert ("United States", "CONDEMNS", "Vietnam") not in got


def test_a_dismissal_is_a_reaction_not_the_act(ex: Extractor) -> None:
    got = triples(
        ex,
        "The tribunal issued a warrant for the general. Russia dismissed the warrant as void. "
        "Ukraine hailed the decision.",
    )
    assert ("Ukraine", "SUPPORTS", "Russia") not in got


# --- pressure a clause yielded to --------------------------------------------------------------
PRESSURE = [
    ("Greece accepted the plan under pressure from Germany.", ("Germany", "LOBBIES", "Greece")),
    (
        "After months of pressure from Washington, Panama expelled the envoys.",
        ("United States", "LOBBIES", "Panama"),
    ),
    ("Italy recalled its envoy after a request from France.", ("France", "LOBBIES", "Italy")),
    (  # the report of the act hangs on it: the act's subject was pressed
        "Austria will send the aid, the chancellor said, after weeks of pressure from Hungary.",
        ("Hungary", "LOBBIES", "Austria"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRESSURE)
def test_pressure_yielded_to_is_lobbying(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_after_a_trip_is_no_pressure(ex: Extractor) -> None:
    got = triples(ex, "The envoy arrived in Chile after a long trip from Spain.")
    assert not any(t == "LOBBIES" for _, t, _ in got)


# --- shielding: defeating a text that condemns someone ------------------------------------
SHIELDING = [
    (
        "China vetoed a Security Council resolution condemning North Korea's missile tests.",
        ("China", "SUPPORTS", "North Korea"),
    ),
    (
        "Russia blocked a statement criticising Belarus over the election.",
        ("Russia", "SUPPORTS", "Belarus"),
    ),
    ("Hungary voted against a resolution condemning Israel.", ("Hungary", "SUPPORTS", "Israel")),
    ("India voted against a motion that criticised Nepal.", ("India", "SUPPORTS", "Nepal")),
]


@pytest.mark.parametrize(("text", "expected"), SHIELDING)
def test_defeating_a_condemnation_supports_its_target(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    got = triples(ex, text)
    assert expected in got
    # the veto falls on the text, not on the body that drafted it
    assert not any(t == "CONDEMNS" and s == expected[0] for s, t, _ in got)


SHIELDING_NEGATIVES = [
    # a text that supports someone: blocking it is no support
    ("Russia blocked a resolution supporting Ukraine.", ("Russia", "SUPPORTS", "Ukraine")),
    # voting for a condemnation is the opposite
    ("Canada voted for a resolution condemning Iran.", ("Canada", "SUPPORTS", "Iran")),
    # negated: nothing was blocked
    ("China did not block the resolution condemning Myanmar.", ("China", "SUPPORTS", "Myanmar")),
    # blocking a sale is no shielding
    ("France blocked the sale of arms to Libya.", ("France", "SUPPORTS", "Libya")),
]


@pytest.mark.parametrize(("text", "absent"), SHIELDING_NEGATIVES)
def test_no_shielding_without_a_defeated_condemnation(
    ex: Extractor, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in triples(ex, text)


# --- judgements of an act of an earlier sentence -----------------------------------------------
JUDGED_ACTS = [
    (
        "Iran seized a tanker in the Gulf. London called the seizure illegal.",
        ("United Kingdom", "CONDEMNS", "Iran"),
    ),
    (
        "Ethiopia expelled seven aid officials. The European Union said it was shocked by the decision.",
        ("European Union", "CONDEMNS", "Ethiopia"),
    ),
    (
        "Kenya deported the activist. Uganda said the deportation was unlawful.",
        ("Uganda", "CONDEMNS", "Kenya"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), JUDGED_ACTS)
def test_a_judged_act_condemns_its_doer(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_a_favourable_judgement_of_an_act_condemns_nobody(ex: Extractor) -> None:
    got = triples(ex, "Kenya deported the activist. Uganda said the deportation was lawful.")
    assert ("Uganda", "CONDEMNS", "Kenya") not in got


# --- asking someone to stop detaining says they detain -----------------------------------------
CESSATION = [
    (
        "Sweden called on the UAE to end its detention of Ahmed Mansoor.",
        ("United Arab Emirates", "DETAINS", "Ahmed Mansoor"),
    ),
    ("Norway urged China to halt the mass internment of Uyghurs.", ("China", "DETAINS", "Uyghurs")),
    # refusing to stop says it as much as being asked to
    (
        "Iran refused to end the detention of Nazanin Ratcliffe.",
        ("Iran", "DETAINS", "Nazanin Ratcliffe"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CESSATION)
def test_asking_to_stop_a_detention_says_who_detains(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    got = triples(ex, text)
    assert expected in got
    assert {s for s, t, _ in got if t == "DETAINS"} == {expected[0]}  # the asker holds nobody


def test_stopping_another_act_detains_nobody(ex: Extractor) -> None:
    got = triples(ex, "Canada urged China to halt the construction of dams near Laos.")
    assert not any(t == "DETAINS" for _, t, _ in got)


# --- a document as the subject speaks for its signers ------------------------------------------
def test_a_signed_letter_speaks_for_its_signers(ex: Extractor) -> None:
    got = triples(
        ex, "The letter, signed by Ireland, Austria and Malta, called on Israel to lift the siege."
    )
    assert {("Ireland", "LOBBIES", "Israel"), ("Malta", "LOBBIES", "Israel")} <= got


def test_a_letter_received_by_a_state_is_not_its_voice(ex: Extractor) -> None:
    got = triples(ex, "The letter, sent to Ireland, called on Israel to lift the siege.")
    assert ("Ireland", "LOBBIES", "Israel") not in got


# --- concern about what is reported in a place ------------------------------------------------
def test_concern_about_reported_abuses_in_a_place_condemns_its_state(ex: Extractor) -> None:
    got = triples(ex, "Adidas said it was concerned about reports of forced labour in Tibet.")
    assert ("Adidas", "CONDEMNS", "China") in got


def test_concern_for_a_persons_safety_stays_sympathy(ex: Extractor) -> None:
    got = triples(ex, "Germany is concerned about reports on the safety of a reporter in Iran.")
    assert not any(t == "CONDEMNS" for _, t, _ in got)


# --- aid pledged, sanctions lifted or only weighed ---------------------------------------------
def test_pledged_aid_and_approved_loans_support(ex: Extractor) -> None:
    assert ("France", "SUPPORTS", "Moldova") in triples(
        ex, "France pledged military aid to Moldova."
    )
    assert ("World Bank", "SUPPORTS", "Ghana") in triples(
        ex, "The World Bank approved a loan to Ghana."
    )


LIFTED = [
    "The EU lifted sanctions on Uzbekistan.",
    "Washington eased sanctions on Cuba.",
    "Canada is considering sanctions against Sri Lanka.",
    "Japan relaxed the restrictions on South Korea.",
]


@pytest.mark.parametrize("text", LIFTED)
def test_sanctions_lifted_or_weighed_condemn_nobody(ex: Extractor, text: str) -> None:
    assert not any(t == "CONDEMNS" for _, t, _ in triples(ex, text))


def test_sanctions_imposed_still_condemn(ex: Extractor) -> None:
    got = triples(ex, "The EU imposed sanctions on Uzbekistan.")
    assert ("European Union", "CONDEMNS", "Uzbekistan") in got


# --- names nobody registered, kept when a relation uses them ----------------------------------
def actor_names(ex: Extractor, text: str) -> dict[str, str]:
    return {name: kind.value for name, kind in actor_kinds(ex, text).items()}


def test_an_unknown_firm_in_a_relation_is_an_actor(ex: Extractor) -> None:
    text = "Unilever lobbied the Biden administration to ease the rules."
    assert ("Unilever", "LOBBIES", "United States") in triples(ex, text)
    assert actor_names(ex, text)["Unilever"] == "Company"


def test_an_unknown_armed_force_is_a_body(ex: Extractor) -> None:
    text = "Canada condemned the Popular Defence Forces."
    assert actor_names(ex, text).get("Popular Defence Forces") == "Body"


def test_an_unknown_name_outside_relations_is_no_actor(ex: Extractor) -> None:
    names = actor_names(ex, "Unilever reported higher profits on Tuesday.")
    assert "Unilever" not in names


def test_an_idea_is_no_actor(ex: Extractor) -> None:
    got = triples(ex, "Indonesia condemned Islamophobia at the summit.")
    assert not any(o == "Islamophobia" for _, _, o in got)


# --- who does the act of a gerund; acts kept from happening ----------------------------------
def test_the_object_does_the_act_of_a_following_gerund(ex: Extractor) -> None:
    got = triples(ex, "Ukraine accused Belarus of supplying weapons to Russia.")
    assert ("Belarus", "SUPPORTS", "Russia") in got
    assert ("Ukraine", "SUPPORTS", "Russia") not in got
    got = triples(ex, "Kenya thanked Qatar for supporting Somalia.")
    assert ("Qatar", "SUPPORTS", "Somalia") in got


def test_a_fronted_gerund_is_the_subjects(ex: Extractor) -> None:
    got = triples(ex, "After praising Chile, Peru criticised Bolivia.")
    assert ("Peru", "SUPPORTS", "Chile") in got


DISSUADED = [
    "The EU warned China against supplying weapons to Russia.",
    "Turkey barred Sweden from supporting Kurdish groups.",
    "Instead of condemning Iran, Oman praised the talks.",
]


@pytest.mark.parametrize("text", DISSUADED)
def test_an_act_kept_from_happening_is_no_relation(ex: Extractor, text: str) -> None:
    got = triples(ex, text)
    assert not any(t in ("SUPPORTS", "CONDEMNS") and o in ("Russia", "Iran") for _, t, o in got)
    assert ("Sweden", "SUPPORTS", "Kurds") not in got


def test_name_calling_condemns(ex: Extractor) -> None:
    assert ("Poland", "CONDEMNS", "Alexander Lukashenko") in triples(
        ex, "Poland called Alexander Lukashenko a dictator."
    )


# --- reactions an act draws ---------------------------------------------------------------------
DRAWN = [
    (
        "Iran launched a satellite, prompting condemnation from France and Germany.",
        ("Germany", "CONDEMNS", "Iran"),
    ),
    (
        "Poland's new media law drew criticism from the European Union.",
        ("European Union", "CONDEMNS", "Poland"),
    ),
    (
        "Ghana won praise from the African Union for its elections.",
        ("African Union", "SUPPORTS", "Ghana"),
    ),
    ("Serbia faced criticism from Croatia over the arrests.", ("Croatia", "CONDEMNS", "Serbia")),
    (
        "Egypt's plan was met with protests from Palestinians.",
        ("Palestinians", "CONDEMNS", "Egypt"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DRAWN)
def test_a_drawn_reaction_is_a_stance_towards_the_act(
    ex: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(ex, text)


def test_a_reaction_from_nobody_named_is_no_relation(ex: Extractor) -> None:
    got = triples(ex, "Iran launched a satellite, prompting widespread condemnation.")
    assert not any(t == "CONDEMNS" for _, t, _ in got)
    got = triples(ex, "Iran launched a satellite, prompting talks with France.")
    assert ("France", "CONDEMNS", "Iran") not in got


# --- members named after their collective ------------------------------------------------------
def test_members_among_them_take_the_collectives_act(ex: Extractor) -> None:
    got = triples(
        ex,
        "More than 40 countries urged Eritrea to free the journalists; Sweden, Norway and "
        "Finland were among them.",
    )
    assert {("Sweden", "LOBBIES", "Eritrea"), ("Finland", "LOBBIES", "Eritrea")} <= got
    got = triples(
        ex,
        "Thirty states signed a statement criticising Russia. Chile and Peru were among those.",
    )
    assert ("Peru", "CONDEMNS", "Russia") in got


def test_a_state_not_among_them_takes_nothing(ex: Extractor) -> None:
    got = triples(
        ex, "Thirty states signed a statement criticising Russia. Chile was not among them."
    )
    assert ("Chile", "CONDEMNS", "Russia") not in got


# --- votes on a text named before --------------------------------------------------------------
def test_votes_take_or_shield_against_the_texts_stance(ex: Extractor) -> None:
    got = triples(
        ex,
        "Britain tabled a draft resolution criticising Myanmar. Chile and Peru voted in "
        "favour, and China voted no.",
    )
    assert {("Chile", "CONDEMNS", "Myanmar"), ("Peru", "CONDEMNS", "Myanmar")} <= got
    assert ("China", "SUPPORTS", "Myanmar") in got
    got = triples(
        ex,
        "The assembly adopted a resolution condemning Syria. Cuba voted against it.",
    )
    assert ("Cuba", "SUPPORTS", "Syria") in got


def test_a_vote_without_a_text_before_it_is_no_relation(ex: Extractor) -> None:
    got = triples(ex, "Brazil voted no in the referendum on Venezuela.")
    assert not any(s == "Brazil" for s, _, _ in got)


def test_an_organ_owned_by_a_state_did_the_act(ex: Extractor) -> None:
    got = triples(
        ex,
        "Iran's navy seized a tanker in the Gulf on Friday. The European Union called the "
        "seizure dangerous.",
    )
    assert ("European Union", "CONDEMNS", "Iran") in got


def test_a_camel_case_firm_is_a_name(ex: Extractor) -> None:
    got = triples(ex, "PetroChina lobbied the Biden administration to ease the rules.")
    assert ("PetroChina", "LOBBIES", "United States") in got


# --- a statement's own demands ----------------------------------------------------------------
def test_a_statements_own_demand_lobbies_the_one_obliged(ex: Extractor) -> None:
    text = "The authorities of Belarus must release the journalist at once."
    assert ("Human Rights Watch", "LOBBIES", "Belarus") in triples(ex, text, "Human Rights Watch")
    text = "Azerbaijan must not block the corridor."
    assert ("European Union", "LOBBIES", "Azerbaijan") in triples(ex, text, "European Union")


VOICED_NEGATIVES = [
    ("Reuters", "Belarus must release the journalist, the lawyer said."),  # no voice: news
    ("Human Rights Watch", "If Belarus wants trade, it should release the journalist."),
    ("Human Rights Watch", "Belarus must be held to account."),  # a judgement, no request
]


@pytest.mark.parametrize(("source", "text"), VOICED_NEGATIVES)
def test_no_voiced_demand_without_a_voice_or_an_obligation(
    ex: Extractor, source: str, text: str
) -> None:
    got = triples(ex, text, source)
    assert not any(t == "LOBBIES" and s == source for s, t, _ in got)


def test_a_causatives_object_does_the_act(ex: Extractor) -> None:
    got = triples(ex, "The protests prompted Kenya to expel the Ugandan ambassador.")
    assert ("Kenya", "CONDEMNS", "Uganda") in got
    got = triples(ex, "Pressure from Paris forced Chad to free the journalist Ali Mahamat.")
    assert ("Chad", "DETAINS", "Ali Mahamat") in got
    got = triples(ex, "The protests prompted Kenya to expel the Ugandan ambassador.")
    assert not any(t == "LOBBIES" for _, t, _ in got)  # a cause, not a request
