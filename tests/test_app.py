"""The chat page's logic, driven with streamlit.testing.v1.AppTest (no browser).

Each test opens a fresh session of app.py; the pipeline and model are cached per process
(st.cache_resource), so only the first test pays for loading them. The app runs on the
real index (`make test` builds it first; the app would build it otherwise), hence `model`.
What a person sees in a real browser is tests/test_app_browser.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.model

APP = str(ROOT / "app.py")
INJECTION = "<img src=x onerror=alert(1)>"
TIMEOUT_S = 240  # the first run of the session loads the model on a shared 2-core machine


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception, at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input(key="question").set_value(question).run()
    assert not at.exception, at.exception
    return at


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.main.markdown]


def answers(at: AppTest):
    return at.session_state["answers"]


def test_first_load_offers_examples_disclaimer_source_and_status(app):
    examples = [b for b in app.button if b.key and b.key.startswith("example_")]
    assert len(examples) == 4
    assert any("not medical advice" in c.value for c in app.main.caption)
    sidebar = " ".join(m.value for m in app.sidebar.markdown)
    assert "Machairas et al" in sidebar and "full text" in sidebar
    status = app.sidebar.table[0].value
    assert {"Documents", "Source units", "Model", "Built"} <= set(status.index)


def test_question_renders_a_cited_answer_with_sources(app):
    ask(app, "What is the treatment of choice for resectable neuroendocrine liver metastases?")
    (answer,) = answers(app)
    assert answer.route == "retrieval" and not answer.abstained and answer.citations
    shown = "\n".join(markdown(app))
    first = answer.citations[0]
    assert f'title="{first.label}">[{first.unit_id}]</span>' in shown  # inline marker with its label
    assert f"<strong>{first.label}</strong>" in shown and "<mark>" in shown  # the Sources list
    assert any(e.label == f"Sources ({len(answer.citations)})" for e in app.expander)
    assert any("From the review" in m for m in shown.split("\n"))
    assert not [b for b in app.button if b.key and b.key.startswith("example_")]  # examples gone


def test_example_question_is_one_click(app):
    app.button(key="example_1").click().run()
    (answer,) = answers(app)
    assert answer.question == "What does TACE stand for?" and answer.route == "glossary"
    assert any("transarterial chemoembolization" in m for m in markdown(app))


def test_glossary_question_and_follow_up_uses_history(app):
    ask(app, "What does TACE stand for?")
    ask(app, "And TAE?")
    first, second = answers(app)
    assert first.route == second.route == "glossary"
    assert "transarterial embolization" in second.answer
    shown = "\n".join(markdown(app))
    assert '<abbr class="nelm-abbr" title="transarterial embolization">TAE</abbr>' in shown
    assert shown.count(":blue-badge[") == 2


def test_abstention_looks_different_and_lists_related_passages(app):
    ask(app, "What is the five-year overall survival after liver transplantation for NELM?")
    (answer,) = answers(app)
    assert answer.abstained and len(answer.related) > 1
    assert any("does not address" in w.value for w in app.main.warning)
    assert any(e.label.startswith("Other related passages, not an answer") for e in app.expander)
    assert any(":orange-badge[" in m for m in markdown(app))


def test_control_characters_are_refused_politely(app):
    ask(app, "\x00\x01")
    assert answers(app) == []
    (refusal,) = app.main.warning
    assert "question" in refusal.value.lower()
    assert [b for b in app.button if b.key and b.key.startswith("example_")]


@pytest.mark.parametrize("typed", [pytest.param("   ", id="spaces"), pytest.param("\n\t ", id="newlines-and-tabs")])
def test_whitespace_only_is_an_empty_box(app, typed):
    """Nothing happens: no empty user bubble, no error."""
    ask(app, typed)
    assert answers(app) == [] and not app.main.warning and not app.main.error
    assert not app.get("chat_message")


def test_a_long_paste_is_explained_and_kept_to_be_shortened(app):
    pasted = "How should a G2 pancreatic NET with liver metastases be treated? " * 80  # about 5,000 characters
    ask(app, pasted)
    assert answers(app) == []
    (notice,) = app.main.warning
    assert f"{len(pasted):,} characters" in notice.value and "at most 2,000" in notice.value
    # That the text is back in the box is what a browser shows: tests/test_app_browser.py.


def test_a_question_in_greek_is_told_questions_are_read_in_english(app):
    ask(app, "Ποια είναι η θεραπεία εκλογής για τις εξαιρέσιμες ηπατικές μεταστάσεις;")
    (answer,) = answers(app)
    assert answer.notices[0].startswith("This question looks like Greek. Questions are read in English")
    assert any("looks like Greek" in i.value for i in app.main.info)


def test_a_refusal_shows_its_closest_passage_openly(app):
    ask(app, "What is the five-year overall survival after liver transplantation for NELM?")
    (answer,) = answers(app)
    closest = answer.related[0]
    shown = [m.value for m in app.main.markdown if "nelm-closest" in m.value]
    assert len(shown) == 1 and "Closest passage in the review" in shown[0] and closest.label in shown[0]
    assert not any(e.label.startswith("Related passages") for e in app.expander)


def test_typed_html_is_shown_as_text(app):
    ask(app, INJECTION)
    html_shown = [m.value for m in app.markdown if m.proto.allow_html] + markdown(app)
    assert not any("<img" in m for m in html_shown)
    assert "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;" in markdown(app)  # shown literally


def test_export_contains_the_conversation_with_citations(app, monkeypatch):
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if filename and filename.endswith(".md"):
            saved[filename] = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    ask(app, "What is the treatment of choice for resectable neuroendocrine liver metastases?")
    ask(app, "What does TACE stand for?")
    assert app.get("download_button")[0].label == "Export as Markdown"
    text = saved["nelm-review-conversation.md"].decode()
    assert "## 1. What is the treatment of choice" in text and "## 2. What does TACE stand for?" in text
    assert "[abstract-s2]" in text and "Sources:" in text and "[figure-2] Figure 2 caption" in text


def test_clear_conversation(app):
    ask(app, "What does TACE stand for?")
    app.button(key="clear").click().run()
    assert answers(app) == []
    assert [b for b in app.button if b.key and b.key.startswith("example_")]


def test_sidebar_glossary_filters_as_typed(app):
    app.sidebar.text_input(key="glossary_query").input("embolisation").run()
    listed = " ".join(m.value for m in app.sidebar.markdown if "nelm-gloss" in m.value)
    assert "<strong>TAE</strong>" in listed and "<strong>PVE</strong>" in listed
    assert "<strong>NEN</strong>" not in listed
    app.sidebar.text_input(key="glossary_query").input("RFA").run()
    listed = " ".join(m.value for m in app.sidebar.markdown if "nelm-gloss" in m.value)
    assert "<strong>RFA</strong>" in listed and "not defined in this review" in listed


def test_algorithm_form_shows_result_path_citations_and_graph(app):
    for name, value in {"grade": "G2", "primary": "pancreas", "liver": "unresectable", "extrahepatic": "none"}.items():
        app.selectbox(key=f"algo_{name}").set_value(value)
    app.button(key="FormSubmitter:algorithm_form-Run the algorithm").click().run()
    assert not app.exception, app.exception
    result = app.session_state["algorithm"]
    assert result.status == "recommendation" and result.path
    shown = "\n".join(markdown(app))
    assert "Treatment algorithm (decision aid)" in shown and "Recommended options" in shown
    assert any(e.label == "Path taken" for e in app.expander)
    (graph,) = app.get("graphviz_chart")
    assert graph.proto.spec.startswith("digraph") and "#fde68a" in graph.proto.spec  # path highlighted
    assert any(e.label == f"Sources ({len(result.citations)})" for e in app.expander)


def test_treatment_question_in_chat_shows_the_graph(app):
    ask(app, "A patient has a well-differentiated G2 pancreatic neuroendocrine tumour with resectable liver "
             "metastases and no extrahepatic disease. What treatment does the algorithm recommend?")
    (answer,) = answers(app)
    assert answer.route == "algorithm" and answer.dot
    (graph,) = app.get("graphviz_chart")
    assert graph.proto.spec == answer.dot
    assert any(":violet-badge[" in m for m in markdown(app))


def test_treatment_answer_leads_with_its_summary_and_opens_in_the_form(app):
    ask(app, "G2 pancreatic NET with unresectable liver-only metastases: what does the algorithm suggest?")
    (answer,) = answers(app)
    assert answer.route == "algorithm"
    shown = markdown(app)
    summary = next(i for i, m in enumerate(shown) if "Recommended options" in m)
    assert "Branch:" in shown[summary] and "Missing:" in shown[summary] and "Why:" not in shown[summary]
    titles = [e.label for e in app.expander]
    assert titles.index("Why these options (rationale and sources)") < titles.index("Path taken")
    app.button(key="open_case_1").click().run()
    assert not app.exception, app.exception
    assert app.session_state["tab"] == ":material/account_tree: Treatment algorithm"
    assert [app.session_state[f"algo_{n}"] for n in ("grade", "primary", "liver", "extrahepatic")] == \
        ["G2", "pancreas", "unresectable", "none"]
    assert app.session_state["algorithm"].summary == answer.algorithm["summary"]


def test_missing_index_is_built_with_visible_progress(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    monkeypatch.setenv("NELM_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("NELM_INDEX_DIR", str(tmp_path / "index"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception, at.exception
    assert (tmp_path / "index" / "current" / "manifest.json").is_file()
    assert [s.label for s in at.status][0].startswith("Index built in")
    ask(at, "What does TACE stand for?")
    assert answers(at)[0].route == "glossary"


def test_bad_setting_is_an_error_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv("NELM_TOP_K", "0")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    shown = re.sub(r"\\(.)", r"\1", at.error[0].value)  # literal_markdown's escapes undone
    assert "top_k must be between 1 and 50, was: 0" in shown


def eval_page() -> AppTest:
    """The evaluation page as the browser reaches it: through the app's page list."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    return at.switch_page("pages/1_Evaluation.py").run()


@pytest.fixture
def eval_root(tmp_path, monkeypatch) -> Path:
    """The evaluation page reads eval/reports under PROJECT_ROOT: point that at a temporary folder."""
    import rag.core.settings

    monkeypatch.setattr(rag.core.settings, "PROJECT_ROOT", tmp_path)
    (tmp_path / "eval" / "reports").mkdir(parents=True)
    return tmp_path / "eval" / "reports"


def write_report(reports: Path, mrr: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (reports / "latest.md").write_text(f"# Evaluation report\n\n| Metric | Value |\n|---|---|\n| MRR | {mrr} |\n")
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.bar(["MRR"], [float(mrr)])
    fig.savefig(reports / "latest.png")
    plt.close(fig)


def test_evaluation_page_without_a_report_says_how_to_make_one(eval_root):
    at = eval_page()
    assert not at.exception, at.exception
    assert "python -m eval" in at.info[0].value
    assert at.button(key="rerun_eval").label == "Re-run the evaluation"


def test_evaluation_page_shows_report_and_chart(eval_root):
    write_report(eval_root, "0.961")
    at = eval_page()
    assert not at.exception, at.exception
    assert any("| MRR | 0.961 |" in m.value for m in at.markdown)
    assert len(at.image) == 1


def test_evaluation_report_sits_under_the_page_title(eval_root):
    write_report(eval_root, "0.961")
    at = eval_page()
    report = next(m.value for m in at.markdown if "| MRR |" in m.value)
    assert report.startswith("## Evaluation report")
    assert [t.value for t in at.title] == ["Evaluation"]


@pytest.mark.parametrize("code, expect", [pytest.param(0, "success", id="passes"),
                                          pytest.param(2, "error", id="fails")])
def test_evaluation_rerun_button_runs_python_m_eval(eval_root, monkeypatch, code, expect):
    import subprocess
    import sys

    calls = []

    def fake_run(command, **kwargs):
        calls.append((command, kwargs["cwd"]))
        if code == 0:
            write_report(eval_root, "0.999")
        return subprocess.CompletedProcess(command, code, stdout="report", stderr="boom" if code else "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    at = eval_page()
    at.button(key="rerun_eval").click().run()
    assert not at.exception, at.exception
    assert calls == [([sys.executable, "-m", "eval"], eval_root.parent.parent)]
    if expect == "success":
        assert at.success and any("| MRR | 0.999 |" in m.value for m in at.markdown)
    else:
        assert "exit code 2" in at.error[0].value and at.code[0].value == "boom"
