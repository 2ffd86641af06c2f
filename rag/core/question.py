"""Raw user text -> a clean question, or `InvalidQuestionError` saying what is wrong.

Everything typed (chat, CLI, stdin lines, API) passes through here first, so the rest of the
pipeline only ever sees NFC-normalised text with single spaces and no control characters.
The conversation history passed next to a question is checked here too (`check_history`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rag.core.errors import InvalidQuestionError
from rag.core.text import WRITTEN_STOPS

_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
# Format characters (Cf) that only reorder how text is displayed: an echoed question could show
# a different text from the one that was asked ("Trojan Source", CVE-2021-42574). Other format
# characters stay: the zero-width joiner and tag characters build emoji (👩‍⚕️, subdivision
# flags), the soft hyphen and word joiners are ordinary pasted text.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Planes in which Unicode assigns characters (BMP, SMP, SIP, TIP, SSP). Planes 4-13 hold no
# character in any Unicode version so far; planes 15-16 are private use.
_ASSIGNING_PLANES = frozenset({0, 1, 2, 3, 14})


def unusable_characters(text: str) -> list[str]:
    """The characters of `text` that are not text (as "U+XXXX", sorted, once each).

    Rejected: control characters (Cc) other than tab and line breaks; surrogates (Cs), which are
    not characters and cannot be written out; private-use characters (Co), whose meaning only
    their sender's font knows; bidirectional embedding, override and isolate controls; and code
    points that are unassigned for good: noncharacters (U+FDD0..U+FDEF and every U+xxFFFE/xxFFFF)
    and everything in planes 4-13.

    Accepted although Python may call it unassigned (Cn): any other code point in a plane where
    Unicode assigns characters. Python's `unicodedata` follows the Unicode version of the Python
    release (3.11: Unicode 14), so a newer emoji ("🫨", U+1FAE8, Unicode 15) reads as unassigned
    there; judging it by the plane instead keeps every printable character of newer Unicode
    versions acceptable without waiting for a Python upgrade, while text that is not text is
    still refused.
    """
    if text.isprintable():  # no Cc, Cf, Cs, Co, Cn nor separator but the space: nothing to refuse (the usual case)
        return []
    bad = set()
    for c in text:
        if c in _ALLOWED_CONTROLS:
            continue
        category, point = unicodedata.category(c), ord(c)
        if category in ("Cc", "Cs", "Co") or c in _BIDI_CONTROLS or _never_assigned(point) or (
                category == "Cn" and point >> 16 not in _ASSIGNING_PLANES):
            bad.add(point)
    return [f"U+{p:04X}" for p in sorted(bad)]


def _never_assigned(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def tidy_question(text: str) -> str:
    """Spacing and composed characters made uniform, nothing refused: the routing reads parts of a
    question ("?OLT" once its case is split off) that need not be a valid question on their own."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def normalise_question(text: object, max_chars: int = 2000) -> str:
    if not isinstance(text, str):
        raise InvalidQuestionError(f"A question must be text, was: {type(text).__name__}")
    bad = unusable_characters(text)
    if bad:
        raise InvalidQuestionError(
            f"The question contains control or non-text characters ({', '.join(bad[:5])}); "
            "type or paste plain text")
    clean = tidy_question(text)
    if not clean:
        raise InvalidQuestionError("The question is empty; type a question about the review")
    if len(clean) > max_chars:
        raise InvalidQuestionError(
            f"The question is {len(clean)} characters long; the limit is {max_chars}. Ask a shorter question")
    if not any(c.isalnum() for c in clean):
        raise InvalidQuestionError("The question contains no words; type a question about the review")
    return clean


def check_history(history: Any) -> list[str]:
    """The earlier questions of a conversation as a list, or `InvalidQuestionError`.

    `None` is no history. A single string is refused rather than read as a sequence of
    one-character questions; so is anything that is not a list or tuple of strings. Each
    earlier question is checked again when it is used (the router drops an unusable one), so
    one bad turn does not end a conversation.
    """
    if history is None:
        return []
    if isinstance(history, str):
        raise InvalidQuestionError(
            f"history must be a list of earlier questions, was: one string ({history[:40]!r}); "
            f"pass [{history[:40]!r}]")
    if not isinstance(history, (list, tuple)):
        raise InvalidQuestionError(
            f"history must be a list of earlier questions (strings), was: {type(history).__name__}")
    for i, turn in enumerate(history):
        if not isinstance(turn, str):
            raise InvalidQuestionError(
                f"history must be a list of earlier questions (strings), item {i} was: {type(turn).__name__}")
    return list(history)


# A period that closes an abbreviation ("Dasari et al. (ref 4) report ...", "e.g.", "vs.", "Dr.") ends no sentence.
ABBREVIATED = r"\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in WRITTEN_STOPS) + r")\.(?!$)"
_SENTENCE = re.compile(r"(?:" + ABBREVIATED + r"|[^.?!;])+[.?!;]*", re.I)
# How a sentence that asks opens: a wh-word, an inverted auxiliary, or a request ("tell", "list", "explain").
OPENS_QUESTION = re.compile(r"^\s*(?:who|whom|whose|what|what's|whats|which|when|where|why|how|is|are|was|were|am|do|does|did|"
                            r"can|could|should|would|will|shall|may|might|must|has|have|had|any|tell|explain|define|"
                            r"list|name|give|show|describe)\b", re.I)


def sentences_of(text: str) -> list[str]:
    """`text` cut into its sentences (at ".", "?", "!" and ";", but not after an abbreviation's period)."""
    return [s.group(0) for s in _SENTENCE.finditer(text) if s.group(0).strip()]


def asking_part(text: str) -> str:
    """The sentences that ask (end in "?"), or the last sentence when none does: "CT scan shows
    liver mets. Staging negative. Plan?" asks "Plan?"; "What imaging is needed for a G2 pNET?"
    asks about imaging."""
    sentences = sentences_of(text)
    asked = [s for s in sentences if s.rstrip().endswith("?")]
    return " ".join(asked) if asked else (sentences[-1] if sentences else text)
