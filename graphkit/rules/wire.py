"""Wire-news rules: hostage-taking, mistreated detainees, counted arrests and expulsions.

Agency copy reports detentions and expulsions in a few set phrasings the verb lexicon does not
cover: "A took B hostage" / "B, whom A had taken hostage" (A DETAINS B), "A beat up B
detainees" (who mistreats prisoners holds them), "A dispersed B protesters ... and arrested
40" (the number counts the people just named), "A forced B out of the country", "A declared B's
envoy persona non grata" (expulsion: A CONDEMNS B). Words in graphkit/data/wire.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext
from graphkit.rules.wire_words import WireLexicon, load_wire_lexicon

__all__ = ["ordered_to_leave", "plural_subject_mentions", "wire_rules"]

D = RelationType.DETAINS
C = RelationType.CONDEMNS
_RELATIVE = ("WP", "WDT")  # "whom", "who", "that", "which"
_OBJECT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "advmod", "npadvmod", "attr", "acomp")
# the expelled: organisations, missions, people and states, not armed groups the phrase names
# ("drove Chadian rebels out of the town" is fighting, not an expulsion)
_EXPELLED = (ActorKind.BODY, ActorKind.COMPANY, ActorKind.PERSON, ActorKind.STATE)


def wire_rules(ctx: RuleContext, token: Token) -> Iterator[Found]:
    lex = load_wire_lexicon()
    if token.pos_ == "NOUN":
        if token.lower_ in lex.allegation_nouns:
            yield from _allegation(ctx, token)
        return
    if token.pos_ not in ("VERB", "AUX"):
        return
    verb, lemma = token, token.lemma_.lower()
    entries = ctx.lex.verbs.get(verb.lemma_, ())
    if any(t is D for t, _ in entries):  # "arrested 40"
        yield from _counted_arrest(ctx, verb)
    if entries and not ctx.is_passive(verb):
        yield from _relative_object(ctx, verb, entries)
    if lemma not in lex.verbs or ctx.is_passive(verb):
        return
    if lemma in lex.hostage_verbs:
        yield from _hostage(ctx, verb, lex)
    if lemma in lex.treatment_verbs:
        yield from _mistreated(ctx, verb, lex)
    if lemma in lex.expelling_verbs:
        yield from _expelled(ctx, verb)
    if lemma in lex.declaring_verbs:
        yield from _declared_unwelcome(ctx, verb, lex)
    if ordered_to_leave(verb):
        yield _expulsion(ctx, verb)


def plural_subject_mentions(ctx: RuleContext) -> list[Mention]:
    """ "Chadian rebels said they would free ...": "they" under a clause whose subject is a
    plural noun naming an actor is that actor (added before the clause rules run)."""
    found: list[Mention] = []
    for token in ctx.doc:
        if token.lower_ != "they" or token.i in ctx.by_token:
            continue
        for ancestor in token.ancestors:
            subjects = [c for c in ancestor.children if c.dep_ == "nsubj" and c.i != token.i]
            if not subjects:
                continue
            subject = subjects[0]
            named = ctx.by_token.get(subject.i)
            if subject.tag_ in ("NNS", "NNPS") and named is not None and subject.i < token.i:
                found.append(Mention(token.i, token.i + 1, named.actor, "coref", named.state))
            break  # the nearest clause with a subject decides
    return found


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "dative")]


def _relative_antecedent(ctx: RuleContext, verb: Token) -> list[Mention]:
    """ "B, whom A had taken hostage": the relative pronoun's antecedent."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    if not any(c.tag_ in _RELATIVE and c.dep_ in ("dobj", "nsubj") for c in verb.children):
        return []
    return ctx.actors_of(verb.head)


def _relative_object(ctx: RuleContext, verb: Token,
                     entries: tuple[tuple[RelationType, tuple[str, ...]], ...]) -> Iterator[Found]:  # fmt: skip
    """ "the refugees, whom police arrested on Monday": the verb's object is the relative
    pronoun, its antecedent the patient (the verb rules see only "whom")."""
    if not any(c.dep_ == "dobj" and c.tag_ in _RELATIVE for c in verb.children):
        return
    patients = _relative_antecedent(ctx, verb)
    if not patients:
        return
    for rel_type, particles in entries:
        if not particles:
            yield "relative-object", rel_type, ctx.subjects(verb), patients, verb


def _allegation(ctx: RuleContext, noun: Token) -> Iterator[Found]:
    """ "an allegation by A that B had seized the town", "A's accusation that B ..."."""
    accusers = [m for c in noun.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
    accusers += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    if not accusers:
        return
    accused: list[Mention] = []
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
        ):
            accused += [m for s in clause.children if s.dep_ == "nsubj" for m in ctx.owner_of(s)]
    yield "allegation-noun", C, accusers, accused, noun


def _hostage(ctx: RuleContext, verb: Token, lex: WireLexicon) -> Iterator[Found]:
    """ "A took B hostage", "A seized B as hostages", "whom A was holding captive"."""
    marked = [c for c in verb.children if c.lower_ in lex.hostage_nouns and c.dep_ in _OBJECT_DEPS]
    marked += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for p in c.children if p.lower_ in lex.hostage_nouns]  # fmt: skip
    if not marked:
        return
    held = [o for o in _objects(verb) if o not in marked and o.tag_ not in _RELATIVE]
    patients = [m for o in held for m in ctx.actors_of(o)] or _relative_antecedent(ctx, verb)
    yield "hostage-taking", D, ctx.subjects(verb), patients, marked[0]


def _mistreated(ctx: RuleContext, verb: Token, lex: WireLexicon) -> Iterator[Found]:
    """ "A beat up B detainees", "A tortured B prisoners": A holds them."""
    held = [o for o in _objects(verb) if o.lower_ in lex.held_nouns]
    patients = [m for o in held for m in ctx.actors_of(o)]
    if patients:
        yield "held-mistreated", D, ctx.subjects(verb), patients, verb


def _counted_arrest(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "A fired on B protesters ... and arrested 40": a bare number as the object counts the
    people the sentence has just named as the object of another of A's acts."""
    counted = [o for o in _objects(verb) if o.tag_ == "CD"]
    if not counted:
        return
    sentence = verb.sent
    named: list[Mention] = []
    for token in reversed(sentence[: verb.i - sentence.start]):
        mention = ctx.by_token.get(token.i)
        if mention is None or token.dep_ not in ("dobj", "pobj"):
            continue
        if ctx.table.kind(mention.actor) is ActorKind.GROUP:
            named = [mention]
            break
    if named:
        yield "counted-arrest", D, ctx.subjects(verb), named, verb


def _expelled(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    """ "A forced B out of the country", "A kicked B out"."""
    out = [c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod")]
    if out:
        yield _expulsion(ctx, verb)


def _expulsion(ctx: RuleContext, verb: Token) -> Found:
    """The verb's subject expels the states, bodies or people its objects name."""
    patients = [m for o in _objects(verb) for m in ctx.actors_of(o)
                if ctx.table.kind(m.actor) in _EXPELLED and m.via != "agent"]  # fmt: skip
    return "expelled", C, ctx.subjects(verb), patients, verb


def _declared_unwelcome(ctx: RuleContext, verb: Token, lex: WireLexicon) -> Iterator[Found]:
    """ "A declared two B diplomats persona non grata": the parser splits the Latin phrase
    anywhere, so the declared are the actors under the verb's object-like children."""
    complements = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if not any(t.lower_ in lex.unwelcome_words for c in complements for t in c.subtree):
        return
    patients = [ctx.by_token[t.i] for c in complements for t in c.subtree if t.i in ctx.by_token
                and ctx.table.kind(ctx.by_token[t.i].actor) in _EXPELLED]  # fmt: skip
    yield "expelled", C, ctx.subjects(verb), list(dict.fromkeys(patients)), verb


def ordered_to_leave(verb: Token) -> bool:
    """ "ordered B's envoy to leave", "gave him 72 hours to leave": an expulsion, which
    lobbies nobody (rules/cameo.py skips ORDER's demand reading)."""
    lex = load_wire_lexicon()
    if verb.lemma_.lower() not in lex.leave_orderers:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    clauses += [g for o in _objects(verb) for g in o.children if g.dep_ in ("acl", "relcl")]
    return any(c.lemma_.lower() in lex.leaving_verbs for c in clauses)
