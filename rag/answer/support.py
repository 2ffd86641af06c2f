"""Does the text a sentence cites back it? The lexical checks behind the generative verifier.

In: one model-written sentence and the texts of the units it cites (optionally an `aliases`
function: abbreviations, lay words). Out: a `Support` value that says what of the sentence
the cited text lacks. It does not parse citations or decide which units may be cited
(rag/answer/verify.py does both).

A sentence is supported only if its content is in what it cites:
- numbers: every number of the sentence is in the cited text ("85%" against a text without 85);
- negation: what the sentence negates, the cited text negates, and what the cited text
  negates, the sentence does not assert ("No conflict of interest" against "Conflict of
  Interest: None" holds; "There is a conflict of interest" does not);
- contrary qualifiers: the sentence does not say "unresectable", "palliative" or "poorly"
  where the cited text says "resectable", "curative" or "well" (a negating prefix, or a pair
  of the `_CONTRARY` table);
- key terms: every word that names a thing (a treatment, an organ, a condition: words
  English uses rarely, `KEY_TERM_MAX_ZIPF`) is in the cited text, as written, as a
  derivative ("curative" for "cure"), or as another name for it (`aliases`); a substituted
  treatment ("chemotherapy" for "liver surgery") fails here, however many words it keeps;
- together: the key terms of one clause stand in one cited unit, not scattered across
  several ("liver transplantation ... for resectable NELM" citing the sentence about
  resectable NELM and the one about transplantation does not hold);
- share: at least `min_support` of all its content words are in the cited text.
Content words are lowercased, stop words dropped, stemmed by the one stemmer (Snowball),
numbers normalised ("1,000" -> "1000", "50.0" -> "50", "two" -> "2").

What it cannot catch: a sentence that keeps every key term of one cited sentence but changes
their relation ("resectable NELM is the treatment of choice for liver surgery"), or a common
word substituted for another ("heart" is too common in English to count as a key term). It
narrows the model to the cited text; it does not prove entailment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from rag.core.text import CARDINALS, NON_CONTENT_WORDS, fold_spelling, stem, zipf

__all__ = ["DEFAULT_MIN_SUPPORT", "KEY_TERM_MAX_ZIPF", "Support", "check_support", "content_tokens", "is_negated"]

DEFAULT_MIN_SUPPORT = 0.7
# A content word rarer in English than this Zipf frequency (about 1 in 30,000 words) names a
# thing ("liver" 4.2, "lung" 4.1, "chemotherapy" 3.6, "resectable" 1.3) and must be in the
# cited text; commoner ones frame ("patients" 4.9, "treatment" 5.0, "recommended" 4.5) and only
# count towards the share.
KEY_TERM_MAX_ZIPF = 4.5

Aliases = Callable[[str], Sequence[tuple[str, str]]]

_WORD_RE = re.compile(r"[^\W\d_][^\W_]*")
_NUMBER_RE = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)*")
_TOKEN_RE = re.compile(rf"{_NUMBER_RE.pattern}|{_WORD_RE.pattern}")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
# Clauses of a claim that state separate facts: "A is X, and B is Y"; "A is X; B is Y".
_CLAUSE_RE = re.compile(r";|,\s+(?:and|but|while|whereas|or|although)\s+", re.I)
# Where a negation's reach ends: the clause it stands in.
_SCOPE_END_RE = re.compile(r"[,;:.!?]")
_NEGATIONS = frozenset("not no never cannot neither nor without none nothing".split())
_NEGATION_REACH = 4  # content words a negation applies to ("not amenable to repeat resection")
# "one" is left out: it is far more often a pronoun ("one of the options") than a count.
_NUMBER_WORDS = {w: str(n) for w, n in CARDINALS.items() if w != "one"}
# Prefixes that turn a word into its contrary ("resectable" / "unresectable", "non-surgical").
_NEGATING_PREFIXES = ("un", "non", "in", "im", "ir", "il", "dis")
# Qualifiers whose swap reverses a clinical statement, as pairs of words (both directions).
_CONTRARY = (("curative", "palliative"), ("benign", "malignant"), ("well", "poorly"),
             ("increase", "decrease"), ("increased", "decreased"), ("high", "low"), ("higher", "lower"),
             ("early", "late"), ("superior", "inferior"), ("more", "less"), ("major", "minor"),
             ("solitary", "multiple"), ("single", "multiple"), ("unilobar", "bilobar"),
             ("synchronous", "metachronous"), ("limited", "extensive"), ("localized", "diffuse"),
             ("favorable", "poor"), ("safe", "unsafe"), ("effective", "ineffective"))
# Endings Snowball leaves on derivatives of one root: "curat"/"cure", "surgic"/"surgeri", and
# the Greek -asis/-atic alternation ("metastas"/"metastat").
_DERIVATIONAL_END = re.compile(r"(?:at|as|ic|eri|iv|al|e|i|y)$")


@dataclass(frozen=True)
class Support:
    """How far a sentence is backed by the text it cites (see the module docstring)."""

    share: float
    missing_tokens: tuple[str, ...]
    missing_numbers: tuple[str, ...]
    missing_negation: bool  # negates what the cited text does not negate
    dropped_negation: str = ""  # asserts a word the cited text negates
    contrary: tuple[tuple[str, str], ...] = ()  # (its word, the cited text's contrary word)
    missing_terms: tuple[str, ...] = ()  # key terms, as written, absent from the cited text
    scattered: str = ""  # a clause whose key terms no one cited unit holds together

    def holds(self, min_support: float = DEFAULT_MIN_SUPPORT) -> bool:
        return (not self.missing_numbers and not self.missing_negation and not self.dropped_negation
                and not self.contrary and not self.missing_terms and not self.scattered
                and self.share >= min_support)


def content_tokens(text: str) -> frozenset[str]:
    """Distinct content tokens: `"The liver metastases were resected in 2 stages."` ->
    {"liver", "metastas", "resect", "2", "stage"}."""
    return frozenset(token for _, token in _content_words(text))


def is_negated(text: str) -> bool:
    return any(w.casefold() in _NEGATIONS for w in _WORD_RE.findall(_normalise_negations(text)))


def check_support(sentence: str, evidence: str | Sequence[str], aliases: Aliases | None = None) -> Support:
    """Measure how far `evidence` (the cited texts: one string, or one per cited unit) backs
    `sentence`. `aliases(text)` gives (phrase in text, another name for it) pairs."""
    texts = [evidence] if isinstance(evidence, str) else list(evidence)
    aliases = aliases or (lambda text: ())
    per_unit = [_present(text, aliases) for text in texts]
    have = frozenset().union(*per_unit)
    counted = content_tokens(sentence)
    covered = _claimed_aliases(sentence, aliases, have)
    missing = tuple(sorted(t for t in counted - have - covered if not _derived(t, have)))
    joined = " ".join(texts)
    claim_negated, evidence_negated = _negated_tokens(sentence), _negated_tokens(joined)
    # What the sentence negates must be negated in the cited text; a bare "No." needs any negation.
    missing_negation = is_negated(sentence) and not (
        claim_negated & evidence_negated if claim_negated else is_negated(joined))
    dropped = sorted((counted - claim_negated) & evidence_negated)
    return Support(
        share=(len(counted) - len(missing)) / len(counted) if counted else 0.0,
        missing_tokens=missing,
        missing_numbers=tuple(t for t in missing if t[0].isdigit()),
        missing_negation=missing_negation,
        dropped_negation=dropped[0] if dropped else "",
        contrary=_contrary(sentence, joined),
        missing_terms=_missing_terms(sentence, have, aliases),
        scattered=_scattered(sentence, per_unit, have, aliases),
    )


# -- the checks ------------------------------------------------------------------------------

def _present(text: str, aliases: Aliases) -> frozenset[str]:
    """A cited text's tokens plus the tokens of other names for its phrases ("NELM" also
    gives "neuroendocrine liver metastases")."""
    return content_tokens(text) | frozenset(t for _, other in aliases(text) for t in content_tokens(other))


def _claimed_aliases(sentence: str, aliases: Aliases, have: frozenset[str]) -> frozenset[str]:
    """Tokens of the sentence's phrases whose other name the cited text uses."""
    return frozenset(t for found, other in aliases(sentence)
                     if content_tokens(other) and content_tokens(other) <= have for t in content_tokens(found))


def _missing_terms(sentence: str, have: frozenset[str], aliases: Aliases) -> tuple[str, ...]:
    """Key terms of the sentence (as written) that the cited text holds in no form."""
    covered = _claimed_aliases(sentence, aliases, have)
    out = []
    for word, token in _content_words(sentence):
        if _is_key(word, token) and token not in have and token not in covered and not _derived(token, have):
            out.append(word)
    return tuple(dict.fromkeys(out))


def _scattered(sentence: str, per_unit: list[frozenset[str]], have: frozenset[str], aliases: Aliases) -> str:
    """The first clause whose key terms the cited units hold only between them."""
    if len(per_unit) < 2:
        return ""
    def holds(token: str, tokens: frozenset[str], covered: frozenset[str]) -> bool:
        return token in tokens or token in covered or _derived(token, tokens)

    for clause in _CLAUSE_RE.split(sentence):
        covered = _claimed_aliases(clause, aliases, have)
        keys = {token for word, token in _content_words(clause) if _is_key(word, token) and holds(token, have, covered)}
        if len(keys) > 1 and not any(all(holds(k, unit, _claimed_aliases(clause, aliases, unit)) for k in keys)
                                     for unit in per_unit):
            return clause.strip()
    return ""


def _contrary(sentence: str, evidence: str) -> tuple[tuple[str, str], ...]:
    """(word of the sentence, its contrary in the cited text) where the cited text has only the
    contrary: "unresectable" against "resectable", "palliative" against "curative"."""
    their_words = set(_plain_words(evidence))
    their_stems = {_stem_word(w): w for w in their_words}
    out = []
    for word in dict.fromkeys(_plain_words(sentence)):
        mine = _stem_word(word)
        if word in their_words or mine in their_stems:
            continue
        found = next((w for w in _prefix_contraries(word) if w in their_words), None)
        found = found or next((b if a == word else a for a, b in _CONTRARY
                               if word in (a, b) and (b if a == word else a) in their_words), None)
        if found:
            out.append((word, found))
    return tuple(out)


def _prefix_contraries(word: str) -> list[str]:
    """Words that differ from `word` by a negating prefix, either way. The rest must be long
    enough to be a word of its own: "unresectable"/"resectable", "inoperable"/"operable", but
    not "inform"/"form" or "disease"/"ease"."""
    def long_enough(prefix: str, rest: str) -> bool:
        return len(rest) >= (4 if prefix in ("un", "non") else 5)

    out = [word[len(p):] for p in _NEGATING_PREFIXES if word.startswith(p) and long_enough(p, word[len(p):])]
    return out + [p + word for p in _NEGATING_PREFIXES if long_enough(p, word)]


def _negated_tokens(text: str) -> frozenset[str]:
    """Content tokens a negation applies to: the words after it in its clause ("not amenable
    to repeat resection"), or, when none follow, the words before it ("Conflict of Interest: None")."""
    text = _normalise_negations(text)
    out: set[str] = set()
    for m in _WORD_RE.finditer(text):
        if m.group().casefold() not in _NEGATIONS:
            continue
        after = _SCOPE_END_RE.split(text[m.end():], 1)[0]
        reach = [t for _, t in _content_words(after)][:_NEGATION_REACH]
        if not reach:
            before = re.split(r"[;.!?]", text[:m.start()])[-1]
            reach = [t for _, t in _content_words(before)][-_NEGATION_REACH:]
        out.update(reach)
    return frozenset(out)


# -- words -----------------------------------------------------------------------------------

def _content_words(text: str) -> list[tuple[str, str]]:
    """(word as written, its token) for every content word and number of `text`."""
    out = []
    for raw in _TOKEN_RE.findall(_normalise_negations(text)):
        if raw[0].isdigit():
            out.extend((raw, n) for n in _normalise_number(raw))
            continue
        word = raw.casefold()
        if word in _NUMBER_WORDS:
            out.append((raw, _NUMBER_WORDS[word]))
        elif len(word) > 1 and word not in NON_CONTENT_WORDS and word not in _NEGATIONS:
            token = stem(fold_spelling(word))
            if token not in _non_content_stems():  # "discusses" frames as "discuss" does
                out.append((raw, token))
    return out


@lru_cache(maxsize=1)
def _non_content_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in NON_CONTENT_WORDS if len(w) > 3)


def _is_key(word: str, token: str) -> bool:
    """Does the word name a thing? Rare in English, measured on its commonest form (an
    inflection is rarer than its word: "therapies" 3.5, "therapy" 4.5), and not an adverb (a
    manner or degree: "typically", "safely"; the contrary ones, "poorly", are checked by
    `_contrary`)."""
    low = word.casefold()
    if token[0].isdigit() or low.endswith("ly"):
        return False
    forms = [low, token]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    elif low.endswith("s"):
        forms += [low[:-1], low[:-2]]
    return max(zipf(f) for f in forms if f) < KEY_TERM_MAX_ZIPF


def _derived(token: str, have: Iterable[str]) -> bool:
    """Is a token of `have` a derivative of the same root ("curat" of curative, "cure")?"""
    if token[0].isdigit():
        return False
    root = _root(token)
    return len(root) >= 3 and any(_root(other) == root for other in have if other[:1] == token[:1])


def _root(token: str) -> str:
    return _DERIVATIONAL_END.sub("", token)


def _plain_words(text: str) -> list[str]:
    """Lowercased words with a hyphenated negating prefix joined on ("non-surgical" -> "nonsurgical")."""
    text = re.sub(r"\b(non|un)-(?=[^\W\d_])", r"\1", text, flags=re.I)
    return [w.casefold() for w in _WORD_RE.findall(text)]


def _stem_word(word: str) -> str:
    return stem(fold_spelling(word))


def _normalise_number(raw: str) -> list[str]:
    if _THOUSANDS_RE.fullmatch(raw):
        return [raw.replace(",", "")]
    out = []
    for part in raw.split(","):
        if part.count(".") == 1:
            whole, frac = part.split(".")
            frac = frac.rstrip("0")
            part = f"{whole}.{frac}" if frac else whole
        out.append(part)
    return out


def _normalise_negations(text: str) -> str:
    return re.sub(r"n[’']t\b", " not", text)
