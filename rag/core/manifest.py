"""The index manifest: what an index says about itself, checked before anything trusts it.

In: the JSON of `manifest.json`. Out: a validated `Manifest`, or `IndexCorruptError` naming
the field that is wrong. It also answers the two questions the manifest exists for: which seed
pages built this index (so opening and repairing an index need only its folder), and whether
each index file is still byte for byte what the build wrote (sha256). It reads no vectors.

Seed paths are stored relative to the index folder (`../seeds/review.txt`), so a project
copied or cloned elsewhere with its index keeps pointing at its own pages; `built_in`, the index
folder's absolute path at build time, finds them when the index folder alone was moved or copied.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.core.errors import IndexCorruptError

FORMAT_VERSION = 4  # 4: `builder`; 3: `built_in`; 2: seed pages and file checksums
# Every file of a build except the manifest itself; each has its sha256 in `Manifest.files`.
INDEX_FILES = ("articles.json", "chunks.json", "glossary.json", "vectors.faiss")


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model_name: str
    dimension: int
    chunking: dict[str, Any]
    seeds: dict[str, str]  # seed file name -> sha256
    seed_dir: str | None  # the folder whose every page built it (relative to the index folder), or None
    seed_files: tuple[str, ...]  # the pages, in indexing order (relative to the index folder)
    built_in: str  # the index folder's absolute path when it was built
    builder: str  # sha256 of the code and data that turn seed pages into an index (`builder_fingerprint`)
    files: dict[str, str]  # index file name -> sha256
    unit_count: int
    chunk_count: int
    document_count: int
    build_seconds: float
    built_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> "Manifest":
        """A manifest whose every field has the type the build writes; anything else (a
        missing field, `"seeds": null`, a list where a mapping belongs) is corrupt."""
        if not isinstance(data, dict):
            raise IndexCorruptError(f"manifest.json holds {type(data).__name__}, not an object")
        names = [f.name for f in fields(cls)]
        missing = [n for n in names if n not in data]
        if missing:
            raise IndexCorruptError(f"manifest.json lacks {', '.join(missing)}")
        for name in names:
            if not _has_type(name, data[name]):
                raise IndexCorruptError(f"manifest.json field {name!r} is malformed, was: {data[name]!r:.80}")
        return cls(**{n: tuple(data[n]) if n == "seed_files" else data[n] for n in names})


_SCALARS = {"format_version": int, "model_name": str, "dimension": int, "unit_count": int, "chunk_count": int,
            "document_count": int, "build_seconds": (int, float), "built_at": str, "built_in": str,
            "builder": str}


def _has_type(name: str, value: Any) -> bool:
    if name in _SCALARS:
        return isinstance(value, _SCALARS[name]) and not isinstance(value, bool)
    if name == "chunking":
        return isinstance(value, dict)
    if name in ("seeds", "files"):
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    if name == "seed_dir":
        return value is None or isinstance(value, str)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)  # seed_files


def relative_to_index(path: Path, index_dir: Path) -> str:
    """How the manifest records a seed path: relative to the index folder."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(index_dir))


def from_index(recorded: str, index_dir: Path, built_in: Any = None) -> Path:
    """A recorded seed path, back to a usable path: next to the index folder where it is now,
    else (an index folder moved or copied alone) where the index was built."""
    here = Path(os.path.normpath(os.path.join(os.path.abspath(index_dir), recorded)))
    if here.exists() or not isinstance(built_in, str):
        return here
    there = Path(os.path.normpath(os.path.join(built_in, recorded)))
    return there if there.exists() else here


def recorded_seeds(data: Any, index_dir: Path) -> tuple[Path | None, tuple[Path, ...]] | None:
    """(seed folder or None, seed pages) as a manifest records them, read leniently: a
    manifest corrupt elsewhere still says which pages to rebuild it from. None when it
    records none (an older format, or the field itself is damaged)."""
    if not isinstance(data, dict) or not _has_type("seed_files", data.get("seed_files")) \
            or not _has_type("seed_dir", data.get("seed_dir")) or not data["seed_files"] and not data["seed_dir"]:
        return None
    built_in = data.get("built_in")
    folder = from_index(data["seed_dir"], index_dir, built_in) if data["seed_dir"] else None
    return folder, tuple(from_index(f, index_dir, built_in) for f in data["seed_files"])


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# (path, inode, size, mtime) -> sha256: the app checks the index on every rerun, so a file is
# hashed once per process and then only stat()ed; any write changes the key and rehashes it.
_digests: dict[tuple[str, int, int, int], str] = {}


def file_digest(path: Path) -> str:
    st = os.stat(path)
    key = (os.path.abspath(path), st.st_ino, st.st_size, st.st_mtime_ns)
    found = _digests.get(key)
    if found is None:
        found = sha256_file(path)
        if len(_digests) > 1024:
            _digests.clear()
        _digests[key] = found
    return found


def file_problems(build_dir: Path, manifest: Manifest) -> list[str]:
    """What is wrong with the build's files against their recorded checksums ([] if nothing)."""
    problems = []
    if sorted(manifest.files) != sorted(INDEX_FILES):
        problems.append(f"the manifest lists files {sorted(manifest.files)}, expected {list(INDEX_FILES)}")
    for name in INDEX_FILES:
        path = Path(build_dir) / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif manifest.files.get(name) != file_digest(path):
            problems.append(f"{name} was changed or truncated after the build (checksum mismatch)")
    return problems


_ROOT = Path(__file__).resolve().parents[2]
# What turns seed pages into an index besides the seeds, the model and the chunking settings: the parser
# and chunker (ingest/), the abbreviation extractor (with the word classes it reads from rag/core/text.py)
# and the glossary's entries and supplementary data. An update to any of them leaves an index built before
# it stale (its glossary or units would differ).
_BUILDER_SOURCES = ("ingest/*.py", "rag/glossary/extract/*.py", "rag/core/text.py", "rag/glossary/entries.py",
                    "rag/glossary/store.py", "rag/glossary/tables.py", "rag/glossary/data/*")


def builder_fingerprint(root: Path = _ROOT) -> str:
    """sha256 over the build's code and data files (path and bytes, in path order); cached per process."""
    return _fingerprint(str(root))


@lru_cache(maxsize=4)
def _fingerprint(root: str) -> str:
    digest = hashlib.sha256()
    for path in sorted({p for pattern in _BUILDER_SOURCES for p in Path(root).glob(pattern) if p.is_file()}):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()
