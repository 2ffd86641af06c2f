"""Which questions are told that questions are read in English (rag/routing/language.py)."""

from __future__ import annotations

import json

import pytest

from rag.routing.language import detect_language, review_vocabulary
from tests.conftest import ROOT, SEED


@pytest.fixture(scope="module")
def vocabulary() -> frozenset[str]:
    from ingest.parse import parse_pubmed_page

    return review_vocabulary(u.text for u in parse_pubmed_page(SEED).units)


@pytest.mark.parametrize("question, language", [
    pytest.param("Ποια είναι η θεραπεία εκλογής για τις εξαιρέσιμες ηπατικές μεταστάσεις;", "Greek", id="greek"),
    pytest.param("¿Cuál es el tratamiento de elección para las metástasis hepáticas resecables?", "Spanish",
                 id="spanish"),
    pytest.param("¿Qué es TACE?", "Spanish", id="spanish-with-an-abbreviation"),
    pytest.param("Quel est le traitement des métastases hépatiques ?", "French", id="french"),
    pytest.param("Was ist die Behandlung der Wahl bei Lebermetastasen?", "German", id="german"),
    pytest.param("Qual è il trattamento di scelta?", "Italian", id="italian"),
    pytest.param("Qual é o tratamento de escolha para metástases hepáticas?", "Portuguese", id="portuguese"),
    pytest.param("Что такое TACE?", "Cyrillic script", id="cyrillic"),
    pytest.param("肝转移的治疗方法是什么？", "Chinese characters", id="chinese"),
])
def test_other_languages_are_named(vocabulary, question, language):
    guess = detect_language(question, vocabulary)
    assert guess is not None and guess.language == language
    assert "Questions are read in English" in guess.notice


def test_the_notice_is_also_in_the_askers_language(vocabulary):
    greek = detect_language("Ποια είναι η θεραπεία εκλογής;", vocabulary)
    spanish = detect_language("¿Cuál es el tratamiento de elección?", vocabulary)
    assert "στα αγγλικά" in greek.notice and "en inglés" in spanish.notice


@pytest.mark.parametrize("question", [
    pytest.param("What is the treatment of choice for resectable NELM?", id="english"),
    pytest.param("What is IFN-α?", id="one-greek-letter-in-an-abbreviation"),
    pytest.param("whta is teh tretment for liver mets", id="misspelt-english"),
    pytest.param("Does the review discuss de novo metastases?", id="a-latin-phrase"),
    pytest.param("G2 SI-NEN with liver mets and bone mets, what treatment?", id="clinical-shorthand"),
    pytest.param("Hola", id="one-word-is-not-enough"),
])
def test_english_is_never_flagged(vocabulary, question):
    assert detect_language(question, vocabulary) is None


# Dev questions written mostly in another language on purpose (a blind writer's Spanish speaker): flagged, and
# still answered (the notice goes beside the answer).
_MIXED_LANGUAGE = {"s135-28"}


def test_no_english_dev_question_is_flagged(vocabulary):
    """The dev split's questions are English, typed as people type them, but for the few written mostly in another
    language on purpose, which are flagged."""
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    flagged = {q["id"] for q in items if detect_language(q["question"], vocabulary) is not None}
    assert flagged == _MIXED_LANGUAGE
