"""Regenerate the README's pictures of the app from the running app: `make screenshots`.

Starts `streamlit run serve.py` on a free local port, drives Debian's /usr/bin/chromium with
Playwright through what a first-time reader does (a cited answer with its source opened, a
treatment case, a refusal with its closest passage, the algorithm graph, the glossary filter)
and writes docs/screenshots/*.png. The pictures are never edited by hand; re-run this after
changing the page. Needs the dev requirements (Playwright) and the chromium package; it never
downloads a browser.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 1000}
STARTUP_S, ANSWER_S = 180, 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: streamlit exited with {proc.returncode}; try `make run` to see why")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit(f"error: streamlit did not become healthy in {STARTUP_S} s")


def ask(page, question: str):
    box = page.get_by_placeholder("Ask about the review")
    box.fill(question)
    box.press("Enter")
    page.get_by_role("button", name="Export as Markdown").wait_for(timeout=ANSWER_S * 1000)
    page.get_by_test_id("stChatMessage").nth(1).get_by_test_id("stCaptionContainer").last.wait_for()
    return page.get_by_test_id("stChatMessage").nth(1)


def shoot(page, name: str, target=None) -> None:
    page.wait_for_timeout(700)  # expanders and the graph finish drawing
    (target or page).screenshot(path=str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def take(url: str, sync_api) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        def fresh():
            page = browser.new_context(viewport=VIEWPORT).new_page()
            page.goto(url)
            page.get_by_role("button", name="What does TACE stand for?").wait_for(timeout=STARTUP_S * 1000)
            return page

        page = fresh()
        answer = ask(page, "What is the treatment of choice for resectable neuroendocrine liver metastases?")
        answer.locator(".nelm-cite-open").first.click()
        shoot(page, "cited_answer")

        page = fresh()
        answer = ask(page, "G2 pancreatic NET with unresectable liver-only metastases: what does the algorithm "
                           "suggest?")
        shoot(page, "treatment_summary")

        page = fresh()
        ask(page, "What is the five-year overall survival after liver transplantation for NELM?")
        shoot(page, "closest_passage")

        page = fresh()
        page.get_by_role("tab", name="Treatment algorithm").click()
        page.get_by_role("button", name="Run the algorithm").click()
        panel = page.get_by_role("tabpanel", name="Treatment algorithm")
        panel.get_by_text("Decision tree (review Figure 2)").click()
        graph = panel.get_by_test_id("stGraphVizChart")
        graph.locator("svg").wait_for(timeout=30_000)
        graph.scroll_into_view_if_needed()
        shoot(page, "algorithm_graph")

        page = fresh()
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_placeholder("e.g. TACE, liver, embolisation").press_sequentially("emb", delay=60)
        sidebar.locator(".nelm-gloss").filter(has_text="TACE").first.wait_for(timeout=15_000)
        shoot(page, "glossary_filter")
        browser.close()


def main() -> None:
    if not CHROMIUM.exists():
        sys.exit("error: Chromium not found at /usr/bin/chromium; install it with: apt-get install -y chromium")
    try:
        from playwright import sync_api
    except ImportError:
        sys.exit("error: Playwright is not installed; install it with: pip install -r requirements-dev.txt")
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        take(f"http://127.0.0.1:{port}", sync_api)
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
