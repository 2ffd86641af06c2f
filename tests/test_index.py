"""Building, persisting and checking the index: round trip, staleness, atomic swap."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from ingest.build import build_index
from rag.core.errors import IndexMissingError, IndexStaleError, ParseError
from rag.core.index import current_dir, index_status, load_index
from tests.conftest import DATA, SEED, FakeEmbedder


def test_a_built_index_round_trips_units_chunks_and_vectors(fake_index, fake_embedder):
    loaded = load_index(fake_index)
    assert len(loaded.units) == 18 and loaded.manifest.unit_count == 18
    assert loaded.units["abstract-s2"].text.startswith("Liver surgery with the intention to cure")
    assert loaded.vectors.ntotal == len(loaded.chunks) == loaded.manifest.chunk_count
    # The stored vectors are the embedder's vectors of the stored chunk texts.
    query = fake_embedder.encode([loaded.chunks[3].text])
    scores, ids = loaded.vectors.search(query, 1)
    assert ids[0][0] == 3 and scores[0][0] == pytest.approx(1.0, abs=1e-5)


def test_every_chunk_resolves_to_existing_units(fake_index):
    loaded = load_index(fake_index)
    for chunk in loaded.chunks:
        assert chunk.unit_ids and all(uid in loaded.units for uid in chunk.unit_ids)
    windows = [c for c in loaded.chunks if len(c.unit_ids) == 2]
    assert [c.unit_ids[0] for c in windows] == [f"abstract-s{i}" for i in range(1, 8)]


def test_chunks_carry_their_section_context(fake_index):
    chunks = {c.id: c for c in load_index(fake_index).chunks}
    assert "DOI" in chunks["citation#unit"].text
    assert "Figure 1 caption" in chunks["figure-1#unit"].text
    assert "Reference 4" in chunks["reference-4#unit"].text


def test_the_manifest_describes_the_build(fake_index):
    manifest = load_index(fake_index).manifest
    assert manifest.model_name == FakeEmbedder.name and manifest.dimension == 64
    assert manifest.chunking == {"scheme": "unit+context", "window_sentences": 2}
    assert list(manifest.seeds) == [SEED.name] and len(manifest.seeds[SEED.name]) == 64
    assert manifest.document_count == 1 and manifest.built_at


def test_the_glossary_is_stored_with_the_index(fake_index):
    glossary = load_index(fake_index).glossary
    assert "TACE" in json.dumps(glossary)


def test_a_missing_index_says_how_to_build_it(fake_settings):
    assert index_status(fake_settings).state == "missing"
    with pytest.raises(IndexMissingError, match="python -m ingest"):
        load_index(fake_settings)


@pytest.mark.parametrize("change, reason", [
    ("seed", "seed pages changed"),
    ("model", "settings ask for 'other-model'"),
    ("chunking", "chunking"),
    ("new-seed", "seed pages changed"),
], ids=str)
def test_a_stale_index_is_detected_and_never_silently_used(fake_index, change, reason):
    settings = fake_index
    if change == "seed":
        page = settings.seeds_dir / SEED.name
        page.write_text(page.read_text(encoding="utf-8").replace("Conflict of Interest: None", "Conflict of Interest: Some"), encoding="utf-8")
    elif change == "model":
        settings = settings.with_(model_name="other-model")
    elif change == "chunking":
        settings = settings.with_(window_sentences=3)
    else:
        shutil.copy(DATA / "pubmed_three_figures_no_keywords.txt", settings.seeds_dir)
    status = index_status(settings)
    assert status.state == "stale" and reason in " ".join(status.reasons)
    with pytest.raises(IndexStaleError, match="python -m ingest"):
        load_index(settings)


def test_an_interrupted_build_leaves_the_previous_index_intact(fake_index, fake_embedder):
    before = load_index(fake_index).manifest
    page = fake_index.seeds_dir / SEED.name
    page.write_text(page.read_text(encoding="utf-8").replace("Conflict of Interest: None", "Conflict of Interest: Changed"), encoding="utf-8")

    def interrupt(build_dir: Path) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index(fake_index, embedder=fake_embedder, progress=False, before_swap=interrupt)
    # The old build is still current and loads (unchecked: its seed is now out of date).
    still = load_index(fake_index, check=False)
    assert still.manifest == before and still.units["coi"].text == "Conflict of Interest: None"
    leftovers = [p.name for p in fake_index.index_dir.iterdir() if p.name not in ("current", ".build.lock")]
    assert len(leftovers) == 1 and leftovers[0].startswith("build-")


def test_an_embedding_failure_mid_build_leaves_the_previous_index_intact(fake_index):
    class Exploding(FakeEmbedder):
        def encode(self, texts, progress=False):
            raise MemoryError("out of memory while embedding")

    before = load_index(fake_index).manifest
    with pytest.raises(MemoryError):
        build_index(fake_index, embedder=Exploding(), progress=False)
    assert load_index(fake_index).manifest == before


def test_a_rebuild_replaces_the_old_build(fake_index, fake_embedder):
    first = os.readlink(current_dir(fake_index.index_dir))
    build_index(fake_index, embedder=fake_embedder, progress=False)
    second = os.readlink(current_dir(fake_index.index_dir))
    assert first != second and not (fake_index.index_dir / first).exists()


def test_several_seeds_share_one_index_with_prefixed_ids(fake_settings, fake_embedder):
    shutil.copy(DATA / "pubmed_three_figures_no_keywords.txt", fake_settings.seeds_dir)
    build_index(fake_settings, embedder=fake_embedder, progress=False)
    loaded = load_index(fake_settings)
    assert loaded.manifest.document_count == 2
    assert "machairas2021:abstract-s2" in loaded.units and "silva2022:figure-3" in loaded.units
    assert len({u.id for u in loaded.units.values()}) == len(loaded.units) == 18 + 9


def test_two_seeds_with_the_same_author_and_year_get_distinct_keys(fake_settings, fake_embedder):
    shutil.copy(SEED, fake_settings.seeds_dir / "copy_of_review.txt")
    build_index(fake_settings, embedder=fake_embedder, progress=False)
    keys = sorted({a.doc_key for a in load_index(fake_settings).articles})
    assert keys == ["machairas2021a", "machairas2021b"]


def test_a_bad_seed_fails_before_anything_is_written(fake_settings, fake_embedder):
    bad = fake_settings.seeds_dir / "zz_bad.txt"
    bad.write_text("just some text without an abstract\n", encoding="utf-8")
    with pytest.raises(ParseError, match="zz_bad.txt"):
        build_index(fake_settings, embedder=fake_embedder, progress=False)
    assert not fake_settings.index_dir.exists()


@pytest.mark.model
def test_the_real_model_builds_a_384_dimensional_normalised_index(fake_settings):
    settings = fake_settings.with_(model_name="all-MiniLM-L6-v2")
    build_index(settings, progress=False)
    loaded = load_index(settings)
    assert loaded.manifest.dimension == 384
    vectors = loaded.vectors.reconstruct_n(0, loaded.vectors.ntotal)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
