"""Question normalisation: what is accepted, and the message for what is not."""

from __future__ import annotations

import pytest

from rag.core.errors import InvalidQuestionError
from rag.core.question import normalise_question


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
