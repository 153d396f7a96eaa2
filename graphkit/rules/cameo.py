"""CAMEO verb patterns (graphkit/data/cameo_verbs.yaml, converted from PETRARCH2's dictionary).

A verb whose lemma has patterns is matched on its object: "provided arms to Y" (the object
head "arm" names a 072 pattern whose target is the object of "to"), "gave Y a loan" (the
other object), "imposed sanctions on Y", "expelled Russian diplomats" (the possessor of the
object), "demanded the release of prisoners held by Y" (the holder), "demanded that Y ..."
(the subject of the clause). A pattern may require words before the object head
("humanitarian aid"), a particle ("called off talks") or a prepositional phrase ("put Y on
trial"); a verb with a particle only takes patterns that name it. The source is the subject
(or, in the passive, the agent: no agent, no relation). Of the patterns that match one verb,
the most specific yields, once per relation type; its rule is "cameo-<code>". The blockers
(negation, modality, reversal, requests) apply as to every rule (relations._emit).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphkit.actors import Mention
from graphkit.lexicon import CameoPattern, CameoVerb
from graphkit.models import ActorKind, RelationType
from graphkit.rules.context import Found, RuleContext, pobjs
from graphkit.rules.repairs import is_amount
from graphkit.rules.wire import ordered_to_leave

__all__ = ["cameo_rules"]

# where the parser puts a verb's object noun (the thing given, imposed, demanded ...)
_OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass", "oprd", "attr", "npadvmod"})
_RECIPIENT_DEPS = frozenset({"dobj", "dative", "nsubjpass"})
_HOLDERS = frozenset({ActorKind.STATE, ActorKind.BODY})
_PREP_DEPS = ("prep", "dative")  # the parser labels the "to" of "provided X to Y" dative
_DIRECTIVE_AUX = frozenset({"should", "must"})


def cameo_rules(ctx: RuleContext, verb: Token) -> Iterator[Found]:
    index = ctx.lex.cameo
    entry = index.get(verb.lemma_)
    if entry is None:
        return
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
    passive = participle or ctx.is_passive(verb)
    agents: list[Mention] | None = None
    done: set[RelationType] = set()
    for noun, pattern in _candidates(index.synset_heads, entry, verb, particles, participle):
        if pattern.type in done:
            continue
        if pattern.type is RelationType.LOBBIES and ordered_to_leave(verb):
            continue  # an expulsion (rules/wire.py), not a demand of the one expelled
        patients = _targets(ctx, verb, noun, pattern)
        if not patients:
            continue
        if agents is None:
            agents = _agents(ctx, verb) if passive else ctx.subjects(verb)
        if not agents:
            return
        # "the propaganda disseminated by A and B": the owner is the agent, not a target
        sources = {m.actor for m in agents}
        patients = [m for m in patients if m.actor not in sources]
        if patients:
            done.add(pattern.type)
            yield pattern.rule, pattern.type, agents, patients, verb


def _candidates(synset_heads: dict[str, tuple[tuple[str, tuple[str, ...]], ...]],
                entry: CameoVerb, verb: Token, particles: set[str],
                participle: bool) -> Iterator[tuple[Token | None, CameoPattern]]:  # fmt: skip
    """(object noun, pattern) pairs that fit the verb, most specific first: object patterns by
    the number of words they require before the head, then bare patterns."""
    nouns = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    nouns += [g for n in nouns for g in n.children if g.dep_ == "conj"]
    # "pledged $2 billion in loans", "5 billion euros of aid", "two rounds of sanctions":
    # an amount's "in"/"of" phrase says what is given or imposed
    nouns += [p for n in nouns if is_amount(n) for p in pobjs(n, ("in", "of"))]
    if (participle or verb.dep_ == "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(verb.head)  # "the sanctions imposed on Y", "the aid it sent to Y"
    found: list[tuple[int, int, Token, CameoPattern]] = []
    for noun in nouns:
        before: set[str] | None = None
        for head in {noun.lemma_.lower(), noun.lower_}:
            options = list(entry.objects.get(head, ()))
            for name, member_words in synset_heads.get(head, ()):
                options += [(words + member_words, p) for syn, words, p in entry.synsets
                            if syn == name]  # fmt: skip
            for words, pattern in options:
                if words:
                    if before is None:
                        before = _words_before(noun)
                    if not before.issuperset(words):
                        continue
                if _fits(verb, noun, pattern, particles):
                    found.append((-len(words), noun.i, noun, pattern))
    found.sort(key=lambda f: (f[0], f[1], f[3].code))
    for _, _, noun, pattern in found:
        yield noun, pattern
    fitted = {f[3].type for f in found}  # an object pattern that fits overrides the bare verb
    for pattern in entry.bare:
        if pattern.type not in fitted and _fits(verb, None, pattern, particles):
            yield None, pattern


def _words_before(noun: Token) -> set[str]:
    span = noun.doc[noun.left_edge.i : noun.i]
    return {t.lower_ for t in span} | {t.lemma_.lower() for t in span}


def _fits(verb: Token, noun: Token | None, pattern: CameoPattern, particles: set[str]) -> bool:
    if pattern.particle:
        if pattern.particle not in particles and not any(
            c.lower_ == pattern.particle and c.dep_ in ("prep", "advmod") for c in verb.children
        ):
            return False
    elif particles:
        return False  # "held up aid", "called off talks": a phrasal verb means something else
    if pattern.prep:
        heads = [verb] if noun is None else [verb, noun]
        objects = [p for h in heads for p in _prep_objects(h).get(pattern.prep, ())]
        if not any(p.lemma_.lower() in pattern.prep_heads or p.lower_ in pattern.prep_heads
                   for p in objects):  # fmt: skip
            return False
    return True


def _prep_objects(token: Token) -> dict[str, list[Token]]:
    """``pobjs`` of every preposition on ``token``, computed once per token of a doc: a verb
    is checked against dozens of patterns, and each Token access builds a new object."""
    memo: dict[int, dict[str, list[Token]]] = token.doc.user_data.setdefault("gk_preps", {})
    found = memo.get(token.i)
    if found is None:
        found = {}
        for c in token.children:
            if c.dep_ in _PREP_DEPS:
                found.setdefault(c.lower_, []).extend(p for p in c.children if p.dep_ == "pobj")
        memo[token.i] = found
    return found


def _agents(ctx: RuleContext, verb: Token) -> list[Mention]:
    return [m for c in verb.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip


def _targets(ctx: RuleContext, verb: Token, noun: Token | None, pattern: CameoPattern
             ) -> list[Mention]:  # fmt: skip
    abstract_ok = pattern.type in (RelationType.SUPPORTS, RelationType.CONDEMNS)
    if noun is None and pattern.prep:  # "called for the release of ...": that phrase's noun
        nouns = [p for p in pobjs(verb, (pattern.prep,), _PREP_DEPS)
                 if p.lemma_.lower() in pattern.prep_heads or p.lower_ in pattern.prep_heads]  # fmt: skip
        noun = nouns[0] if nouns else None
    found: list[Mention] = []
    for slot in pattern.targets:
        asked = noun
        if slot == "from" and pattern.type is RelationType.LOBBIES:
            # "demanded autonomy from Y" (also as the bare verb's object), but "demanded Y's
            # withdrawal from Z" lobbies Y only
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            asked = noun if noun is not None else (objects[0] if objects else None)
            if asked is not None and (_owners(ctx, asked, pattern.type) or _holders(ctx, asked)):
                continue
        if slot == "object":  # not the noun, nor what it is coordinated with
            tokens = [c for c in verb.children if c.dep_ in _RECIPIENT_DEPS
                      and c is not noun and (noun is None or noun not in c.conjuncts)]  # fmt: skip
            if pattern.particle:
                tokens += ctx.particle_objects(verb, (pattern.particle,))
            resolve = (lambda t: _owners(ctx, t, pattern.type)) if abstract_ok else ctx.actors_of
            found += [m for t in tokens if t is not noun for m in resolve(t)]
            passive = verb.tag_ == "VBN" or ctx.is_passive(verb)
            if not tokens and passive and verb.dep_ in ("acl", "relcl") and verb.head is not noun:
                found += ctx.actors_of(verb.head)  # "Y, expelled by X"
        elif slot == "owner":
            found += _owners(ctx, noun, pattern.type) if noun is not None else []
        elif slot == "possessor":
            found += _possessors(ctx, noun) if noun is not None else []
        elif slot == "holder":
            found += _holders(ctx, noun) if noun is not None else []
        elif slot == "clause":
            found += _clause_subjects(ctx, verb)
        else:  # a preposition on the verb, its noun or the required phrase's object
            heads = [verb] if asked is None else [verb, asked]
            if pattern.prep:
                heads += [p for h in heads for p in pobjs(h, (pattern.prep,), _PREP_DEPS)]
            resolve = (lambda t: _owners(ctx, t, pattern.type)) if abstract_ok else ctx.actors_of
            found += [m for h in heads for p in pobjs(h, (slot,), _PREP_DEPS) for m in resolve(p)]
    return found


def _owners(ctx: RuleContext, token: Token, rel_type: RelationType) -> list[Mention]:
    """The actors a noun phrase names, else its owners (RuleContext.owner_of) except a bare
    nationality ("Ugandan opposition candidates" are from Uganda, not Uganda's); one does not
    support the owner of a misdeed ("recognised Russia's aggression")."""
    direct = ctx.actors_of(token)
    if direct or (rel_type is RelationType.SUPPORTS and token.lemma_ in ctx.lex.bad_nouns):
        return direct
    return [m for m in ctx.owner_of(token) if m.via != "demonym"]


def _possessors(ctx: RuleContext, noun: Token) -> list[Mention]:
    """The actor a noun phrase names or belongs to without its "of" complement: "Russian
    diplomats", "Y's raid", "the killing ... by Y" (an "of" complement names the patient)."""
    found = ctx.actors_of(noun)
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i in ctx.by_token:
            found.append(ctx.by_token[child.i])
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "the raid carried out by Y"
            found += [m for a in child.children if a.dep_ == "agent"
                      for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
        elif child.dep_ == "prep" and child.lower_ == "by":  # "the killing of X by Y"
            found += [m for p in child.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]
    return found


def _holders(ctx: RuleContext, noun: Token) -> list[Mention]:
    """Who holds what is to be released or handed over: "Y's release of ...", "the release of
    prisoners held by Y", "the release of Y's prisoners" (states and bodies, never the
    prisoners themselves)."""
    things = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    found: list[Mention] = []
    for thing in things:
        for child in thing.children:
            if child.dep_ == "poss" and child.i in ctx.by_token:
                found.append(ctx.by_token[child.i])
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                found += [m for a in child.children if a.dep_ == "agent"
                          for p in a.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
    return [m for m in found if ctx.table.kind(m.actor) in _HOLDERS]


def _clause_subjects(ctx: RuleContext, verb: Token) -> list[Mention]:
    """ "demanded that Y release ...", "... that Y be freed", "... that Y must act": the subject
    of a clause in the subjunctive (a bare verb, also tagged VBP after "that") or with
    should/must; not a statement ("insisted that Y was ...", "... that Y is")."""
    found: list[Mention] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        bare = clause.tag_ == "VB" or (clause.tag_ == "VBP" and marked)
        directive = (bare and clause.lemma_ not in ("be", "have")) or any(
            c.dep_ in ("aux", "auxpass") and (c.lower_ in _DIRECTIVE_AUX or c.lower_ == "be")
            for c in clause.children
        )  # "that Y release", "that Y be reinstated", "that Y must act"
        if directive:
            found += [m for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                      for m in ctx.actors_of(c)]  # fmt: skip
    return found
