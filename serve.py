"""Serve the app with the index and the model loaded when the server starts, not when the
first visitor arrives: `streamlit run serve.py` (what `make run` does).

Streamlit's `st.App` runs the chat page (app.py, with pages/) unchanged and calls the lifespan
hook below once, at server start; the hook starts the load in a background thread
(rag/ui/warmup.py), so the server answers health checks at once and the first question finds
the pipeline ready. `streamlit run app.py` still works; it loads on the first visit instead.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

import streamlit as st

from rag.ui.warmup import start_preload


@asynccontextmanager
async def _preload_at_start(_app):
    start_preload()
    yield


app = st.App("app.py", lifespan=_preload_at_start)
