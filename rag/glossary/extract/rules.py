"""Letter-matching rules: can these words be spelled out by this short form?

In: a short-form candidate ("TACE") and the text that may hold its long form. Out: the best
`Alignment` (where the long form starts and ends, how well it matches, which rule accepted
it) or None. It does not look for candidates in text; rag/glossary/extract/pairs.py does.

The base rule is Schwartz & Hearst's (2003); the letter alignment and its Ab3P-style score
(Sohn et al. 2008) are in rag/glossary/extract/align.py. As in Ab3P, the evidence is split
into named rules (`RULES`), from "every letter opens a word" down to "a gene number has no
counterpart", and each rule is kept, per class of short form, only where its
pseudo-precision is high: the rate at which it still fires when short forms are paired with
the text before a *different* bracket estimates its false positives
(`python -m eval.abbreviations --rules`; the figures are in rules_data.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rag.core.text import ORDINALS, ROMAN
from rag.glossary.extract.align import Alignment, align
from rag.glossary.extract.spelled import short_chars, spells_sign
from rag.glossary.extract.rules_data import MIN_PSEUDO_PRECISION, RULE_ORDER
from rag.glossary.extract.shortform import short_class
from rag.glossary.extract.symbols import DESCRIPTOR, names_symbol

_GREEK_NAME = re.compile(r"(?i)(?<![a-z])(alpha|beta|gamma|delta|epsilon|kappa)(?![a-z])")
# Words that may sit unmatched inside a long form ("signal transducer AND activator OF ...")
# and after which a long form does not go on ("kinase FROM yeast").
_PREPOSITIONS = frozenset("of from in for with on at by to".split())


# A long form ending in "protein" (with an optional numeral: "poly(A)-binding protein I").
_PROTEIN_END = re.compile(r"(?i)\bprotein(?:\s+\w{1,3})?\s*$")

_DESCRIPTORS = re.compile(rf"^(?:{DESCRIPTOR}[-,])+")

RuleOrders = Mapping[str, "tuple[Rule, ...]"]  # class of short form -> rules, tried in turn


@dataclass(frozen=True)
class Rule:
    """One kind of evidence that a text spells a short form out; `claim` is what it says
    about the language."""

    name: str
    claim: str
    find: Callable[[str, str, bool], Alignment | None]


def find_long_form(
    short: str, text: str, anchored: bool = False, orders: RuleOrders | None = None
) -> Alignment | None:
    """The long form of `short` at the end of `text` (from its very start if `anchored`),
    or None: the first rule for the short form's class (`orders`, by default the rules
    kept in rules_data.py, most precise first) that accepts a long form, with its name in
    `Alignment.rule`.
    Unless anchored, a prepositional tail that gives no character is left out:
    "phosphoglycerate kinase from yeast (PGK)" -> "phosphoglycerate kinase"."""
    klass = short_class(short)
    for rule in orders.get(klass, ()) if orders is not None else rule_order(klass):
        found = rule.find(short, text, anchored)
        if found is not None:
            return replace(found, rule=rule.name)
    return None


@lru_cache(maxsize=None)
def rule_order(klass: str) -> tuple[Rule, ...]:
    """The rules kept for a class of short form, in their measured order."""
    by_name = {r.name: r for r in RULES}
    return tuple(by_name[name] for name, pp in RULE_ORDER.get(klass, ()) if pp >= MIN_PSEUDO_PRECISION)


def _aligned(variant: str | None, short: str, text: str, anchored: bool) -> Alignment | None:
    """`variant` of `short` aligned to the end of `text`, its prepositional tail trimmed,
    if the pair passes `long_form_ok`."""
    if not variant:
        return None
    return _extended(_align_cached(variant, text, anchored), short, text, anchored)


def _extended(found: Alignment | None, short: str, text: str, anchored: bool) -> Alignment | None:
    """An alignment run on to the end of `text` unless what follows it is a prepositional
    tail, kept only if the pair passes `long_form_ok`."""
    if found is None:
        return None
    tail = re.match(r"\s+(\w+)", text[found.end :])
    if anchored or not found.trailing or not (tail and tail.group(1) in _PREPOSITIONS):
        found = replace(found, end=len(text))
    return found if long_form_ok(short, text[found.start : found.end]) else None


@lru_cache(maxsize=4096)
def _align_cached(variant: str, text: str, anchored: bool) -> Alignment | None:
    # Several rules read the same alignment; caching it keeps one candidate one alignment.
    return align(variant, text, anchored)


def _initials(short: str, text: str, anchored: bool) -> Alignment | None:
    found = _aligned(short, short, text, anchored)
    return found if found and not found.skipped and found.initials == found.chars else None


def _inner_letters(short: str, text: str, anchored: bool) -> Alignment | None:
    found = _aligned(short, short, text, anchored)
    return found if found and not found.skipped and found.initials < found.chars else None


def _word_left_over(short: str, text: str, anchored: bool) -> Alignment | None:
    found = _aligned(short, short, text, anchored)
    return found if found and found.skipped and 5 * found.initials >= 2 * found.chars else None


def _greek_name(short: str, text: str, anchored: bool) -> Alignment | None:
    greek = _GREEK_NAME.sub(lambda m: m.group()[0], short)
    found = _aligned(greek if greek != short else None, short, text, anchored)
    return found if found and (not found.skipped or 5 * found.initials >= 2 * found.chars) else None


def _plural_or_qualifier(short: str, text: str, anchored: bool) -> Alignment | None:
    plural, qualified = re.fullmatch(r"(.*[A-Z0-9].*[A-Z0-9])s|(.*\w)\([^()]*\)|.*", short).groups()
    core = plural or qualified
    if not core or len(short_chars(core)) < 2:
        return None  # one letter and a subscript ("C(max)") is a parameter, not a name
    found = _aligned(core, short, text, anchored)
    return found if found and (not found.skipped or 5 * found.initials >= 2 * found.chars) else None


def _gene_number(short: str, text: str, anchored: bool) -> Alignment | None:
    core = re.sub(r"\([^()]*\)$", "", short) or short
    return _extended(_numbered(core, text, anchored), short, text, anchored)


# Where a short form's two parts meet: at a hyphen or space ("beta-Pol", "Pol III"), or
# where a capital follows a lower-case letter or stands first before one ("PolD", "HbS",
# "Lsm").
_PARTS = re.compile(r"(?P<a>.+?)[-\s](?P<b>.+)|(?P<c>.*[a-z])(?P<d>[A-Z][a-z]*)|(?P<e>[A-Z])(?P<f>[a-z]+)")


def _reordered(short: str, text: str, anchored: bool) -> Alignment | None:
    parts = _PARTS.fullmatch(short)
    if not parts:
        return None
    first, second = (g for g in parts.groups() if g)
    found = _aligned(second + first, short, text, anchored)
    return found if found and not found.skipped and found.initials >= 2 else None


RULES: tuple[Rule, ...] = (
    Rule("initials", "every character opens a word or a part of one ('GlcNAc', '2A'), and "
         "every content word gives one", _initials),
    Rule("inner-letters", "some characters come from inside words ('Pol' in 'polymerase'), "
         "but every content word gives one", _inner_letters),
    Rule("word-left-over", "a content word gives no character, but at least 40% of the "
         "characters open words", _word_left_over),
    Rule("greek-name", "a spelled-out Greek letter stands for its symbol ('TNF-alpha' for "
         "'... factor α')", _greek_name),
    Rule("plural-or-qualifier", "a plural 's' or a bracketed qualifier has no counterpart "
         "('ESTs', 'PP1(C)')", _plural_or_qualifier),
    Rule("gene-number", "a gene-style number has no counterpart ('Ycf1p' for 'yeast cadmium "
         "factor'); a number written before the long form belongs to it", _gene_number),
    Rule("reordered", "a short form of two parts may name them in the other order ('beta-Pol' "
         "for 'polymerase beta', 'Lsm' for 'Sm-like'), each part opening a word", _reordered),
)


def long_form_ok(short: str, long: str) -> bool:
    """Checks on any pair, after S&H: the long form is longer than the short form, opens
    with a letter or digit (not a bracket), does not hold the short form as a word
    ("H-Ras (Ras)"), has balanced brackets and at most min(|SF| + 5, 2 * |SF|) words, is
    not a symbol beside a symbol ("BELL1 (BEL1)", "Sir2 (Sir2p)") nor a symbol of chemistry or
    measurement beside its name ("zinc (Zn)", "kilodaltons (kDa)": symbols.names_symbol)."""
    if len(long) <= len(short) or long.count("(") != long.count(")") or long[0] in "([":
        return False
    parts = {part.lower() for part in re.split(r"[\s/-]+", long)}
    # A bracketed qualifier is dropped before the comparison, but not a genotype sign:
    # "GATA6-deficient (GATA6(-/-))" spells the sign out as a word of its own.
    if {short.lower(), re.sub(r"\((?![-+]/[-+]\))[^()]*\)$", "", short).lower()} & parts:
        return False
    if len(long.split()) > max_long_words(short) or long.count("[") != long.count("]"):
        return False
    if names_symbol(short, long):
        return False
    # Locants and stereo descriptors open a chemical name without making it a symbol:
    # "3-propanediol", "N-acetylglucosamine", "beta-glucan".
    word = _DESCRIPTORS.sub("", long)
    if len(long.split()) == 1 and not re.fullmatch(r"[A-Za-z][a-z]+", word) and not spells_sign(short, long):
        # One token that is not a plain word: a symbol, unless it spells words out
        # ("K-homology (KH)", "PIN-FORMED").
        runs = [short_chars(run) for run in re.findall(r"[^\W_]+", long)]
        capitals = not re.search(r"[a-z]", long) and len(re.findall(r"[A-Za-z]{3,}", long)) < 2
        core = short_chars(re.sub(r"(?<=[A-Z0-9])s$", "", short))
        if capitals or any(core in run for run in runs):
            return False
    return True


def _ordinal_word(number: str) -> str | None:
    """"2" or "II" -> "second"."""
    value = int(number) if number.isdigit() else ROMAN.get(number.lower())
    return next((w for w, v in ORDINALS.items() if v == value and w.isalpha()), None)


def _numbered(short: str, text: str, anchored: bool) -> Alignment | None:
    """A trailing number (with an optional one-letter suffix: "Ycf1p", "HOT1", "TTF-I") may
    have no counterpart, but then every content word must be matched and at least half the
    other characters must open words or run on from the previous one. The number written
    just before the long form belongs to it ("first transmembrane domain (TMD1)", "type 1
    protein phosphatase (PP1)", "70-kD heat shock protein (Hsp70)", "50% inhibitory ...")."""
    numbered = re.fullmatch(r"(.*?[^\W\d_].*?)-?(\d+)([a-z]?)|(.*?[^\W\d_].*?)-(I{1,3}|IV)()", short)
    if not numbered:
        return None
    core, number, suffix = numbered.group(1, 2, 3) if numbered.group(1) else numbered.group(4, 5, 6)
    if len(short_chars(core)) < 2:
        return None
    # The yeast convention names a gene's protein by a trailing "p" ("Pab1p": the protein of
    # PAB1), which the long form may spell out ("poly(A)-binding protein") or leave out.
    spelled = suffix == "p" and _PROTEIN_END.search(text)
    found = None
    for variant in (core + suffix, core) if spelled else (core,):
        found = _align_cached(variant, text, anchored)
        if found and not found.skipped:
            break
    if (not found or found.skipped) and not anchored:
        # the number may stand inside the long form as a word of its own, which then gives no letter:
        # "mitochondrial 70-kDa heat-shock protein (mhsp70)"; the word is blanked, offsets kept
        blanked = re.sub(rf"(?<!\S){re.escape(number)}(?:-?[A-Za-z]+)?(?!\S)", lambda m: " " * len(m.group()), text)
        if blanked != text:
            found = _align_cached(core, blanked, anchored)
    if not found or found.skipped:
        return None
    if 2 * (found.initials + found.contiguous) < found.chars:
        return None
    if set(re.findall(r"\d+", text[found.start :])) - {number}:
        return None  # other numbers in the long form should have matched the short form
    before = re.search(
        rf"(?i)(?<!\S)(?:(?:type\s+)?{re.escape(number)}(?:%|-\w+)?|{_ordinal_word(number) or '(?!)'})"
        r"\s+$",
        text[: found.start],
    )
    return replace(found, start=before.start()) if before and not anchored else found


def match_long_form(short: str, long: str) -> int | None:
    """Schwartz & Hearst's own right-to-left match, kept as the reference rule: the offset
    in `long` where the shortest long form of `short` starts, else None."""
    s_i, l_i = len(short) - 1, len(long) - 1
    while s_i >= 0:
        ch = short[s_i].lower()
        if not ch.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (
            long[l_i].lower() != ch or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())
        ):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = l_i + 1
    while start > 0 and not long[start - 1].isspace():
        start -= 1
    return start


def max_long_words(short: str) -> int:
    """Schwartz & Hearst's window: at most min(|SF| + 5, 2 * |SF|) words."""
    return min(len(short) + 5, 2 * len(short))

