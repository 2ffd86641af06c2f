"""Whether a model-written sentence is backed by what it cites (rag/answer/support.py), and that
the generative mode keeps no sentence whose content was changed.

Each claim below keeps most words of the review's sentence it cites and changes its content:
a substituted treatment or organ, a contrary qualifier, a negation added or dropped, a number,
or two cited passages joined into a claim neither makes. None may survive; the faithful
rewordings beside them must.
"""

from __future__ import annotations

import re
import shutil

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from ingest.parse import parse_pubmed_page
from rag.answer.support import check_support
from rag.answer.verify import verify_answer
from tests.conftest import SEED, FakeEmbedder

QUESTION = "What is the treatment of choice for resectable NELM?"


@pytest.fixture(scope="module")
def units():
    return {u.id: u for u in parse_pubmed_page(SEED).units}


@pytest.fixture(scope="module")
def review_index(tmp_path_factory):
    """Settings of an index over the review, built once with the fake embedder."""
    from ingest.build import build_index
    from rag.core.settings import Settings

    root = tmp_path_factory.mktemp("review")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    settings = Settings(seeds_dir=root / "seeds", index_dir=root / "index", model_name=FakeEmbedder.name)
    build_index(settings, embedder=FakeEmbedder(), progress=False)
    return settings


CHANGED = [
    # abstract-s2: "Liver surgery with the intention to cure is the treatment of choice for
    # resectable neuroendocrine liver metastases (NELM), ..."
    pytest.param("Chemotherapy with the intention to cure is the treatment of choice for resectable NELM "
                 "[abstract-s2].", "names Chemotherapy, which the cited text does not", id="substituted-treatment"),
    pytest.param("Liver transplantation is the treatment of choice for resectable NELM [abstract-s2].",
                 "names transplantation", id="substituted-transplantation"),
    pytest.param("Liver surgery with the intention to cure is the treatment of choice for unresectable NELM "
                 "[abstract-s2].", "says unresectable where the cited text says resectable", id="contrary-prefix"),
    pytest.param("Liver surgery is the treatment of choice for resectable lung metastases [abstract-s2].",
                 "names lung", id="substituted-organ"),
    pytest.param("Liver surgery with palliative intent is the treatment of choice for resectable NELM "
                 "[abstract-s2].", "names palliative", id="substituted-intent"),
    pytest.param("Liver surgery is not the treatment of choice for resectable NELM [abstract-s2].",
                 "negates a statement", id="negated"),
    # abstract-s3: "... for patients with NELM from well-differentiated NEN, ..."
    pytest.param("Surgical resection is indicated for patients with NELM from poorly differentiated NEN "
                 "[abstract-s3].", "says poorly where the cited text says well", id="contrary-pair"),
    # abstract-s4: "complex 1- and 2-stage, or repeat liver resections"
    pytest.param("Complex 1- and 3-stage liver resections are performed safely [abstract-s4].",
                 "number\\(s\\) 3 not in the cited text", id="number"),
    # Each cited sentence holds part of it (s2: resectable NELM; s5: transplantation).
    pytest.param("Liver transplantation is the treatment of choice for resectable NELM [abstract-s2][abstract-s5].",
                 "joins what the cited passages say apart", id="swapped-across-passages"),
]


@pytest.mark.parametrize("sentence, reason", CHANGED)
def test_a_claim_whose_content_was_changed_is_removed_with_its_reason(units, sentence, reason):
    result = verify_answer(sentence, units, set(units))
    assert result.kept_sentences == ()
    assert re.search(reason, result.removed[0][1]), result.removed


@pytest.mark.parametrize("sentence", [
    pytest.param("Liver surgery with curative intent is the treatment of choice for resectable NELM [abstract-s2].",
                 id="derivative-curative-of-cure"),
    pytest.param("Liver surgery is the treatment of choice for resectable NELM, and liver transplantation should "
                 "be restricted to highly selected cases [abstract-s2][abstract-s5].", id="two-clauses-two-passages"),
    pytest.param("Liver-directed therapies may be given before systemic targeted agents and chemotherapy in "
                 "liver-dominant disease [abstract-s7].", id="reworded"),
    pytest.param("Experienced surgeons can safely perform complex one- and two-stage or repeat liver resections "
                 "[abstract-s4].", id="number-words"),
    pytest.param("The authors report no conflicts of interest [coi].", id="negated-as-the-text-is"),
])
def test_a_faithful_rewording_is_kept(units, sentence):
    result = verify_answer(sentence, units, set(units))
    assert result.removed == () and len(result.kept_sentences) == 1


@pytest.mark.parametrize("sentence, evidence, field, expected", [
    pytest.param("Resection is palliative.", "Resection is curative.", "contrary", (("palliative", "curative"),),
                 id="contrary-pair"),
    pytest.param("The tumour is inoperable.", "The tumour is operable.", "contrary", (("inoperable", "operable"),),
                 id="negating-prefix"),
    pytest.param("Non-surgical treatment was chosen.", "Surgical treatment was chosen.", "contrary",
                 (("nonsurgical", "surgical"),), id="hyphenated-prefix"),
    pytest.param("The information was given.", "The form was given.", "contrary", (), id="not-a-prefix"),
    pytest.param("There is a conflict of interest.", "Conflict of Interest: None", "dropped_negation", "conflict",
                 id="asserts-what-is-negated"),
    pytest.param("Recurrence is common.", "Recurrence is common and often not amenable to resection.",
                 "dropped_negation", "", id="negation-of-another-part"),
    pytest.param("Recurrence is not common.", "Recurrence is common and often not amenable to resection.",
                 "missing_negation", True, id="negates-another-part"),
    pytest.param("Liver surgery cures NELM.", "Liver surgery with the intention to cure NELM.", "missing_terms", (),
                 id="inflection-of-a-cited-word"),
    pytest.param("Radiotherapy cures NELM.", "Liver surgery with the intention to cure NELM.", "missing_terms",
                 ("Radiotherapy",), id="rare-word-absent"),
    pytest.param("Surgery helps most patients.", "Surgery for NELM.", "missing_terms", (),
                 id="common-words-count-only-in-the-share"),
])
def test_support_fields(sentence, evidence, field, expected):
    assert getattr(check_support(sentence, evidence), field) == expected


def test_another_name_for_a_cited_phrase_supports_it():
    """With the glossary's aliases, "TACE" is in a text that spells it out."""
    def aliases(text):
        return [("transarterial chemoembolization", "TACE")] if "transarterial chemoembolization" in text else []

    sentence, evidence = "TACE is an option.", "Options include transarterial chemoembolization."
    assert check_support(sentence, evidence).missing_terms == ("TACE",)
    assert check_support(sentence, evidence, aliases).missing_terms == ()


# --- through the public API with a chat model --------------------------------------------------

@pytest.mark.parametrize("claim", [p.values[0] for p in CHANGED], ids=[p.id for p in CHANGED])
def test_the_generative_mode_keeps_no_changed_claim(review_index, claim):
    import rag

    pipeline = rag.load_pipeline(review_index, embedder=FakeEmbedder(), chat_model=FakeListChatModel(responses=[claim]))
    answer = pipeline.ask(QUESTION)
    cited = re.findall(r"\[([a-z0-9-]+)\]", claim)
    # Every unit the claim cites was retrieved: it is removed for what it says, not for its citation.
    assert set(cited) <= {uid for uid, _ in answer.retrieved}
    assert answer.mode == "extractive" and claim not in answer.answer
    assert any("none of the model's 1 sentence was supported" in n for n in answer.notices)


def test_the_generative_mode_keeps_the_faithful_claim(review_index):
    import rag

    claim = "Liver surgery with the intention to cure is the treatment of choice for resectable NELM [abstract-s2]."
    pipeline = rag.load_pipeline(review_index, embedder=FakeEmbedder(), chat_model=FakeListChatModel(responses=[claim]))
    answer = pipeline.ask(QUESTION)
    assert answer.mode == "generative" and answer.answer == claim
