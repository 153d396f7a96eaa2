"""Document stance: statements, letters and resolutions carry the stance they express.

"a letter ... complaining about China's abuses" or "a rebuke of the Chinese government"
gives the document a stance (CONDEMNS China). A later definite or "similar" document
("the German-led statement", "a like-minded joint rebuke headed by Canada") without its own
target inherits the most recent stance. The document's authors ("X-led", "led by X",
"written by X", "X's statement"), its supporters or signatories ("supporters of the
statement include A, B") and those who sign / endorse / join it take that stance.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import RelationType
from graphkit.rules.context import Found, RuleContext

__all__ = ["document_rules", "explicit_stance"]

_STANCE_TYPES = (RelationType.CONDEMNS, RelationType.SUPPORTS)
_WINDOW = 8  # sentences a stance stays available for inheritance


def explicit_stance(ctx: RuleContext, doc_noun: Token) -> tuple[RelationType, list[Mention]] | None:
    lex = ctx.lex
    rel_type = lex.nouns.get(doc_noun.lower_) or lex.nouns.get(doc_noun.lemma_)
    if rel_type in _STANCE_TYPES:
        targets = [m for c in doc_noun.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "for", "on")
                   for p in c.children if p.dep_ == "pobj" for m in ctx.owner_of(p)]  # fmt: skip
        if targets:
            return rel_type, targets
    verbs = [c for c in doc_noun.children if c.dep_ in ("acl", "relcl")]
    verbs += [g for v in list(verbs) for g in v.children if g.dep_ in ("advcl", "xcomp", "conj")]
    governor = doc_noun.head
    if doc_noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and governor.pos_ == "VERB":
        verbs += [c for c in governor.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    if doc_noun.dep_ == "dobj":
        # "read a text on behalf of 30 states condemning X": the parser hangs
        # the participle on the nearest noun, but it describes the document
        verbs += [t for prep in governor.rights if prep.dep_ == "prep" and prep.i > doc_noun.i
                  for t in prep.subtree if t.dep_ == "acl" and t.tag_ == "VBG"
                  and t.head.dep_ == "pobj" and t.head.lemma_ not in ctx.lex.documents]  # fmt: skip
    if doc_noun.dep_ == "nsubj" and governor.pos_ == "VERB":
        verbs.append(governor)  # "the statement praised X"
    if doc_noun.dep_ == "pobj" and governor.lower_ in ("in", "through", "via"):
        verbs.append(governor.head)  # "praised X in a statement": the statement praises X
    for verb in verbs:
        for v_type, particles in lex.verbs.get(verb.lemma_, ()):
            if v_type not in _STANCE_TYPES or ctx.blocked(verb):
                continue
            if particles:
                objects = ctx.particle_objects(verb, particles)
            else:
                objects = [c for c in verb.children if c.dep_ == "dobj"]
            targets = [m for o in objects for m in ctx.owner_of(o)]
            if targets:
                return v_type, targets
    return None


def _inherits(ctx: RuleContext, doc_noun: Token) -> bool:
    for child in doc_noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            return True
        if child.dep_ in ("amod", "compound") and (
            child.lower_ in ctx.lex.inheriting_modifiers or child.lower_.endswith("led")
        ):
            return True
    return False


def _holders(ctx: RuleContext, doc_noun: Token) -> list[Mention]:
    """Authors, supporters and signatories of the document."""
    out = list(ctx.leaders_of(doc_noun))
    for child in doc_noun.children:
        if child.dep_ == "poss" and child.i in ctx.by_token:
            out += ctx.actors_of(child, expand=False)
        elif child.dep_ in ("acl", "relcl") and child.lemma_ in ctx.lex.authoring_verbs:
            out += [m for a in child.children if a.dep_ == "agent"
                    for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    head = doc_noun.head
    if doc_noun.dep_ == "pobj" and head.lower_ == "of" and _adherents(ctx, head.head):
        agent_noun = head.head  # "supporters of the statement include A, B"
        verb = agent_noun.head
        if agent_noun.dep_ == "nsubj" and verb.lemma_ in ("include", "be", "comprise"):
            out += [
                m for c in verb.children if c.dep_ in ("dobj", "attr") for m in ctx.actors_of(c)
            ]
        if agent_noun.dep_ == "pobj" and verb.lower_ == "among" and verb.head.lemma_ == "be":
            out += ctx.subjects(verb.head)  # "A and B were among the signatories of the letter"
        out += [m for c in agent_noun.children if c.dep_ == "prep" and c.lower_ in ctx.lex.member_markers
                for p in c.children for m in ctx.actors_of(p)]  # fmt: skip
    if doc_noun.dep_ == "dobj" and head.lemma_ in ctx.lex.adhering_verbs:
        out += ctx.subjects(head)
    if doc_noun.dep_ == "nsubjpass" and head.lemma_ in ctx.lex.authoring_verbs:
        out += _authors(ctx, head)  # "was read out by X"
    return out + _distributed_authors(ctx, doc_noun)


def _adherents(ctx: RuleContext, noun: Token) -> bool:
    """Does ``noun`` name those who stand behind a document ("signatories", "supporters")?"""
    word = noun.lower_
    return word in ctx.lex.adherent_nouns or ctx.lex.agent_nouns.get(word) is RelationType.SUPPORTS


def _authors(ctx: RuleContext, verb: Token) -> list[Mention]:
    return [m for a in verb.children if a.dep_ == "agent"
            for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip


def _distributed_authors(ctx: RuleContext, doc_noun: Token) -> list[Mention]:
    """ "two statements, one read out by X and another delivered by Y": the parser loses
    the distribution, so take the "<authoring participle> by X" phrases that follow the
    document in its sentence, up to the next document noun."""
    out: list[Mention] = []
    for token in ctx.doc[doc_noun.i + 1 : doc_noun.sent.end]:
        if token.pos_ == "NOUN" and token.lemma_ in ctx.lex.documents:
            break
        if token.lemma_ in ctx.lex.authoring_verbs:
            out += _authors(ctx, token)  # a "by" agent makes it a participle ("read out")
    return out


def document_rules(ctx: RuleContext) -> Iterator[Found]:
    nouns = ctx.lex.documents
    last: tuple[int, RelationType, list[Mention]] | None = None
    sentence_index = {s.start: n for n, s in enumerate(ctx.doc.sents)}
    for token in ctx.doc:
        if token.pos_ != "NOUN" or token.lemma_ not in nouns:
            continue
        here = sentence_index.get(token.sent.start, 0)
        stance = explicit_stance(ctx, token)
        if stance is not None:
            last = (here, *stance)
        elif last is not None and here - last[0] <= _WINDOW and _inherits(ctx, token):
            stance = (last[1], last[2])
        if stance is None or ctx.blocked(token):
            continue
        holders = _holders(ctx, token)
        if holders:
            yield "document-stance", stance[0], holders, stance[1], token
