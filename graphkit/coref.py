"""Heuristic coreference: role titles, pronouns and definite descriptions -> earlier actors.

No trained coreference model can be downloaded here, so the resolver uses what a careful
reader uses: role titles held by a named person ("the UN High Commissioner"), kind agreement
("the group" is a Body, "the envoy" a Person), names ("the court" is an earlier actor with
"Court" in its name, "the alliance" NATO), and salience (earlier subjects first, then
recency) within a window of sentences. A statement's "the authorities", "the regime" or "the
court" with no state named is the foreign state the document is about (`focal_state`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from graphkit.actors import ActorTable, Mention
from graphkit.lexicon import CorefLexicon, load_coref_lexicon
from graphkit.models import ActorKind, normalise_name

__all__ = ["focal_state", "resolve_references"]

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
    # "UN Special Rapporteur Ana Ruiz": the name right after the title
    for m in mentions:
        if m.start in (span.end, span.end + 1) and table.kind(m.actor) is ActorKind.PERSON:
            return Mention(span.start, span.end, m.actor, "role", m.state)
    holders = {h.id for h in table.registry.role_holders(span.text)}
    named = [m for m in mentions if m.actor in holders]
    if named:
        best = min(named, key=lambda m: abs(m.start - span.start))
        return Mention(span.start, span.end, best.actor, "role", best.state)
    return _office_of(span, table)


def _office_of(span: Span, table: ActorTable) -> Mention | None:
    """ "The WHO chief", "the UN Secretary-General" with no holder named: the organisation
    whose name the title opens with and one title word ends (who holds it depends on the
    year; "the UN human rights chief" is left out, it heads an office of the UN)."""
    words = [t for t in span if t.lower_ != "the"]
    for cut in range(len(words) - 1, 0, -1):
        rest = "".join(t.text_with_ws for t in words[cut:]).strip()
        if len(rest.split()) != 1:
            break
        entry = table.registry.lookup("".join(t.text_with_ws for t in words[:cut]).strip())
        if entry is not None and entry.kind is ActorKind.BODY:
            return Mention(span.start, span.end, table.from_entry(entry), "role")
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


def focal_state(
    mentions: list[Mention], table: ActorTable, authors: Collection[str | None]
) -> str | None:
    """The state a document is about: the state named most often (a person who speaks for a
    state counts for it), never the publisher, and only when it leads every other state and
    is named at least as often as the publisher's own (a prosecutor's release about a foreign
    spy is about the publisher's own courts)."""
    counts: dict[str, int] = {}
    own = 0
    for m in mentions:
        if m.via == "coref":
            continue
        state = m.actor if table.kind(m.actor) is ActorKind.STATE else m.state
        if state in authors:
            own += 1
        elif state:
            counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if (
        not ranked
        or ranked[0][1] < max(2, own)
        or (len(ranked) > 1 and ranked[1][1] == ranked[0][1])
    ):
        return None
    return ranked[0][0]


def _focal_head(token: Token, lex: CorefLexicon) -> bool:
    """ "the authorities", "the security forces", "the court": a state organ with no state or
    other owner named."""
    if token.lower_ not in lex.focal_heads or token.pos_ != "NOUN":
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
        return False  # "the government of Mali" names its state
    return all(
        c.lower_ in lex.focal_modifiers for c in children if c.dep_ in ("compound", "amod", "poss")
    )


def _named_by(word: str, table: ActorTable, lex: CorefLexicon) -> set[str]:
    """The article's actors "the <word>" can stand for: those with the word in a name, and
    those news calls so ("the alliance": NATO)."""
    found = {
        key
        for key, info in table.actors.items()
        if any(word in normalise_name(name).split() for name in (info.name, *info.aliases))
    }
    for name in lex.described.get(word, ()):
        entry = table.registry.lookup(name)
        if entry is not None:
            found.add(entry.id)
    return found


def resolve_references(
    doc: Doc, mentions: list[Mention], table: ActorTable, author: str | None = None
) -> list[Mention]:
    """Mentions for role titles, pronouns and definite descriptions (token order). ``author``
    (the publisher, who calls itself "we") is never "the government" or "the regime"."""
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
    # only a statement (a publisher with a voice) is about one foreign state; a news report
    # names courts and authorities of several
    focal = focal_state(mentions, table, (author,)) if author else None
    # a court the document names ("the European Court ... the court") is not the state's
    named_courts = any(
        "court" in doc[m.start : m.end].text.lower()
        for m in mentions
        if table.kind(m.actor) is ActorKind.BODY
    )
    for token in doc:
        if token.i in covered:
            continue
        kinds: frozenset[ActorKind] | None = None
        named: set[str] | None = None  # the only actors "the court" or "the bloc" may be
        definite = False
        if token.tag_ in ("PRP", "PRP$"):
            kinds = lex.pronouns.get(token.lower_)
        elif token.pos_ == "NOUN" and token.tag_ == "NN":
            determiners = [c for c in token.children if c.dep_ == "det"]
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]
            if determiners and determiners[0].lower_ == "the" and not modifiers:
                kinds = lex.definite_heads.get(token.lower_)
                definite = True
                if kinds is None and token.lower_ in lex.named_heads:
                    named = _named_by(token.lower_, table, lex)
                    kinds = frozenset(ActorKind)
        antecedent: Mention | None = None
        if kinds:
            past = [m for m in history if m.end <= token.i]
            if named is not None:
                past = [m for m in past if m.actor in named]
            if definite and token.lower_ in lex.focal_heads:  # not "the nation": may be ours
                past = [m for m in past if m.actor != author]
            antecedent = _cataphor(doc, token, kinds, mentions, table) or _candidates(
                doc, token, kinds, past, table, lex.window, markers
            )
        court_named = named_courts and token.lemma_.startswith("court")
        if antecedent is None and focal and not court_named and _focal_head(token, lex):
            antecedent = Mention(token.i, token.i + 1, focal, "focal")
        if antecedent is not None:
            mention = Mention(token.i, token.i + 1, antecedent.actor, "coref", antecedent.state)
            resolved.append(mention)
            history.append(mention)
            history.sort(key=lambda m: m.start)
    return resolved
