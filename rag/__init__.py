"""Grounded question answering over the Machairas et al. 2021 review of NELM treatment.

    >>> import rag
    >>> answer = rag.ask("What is the treatment of choice for resectable NELM?")
    >>> answer.route, answer.abstained, answer.answer
    ('retrieval', False, 'Liver surgery ... [abstract-s2].')

Importing `rag` is cheap: FAISS and the index load on the first `ask` (once per process and
settings), and the embedding model only when a question first needs retrieval, so glossary and
algorithm questions never wait for it. `get_pipeline(eager=True)` or `Pipeline.warm()` loads
the model up front (a server does, before its first visitor).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.pipeline import Pipeline
    from rag.core.settings import Settings
    from rag.core.types import Answer

_pipelines: dict[object, "Pipeline"] = {}
_lock = threading.Lock()


def get_pipeline(settings: "Settings | None" = None, eager: bool = False) -> "Pipeline":
    """The shared pipeline for `settings` (default: from the environment), loaded once; with
    `eager`, its embedding model is loaded now rather than on the first retrieval."""
    from rag.pipeline import load_pipeline
    from rag.core.settings import Settings

    settings = settings or Settings.from_env()
    with _lock:
        if settings not in _pipelines:
            _pipelines[settings] = load_pipeline(settings)
        pipeline = _pipelines[settings]
    if eager:
        pipeline.warm()
    return pipeline


def load_pipeline(settings: "Settings | None" = None, embedder: object = None,
                  chat_model: object = None, eager: bool = False) -> "Pipeline":
    """A new pipeline, not shared: for integrators who bring their own embedder or LangChain
    chat model (`rag.load_pipeline(chat_model=ChatOllama(model="llama3.1"))`); `eager` loads
    the embedding model now instead of on the first retrieval."""
    from rag.pipeline import load_pipeline as _load

    return _load(settings, embedder=embedder, chat_model=chat_model, eager=eager)


def ask(question: str, history: "list[str] | None" = None, settings: "Settings | None" = None) -> "Answer":
    """Answer `question` (with earlier user questions as `history`, a list of strings) from
    the review. Invalid history raises `InvalidQuestionError` before anything is loaded."""
    from rag.core.question import check_history

    earlier = check_history(history)
    return get_pipeline(settings).ask(question, earlier)


__all__ = ["ask", "get_pipeline", "load_pipeline"]
