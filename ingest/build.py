"""Seed pages -> a complete, self-describing index directory, swapped in atomically.

The build writes everything into a fresh `build-<stamp>/` directory and only then points the
`current` symlink at it (an atomic rename), so an interrupted build (Ctrl-C, a crash, a full
disk) leaves the previous index in place and usable. One build per index folder runs at a
time (ingest/lock.py), and each starts by removing what killed builds left behind. The manifest
records the seed pages and the checksum of every file it wrote, so the index can later be
opened, judged and rebuilt from its folder alone. It does not retrieve or answer.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ingest.chunk import chunk_articles
from ingest.embed import embed_chunks
from ingest.lock import build_lock, remove_leftovers
from ingest.parse import parse_pubmed_page
from rag.core.embed import Embedder, load_embedder
from rag.core.errors import ParseError, RagError
from rag.core.index import CURRENT, SeedSource, chunking_params, current_dir, index_status, seed_source
from rag.core.manifest import FORMAT_VERSION, INDEX_FILES, Manifest, builder_fingerprint, relative_to_index, sha256_file
from rag.core.settings import Settings
from rag.core.types import Article


@dataclass(frozen=True)
class BuildReport:
    index_dir: Path
    manifest: Manifest
    units_per_section: dict[str, int] = field(default_factory=dict)
    built: bool = True  # False: the index was already up to date once the lock was held


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
    on_wait: Callable[[str], None] | None = None,
    only_if_stale: bool = False,
) -> BuildReport:
    """Parse, chunk, embed and write; returns what was built.

    `seeds`: the pages to index (recorded as a list); default: the pages the existing index
    records (`seed_source`), else every page of `settings.seeds_dir` (recorded as the folder,
    so a page added there later makes the index stale). The build holds the folder's lock
    (ingest/lock.py); `on_wait` hears about it if another build holds it. `only_if_stale`:
    once the lock is held, do nothing if the index is up to date (a build we waited for may
    have just made it so); the report then says `built=False`. `before_swap` is called with
    the finished build directory just before it goes live; tests use it to simulate an
    interruption at the last possible moment.
    """
    from rag.glossary.store import build_glossary

    started = time.perf_counter()
    source = seed_source(settings) if seeds is None else SeedSource(tuple(Path(s) for s in seeds))
    if source.missing:
        raise ParseError(f"The index at {settings.index_dir} was built from pages that are gone: "
                         f"{', '.join(str(p) for p in source.missing)}; rebuild it from other pages with "
                         "python -m ingest --seed PATH (repeatable) or NELM_SEEDS_DIR=folder")
    articles = parse_seeds(list(source.paths))
    chunks = chunk_articles(articles, settings.window_sentences)
    glossary = build_glossary([u for a in articles for u in a.units])

    index_dir = Path(settings.index_dir)
    with ExitStack() as held:
        try:
            index_dir.mkdir(parents=True, exist_ok=True)
            held.enter_context(build_lock(index_dir, on_wait))
        except OSError as e:
            raise RagError(f"Cannot write the index to {index_dir} ({e.strerror}); "
                           "choose a writable folder with --index-dir or NELM_INDEX_DIR") from e
        remove_leftovers(index_dir)  # we hold the lock: no live build owns any of it
        if only_if_stale:
            status = index_status(settings, None if seeds is None else list(source.paths))
            if status.state == "ok":
                return BuildReport(index_dir, status.manifest, built=False)
        manifest = _write_build(settings, index_dir, source, articles, chunks, glossary, embedder,
                                progress, before_swap, started)
    sections = Counter(u.section for a in articles for u in a.units)
    return BuildReport(index_dir, manifest, dict(sections))


def _write_build(settings: Settings, index_dir: Path, source: SeedSource, articles: list[Article],
                 chunks: list, glossary, embedder: Embedder | None, progress: bool,
                 before_swap: Callable[[Path], None] | None, started: float) -> Manifest:
    """Everything into a fresh temporary folder, renamed to `build-<stamp>` and swapped in."""
    import faiss

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    build_dir = index_dir / f"build-{stamp}"
    tmp_dir = index_dir / f".tmp-build-{stamp}-{os.getpid()}"
    try:
        tmp_dir.mkdir()
    except OSError as e:
        raise RagError(f"Cannot write the index to {index_dir} ({e.strerror}); "
                       "choose a writable folder with --index-dir or NELM_INDEX_DIR") from e
    try:
        # Embedding comes after the output folder is known to be writable: a bad --index-dir
        # should fail in a second, not after loading a model.
        embedder = embedder or load_embedder(settings.model_name, settings.embed_batch_size)
        index = embed_chunks(chunks, embedder, progress=progress)
        _write_json(tmp_dir / "articles.json", [a.to_dict() for a in articles])
        _write_json(tmp_dir / "chunks.json", [c.to_dict() for c in chunks])
        _write_json(tmp_dir / "glossary.json", glossary.to_dict())
        faiss.write_index(index, str(tmp_dir / "vectors.faiss"))
        manifest = Manifest(
            format_version=FORMAT_VERSION, model_name=settings.model_name,
            dimension=embedder.dimension, chunking=chunking_params(settings),
            seeds={p.name: sha256_file(p) for p in source.paths},
            seed_dir=relative_to_index(source.folder, index_dir) if source.folder is not None else None,
            seed_files=tuple(relative_to_index(p, index_dir) for p in source.paths),
            built_in=os.path.abspath(index_dir),
            builder=builder_fingerprint(),
            files={name: sha256_file(tmp_dir / name) for name in INDEX_FILES},
            unit_count=sum(len(a.units) for a in articles), chunk_count=len(chunks),
            document_count=len(articles), build_seconds=round(time.perf_counter() - started, 3),
            built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
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
    remove_leftovers(index_dir)
    return manifest


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _swap_current(index_dir: Path, build_dir: Path) -> None:
    """Point `current` at `build_dir` with one atomic rename of a fresh symlink."""
    link_tmp = index_dir / f".current-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(build_dir.name)
    current = index_dir / CURRENT
    if current.is_dir() and not current.is_symlink():
        # An index folder copied with its links followed holds `current` as a real folder, which
        # no rename can replace with a link: it becomes an old build, removed with the leftovers.
        current.rename(index_dir / f"build-replaced-{os.getpid()}")
    os.replace(link_tmp, current)
