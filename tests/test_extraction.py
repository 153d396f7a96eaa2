"""Extraction rules on sentences of our own (different actors and wording than the seeds)."""

from __future__ import annotations

import pytest

from graphkit.models import Article, RelationType
from graphkit.pipeline import ArticleExtraction, Extractor

S, C, L, D = (
    RelationType.SUPPORTS,
    RelationType.CONDEMNS,
    RelationType.LOBBIES,
    RelationType.DETAINS,
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str) -> ArticleExtraction:
    return ex.extract(Article(id="t", text=text))


def names(ex: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = run(ex, text)
    by_id = {a.id: a.name for a in result.actors}
    return {(by_id.get(s, s), t.value, by_id.get(o, o)) for (s, o, t) in result.evidence}


def test_plain_active_verb(ex: Extractor) -> None:
    assert ("France", "CONDEMNS", "Iran") in names(ex, "France condemned Iran on Tuesday.")


def test_passive_particle_verb_with_agent(ex: Extractor) -> None:
    got = names(ex, "The activist Ahmad Karimi was locked up by Iranian authorities in 2019.")
    assert ("Iran", "DETAINS", "Ahmad Karimi") in got


def test_control_through_noun_and_gerund(ex: Extractor) -> None:
    text = "The Russian delegation spent weeks in trying to persuade Kenya to abstain."
    assert ("Russia", "LOBBIES", "Kenya") in names(ex, text)


def test_among_relative_clause_subject(ex: Extractor) -> None:
    text = (
        "Jane Smith and Paul Brown are among 20 lawyers who signed a letter urging Canada to act."
    )
    got = names(ex, text)
    assert ("Jane Smith", "LOBBIES", "Canada") in got
    assert ("Paul Brown", "LOBBIES", "Canada") in got


def test_led_by_subject(ex: Extractor) -> None:
    text = "A coalition of countries, led by France, has sharply criticised Iran's nuclear policy."
    assert ("France", "CONDEMNS", "Iran") in names(ex, text)


def test_member_list_of_support_list(ex: Extractor) -> None:
    text = "Iran's support list looks like a roster of autocracies, including Belarus and Cuba."
    got = names(ex, text)
    assert {("Belarus", "SUPPORTS", "Iran"), ("Cuba", "SUPPORTS", "Iran")} <= got


def test_possessor_owns_policy_not_topic_group(ex: Extractor) -> None:
    got = names(ex, "Belarus supported China's Tibetan policies at the UN.")
    assert ("Belarus", "SUPPORTS", "China") in got
    assert not any(t == "Tibetans" for _, _, t in got)


def test_document_stance_is_inherited_by_led_statement(ex: Extractor) -> None:
    text = (
        "Last year twenty states sent a letter condemning Iran's treatment of women. "
        "This year a similar French-led statement gathered 30 signatures."
    )
    assert ("France", "CONDEMNS", "Iran") in names(ex, text)


def test_supporters_of_statement_take_its_stance(ex: Extractor) -> None:
    text = (
        "Diplomats issued a sharp rebuke of the Iranian government's crackdown. "
        "Supporters of the statement include Norway, Chile and Japan."
    )
    got = names(ex, text)
    assert {
        ("Norway", "CONDEMNS", "Iran"),
        ("Chile", "CONDEMNS", "Iran"),
        ("Japan", "CONDEMNS", "Iran"),
    } <= got


def test_quote_speaker_condemns_evaluated_actor(ex: Extractor) -> None:
    text = "“By ignoring the evidence, Guterres has betrayed the victims,” Kenneth Roth said."
    assert ("Kenneth Roth", "CONDEMNS", "António Guterres") in names(ex, text)


def test_quote_speaker_negative_adjective(ex: Extractor) -> None:
    text = "“France has a shameful record on this issue,” Wang Lei told reporters."
    assert ("Wang Lei", "CONDEMNS", "France") in names(ex, text)


def test_ethnic_group_is_not_the_state(ex: Extractor) -> None:
    result = run(ex, "Police detained many ethnic Kyrgyz in the region.")
    kinds = {a.name: a.kind.value for a in result.actors}
    assert kinds.get("Kyrgyz") == "Group"
    assert "Kyrgyzstan" not in kinds


def test_typographic_apostrophe_full_name(ex: Extractor) -> None:
    result = run(ex, "The People’s Republic of China rejected the report.")
    assert {a.name for a in result.actors} == {"China"}


# --- negatives: nothing positive may come out of these --------------------------------------

NEGATIVE = [
    "France did not condemn Iran.",
    "France could condemn Iran next week.",
    "If France condemns Iran, trade will suffer.",
    "France refrained from condemning Iran.",
    "France abandoned its criticism of Iran.",
    "Norway did not say whether it would back Iran.",
    "“If Iran keeps this up, it will fail,” Ana Lopez said, adding that nothing was decided.",
    "Japan would have urged Kenya to abstain.",
    "Police may have detained Ahmad Karimi.",
    "Last year states sent a letter to the UN Human Rights Council.",
    "A group of 30 UN member states issued a rebuke of Iran.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_sentences_yield_nothing(ex: Extractor, text: str) -> None:
    got = names(ex, text)
    assert not got, got


def test_evidence_records_rule_and_confidence(ex: Extractor) -> None:
    result = run(ex, "France condemned Iran on Tuesday.")
    (items,) = result.evidence.values()
    assert items[0].rule == "verb-active"
    assert 0 < items[0].confidence <= 1
    assert items[0].trigger == "condemned"
