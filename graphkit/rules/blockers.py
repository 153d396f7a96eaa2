"""What cancels a trigger: negation, modal auxiliaries, conditions, reversal verbs ("abandoned
criticism"), requests ("urged X to condemn Y") and dissuasion ("warned X against backing Y").
Word lists: ``blockers`` in graphkit/data/lexicon.yaml. A mixin of ``RuleContext``.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.lexicon import Lexicon

__all__ = ["Blockers"]


def _yes_no_question(trigger: Token) -> bool:
    """ "Did China arrest X?", "Has the EU sanctioned Y?": asked, not stated ("Why did Russia
    expel X?" takes the expulsion as given)."""
    sentence = trigger.sent
    words = [t for t in sentence if not t.is_space]
    return bool(words) and words[-1].text == "?" and words[0].pos_ == "AUX"


class Blockers:
    """``blocked`` and ``requested`` for a rule context that has the lexicon."""

    lex: Lexicon

    def blocked(self, trigger: Token) -> bool:
        """Negated, modal, hypothetical, reversed ("abandoned criticism") or requested
        ("urged X to condemn Y") statements."""
        if self.requested(trigger) or _yes_no_question(trigger):
            return True
        token: Token | None = trigger
        steps = 0
        while token is not None and steps < 8:
            for child in token.children:
                if child.dep_ == "neg":
                    return True
                modal = child.dep_ == "aux" and child.lower_ in self.lex.modals
                if modal and not (child.lower_ == "would" and self._announced(token)):
                    return True
                if child.dep_ == "mark" and child.lower_ in self.lex.conditional:
                    return True
                if child.dep_ == "advmod" and child.lower_ in self.lex.reversal:
                    return True  # "instead of condemning X"
            if token is not trigger and token.lemma_ in self.lex.reversal:
                return True
            if token.dep_ == "ccomp" and token.head.lemma_ in self.lex.denials:
                return True  # "X denied that it had arrested Y"
            if token.dep_ in (
                "xcomp",
                "pcomp",
                "prep",
                "pobj",
                "dobj",
                "compound",
                "amod",
                "acl",
                "acomp",
                "attr",
                "oprd",
            ):
                token = token.head
            else:
                break
            steps += 1
        return False

    def _announced(self, clause: Token) -> bool:
        """ "X said it would impose sanctions": a stated intention, not a hypothesis (no
        condition attached)."""
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in self.lex.speech_verbs:
            return False
        return not any(
            m.dep_ == "mark" and m.lower_ in self.lex.conditional
            for c in clause.children
            if c.dep_ == "advcl"
            for m in c.children
        )

    def requested(self, trigger: Token, limit: int = 6) -> bool:
        """Is ``trigger`` inside an infinitive that a request verb governs ("asked X to ...")?"""
        child, steps = trigger, 0
        while child.dep_ not in ("ROOT", "relcl") and steps < limit:
            head = child.head
            if (
                head.lemma_ in self.lex.requests
                and child.dep_ in ("xcomp", "ccomp", "advcl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                return True
            if (  # "warned X against supplying Y", "barred X from visiting Y"
                child.dep_ == "pcomp"
                and head.lower_ in ("against", "from")
                and head.head.lemma_ in self.lex.dissuading
            ):
                return True
            child, steps = head, steps + 1
        return False
