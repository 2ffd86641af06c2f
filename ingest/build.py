"""Seed pages -> a complete, self-describing index directory, swapped in atomically.

The build writes everything into a fresh `build-<stamp>/` directory and only then points the
`current` symlink at it (an atomic rename), so an interrupted build (Ctrl-C, a crash, a full
disk) leaves the previous index in place and usable. It does not retrieve or answer.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ingest.chunk import chunk_articles
from ingest.embed import embed_chunks
from rag.core.embed import Embedder, load_embedder
from ingest.parse import parse_pubmed_page
from rag.core.errors import ParseError, RagError
from rag.core.index import (CURRENT, FORMAT_VERSION, Manifest, chunking_params, current_dir,
                       seed_paths, sha256_file)
from rag.core.settings import Settings
from rag.core.types import Article


@dataclass(frozen=True)
class BuildReport:
    index_dir: Path
    manifest: Manifest
    units_per_section: dict[str, int] = field(default_factory=dict)


def parse_seeds(seeds: list[Path]) -> list[Article]:
    """Parse every seed; with several documents, IDs get a `<doc-key>:` prefix."""
    if not seeds:
        raise ParseError("No seed pages given; put saved PubMed pages (*.txt) in seeds/ or pass --seed PATH")
    prefix = len(seeds) > 1
    articles = [parse_pubmed_page(p, prefix_ids=prefix) for p in seeds]
    keys = Counter(a.doc_key for a in articles)
    if any(n > 1 for n in keys.values()):
        # Same first author and year twice: disambiguate with a, b, ... as citation styles do.
        seen: Counter[str] = Counter()
        renamed = []
        for a, p in zip(articles, seeds):
            if keys[a.doc_key] > 1:
                key = a.doc_key + "abcdefghijklmnopqrstuvwxyz"[seen[a.doc_key]]
                seen[a.doc_key] += 1
                renamed.append(parse_pubmed_page(p, doc_key=key, prefix_ids=prefix))
            else:
                renamed.append(a)
        articles = renamed
    return articles


def build_index(
    settings: Settings,
    seeds: list[Path] | None = None,
    embedder: Embedder | None = None,
    progress: bool = True,
    before_swap: Callable[[Path], None] | None = None,
) -> BuildReport:
    """Parse, chunk, embed and write; returns what was built.

    `before_swap` is called with the finished build directory just before it goes live;
    tests use it to simulate an interruption at the last possible moment.
    """
    import faiss
    from rag.glossary.store import build_glossary

    started = time.perf_counter()
    seeds = seed_paths(settings) if seeds is None else [Path(s) for s in seeds]
    articles = parse_seeds(seeds)
    chunks = chunk_articles(articles, settings.window_sentences)
    glossary = build_glossary([u for a in articles for u in a.units])

    index_dir = Path(settings.index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        build_dir = index_dir / f"build-{stamp}"
        tmp_dir = index_dir / f".tmp-build-{stamp}-{os.getpid()}"
        tmp_dir.mkdir()
    except OSError as e:
        raise RagError(f"Cannot write the index to {index_dir} ({e.strerror}); "
                       "choose a writable folder with --index-dir or NELM_INDEX_DIR") from e
    try:
        # Embedding comes after the output folder is known to be writable: a bad --index-dir
        # should fail in a second, not after loading a model.
        embedder = embedder or load_embedder(settings.model_name, settings.embed_batch_size)
        index = embed_chunks(chunks, embedder, progress=progress)
        manifest = Manifest(
            format_version=FORMAT_VERSION, model_name=settings.model_name,
            dimension=embedder.dimension, chunking=chunking_params(settings),
            seeds={p.name: sha256_file(p) for p in seeds},
            unit_count=sum(len(a.units) for a in articles), chunk_count=len(chunks),
            document_count=len(articles), build_seconds=round(time.perf_counter() - started, 3),
            built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        _write_json(tmp_dir / "articles.json", [a.to_dict() for a in articles])
        _write_json(tmp_dir / "chunks.json", [c.to_dict() for c in chunks])
        _write_json(tmp_dir / "glossary.json", glossary.to_dict())
        faiss.write_index(index, str(tmp_dir / "vectors.faiss"))
        _write_json(tmp_dir / "manifest.json", manifest.to_dict())  # last: marks a complete build
        tmp_dir.rename(build_dir)
        if before_swap is not None:
            before_swap(build_dir)
        _swap_current(index_dir, build_dir)
    except BaseException:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        if build_dir.exists() and current_dir(index_dir).resolve() != build_dir.resolve():
            shutil.rmtree(build_dir, ignore_errors=True)
        raise
    _remove_old_builds(index_dir, keep=build_dir)
    sections = Counter(u.section for a in articles for u in a.units)
    return BuildReport(index_dir, manifest, dict(sections))


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _swap_current(index_dir: Path, build_dir: Path) -> None:
    """Point `current` at `build_dir` with one atomic rename of a fresh symlink."""
    link_tmp = index_dir / f".current-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(build_dir.name)
    os.replace(link_tmp, index_dir / CURRENT)


def _remove_old_builds(index_dir: Path, keep: Path) -> None:
    for path in index_dir.iterdir():
        if path.is_dir() and not path.is_symlink() and path != keep and (
                path.name.startswith("build-") or path.name.startswith(".tmp-build-")):
            shutil.rmtree(path, ignore_errors=True)
