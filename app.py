"""The chat page: ask the review, see where every statement comes from.

A thin, top-down Streamlit script. Answers come from `rag.pipeline` (loaded once per process
by rag/ui/warmup.py, at server start when served by serve.py, and shared by every session), the
glossary filter from `rag.glossary.filter`, the treatment algorithm from `rag.algorithm.engine`,
the language notice from `rag.routing.language`, and every string shown as HTML is built (and
made inert) by `rag.ui`. Run it with `make run` (`streamlit run serve.py`); `streamlit run
app.py` works too, loading on the first visit. The evaluation page is pages/1_Evaluation.py.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timezone

import streamlit as st

from rag import ui
from rag.core.errors import InvalidQuestionError, RagError
from rag.core.settings import Settings
from rag.ui import warmup

CHAT_TAB, ALGORITHM_TAB = ":material/chat: Ask the review", ":material/account_tree: Treatment algorithm"

st.set_page_config(page_title="NELM review assistant", page_icon=ui.PAGE_ICON, layout="wide")
st.html(ui.APP_CSS)


@st.cache_resource(show_spinner=False)
def build_lock() -> threading.Lock:
    """One index build per process, however many sessions open at start-up."""
    return threading.Lock()


def ensure_index(settings: Settings):
    """Build a missing or stale index with a visible progress box, instead of failing."""
    from rag.core.index import index_status

    status = index_status(settings)
    if status.state == "ok":
        return status.manifest
    with build_lock():
        status = index_status(settings)  # another session may have just built it
        if status.state == "ok":
            return status.manifest
        from ingest.build import build_index

        why = "; ".join(status.reasons)
        with st.status(f"Building the index ({status.state}: {why})", expanded=True) as box:
            st.write("Loading the embedding model…")
            embedder = warmup.embedder(settings.model_name, settings.embed_batch_size)
            st.write("Parsing the seed pages, chunking and embedding…")
            report = build_index(settings, embedder=embedder, progress=False)
            box.update(label=f"Index built in {report.manifest.build_seconds:.1f} s", state="complete",
                       expanded=False)
        return report.manifest


def load_or_stop():
    """The shared pipeline: ready at once when the server preloaded it (serve.py)."""
    try:
        settings = Settings.from_env()
        manifest = ensure_index(settings)
        with st.spinner("Loading the review's index and the embedding model…"):
            return settings, warmup.pipeline(settings, manifest.built_at)
    except RagError as e:
        st.error(ui.literal_markdown(str(e)), icon=":material/error:")
        st.stop()


def show_html(markdown: str, citations=()) -> None:
    st.markdown(ui.answer_html(markdown, labels, abbreviations, ui.sources_by_marker(citations)), unsafe_allow_html=True)


def show_sources(citations, title: str = "Sources", highlight: bool = True) -> None:
    if citations:
        with st.expander(f"{title} ({len(citations)})", icon=":material/format_quote:"):
            st.markdown("".join(ui.citation_html(c, highlight) for c in citations), unsafe_allow_html=True)


@st.dialog("The review's abstract", width="large", icon=":material/article:")
def read_abstract(cited: tuple[str, ...]) -> None:
    st.caption("The whole abstract as indexed; the sentences this answer cites are highlighted.")
    st.markdown(ui.abstract_html(pipeline.index.units, cited), unsafe_allow_html=True)


def show_treatment(result: dict, markdown: str, citations, dot: str = "", key: str = "") -> None:
    """Summary first; rationale, criteria, path, inputs and external facts one click away."""
    view = ui.treatment_view(result, markdown)
    show_html(view.summary, citations)
    if key:
        st.button("Open this case in the algorithm form", key=key, on_click=open_in_form, args=(result,),
                  icon=":material/edit_note:")
    for title, body in view.details:
        with st.expander(title):
            show_html(body, citations)
    if dot:
        with st.expander("Decision tree (review Figure 2), path taken highlighted", icon=":material/account_tree:"):
            st.graphviz_chart(dot)
    if view.basis:
        st.caption(ui.inert_markdown(view.basis))


def show_answer(answer, n: int) -> None:
    with st.chat_message("assistant", avatar=":material/menu_book:"):
        badge = ui.route_badge(answer)
        st.badge(badge.label, icon=badge.icon, color=badge.color)
        if answer.rewritten_question:
            st.caption("Understood as: " + ui.literal_markdown(answer.rewritten_question))
        for notice in answer.notices:
            st.info(ui.literal_markdown(notice), icon=":material/info:")
        cited = answer.related[:1] if answer.abstained else answer.citations
        if answer.abstained:
            st.warning(ui.inert_markdown(answer.answer), icon=":material/search_off:")
            if answer.related:
                st.markdown(ui.closest_html(answer.related[0]), unsafe_allow_html=True)
                show_sources(answer.related[1:], "Other related passages, not an answer", highlight=False)
        elif answer.route == "algorithm" and answer.algorithm:
            show_treatment(answer.algorithm, answer.answer, answer.citations, answer.dot, key=f"open_case_{n}")
            show_sources(answer.citations)
        else:
            show_html(answer.answer, answer.citations)
            show_sources(answer.citations)
        abstract = tuple(c.unit_id for c in cited if c.section == "abstract")
        if abstract and st.button("Read the abstract", key=f"abstract_{n}", icon=":material/article:",
                                  help="The whole abstract, with the cited sentences highlighted in place"):
            read_abstract(abstract)
        st.caption(ui.answer_footer(answer))


def ask(question: str) -> None:
    from rag.routing.language import detect_language

    history = [a.question for a in st.session_state.answers]
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(ui.literal_markdown(question))
    try:
        with st.spinner("Searching the review…"):
            answer = pipeline.ask(question, history)
    except InvalidQuestionError as e:
        st.warning(ui.literal_markdown(str(e)), icon=":material/edit_off:")
        return
    except RagError as e:
        st.error(ui.literal_markdown(str(e)), icon=":material/error:")
        return
    guess = detect_language(question, warmup.vocabulary(pipeline))
    if guess is not None:  # the answer stays (a term may still be found); the notice comes first
        answer = replace(answer, notices=(guess.notice, *answer.notices))
    st.session_state.answers.append(answer)
    show_answer(answer, len(st.session_state.answers))


def take_question() -> None:
    """The chat box's submit: blank is an empty box (nothing happens); too long is explained
    and put back in the box to be shortened; anything else is asked on this run."""
    typed = st.session_state.get("question")
    if not isinstance(typed, str) or not typed.strip():
        return
    if len(typed) > settings.max_question_chars:
        st.session_state.too_long = ui.too_long_notice(len(typed), settings.max_question_chars)
        st.session_state.question = typed
        return
    st.session_state.pending = typed


def queue_question(question: str) -> None:
    st.session_state.pending = question


def clear_conversation() -> None:
    st.session_state.answers = []


def open_in_form(result: dict) -> None:
    """Fill the algorithm form with the inputs a chat case was read as, run it, show the tab."""
    from rag.algorithm.engine import CHOICES, NUMBER_RANGES, AlgorithmInputs, run_algorithm

    values = ui.form_values(result)
    for name in (*CHOICES, *NUMBER_RANGES):
        if name in values:
            st.session_state[f"algo_{name}"] = values[name]
        else:  # back to the form's default, "unknown"
            st.session_state.pop(f"algo_{name}", None)
    st.session_state.algorithm = run_algorithm(AlgorithmInputs(**values), settings)
    st.session_state.tab = ALGORITHM_TAB


@st.fragment
def glossary_search(glossary) -> None:
    from rag.glossary.filter import filter_entries

    text = st.text_input("Search abbreviations", key="glossary_query", live=True, type="search",
                         placeholder="e.g. TACE, liver, embolisation")
    entries = filter_entries(glossary, text or "", limit=40)
    with st.container(height=300, border=False):
        if entries:
            st.markdown("".join(ui.glossary_entry_html(e, labels) for e in entries), unsafe_allow_html=True)
        else:
            st.caption("No abbreviation matches " + ui.literal_markdown(text))


def algorithm_panel() -> None:
    from rag.algorithm.engine import CHOICES, INPUT_LABELS, NUMBER_RANGES, AlgorithmInputs, run_algorithm
    from rag.algorithm.render import render_dot, render_markdown

    st.caption("The review's Figure 2 pathway for well-differentiated (G1/G2) NELM, as a decision aid. "
               "Leave what you do not know as *unknown*: the result says what it would change.")
    with st.form("algorithm_form"):
        values = {}
        columns = st.columns(3)
        for i, (name, choices) in enumerate(CHOICES.items()):
            with columns[i % 3]:
                values[name] = st.selectbox(ui.sentence_case(INPUT_LABELS[name]), (None, *choices), key=f"algo_{name}",
                                            format_func=lambda v, n=name: ui.choice_label(n, v))
        st.markdown("**Transplant details** (Milan criteria check)")
        columns = st.columns(4)
        for i, (name, (low, high)) in enumerate(NUMBER_RANGES.items()):
            with columns[i % 4]:
                values[name] = st.number_input(ui.sentence_case(INPUT_LABELS[name]), min_value=low, max_value=high,
                                               value=None, step=1.0, key=f"algo_{name}", placeholder="unknown")
        submitted = st.form_submit_button("Run the algorithm", type="primary", icon=":material/account_tree:")
    if submitted:
        try:
            st.session_state.algorithm = run_algorithm(AlgorithmInputs(**values), settings)
        except RagError as e:
            st.error(ui.literal_markdown(str(e)), icon=":material/error:")
    result = st.session_state.get("algorithm")
    if result is not None:
        citations = ui.unit_citations(result.citations, pipeline.index.units)
        show_treatment(result.to_dict(), render_markdown(result, labels), citations, render_dot(result))
        show_sources(citations)


# --- the page, top to bottom -----------------------------------------------------------------
settings, pipeline = load_or_stop()
labels = {uid: unit.label for uid, unit in pipeline.index.units.items()}
abbreviations = ui.abbreviation_titles(pipeline.glossary.entries + pipeline.glossary.supplementary)
st.session_state.setdefault("answers", [])

with st.sidebar:
    st.page_link("app.py", label="Ask the review", icon=":material/chat:")
    st.page_link("pages/1_Evaluation.py", label="Evaluation", icon=":material/monitoring:")
    st.subheader("Abbreviations", divider="gray")
    glossary_search(pipeline.glossary)
    st.subheader("About the source", divider="gray")
    # The card is about the review the algorithm encodes; other indexed pages follow, labelled.
    for number, article in enumerate(ui.articles_review_first(pipeline.index.articles, pipeline.index.units)):
        card = ui.about_source(article)
        if number == 1:
            st.caption("Also indexed (answers about it name it; the treatment algorithm does not use it):")
        with st.container(border=True):
            st.markdown(ui.literal_markdown(card.citation))
            if card.doi_url:
                st.link_button("Open the article (DOI)", card.doi_url, icon=":material/open_in_new:")
            st.markdown("**Indexed:** " + ui.literal_markdown(", ".join(card.indexed)))
            st.markdown("**Not indexed:** " + ui.literal_markdown("; ".join(card.not_indexed)))
    with st.expander("Index status", icon=":material/database:"):
        st.table({label: value for label, value in ui.index_rows(pipeline.index.manifest)})

st.title("NELM review assistant")
st.markdown("Cited answers from " + "; ".join(ui.source_line(a) for a in pipeline.index.articles))
st.caption(f":orange[:material/medical_information: **{ui.DISCLAIMER}**] "
           "Answers quote only the indexed parts of the review.")
chat_tab, algorithm_tab = st.tabs([CHAT_TAB, ALGORITHM_TAB], key="tab", on_change="rerun")

with chat_tab:
    toolbar, messages, intro = st.container(), st.container(), st.container()
    with messages:
        for n, past in enumerate(st.session_state.answers, 1):
            with st.chat_message("user", avatar=":material/person:"):
                st.markdown(ui.literal_markdown(past.question))
            show_answer(past, n)
    # No max_chars: the browser would silently drop a longer paste; take_question explains it.
    st.chat_input("Ask about the review, an abbreviation, or a case for the algorithm", key="question",
                  on_submit=take_question)
    too_long = st.session_state.pop("too_long", None)
    if too_long:
        with messages:
            st.warning(too_long, icon=":material/short_text:")
    question = st.session_state.pop("pending", None)
    if question is not None:
        with messages:
            ask(question)
    if not st.session_state.answers:  # filled after asking, so examples vanish with the first answer
        with intro:
            st.markdown("**Try a question** — each is answered from the review's indexed text:")
            for i, example in enumerate(ui.EXAMPLE_QUESTIONS):
                st.button(example, key=f"example_{i}", on_click=queue_question, args=(example,),
                          icon=":material/help:")
    else:  # filled last, shown first: includes the answer just given
        left, right, _ = toolbar.columns([1, 1, 3])
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        left.download_button("Export as Markdown", ui.conversation_markdown(
            st.session_state.answers, pipeline.index.articles, stamp), file_name="nelm-review-conversation.md",
            mime="text/markdown", icon=":material/download:", on_click="ignore", key="export")
        right.button("Clear conversation", on_click=clear_conversation, icon=":material/delete:", key="clear")

with algorithm_tab:
    algorithm_panel()
