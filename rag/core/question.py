"""Raw user text -> a clean question, or `InvalidQuestionError` saying what is wrong.

Everything typed (chat, CLI, stdin lines, API) passes through here first, so the rest of the
pipeline only ever sees NFC-normalised text with single spaces and no control characters.
"""

from __future__ import annotations

import re
import unicodedata

from rag.core.errors import InvalidQuestionError

_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def normalise_question(text: object, max_chars: int = 2000) -> str:
    if not isinstance(text, str):
        raise InvalidQuestionError(f"A question must be text, was: {type(text).__name__}")
    bad = sorted({f"U+{ord(c):04X}" for c in text
                  if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") and c not in _ALLOWED_CONTROLS})
    if bad:
        raise InvalidQuestionError(
            f"The question contains control or non-text characters ({', '.join(bad[:5])}); "
            "type or paste plain text")
    clean = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    if not clean:
        raise InvalidQuestionError("The question is empty; type a question about the review")
    if len(clean) > max_chars:
        raise InvalidQuestionError(
            f"The question is {len(clean)} characters long; the limit is {max_chars}. Ask a shorter question")
    if not any(c.isalnum() for c in clean):
        raise InvalidQuestionError("The question contains no words; type a question about the review")
    return clean
