"""Is a question written in a language other than English? Cheap, and silent when unsure.

In: a question and the review's own vocabulary (`review_vocabulary`, the lower-cased words of its
units and glossary). Out: `detect_language(question, vocabulary)`, a `LanguageGuess` naming the
language (or script) with a notice that questions are read in English, or None.

Two signals, each a fact about writing systems or about languages, not about any question:

- script: most letters of the question belong to one non-Latin script (Unicode character
  names: GREEK, CYRILLIC, HANGUL, ...). A Greek letter inside "IFN-α" is one letter of many.
- Latin-script languages: a word "belongs" to language L when wordfreq counts it as a real
  word of L (Zipf >= 3, about once per million words) at least ten times more common in L
  than in English (one Zipf unit). "qué", "tratamiento", "hígado" belong to Spanish; "in",
  "is", "a" belong to nobody; a typo such as "transplantaton" belongs to no language at
  all, so misspelt English is never mistaken for another language. The review's own words
  ("TACE", "resectable") never count for another language. A question is flagged when at
  least two of its words, and at least half of all its words, belong to the same language.

It never changes the question or its route: the caller shows the notice next to the answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

# Latin-script languages checked by word frequency; each check is one dictionary lookup.
_LATIN_LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese",
                    "nl": "Dutch"}
# Script (first word of the Unicode character name) -> what to call it. A script used by one
# language names the language; one shared by several names the script.
_SCRIPTS = {"GREEK": ("Greek", "el"), "CYRILLIC": ("Cyrillic script", None), "ARABIC": ("Arabic script", None),
            "HEBREW": ("Hebrew", None), "HANGUL": ("Korean", None), "HIRAGANA": ("Japanese", None),
            "KATAKANA": ("Japanese", None), "CJK": ("Chinese characters", None), "DEVANAGARI": ("Devanagari script", None),
            "THAI": ("Thai", None), "ARMENIAN": ("Armenian", None), "GEORGIAN": ("Georgian", None),
            "BENGALI": ("Bengali", None), "TAMIL": ("Tamil", None)}
# The notice in the asker's language, where we can say it (written for this project).
_LOCAL_NOTICE = {
    "el": "Οι ερωτήσεις διαβάζονται στα αγγλικά· παρακαλούμε γράψτε την ερώτηση στα αγγλικά.",
    "es": "Las preguntas se leen en inglés; por favor, escriba su pregunta en inglés.",
    "fr": "Les questions sont lues en anglais ; merci de poser votre question en anglais.",
    "de": "Fragen werden auf Englisch gelesen; bitte stellen Sie Ihre Frage auf Englisch.",
    "it": "Le domande vengono lette in inglese; per favore, scriva la domanda in inglese.",
    "pt": "As perguntas são lidas em inglês; por favor, escreva a sua pergunta em inglês.",
    "nl": "Vragen worden in het Engels gelezen; stel uw vraag alstublieft in het Engels.",
}
_REAL_WORD_ZIPF = 3.0  # once per million words: a word of the language, not a loan or a name
_LEAD_ZIPF = 1.0  # ten times more common than in English
_MIN_WORDS = 2
_MIN_SHARE = 0.5
_MIN_SCRIPT_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageGuess:
    """What a question seems to be written in, and what to tell the asker."""

    language: str  # "Spanish", "Greek", "Cyrillic script", ...
    code: str | None  # ISO 639-1 where the language is known
    notice: str


def review_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lower-cased words of the review's texts (units, glossary forms)."""
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text))


def load_word_lists() -> None:
    """Load wordfreq's lists for every language checked (about a second, once per process), so
    the first question does not pay for it."""
    from wordfreq import zipf_frequency

    for code in ("en", *_LATIN_LANGUAGES):
        zipf_frequency("a", code)


def detect_language(question: str, vocabulary: frozenset[str] = frozenset()) -> LanguageGuess | None:
    """The question's language when it is clearly not English (see the module docstring), else None."""
    found = _by_script(question)
    if found is None:
        found = _by_words(question, vocabulary)
    if found is None:
        return None
    language, code = found
    notice = (f"This question looks like {language}. Questions are read in English: the review's text is "
              "English, so a question in another language is not matched to it. Please ask in English.")
    local = _LOCAL_NOTICE.get(code or "")
    return LanguageGuess(language, code, f"{notice} {local}" if local else notice)


def _by_script(question: str) -> tuple[str, str | None] | None:
    counts: dict[str, int] = {}
    letters = 0
    for char in question:
        if not char.isalpha():
            continue
        letters += 1
        script = unicodedata.name(char, "").split(" ")[0]
        if script in _SCRIPTS:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda kv: kv[1])
    return _SCRIPTS[script] if count / letters >= _MIN_SCRIPT_SHARE else None


def _by_words(question: str, vocabulary: frozenset[str]) -> tuple[str, str | None] | None:
    from wordfreq import zipf_frequency

    words = [m.lower() for m in _WORD.findall(question)]
    belongs: dict[str, int] = {}
    for word in (w for w in words if w not in vocabulary):
        english = zipf_frequency(word, "en")
        for code in _LATIN_LANGUAGES:
            there = zipf_frequency(word, code)
            if there >= _REAL_WORD_ZIPF and there - english >= _LEAD_ZIPF:
                belongs[code] = belongs.get(code, 0) + 1
    if not belongs:
        return None
    code, count = max(belongs.items(), key=lambda kv: kv[1])
    if count >= _MIN_WORDS and count / len(words) >= _MIN_SHARE:
        return _LATIN_LANGUAGES[code], code
    return None


__all__ = ["LanguageGuess", "detect_language", "load_word_lists", "review_vocabulary"]
