"""Shared fixtures: the seed page (and its parsed article and glossary), a deterministic fake embedder, and small indexes in tmp_path.

The fake embedder hashes word tokens into a fixed-size bag-of-words vector: deterministic,
instant, and similar texts still land near each other, which is all most tests need. Tests
marked `model` use the real packaged model (CI runs them too).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest

from rag.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "machairas2021_nelm_review_pubmed.txt"
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class FakeEmbedder:
    name: str = "fake-hash-64"
    dimension: int = 64

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in re.findall(r"\w+", text.lower()):
                bucket = int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension
                out[row, bucket] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out


@pytest.fixture(scope="session")
def article():
    """The seed page, parsed."""
    from ingest.parse import parse_pubmed_page

    return parse_pubmed_page(SEED)


@pytest.fixture(scope="session")
def glossary(article):
    """The glossary built from the seed page, through its stored form (as the index keeps it)."""
    from rag.glossary.store import Glossary, build_glossary

    return Glossary.from_dict(build_glossary(article.units).to_dict())


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A seeds folder holding a copy of the review's page."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def fake_settings(tmp_path: Path, seeds_dir: Path) -> Settings:
    """Settings pointing at a private seeds folder and index, with the fake model's name."""
    return Settings(seeds_dir=seeds_dir, index_dir=tmp_path / "index", model_name=FakeEmbedder.name)


@pytest.fixture
def fake_index(fake_settings: Settings, fake_embedder: FakeEmbedder) -> Settings:
    """A built index over the review using the fake embedder; returns its settings."""
    from ingest.build import build_index

    build_index(fake_settings, embedder=fake_embedder, progress=False)
    return fake_settings


@pytest.fixture(scope="session")
def real_embedder():
    """The packaged all-MiniLM-L6-v2, loaded once for the whole test session."""
    from rag.core.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory, real_embedder):
    """The real pipeline over the review: real model, index built in a private folder."""
    from ingest.build import build_index
    from rag.pipeline import Pipeline
    from rag.core.index import load_index

    root = tmp_path_factory.mktemp("real")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    settings = Settings(seeds_dir=seeds, index_dir=root / "index")
    build_index(settings, embedder=real_embedder, progress=False)
    return Pipeline(load_index(settings), real_embedder, settings)
