"""A model-written answer + the units it may cite -> only the sentences its citations support.

The generative mode lets a chat model phrase the answer, so nothing guarantees that what it
writes is in the review. This module checks each sentence on its own, and keeps it only if:
1. it cites at least one unit, as bracketed IDs (`[abstract-s2]`, `[a] [b]`, `[a][b]`,
   `[a, b]`, or prefixed `[machairas2021:abstract-s2]`), before or after its final period
   (read by `citations.py`, the one parser of citations, which the evaluation uses too);
2. every cited ID is a unit of the index AND was among the retrieved units shown to the model;
3. the cited units' text supports it (below);
4. it holds no link or markup ("[see](javascript:...)", "https://...", "<img ...>"): the
   review's passages hold none, and a link written by a model is never shown;
5. it does not repeat a sentence already kept, and the answer stays within its limits
   (`max_sentences`, `max_chars`).

Support is lexical and approximate, by design (pure Python, no model, explainable in one
line of a report), and lives in rag/answer/support.py: every number, negation, qualifier and
key term of the sentence must be in what it cites, the key terms of a clause in one cited
unit, and most of its other words too. It narrows the model to the retrieved text; it does
not prove entailment.

Fixed sentences (the "does not address this" sentence) are not claims and need no citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, NamedTuple

from rag.answer.citations import ID_LIKE_RE, CitedStatement, parse_statements
from rag.answer.support import DEFAULT_MIN_SUPPORT, Aliases, Support, check_support, content_tokens
from rag.core.errors import ConfigError
from rag.core.text import resolve_unit_id
from rag.core.types import SourceUnit

__all__ = ["DEFAULT_MIN_SUPPORT", "Support", "Verification", "check_support", "content_tokens",
           "split_cited_sentences", "verify_answer"]

# A sentence is finished at a final stop, perhaps inside closing quotes or brackets.
_SENTENCE_END_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
# What str.splitlines breaks at, as citations.py splits lines with it.
_LINE_BREAK_RE = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# A link or markup a model may write: a markdown link or image, a URL with a scheme (javascript:
# and data: included), a bare www. address, an HTML tag.
_LINK_RE = re.compile(r"\]\s*\(|\b[a-z][a-z0-9+.-]{1,20}:(?://|[^\s\d])|\bwww\.|<\s*/?\s*[a-z!]", re.I)


@dataclass(frozen=True)
class Verification:
    """The verdict on every sentence of an answer.

    `kept_sentences` holds (sentence without its citations, resolved cited IDs); `removed`
    holds (sentence as the model wrote it, reason); `text` is the kept sentences rebuilt with
    their citations, e.g. `Liver surgery is the treatment of choice [abstract-s2].`
    """

    kept_sentences: tuple[tuple[str, tuple[str, ...]], ...]
    removed: tuple[tuple[str, str], ...]
    text: str

    @property
    def cited_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for _, ids in self.kept_sentences:
            seen.update(dict.fromkeys(ids))
        return tuple(seen)


def verify_answer(text: str, units: Mapping[str, SourceUnit], allowed_ids: set[str],
                  min_support: float = DEFAULT_MIN_SUPPORT,
                  fixed_sentences: Iterable[str] = (), aliases: Aliases | None = None,
                  max_sentences: int | None = None, max_chars: int | None = None) -> Verification:
    """Keep the sentences of `text` that cite retrieved units which support them.

    `units` is every unit of the index by ID (to tell an unknown ID from one that exists but
    was not retrieved); `allowed_ids` the IDs the model was shown. `fixed_sentences` are kept
    without a citation when a sentence equals one of them (case and final period aside).
    `aliases(text)`: (phrase, another name for it) pairs, such as the glossary's abbreviations,
    so that "NELM" in a sentence is found where the cited text spells it out. A supported
    sentence beyond `max_sentences` kept, or one that would take the text past `max_chars`,
    is removed too: a model that repeats itself 400 times gets no 96,000-character answer.
    """
    if not 0.0 < min_support <= 1.0:
        raise ConfigError(f"min_support must be in (0, 1], was: {min_support}")
    fixed = {_fold(s) for s in fixed_sentences}
    kept: list[tuple[str, tuple[str, ...]]] = []
    rebuilt: list[str] = []
    removed: list[tuple[str, str]] = []
    seen: set[str] = set()
    for original, body, cited in split_cited_sentences(text):
        if _fold(body) in fixed:
            kept.append((body, ()))
            rebuilt.append(body)
            continue
        ids, reason = _resolve_all(cited, units, allowed_ids)
        if reason is None and _LINK_RE.search(body):
            reason = "holds a link or markup, which the passages never do"
        if reason is None and _fold(body) in seen:
            reason = "repeats an earlier sentence"
        if reason is None:
            support = check_support(body, [units[i].text for i in ids], aliases)
            reason = _unsupported_reason(support, min_support)
        if reason is None and max_sentences is not None and len(kept) >= max_sentences:
            reason = f"beyond the answer's limit of {max_sentences} sentences"
        if reason is None and max_chars is not None and \
                len(" ".join(rebuilt + [_with_citations(body, ids)])) > max_chars:
            reason = f"beyond the answer's limit of {max_chars} characters"
        if reason is None:
            seen.add(_fold(body))
            kept.append((body, ids))
            rebuilt.append(_with_citations(body, ids))
        else:
            removed.append((original, reason))
    return Verification(tuple(kept), tuple(removed), " ".join(rebuilt))


def split_cited_sentences(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Split an answer into (sentence as written, sentence without citations, cited IDs).

    Citations are parsed by `citations.py`, the product's one parser, with `ID_LIKE_RE`: any
    ID-shaped group is a citation, so "[foo-1]" is rejected later as no passage of the index
    instead of passing as text. Its statements end at citation groups and line breaks (list
    markers dropped); pysbd then splits each statement into sentences (it knows "et al.",
    decimals, ...), and only the last one gets the statement's citations:
    - "A is B. C is D [a]." -> "A is B." cites nothing (and will be removed), "C is D." cites a;
    - a statement that stops inside a sentence continues into the next one on its line:
      "Surgery [a] is preferred for NELM [b]." is one sentence citing a and b;
    - groups that open the answer cite the sentence after them: "[a] Surgery is preferred."
    """
    import pysbd  # imported here: `import rag.answer.verify` stays cheap

    segmenter = pysbd.Segmenter(language="en", clean=False)
    text = text.replace("**", "")  # markdown bold is not part of a claim
    done: list[_Sentence] = []
    unfinished: _Sentence | None = None  # the last sentence, if a citation group interrupted it
    for statement in parse_statements(text, id_shape=ID_LIKE_RE):
        sentences = _sentences(statement, text, segmenter)
        if unfinished and _LINE_BREAK_RE.search(text, unfinished.start, statement.start):
            done.append(unfinished)  # a line break ends a sentence, as it ends a statement
        elif unfinished:
            sentences[0] = unfinished.then(sentences[0])
        unfinished = None
        if not _SENTENCE_END_RE.search(sentences[-1].body):
            unfinished = sentences.pop()
        done.extend(sentences)
    if unfinished:
        done.append(unfinished)
    # A citation group with no words before or after it claims nothing.
    return [(re.sub(r"\s+", " ", s.original).strip(),
             re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", s.body)).strip(), s.ids)
            for s in done if re.search(r"\w", s.body)]


class _Sentence(NamedTuple):
    """A sentence of `split_cited_sentences`: as written, without citations, its cited IDs,
    and where it starts in the answer."""

    original: str
    body: str
    ids: tuple[str, ...]
    start: int

    def then(self, more: _Sentence) -> _Sentence:
        """This unfinished sentence, continued by `more`."""
        return _Sentence(f"{self.original} {more.original}", f"{self.body} {more.body}",
                         tuple(dict.fromkeys(self.ids + more.ids)), self.start)


def _sentences(statement: CitedStatement, text: str, segmenter: Any) -> list[_Sentence]:
    """The sentences of one statement (of `text`) by pysbd. The last one gets the statement's
    citations, and as written runs to the statement's end, so it keeps its citation groups."""
    starts: list[int] = []
    pos = 0
    for segment in segmenter.segment(statement.text) if statement.text else ():
        sentence = segment.strip()
        found = statement.text.find(sentence, pos)
        if found < 0:  # pysbd changed the text (it can, on odd input): keep the statement whole
            starts = []
            break
        if re.search(r"\w", sentence):  # a stray ")" stays with the sentence before it
            starts.append(found)
        pos = found + len(sentence)
    starts[:1] = [0]
    ends = starts[1:] + [len(statement.text)]
    sentences = [_Sentence(statement.text[a:b], statement.text[a:b], (), statement.start + a)
                 for a, b in zip(starts, ends)]
    last = sentences[-1]
    sentences[-1] = last._replace(original=text[last.start:statement.end], ids=statement.ids)
    return sentences


def _resolve_all(cited: tuple[str, ...], units: Mapping[str, SourceUnit],
                 allowed_ids: set[str]) -> tuple[tuple[str, ...], str | None]:
    if not cited:
        return (), "cites no passage"
    ids = []
    for raw in cited:
        unit_id = resolve_unit_id(raw, units)
        if unit_id is None:
            return (), f"cites [{raw}], which is not a passage of the index"
        if unit_id not in allowed_ids:
            return (), f"cites [{raw}], which was not among the retrieved passages"
        if unit_id not in ids:
            ids.append(unit_id)
    return tuple(ids), None


def _unsupported_reason(support: Support, min_support: float) -> str | None:
    if support.missing_numbers:
        return f"number(s) {', '.join(support.missing_numbers)} not in the cited text"
    if support.missing_negation:
        return "negates a statement the cited text does not negate"
    if support.dropped_negation:
        return f"asserts what the cited text negates ({support.dropped_negation})"
    if support.contrary:
        return "; ".join(f"says {mine} where the cited text says {theirs}" for mine, theirs in support.contrary)
    if support.share < min_support:
        found = round(support.share * 100)
        return (f"only {found}% of its content words are in the cited text (needs "
                f"{round(min_support * 100)}%); missing: {', '.join(support.missing_tokens[:8])}")
    if support.missing_terms:
        return f"names {', '.join(support.missing_terms[:5])}, which the cited text does not"
    if support.scattered:
        return f"joins what the cited passages say apart (\u201c{support.scattered}\u201d)"
    return None


def _with_citations(body: str, ids: tuple[str, ...]) -> str:
    # Space-separated groups: "[a][b]" would be read as a markdown reference link.
    end = body[-1] if body[-1] in ".!?" else "."
    core = body[:-1].rstrip() if body[-1] in ".!?" else body
    return f"{core} {' '.join(f'[{i}]' for i in ids)}{end}"


def _fold(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".!?").strip().casefold()
