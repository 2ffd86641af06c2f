"""Optional generative mode: question + retrieved units + a chat model -> a verified, cited answer.

Any LangChain chat model (configured by `NELM_GENERATIVE_MODEL`, e.g. "ollama:llama3.1" or
"openai:gpt-4o-mini" for an OpenAI-compatible endpoint) is shown only the retrieved units,
each labelled with its ID, and asked to cite an ID after every sentence. Its answer then goes
through `rag.answer.verify`: sentences without a citation, citing a unit that was not retrieved, or not
supported by what they cite are removed and reported.

What comes out is a `GeneratedAnswer`; `ok` is False when the model failed (missing package,
connection refused, empty output, no answer within `timeout_s`) or nothing it wrote survived
verification, and the chain then shows its extractive answer with `notice`. The model is
bounded: its call runs in a worker thread that is no longer waited for after `timeout_s` (a
model that never returns cannot block `ask`), only its first `max_chars` characters are read,
and at most `max_sentences` verified sentences are kept. This module does not retrieve, route
or build the final `Answer`; it never raises for a model failure.

The model packages (`langchain`, `langchain-ollama`, `langchain-openai`, ...) are optional and
not in requirements.txt; langchain_core is imported inside functions so that importing this
module costs nothing when the mode is off.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from rag.core.errors import ConfigError
from rag.core.types import SourceUnit
from rag.answer.verify import DEFAULT_MIN_SUPPORT, verify_answer

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

NO_ANSWER = "The indexed text of this review does not address this."
# Variants a model may write for the same refusal; all are fixed text, not claims.
_NO_ANSWER_VARIANTS = (NO_ANSWER, "The indexed text of this review does not address this question.")

_SYSTEM = (
    "You answer questions about one medical review article. You are given passages from it, "
    "each starting with its ID in square brackets. Rules:\n"
    "1. Use ONLY what the passages state. No outside knowledge; never write a number, dose or "
    "rate that is not in the passages.\n"
    "2. End every sentence with the ID of each passage that supports it, in square brackets, "
    "for example: \"... is indicated in selected patients [abstract-s3].\" Cite only IDs from "
    "the list, exactly as written.\n"
    "3. If the passages do not answer the question, reply with exactly this sentence and "
    f"nothing else: {NO_ANSWER}\n"
    "4. Answer in at most {max_sentences} short sentences of plain prose: no headings, no lists, "
    "no preamble."
)
_HUMAN = "Passages:\n{passages}\n\nQuestion: {question}"
_MAX_ERROR_CHARS = 200


@dataclass(frozen=True)
class GeneratedAnswer:
    """A model's answer after verification.

    `text` keeps only verified sentences with their `[unit-id]` citations; `removed` lists
    (sentence, reason) for what was dropped; `abstained` is True when the model's only answer
    was that the passages do not address the question (`ok` stays True: that is an answer).
    """

    text: str
    cited_ids: tuple[str, ...]
    removed: tuple[tuple[str, str], ...]
    notice: str
    ok: bool
    abstained: bool = False


def generate_answer(question: str, units: Sequence[SourceUnit], chat_model: "BaseChatModel",
                    all_units: Mapping[str, SourceUnit], min_support: float = DEFAULT_MIN_SUPPORT,
                    max_sentences: int = 4, timeout_s: float | None = None, max_chars: int = 2000,
                    aliases: Callable[[str], Sequence[tuple[str, str]]] | None = None) -> GeneratedAnswer:
    """Ask `chat_model` to answer from `units` only, then keep what its citations support.

    `units` are the retrieved units, in rank order (the only ones the answer may cite);
    `all_units` maps every unit ID of the index to its unit. `timeout_s` (None: wait as long
    as the model takes), `max_chars` and `max_sentences` bound the model's answer; `aliases`
    gives other names of a text's phrases (the glossary's abbreviations) to the verifier.
    """
    if not units:
        return _fallback("no passages were retrieved for the generative model")
    inputs = {"passages": format_passages(units), "question": question, "max_sentences": max_sentences}
    try:
        raw = _invoke_within(build_chain(chat_model), inputs, timeout_s)
    except TimeoutError:
        return _fallback(f"the generative model did not answer within {timeout_s:g} s")
    except Exception as e:  # any model failure, network included, must fall back, never crash
        detail = str(e).strip().splitlines()[0][:_MAX_ERROR_CHARS] if str(e).strip() else ""
        return _fallback(f"the generative model failed ({type(e).__name__}{': ' + detail if detail else ''})")
    raw = _strip_reasoning(str(raw))
    if not raw.strip():
        return _fallback("the generative model returned an empty answer")
    # Read no further than the answer may be long: a sentence cut here cites nothing and goes.
    raw = raw[:max_chars]

    known = {**all_units, **{u.id: u for u in units}}
    verification = verify_answer(raw, known, {u.id for u in units}, min_support=min_support,
                                 fixed_sentences=_NO_ANSWER_VARIANTS, aliases=aliases,
                                 max_sentences=max_sentences, max_chars=max_chars)
    claims = [s for s, ids in verification.kept_sentences if ids]
    removed = verification.removed
    if not claims:
        if verification.kept_sentences:  # only the fixed refusal survived
            return GeneratedAnswer(NO_ANSWER, (), removed, _removed_notice(removed), True, True)
        total = len(removed)
        return _fallback(f"none of the model's {total} sentence{'s' if total != 1 else ''} "
                         "was supported by the passages it cited", removed)
    return GeneratedAnswer(verification.text, verification.cited_ids, removed,
                           _removed_notice(removed), True)


def build_chain(chat_model: "BaseChatModel") -> Any:
    """`prompt | chat_model | StrOutputParser()`: a LangChain runnable taking
    {"passages", "question", "max_sentences"} and returning the model's text."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    prompt = ChatPromptTemplate.from_messages([("system", _SYSTEM), ("human", _HUMAN)])
    return prompt | chat_model | StrOutputParser()


def format_passages(units: Sequence[SourceUnit]) -> str:
    """One line per unit: `[abstract-s2] (Abstract, sentence 2) Liver surgery ...`."""
    return "\n".join(f"[{u.id}] ({u.label}) {u.text}" if u.label else f"[{u.id}] {u.text}"
                     for u in units)


def load_chat_model(spec: str, **model_kwargs: Any) -> "BaseChatModel":
    """A chat model from a "provider:model" spec, e.g. "ollama:llama3.1", "openai:gpt-4o-mini".

    Uses LangChain's `init_chat_model`; the provider's own package reads its endpoint and key
    from the environment (OLLAMA_HOST; OPENAI_BASE_URL and OPENAI_API_KEY for any
    OpenAI-compatible server). Temperature defaults to 0 so answers repeat.
    """
    spec = (spec or "").strip()
    if not spec:
        raise ConfigError("generative model spec is empty; set NELM_GENERATIVE_MODEL, "
                          "e.g. NELM_GENERATIVE_MODEL=ollama:llama3.1")
    provider, _, model = spec.partition(":") if ":" in spec else ("", "", spec)
    if not model.strip():
        raise ConfigError(f"generative model spec {spec!r} names no model; "
                          "use provider:model, e.g. ollama:llama3.1")
    init_chat_model = _import_init_chat_model(provider)
    model_kwargs.setdefault("temperature", 0)
    try:
        if provider:
            return init_chat_model(model, model_provider=provider, **model_kwargs)
        return init_chat_model(model, **model_kwargs)
    except ImportError as e:
        package = f"langchain-{provider.replace('_', '-')}" if provider else "the provider's langchain package"
        raise ConfigError(f"generative model {spec!r} needs a package that is not installed; "
                          f"install it with: pip install {package} ({e})") from e
    except ValueError as e:
        raise ConfigError(f"generative model spec {spec!r} is not usable: {e}; "
                          "use provider:model, e.g. ollama:llama3.1 or openai:gpt-4o-mini") from e


def _import_init_chat_model(provider: str) -> Any:
    # Only `langchain` itself: `langchain_classic` has a deprecated copy that falls back to
    # langchain-community integrations, which this project does not use.
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as e:
        extra = f" langchain-{provider.replace('_', '-')}" if provider else ""
        raise ConfigError("the generative mode needs the optional package 'langchain'; "
                          f"install it with: pip install langchain{extra} "
                          "(or unset NELM_GENERATIVE_MODEL for extractive answers)") from e
    return init_chat_model


def _invoke_within(chain: Any, inputs: dict[str, Any], timeout_s: float | None) -> Any:
    """`chain.invoke(inputs)`, waited for at most `timeout_s` seconds (TimeoutError after).

    The call runs in a daemon thread: Python cannot stop a thread, so a model that hangs keeps
    its thread until it returns or the process ends, but nobody waits for it, and a daemon
    thread does not hold the process open at exit either."""
    if timeout_s is None:
        return chain.invoke(inputs)
    outcome: dict[str, Any] = {}

    def call() -> None:
        try:
            outcome["value"] = chain.invoke(inputs)
        except BaseException as e:  # handed to the waiting caller, which decides
            outcome["error"] = e

    worker = threading.Thread(target=call, name="nelm-generative-model", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise TimeoutError(f"no answer within {timeout_s:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _strip_reasoning(text: str) -> str:
    """Drop a reasoning model's `<think>...</think>` block: it is not part of the answer."""
    import re

    return re.sub(r"<think>.*?</think>", "", text, flags=re.S | re.I)


_LIMIT_REASONS = ("beyond the answer's limit", "repeats an earlier sentence")


def _removed_notice(removed: tuple[tuple[str, str], ...]) -> str:
    unsupported = sum(not reason.startswith(_LIMIT_REASONS) for _, reason in removed)
    surplus = len(removed) - unsupported
    parts = []
    if unsupported:
        parts.append(f"{unsupported} unsupported sentence{' was' if unsupported == 1 else 's were'} "
                     "removed from the generated answer")
    if surplus:
        parts.append(f"{surplus} repeated or surplus sentence{' was' if surplus == 1 else 's were'} "
                     "left out (the answer's length is limited)")
    return "; ".join(parts)


def _fallback(reason: str, removed: tuple[tuple[str, str], ...] = ()) -> GeneratedAnswer:
    return GeneratedAnswer("", (), removed, f"Generative answer unavailable: {reason}; "
                           "showing the extractive answer.", False)
