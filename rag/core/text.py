"""The product's one copy of its word tables and text helpers.

Every module that tokenises, drops stop words, reads a number word or resolves a unit ID
imports it from here, so the answerer, the verifier, the glossary, the retriever and the
evaluation cannot drift apart (they once held five stop-word lists and three stemmers).

- `stem(word)`: the one stemmer (Snowball English), and `fold_spelling(word)`, which folds
  British spellings and Greek plurals ("tumours"/"tumors", "metastasis"/"metastases");
- `STOP_WORDS` (general English function words) and its closed-class core
  `FUNCTION_WORDS` (articles, prepositions, conjunctions: the words a long form may hold
  unmatched, "signal transducer AND activator OF transcription");
- `CARDINALS`, `ORDINALS`, `ROMAN`: number words and what they stand for;
- `zipf` / `rarity`: how common a word is in general English (wordfreq), and so how much it
  carries a question ("hepatectomy" fully, "told" or "worried" hardly);
- `local_id` / `resolve_unit_id`: the `<doc-key>:` prefix of unit IDs in multi-document indexes.

It knows no question wording and no domain vocabulary: those live with the stage that needs them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Mapping

__all__ = ["TOKEN_RE", "tokens", "stem", "fold_spelling", "stem_words", "STOP_WORDS", "FUNCTION_WORDS", "FRAMING_WORDS", "NON_CONTENT_WORDS", "CARDINALS",
           "ORDINALS", "ROMAN", "number_value", "zipf", "rarity", "local_id", "resolve_unit_id", "UNIT_ID_RE"]

# Words and decimal numbers; a hyphenated compound ("SI-NEN", "5-year") is one token. A contraction's clitic
# is no word of its own: "they're" gives "they", not an "re" that meets RE (radioembolization); a name keeps its
# part after the apostrophe ("O'Toole").
TOKEN_RE = re.compile(r"(?<![A-Za-z])(?:(?<![A-Za-z]['\u2019])|(?<=[A-Za-z]['\u2019])(?!(?i:re|ve|ll|d|m|s|t)\b))[A-Za-z][A-Za-z0-9\-]*"
                      r"|\d+(?:\.\d+)?")


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens: "SI-NEN in 5.5%" -> ["si-nen", "in", "5.5"]."""
    return [t.lower() for t in TOKEN_RE.findall(text)]


# Closed-class words that carry no subject of their own: articles, prepositions,
# conjunctions, copulas, demonstratives.
FUNCTION_WORDS = frozenset("""a an and are as at be by for from in into is it of on or that the this
these those to was were which with""".split())
STOP_WORDS = FUNCTION_WORDS | frozenset("""
about above after again against all also am any because been before being below between both but
can could did do does doing down during each either else etc even ever few further had has have
having he her here hers him his how however i if its itself just may me might more most much must
my myself no nor not of off once only other our ours out over own per same shall she should since
so some such than their theirs them then there they though through thus too under until up upon us
very via we what when where whether while who whom whose why will within would yet you your yours
therefore furthermore moreover overall""".split()) | frozenset(
    # Negated and pronoun contractions, as the tokenizer splits them ("isn't" -> "isn", "t") and as chat types
    # them without the apostrophe ("isnt", "theyve"): function words whatever the spelling.
    """isn aren wasn weren don doesn didn couldn wouldn shouldn hasn haven hadn isnt arent wasnt werent dont doesnt
    didnt cant couldnt wouldnt shouldnt hasnt havent hadnt ive youre theyre theyve weve thats hes shes t s ll ve
    """.split())  # not "re", "d", "m", "im": RE and IM are abbreviations too

# Words that talk about a text or a question rather than its subject ("what does the review
# say about ...", "someone", "mentioned"): they frame, and never tell passages apart.
FRAMING_WORDS = frozenset("""according review article paper authors author say says said state states stated
mention mentions mentioned describe describes described discuss discussed tell explain give list listed
note notes noted report reports reported cover covers covered covering address addresses addressed
include includes included talk talks someone anyone somebody anybody person people get gets getting got
yes vs versus s well every many""".split())

# What never carries a question's subject: the stop words and the framing words together.
NON_CONTENT_WORDS = STOP_WORDS | FRAMING_WORDS
# The words that name a publication or its record (a closed class): a question holding one is
# about the literature. A regular-expression alternation, shared by the readers that need to
# know (the journal-title expansions, the kinds of passage a question can be answered by).
RECORD_WORDS = r"journals?|publish\w*|publications?|references?|cit(?:ed|es?|ing|ations?)|papers?|articles?"

# Number words and their values. "one" is also a pronoun ("the second one"); callers that
# read counts from prose decide whether to take it.
# Short written forms whose stop ends no sentence ("Pape et al. found", "e.g. TACE", "incl. DOI", "Fig. 2", "Dr. K"):
# the routing's sentence reader and the glossary's both keep the sentence whole across them.
WRITTEN_STOPS = ("et al", "e.g", "i.e", "vs", "cf", "approx", "incl", "fig", "figs", "ref", "refs", "vol", "dr", "mr",
                 "mrs", "ms", "prof", "pp")

CARDINALS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven
twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split())}
CARDINALS.update({"twenty-four": 24, "twenty four": 24})
ORDINALS = {w: i for i, w in enumerate("""zeroth first second third fourth fifth sixth seventh eighth ninth
tenth""".split()) if i}
ORDINALS.update({f"{i}{suffix}": i for i, suffix in
                 ((1, "st"), (2, "nd"), (3, "rd"), *((n, "th") for n in range(4, 11)))})
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def number_value(token: str) -> int | None:
    """"3", "three", "third" or "3rd" -> 3; anything else -> None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return CARDINALS.get(token, ORDINALS.get(token))


# British -> American spellings and Greek plurals, which Snowball leaves apart.
_SPELLING = ((re.compile(r"sis$"), "ses"), (re.compile(r"isation$"), "ization"),
             (re.compile(r"ise([ds]?)$"), r"ize\1"), (re.compile(r"ogues?$"), "og"),
             (re.compile(r"(?<=\w\w)our(s?)$"), r"or\1"), (re.compile(r"aemia$"), "emia"),
             (re.compile(r"oesoph"), "esoph"))


@lru_cache(maxsize=1)
def _snowball():
    import Stemmer  # PyStemmer: C speed, the same Snowball algorithm BM25 uses

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The one stemmer, Snowball English: "Resected" -> "resect", "therapies" -> "therapi"."""
    return _snowball().stemWord(word.lower())


@lru_cache(maxsize=65_536)
def fold_spelling(word: str) -> str:
    """One spelling for variants Snowball keeps apart: "tumours" -> "tumors", "metastasis" ->
    "metastases", "analogues" -> "analogs", "embolisation" -> "embolization"."""
    word = word.lower()
    if len(word) > 3 and word.isalpha():
        for pattern, repl in _SPELLING:
            word = pattern.sub(repl, word)
    return word


def stem_words(words: Iterable[str]) -> list[str]:
    """`stem` over a list (the shape bm25s asks of a stemmer)."""
    return [stem(w) for w in words]


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """General-English Zipf frequency (wordfreq; 0 for a word it has never seen)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def rarity(word: str) -> float:
    """How much a word carries the question: 1 for a word English rarely uses, falling to 0.1
    for the commonest ("mum", "told", "worried" weigh little; "hepatectomy" weighs fully)."""
    return min(1.0, max(0.1, (6.0 - zipf(word)) / 3.0))


# A unit ID as the parser makes them, optionally with a document prefix ("machairas2021:").
UNIT_ID_RE = re.compile(
    r"^(?:[a-z0-9][a-z0-9_.-]*:)?(?:citation|keywords|coi|abstract-s\d+|figure-\d+|reference-\d+)$")


def local_id(unit_id: str) -> str:
    """The unit's ID within its document: "machairas2021:abstract-s2" -> "abstract-s2"."""
    return unit_id.split(":", 1)[1] if ":" in unit_id else unit_id


def resolve_unit_id(raw: str, units: Mapping[str, Any], doc_key: str = "") -> str | None:
    """The key of `units` (unit ID -> unit with a `doc_key`) that a cited `raw` ID means, or None.

    An ID without a document prefix is resolved in `doc_key`'s document when one is given,
    else only where a single document has it: a multi-document index must never cite the
    wrong article for an ambiguous "abstract-s6". A prefixed ID in a one-document index
    (unprefixed keys) is accepted when the prefix names that document.
    """
    if raw in units:
        return raw
    if ":" in raw:
        key, bare = raw.split(":", 1)
        unit = units.get(bare)
        return bare if unit is not None and getattr(unit, "doc_key", "") == key else None
    if doc_key and f"{doc_key}:{raw}" in units:
        return f"{doc_key}:{raw}"
    matches = [u for u in units if u.endswith(":" + raw)]
    return matches[0] if len(matches) == 1 else None
