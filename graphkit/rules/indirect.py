"""Actors a noun phrase names without being a name: "the Maduro regime", "Brazil's foreign
ministry", "activists from the Fatah party", "the IAEA chief", "thousands of Syrian Kurds",
"Uyghur students", "Canada's ambassador", "the members of the Quartet", "Venezuela's
opposition". A mixin of ``RuleContext`` (graphkit/rules/context.py), which supplies
``actors_of``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graphkit.actors import ActorTable, Mention
from graphkit.lexicon import Lexicon
from graphkit.models import ActorKind
from graphkit.registry import ActorPhrases
from graphkit.rules.repairs import pobjs

__all__ = ["IndirectActors"]


class IndirectActors:
    """``_indirect`` and ``people_of`` for a rule context."""

    doc: Doc
    table: ActorTable
    lex: Lexicon
    phrases: ActorPhrases
    affiliates: frozenset[str]
    quantities: frozenset[str]
    by_token: dict[int, Mention]

    def actors_of(self, token: Token, expand: bool = True) -> list[Mention]:
        raise NotImplementedError  # RuleContext's

    def _possessed_agent(self, token: Token, children: list[Token]) -> Mention | None:
        """ "Venezuela's opposition", "Ghana's parliament", "Kenya's farmers": the agent
        actor "<demonym> <head>" that "the Venezuelan opposition" names (agents.yaml)."""
        if token.lower_ in self.phrases.body_agent_heads:
            kind = ActorKind.BODY
        elif token.lower_ in self.phrases.group_agent_heads:
            kind = ActorKind.GROUP
        else:
            return None
        for child in children:
            owner = self.by_token.get(child.i) if child.dep_ == "poss" else None
            if owner is None or self.table.kind(owner.actor) is not ActorKind.STATE:
                continue
            entry = self.table.actors[owner.actor].registry
            if entry is not None and entry.demonyms:
                key = self.table.from_name(f"{entry.demonyms[0]} {token.text}", kind)
                return Mention(token.i, token.i + 1, key, "agent")
        return None

    def _indirect(self, token: Token) -> list[Mention]:
        lowered = token.lower_
        children = list(token.children)
        if lowered in self.phrases.government_heads:  # "the Maduro regime" -> Venezuela
            leaders = [self.by_token[c.i] for c in children
                       if c.dep_ in ("compound", "poss", "amod") and c.i in self.by_token]  # fmt: skip
            states = [self.table.state_of(m.actor) for m in leaders
                      if self.table.kind(m.actor) is ActorKind.PERSON]  # fmt: skip
            if any(states):
                return [Mention(token.i, token.i + 1, s, "government") for s in states if s]
            # "the Government of Canada", "the authorities of Eritrea"
            governed = [m for p in pobjs(token, ("of",)) for m in self.actors_of(p)
                        if self.table.kind(m.actor) is ActorKind.STATE]  # fmt: skip
            if governed:
                return governed
        pair = f"{self.doc[token.i - 1].lower_} {lowered}" if token.i else lowered
        organs = self.phrases.organ_heads
        if lowered in organs or pair in organs or lowered in ("ministry", "junta"):
            # "Brazil's foreign ministry", "Myanmar's junta", "Sri Lanka's coast guard"
            owners = [self.by_token[c.i] for c in children if c.dep_ == "poss" and c.i in self.by_token
                      and self.table.kind(self.by_token[c.i].actor) is ActorKind.STATE]  # fmt: skip
            if owners:
                return owners
        if lowered in self.affiliates:  # "activists from the Fatah party" -> the party
            bodies = [m for p in pobjs(token, ("from", "of")) for m in self.actors_of(p, False)
                      if self.table.kind(m.actor) in (ActorKind.BODY, ActorKind.COMPANY)]  # fmt: skip
            # "G7 leaders", "NATO officials" ("ECOWAS" may be read as an adjective)
            bodies += [self.by_token[c.i] for c in children
                       if c.dep_ in ("compound", "nmod", "amod") and c.i in self.by_token
                       and self.table.kind(self.by_token[c.i].actor) is ActorKind.BODY]  # fmt: skip
            # "ECOWAS leaders ...": the tagger read the acronym as a verb and made it the
            # root, so the name right before the noun is no child of it
            before = self.by_token.get(token.i - 1)
            if not bodies and before is not None and self.doc[token.i - 1].pos_ == "VERB":
                bodies = [before] if self.table.kind(before.actor) is ActorKind.BODY else []
            if bodies:
                return bodies
        possessed = self._possessed_agent(token, children)
        if possessed is not None:
            return [possessed]
        if lowered in self.phrases.body_words and not token.ent_type_:
            # "the Fatah party", "the Hamas movement": the registered body the word qualifies
            named = [self.by_token[c.i] for c in children
                     if c.dep_ in ("compound", "nmod") and c.i in self.by_token
                     and self.table.kind(self.by_token[c.i].actor) is ActorKind.BODY]  # fmt: skip
            if named:
                return named
        if lowered in self.quantities:  # "thousands of Syrian Kurds" -> the Kurds
            counted = [m for p in pobjs(token, ("of",)) for m in self.actors_of(p)]
            if counted:
                return counted
        if lowered in self.phrases.group_member_heads:  # "Uyghur students" -> the Uyghurs
            qualifiers = [self.by_token[c.i] for c in children
                          if c.dep_ in ("compound", "amod") and c.i in self.by_token]  # fmt: skip
            groups = [m for m in qualifiers if self.table.kind(m.actor) is ActorKind.GROUP]
            groups += [g for c in children if c.dep_ in ("compound", "amod")
                       for g in self.people_of(c)]  # fmt: skip
            if groups:
                return groups
        possessors = [c for c in children if c.dep_ == "poss"]
        if lowered in self.phrases.representative_heads and possessors:
            owner = self.by_token.get(possessors[0].i)
            if owner is not None:
                state = (
                    owner.state if self.table.kind(owner.actor) is ActorKind.PERSON else owner.actor
                )
                if state:
                    return [Mention(owner.start, owner.end, state, "representative")]
        if lowered in self.lex.collective_heads:
            if any(c.lower_ == "member" for c in children):
                return []  # "UN member states": unnamed members, not the UN
            if lowered == "member" and any(c.dep_ == "appos" for c in children):
                return []  # "a member of the parliament, A,": A acts, not the parliament
            members = [c for c in children if c.dep_ in ("compound", "amod", "poss")]
            out = [self.by_token[c.i] for c in members if c.i in self.by_token]
            for c in children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out += [m for p in c.children if p.dep_ == "pobj" for m in self.actors_of(p)]
            return out
        return []

    def people_of(self, qualifier: Token) -> list[Mention]:
        """ "Palestinian detainees": the people whose plural demonym is a registry Group
        (the Palestinians), not the state the adjective also names."""
        mention = self.by_token.get(qualifier.i)
        if mention is None or self.table.kind(mention.actor) is not ActorKind.STATE:
            return []
        state = self.table.actors[mention.actor].registry
        words = [qualifier.text, *(state.demonyms if state else ())]
        for word in words:  # "Palestinian" / "Albania" (demonym "Albanian") -> the people
            entry = self.table.registry.lookup(f"{word}s")
            if entry is not None and entry.kind is ActorKind.GROUP:
                group = self.table.from_entry(entry)
                return [Mention(qualifier.i, qualifier.i + 1, group, "demonym")]
        return []
