"""Answer text with `[unit-id]` citation groups -> statements, each with the IDs that close it.

The one parser of citations in answer text: the evaluation scores citations with it
(`eval/metrics.py`, after ALCE, Gao et al. 2023) and the generative verifier checks them with
it (`verify.py`), so what counts as a citation, and which text it covers, is decided here once.

In: answer text (markdown: bullets, bold, links). Out: `CitedStatement`s in order, each with
its text (citation groups removed), its cited IDs, and where it stands in the input.
The convention (ALCE's): a citation group (`[a]`, adjacent `[a][b]` or `[a] [b]`, `[a, b]`,
`[a; b]`) closes the text before it, and the punctuation right after the group belongs to that
statement, so `Text [abstract-s2].`, `Text [abstract-s2] .` and `Text. [abstract-s2]` are
the same statement.
A line break closes a statement too; text no group closes is a statement citing nothing.
A group with no text of its own joins the statement before it. Several sentences before one
group stay one statement: cutting at every period would split a quoted reference ("Modlin IM,
et al. ... Lancet Oncol. 2008;9:61-72") apart. Groups that open the answer, with nothing before
them to close, come out as one statement with empty text, so no citation the answer holds
is lost: ALCE scoring (`split_answer_sentences`) drops it, as it claims nothing; the verifier
gives its IDs to the sentence that follows, which then must be supported by them too.

What counts as a citation: every part of the bracket has an ID's shape, or is in `known_ids`.
Two shapes, for two purposes:
- `UNIT_ID_RE` (default; the IDs the parser makes): the evaluation scores answers as written,
  and a bracket of the review's own text ("[Ki-67]") must stay text so a verbatim quote
  still matches its unit;
- `ID_LIKE_RE` (anything written like an ID): the verifier is a safety gate, so a model's
  "[foo-1]" must be a citation it can reject, not text that slips through beside a real one.
Under both, "[13]" (a reference number in a caption) and "[here](url)" (a link) are text.

It does not split statements into sentences (the verifier does that, with pysbd), judge
support, or check that an ID exists in the index (`rag.core.text.resolve_unit_id` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Iterable

from rag.core.text import UNIT_ID_RE, local_id

__all__ = ["CitedStatement", "ID_LIKE_RE", "UNIT_ID_RE", "parse_statements", "split_answer_sentences"]

# A name ("abstract-s2", "foo-1"), optionally behind a document key and a colon
# ("machairas2021:abstract-s2"), with a letter first in the key or in the name (the lookahead):
# "[13]", "[1.5]" and "[1:2]" stay text. A superset of UNIT_ID_RE.
ID_LIKE_RE = re.compile(
    r"^(?=[A-Za-z]|[A-Za-z0-9_.-]*:[A-Za-z])(?:[A-Za-z0-9][A-Za-z0-9_.-]*:)?[A-Za-z0-9_-]+$")

_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines breaks at
_BRACKET_RE = re.compile(r"\[([^\[\]]+)\](?!\()")  # "[...]" but not a markdown link "[...](url)"
_BULLET_RE = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)]|#+)\s+")  # "- ", "* ", "• ", "2. ", "1) ", "## "
# The punctuation after a group, a space before it allowed ("Text [a] ." as "Text [a].").
_TRAILING_PUNCT_RE = re.compile(r"(?:\s*[.,;:!?)\]])*")


@dataclass(frozen=True)
class CitedStatement:
    """One statement: `text` without its citation groups, the IDs that close it, in order and
    once each, and `answer[start:end]`, the statement as written, closing groups included.

    Example: in "- Surgery is preferred [abstract-s2]. Next." the first statement is
    text "Surgery is preferred.", ids ("abstract-s2",), start 2, end 37.
    """

    text: str
    ids: tuple[str, ...]
    start: int
    end: int


def parse_statements(answer: str, known_ids: Collection[str] | None = None,
                     id_shape: re.Pattern[str] = UNIT_ID_RE) -> list[CitedStatement]:
    """Split `answer` into cited statements (the convention is in the module docstring).

    `known_ids` extends what counts as a citation: "[S1]" is text unless "S1" is known.
    `id_shape` is `UNIT_ID_RE` (the default) or `ID_LIKE_RE`, see the module docstring.
    """
    statements: list[CitedStatement] = []
    line_start = 0
    for raw_line in answer.splitlines(keepends=True):
        line = raw_line.rstrip(_LINE_ENDS)
        bullet = _BULLET_RE.match(line)
        text_start = bullet.end() if bullet else 0  # where the statement being read begins
        for m in _BRACKET_RE.finditer(line, text_start):
            ids = _citation_ids(m.group(1), known_ids, id_shape)
            if ids is None:
                continue
            end = m.end() + len(_TRAILING_PUNCT_RE.match(line, m.end()).group(0))
            punct = re.sub(r"\s+", "", line[m.end():end])
            pending = line[text_start:m.start()]
            if re.search(r"\w", pending):
                start = line_start + text_start + len(pending) - len(pending.lstrip())
                statements.append(CitedStatement(pending.strip() + punct, _unique(ids), start,
                                                 line_start + end))
            elif statements:  # a group with no text of its own: the statement before gets it
                last = statements[-1]
                statements[-1] = CitedStatement(last.text + punct if last.text else "",
                                                _unique(last.ids + tuple(ids)), last.start,
                                                line_start + end)
            else:  # nothing before it at all: an empty statement, see the module docstring
                statements.append(CitedStatement("", _unique(ids), line_start + m.start(),
                                                 line_start + end))
            text_start = end
        rest = line[text_start:]
        if re.search(r"\w", rest):
            start = line_start + text_start + len(rest) - len(rest.lstrip())
            statements.append(CitedStatement(rest.strip(), (), start, start + len(rest.strip())))
        line_start += len(raw_line)
    return statements


def split_answer_sentences(markdown_answer: str,
                           known_ids: Collection[str] | None = None) -> list[tuple[str, list[str]]]:
    """`parse_statements` as (statement, cited unit IDs) pairs, the shape ALCE scoring takes.

    Example: "Surgery is preferred. [abstract-s2] Figure 2 is an algorithm [figure-2][keywords]."
    -> [("Surgery is preferred.", ["abstract-s2"]),
        ("Figure 2 is an algorithm.", ["figure-2", "keywords"])].
    """
    return [(s.text, list(s.ids)) for s in parse_statements(markdown_answer, known_ids) if s.text]


def _citation_ids(inner: str, known_ids: Collection[str] | None,
                  id_shape: re.Pattern[str]) -> list[str] | None:
    """"figure-2, keywords" -> ["figure-2", "keywords"]; None if the bracket is not a citation.

    An ID of the right shape that the index lacks still counts, so a made-up citation is
    scored (as supporting nothing) or rejected by the verifier, instead of vanishing.
    """
    parts = [p.strip() for p in re.split(r"[,;]", inner)]
    known = known_ids or ()
    if all(p and (id_shape.match(p) or p in known or local_id(p) in known) for p in parts):
        return parts
    return None


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
