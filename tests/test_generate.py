"""The generative mode and its verifier, with LangChain's fake chat models over the real review units.

A fake model returns a fixed text, so each test states exactly what the "model" wrote and what
must survive verification: faithful sentences are kept, a hallucinated number, a citation of a
unit that was not retrieved, and uncited text are removed and reported, and a failing model
falls back (ok False) with a notice instead of raising.
"""

from __future__ import annotations

import re
import subprocess
import threading
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from ingest.parse import parse_pubmed_page
from rag.core.errors import ConfigError
from rag.answer.generate import NO_ANSWER, GeneratedAnswer, generate_answer, load_chat_model
from rag.answer.verify import check_support, content_tokens, split_cited_sentences, verify_answer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "machairas2021_nelm_review_pubmed.txt"
RETRIEVED = ("abstract-s2", "abstract-s3", "abstract-s4", "abstract-s5")


@pytest.fixture(scope="module")
def units():
    return {u.id: u for u in parse_pubmed_page(SEED).units}


@pytest.fixture(scope="module")
def retrieved(units):
    return [units[i] for i in RETRIEVED]


def _ask(text, units, retrieved, question="What is the role of surgery for NELM?"):
    return generate_answer(question, retrieved, FakeListChatModel(responses=[text]), units)


# --- support on hand-computed examples ------------------------------------------------------

@pytest.mark.parametrize("sentence, unit_id, share, missing_numbers", [
    # {liver, surgery, treatment, choice, resectable, nelm}: all six are in abstract-s2 -> 6/6.
    pytest.param("Liver surgery is the treatment of choice for resectable NELM.", "abstract-s2",
                 1.0, (), id="verbatim-claim"),
    # {liver, surgery, cure ("cures"), patient ("patients"), nelm}: "patient" is not in
    # abstract-s2, "cure" is ("intention to cure") -> 4/5 = 0.8. The documented limit of a
    # lexical check: the words are there, the relation is not.
    pytest.param("Liver surgery cures all patients with NELM.", "abstract-s2", 0.8, (),
                 id="reused-words-pass-lexically"),
    # {ablation, embolization, option, nelm}: the keywords hold ablation and embolization -> 2/4.
    pytest.param("Ablation and embolization are options for NELM.", "keywords", 0.5, (),
                 id="half-supported"),
    # {2 ("two"), stage, liver, resection, performed, safely}: abstract-s4 says "2-stage ...
    # liver resections are performed safely" -> 6/6.
    pytest.param("Two-stage liver resections are performed safely.", "abstract-s4", 1.0, (),
                 id="number-word-and-plural"),
    # {resect, achiev, 60, 5 ("five"), year, surviv}: abstract-s2 holds "resectable" (the one
    # stemmer, Snowball, gives it the stem of "resection") and "survival" -> 2/6; 5 and 60 are
    # missing numbers, which fail the sentence whatever the share.
    pytest.param("Resection achieves 60% five-year survival.", "abstract-s2", 2 / 6, ("5", "60"),
                 id="hallucinated-figures"),
    # Only stopwords: nothing to check, so no support.
    pytest.param("It is what it is.", "abstract-s2", 0.0, (), id="no-content-words"),
])
def test_support_share_matches_hand_count(units, sentence, unit_id, share, missing_numbers):
    support = check_support(sentence, units[unit_id].text)
    assert support.share == pytest.approx(share)
    assert support.missing_numbers == missing_numbers


@pytest.mark.parametrize("text, expected", [
    pytest.param("The liver metastases were resected in 2 stages.",
                 {"liver", "metastas", "resect", "2", "stage"}, id="stopwords-and-plurals"),
    pytest.param("metastasis", {"metastas"}, id="greek-singular-meets-plural"),
    pytest.param("therapies therapy approaches status", {"therapi", "approach", "status"}, id="plural-rules"),
    pytest.param("1,000 patients; 50.0% and 0.50", {"1000", "patient", "50", "0.5"}, id="number-forms"),
    pytest.param("G1/G2 NEN, Ki-67", {"g1", "g2", "nen", "ki", "67"}, id="grades-are-words"),
    pytest.param("not never without", set(), id="negations-are-checked-apart"),
])
def test_content_tokens(text, expected):
    assert content_tokens(text) == expected


@pytest.mark.parametrize("sentence, evidence, negation_missing", [
    pytest.param("Surgery is not indicated.", "Surgery is indicated.", True, id="invented-negation"),
    pytest.param("Surgery isn't indicated.", "Surgery is indicated.", True, id="contraction"),
    pytest.param("No conflict of interest was declared.", "Conflict of Interest: None", False,
                 id="both-negated"),
    pytest.param("Surgery is indicated.", "Surgery is indicated.", False, id="neither-negated"),
])
def test_negation_must_be_in_cited_text(sentence, evidence, negation_missing):
    assert check_support(sentence, evidence).missing_negation is negation_missing


# --- sentence and citation parsing ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    pytest.param("A is B [abstract-s2]. C is D [keywords].",
                 [("A is B.", ("abstract-s2",)), ("C is D.", ("keywords",))], id="before-period"),
    pytest.param("A is B. [abstract-s2] C is D. [keywords]",
                 [("A is B.", ("abstract-s2",)), ("C is D.", ("keywords",))], id="after-period"),
    pytest.param("A is B [a][b]. C [c, d; e].",
                 [("A is B.", ("a", "b")), ("C.", ("c", "d", "e"))], id="several-per-sentence"),
    pytest.param("A is B [machairas2021:abstract-s2].",
                 [("A is B.", ("machairas2021:abstract-s2",))], id="prefixed-id"),
    pytest.param("Machairas et al. wrote it in 2021 [citation].",
                 [("Machairas et al. wrote it in 2021.", ("citation",))], id="et-al-is-not-an-end"),
    pytest.param("Types of distribution [13] [figure-1].",
                 [("Types of distribution [13].", ("figure-1",))], id="numeric-bracket-is-text"),
    pytest.param("See [here](http://x.org) [a].", [("See [here](http://x.org).", ("a",))],
                 id="markdown-link-is-text"),
    pytest.param("- First point [a].\n2. Second point [b].",
                 [("First point.", ("a",)), ("Second point.", ("b",))], id="list-markers-dropped"),
    pytest.param("Uncited claim.", [("Uncited claim.", ())], id="no-citation"),
    # The statements come from rag/answer/citations.py; pysbd splits them into sentences and
    # only the sentence a group closes cites it.
    pytest.param("Liver surgery is the treatment of choice. Transplantation is restricted [a].",
                 [("Liver surgery is the treatment of choice.", ()), ("Transplantation is restricted.", ("a",))],
                 id="group-cites-only-the-sentence-it-closes"),
    pytest.param("Surgery [a] is preferred for NELM [b].", [("Surgery is preferred for NELM.", ("a", "b"))],
                 id="group-inside-a-sentence"),
    pytest.param("Surgery [a], or ablation [b]. Next claim [c]",
                 [("Surgery, or ablation.", ("a", "b")), ("Next claim", ("c",))], id="group-before-comma"),
    pytest.param("Surgery [a] is preferred\nfor NELM [b].",
                 [("Surgery is preferred", ("a",)), ("for NELM.", ("b",))], id="line-break-ends-a-sentence"),
    pytest.param("Surgery is preferred\n[a]\nAblation [b].",
                 [("Surgery is preferred", ("a",)), ("Ablation.", ("b",))], id="group-alone-on-a-line"),
    pytest.param("A is B [a] . C is D [b].", [("A is B.", ("a",)), ("C is D.", ("b",))],
                 id="space-before-period"),
    pytest.param("[a] Surgery is preferred. Ablation [b].",
                 [("Surgery is preferred.", ("a",)), ("Ablation.", ("b",))], id="opening-group-cites-what-follows"),
    pytest.param("[a]\nSurgery is preferred.", [("Surgery is preferred.", ())], id="opening-line-of-groups-cites-nothing"),
    pytest.param("Surgery is preferred [foo-1].", [("Surgery is preferred.", ("foo-1",))],
                 id="id-shaped-group-is-a-citation"),
    pytest.param("A 1:2 ratio [1:2] holds [a].", [("A 1:2 ratio [1:2] holds.", ("a",))], id="ratio-is-text"),
    pytest.param("**TACE** is an option [figure-2].", [("TACE is an option.", ("figure-2",))], id="bold-dropped"),
])
def test_split_cited_sentences(text, expected):
    assert [(body, ids) for _, body, ids in split_cited_sentences(text)] == expected


def test_split_cited_sentences_keeps_each_sentence_as_written():
    text = "- Surgery [a] is preferred [b]. Liver surgery is the treatment of choice. Ablation. [c]"
    assert [original for original, _, _ in split_cited_sentences(text)] == [
        "Surgery [a] is preferred [b].", "Liver surgery is the treatment of choice.", "Ablation. [c]"]


# --- the verifier ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, reason", [
    pytest.param("Liver surgery is the treatment of choice for resectable NELM.", "cites no passage",
                 id="uncited"),
    pytest.param("Liver surgery is the treatment of choice [abstract-s9].", "not a passage of the index",
                 id="unknown-id"),
    pytest.param("Liver surgery is the treatment of choice [foo-1].", "cites \\[foo-1\\], which is not a passage",
                 id="id-shaped-but-not-a-unit"),
    pytest.param("Liver surgery [abstract-s2] is the treatment of choice [figure-2].",
                 "cites \\[figure-2\\], which was not among", id="every-group-of-the-sentence-counts"),
    pytest.param("[figure-2] Liver surgery is the treatment of choice [abstract-s2].",
                 "cites \\[figure-2\\], which was not among", id="opening-group-counts"),
    pytest.param("Ablation is one of the keywords [keywords].", "not among the retrieved passages",
                 id="not-retrieved"),
    pytest.param("Liver surgery is the treatment of choice in 85% of cases [abstract-s2].",
                 "number\\(s\\) 85 not in the cited text", id="hallucinated-number"),
    pytest.param("Liver surgery is not the treatment of choice for NELM [abstract-s2].",
                 "negates a statement", id="flipped-meaning"),
    pytest.param("Chemotherapy doubles overall survival in pancreatic tumours [abstract-s2].",
                 "only 20% of its content words", id="unsupported-words"),
])
def test_verifier_removes_with_reason(units, sentence, reason):
    result = verify_answer(sentence, units, set(RETRIEVED))
    assert result.kept_sentences == () and result.text == ""
    assert len(result.removed) == 1
    assert result.removed[0][0] == sentence
    assert re.search(reason, result.removed[0][1])


@pytest.mark.parametrize("text, kept, reasons", [
    pytest.param("Liver transplantation cures every patient. Liver surgery is the treatment of choice "
                 "for resectable NELM [abstract-s2].",
                 ["Liver surgery is the treatment of choice for resectable NELM."], ["cites no passage"],
                 id="uncited-sentence-before-a-cited-one"),
    pytest.param("Liver surgery is the treatment of choice for resectable NELM [abstract-s2]. "
                 "It cures every patient with 74% survival.",
                 ["Liver surgery is the treatment of choice for resectable NELM."], ["cites no passage"],
                 id="uncited-sentence-after-a-cited-one"),
    pytest.param("Liver surgery is the treatment of choice [abstract-s2] [foo-1].", [],
                 ["cites [foo-1], which is not a passage of the index"], id="one-bad-id-sinks-the-sentence"),
])
def test_verifier_judges_each_sentence(units, text, kept, reasons):
    result = verify_answer(text, units, set(RETRIEVED))
    assert [body for body, _ in result.kept_sentences] == kept
    assert [reason for _, reason in result.removed] == reasons


def test_verifier_rebuilds_kept_sentences_with_citations(units):
    text = ("Liver surgery with curative intent is the treatment of choice for resectable NELM. "
            "[abstract-s2] Liver transplantation should be restricted to highly selected "
            "cases [abstract-s5][abstract-s4].")
    result = verify_answer(text, units, set(RETRIEVED))
    assert result.removed == ()
    assert result.text == (
        "Liver surgery with curative intent is the treatment of choice for resectable NELM "
        "[abstract-s2]. Liver transplantation should be restricted to highly selected cases "
        "[abstract-s5] [abstract-s4].")
    assert result.cited_ids == ("abstract-s2", "abstract-s5", "abstract-s4")


@pytest.mark.parametrize("cited, keys, expected", [
    pytest.param("abstract-s2", "prefixed", "machairas2021:abstract-s2", id="missing-prefix"),
    pytest.param("machairas2021:abstract-s2", "bare", "abstract-s2", id="extra-prefix"),
    pytest.param("other2020:abstract-s2", "bare", None, id="wrong-document"),
])
def test_verifier_resolves_document_prefix_when_unambiguous(units, cited, keys, expected):
    index = ({f"machairas2021:{k}": u for k, u in units.items()} if keys == "prefixed" else units)
    allowed = set(index)
    result = verify_answer(f"Liver surgery is the treatment of choice [{cited}].", index, allowed)
    assert [ids for _, ids in result.kept_sentences] == ([(expected,)] if expected else [])


def test_verifier_keeps_fixed_sentence_without_citation(units):
    result = verify_answer(NO_ANSWER, units, set(RETRIEVED), fixed_sentences=[NO_ANSWER])
    assert result.kept_sentences == ((NO_ANSWER, ()),)


@pytest.mark.parametrize("min_support", [0.0, 1.5, -1], ids=["zero", "above-one", "negative"])
def test_verifier_rejects_bad_threshold(units, min_support):
    with pytest.raises(ConfigError, match=f"min_support must be in \\(0, 1\\], was: {min_support}"):
        verify_answer("x [abstract-s2].", units, set(RETRIEVED), min_support=min_support)


def test_threshold_is_a_parameter(units):
    # "Liver surgery cures all patients with NELM." has share 0.8 (see above).
    sentence = "Liver surgery cures all patients with NELM [abstract-s2]."
    assert verify_answer(sentence, units, set(RETRIEVED), min_support=0.8).kept_sentences
    assert not verify_answer(sentence, units, set(RETRIEVED), min_support=0.9).kept_sentences


# --- the generative mode with fake chat models ------------------------------------------------

FAITHFUL = (
    "Liver surgery with the intention to cure is the treatment of choice for resectable NELM "
    "[abstract-s2]. Surgical resection is indicated for NELM from well-differentiated NEN, and "
    "its feasibility depends on the degree of liver involvement [abstract-s3]. Complex 1- and "
    "2-stage or repeat liver resections are performed safely by experienced surgeons. [abstract-s4]"
)


def test_faithful_model_is_kept(units, retrieved):
    result = _ask(FAITHFUL, units, retrieved)
    assert result.ok and not result.abstained
    assert result.removed == () and result.notice == ""
    assert result.cited_ids == ("abstract-s2", "abstract-s3", "abstract-s4")
    assert result.text.count("[abstract-") == 3


def test_hallucinated_number_is_removed_and_reported(units, retrieved):
    invented = "After liver resection, 5-year overall survival reaches 74% [abstract-s2]."
    result = _ask(f"{FAITHFUL} {invented}", units, retrieved)
    assert result.ok
    assert "74" not in result.text
    assert result.removed == ((invented, "number(s) 5, 74 not in the cited text"),)
    assert result.notice == "1 unsupported sentence was removed from the generated answer"


def test_citation_of_unretrieved_unit_is_removed(units, retrieved):
    # figure-2 exists and supports the sentence, but the model was not shown it.
    outside = "Treatment options include transarterial chemoembolization [figure-2]."
    result = _ask(f"{FAITHFUL} {outside}", units, retrieved)
    assert result.ok and "figure-2" not in result.text and "figure-2" not in result.cited_ids
    assert result.removed == ((outside, "cites [figure-2], which was not among the retrieved passages"),)


def test_uncited_answer_falls_back(units, retrieved):
    uncited = ("Liver surgery is the treatment of choice for resectable NELM. "
               "Liver transplantation is restricted to highly selected cases.")
    result = _ask(uncited, units, retrieved)
    assert not result.ok and result.text == "" and result.cited_ids == ()
    assert [reason for _, reason in result.removed] == ["cites no passage"] * 2
    assert result.notice == ("Generative answer unavailable: none of the model's 2 sentences was "
                             "supported by the passages it cited; showing the extractive answer.")


class _BrokenModel(FakeListChatModel):
    """Stands for an unreachable endpoint: every call fails."""

    def _call(self, *args, **kwargs):
        raise ConnectionError("connection refused: localhost:11434")


@pytest.mark.parametrize("model, notice", [
    pytest.param(_BrokenModel(responses=["unused"]),
                 "the generative model failed (ConnectionError: connection refused", id="connection"),
    pytest.param(GenericFakeChatModel(messages=iter([])), "the generative model failed (StopIteration",
                 id="exhausted"),
    pytest.param(FakeListChatModel(responses=["   "]), "returned an empty answer", id="empty"),
])
def test_failing_model_falls_back_with_notice(units, retrieved, model, notice):
    result = generate_answer("What is the role of surgery?", retrieved, model, units)
    assert result == GeneratedAnswer("", (), (), result.notice, False)
    assert notice in result.notice and result.notice.endswith("showing the extractive answer.")


def test_model_refusal_is_an_abstention(units, retrieved):
    result = _ask(NO_ANSWER, units, retrieved, question="What is the 5-year survival after OLT?")
    assert result.ok and result.abstained and result.text == NO_ANSWER and result.cited_ids == ()


def test_generic_fake_model_and_reasoning_block(units, retrieved):
    message = AIMessage(content=f"<think>Passage abstract-s2 says 90% are cured.</think>{FAITHFUL}")
    model = GenericFakeChatModel(messages=iter([message]))
    result = generate_answer("What is the role of surgery?", retrieved, model, units)
    assert result.ok and result.removed == () and "think" not in result.text


def test_no_retrieved_units_does_not_call_the_model(units):
    result = generate_answer("Anything?", [], _BrokenModel(responses=["unused"]), units)
    assert not result.ok and "no passages were retrieved" in result.notice


class _RecordingModel(FakeListChatModel):
    seen: list = []

    def _call(self, messages, *args, **kwargs):
        self.seen.append(messages)
        return super()._call(messages, *args, **kwargs)


def test_prompt_shows_only_retrieved_units_with_their_ids(units, retrieved):
    model = _RecordingModel(responses=[FAITHFUL], seen=[])
    generate_answer("What is the role of surgery?", retrieved, model, units)
    (system, human), = model.seen
    assert "ONLY" in system.content and NO_ANSWER in system.content
    for unit_id in RETRIEVED:
        assert f"[{unit_id}] ({units[unit_id].label}) {units[unit_id].text}" in human.content
    assert "[figure-2]" not in human.content
    assert human.content.endswith("Question: What is the role of surgery?")


# --- loading a model from its spec ------------------------------------------------------------

@pytest.mark.parametrize("spec, message", [
    pytest.param("", "spec is empty; set NELM_GENERATIVE_MODEL", id="empty"),
    pytest.param("ollama:", "'ollama:' names no model", id="no-model"),
])
def test_load_chat_model_rejects_bad_spec(spec, message):
    with pytest.raises(ConfigError, match=message):
        load_chat_model(spec)


def test_load_chat_model_without_langchain_names_the_packages(monkeypatch):
    monkeypatch.setitem(sys.modules, "langchain", None)
    with pytest.raises(ConfigError, match="pip install langchain langchain-ollama"):
        load_chat_model("ollama:llama3.1")


def _install_fake_langchain(monkeypatch, init_chat_model):
    """Stand in for the optional `langchain` package (not installed by requirements.txt)."""
    package = types.ModuleType("langchain")
    package.chat_models = types.SimpleNamespace(init_chat_model=init_chat_model)
    monkeypatch.setitem(sys.modules, "langchain", package)
    monkeypatch.setitem(sys.modules, "langchain.chat_models", package.chat_models)


def test_load_chat_model_passes_provider_and_model(monkeypatch):
    calls = []

    def fake_init_chat_model(model, **kwargs):
        calls.append((model, kwargs))
        return FakeListChatModel(responses=["ok"])

    _install_fake_langchain(monkeypatch, fake_init_chat_model)
    model = load_chat_model("ollama:llama3.1:8b")
    assert isinstance(model, FakeListChatModel)
    assert calls == [("llama3.1:8b", {"model_provider": "ollama", "temperature": 0})]


@pytest.mark.parametrize("error, message", [
    pytest.param(ImportError("Unable to import langchain_ollama"), "pip install langchain-ollama",
                 id="provider-package-missing"),
    pytest.param(ValueError("Unsupported model_provider='olama'"), "'ollama:llama3.1' is not usable",
                 id="unknown-provider"),
])
def test_load_chat_model_wraps_init_errors(monkeypatch, error, message):
    def failing_init_chat_model(model, **kwargs):
        raise error

    _install_fake_langchain(monkeypatch, failing_init_chat_model)
    with pytest.raises(ConfigError, match=message):
        load_chat_model("ollama:llama3.1")


def test_importing_generate_does_not_import_langchain():
    code = "import sys, rag.answer.generate; print('langchain_core' in sys.modules, 'pysbd' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]



_FRAGMENTS = st.sampled_from(["Liver surgery", " is the treatment of choice", " not", " 74%", "[abstract-s2]",
                              "[figure-2]", "[abstract-s3, abstract-s9]", "[13]", ". ", "\n- ", " et al.", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=20), max_size=12).map("".join))
def test_verifier_never_raises_and_keeps_only_allowed_citations(units, text):
    result = verify_answer(text, units, set(RETRIEVED))
    for _, ids in result.kept_sentences:
        assert ids and set(ids) <= set(RETRIEVED)
    assert len(result.kept_sentences) + len(result.removed) == len(split_cited_sentences(text))


# --- bounds: time, length, links (issue 12, item 10) ------------------------------------------

_RELEASE = threading.Event()  # set at the end of the hanging-model test, so its thread ends


class _HangingModel(FakeListChatModel):
    """Stands for a model that never answers (a stalled endpoint): it waits until released."""

    def _call(self, *args, **kwargs):
        _RELEASE.wait()
        return "Liver surgery is the treatment of choice for resectable NELM [abstract-s2]."


def test_a_model_that_never_answers_does_not_block_and_the_extractive_answer_is_shown(tmp_path, seeds_dir):
    import rag
    from ingest.build import build_index
    from rag.core.settings import Settings
    from tests.conftest import FakeEmbedder

    settings = Settings(seeds_dir=seeds_dir, index_dir=tmp_path / "index", model_name=FakeEmbedder.name,
                        generative_timeout_s=0.2)
    build_index(settings, embedder=FakeEmbedder(), progress=False)
    question = "What is the treatment of choice for resectable NELM?"
    extractive = rag.load_pipeline(settings, embedder=FakeEmbedder()).ask(question)
    try:
        answer = rag.load_pipeline(settings, embedder=FakeEmbedder(),
                                   chat_model=_HangingModel(responses=["unused"])).ask(question)
    finally:
        _RELEASE.set()
    assert answer.mode == "extractive" and answer.answer == extractive.answer
    assert any("did not answer within 0.2 s" in n and n.endswith("showing the extractive answer.")
               for n in answer.notices)


def test_a_model_error_inside_the_worker_thread_still_falls_back(units, retrieved):
    result = generate_answer("What is the role of surgery?", retrieved, _BrokenModel(responses=["unused"]), units,
                             timeout_s=5)
    assert not result.ok and "connection refused" in result.notice


def test_a_repeating_model_gets_a_bounded_answer(units, retrieved):
    sentence = "Liver surgery is the treatment of choice for resectable NELM [abstract-s2]. "
    result = _ask_bounded(sentence * 400, units, retrieved, max_chars=2000, max_sentences=4)
    assert result.ok and result.text == sentence.strip()
    assert "left out (the answer's length is limited)" in result.notice


def test_supported_sentences_beyond_the_limit_are_left_out(units, retrieved):
    result = _ask_bounded(FAITHFUL, units, retrieved, max_chars=2000, max_sentences=2)
    assert result.cited_ids == ("abstract-s2", "abstract-s3")
    assert [reason for _, reason in result.removed] == ["beyond the answer's limit of 2 sentences"]


def test_the_answer_never_exceeds_the_character_limit(units, retrieved):
    result = _ask_bounded(FAITHFUL, units, retrieved, max_chars=200, max_sentences=4)
    assert result.ok and 0 < len(result.text) <= 200


def _ask_bounded(text, units, retrieved, max_chars, max_sentences):
    return generate_answer("What is the role of surgery for NELM?", retrieved, FakeListChatModel(responses=[text]),
                           units, max_chars=max_chars, max_sentences=max_sentences)


@pytest.mark.parametrize("sentence", [
    pytest.param("Liver surgery is the treatment of choice for [resectable NELM](javascript:alert(1)) [abstract-s2].",
                 id="markdown-link"),
    pytest.param("Liver surgery ![x](http://evil.example/px.png) is the treatment of choice for resectable NELM "
                 "[abstract-s2].", id="markdown-image"),
    pytest.param("Liver surgery is the treatment of choice for resectable NELM javascript:alert(document.cookie) "
                 "[abstract-s2].", id="bare-javascript-url"),
    pytest.param("Liver surgery is the treatment of choice for resectable NELM, see https://evil.example "
                 "[abstract-s2].", id="bare-https-url"),
    pytest.param("Liver surgery is the treatment of choice for <b>resectable</b> NELM [abstract-s2].", id="html"),
])
def test_links_and_markup_in_model_output_are_not_kept(units, retrieved, sentence):
    result = _ask(sentence, units, retrieved)
    assert not result.ok and result.text == ""
    # The sentence with the link goes for the link (pysbd may split "!" of an image off first).
    assert result.removed[-1] == (result.removed[-1][0], "holds a link or markup, which the passages never do")


@pytest.mark.parametrize("environ, message", [
    pytest.param({"NELM_GENERATIVE_TIMEOUT_S": "0"}, "generative_timeout_s must be between", id="zero-timeout"),
    pytest.param({"NELM_GENERATIVE_TIMEOUT_S": "soon"}, "NELM_GENERATIVE_TIMEOUT_S must be a float", id="not-a-number"),
    pytest.param({"NELM_GENERATIVE_MAX_SENTENCES": "0"}, "generative_max_sentences must be between", id="no-sentences"),
    pytest.param({"NELM_GENERATIVE_MAX_CHARS": "10"}, "generative_max_chars must be between", id="too-few-chars"),
])
def test_generative_bounds_are_validated_settings(environ, message):
    from rag.core.settings import Settings

    assert Settings.from_env({}).generative_timeout_s == 30.0
    assert Settings.from_env({"NELM_GENERATIVE_TIMEOUT_S": "3"}).generative_timeout_s == 3.0
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(environ)
