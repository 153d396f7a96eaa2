"""Parse repairs: structures the small English parser often gets wrong, recovered from the
surface and the tags. Each helper is a general pattern of English, not of any one text.

- ``infinitive_subjects``: "wants X to leave", "calls for X to publish", "worked with X to
  spread": the parser makes X the subject of the infinitive, not the object of the verb.
- ``coordination_head``: "expressed regrets that Y failed to act and weighed in on ...":
  a finite verb hung as ``conj`` under a non-finite one really coordinates with the nearest
  finite main-clause verb of the same tense.
- ``subject_before``: "At the request of A, the Committee (CAT) sent ...": the subject is
  attached to the fronted phrase; a finite root without a subject takes the noun phrase
  right before it.
- ``following_preps``: "expressed solidarity with X": the parser hangs the noun's
  complement on the verb; a preposition right after the object belongs to the object.
- ``left_coordinates``: "Chile and, since March, Peru have backed ...": an
  adverbial between commas breaks the conjunction; the actor before "and ," joins it.
- ``counted_objects``: "kidnapped up to 16 advisers": the parser reads "up" as the verb's
  particle and the counted object as the object of "to".
- ``stray_list_members``: "release A, B, and C": the parser may hang the last name of a list
  on the main verb; the proper noun right after the list continues it.
- ``amount_recipients``: "fined Acme 3 million euros", "paid Ruritania $40 million": the
  parser takes the first object for a compound of the amount.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = [
    "amount_recipients",
    "coordination_head",
    "counted_objects",
    "following_preps",
    "infinitive_subjects",
    "is_amount",
    "left_coordinates",
    "pobjs",
    "stray_list_members",
    "subject_before",
]

_FINITE = ("VBD", "VBZ", "VBP")
_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "acl", "pcomp", "relcl")
_MAIN_DEPS = ("ROOT", "conj", "ccomp", "parataxis")


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive_subjects(token: Token) -> list[Token]:
    """Subjects of infinitive clauses under ``token`` ("wants [X to leave]")."""
    return [
        s
        for c in token.children
        if c.dep_ in _CLAUSE_DEPS and _is_infinitive(c)
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def coordination_head(verb: Token) -> Token:
    """The verb a ``conj`` verb really coordinates with (itself when the parse is right)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in _FINITE or head.tag_ in _FINITE:
        return head
    for ancestor in head.ancestors:
        if ancestor.tag_ == verb.tag_ and ancestor.dep_ in _MAIN_DEPS:
            return ancestor
    return head


def _only_brackets_between(doc: Doc, start: int, end: int) -> bool:
    depth = 0
    for token in doc[start:end]:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]"):
            depth -= 1
        elif depth == 0 and token.pos_ not in ("ADV", "AUX", "PART"):
            return False
    return True


def subject_before(verb: Token, starts: dict[int, int]) -> int | None:
    """End of the actor phrase right before a subjectless finite root ("(CAT)" skipped).

    ``starts`` maps the end token index of each actor mention to its start."""
    if verb.dep_ != "ROOT" or verb.tag_ not in _FINITE:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    for end in range(verb.i, max(verb.sent.start, verb.i - 6) - 1, -1):
        if end in starts and _only_brackets_between(verb.doc, end, verb.i):
            return end
    return None


def left_coordinates(subject: Token, starts: dict[int, int]) -> list[int]:
    """Ends of actor phrases joined to ``subject`` across a comma-delimited adverbial."""
    doc = subject.doc
    i = subject.left_edge.i - 1
    if i < 1 or doc[i].text != ",":
        return []
    j = i - 1
    while j > subject.sent.start and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX", "PROPN", "PRON"):
            return []
        j -= 1
    if j - 1 < subject.sent.start or doc[j].text != "," or doc[j - 1].lower_ not in ("and", "or"):
        return []
    end = j - 1
    return [end] if end in starts else []


def following_preps(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``preps`` the parser hung on the verb right after its object ``noun``."""
    if noun.dep_ != "dobj":
        return []
    return [
        p
        for c in noun.head.children
        if c.dep_ == "prep" and c.lower_ in preps and c.i == noun.right_edge.i + 1
        for p in c.children
        if p.dep_ == "pobj"
    ]


def counted_objects(verb: Token) -> list[Token]:
    """Objects hidden behind a quantity the parser read as a particle or a preposition:
    "arrested up to 40 X" ("up" as the verb's particle, "to X" as its preposition)."""
    tos = [t for c in verb.children for t in (c, *c.children) if t.lower_ == "to"]
    return [
        p
        for to in tos
        if to.i > 0 and to.doc[to.i - 1].lower_ == "up"
        for p in to.children
        if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children)
    ]


def stray_list_members(obj: Token) -> list[Token]:
    """ "urged X to free A, B, and C": C hung as a ``conj`` of a verb above the list, right
    after it (only commas, "and" and C's own name words between)."""
    doc = obj.doc
    last = max((obj, *obj.conjuncts), key=lambda t: t.i).right_edge.i
    i = last + 1
    while i < len(doc) and (doc[i].dep_ in ("punct", "cc") or doc[i].dep_ == "compound"):
        i += 1
    if i >= len(doc) or i == last + 1:
        return []
    stray = doc[i]
    if stray.dep_ != "conj" or stray.pos_ != "PROPN" or stray.head not in obj.ancestors:
        return []
    between = doc[last + 1 : i]
    if not any(t.dep_ == "cc" or t.text == "," for t in between):
        return []
    return [stray, *(c for c in stray.conjuncts if c.pos_ == "PROPN" and c.i > stray.i)]


def is_amount(noun: Token) -> bool:
    """A sum or a count: "$2 billion", "4 billion euros", "three rounds"."""
    return (
        noun.pos_ == "NUM"
        or noun.ent_type_ == "MONEY"
        or any(c.dep_ == "nummod" for c in noun.children)
    )


def amount_recipients(verb: Token) -> list[Token]:
    """The indirect object of a double-object verb whose direct object is an amount, hung by
    the parser as a proper-noun compound before the number ("fined Acme 3 million euros")."""
    return [
        c
        for obj in verb.children
        if obj.dep_ == "dobj" and any(n.dep_ == "nummod" or n.like_num for n in obj.children)
        for c in obj.children
        if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < obj.i
        and all(t.like_num or t.pos_ in ("NUM", "SYM") for t in verb.doc[c.i + 1 : obj.i])
    ]  # fmt: skip


def pobjs(token: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> list[Token]:
    """Objects of the prepositions ``preps`` hanging off ``token`` (``deps``: the labels a
    preposition may carry; the parser labels the "to" of "provided X to Y" dative)."""
    return [
        p
        for c in token.children
        if c.dep_ in deps and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
