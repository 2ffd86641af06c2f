"""What a person sees: the real app in headless Chromium (Debian's /usr/bin/chromium).

One `streamlit run serve.py` server (what `make run` starts: the index and model load at server
start) on a free local port serves every test in this module (a fresh browser page, hence a
fresh session, per test); it is stopped at the end. Every page records console errors and
requests to other hosts: the app must work offline, so a test that sees either fails. Screenshots
go to tests/screenshots/ (git-ignored). Without /usr/bin/chromium the tests skip: `.ci/run`
installs it with apt-get (never `playwright install`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "tests" / "screenshots"
INJECTION = "<img src=x onerror=alert(1)>"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]
STARTUP_S = 180  # server start plus the first session loading the model on a busy 2-core machine
ANSWER_S = 90

if not CHROMIUM.exists():
    pytest.skip("Chromium not found at /usr/bin/chromium; install it with: apt-get install -y chromium",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Python Playwright is not installed "
                               "(pip install -r requirements-dev.txt)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy in {STARTUP_S} s:\n{log.read_text(errors='replace')}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh session of the app, ready (the example questions are on screen)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(server)
            and problems.append(f"request to another host: {r.url}"))
    page.goto(server)
    page.get_by_role("button", name="What does TACE stand for?").wait_for(timeout=STARTUP_S * 1000)
    yield page
    context.close()
    assert problems == [], problems


def chat_box(page):
    return page.get_by_placeholder("Ask about the review")


def ask(page, question: str):
    box = chat_box(page)
    box.fill(question)
    box.press("Enter")
    answers = page.get_by_test_id("stChatMessage")
    # a user message and an assistant message per question
    sync_api.expect(answers).to_have_count(2, timeout=ANSWER_S * 1000)
    assistant = answers.nth(1)
    assistant.get_by_test_id("stCaptionContainer").last.wait_for(timeout=ANSWER_S * 1000)  # the timing footer
    # The export button is drawn last: once it is there, the run has finished.
    page.get_by_role("button", name="Export as Markdown").wait_for(timeout=ANSWER_S * 1000)
    return answers.nth(0), assistant


def shoot(page, name: str) -> None:
    page.wait_for_timeout(600)  # let expanders and charts finish animating
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_question_shows_a_cited_answer_and_its_source(page):
    _, answer = ask(page, "What is the treatment of choice for resectable neuroendocrine liver metastases?")
    sync_api.expect(answer).to_contain_text("From the review")
    sync_api.expect(answer).to_contain_text("Liver surgery with the intention to cure")
    marker = answer.locator("span.nelm-cite").first
    sync_api.expect(marker).to_have_attribute("title", "Abstract, sentence 2")
    # Abbreviations explain themselves on hover
    sync_api.expect(answer.locator('abbr[title="neuroendocrine liver metastases"]').first).to_be_visible()
    answer.get_by_text("Sources (1)").click()
    source = answer.locator(".nelm-source").first
    sync_api.expect(source).to_be_visible()
    sync_api.expect(source).to_contain_text("Abstract, sentence 2")
    sync_api.expect(source.locator("mark")).to_contain_text("treatment of choice")
    shoot(page, "1_cited_answer")


def test_reference_source_links_to_pubmed(page):
    _, answer = ask(page, "Who is the first author of reference 1?")
    answer.get_by_text("Sources (").click()
    link = answer.locator(".nelm-source a", has_text="PubMed").first
    sync_api.expect(link).to_have_attribute("href", "https://pubmed.ncbi.nlm.nih.gov/?term="
                                            "Gastroenteropancreatic+neuroendocrine+tumours")
    shoot(page, "2_reference_links")


def test_glossary_filters_as_the_user_types(page):
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_placeholder("e.g. TACE, liver, embolisation")
    box.press_sequentially("embolisaton", delay=40)  # misspelt on purpose: typo tolerant
    entries = sidebar.locator(".nelm-gloss")
    sync_api.expect(entries.first).to_contain_text("PVE", timeout=15_000)
    texts = entries.all_inner_texts()
    assert any(t.startswith("TAE") for t in texts) and not any(t.startswith("NEN ") for t in texts)
    shoot(page, "3_glossary_filter")


def test_algorithm_form_draws_the_decision_tree(page):
    page.get_by_role("tab", name="Treatment algorithm").click()
    for label, option in [("Grade", "G2"), ("Primary site", "pancreas"), ("Liver status", "unresectable"),
                          ("Extrahepatic disease", "none")]:
        page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
        page.get_by_role("option", name=option, exact=True).click()
    shoot(page, "4a_algorithm_form")
    page.get_by_role("button", name="Run the algorithm").click()
    panel = page.get_by_role("tabpanel", name="Treatment algorithm")
    sync_api.expect(panel).to_contain_text("Treatment algorithm (decision aid)", timeout=ANSWER_S * 1000)
    sync_api.expect(panel).to_contain_text("Recommended options")
    panel.get_by_text("Decision tree (review Figure 2)").click()
    graph = panel.get_by_test_id("stGraphVizChart").locator("svg")
    sync_api.expect(graph).to_be_visible(timeout=30_000)
    assert graph.locator("g.node").count() > 5
    # Drawn at its own size (scrolling sideways), not shrunk: labels stay readable at 1400 px.
    heights = graph.locator("text").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().height)")
    assert min(heights) >= 11, heights
    graph.scroll_into_view_if_needed()
    shoot(page, "4_algorithm_graph")


def test_typed_html_appears_literally(page):
    question, answer = ask(page, INJECTION)
    sync_api.expect(question).to_contain_text(INJECTION)
    sync_api.expect(answer).to_contain_text("Not in the review")
    assert page.locator('img[src="x"]').count() == 0
    assert page.dialogs == []
    shoot(page, "5_html_injection_literal")


def test_evaluation_page_is_linked(page):
    page.get_by_test_id("stSidebar").get_by_role("link", name="Evaluation").click()
    sync_api.expect(page.get_by_role("heading", name="Evaluation", exact=True)).to_be_visible(timeout=30_000)
    sync_api.expect(page.get_by_role("button", name="Re-run the evaluation")).to_be_visible()
    shoot(page, "6_evaluation")


def test_clicking_a_citation_opens_its_source_with_the_span_highlighted(page):
    _, answer = ask(page, "What is the treatment of choice for resectable neuroendocrine liver metastases?")
    card = answer.locator(".nelm-pop").first
    sync_api.expect(card).to_be_hidden()
    answer.locator(".nelm-cite-open").first.click()
    sync_api.expect(card).to_be_visible()
    sync_api.expect(card).to_contain_text("Abstract, sentence 2")
    sync_api.expect(card.locator("mark")).to_contain_text("treatment of choice")
    shoot(page, "7_citation_opened")
    page.get_by_role("heading", name="NELM review assistant").click()  # a click elsewhere closes it
    sync_api.expect(card).to_be_hidden()
    answer.get_by_role("button", name="Read the abstract").click()
    dialog = page.get_by_role("dialog")
    sync_api.expect(dialog).to_contain_text("Neuroendocrine neoplasms (NEN) are frequently")  # the whole abstract
    sync_api.expect(dialog.locator("mark")).to_have_count(1)
    sync_api.expect(dialog.locator("mark")).to_contain_text("Liver surgery with the intention to cure")
    shoot(page, "8_read_the_abstract")


def test_treatment_answer_leads_with_its_summary(page):
    _, answer = ask(page, "G2 pancreatic NET with unresectable liver-only metastases: what does the algorithm "
                          "suggest?")
    sync_api.expect(answer).to_contain_text("Recommended options")
    sync_api.expect(answer).to_contain_text("Missing:")
    rationale = "Interventional radiology treatments for NELM are less limited"
    sync_api.expect(answer.get_by_text(rationale)).to_be_hidden()  # one click away, not in the way
    answer.get_by_text("Why these options (rationale and sources)").click()
    sync_api.expect(answer.get_by_text(rationale).first).to_be_visible()
    shoot(page, "9_treatment_summary")
    answer.get_by_role("button", name="Open this case in the algorithm form").click()
    sync_api.expect(page.get_by_role("tab", name="Treatment algorithm")).to_have_attribute("aria-selected", "true")
    form = page.get_by_test_id("stForm")
    sync_api.expect(form.get_by_role("combobox", name="Grade")).to_have_value("G2")
    sync_api.expect(form.get_by_role("combobox", name="Liver status")).to_have_value("unresectable")


def test_a_refusal_shows_the_closest_passage_openly(page):
    _, answer = ask(page, "What is the five-year overall survival after liver transplantation for NELM?")
    sync_api.expect(answer).to_contain_text("Not in the review")
    closest = answer.locator(".nelm-closest")
    sync_api.expect(closest).to_be_visible()
    sync_api.expect(closest).to_contain_text("Closest passage in the review")
    sync_api.expect(closest).to_contain_text("not an answer")
    shoot(page, "10_closest_passage")


def test_a_long_paste_is_explained_and_kept_in_the_box(page):
    pasted = ("How should a G2 pancreatic NET with liver metastases be treated? " * 80)[:5000]
    box = chat_box(page)
    box.fill(pasted)
    box.press("Enter")
    warning = page.get_by_test_id("stAlert").filter(has_text="characters long")
    sync_api.expect(warning).to_contain_text("5,000 characters", timeout=ANSWER_S * 1000)
    sync_api.expect(warning).to_contain_text("at most 2,000")
    sync_api.expect(box).to_have_value(pasted)  # kept, to be shortened
    sync_api.expect(page.get_by_test_id("stChatMessage")).to_have_count(0)
    shoot(page, "11_long_paste")


def test_a_question_in_greek_is_told_questions_are_read_in_english(page):
    _, answer = ask(page, "Ποια είναι η θεραπεία εκλογής για τις εξαιρέσιμες ηπατικές μεταστάσεις;")
    sync_api.expect(answer).to_contain_text("This question looks like Greek. Questions are read in English")
    sync_api.expect(answer).to_contain_text("στα αγγλικά")
    shoot(page, "12_language_notice")


def test_markdown_typed_into_a_glossary_question_stays_literal(page):
    typed = "What does ![x](http://evil.example/px.png) stand for?"
    question, answer = ask(page, typed)
    sync_api.expect(question).to_contain_text(typed)
    sync_api.expect(answer).to_contain_text("![x](http://evil.example/px.png)")
    assert page.locator('img[src*="evil.example"]').count() == 0
    page.get_by_role("button", name="Clear conversation").click()
    question, answer = ask(page, "What does [click](javascript:alert(1)) stand for?")
    sync_api.expect(answer).to_contain_text("[click](javascript:alert(1))")
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.dialogs == []
