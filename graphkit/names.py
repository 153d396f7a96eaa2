"""Names the entity ruler or the NER cut short, put back together after the NER.

The ruler claims a state or place inside a longer name before the NER runs, and the NER then
stops the name there or misses it: "Popular Front for the Liberation of" + "Chad",
"Association of" + "African Jurists", "Kampala" + "University Medical School",
"Congo" + "River Liberation Front (CRLF)". ``repair_org_spans`` (a pipeline component
after the NER) makes each one ORG entity again, and takes the given names the NER left out
into a PERSON ("Solomy" + "Balungi Bossa").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphkit.registry import load_actor_phrases

__all__ = ["repair_org_spans"]

_JOINERS = frozenset({"of", "for", "the", "on", "and", "in", "&", "de", "du", "des", "la"})
_PLACE_LABELS = frozenset({"GK_PLACE", "GPE", "LOC"})


def _name_token(token: Token) -> bool:
    return token.is_title or (token.is_upper and token.is_alpha)


def _extend_cut_name(doc: Doc, org: Span, ents: dict[int, Span]) -> Span:
    """ "Popular Front for the Liberation of" + "Chad": the NER stops a name where
    the ruler had claimed a word of it; take in the words up to the end of the name."""
    end = org.end
    words = load_actor_phrases().body_words | load_actor_phrases().company_words
    if doc[end - 1].lower_ not in _JOINERS or not any(t.lower_ in words for t in org):
        return org  # "Oyelaran Adewale Balogun of": a person the NER took for an ORG
    while end < len(doc):
        nxt = ents.get(end)
        if nxt is not None and nxt.label_ in ("GK_ACTOR", "GK_DEMONYM", *_PLACE_LABELS):
            end = nxt.end
        elif _name_token(doc[end]) and end not in ents:
            end += 1
        elif (
            doc[end].lower_ in _JOINERS
            and end + 1 < len(doc)
            and doc[end - 1].lower_ not in _JOINERS
        ):
            end += 1  # "Commission of Inquiry on Human Rights in the ..."
            continue
        else:
            break
        if doc[end - 1].lower_ not in _JOINERS and not (
            end < len(doc) and (_name_token(doc[end]) or doc[end].lower_ in _JOINERS)
        ):
            break
    while end > org.end and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    return Span(doc, org.start, end, label="ORG") if end > org.end else org


def _initials(tokens: list[Token]) -> str:
    return "".join(t.text[0].upper() for t in tokens if t.lower_ not in _JOINERS)


def _named_by_acronym(doc: Doc) -> list[Span]:
    """ "the Congo River Liberation Front (CRLF)", "Kenyan Union of Nurses (KUN)": the
    title-case words before a parenthesised acronym whose initials spell it are one ORG, even
    where the ruler took their first word for a state."""
    found = []
    for token in doc[2:-1]:
        acronym = token.text
        if doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
            continue
        if not (acronym.isupper() and acronym.isalpha() and 2 < len(acronym) < 8):
            continue
        start = token.i - 1
        while start > 0 and (_name_token(doc[start - 1]) or doc[start - 1].lower_ in _JOINERS):
            start -= 1
            if _initials(list(doc[start : token.i - 1])) == acronym:
                if doc[start].lower_ not in _JOINERS:
                    found.append(Span(doc, start, token.i - 1, label="ORG"))
                break
    return found


def _names_a_place(ent: Span) -> bool:
    """A place, a state's name, capital or demonym ("Baghdad", "Kenya", "Swiss"), not its
    agents ("Kenyan police")."""
    if ent.label_ in ("GK_GOV", "GK_REP") or ent.doc[ent.start].lower_ == "the":
        return False
    return ent.label_ in _PLACE_LABELS or ent.ent_id_.startswith("state:")


def _head_word(org: Span, word: Token) -> bool:
    """A lower-case organisation word the name modifies ("the Regional Stabilization
    Support mission", "the Minsk Group talks" is not one)."""
    return (
        word.is_lower
        and word.lower_ in load_actor_phrases().body_words
        and org[-1].head.i == word.i
        and org[-1].dep_ == "compound"
        and sum(t.is_title for t in org) > 1  # "the Apple board" is Apple's board
    )


def _names_a_parent_body(ent: Span) -> bool:
    """An acronym of a registry body before an organ of its own ("UN" + "Commission of
    Inquiry", "EU" + "Court of Auditors")."""
    return ent.label_ == "GK_ACTOR" and ent.ent_id_.startswith("body:") and ent.text.isupper()


def _hyphenated_before(span: Span) -> bool:
    """ "Iran-Syria ...": the place is the second half of a compound modifier."""
    doc = span.doc
    return (
        span.start > 1 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_
    )


def _place_and_org_words(doc: Doc, place: Span, taken: set[int]) -> Span | None:
    """ "Kampala University Medical School", "Washington Post": a place followed by capitalised
    words, one of them an organisation word, that no entity claims."""
    phrases = load_actor_phrases()
    words = phrases.body_words | phrases.company_words
    end = place.end
    while end < len(doc) and end - place.end < 8 and end not in taken:
        if doc[end].is_title:
            end += 1
        elif doc[end].lower_ in _JOINERS and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 1  # "Finnish Agency for Trade and Industry"
        else:
            break
    sent = place.sent
    others = [
        t
        for t in sent
        if t.is_alpha and not t.is_stop and t.i != sent.start and not place.start <= t.i < end
    ]
    if all(t.is_title for t in others) or _hyphenated_before(place):
        return None  # a title-case headline: "China-Russia Alliance Undermines ..."
    if any(t.lower_ in words for t in doc[place.end : end]):
        while (doc[end - 1].lower_ not in words and doc[end - 1].pos_ != "PROPN") or (
            doc[end - 1].lower_ in _JOINERS
        ):
            end -= 1
        return Span(doc, place.start, end, label="ORG")
    return None


# Capitalised words before a name that are titles, not given names ("President", "Bishop").
_TITLE_WORDS = frozenset(
    {"president", "minister", "secretary", "chairman", "chairwoman", "king", "queen", "prince",
     "princess", "sheikh", "emir", "sultan", "premier", "chancellor", "governor", "mayor",
     "ambassador", "envoy", "bishop", "pope", "ayatollah", "lord", "lady", "spokesman",
     "spokeswoman", "director", "chief", "commissioner", "vice", "deputy", "foreign", "prime",
     "state", "defense", "defence", "interior", "finance", "justice", "speaker", "leader"}
)  # fmt: skip


def _given_names(doc: Doc, person: Span, taken: set[int]) -> Span | None:
    """ "designating Solomy Balungi Bossa": proper nouns right before a PERSON that no entity
    claims and that are no titles are the person's given names."""
    titles = _TITLE_WORDS | load_actor_phrases().person_titles
    start = person.start
    while (
        start > person.sent.start
        and doc[start - 1].tag_ == "NNP"
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and start - 1 not in taken
        and doc[start - 1].lower_ not in titles
    ):
        start -= 1
    if start == person.start or person.start - start > 4:
        return None
    before = doc[start - 1] if start > person.sent.start else None
    if before is not None and (before.lower_ in _JOINERS or before.pos_ in ("PROPN", "ADP")):
        return None  # "... Under Secretary for Trade and Industry Jane K. Doe": a title
    return Span(doc, start, person.end, label="PERSON")


def _unlabelled_full_names(doc: Doc, taken: set[int]) -> list[Span]:
    """ "American Austin Lee was abducted ... bring Austin home": the NER tagged the given name
    alone but not the full name it missed, so an unclaimed run of proper nouns that starts with a
    one-word PERSON of the same doc is that person's full name."""
    given = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    found: list[Span] = []
    for token in doc:
        if token.text not in given or token.i in taken or token.tag_ != "NNP":
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and end not in taken:
            nxt = doc[end]
            if nxt.tag_ != "NNP" or not nxt.is_title or not nxt.is_alpha:
                break
            end += 1
        if end > token.i + 1:
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found


def _titled_people(doc: Doc, taken: set[int]) -> list[Span]:
    """ "Bishop Ana Ruiz" read as an ORG, or "Bishop" alone as an ORG before the unlabelled
    "Ana Ruiz": a person title and two or three name words, no organisation word, are a
    PERSON (actors.py drops the title)."""
    phrases = load_actor_phrases()
    titles = _TITLE_WORDS | phrases.person_titles
    organisation = phrases.body_words | phrases.company_words
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or doc[ent.start].lower_.rstrip(".") not in titles:
            continue
        end = ent.start + 1
        while end < len(doc) and end - ent.start <= 3 and (end < ent.end or end not in taken):
            word = doc[end]
            if word.tag_ != "NNP" or not word.is_title or not word.is_alpha:
                break
            if word.lower_ in organisation or word.lower_ in titles:
                break
            end += 1
        if end - ent.start >= 3 and end >= ent.end:
            found.append(Span(doc, ent.start, end, label="PERSON"))
    return found


def _held_people(doc: Doc) -> list[Span]:
    """ "Police detained Toomaj Salehi", "Stella Nyanzi was jailed": the small NER misses many
    names or reads them as an ORG; two to four name words (no organisation or title word,
    untagged or an ORG) held by a detention verb are a PERSON."""
    phrases = load_actor_phrases()
    excluded = phrases.body_words | phrases.company_words | phrases.armed_words | _TITLE_WORDS
    excluded |= phrases.person_titles
    found: list[Span] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in phrases.holding_verbs:
            continue
        for head in verb.children:
            if head.dep_ not in ("dobj", "nsubjpass") or head.tag_ != "NNP":
                continue
            start = head.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head:
                start -= 1
            words = doc[start : head.i + 1]
            if not 2 <= len(words) <= 4 or any(
                t.tag_ != "NNP" or not t.is_title or t.lower_ in excluded for t in words
            ):
                continue
            labels = {t.ent_type_ for t in words} - {""}
            inside = all(e.start >= start and e.end <= head.i + 1 for e in doc.ents
                         if e.start <= head.i and e.end > start)  # fmt: skip
            if labels <= {"ORG"} and inside:
                found.append(Span(doc, start, head.i + 1, label="PERSON"))
    return found


_NAME_PARTICLES = frozenset({"de", "del", "della", "da", "dos", "la", "van", "von", "bin", "al"})


def _listed_people(doc: Doc, person: Span, taken: set[int]) -> list[Span]:
    """ "designating A of Chile, Ana Maria del Pilar Rios of Peru and B of Spain": a name
    coordinated with a person's and, like it, "of <state>" is a person too."""
    root = person.root
    if root.dep_ != "conj" and not any(c.dep_ == "conj" for c in root.children):
        return []
    top = root
    while top.dep_ == "conj":
        top = top.head
    found = []
    for member in [top, *top.conjuncts]:
        if member.tag_ not in ("NNP", "NNPS") or not member.is_title:
            continue
        start = member.left_edge.i
        words = doc[start : member.i + 1]
        if not all(t.is_title or t.lower_ in _NAME_PARTICLES for t in words) or len(words) < 2:
            continue
        after = doc[member.i + 1 : member.i + 3]
        if len(after) < 2 or after[0].lower_ != "of" or not after[1].ent_id_.startswith("state:"):
            continue
        # the NER may take such a name for an organisation, never for anything else, and
        # an organisation word makes it one ("Rosneft Trading of Switzerland")
        org_words = load_actor_phrases().body_words | load_actor_phrases().company_words
        if any(t.lower_ in org_words for t in words):
            continue
        if not any(i in taken and doc[i].ent_type_ != "ORG" for i in range(start, member.i + 1)):
            found.append(Span(doc, start, member.i + 1, label="PERSON"))
    return found


def repair_org_spans(doc: Doc) -> Doc:
    """Names the ruler cut in two: "...Independence of" + "Angola", "Association of" + "African
    Jurists", and a place right before an organisation ("Baghdad" + "University Medical
    School") are one ORG entity."""
    ents = {e.start: e for e in doc.ents}
    repaired: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        span = _extend_cut_name(doc, ent, ents)
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.i not in ents and _head_word(span, after):
            span = Span(doc, span.start, span.end + 1, label="ORG")  # "the X Support mission"
        before = next((e for e in doc.ents if e.end == span.start), None)
        if before is not None and _names_a_place(before) and doc[span.start].is_title:
            span = Span(doc, before.start, span.end, label="ORG")
        if (span.start, span.end) != (ent.start, ent.end):
            repaired.append(span)
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    for ent in doc.ents:
        longer = _given_names(doc, ent, taken) if ent.label_ == "PERSON" else None
        if longer is not None:
            repaired.append(longer)
        if ent.label_ == "PERSON":
            for person in _listed_people(doc, ent, taken):
                if not any(r.start < person.end and person.start < r.end for r in repaired):
                    repaired.append(person)
        parent = _names_a_place(ent) or _names_a_parent_body(ent)
        if parent and not any(r.start <= ent.start < r.end for r in repaired):
            joined = _place_and_org_words(doc, ent, taken)
            if joined is not None:
                repaired.append(joined)
    repaired += _titled_people(doc, taken)
    repaired += [
        h
        for h in _held_people(doc)
        if not any(r.start < h.end and h.start < r.end for r in repaired)
    ]
    repaired += [
        n for n in _unlabelled_full_names(doc, taken)
        if not any(r.start < n.end and n.start < r.end for r in repaired)
    ]  # fmt: skip
    named = [
        n
        for n in _named_by_acronym(doc)
        if not any(r.start < n.end and n.start < r.end for r in repaired)
    ]
    repaired += [
        n for n in named if not any((e.start, e.end) == (n.start, n.end) for e in doc.ents)
    ]
    if repaired:
        kept = [
            e for e in doc.ents if not any(e.start < r.end and r.start < e.end for r in repaired)
        ]
        doc.ents = sorted([*kept, *repaired], key=lambda e: e.start)
    return doc
