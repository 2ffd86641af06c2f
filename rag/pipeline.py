"""The question-answering chain: normalise -> route -> (glossary | algorithm | retrieval) -> Answer.

Served as one LangChain runnable (`.invoke`, batching, composition); the router's `Turn` flows to the
route's answerer, which returns an `Answer`. Loading (index, model, BM25, glossary) happens once in
`load_pipeline`; `ask` is then read-only and safe to call from several threads (the app shares one).

Routing is decided in one place (rag/routing/router.py); this module only dispatches: abbreviations to the
glossary, treatment scenarios to the Figure 2 algorithm (never to free text), another cancer to a refusal
naming it, everything else to retrieval and the extractive answerer. The first three answerers are in
rag/route_answers.py; retrieval's, which needs the loaded model, index and gate, stays here.
"""

from __future__ import annotations

import re
import time
from typing import Any

from rag.algorithm.phrases import VOCABULARY as ALGORITHM_WORDS
from rag.answer.extractive import Answerer
from rag.answer.refusal import abstention_text
from rag.answer.gate import WordVectors, has_content, load_gate, words_of
from rag.answer.passage_words import PassageWords
from rag.core.index import LoadedIndex, load_index
from rag.core.settings import Settings
from rag.core.types import Answer, Citation
from rag.retrieval.hybrid import Hit, HybridRetriever
from rag.retrieval.spelling import Speller
from rag.routing.referents import FollowupResolver
from rag.routing.router import Turn, route
from rag.route_answers import answer_algorithm, answer_glossary, answer_out_of_scope, citation, timings, with_record


class Pipeline:
    def __init__(self, index: LoadedIndex, embedder: Any, settings: Settings, chat_model: Any = None) -> None:
        from rag.glossary.described import DescribedTerms
        from rag.glossary.store import Glossary

        self.index = index
        self.settings = settings
        self.glossary = Glossary.from_index(index.glossary)
        self._aliases: dict[str, list[tuple[str, str]]] = {}
        # what the indexed text prints, for an outside abbreviation whose long form it uses ("US": United States)
        text = " ".join(" ".join(u.text.split()) for u in index.units.values()).casefold()
        self._printed = frozenset(e.long for e in self.glossary.supplementary
                                  if re.search(rf"(?<!\w){re.escape(e.long.casefold())}(?!\w)", text)).__contains__
        self.embedder = embedder
        self.described = DescribedTerms(self.glossary.entries, lambda texts: self.embedder.encode(texts))
        self.speller = Speller([*(u.text for u in index.units.values()), ALGORITHM_WORDS], self.glossary.short_forms())
        self.retriever = HybridRetriever(index, embedder, settings, expand=self.expand)
        self.passage_words = PassageWords(embedder, settings)
        self.answerer = Answerer(list(index.units.values()), settings, expand=self.expand,
                                 aliases=self.aliases, background=[a.title for a in index.articles]
                                 # "in Machairas et al, what is ..." names the source, not what is asked
                                 + [f"{a.first_author.split()[-1]} et al" for a in index.articles if a.first_author.split()],
                                 gate=load_gate() if settings.answer_gate else None,
                                 passage_words=self.passage_words)
        self.chat_model, self.chat_notice = chat_model, ""
        self._review_key: str | None = None  # the treatment algorithm's document, found on first use
        if chat_model is None and settings.generative_model:
            from rag.core.errors import ConfigError
            from rag.answer.generate import load_chat_model

            try:
                self.chat_model = load_chat_model(settings.generative_model)
            except ConfigError as e:  # the extractive answer still works; say why once per answer
                self.chat_notice = f"Generative mode unavailable ({e}); showing the extractive answer."
        self._warmed = False
        if getattr(embedder, "loaded", True):  # a model handed over loaded (the app's): warm now
            self.warm()
        self.followups = FollowupResolver(self)
        self.chain = self._build_chain()

    # -- public -------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer one question; `history` is the conversation's earlier user questions
        (anything else, such as one string, is the documented `InvalidQuestionError`)."""
        from rag.core.question import check_history

        return self.chain.invoke({"question": question, "history": check_history(history)})

    def expand(self, text: str) -> str:
        """The text plus the glossary's expansions of what it contains, both directions."""
        # Review-defined abbreviations (and outside ones for a thing the review defines, "LT"): the supplementary
        # list is for lookup, and must not make the review look as if it said something about a term it never defines.
        extra = [other for _, other in self.aliases(text)]
        return f"{text} {' '.join(dict.fromkeys(extra))}" if extra else text

    def aliases(self, text: str) -> list[tuple[str, str]]:
        """(phrase in `text`, another name for it): the review's abbreviations both ways, lay
        words with their clinical equivalents, and typos with the review's word they meant."""
        from rag.retrieval.lay import lay_expansions

        found = self._aliases.get(text)  # the retriever and the answerer both ask
        if found is None:
            found = (self.glossary.expansions_for(text, include_supplementary=False, printed=self._printed)
                     + lay_expansions(text)
                     + self.speller.corrections(text))
            if len(self._aliases) < 10_000:
                self._aliases[text] = found
        return found

    def warm(self) -> None:
        """Load a lazy model (rag/core/lazy_embedder.py) and what retrieval needs. Glossary and algorithm answers
        never need it: a CLI question leaves this to the first retrieval, a server does it before its first visitor."""
        if self._warmed:
            return
        getattr(self.embedder, "load", lambda: None)()
        self.passage_words.warm(self.index.units.values())
        self._warmed = True

    def _encode_query(self, query: str, asked: str = "") -> tuple[Any, WordVectors | None]:
        """The searched text's vector and, from the same forward pass, the word vectors of the question
        part of it (the expansion words are context, not something asked). For a follow-up, `asked` is the
        user's own words, which lead the rewritten query: "What are the alternatives?" is what the gate
        weighs, in the earlier turn's context; "for whom?" asks no word of its own, so the whole query."""
        self.warm()  # a lazy model loads here, on the first retrieval
        if not hasattr(self.embedder, "encode_with_tokens"):
            return None, None
        from rag.retrieval.structure import topic_of

        searched = self.retriever.query_text(query)
        [(vector, tokens)] = self.embedder.encode_with_tokens([searched])
        own = asked if asked and query.startswith(asked) and has_content(asked) else ""
        pieces = self.embedder.count_pieces(own or topic_of(query) or query)
        return vector[None, :], words_of(tokens.tokens[:pieces], tokens.vectors[:pieces], vector)

    def retrieve(self, query: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        return self.retriever.retrieve(query, top_k, mode)

    # -- chain --------------------------------------------------------------------------
    def _build_chain(self):
        """prepare (normalise, rewrite, route), then dispatch to the route's answerer, as one LangChain
        `Runnable` (so `invoke`, `batch`, `stream` and `|` composition work as for any runnable).

        One runnable of our own, not a sequence of `RunnableLambda`s: those set up a callback manager and
        inspect each function's signature on every call, about 2 ms a question (a tenth of a retrieval
        answer), and this chain traces nothing.
        """
        from langchain_core.runnables import Runnable

        pipeline = self

        class Answering(Runnable):
            name = "answer"

            def invoke(self, request: dict[str, Any], config: Any = None, **kwargs: Any) -> Answer:
                return pipeline._dispatch(pipeline._prepare(request))

        return Answering()

    def _dispatch(self, routed: tuple[Turn, float]) -> Answer:
        turn, started = routed
        if turn.route == "glossary":
            return answer_glossary(self, turn, started, self._answer_retrieval)
        if turn.route == "algorithm":
            return answer_algorithm(self, turn, started)
        if turn.route == "out_of_scope":
            return answer_out_of_scope(self, turn, started)
        return self._answer_retrieval(turn, started)

    def _prepare(self, request: dict[str, Any]) -> tuple[Turn, float]:
        started = time.perf_counter()
        turn = route(request["question"], request.get("history") or [], self.glossary,
                     self.settings.max_question_chars, read=self.speller.read)
        return self.followups.resolve(turn), started

    def review_units(self, unit_ids: tuple[str, ...]) -> dict[str, str]:
        """The algorithm cites the review's own IDs: they resolve in the review's document only,
        found by the DOI tree.yaml records (rag/algorithm/source.py), never by index order."""
        from rag.algorithm.source import resolve_citations, review_doc_key

        if self._review_key is None:
            self._review_key = review_doc_key(self.index.units) or ""
        return resolve_citations(unit_ids, self.index.units, self._review_key) if self._review_key else {}

    def related(self, hits: list[Hit]) -> tuple[Citation, ...]:
        """The closest passages, shown with a refusal as reading, not as an answer."""
        return tuple(citation(self.index.units[h.unit_id], (0, len(self.index.units[h.unit_id].text)), h.score)
                     for h in hits[:3] if h.unit_id in self.index.units)

    def extract(self, turn: Turn) -> tuple[list[Hit], Any, float]:
        """The extractive decision for a routed turn: (hits, extraction, retrieval ms); the gate is fitted on these."""
        t0 = time.perf_counter()
        focus = turn.own_words if turn.query != turn.own_words else ""
        # a question that points back at the statement told before it asks about that statement: its words are weighed
        # with the question's
        leans, searched = turn.leans_on_context, turn.searched
        vector, query_words = self._encode_query(searched, "" if leans else focus)
        hits = [h for h in self.retriever.retrieve(searched, self.settings.top_k, vector=vector) if h.unit_id not in turn.exclude]
        t1 = time.perf_counter()
        extraction = self.answerer.answer(turn.query, hits, self.index.units, focus=focus, query_words=query_words,
                                          followup=bool(focus) and not turn.context)
        return hits, extraction, (t1 - t0) * 1000

    def _answer_retrieval(self, turn: Turn, started: float) -> Answer:
        t1 = time.perf_counter()
        hits, extraction, retrieve_ms = self.extract(turn)
        text, citations, abstained = extraction.answer, extraction.citations, extraction.abstained
        mode, notices = "extractive", [self.chat_notice] if self.chat_notice else []
        related = extraction.related
        if self.chat_model is not None:
            from rag.answer.generate import generate_answer

            cfg = self.settings
            generated = generate_answer(turn.query, [self.index.units[h.unit_id] for h in hits],
                                        self.chat_model, self.index.units, aliases=self.aliases,
                                        max_sentences=cfg.generative_max_sentences,
                                        timeout_s=cfg.generative_timeout_s, max_chars=cfg.generative_max_chars)
            if generated.notice:
                notices.append(generated.notice)
            if generated.ok and generated.abstained:
                mode, abstained, text, citations = "generative", True, abstention_text(), ()
                related = self.related(hits)
            elif generated.ok:
                scores = {h.unit_id: h.score for h in hits}
                mode, abstained, text, related = "generative", False, generated.text, ()
                citations = tuple(citation(self.index.units[uid], (0, len(self.index.units[uid].text)),
                                            scores.get(uid, 0.0)) for uid in generated.cited_ids)
        if turn.cannot_answer and not abstained and {c.unit_id for c in citations} <= set(turn.cannot_answer):
            # Only passages known not to answer it (rag/routing/referents.py: a "why?" the
            # previous answer left unexplained, a cited work asked what it found): declined,
            # the passages shown as reading.
            text, citations, abstained, related = abstention_text(), (), True, self.related(hits)
        if turn.cite_record and not abstained:
            text, citations = with_record(self.index.units, text, citations)
        measured = timings(started)
        measured.update(retrieve=retrieve_ms, answer=(time.perf_counter() - t1) * 1000 - retrieve_ms)
        return Answer(
            turn.question, "retrieval", text, citations, abstained,
            tuple((h.unit_id, h.score) for h in hits), measured,
            rewritten_question=turn.query if turn.query != turn.question else "",
            related=related, notices=tuple(notices), mode=mode)


def load_pipeline(settings: Settings | None = None, embedder: Any = None, chat_model: Any = None,
                  eager: bool = False) -> Pipeline:
    """Load the index (checked against the seeds and settings) and the model, once.

    `embedder`: anything with `name`, `dimension` and `encode(texts)` (rag/core/embed.py);
    default: the configured sentence-transformers model. `chat_model`: a LangChain chat
    model (any `BaseChatModel`) for the generative mode; its sentences are verified against
    what they cite, and a failing model falls back to the extractive answer. Default: the
    one `NELM_GENERATIVE_MODEL` names, or none (extractive answers only). Without an
    `embedder` the model loads on the first retrieval, or here with `eager=True`.
    """
    settings = settings or Settings.from_env()
    index = load_index(settings)
    if embedder is None:
        from rag.core.lazy_embedder import LazyEmbedder

        embedder = LazyEmbedder(settings.model_name, settings.embed_batch_size, index.manifest.dimension)
    pipeline = Pipeline(index, embedder, settings, chat_model=chat_model)
    if eager:
        pipeline.warm()
    return pipeline

