"""The evaluation page: the latest report of `python -m eval`, its chart, and a button to re-run.

Reads eval/reports/latest.md and latest.png as written by `python -m eval` (eval/report.py);
it does not compute any metric itself. Re-running starts the same command in a subprocess,
so the page shows exactly what the command line would.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import streamlit as st

from rag import ui
from rag.core.settings import PROJECT_ROOT

REPORTS = PROJECT_ROOT / "eval" / "reports"
COMMAND = [sys.executable, "-m", "eval"]
TIMEOUT_S = 1800

# The inline icon, not a named Material one, which the browser would fetch from the internet.
st.set_page_config(page_title="Evaluation · NELM review assistant", page_icon=ui.PAGE_ICON, layout="wide")
with st.sidebar:
    st.page_link("app.py", label="Ask the review", icon=":material/chat:")
    st.page_link("pages/1_Evaluation.py", label="Evaluation", icon=":material/monitoring:")
st.title("Evaluation")
st.caption(ui.DISCLAIMER + " This page measures how faithfully the assistant answers from the review.")


def demote_headings(markdown: str) -> str:
    """Push every ATX heading one level down, so the report sits under the page title."""
    return re.sub(r"^(#{1,5}) ", r"#\1 ", markdown, flags=re.MULTILINE)


def run_evaluation() -> None:
    """Run `python -m eval` in the project folder; keep its output to show after the rerun."""
    with st.spinner("Running `python -m eval` (every question of the evaluation set; a few minutes)…"):
        try:
            done = subprocess.run(COMMAND, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
            st.session_state.eval_run = (done.returncode, (done.stderr or done.stdout)[-4000:])
        except subprocess.TimeoutExpired:
            st.session_state.eval_run = (-1, f"python -m eval did not finish within {TIMEOUT_S} s")


if st.button("Re-run the evaluation", type="primary", icon=":material/replay:", key="rerun_eval"):
    run_evaluation()

last = st.session_state.get("eval_run")
if last is not None:
    code, output = last
    if code == 0:
        st.success("The evaluation finished; the report below is the new one.", icon=":material/check_circle:")
    else:
        st.error(f"`python -m eval` failed (exit code {code}). Its last output:", icon=":material/error:")
        st.code(output or "(no output)", language=None)

report, chart = REPORTS / "latest.md", REPORTS / "latest.png"
if not report.is_file():
    st.info("No evaluation report yet. Produce one with `python -m eval` (or `make eval`), "
            "or press the button above.", icon=":material/info:")
else:
    if chart.is_file():
        st.image(str(chart), caption="Chart written by python -m eval (eval/reports/latest.png)")
    # The report is this project's own generated markdown; HTML in it is not rendered. Its
    # headings move one level down so the page keeps a single top-level title.
    st.markdown(demote_headings(Path(report).read_text(encoding="utf-8")))
