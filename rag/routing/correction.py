"""A turn that corrects the one before: "no sorry wait I meant SA not TAE" -> the previous question with
SA for TAE. People retype a term rather than the question; the corrected question is then routed as if
it had been asked, so a correction of a glossary question stays one.
"""

from __future__ import annotations

import re

__all__ = ["corrected"]

# A correction of the previous question: "no sorry wait I meant SA not TAE", "oops, I meant PVL, not PVE".
_CORRECTION = re.compile(r"^(?:(?:no|nope|sorry|oops|wait|actually|erm?|um+)\b[\s,.!]*)*i\s+meant\s+(?P<new>[\w-]+)"
                         r"\s*,?\s*(?:and\s+)?not\s+(?P<old>[\w-]+)\s*[?.!]*\s*$", re.I)


# "sorry, I meant PVL": the one short form of the previous question is the one meant otherwise.
_CORRECTION_ALONE = re.compile(r"^(?:(?:no|nope|sorry|oops|wait|actually|erm?|um+)\b[\s,.!]*)*i\s+meant\s+"
                               r"(?P<new>[A-Za-z-]*[A-Z][A-Za-z-]*[A-Z][A-Za-z-]*)\s*[?.!]*\s*$", re.I)
_SHORT_FORM = re.compile(r"(?<![\w-])[A-Za-z-]*[A-Z][A-Za-z-]*[A-Z][A-Za-z-]*(?![\w-])")


def corrected(question: str, previous: str) -> str:
    """The previous question with the word the correction replaces, or "" when `question` corrects nothing in it."""
    alone = _CORRECTION_ALONE.match(question.strip())
    if alone and not _CORRECTION.match(question.strip()):
        forms = set(_SHORT_FORM.findall(previous))
        if len(forms) != 1:
            return ""
        return re.sub(rf"(?<![\w-]){re.escape(forms.pop())}(?![\w-])", alone.group("new"), previous)
    m = _CORRECTION.match(question.strip())
    if not m or not re.search(rf"(?<![\w-]){re.escape(m.group('old'))}(?![\w-])", previous, re.I):
        return ""
    return re.sub(rf"(?<![\w-]){re.escape(m.group('old'))}(?![\w-])", m.group("new"), previous, flags=re.I)
