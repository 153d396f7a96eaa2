"""Relations stage: dependency rules over a parsed sentence -> typed relations with evidence.

Each rule names itself in the evidence (``rule``) with the trigger tokens, so ``graphkit build
--explain`` can show why an edge exists. Rules are linguistic patterns over the parse and the
lexicons in graphkit/data/lexicon.yaml; none names a particular actor or phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphkit.actors import ActorTable, Mention
from graphkit.lexicon import Lexicon, load_lexicon
from graphkit.models import ActorKind, RelationType

__all__ = ["Candidate", "extract_relations"]

RULE_CONFIDENCE = {
    "verb-active": 0.9,
    "verb-passive": 0.9,
    "verb-particle": 0.85,
    "control": 0.85,
    "noun-possessor": 0.8,
    "noun-governor": 0.75,
    "agent-noun": 0.8,
    "agent-noun-list": 0.8,
    "detention-place": 0.7,
    "document-stance": 0.7,
    "quote-evaluation": 0.65,
}
_REPRESENTATIVE_HEADS = {"delegate", "ambassador", "envoy", "representative", "diplomat",
                         "spokesperson", "spokesman", "spokeswoman", "minister", "official"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    source: str
    target: str
    type: RelationType
    sentence: Span
    rule: str
    trigger: str


class _Context:
    def __init__(self, doc: Doc, mentions: list[Mention], table: ActorTable) -> None:
        self.doc = doc
        self.table = table
        self.lex: Lexicon = load_lexicon()
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: (m.end - m.start, m.start)):
            for i in range(m.start, m.end):
                self.by_token.setdefault(i, m)

    # --- noun phrases -> actors -------------------------------------------------------
    def actors_of(self, token: Token, expand: bool = True) -> list[Mention]:
        """Actors a noun phrase headed by ``token`` denotes (members of lists included)."""
        found: list[Mention] = []
        direct = self.by_token.get(token.i)
        if direct is not None:
            found.append(self._as_state_if_representative(direct, token))
        else:
            found += self._indirect(token)
        if expand:
            for child in token.children:
                if child.dep_ in ("conj", "appos"):
                    found += self.actors_of(child)
                elif (child.dep_ == "prep" and child.lower_ in self.lex.member_markers) or (
                    child.dep_ == "amod" and child.lower_ in self.lex.member_markers
                ):
                    found += [
                        m for c in child.children if c.dep_ == "pobj" for m in self.actors_of(c)
                    ]
        unique: dict[str, Mention] = {}
        for m in found:
            unique.setdefault(m.actor, m)
        return list(unique.values())

    def _as_state_if_representative(self, mention: Mention, token: Token) -> Mention:
        if mention.via == "representative" and mention.state:
            return Mention(mention.start, mention.end, mention.state, "representative")
        return mention

    def _indirect(self, token: Token) -> list[Mention]:
        lowered = token.lower_
        children = list(token.children)
        possessors = [c for c in children if c.dep_ == "poss"]
        if lowered in _REPRESENTATIVE_HEADS and possessors:
            owner = self.by_token.get(possessors[0].i)
            if owner is not None:
                state = (
                    owner.state if self.table.kind(owner.actor) is ActorKind.PERSON else owner.actor
                )
                if state:
                    return [Mention(owner.start, owner.end, state, "representative")]
        if lowered in self.lex.collective_heads:
            if any(c.lemma_ == "member" for c in children):
                return []  # "UN member states": unnamed members, not the UN
            members = [c for c in children if c.dep_ in ("compound", "amod", "poss")]
            out = [self.by_token[c.i] for c in members if c.i in self.by_token]
            for c in children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out += [m for p in c.children if p.dep_ == "pobj" for m in self.actors_of(p)]
            return out
        return []

    def leaders_of(self, token: Token) -> list[Mention]:
        """ "a coalition led by X" / "a German-led statement" -> X."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        out: list[Mention] = []
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_ == "lead":
                out += [m for a in child.children if a.dep_ == "agent"
                        for p in a.children if p.dep_ == "pobj" for m in self.actors_of(p)]  # fmt: skip
            elif child.dep_ in ("amod", "compound") and child.lower_.endswith("led"):
                out += [self.by_token[g.i] for g in child.subtree if g.i in self.by_token]
        return out

    def owner_of(self, token: Token) -> list[Mention]:
        """ "China's policies" / "the policies of China" -> China (for abstract objects)."""
        direct = self.actors_of(token)
        if direct:
            return direct
        out: list[Mention] = []
        # "China's Uyghur policies": the possessor owns them, the compound is their topic
        for dep in ("poss", "compound"):
            out = [
                self.by_token[c.i] for c in token.children if c.dep_ == dep and c.i in self.by_token
            ]
            if out:
                return out
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += self.owner_of(pobj)
            elif child.dep_ == "conj":
                out += self.owner_of(child)
        return out

    # --- clause structure ---------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> list[Mention]:
        """Who does what ``verb`` says: its subject, or the controller of its clause."""
        if depth > 6:
            return []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") and child.tag_ not in ("WDT", "WP"):
                return self.actors_of(child) or self.leaders_of(child)
        for child in verb.children:
            if child.dep_ == "agent" and self.is_passive(verb):
                return [m for p in child.children if p.dep_ == "pobj" for m in self.actors_of(p)]
        head = verb.head
        if head is verb:
            return []
        if verb.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objects and head.lemma_ in self.lex.control:
                return self.actors_of(objects[0])
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("conj", "advcl", "pcomp"):
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("pobj", "prep") or (verb.dep_ == "dobj" and verb.pos_ == "NOUN"):
            # "expended energy in seeking to persuade X": climb to the clause's verb
            return self.subjects(head, depth + 1)
        if head.dep_ == "prep" and verb.dep_ == "pcomp":
            return self.subjects(head.head, depth + 1)
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            found = self.actors_of(head)
            if not found and head.dep_ == "pobj" and head.head.lower_ in ("among", "of"):
                # "X and Y are among 38 scholars who signed ...": the copula's subject
                holder = head.head.head
                if holder.lemma_ in ("be", "one", "include"):
                    return (
                        self.subjects(holder, depth + 1)
                        if holder.lemma_ == "be"
                        else self.actors_of(holder)
                    )
            if (
                not found
                and verb.dep_ == "acl"
                and head.dep_ == "dobj"
                and head.lemma_ in self.lex.documents
            ):
                return self.subjects(
                    head.head, depth + 1
                )  # "signed a letter urging X": the signers
            return found
        return []

    @staticmethod
    def is_passive(verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def blocked(self, trigger: Token) -> bool:
        """Negated, modal, hypothetical or reversed ("abandoned criticism") statements."""
        token: Token | None = trigger
        steps = 0
        while token is not None and steps < 8:
            for child in token.children:
                if child.dep_ == "neg":
                    return True
                if child.dep_ == "aux" and child.lower_ in self.lex.modals:
                    return True
                if child.dep_ == "mark" and child.lower_ in self.lex.conditional:
                    return True
            if token is not trigger and token.lemma_ in self.lex.reversal:
                return True
            if token.dep_ in ("xcomp", "pcomp", "prep", "pobj", "dobj", "compound", "amod", "acl"):
                token = token.head
            else:
                break
            steps += 1
        return False

    @staticmethod
    def has_particles(verb: Token, particles: tuple[str, ...]) -> bool:
        lowered = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
        return all(word in lowered for word in particles)

    def particle_objects(self, verb: Token, particles: tuple[str, ...]) -> list[Token]:
        """Objects introduced by the particle chain ("hit out against X" -> X)."""
        *lead, last = particles
        children = list(verb.children)
        lowered = {c.lower_ for c in children}
        if any(word not in lowered for word in lead):
            return []
        heads = [c for c in children if c.lower_ == last and c.dep_ in ("prep", "prt", "agent")]
        for c in children:  # "hit out against": spaCy may hang "against" under "out"
            if c.lower_ in lead:
                heads += [g for g in c.children if g.lower_ == last]
        return [p for h in heads for p in h.children if p.dep_ == "pobj"]


_TARGET_PREPS = ("of", "against", "on", "for", "with", "to", "over", "toward", "towards")
_COPULAS = {"be", "include", "comprise", "emerge", "become", "remain", "count", "consider", "call"}


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _verb_rules(
    ctx: _Context, verb: Token
) -> Iterator[tuple[str, RelationType, list[Mention], list[Mention]]]:
    for rel_type, particles in ctx.lex.verbs.get(verb.lemma_, ()):
        abstract_ok = rel_type in (RelationType.SUPPORTS, RelationType.CONDEMNS)
        resolve = ctx.owner_of if abstract_ok else ctx.actors_of
        if particles and ctx.is_passive(verb) and ctx.has_particles(verb, particles):
            # "X was hauled off by Y" / "X was locked up": the particle has no object
            patients = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
            agents = [m for c in verb.children if c.dep_ == "agent"
                      for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
            yield "verb-passive", rel_type, agents, patients
            continue
        if particles:
            patients = [m for p in ctx.particle_objects(verb, particles) for m in resolve(p)]
            if patients:
                yield "verb-particle", rel_type, ctx.subjects(verb), patients
            continue
        if ctx.is_passive(verb):
            patients = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
            agents = [m for p in _pobjs(verb, ("by",)) for m in ctx.actors_of(p)]
            agents += [m for c in verb.children if c.dep_ == "agent"
                       for p in c.children if p.dep_ == "pobj" for m in ctx.actors_of(p)]  # fmt: skip
            if not patients and verb.dep_ in ("acl", "relcl"):
                patients = ctx.actors_of(verb.head)
            yield "verb-passive", rel_type, agents, patients
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        patients = [m for o in objects for m in resolve(o)]
        controlled = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        rule = "control" if verb.lemma_ in ctx.lex.control and controlled else "verb-active"
        yield rule, rel_type, ctx.subjects(verb), patients


def _noun_agents(ctx: _Context, noun: Token) -> list[Mention]:
    agents: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.i in ctx.by_token):
            agents += ctx.actors_of(child, expand=False)
    agents += [m for p in _pobjs(noun, ("by", "from")) for m in ctx.actors_of(p)]
    agents += ctx.leaders_of(noun)
    if agents:
        return agents
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    if noun.dep_ in ("dobj", "pobj", "attr", "oprd") and governor.pos_ in ("VERB", "AUX"):
        return ctx.subjects(governor)
    if noun.dep_ == "appos":
        return ctx.actors_of(noun.head, expand=False)
    return []


def _noun_rules(
    ctx: _Context, noun: Token
) -> Iterator[tuple[str, RelationType, list[Mention], list[Mention]]]:
    word = noun.lower_
    if word in ctx.lex.nouns or noun.lemma_ in ctx.lex.nouns:
        rel_type = ctx.lex.nouns.get(word) or ctx.lex.nouns[noun.lemma_]
        if rel_type is RelationType.LOBBIES:  # "an appeal to X", "pressure on X"
            targets = [p for p in _pobjs(noun, ("to", "on", "upon"))]
            targets += [q for p in _pobjs(noun, ("for",)) for q in _pobjs(p, ("to",))]
            patients = [m for p in targets for m in ctx.actors_of(p)]
        else:
            patients = [m for p in _pobjs(noun, _TARGET_PREPS) for m in ctx.owner_of(p)]
        if patients:
            agents = _noun_agents(ctx, noun)
            rule = "noun-governor" if noun.dep_ in ("dobj", "pobj", "attr") else "noun-possessor"
            yield rule, rel_type, agents, patients
    agent_type = ctx.lex.agent_nouns.get(word) or ctx.lex.agent_nouns.get(noun.lemma_)
    if agent_type is not None:
        targets = [m for p in _pobjs(noun, ("of", "for", "to")) for m in ctx.owner_of(p)]
        targets += [
            ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token
        ]
        if targets:
            yield "agent-noun", agent_type, _agent_noun_holders(ctx, noun), targets
    # "China's support list, including Russia": members of a support list back the possessor
    compounds = [c for c in noun.children if c.dep_ == "compound"]
    if noun.lower_ in ctx.lex.collective_heads and compounds:
        kind = ctx.lex.nouns.get(compounds[0].lower_)
        if kind in (RelationType.SUPPORTS, RelationType.CONDEMNS):
            owners = [
                ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token
            ]
            yield "agent-noun-list", kind, _clause_members(ctx, noun), owners


def _clause_members(ctx: _Context, noun: Token) -> list[Mention]:
    """Members named by "including / like / such as" anywhere in the noun's clause."""
    clause = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else noun
    out: list[Mention] = []
    for token in clause.subtree:
        if token.lower_ in ctx.lex.member_markers and token.dep_ in ("prep", "amod"):
            path = [a for a in token.ancestors if a.i != clause.i and a.pos_ in ("VERB", "AUX")]
            if path and clause in path[0].ancestors:  # inside a nested clause: not ours
                continue
            out += [m for c in token.children if c.dep_ == "pobj" for m in ctx.actors_of(c)]
    return out


def _agent_noun_holders(ctx: _Context, noun: Token) -> list[Mention]:
    """Who is "a defender of X": the subject it is predicated of, or its list of members."""
    head = noun.head
    if noun.dep_ in ("nsubj",) and head.lemma_ in _COPULAS:
        return [
            m for c in head.children if c.dep_ in ("dobj", "attr", "oprd") for m in ctx.actors_of(c)
        ]
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("attr", "oprd", "pobj", "dobj") and head.lemma_ in _COPULAS:
        return ctx.subjects(head)
    if noun.dep_ == "appos":
        return ctx.actors_of(noun.head, expand=False)
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.lex.member_markers
            for p in c.children for m in ctx.actors_of(p)]  # fmt: skip


def _detention_place_rules(
    ctx: _Context, noun: Token
) -> Iterator[tuple[str, RelationType, list[Mention], list[Mention]]]:
    """ "Uyghurs who disappeared into China's internment camps": the owner detains them."""
    if noun.lower_ not in ctx.lex.detention_places or noun.dep_ != "pobj":
        return
    owners = [ctx.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.by_token]
    if not owners:
        return
    verb = noun.head.head
    held = ctx.subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
    yield "detention-place", RelationType.DETAINS, owners, held


_KIND_OK = {
    RelationType.DETAINS: (
        {ActorKind.STATE, ActorKind.BODY, ActorKind.PERSON},
        {ActorKind.PERSON, ActorKind.GROUP},
    ),
}


def extract_relations(doc: Doc, mentions: list[Mention], table: ActorTable) -> list[Candidate]:
    """Every relation the rules find in the doc, in token order."""
    from graphkit.rules.documents import document_rules
    from graphkit.rules.quotes import first_person_mentions, quote_rules

    ctx = _Context(doc, mentions, table)
    for mention in first_person_mentions(ctx):
        ctx.by_token.setdefault(mention.start, mention)
    found: list[Candidate] = []
    for token in doc:
        if token.pos_ in ("VERB", "AUX"):
            rules = _verb_rules(ctx, token)
        elif token.pos_ in ("NOUN", "PROPN"):
            rules = _chain(_noun_rules(ctx, token), _detention_place_rules(ctx, token))
        else:
            continue
        for found_rule in rules:
            _emit(ctx, table, found, token, *found_rule)
    for rule, rel_type, agents, patients, token in _chain(document_rules(ctx), quote_rules(ctx)):
        _emit(ctx, table, found, token, rule, rel_type, agents, patients)
    return found


def _emit(ctx: _Context, table: ActorTable, found: list[Candidate], token: Token, rule: str,
          rel_type: RelationType, agents: list[Mention], patients: list[Mention]) -> None:  # fmt: skip
    if not agents or not patients or ctx.blocked(token):
        return
    sources_ok, targets_ok = _KIND_OK.get(rel_type, (None, None))
    for agent in agents:
        for patient in patients:
            if agent.actor == patient.actor:
                continue
            if sources_ok and table.kind(agent.actor) not in sources_ok:
                continue
            if targets_ok and table.kind(patient.actor) not in targets_ok:
                continue
            found.append(
                Candidate(agent.actor, patient.actor, rel_type, token.sent, rule, token.text)
            )


def _chain(
    *iterators: Iterator[tuple[str, RelationType, list[Mention], list[Mention]]],
) -> Iterator[tuple[str, RelationType, list[Mention], list[Mention]]]:
    for iterator in iterators:
        yield from iterator
