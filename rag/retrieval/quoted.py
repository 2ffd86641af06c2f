"""A question that quotes the text names the passage it quotes.

"What does it mean that transplantation 'should be anchored in' a multidisciplinary strategy?" and
"'propensity for metastasis to the liver' - does it just mean they like to spread there?" copy words of
one sentence between quotation marks: whatever else they say, they ask about that sentence. A quotation
is evidence no rewording weakens, so the unit holding it is named outright, as "Figure 2" names its
caption. Only a quotation of two words or more counts ('RE' names a term, which the glossary answers),
and only where the unit holds it word for word (case and spacing aside).

In: a question and a document's units. Out: the IDs of the units holding a quotation, in text order.
Used by rag/retrieval/structure.py.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

__all__ = ["quoted_units"]

# A quotation between straight or curly quotes, opened after a space or a bracket and closed before
# punctuation or a space ("it's" and "authors'" are apostrophes, not quotes).
_QUOTED = re.compile(r"(?:^|(?<=[\s(\[]))['\"\u2018\u201c]([^'\"\u2019\u201d]{6,200}?)['\"\u2019\u201d](?=[\s?.,!:;)\]-]|$)")


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w-]+", text.casefold()))


def quoted_units(question: str, units: Sequence[Any]) -> list[str]:
    """Units holding, word for word, a quotation of two words or more from `question`."""
    quotes = [_plain(q) for q in _QUOTED.findall(question)]
    quotes = [q for q in quotes if len(q.split()) >= 2]
    if not quotes:
        return []
    return [u.id for u in units if any(f" {q} " in f" {_plain(u.text)} " for q in quotes)]
