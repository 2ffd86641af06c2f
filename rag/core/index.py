"""The persisted index: its freshness check and loading it (the manifest: rag/core/manifest.py).

Layout of `index_dir` (see index/README.md):
    current -> build-<stamp>/      a symlink, swapped atomically when a build finishes
    build-<stamp>/manifest.json    format version, model, dimension, chunking, the seed pages that
                                   built it with their sha256s, every index file's sha256, counts
                  articles.json    articles with their units (exact text and spans)
                  chunks.json      retrieval chunks and the unit IDs each covers
                  glossary.json    the review's abbreviations with provenance
                  vectors.faiss    FAISS inner-product index over normalised chunk embeddings
    .build.lock                    held by the build in progress (ingest/lock.py)
Nothing is pickled. A mismatch between the manifest and the seeds or settings is "stale", a
file that no longer matches its checksum (or a malformed one) "corrupt"; either is reported,
never silently used, and `python -m ingest` rebuilds both. FAISS is imported only when
vectors are actually loaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.core.errors import IndexCorruptError, IndexMissingError, IndexStaleError, RagError
from rag.core.manifest import (FORMAT_VERSION, INDEX_FILES, Manifest, builder_fingerprint, file_problems, recorded_seeds,
                               sha256_file)
from rag.core.settings import Settings
from rag.core.types import Article, Chunk, SourceUnit

__all__ = ["CURRENT", "FORMAT_VERSION", "INDEX_FILES", "REBUILD_HINT", "REPAIR_HINT", "IndexStatus", "LoadedIndex",
           "Manifest", "SeedSource", "chunking_params", "current_dir", "index_status", "load_index", "read_glossary",
           "read_index_dir", "read_manifest", "seed_paths", "seed_source", "sha256_file"]

CURRENT = "current"
REBUILD_HINT = "build it with: python -m ingest (or make run, which rebuilds automatically)"
REPAIR_HINT = "rebuild it with: python -m ingest (or make run, which rebuilds automatically)"


@dataclass(frozen=True)
class IndexStatus:
    state: str  # "ok" | "missing" | "stale" | "corrupt"
    reasons: tuple[str, ...] = ()
    manifest: Manifest | None = None


@dataclass(frozen=True)
class SeedSource:
    """The pages an index is (to be) built from: every page of `folder`, or a list of pages."""

    paths: tuple[Path, ...]
    folder: Path | None = None
    missing: tuple[Path, ...] = ()  # recorded pages (or the recorded folder) that no longer exist


@dataclass(frozen=True)
class LoadedIndex:
    """Everything retrieval and answering need, in memory."""

    manifest: Manifest
    articles: tuple[Article, ...]
    chunks: tuple[Chunk, ...]
    glossary: dict[str, Any]
    vectors: Any  # faiss.Index
    units: dict[str, SourceUnit] = field(default_factory=dict)


def seed_paths(settings: Settings) -> list[Path]:
    """Every seed page in `seeds_dir`, in name order (the order documents are indexed in)."""
    return _pages_in(Path(settings.seeds_dir))


def _pages_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def seed_source(settings: Settings) -> SeedSource:
    """The pages the index at `settings.index_dir` is judged against and rebuilt from.

    An existing index names its own pages in its manifest, so `NELM_INDEX_DIR=X` alone opens
    (and `python -m ingest --index-dir X` repairs) an index built with `--seed A --seed B`
    from A and B, not from the default folder. The settings' folder is used for a new index,
    for one whose manifest records no pages, and whenever `NELM_SEEDS_DIR` names a folder
    other than the default: that is an explicit request to index that folder.
    """
    recorded = None if _seeds_dir_is_explicit(settings) else \
        recorded_seeds(_manifest_json(settings.index_dir), settings.index_dir)
    if recorded is None:
        return SeedSource(tuple(seed_paths(settings)), Path(settings.seeds_dir))
    folder, files = recorded
    if folder is not None:
        return SeedSource(tuple(_pages_in(folder)), folder, () if folder.is_dir() else (folder,))
    return SeedSource(files, None, tuple(p for p in files if not p.is_file()))


def _seeds_dir_is_explicit(settings: Settings) -> bool:
    default = Settings.__dataclass_fields__["seeds_dir"].default
    return Path(settings.seeds_dir).absolute() != Path(default).absolute()


def chunking_params(settings: Settings) -> dict[str, Any]:
    return {"scheme": "unit+context", "window_sentences": settings.window_sentences}


def current_dir(index_dir: Path) -> Path:
    return Path(index_dir) / CURRENT


def _manifest_json(index_dir: Path) -> Any:
    """The parsed manifest.json of the current build; None when there is none; `_UNREADABLE`
    when it exists but is not JSON."""
    path = current_dir(index_dir) / "manifest.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        return _UNREADABLE


_UNREADABLE = object()


def read_manifest(index_dir: Path) -> Manifest | None:
    """The current build's manifest, or None when there is none or it cannot be trusted."""
    try:
        return Manifest.from_dict(_manifest_json(index_dir))
    except IndexCorruptError:
        return None


def index_status(settings: Settings, seeds: list[Path] | None = None) -> IndexStatus:
    """Compare the manifest with the seeds (default: `seed_source`), the settings and the
    index files' checksums: cheap (a file is hashed once per process, then only stat()ed),
    loads no model."""
    data = _manifest_json(settings.index_dir)
    if data is None:
        return IndexStatus("missing", (f"no index at {settings.index_dir}",))
    if data is _UNREADABLE:
        return IndexStatus("corrupt", ("manifest.json is not readable JSON",))
    version = data.get("format_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version != FORMAT_VERSION:
        return IndexStatus("stale", (f"index format {version}, this code reads {FORMAT_VERSION}",))
    try:
        manifest = Manifest.from_dict(data)
    except IndexCorruptError as e:
        return IndexStatus("corrupt", (str(e),))
    problems = file_problems(current_dir(settings.index_dir).resolve(), manifest)
    if problems:
        return IndexStatus("corrupt", tuple(problems), manifest)
    source = seed_source(settings) if seeds is None else SeedSource(tuple(Path(p) for p in seeds))
    reasons = []
    if manifest.model_name != settings.model_name:
        reasons.append(f"built with model {manifest.model_name!r}, settings ask for {settings.model_name!r}")
    if manifest.chunking != chunking_params(settings):
        reasons.append(f"built with chunking {manifest.chunking}, settings ask for {chunking_params(settings)}")
    if manifest.builder != builder_fingerprint():
        reasons.append("the code or data that builds an index changed since it was built (an update)")
    if source.missing:
        reasons.append("its seed pages are gone: " + ", ".join(str(p) for p in source.missing))
    expected = {p.name: sha256_file(p) for p in source.paths if p.is_file()}
    if manifest.seeds != expected:
        changed = sorted(set(manifest.seeds.items()) ^ set(expected.items()))
        reasons.append("seed pages changed: " + ", ".join(sorted({name for name, _ in changed})))
    return IndexStatus("stale" if reasons else "ok", tuple(reasons), manifest)


def _raise_unless_usable(status: IndexStatus, settings: Settings, check: bool) -> None:
    where = settings.index_dir
    if status.state == "missing":
        raise IndexMissingError(f"Index not found at {where}; {REBUILD_HINT}")
    if status.state == "corrupt":
        raise IndexCorruptError(f"Index at {where} is corrupt ({'; '.join(status.reasons)}); {REPAIR_HINT}")
    if check and status.state == "stale":
        raise IndexStaleError(f"Index at {where} is stale ({'; '.join(status.reasons)}); {REBUILD_HINT}")


def load_index(settings: Settings, check: bool = True) -> LoadedIndex:
    """Load the current index; a missing, corrupt or (with `check`) stale one raises with
    the command that fixes it."""
    _raise_unless_usable(index_status(settings), settings, check)
    return read_index_dir(current_dir(settings.index_dir))


def read_glossary(settings: Settings) -> dict[str, Any]:
    """Just the stored glossary (checked like the index), without FAISS or a model: an
    abbreviation lookup must not pay for loading what it does not use."""
    _raise_unless_usable(index_status(settings), settings, check=True)
    return _read_json(current_dir(settings.index_dir) / "glossary.json")


def read_index_dir(path: Path) -> LoadedIndex:
    """One build folder, checked file by file against its manifest before it is parsed, and
    its parts against each other after; whatever does not fit is `IndexCorruptError`."""
    import faiss  # heavy; only here

    path = Path(path).resolve()  # one build, even if `current` is swapped while we read
    manifest = Manifest.from_dict(_read_json(path / "manifest.json"))
    problems = file_problems(path, manifest)
    if problems:
        raise IndexCorruptError(f"Index at {path} is corrupt ({'; '.join(problems)}); {REPAIR_HINT}")
    try:
        articles = tuple(Article.from_dict(a) for a in _read_json(path / "articles.json"))
        chunks = tuple(Chunk.from_dict(c) for c in _read_json(path / "chunks.json"))
        glossary = _read_json(path / "glossary.json")
        vectors = faiss.read_index(str(path / "vectors.faiss"))
    except RagError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError, RuntimeError) as e:
        raise IndexCorruptError(f"Index at {path} is corrupt ({type(e).__name__}: {e}); {REPAIR_HINT}") from e
    units = {u.id: u for a in articles for u in a.units}
    counts = {"vectors": (vectors.ntotal, manifest.chunk_count), "chunks": (len(chunks), manifest.chunk_count),
              "units": (len(units), manifest.unit_count), "dimension": (vectors.d, manifest.dimension)}
    wrong = [f"{name} {got}, manifest says {want}" for name, (got, want) in counts.items() if got != want]
    if wrong:
        raise IndexCorruptError(f"Index at {path} is corrupt ({'; '.join(wrong)}); {REPAIR_HINT}")
    return LoadedIndex(manifest, articles, chunks, glossary, vectors, units)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise IndexMissingError(f"Index file missing: {path}; {REBUILD_HINT}") from e
    except ValueError as e:
        raise IndexCorruptError(f"Index file is corrupt: {path} ({e}); {REPAIR_HINT}") from e
