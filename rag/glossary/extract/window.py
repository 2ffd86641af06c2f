"""Where the words that may hold a "long form (SF)" begin.

In: the text before a bracket and the most words a long form may have. Out: the offset of
the first word the long form may start at, and, where the window stopped at a comma, the
offset it would reach past that comma. It does not align letters (rules.py does).
"""

from __future__ import annotations

import re

from rag.glossary.extract.shortform import CLAUSE_WORDS

_OPEN = "(["
# A bracketed group standing alone ("(ALT),", "[12]") is an earlier definition or a remark;
# one that runs on into a word ("(H+)-ATPase", "(IL)-2") is part of a name.
_GROUP = re.compile(r"[(\[].*[)\]][,;:.]?")


def window_start(text: str, max_words: int, cut: bool = False) -> tuple[int | None, int | None]:
    """At most `max_words` tokens back from the end of `text`, never across a clause end, a
    blank line, a bracketed group standing alone, an unbalanced bracket or a word of clause
    grammar ("is", "which", "called"), nor across a comma unless a number follows it
    ("1, 3-propanediol"). The second value is where the window would start if it went on
    past commas that each follow a one-word item (None if no such comma stopped it): such
    commas join coordinated modifiers ("acute, severe asthma") or the words of a series
    name ("tumor, node, and metastasis"); pairs.resolve takes that wider start only if
    every character then opens a word. `cut`: the first token was cut by a length limit."""
    lo = 0
    paragraph = text.rfind("\n\n")  # a blank line ends any phrase
    if paragraph >= 0:
        lo, cut = paragraph + 2, False
    tokens = list(re.finditer(r"\S+", text[lo:]))
    if cut:
        tokens = tokens[1:]
    start, across, stopped_at_comma = None, None, False
    last = len(tokens) - 1
    for k in range(last, max(-1, last - max_words), -1):
        tok = tokens[k].group()
        if k < last:
            comma = tok.endswith(",") and not tokens[k + 1].group()[0].isdigit()
            if re.search(r"[.;:!?]$", tok):
                break
            # A one-word item of a comma series ("tumor, node, metastasis", "Tumor, Node,
            # and Metastasis"): the window may go on, the alignment must then give initials.
            item = re.fullmatch(r"[A-Za-z][a-z]+(?:-[a-z]+)?,", tok)
            if comma and item:
                stopped_at_comma = True
            elif comma:
                break
        if tok[0] in _OPEN and _GROUP.fullmatch(tok) or not _balanced(tok) or tok in CLAUSE_WORDS:
            break
        if k > 0 and _is_verb_slot([t.group() for t in tokens[max(0, k - 2) : k]]):
            break  # "we measure ...", "able to induce ...": a verb opens no long form
        if stopped_at_comma:
            across = lo + tokens[k].start()
        else:
            start = lo + tokens[k].start()
    return start, across


# After a subject pronoun or a modal, the next word is a verb ("we measured", "may induce");
# so is the word after "to" when "to" follows one of these heads ("able to", "found to").
_VERB_LEADERS = frozenset("we they can could may might will would should must did does do cannot".split())
_INFINITIVE_HEADS = frozenset(
    "able unable order ability failed tried sought aimed designed found shown thought "
    "appear appears appeared seem seems seemed likely unlikely used".split()
)


# "as did cyclic GMP", "than do controls", "nor does X": after these, "do" comes before its
# subject (inversion), so the next word opens a noun phrase. Not so for modals: "as can be seen".
_INVERTING = frozenset("as so than nor neither".split())
_DO = frozenset("did does do".split())


def _is_verb_slot(before: list[str]) -> bool:
    """Is the word after `before` (the one or two tokens preceding it) in a verb's place?"""
    last = before[-1].lower() if before else ""
    if last in _VERB_LEADERS:
        return not (last in _DO and len(before) == 2 and before[0].lower() in _INVERTING)
    return last == "to" and len(before) == 2 and before[0].lower() in _INFINITIVE_HEADS


def _balanced(token: str) -> bool:
    return token.count("(") == token.count(")") and token.count("[") == token.count("]")
