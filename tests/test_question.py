"""Question normalisation: what is accepted, and the message for what is not."""

from __future__ import annotations

import pytest

from rag.core.errors import InvalidQuestionError
from rag.core.question import check_history, normalise_question


@pytest.mark.parametrize("raw, clean", [
    ("  What is   TACE? ", "What is TACE?"),
    ("What\tis\nNELM?", "What is NELM?"),
    ("Cafe\u0301 question", "Café question"),  # NFC: e + combining accent -> é
    ("IFN-α?", "IFN-α?"),
], ids=["spaces", "tabs-newlines", "nfc", "greek"])
def test_text_is_normalised(raw, clean):
    assert normalise_question(raw) == clean


@pytest.mark.parametrize("raw, message", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("x" * 2001, "2001 characters long; the limit is 2000"),
    ("What\x00is this", "control or non-text characters \\(U\\+0000\\)"),
    ("\x1b[31mred", "U\\+001B"),
    ("?!?! ...", "no words"),
    (b"bytes", "must be text, was: bytes"),
    (None, "must be text, was: NoneType"),
], ids=["empty", "whitespace", "too-long", "nul", "escape", "punctuation-only", "bytes", "none"])
def test_invalid_questions_are_rejected_with_the_reason(raw, message):
    with pytest.raises(InvalidQuestionError, match=message):
        normalise_question(raw)


def test_the_length_limit_is_a_parameter():
    assert normalise_question("x" * 10, max_chars=10) == "x" * 10
    with pytest.raises(InvalidQuestionError, match="limit is 9"):
        normalise_question("x" * 10, max_chars=9)


@pytest.mark.parametrize("raw", [
    "What is TACE? 🫨",  # U+1FAE8, Unicode 15: unassigned to Python 3.11's tables
    "What is TACE? \U0001FAE9",  # a code point of an emoji block not yet assigned anywhere
    "Is 👩‍⚕️ advice needed?",  # zero-width joiner sequence (ZWJ is a format character)
    "Flag 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F question",  # tag characters
    "soft\u00adhyphen question",
    "CJK extension \U00031350 question",  # plane 3, assigned in Unicode 15
], ids=["emoji-15", "emoji-block-future", "zwj-sequence", "subdivision-flag", "soft-hyphen", "plane-3"])
def test_printable_characters_of_newer_unicode_versions_are_accepted(raw):
    assert normalise_question(raw)


@pytest.mark.parametrize("raw, code", [
    ("What \u202eis TACE", "U\\+202E"),  # right-to-left override: would show another text
    ("What \u2066is TACE", "U\\+2066"),
    ("What is \ue000 TACE", "U\\+E000"),  # private use
    ("What is \ufdd0 TACE", "U\\+FDD0"),  # noncharacter
    ("What is \U0001FFFF TACE", "U\\+1FFFF"),  # noncharacter at the end of a plane
    ("What is \U00050000 TACE", "U\\+50000"),  # plane 5: assigned in no Unicode version
    ("What is \ud800 TACE", "U\\+D800"),  # a lone surrogate
], ids=["bidi-override", "bidi-isolate", "private-use", "noncharacter", "plane-end", "empty-plane", "surrogate"])
def test_characters_that_are_not_text_are_still_rejected(raw, code):
    with pytest.raises(InvalidQuestionError, match=code):
        normalise_question(raw)


@pytest.mark.parametrize("history, expected", [
    (None, []),
    ([], []),
    (("What is TACE?",), ["What is TACE?"]),
    (["What is TACE?", "   "], ["What is TACE?", "   "]),  # a bad earlier turn is dropped later, by the router
], ids=["none", "empty", "tuple", "list-with-blank"])
def test_history_is_a_list_of_earlier_questions(history, expected):
    assert check_history(history) == expected


@pytest.mark.parametrize("history, message", [
    (5, "was: int"),
    ("What is TACE?", "was: one string \\('What is TACE\\?'\\); pass \\['What is TACE\\?'\\]"),
    (["What is TACE?", 5], "item 1 was: int"),
    ({"q": "What is TACE?"}, "was: dict"),
], ids=["int", "one-string", "int-item", "dict"])
def test_invalid_history_is_the_documented_error(history, message):
    with pytest.raises(InvalidQuestionError, match=message):
        check_history(history)


@pytest.mark.parametrize("history", [5, "What is TACE?"], ids=["int", "one-string"])
def test_rag_ask_rejects_invalid_history_before_loading_anything(tmp_path, history):
    import rag
    from rag.core.settings import Settings

    with pytest.raises(InvalidQuestionError, match="history must be a list"):
        rag.ask("What is TACE?", history=history, settings=Settings(index_dir=tmp_path / "no-index"))
