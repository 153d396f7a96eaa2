"""Heuristic coreference: role titles, pronouns and definite descriptions -> earlier actors.

No trained coreference model can be downloaded here, so the resolver uses what a careful
reader uses: role titles held by a named person ("the UN High Commissioner"), kind agreement
("the group" is a Body, "the envoy" a Person), and salience (earlier subjects first, then
recency) within a window of sentences.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphkit.actors import ActorTable, Mention
from graphkit.lexicon import CorefLexicon, load_coref_lexicon
from graphkit.models import ActorKind

__all__ = ["resolve_references"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _is_subject(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.start : mention.end].root
    while head.dep_ in ("compound", "amod", "poss", "conj", "appos"):
        head = head.head
    return head.dep_ in _SUBJECT_DEPS


def _in_member_list(doc: Doc, mention: Mention, lex_markers: frozenset[str]) -> bool:
    """Members of "37 states, including Russia, ..." are not antecedents of "its"."""
    token = doc[mention.start : mention.end].root
    for ancestor in token.ancestors:
        if ancestor.lower_ in lex_markers:
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


def _role_mention(span: Span, mentions: list[Mention], table: ActorTable) -> Mention | None:
    """A role title ("the UN rights chief") -> the named person who holds it in this article."""
    # "United Nations High Commissioner Michelle Bachelet": the name right after the title
    for m in mentions:
        if m.start in (span.end, span.end + 1) and table.kind(m.actor) is ActorKind.PERSON:
            return Mention(span.start, span.end, m.actor, "role", m.state)
    holders = {h.id for h in table.registry.role_holders(span.text)}
    named = [m for m in mentions if m.actor in holders]
    if named:
        best = min(named, key=lambda m: abs(m.start - span.start))
        return Mention(span.start, span.end, best.actor, "role", best.state)
    return None


def _candidates(
    doc: Doc,
    token: Token,
    kinds: frozenset[ActorKind],
    history: list[Mention],
    table: ActorTable,
    window: int,
    markers: frozenset[str],
) -> Mention | None:
    sentence_starts = sorted({s.start for s in doc.sents})
    here = token.sent.start
    earliest_index = max(0, sentence_starts.index(here) - window) if here in sentence_starts else 0
    earliest = sentence_starts[earliest_index] if sentence_starts else 0
    pool = [
        m
        for m in history
        if m.end <= token.i
        and m.start >= earliest
        and table.kind(m.actor) in kinds
        and not (m.start >= here and _in_member_list(doc, m, markers))
    ]
    if not pool:
        return None
    same_sentence = [m for m in pool if m.start >= here]
    for group in (same_sentence, pool):
        subjects = [m for m in group if _is_subject(doc, m)]
        if subjects:
            return subjects[-1]
    return pool[-1]


def _cataphor(
    doc: Doc, token: Token, kinds: frozenset[ActorKind], mentions: list[Mention], table: ActorTable
) -> Mention | None:
    """ "After his arrest, Aishan remained ...": a possessive in a phrase fronted before the
    subject refers ahead to that subject, whatever came in earlier sentences."""
    if token.tag_ != "PRP$":
        return None
    later = [m for m in mentions if token.i < m.start < token.sent.end]
    for m in sorted(later, key=lambda m: m.start):
        head = doc[m.start : m.end].root
        if head.dep_ not in _SUBJECT_DEPS:
            continue
        phrase = token
        while phrase.head.i != phrase.i and phrase.head.i != head.head.i:
            phrase = phrase.head
        fronted = phrase.head.i == head.head.i and phrase.dep_ in ("prep", "advcl", "npadvmod")
        if fronted and phrase.i < head.i and table.kind(m.actor) in kinds:
            return m
        return None
    return None


def resolve_references(doc: Doc, mentions: list[Mention], table: ActorTable) -> list[Mention]:
    """Mentions for role titles, pronouns and definite descriptions (token order)."""
    lex: CorefLexicon = load_coref_lexicon()
    from graphkit.lexicon import load_lexicon

    markers = load_lexicon().member_markers
    resolved: list[Mention] = []
    for span in doc.ents:
        if span.label_ == "GK_ROLE":
            role = _role_mention(span, mentions, table)
            if role is not None:
                resolved.append(role)
    covered = {i for m in [*mentions, *resolved] for i in range(m.start, m.end)}
    history = sorted([*mentions, *resolved], key=lambda m: m.start)
    for token in doc:
        if token.i in covered:
            continue
        kinds: frozenset[ActorKind] | None = None
        if token.tag_ in ("PRP", "PRP$"):
            kinds = lex.pronouns.get(token.lower_)
        elif token.pos_ == "NOUN" and token.tag_ == "NN":
            determiners = [c for c in token.children if c.dep_ == "det"]
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]
            if determiners and determiners[0].lower_ == "the" and not modifiers:
                kinds = lex.definite_heads.get(token.lower_)
        if not kinds:
            continue
        past = [m for m in history if m.end <= token.i]
        antecedent = _cataphor(doc, token, kinds, mentions, table) or _candidates(
            doc, token, kinds, past, table, lex.window, markers
        )
        if antecedent is not None:
            mention = Mention(token.i, token.i + 1, antecedent.actor, "coref", antecedent.state)
            resolved.append(mention)
            history.append(mention)
            history.sort(key=lambda m: m.start)
    return resolved
