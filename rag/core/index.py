"""The persisted index: its manifest, its freshness check, and loading it.

Layout of `index_dir` (see index/README.md):
    current -> build-<stamp>/      a symlink, swapped atomically when a build finishes
    build-<stamp>/manifest.json    format version, model, dimension, chunking, seed sha256s, counts
                  articles.json    articles with their units (exact text and spans)
                  chunks.json      retrieval chunks and the unit IDs each covers
                  glossary.json    the review's abbreviations with provenance
                  vectors.faiss    FAISS inner-product index over normalised chunk embeddings
Nothing is pickled. A mismatch between the manifest and the seeds or settings is reported,
never silently used. FAISS is imported only when vectors are actually loaded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rag.core.errors import IndexMissingError, IndexStaleError
from rag.core.settings import Settings
from rag.core.types import Article, Chunk, SourceUnit

FORMAT_VERSION = 1
CURRENT = "current"
REBUILD_HINT = "build it with: python -m ingest (or make run, which rebuilds automatically)"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model_name: str
    dimension: int
    chunking: dict[str, Any]
    seeds: dict[str, str]  # seed file name -> sha256
    unit_count: int
    chunk_count: int
    document_count: int
    build_seconds: float
    built_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Manifest":
        return cls(**data)


@dataclass(frozen=True)
class IndexStatus:
    state: str  # "ok" | "missing" | "stale"
    reasons: tuple[str, ...] = ()
    manifest: Manifest | None = None


@dataclass(frozen=True)
class LoadedIndex:
    """Everything retrieval and answering need, in memory."""

    manifest: Manifest
    articles: tuple[Article, ...]
    chunks: tuple[Chunk, ...]
    glossary: dict[str, Any]
    vectors: Any  # faiss.Index
    units: dict[str, SourceUnit] = field(default_factory=dict)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def seed_paths(settings: Settings) -> list[Path]:
    """Every seed page in `seeds_dir`, in name order (the order documents are indexed in)."""
    return sorted(p for p in Path(settings.seeds_dir).glob("*.txt") if p.is_file())


def chunking_params(settings: Settings) -> dict[str, Any]:
    return {"scheme": "unit+context", "window_sentences": settings.window_sentences}


def current_dir(index_dir: Path) -> Path:
    return Path(index_dir) / CURRENT


def read_manifest(index_dir: Path) -> Manifest | None:
    path = current_dir(index_dir) / "manifest.json"
    if not path.is_file():
        return None
    try:
        return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None


def index_status(settings: Settings, seeds: list[Path] | None = None) -> IndexStatus:
    """Compare the manifest with the seeds and the settings: cheap, loads no model."""
    manifest = read_manifest(settings.index_dir)
    if manifest is None:
        return IndexStatus("missing", (f"no index at {settings.index_dir}",))
    seeds = seed_paths(settings) if seeds is None else seeds
    expected = {p.name: sha256_file(p) for p in seeds}
    reasons = []
    if manifest.format_version != FORMAT_VERSION:
        reasons.append(f"index format {manifest.format_version}, this code reads {FORMAT_VERSION}")
    if manifest.model_name != settings.model_name:
        reasons.append(f"built with model {manifest.model_name!r}, settings ask for {settings.model_name!r}")
    if manifest.chunking != chunking_params(settings):
        reasons.append(f"built with chunking {manifest.chunking}, settings ask for {chunking_params(settings)}")
    if manifest.seeds != expected:
        changed = sorted(set(manifest.seeds.items()) ^ set(expected.items()))
        reasons.append("seed pages changed: " + ", ".join(sorted({name for name, _ in changed})))
    return IndexStatus("stale" if reasons else "ok", tuple(reasons), manifest)


def load_index(settings: Settings, check: bool = True) -> LoadedIndex:
    """Load the current index; a missing or stale one raises with the command that fixes it."""
    status = index_status(settings)
    if status.state == "missing":
        raise IndexMissingError(f"Index not found at {settings.index_dir}; {REBUILD_HINT}")
    if check and status.state == "stale":
        raise IndexStaleError(f"Index at {settings.index_dir} is stale ({'; '.join(status.reasons)}); {REBUILD_HINT}")
    return read_index_dir(current_dir(settings.index_dir))


def read_glossary(settings: Settings) -> dict[str, Any]:
    """Just the stored glossary (checked like the index), without FAISS or a model: an
    abbreviation lookup must not pay for loading what it does not use."""
    status = index_status(settings)
    if status.state == "missing":
        raise IndexMissingError(f"Index not found at {settings.index_dir}; {REBUILD_HINT}")
    if status.state == "stale":
        raise IndexStaleError(f"Index at {settings.index_dir} is stale ({'; '.join(status.reasons)}); {REBUILD_HINT}")
    return _read_json(current_dir(settings.index_dir) / "glossary.json")


def read_index_dir(path: Path) -> LoadedIndex:
    import faiss  # heavy; only here

    path = Path(path)
    manifest = Manifest.from_dict(_read_json(path / "manifest.json"))
    articles = tuple(Article.from_dict(a) for a in _read_json(path / "articles.json"))
    chunks = tuple(Chunk.from_dict(c) for c in _read_json(path / "chunks.json"))
    glossary = _read_json(path / "glossary.json")
    vectors = faiss.read_index(str(path / "vectors.faiss"))
    units = {u.id: u for a in articles for u in a.units}
    if vectors.ntotal != len(chunks):
        raise IndexStaleError(f"Index at {path} holds {vectors.ntotal} vectors for {len(chunks)} chunks; {REBUILD_HINT}")
    return LoadedIndex(manifest, articles, chunks, glossary, vectors, units)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise IndexMissingError(f"Index file missing: {path}; {REBUILD_HINT}") from e
    except ValueError as e:
        raise IndexStaleError(f"Index file is corrupt: {path} ({e}); {REBUILD_HINT}") from e
