"""Reader for PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt): synsets, verb blocks and
patterns, and the shape of a pattern in terms graphkit's verb rule can check.

The syntax (the file's header and PETRARCH2's PETRreader.read_verb_dictionary):

    &CURRENCY                     a synset: "+" lines; "_" joins words, a final "_" means no
    +DOLLAR                       plural; synsets are used in patterns as &NAME
    --- GRANT [060] ---           a block of synonymous verbs; [060] is the code of a bare verb
    GIVE {GIVES GAVE GIVEN} [070] a verb, its irregular forms and its own code
    +CALL_OFF [160]               a phrasal verb: "+" marks the word the parser calls the verb
    - * &CURRENCY (TO +) [071]    a pattern for every verb of the block: words before "*" come
                                  before the verb, after it its objects; (PREP ...) is a
                                  prepositional phrase, {A B} a noun phrase headed by B, "+" the
                                  target, "$" the source, "^" skips a phrase; [a:b] is an
                                  event a (source -> target) with b in the other direction
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "PARTICLES", "PREPOSITIONS", "Block", "Dictionary", "Pattern", "Shape", "Unsupported", "Verb",
    "interpret", "parse_dictionary", "parse_pattern",
]  # fmt: skip

PREPOSITIONS = frozenset(
    [
        "about",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "outside",
        "over",
        "since",
        "than",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "until",
        "upon",
        "via",
        "with",
        "within",
        "without",
    ]
)
PARTICLES = frozenset(
    [
        "up",
        "out",
        "off",
        "down",
        "back",
        "away",
        "over",
        "aside",
        "forward",
        "ahead",
        "along",
        "around",
        "in",
        "on",
    ]
)
_CODE = re.compile(r"\[([^\]]*)\]")


# --- parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verb:
    """One synonym line: "GIVE {GIVES GAVE GIVEN} [070]" or "+CALL_OFF [160]"."""

    word: str  # the verb as the parser sees it ("CALL" of +CALL_OFF)
    forms: tuple[str, ...]  # irregular forms as written ("GAVE", "+CALLED_OFF")
    code: str | None  # its own code, None: the block's
    before: tuple[str, ...] = ()  # words before the verb of a phrasal verb ("RE" of RE_+ARREST)
    after: tuple[str, ...] = ()  # words after it ("OFF" of +CALL_OFF)
    line: int = 0


@dataclass(frozen=True)
class Pattern:
    """ "- PRE * POST [code] # comment": the words before and after the verb."""

    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: str
    comment: str
    line: int


@dataclass
class Block:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Dictionary:
    synsets: dict[str, tuple[str, ...]]  # "&CURRENCY" -> phrases ("DOLLAR", "ARMED FORCES")
    blocks: tuple[Block, ...]


def _strip_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    return text.rstrip(), comment.strip()


def parse_dictionary(text: str) -> Dictionary:
    """Synsets and verb blocks of a PETRARCH2 verb dictionary (transformations ignored)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = "synsets"
    current_set: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not raw.strip() or raw.startswith("#") or raw.startswith("<!"):
            continue
        line, comment = _strip_comment(raw)
        if not line.strip():
            continue
        if raw.startswith("&"):
            current_set = line.split()[0]
            synsets.setdefault(current_set, [])
            continue
        if raw.startswith("+") and section == "synsets" and current_set:
            synsets[current_set].append(line[1:].strip())
            continue
        if section != "verbs":
            continue
        if raw.startswith("---"):
            match = _CODE.search(line)
            name = line.strip("- ").split()[0]
            blocks.append(Block(name, match.group(1).strip() if match else "---"))
            continue
        if not blocks:
            continue
        if raw.startswith("-"):
            pattern = parse_pattern(line[1:], comment, number)
            if pattern is not None:
                blocks[-1].patterns.append(pattern)
            continue
        verb = _parse_verb(line, number)
        if verb is not None:
            blocks[-1].verbs.append(verb)
    return Dictionary(
        {k: _synset_phrases(k, v) for k, v in synsets.items()},
        tuple(blocks),
    )


def _synset_phrases(label: str, items: list[str]) -> tuple[str, ...]:
    """Synset members as phrases of words ("ARMED_FORCES" -> "ARMED FORCES"). PETRARCH2 adds
    regular plurals (unless the member or label ends with "_"); graphkit compares lemmas, so
    none are needed."""
    return tuple(dict.fromkeys(" ".join(i.replace("_", " ").split()) for i in items))


def _parse_verb(line: str, number: int) -> Verb | None:
    code = None
    match = _CODE.search(line)
    if match:
        code = match.group(1).strip()
        line = line[: match.start()] + line[match.end() :]
    forms: tuple[str, ...] = ()
    if "{" in line:
        head, _, rest = line.partition("{")
        forms = tuple(rest.partition("}")[0].split())
        line = head
    words = line.split()
    if not words:
        return None
    word = words[0]
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    if "_" in word or word.startswith("+"):  # a phrasal verb: "+" marks the verb
        front, plus, back = word.partition("+")
        if not plus:
            front, back = "", word
        parts = back.split("_")
        before = tuple(w for w in front.split("_") if w)
        word, after = parts[0], tuple(w for w in parts[1:] if w)
    if not word.isalpha():
        return None
    return Verb(word, forms, code, before, after, number)


def parse_pattern(text: str, comment: str, number: int) -> Pattern | None:
    match = _CODE.search(text)
    if not match or "*" not in text[: match.start()]:
        return None
    body = text[: match.start()]
    pre, _, post = body.partition("*")
    return Pattern(tuple(pre.split()), tuple(post.split()), match.group(1).strip(), comment, number)


# --- interpreting patterns ------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What a pattern asks for after the verb, in terms graphkit's verb rule can check."""

    particle: str = ""  # "UP" of "PUT UP RESISTANCE"
    object: tuple[
        str, ...
    ] = ()  # the object noun phrase ("{HUMANITARIAN AID}" -> HUMANITARIAN AID)
    prep: str = ""  # a prepositional phrase that must be there ("ON" of "(ON TRIAL)") ...
    prep_object: tuple[str, ...] = ()  # ... and its noun phrase
    targets: tuple[str, ...] = ()  # slots the pattern marks explicitly ("(TO +)" -> to)
    patient_of: bool = False  # "(OF ^)": the noun's "of" complement is skipped, not the target


class Unsupported(Exception):
    """A pattern with more structure than graphkit's verb rule checks."""


def _phrases(tokens: list[str]) -> list[tuple[str, ...]]:
    """Split a token list into phrases: {A B} is one phrase, a bare word another."""
    out: list[tuple[str, ...]] = []
    group: list[str] | None = None
    for token in tokens:
        if group is not None:
            group.append(token.rstrip("}"))
            if token.endswith("}"):
                out.append(tuple(w for w in group if w))
                group = None
        elif token.startswith("{"):
            group = [token.strip("{}")]
            if token.endswith("}"):
                out.append(tuple(w for w in group if w))
                group = None
        else:
            out.append((token,))
    if group is not None:
        raise Unsupported("unclosed {")
    return out


def _bracket_bare_prepositions(tokens: list[str], preps: list[tuple[str, list[str]]]) -> list[str]:
    """TABARI-era patterns write some phrases without brackets ("- * OF ATTACK", "- * CASE
    AGAINST"): a preposition after the first position opens a phrase to the end."""
    for j, token in enumerate(tokens):
        first = j == 0 and token in {p.upper() for p in PARTICLES}
        if token.lower() in PREPOSITIONS and not first and not token.startswith("{"):
            words = [w for w in tokens[j + 1 :] if w != "()"]
            if any(w in ("+", "$", "^") for w in words):
                raise Unsupported("marker after a bare preposition")
            preps.append((token, words))
            return [*tokens[:j], "()"]
    return tokens


def interpret(pattern: Pattern) -> Shape:
    """The shape of a pattern, or Unsupported."""
    if pattern.pre:
        raise Unsupported("words before the verb")
    tokens = list(pattern.post)
    # prepositional phrases first: "(TO +)", "(ON TRIAL)", "(OF ^)", "(AGAINST)"
    preps: list[tuple[str, list[str]]] = []
    rest: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("("):
            inner = [token[1:]]
            while not inner[-1].endswith(")") and i + 1 < len(tokens):
                i += 1
                inner.append(tokens[i])
            if not inner[-1].endswith(")"):
                raise Unsupported("unclosed (")
            inner[-1] = inner[-1][:-1]
            words = [w for w in inner if w]
            if not words:
                raise Unsupported("empty ()")
            preps.append((words[0], words[1:]))
            rest.append("()")
        else:
            rest.append(token)
        i += 1
    shape: dict[str, object] = {}
    targets: list[str] = []
    patient_of = False
    # "PREP +" written without brackets, "THAT +", "(PREP) +"
    cleaned: list[str] = []
    for j, token in enumerate(rest):
        nxt = rest[j + 1] if j + 1 < len(rest) else ""
        if token == "+" and cleaned and cleaned[-1] == "()" and preps and not preps[-1][1]:
            continue  # "(AGAINST) +" is "(AGAINST +)"
        if nxt == "+" and token.lower() in PREPOSITIONS:
            targets.append(token.lower())
            rest[j + 1] = ""
            continue
        if nxt == "+" and token == "THAT":
            targets.append("clause")
            rest[j + 1] = ""
            continue
        if token:
            cleaned.append(token)
    nouns: list[tuple[str, ...]] = []
    position = 0
    cleaned = _bracket_bare_prepositions(cleaned, preps)
    for token in cleaned:
        if token == "()":
            continue
        if token == "+":
            if nouns:
                raise Unsupported("target after the object")
            targets.append("object")  # "- * + HOURS": the first object is the target
            continue
        if token in ("$", "^", "%") or token.startswith("&AUX"):
            raise Unsupported(f"marker {token}")
        if not nouns and position == 0 and token in {p.upper() for p in PARTICLES}:
            if "particle" in shape:
                raise Unsupported("two particles")
            shape["particle"] = token
            continue
        position += 1
        nouns.append(token)  # a word or a {phrase} token, re-split below
    for prep, words in preps:
        lowered = prep.lower()
        if lowered not in PREPOSITIONS:
            raise Unsupported(f"unknown preposition {prep}")
        if words in (["+"], []):
            targets.append(lowered)
        elif words == ["^"]:
            if lowered != "of":
                raise Unsupported("skipped phrase")
            patient_of = True
        elif "prep" in shape:
            raise Unsupported("two prepositional phrases")
        else:
            if "+" in words or "$" in words or "^" in words:
                raise Unsupported("marker inside a phrase")
            phrase = _phrases(words)
            if len(phrase) != 1:
                raise Unsupported("prepositional object of several phrases")
            shape["prep"] = lowered
            shape["prep_object"] = phrase[0]
    if nouns:
        phrases = _phrases(nouns)
        if len(phrases) != 1:
            raise Unsupported("several object phrases")
        shape["object"] = phrases[0]
    if not shape.get("object") and "owner" in targets:
        raise Unsupported("owner without object")
    return Shape(
        particle=str(shape.get("particle", "")),
        object=tuple(shape.get("object", ())),  # type: ignore[arg-type]
        prep=str(shape.get("prep", "")),
        prep_object=tuple(shape.get("prep_object", ())),  # type: ignore[arg-type]
        targets=tuple(dict.fromkeys(targets)),
        patient_of=patient_of,
    )
