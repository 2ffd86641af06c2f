"""Questions about other diseases than the review's are out of scope, whatever words they share."""

from __future__ import annotations

import pytest

from rag.routing.scope import other_disease


@pytest.mark.parametrize("question, disease", [
    ("Should liver metastases from breast cancer be resected?", "breast cancer"),
    ("my husband has bowel cancer spread to the liver, should he have ALPPS", "bowel cancer"),
    ("Is hepatectomy recommended for colorectal liver metastases?", "colorectal liver metastases"),
    ("How are liver metastases from uveal melanoma treated?", "uveal melanoma"),
    ("Can radioembolization be used for HCC?", "hepatocellular carcinoma"),
    ("Is transplantation an option for cholangiocarcinoma?", "cholangiocarcinoma"),
    ("First-line treatment for small cell lung cancer?", "small cell lung cancer"),
    ("Is surgery useful in pancreatic ductal adenocarcinoma?", "pancreatic ductal adenocarcinoma"),
    ("his pancreatic cancer (the usual kind, an adenocarcinoma) has spread to the liver", "adenocarcinoma"),
    # A neuroendocrine tumour named only to compare with does not make the question about it.
    ("My wife's breast cancer has spread to her liver, would surgery help her like it does for NETs?",
     "breast cancer"),
    ("Is liver resection for breast cancer metastases as effective as for neuroendocrine tumours?", "breast cancer"),
    # "mets" and "secondaries" are how metastases are written; a primary before "liver mets" is their origin
    ("treatment of colorectal liver mets", "colorectal liver mets"),
    ("and what about breast liver mets?", "breast liver mets"),
    ("gastric liver secondaries - ablate?", "gastric liver secondaries"),
])
def test_a_non_neuroendocrine_cancer_is_named(question, disease):
    assert other_disease(question) == disease


@pytest.mark.parametrize("question", [
    "What is the treatment of choice for resectable NELM?",
    "A G1 rectal NET with resectable liver metastases: what treatment?",
    "my mum has a carcinoid in her bowel, is that usual?",
    "Liver metastases from a neuroendocrine breast carcinoma",
    "How do NELM differ from colorectal liver metastases?",  # names the review's disease too
    "colorectal cancer with neuroendocrine features that has spread to the liver",
    "Is liver surgery worthwhile if my cancer has spread?",  # lay "cancer" is not another disease
    "What is the gist of the review?",  # acronyms count in capitals only
    "What is the net benefit of surgery?",
    "Is surgery possible for pancreatic cancer that has spread to the liver?",  # ambiguous in lay use
    # a site after the liver is where the tumour went, not where it came from
    "G2 pNET with liver and lung mets",
    "and with lung mets?",
    "rectal NET liver mets, resect?",
])
def test_the_review_s_own_disease_and_ordinary_words_stay_in_scope(question):
    assert other_disease(question) == ""


@pytest.mark.model
@pytest.mark.parametrize("question, history", [
    ("Is hepatectomy recommended for colorectal liver metastases?", []),
    ("What would you recommend for a 55-year-old man with liver metastases from lung cancer?", []),
    ("And for breast cancer?", ["Is surgery the treatment of choice for resectable NELM?"]),
], ids=["request", "patient-scenario", "follow-up"])
def test_another_cancer_is_declined_by_name_never_sent_to_the_nen_algorithm(pipeline, question, history):
    answer = pipeline.ask(question, history=history)
    assert answer.route == "retrieval" and answer.abstained and not answer.citations
    assert "not a neuroendocrine neoplasm" in answer.answer
    assert pipeline.index.articles[0].title in answer.answer
    assert answer.related  # the closest passages, offered as reading
