"""One pipeline, many sessions: the app shares a single cached `Pipeline` between every
browser session (st.cache_resource), so concurrent `ask` calls must not disturb each other.

The check: 24 questions (every route, follow-ups with history, an abstention) fired from 8
threads at once give, answer for answer, exactly what the same pipeline gives when asked one
at a time, and each lands on its expected route.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.model

# (question, history, expected route, expected to abstain)
QUESTIONS = [
    ("What is the treatment of choice for resectable neuroendocrine liver metastases?", [], "retrieval", False),
    ("Where do neuroendocrine neoplasms most often spread to?", [], "retrieval", False),
    ("Who performs complex 1- and 2-stage liver resections?", [], "retrieval", False),
    ("When should liver transplantation be considered for NELM?", [], "retrieval", False),
    ("What are the keywords of the review?", [], "retrieval", False),
    ("What does Figure 1 show?", [], "retrieval", False),
    ("Did the authors declare any conflict of interest?", [], "retrieval", False),
    ("Who is the first author of reference 1?", [], "retrieval", False),
    ("What is the DOI of the review?", [], "retrieval", False),
    ("What is the five-year overall survival after liver transplantation for NELM?", [], "retrieval", True),
    ("Which dose of lanreotide is recommended?", [], "retrieval", True),
    ("What does TACE stand for?", [], "glossary", False),
    ("What does PVL stand for?", [], "glossary", False),
    ("What is the abbreviation for orthotopic liver transplantation?", [], "glossary", False),
    ("And TAE?", ["What does TACE stand for?"], "glossary", False),
    ("What does ALPPS stand for?", [], "glossary", False),
    ("A patient has a well-differentiated G2 pancreatic neuroendocrine tumour with resectable liver metastases "
     "and no extrahepatic disease. What treatment does the algorithm recommend?", [], "algorithm", False),
    ("G1 small intestinal NEN with a single resectable liver metastasis and no disease outside the liver: "
     "how should it be treated?", [], "algorithm", False),
    ("G2 NELM are resectable only if the future liver remnant is enlarged first because it is too small: "
     "what are the options?", [], "algorithm", False),
    ("And who performs the complex resections?", ["What is the treatment of choice for resectable NELM?"],
     "retrieval", False),
    ("Which journal is it in?", ["What is the third reference?"], "retrieval", False),
    ("Which interventional radiology treatments are available for NELM?", [], "retrieval", False),
    ("Which reference is about the ENETS guidelines?", [], "retrieval", False),
    ("What do liver-targeted treatments precede?", [], "retrieval", False),
]


def fingerprint(answer) -> tuple:
    """What a reader sees: route, text, citations with their spans, abstention, related passages."""
    return (answer.route, answer.answer, answer.abstained,
            tuple((c.unit_id, c.span) for c in answer.citations),
            tuple(c.unit_id for c in answer.related), answer.dot)


def test_concurrent_questions_get_the_same_answers_as_sequential_ones(pipeline):
    assert len(QUESTIONS) >= 20
    sequential = [fingerprint(pipeline.ask(q, h)) for q, h, _, _ in QUESTIONS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Twice over, shuffled by the pool's scheduling: 48 calls in flight together.
        futures = [pool.submit(pipeline.ask, q, h) for q, h, _, _ in QUESTIONS * 2]
        concurrent = [fingerprint(f.result(timeout=300)) for f in futures]
    for i, (question, _, route, abstains) in enumerate(QUESTIONS * 2):
        expected = sequential[i % len(QUESTIONS)]
        assert concurrent[i] == expected, question
        assert expected[0] == route, question
        assert expected[2] == abstains, question
        if not abstains:
            assert expected[3], f"answer without citations: {question}"
