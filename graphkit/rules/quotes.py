"""Quotes: the speaker of a quote that evaluates an actor negatively condemns that actor.

“By repeating Moscow's lines, Ruiz has misled the council,” Okafor said.
-> Okafor CONDEMNS Ruiz. The speaker is the subject of a reporting verb right after
the closing quote ("…,” X said / told …) or right before the opening one ("X said: “…”");
a quote with no reporting verb continues the previous speaker's quote when it follows it
within one sentence. Inside the quote, an actor is evaluated negatively when it is the
subject of a verb of misconduct ("muddied", "failed", "betrayed"), the possessor of a
misconduct noun ("Russia's invasion"), or has something qualified by a negative adjective
("Ruritania has a shameful history"). First-person pronouns inside the quote ("we", "I")
stand for the speaker. Lexicon: `evaluation` in graphkit/data/lexicon.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graphkit.actors import Mention
from graphkit.lexicon import Lexicon
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.events import referred_doers

_OPEN = {"“", "``", "«"}
_CLOSE = {"”", "''", "»"}
_FIRST_PERSON = {"we", "i"}
_MARKS = re.compile(
    "|".join(re.escape(m) for m in sorted(_OPEN | _CLOSE | {'"'}, key=len, reverse=True))
)


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = None
    for found in _MARKS.finditer(doc.text):  # a text scan: most tokens are not quote marks
        mark = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if mark is None or len(mark) != 1:
            continue
        token = mark[0]
        is_open = token.text in _OPEN or (token.text == '"' and token.tag_ == "``")
        is_close = token.text in _CLOSE or (token.text == '"' and token.tag_ == "''")
        if is_open:
            start = token.i
        elif is_close and start is not None:
            if token.i - start > 3:
                spans.append((start, token.i))
            start = None
    return spans


def _continues(doc: Doc, previous_end: int, start: int) -> bool:
    """A quote opening its own sentence right after the previous speaker's quote."""
    if not doc[start].is_sent_start:
        return False
    return len(list(doc[previous_end:start].sents)) <= 2  # type: ignore[attr-defined]


def _speaker_mentions(ctx: RuleContext, verb: Token) -> list[Mention]:
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        mention = ctx.by_token.get(child.i)
        if mention is None:
            continue
        out.append(mention)
        before = next((p for p in ctx.by_token.values() if p.end == mention.start), None)
        if before is not None and before.via == "representative" and before.actor != mention.actor:
            out.append(Mention(before.start, before.end, before.actor, "representative"))
    return out


def _speaker(ctx: RuleContext, start: int, end: int) -> list[Mention]:
    doc = ctx.doc
    for token in doc[end + 1 : min(len(doc), end + 8)]:
        if token.is_sent_start and token.i > end + 1:
            break
        if token.lemma_ in ctx.lex.speech_verbs and token.pos_ == "VERB":
            return _speaker_mentions(ctx, token)
    if start > 0 and doc[start - 1].text in (":", ","):
        for token in reversed(doc[doc[start].sent.start : start]):
            if token.lemma_ in ctx.lex.speech_verbs and token.pos_ == "VERB":
                return _speaker_mentions(ctx, token)
    return []


def evaluated_actors(ctx: RuleContext, start: int, end: int) -> list[tuple[Mention, Token]]:
    """Actors judged negatively between tokens ``start`` and ``end`` (both excluded)."""
    lex = ctx.lex
    out: list[tuple[Mention, Token]] = []
    for token in ctx.doc[start + 1 : end]:
        mention = ctx.by_token.get(token.i)
        if mention is None and token.dep_ == "nsubj" and _judged_bad(lex, token.head):
            # "the expulsion was unlawful": the act of an earlier sentence, judged
            out += [(doer, token.head) for doer in referred_doers(ctx, token)]
        if mention is None or token.i != ctx.doc[mention.start : mention.end].root.i:
            continue
        head = token.head
        if (token.dep_ == "nsubj" and head.lemma_ in lex.bad_verbs) or (
            token.dep_ == "poss" and head.lemma_ in lex.bad_nouns
        ):
            out.append((mention, head))
        elif token.dep_ == "nsubj" and head.lemma_ == "have":
            for obj in head.children:
                if obj.dep_ == "dobj" and any(a.lower_ in lex.bad_adjectives for a in obj.children):
                    out.append((mention, head))
        # "X was irresponsible", "X's claims were groundless", "the remarks by X were absurd"
        subject = _judged_subject(token)
        if subject is not None and subject.dep_ == "nsubj" and _judged_bad(lex, subject.head):
            out.append((mention, subject.head))
    return out


def _judged_subject(token: Token) -> Token | None:
    """The phrase an actor stands for: itself, what it owns, or what it is the author of."""
    if token.dep_ == "nsubj":
        return token  # "X was irresponsible"
    if token.dep_ == "poss":
        return token.head  # "X's claims were groundless"
    if token.dep_ == "pobj" and token.head.lower_ == "by":
        return token.head.head  # "the remarks by X were absurd"
    return None


_AMOUNTING = ("constitute", "amount", "represent")  # "X's detention amounts to a crime"


def _judged_bad(lex: Lexicon, copula: Token) -> bool:
    if copula.lemma_ in _AMOUNTING:
        named = [c for c in copula.children if c.dep_ == "dobj"] + pobjs(copula, ("to",))
        return any(n.lemma_ in lex.bad_nouns for n in named)
    return copula.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in lex.bad_adjectives for c in copula.children
    )


SpokenQuote = tuple[int, int, list[Mention]]  # opening and closing mark, speakers


def attributed_quotes(ctx: RuleContext) -> list[SpokenQuote]:
    """Every quote with a speaker; a speakerless quote right after one continues it."""
    found: list[SpokenQuote] = []
    previous: SpokenQuote | None = None
    for start, end in quote_spans(ctx.doc):
        speakers = _speaker(ctx, start, end)
        if not speakers and previous is not None and _continues(ctx.doc, previous[1], start):
            speakers = previous[2]
        previous = (start, end, speakers) if speakers else None
        if previous is not None:
            found.append(previous)
    return found


def quote_rules(ctx: RuleContext, quotes: list[SpokenQuote]) -> Iterator[Found]:
    for start, end, speakers in quotes:
        for mention, trigger in evaluated_actors(ctx, start, end):
            if ctx.blocked(trigger) or ctx.table.kind(mention.actor) is ActorKind.GROUP:
                continue
            yield "quote-evaluation", RelationType.CONDEMNS, speakers, [mention], trigger


def first_person_mentions(ctx: RuleContext, quotes: list[SpokenQuote]) -> list[Mention]:
    """ "we" / "I" inside a quote -> the quote's speaker (added before the clause rules run)."""
    out: list[Mention] = []
    for start, end, speakers in quotes:
        for token in ctx.doc[start + 1 : end]:
            if token.lower_ in _FIRST_PERSON and token.i not in ctx.by_token:
                out.append(
                    Mention(token.i, token.i + 1, speakers[0].actor, "speaker", speakers[0].state)
                )
    return out
