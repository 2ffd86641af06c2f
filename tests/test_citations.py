"""The one parser of citation groups in answer text (rag/answer/citations.py).

Each case states the answer as written and the statements it must give: (text without the
citation groups, cited IDs, the statement as written = answer[start:end]). The evaluation's
ALCE splitting (tests/test_metrics.py) and the verifier's sentences (tests/test_generate.py)
are built on these statements.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eval.metrics
from rag.answer import citations
from rag.answer.citations import ID_LIKE_RE, UNIT_ID_RE, parse_statements, split_answer_sentences

ROOT = Path(__file__).resolve().parent.parent


def _parsed(answer, **kwargs):
    return [(s.text, s.ids, answer[s.start:s.end]) for s in parse_statements(answer, **kwargs)]


@pytest.mark.parametrize("answer, expected", [
    pytest.param("Surgery is preferred [abstract-s2]. Next.",
                 [("Surgery is preferred.", ("abstract-s2",), "Surgery is preferred [abstract-s2]."),
                  ("Next.", (), "Next.")], id="group-before-period"),
    pytest.param("Surgery is preferred. [abstract-s2] Next.",
                 [("Surgery is preferred.", ("abstract-s2",), "Surgery is preferred. [abstract-s2]"),
                  ("Next.", (), "Next.")], id="group-after-period"),
    # The period after " ." belongs to the statement the group closes, as without the space.
    pytest.param("Surgery is preferred [abstract-s2] . Next.",
                 [("Surgery is preferred.", ("abstract-s2",), "Surgery is preferred [abstract-s2] ."),
                  ("Next.", (), "Next.")], id="space-before-period"),
    pytest.param("One [abstract-s1][figure-2] [coi; keywords], two.",
                 [("One,", ("abstract-s1", "figure-2", "coi", "keywords"),
                   "One [abstract-s1][figure-2] [coi; keywords],"), ("two.", (), "two.")],
                 id="adjacent-groups-join"),
    pytest.param("One [figure-2] and [figure-2].",
                 [("One", ("figure-2",), "One [figure-2]"), ("and.", ("figure-2",), "and [figure-2].")],
                 id="group-mid-sentence-closes-its-text"),
    # Several sentences before one group stay one statement (quoted references have periods).
    pytest.param("Modlin IM, et al. Lancet Oncol. 2008;9:61-72 [reference-1].",
                 [("Modlin IM, et al. Lancet Oncol. 2008;9:61-72.", ("reference-1",),
                   "Modlin IM, et al. Lancet Oncol. 2008;9:61-72 [reference-1].")], id="sentences-stay-whole"),
    pytest.param("- First [coi]\n\u2022 Second [keywords]\n2. Third\n## Fourth",
                 [("First", ("coi",), "First [coi]"), ("Second", ("keywords",), "Second [keywords]"),
                  ("Third", (), "Third"), ("Fourth", (), "Fourth")], id="bullets-and-lines"),
    pytest.param("First line\r\n[abstract-s1]\r\nSecond",
                 [("First line", ("abstract-s1",), "First line\r\n[abstract-s1]"), ("Second", (), "Second")],
                 id="group-alone-on-a-line-joins-the-one-before"),
    # Nothing before it to close: an empty statement, so the citation is not lost.
    pytest.param("[abstract-s1] [figure-2]. Text.",
                 [("", ("abstract-s1", "figure-2"), "[abstract-s1] [figure-2]."), ("Text.", (), "Text.")],
                 id="opening-groups"),
    pytest.param("Distribution [13] [figure-1].",
                 [("Distribution [13].", ("figure-1",), "Distribution [13] [figure-1].")],
                 id="reference-number-is-text"),
    pytest.param("See [the guide](http://x) [coi].",
                 [("See [the guide](http://x).", ("coi",), "See [the guide](http://x) [coi].")],
                 id="link-is-text"),
    pytest.param("A claim [abstract-s2, Ki-67].", [("A claim [abstract-s2, Ki-67].", (), "A claim [abstract-s2, Ki-67].")],
                 id="every-part-must-be-an-id"),
    pytest.param("", [], id="empty"),
])
def test_parse_statements(answer, expected):
    assert _parsed(answer) == expected


@pytest.mark.parametrize("answer, kwargs, ids", [
    pytest.param("Text [S1].", {}, (), id="unknown-shape-is-text"),
    pytest.param("Text [S1].", {"known_ids": {"S1"}}, ("S1",), id="known-id"),
    pytest.param("Text [doc:S1].", {"known_ids": {"S1"}}, ("doc:S1",), id="known-local-id"),
    pytest.param("Text [abstract-s99].", {}, ("abstract-s99",), id="unit-shape-not-in-index"),
    pytest.param("Text [foo-1].", {}, (), id="id-like-is-text-for-scoring"),
    pytest.param("Text [foo-1].", {"id_shape": ID_LIKE_RE}, ("foo-1",), id="id-like-is-a-citation-for-the-verifier"),
    pytest.param("Text [Ki-67, a].", {"id_shape": ID_LIKE_RE}, ("Ki-67", "a"), id="id-like-group"),
    pytest.param("Text [13].", {"id_shape": ID_LIKE_RE}, (), id="number-is-text-under-both"),
])
def test_what_counts_as_a_citation(answer, kwargs, ids):
    (statement,) = parse_statements(answer, **kwargs)
    assert statement.ids == ids


@pytest.mark.parametrize("name, unit_like, id_like", [
    pytest.param("abstract-s2", True, True, id="unit"),
    pytest.param("machairas2021:abstract-s2", True, True, id="prefixed-unit"),
    pytest.param("2021.x:figure-2", True, True, id="digit-led-key"),
    pytest.param("figure-x", False, True, id="unit-kind-wrong-number"),
    pytest.param("foo-1", False, True, id="made-up"),
    pytest.param("doc:123", False, True, id="key-is-letter-led"),
    pytest.param("13", False, False, id="reference-number"),
    pytest.param("1.5", False, False, id="decimal"),
    pytest.param("1:2", False, False, id="ratio"),
    pytest.param("e.g.", False, False, id="abbreviation"),
    pytest.param("see above", False, False, id="words"),
])
def test_id_shapes(name, unit_like, id_like):
    assert bool(UNIT_ID_RE.match(name)) is unit_like
    assert bool(ID_LIKE_RE.match(name)) is id_like


@pytest.mark.parametrize("answer, expected", [
    pytest.param("[abstract-s1]. Text [coi].", [("Text.", ["coi"])], id="opening-groups-claim-nothing"),
    pytest.param("Text [coi][coi] [coi].", [("Text.", ["coi"])], id="ids-once-each"),
])
def test_split_answer_sentences_is_the_alce_view(answer, expected):
    assert split_answer_sentences(answer) == expected


def test_eval_scores_with_the_product_parser():
    assert eval.metrics.split_answer_sentences is citations.split_answer_sentences


def test_product_parser_does_not_import_eval():
    code = "import sys, rag.answer.verify; print(any(m == 'eval' or m.startswith('eval.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


_PIECES = st.sampled_from(["Liver surgery", " is preferred", ". ", " .", ",", "[abstract-s2]", "[figure-2, coi]",
                           "[foo-1]", "[13]", "[x](http://y)", "\n", "\r\n", "\n- ", "\n2. ", "  ", "[", "]"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=12).map("".join),
       st.sampled_from([UNIT_ID_RE, ID_LIKE_RE]))
def test_statements_are_ordered_spans_that_hold_their_citations(answer, id_shape):
    position = 0
    for statement in parse_statements(answer, id_shape=id_shape):
        assert position <= statement.start <= statement.end <= len(answer)
        written = answer[statement.start:statement.end]
        assert all(uid in written for uid in statement.ids)
        assert statement.text == "" or statement.text[0] == written[0]
        position = statement.end
