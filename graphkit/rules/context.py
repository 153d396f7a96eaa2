"""What every rule reads: the parsed doc, actor mentions by token, and clause helpers.

``RuleContext.actors_of`` turns a noun phrase into the actors it denotes (members of lists,
representatives standing for their state, collective nouns); ``subjects`` finds who does
what a verb says (its subject, agent, or the controller of its clause); ``blocked`` says
whether negation, a modal, a condition or a reversal verb cancels a trigger.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from graphkit.actors import ActorTable, Mention
from graphkit.lexicon import Lexicon, load_lexicon
from graphkit.models import ActorKind, RelationType
from graphkit.registry import load_actor_phrases
from graphkit.rules.blockers import Blockers
from graphkit.rules.indirect import IndirectActors
from graphkit.rules.repairs import (
    coordination_head,
    infinitive_subjects,
    left_coordinates,
    pobjs,
    subject_before,
)
from graphkit.rules.statement_words import load_statement_lexicon
from graphkit.rules.support_words import load_support
from graphkit.rules.wire_words import load_wire_lexicon

__all__ = ["COPULAS", "Found", "RuleContext", "pobjs"]

# A rule's finding: rule name, relation type, agents, patients, trigger token.
Found = tuple[str, RelationType, list[Mention], list[Mention], Token]
_POPULATIONS = {"people", "peoples", "citizens", "population", "populations", "citizenry"}
COPULAS = {"be", "include", "comprise", "emerge", "become", "remain", "count", "consider", "call"}


class RuleContext(Blockers, IndirectActors):
    """One parsed doc, its actor mentions and the lexicons: what every rule reads."""

    def __init__(self, doc: Doc, mentions: list[Mention], table: ActorTable) -> None:
        self.doc = doc
        self.table = table
        self.lex: Lexicon = load_lexicon()
        self.phrases = load_actor_phrases()
        words = load_statement_lexicon()
        self.affiliates = words.affiliates
        self.quantities = words.quantities
        self.voice: tuple[str, ...] = ()  # who "we" is outside quotes (rules/author.py)
        self.detainers: set[str] = set()  # who holds people the document does not name
        self.focal: str | None = None  # the state the document is about (coref.focal_state)
        # collective noun -> the members a later sentence names ("... were among them")
        self.members: dict[int, list[Mention]] = {}
        self.coalitions: dict[int, tuple[str, ...]] = {}  # "the Quartet" -> its members
        self._sentences: list[Span] = []  # earlier_sentences(): filled on first use
        self._sentence_starts: list[int] = []
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: (m.end - m.start, m.start)):
            for i in range(m.start, m.end):
                self.by_token.setdefault(i, m)
        self.mention_ends = {m.end: m.start for m in mentions}
        # token -> the state a place lies in ("Tbilisi" -> Georgia), from the registry
        self.place_states: dict[int, str] = {}
        for span in doc.ents:
            entry = table.registry.entries.get(span.ent_id_) if span.label_ == "GK_PLACE" else None
            if entry is not None:
                for i in range(span.start, span.end):
                    self.place_states[i] = table.from_entry(entry)

    def earlier_sentences(self, token: Token, count: int) -> list[Span]:
        """The ``count`` sentences before ``token``'s own, oldest first (segmented once)."""
        if not self._sentences:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [s.start for s in self._sentences]
        index = bisect_right(self._sentence_starts, token.i) - 1
        return self._sentences[max(0, index - count) : index]

    def add_mention(self, mention: Mention) -> None:
        """A mention found by a later pass ("we" inside a quote -> its speaker)."""
        self.by_token.setdefault(mention.start, mention)
        self.mention_ends.setdefault(mention.end, mention.start)

    # --- noun phrases -> actors -------------------------------------------------------
    def actors_of(self, token: Token, expand: bool = True) -> list[Mention]:
        """Actors a noun phrase headed by ``token`` denotes (members of lists included)."""
        found: list[Mention] = list(self.members.get(token.i, ()))
        direct = self.by_token.get(token.i)
        if direct is not None and direct.via == "coref" and pobjs(token, ("of",)):
            # "the government of Mali" names its state: no antecedent needed
            direct = None
        if direct is not None:
            found.append(self._as_state_if_representative(direct, token))
            if direct.via == "speaker" and direct.state:  # "we" said by an ambassador
                found.append(Mention(direct.start, direct.end, direct.state, "representative"))
            if direct.via == "author":  # "we" of a joint statement: every author
                found += [Mention(direct.start, direct.end, a, "author") for a in self.voice[1:]]
            for member in self.coalitions.get(direct.start, ())[1:]:  # rules/coalitions.py
                found.append(Mention(direct.start, direct.end, member, "coalition"))
        else:
            found += self._indirect(token)
        if expand:
            act = self.lex.nouns.get(token.lemma_) is RelationType.DETAINS
            for child in token.children:
                if child.dep_ == "conj" or (child.dep_ == "appos" and not act):
                    # an act noun's apposition is a misparse of its object ("the
                    # detention of defenders X and Y"), not a name for the act
                    found += self.actors_of(child)
                elif child.dep_ == "nmod" and child.i in self.by_token and direct is not None:
                    found += self.actors_of(child)  # "US and British forces"
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

    def located_states(
        self, token: Token, preps: tuple[str, ...] = ("at", "in", "inside")
    ) -> list[Mention]:
        """States of the places where ``token`` happens: "arrested at Tbilisi airport"."""
        found: list[Mention] = []
        for place in pobjs(token, preps):
            for t in (place, *[c for c in place.children if c.dep_ in ("compound", "poss")]):
                named = self.by_token.get(t.i)  # "in Russia", "at Beijing airport"
                if named is not None and self.table.kind(named.actor) is ActorKind.STATE:
                    found.append(named)
                elif t.i in self.place_states:
                    found.append(Mention(t.i, t.i + 1, self.place_states[t.i], "place"))
        return found

    def _as_state_if_representative(self, mention: Mention, token: Token) -> Mention:
        if mention.via == "representative" and mention.state:
            return Mention(mention.start, mention.end, mention.state, "representative")
        return mention

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

    def _harms(self, participle: Token) -> bool:
        lemma = participle.lemma_.lower()
        return lemma in self.lex.harming_participles or any(
            t is RelationType.DETAINS for t, _ in self.lex.verbs.get(lemma, ())
        )

    def owner_of(self, token: Token) -> list[Mention]:
        """ "China's policies" / "the policies of China" -> China (for abstract objects)."""
        direct = self.actors_of(token)
        if direct:
            return direct
        if token.lower_ in self.lex.collective_heads and any(
            c.lower_ == "member" for c in token.children
        ):
            return []  # "the member states of the UN" own nothing of the UN's
        if token.lower_ in _POPULATIONS:
            return []  # "stands with the people of Chad": sympathy, neither the state nor a party
        out: list[Mention] = []
        # "the sanctions imposed by the EU": the agent of a participle owns the thing (not
        # of a harm: "the hostages held by Y" are Y's victims)
        for participle in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
                           and not self._harms(c)):  # fmt: skip
            out += [m for a in participle.children if a.dep_ == "agent"
                    for p in a.children if p.dep_ == "pobj" for m in self.actors_of(p)]  # fmt: skip
        # "the provision of arms by X to Y": X owns the act
        out += [m for p in pobjs(token, ("by",)) for m in self.actors_of(p)]
        if out:
            return out
        # "China's Uyghur policies": the possessor owns them, the compound is their topic;
        # a state in a name ("the Barbados Agreement") owns nothing
        for dep in ("poss", "compound"):
            if dep == "compound" and token.pos_ == "PROPN":
                continue
            out = [
                self.by_token[c.i] for c in token.children if c.dep_ == dep and c.i in self.by_token
            ]
            if out:
                return out
        # "Israeli military policies": a state's organ owns the act (a bare demonym does not:
        # "Palestinian" names a people as often as an authority)
        # ... and so does a state's adjective before an act only a government takes ("the
        # Dutch decision", "the Russian invasion")
        act = token.lemma_ in self.lex.state_acts or token.lower_ in self.lex.state_acts
        out = [self.by_token[c.i] for c in token.children if c.dep_ == "amod"
               and c.i in self.by_token and (self.by_token[c.i].via == "government" or (
                   act and self.table.kind(self.by_token[c.i].actor) is ActorKind.STATE))]  # fmt: skip
        if out:
            return out
        # "the detention of X", "the invasion of X": X suffers the act, it does not own it
        suffered = (
            self.lex.nouns.get(token.lemma_) is RelationType.DETAINS
            or token.lemma_ in self.lex.suffered_nouns
            or token.lower_ in self.lex.suffered_nouns
        )
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and not suffered:
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
        # a relative pronoun is no subject of its own, but the tagger reads the acronym "WHO"
        # as one: a token the ruler named is a name
        subjects = [
            c for c in verb.children
            if c.dep_ in ("nsubj", "csubj") and (c.tag_ not in ("WDT", "WP") or c.ent_type_)
        ]  # fmt: skip
        # "The aid agency working in Yemen said ...": the parser makes the participle the
        # subject and the organisation its subject
        subjects = [s for c in subjects for s in (
            [g for g in c.children if g.dep_ == "nsubj"] if c.pos_ == "VERB" and c.tag_ == "VBG"
            else []) or [c]]  # fmt: skip
        if subjects:  # two subjects of one verb: a coordination the parser broke
            found = [m for c in subjects for m in self.actors_of(c)]
            found += [
                self.by_token[e - 1] for e in left_coordinates(subjects[0], self.mention_ends)
            ]
            found = found or [m for c in subjects for m in self.document_authors(c)]
            return found or [m for c in subjects for m in self.leaders_of(c)]
        for child in verb.children:
            if child.dep_ == "agent" and self.is_passive(verb):
                return [m for p in child.children if p.dep_ == "pobj" for m in self.actors_of(p)]
        before = subject_before(verb, self.mention_ends)
        if before is not None:
            return self.actors_of(self.doc[before - 1], expand=False)
        head = coordination_head(verb)
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objects and head.lemma_ in self.lex.control | self.lex.causatives:
                return self.actors_of(objects[0])
            return self.subjects(head, depth + 1)
        if verb.dep_ == "pcomp" and head.lower_ in ("of", "for", "against", "from"):
            # "accused X of supplying", "thanked X for backing": the object does it
            objects = [c for c in head.head.children
                       if c.dep_ == "dobj" and c.pos_ != "PRON" and c.i < head.i]  # fmt: skip
            controllers = [m for c in objects for m in self.actors_of(c)]
            lemma = head.head.lemma_
            reason = lemma in load_support().reason_verbs or lemma in self.lex.accusation_verbs
            if controllers or (objects and reason):
                return controllers  # "sanctioned three firms for arming Y": not the subject
            if reason and self.is_passive(head.head):  # "X was accused of arming Y"
                return [m for c in head.head.children if c.dep_ == "nsubjpass"
                        for m in self.actors_of(c)]  # fmt: skip
        if verb.dep_ == "conj" and self.is_passive(head) and not self.is_passive(verb):
            # "X is alarmed by the fighting and calls on Y ...": the passive clause's subject
            # does the active one's act
            undergoers = [m for c in head.children if c.dep_ == "nsubjpass"
                          for m in self.actors_of(c)]  # fmt: skip
            if undergoers:
                return undergoers
        if verb.dep_ in ("conj", "advcl", "pcomp", "acomp"):  # "we remain resolved to ..."
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("pobj", "prep") or (verb.dep_ == "dobj" and verb.pos_ == "NOUN"):
            # "spent weeks in trying to convince X": climb to the clause's verb
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
            if not found and head.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ"):
                # "The letter, signed by A, called on X ...": a finite verb parsed as a
                # modifier of the sentence's subject
                found = self.document_authors(head)
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if not found and verb.dep_ == "acl" and purpose and head.dep_ == "dobj":
                # "X began a hunger strike to demand Y": X does what the act is for
                return self.subjects(head.head, depth + 1)
            efforts = load_wire_lexicon().effort_nouns
            if not found and purpose and head.dep_ == "pobj" and head.lower_ in efforts:
                # "X acted in a bid to persuade Y", "as part of a push to win over Y"
                governor = head.head
                while governor.dep_ in ("prep", "pobj") and governor.head.i != governor.i:
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX"):
                    return self.subjects(governor, depth + 1)
            if not found and verb.dep_ == "acl" and head.lemma_ in self.lex.documents:
                # "signed a letter urging X" / "voted for a resolution condemning X"
                if head.dep_ == "dobj":
                    return self.subjects(head.head, depth + 1)
                if head.dep_ == "pobj" and head.head.lower_ == "for":  # not "against"
                    return self.subjects(head.head.head, depth + 1)
            return found
        return []

    def document_authors(self, noun: Token) -> list[Mention]:
        """Who speaks through a document that is a clause's subject: "the letter, signed by
        A and B, called on X ...", "a statement from A urged ...", "A's letter said ..."."""
        if noun.lemma_ not in self.lex.documents:
            return []
        phrases = pobjs(noun, ("by", "from"))
        phrases += [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                    for a in c.children if a.dep_ == "agent"
                    for p in a.children if p.dep_ == "pobj"]  # fmt: skip
        found = [m for p in phrases for m in self.actors_of(p)]
        return found + [
            self.by_token[c.i] for c in noun.children if c.dep_ == "poss" and c.i in self.by_token
        ]

    @staticmethod
    def is_passive(verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

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
        objects = [
            p
            for h in heads
            for p in [*h.children, *infinitive_subjects(h)]
            if p.dep_ in ("pobj", "nsubj")
        ]
        if len(particles) == 1 and any(h.dep_ == "prt" for h in heads):
            objects += [c for c in children if c.dep_ == "dobj"]  # "rounded up X"
        return objects
