"""The index under faults: it describes its own seed pages, notices damaged files, lets one
build run at a time, and clears what killed builds left behind (issue 12, items 4, 6-8)."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import faiss
import pytest

from ingest.build import build_index
from ingest.lock import build_lock, clean_if_idle
from rag.core.errors import IndexCorruptError, IndexStaleError, ParseError
from rag.core.index import current_dir, index_status, load_index, read_glossary
from rag.core.manifest import sha256_file
from rag.core.settings import Settings
from tests.conftest import DATA, SEED, FakeEmbedder

OTHER = DATA / "pubmed_three_figures_no_keywords.txt"


def _only_index_dir(index_dir: Path) -> Settings:
    """What `NELM_INDEX_DIR=X` alone gives: the default seeds folder, the fake model."""
    return Settings(index_dir=index_dir, model_name=FakeEmbedder.name)


@pytest.fixture
def two_page_index(tmp_path, fake_embedder) -> Settings:
    """`--seed A --seed B --index-dir X`, with A and B outside the default seeds folder."""
    pages = tmp_path / "pages"
    pages.mkdir()
    a, b = shutil.copy(SEED, pages / "a_review.txt"), shutil.copy(OTHER, pages / "b_other.txt")
    settings = _only_index_dir(tmp_path / "x")
    build_index(settings, seeds=[Path(a), Path(b)], embedder=fake_embedder, progress=False)
    return settings


# --- item 4: the index knows which pages built it ---------------------------------------------

def test_an_index_built_from_named_pages_is_judged_by_those_pages(two_page_index):
    status = index_status(two_page_index)
    assert status.state == "ok", status.reasons
    assert load_index(two_page_index).manifest.document_count == 2


def test_the_manifest_records_the_pages_relative_to_the_index(two_page_index):
    manifest = load_index(two_page_index).manifest
    assert manifest.seed_files == ("../pages/a_review.txt", "../pages/b_other.txt")
    assert manifest.seed_dir is None and set(manifest.files) == {
        "articles.json", "chunks.json", "glossary.json", "vectors.faiss"}


def test_a_changed_named_page_is_stale_and_a_rebuild_keeps_both_pages(two_page_index, fake_embedder):
    page = two_page_index.index_dir.parent / "pages" / "b_other.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    status = index_status(two_page_index)
    assert status.state == "stale" and "b_other.txt" in " ".join(status.reasons)
    build_index(two_page_index, embedder=fake_embedder, progress=False)  # no seeds: the recorded ones
    assert index_status(two_page_index).state == "ok"
    assert load_index(two_page_index).manifest.document_count == 2


def test_an_index_built_from_a_folder_follows_that_folder(fake_index):
    opened = _only_index_dir(fake_index.index_dir)
    assert index_status(opened).state == "ok"
    shutil.copy(OTHER, fake_index.seeds_dir)
    status = index_status(opened)
    assert status.state == "stale" and OTHER.name in " ".join(status.reasons)


def test_naming_another_seeds_folder_is_an_explicit_request(two_page_index, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SEED, elsewhere)
    status = index_status(two_page_index.with_(seeds_dir=elsewhere))
    assert status.state == "stale" and "seed pages changed" in status.reasons[0]


def test_a_project_moved_with_its_index_still_finds_its_pages(two_page_index, tmp_path):
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    shutil.copytree(tmp_path, moved, symlinks=True)
    try:
        assert index_status(_only_index_dir(moved / "x")).state == "ok"
    finally:
        shutil.rmtree(moved)


def test_an_index_folder_copied_alone_still_finds_its_pages(two_page_index, tmp_path):
    copy = tmp_path / "elsewhere" / "copy-of-x"
    shutil.copytree(two_page_index.index_dir, copy, symlinks=True)
    status = index_status(_only_index_dir(copy))
    assert status.state == "ok", status.reasons


def test_a_gone_page_is_stale_and_the_rebuild_says_which_and_how(two_page_index, fake_embedder):
    (two_page_index.index_dir.parent / "pages" / "b_other.txt").unlink()
    status = index_status(two_page_index)
    assert status.state == "stale" and "seed pages are gone" in status.reasons[0]
    with pytest.raises(ParseError, match=r"b_other.txt; rebuild it from other pages with python -m ingest --seed"):
        build_index(two_page_index, embedder=fake_embedder, progress=False)


# --- item 6: damaged files are corrupt, and corrupt is a kind of stale --------------------------

def _truncate(build: Path) -> None:
    data = (build / "vectors.faiss").read_bytes()
    (build / "vectors.faiss").write_bytes(data[: len(data) // 2])


def _wrong_dimension(build: Path) -> None:
    count = faiss.read_index(str(build / "vectors.faiss")).ntotal
    other = faiss.IndexFlatIP(32)
    other.add(FakeEmbedder(dimension=32).encode(["x"] * count))
    faiss.write_index(other, str(build / "vectors.faiss"))


def _edit_json(name: str, change) -> callable:
    def edit(build: Path) -> None:
        path = build / name
        path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    return edit


def _drop_units(articles):
    return [{k: v for k, v in a.items() if k != "units"} for a in articles]


def _edit_unit_text(articles):
    text = json.dumps(articles).replace("Liver surgery with the intention to cure",
                                        "Chemotherapy with the intention to cure")
    return json.loads(text)


DAMAGE = [
    pytest.param(_truncate, "vectors.faiss was changed or truncated", id="truncated-vectors"),
    pytest.param(lambda b: (b / "vectors.faiss").unlink(), "vectors.faiss is missing", id="missing-vectors"),
    pytest.param(_wrong_dimension, "vectors.faiss was changed", id="wrong-dimension-vectors"),
    pytest.param(_edit_json("articles.json", _drop_units), "articles.json was changed", id="articles-without-units"),
    pytest.param(_edit_json("articles.json", _edit_unit_text), "articles.json was changed", id="edited-unit-text"),
    pytest.param(_edit_json("manifest.json", lambda m: {**m, "seeds": None}), "field 'seeds' is malformed",
                 id="manifest-seeds-null"),
    pytest.param(lambda b: (b / "manifest.json").write_text("{not json", encoding="utf-8"), "not readable JSON",
                 id="manifest-not-json"),
]


@pytest.mark.parametrize("damage, reason", DAMAGE)
def test_a_damaged_index_is_corrupt_with_one_clear_error(fake_index, damage, reason):
    damage(current_dir(fake_index.index_dir).resolve())
    status = index_status(fake_index)
    assert status.state == "corrupt" and reason in " ".join(status.reasons)
    for read in (load_index, read_glossary):
        with pytest.raises(IndexCorruptError, match=r"is corrupt \(.*\); rebuild it with: python -m ingest"):
            read(fake_index)


def test_corrupt_is_a_kind_of_stale_so_whatever_rebuilds_stale_rebuilds_corrupt():
    assert issubclass(IndexCorruptError, IndexStaleError)


@pytest.mark.parametrize("damage, reason", DAMAGE)
def test_a_rebuild_repairs_a_damaged_index(fake_index, fake_embedder, damage, reason):
    damage(current_dir(fake_index.index_dir).resolve())
    build_index(fake_index, embedder=fake_embedder, progress=False, only_if_stale=True)
    loaded = load_index(fake_index)
    assert loaded.units["abstract-s2"].text.startswith("Liver surgery with the intention to cure")


def test_an_index_copied_with_its_links_followed_is_repaired_not_a_traceback(fake_index, fake_embedder, tmp_path):
    """`cp -rL index copy`: `current` is then a real folder, which a rebuild replaces."""
    copy = tmp_path / "copied"
    shutil.copytree(fake_index.index_dir, copy, symlinks=False)
    settings = fake_index.with_(index_dir=copy)
    assert (copy / "current").is_dir() and not (copy / "current").is_symlink()
    (copy / "current" / "vectors.faiss").write_bytes(b"truncated")
    build_index(settings, embedder=fake_embedder, progress=False, only_if_stale=True)
    assert (copy / "current").is_symlink() and load_index(settings).units


def test_damage_that_keeps_the_checksums_consistent_is_still_caught_at_load(fake_index):
    """Someone who rewrites vectors.faiss and its checksum too: the parts no longer fit."""
    build = current_dir(fake_index.index_dir).resolve()
    _wrong_dimension(build)
    _edit_json("manifest.json", lambda m: {**m, "files": {**m["files"],
                                                          "vectors.faiss": sha256_file(build / "vectors.faiss")}})(build)
    with pytest.raises(IndexCorruptError, match="dimension 32, manifest says 64"):
        load_index(fake_index)


def test_an_index_of_the_previous_format_is_stale_not_corrupt(fake_index):
    build = current_dir(fake_index.index_dir).resolve()
    _edit_json("manifest.json", lambda m: {**m, "format_version": 1})(build)
    status = index_status(fake_index)
    assert status.state == "stale" and status.reasons == ("index format 1, this code reads 4",)


def test_an_index_built_by_other_build_code_is_stale(fake_index):
    """An update to the parser, the chunker or the abbreviation extractor changes what a build holds (the
    glossary, the units), so an index built before it is rebuilt, though seeds, model and settings are the same."""
    build = current_dir(fake_index.index_dir).resolve()
    assert index_status(fake_index).state == "ok"
    _edit_json("manifest.json", lambda m: {**m, "builder": "0" * 64})(build)
    status = index_status(fake_index)
    assert status.state == "stale" and "code or data that builds an index changed" in status.reasons[0]


def test_the_build_fingerprint_covers_every_module_the_extractor_reads_word_classes_from():
    """The abbreviation extractor reads its function words, ordinals and roman numerals from rag/core/text.py: a
    change there changes a glossary, so that file is part of what builds an index."""
    import ast

    from rag.core.manifest import _BUILDER_SOURCES, _ROOT

    covered = {p for pattern in _BUILDER_SOURCES for p in _ROOT.glob(pattern)}
    for source in (_ROOT / "rag" / "glossary" / "extract").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            # word lists are constants (upper-case names); error classes and helpers change no output
            if (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rag.core.")
                    and any(alias.name.isupper() for alias in node.names)):
                assert _ROOT / (node.module.replace(".", "/") + ".py") in covered, (source.name, node.module)


# --- items 7 and 8: one build at a time; leftovers of killed builds go ---------------------------

def test_a_second_build_waits_for_the_first_and_both_succeed(fake_index):
    inside, release, heard = threading.Event(), threading.Event(), []

    class Slow(FakeEmbedder):
        def encode(self, texts, progress=False):
            inside.set()
            release.wait(60)
            return super().encode(texts, progress)

    first = threading.Thread(target=build_index, args=(fake_index,),
                             kwargs={"embedder": Slow(), "progress": False})
    first.start()
    assert inside.wait(60)
    second = threading.Thread(target=build_index, args=(fake_index,),
                              kwargs={"embedder": FakeEmbedder(), "progress": False, "on_wait": heard.append})
    second.start()
    while not heard and second.is_alive():
        second.join(0.05)
    release.set()
    first.join(60)
    second.join(60)
    assert heard and "another build of" in heard[0] and "waiting for it to finish" in heard[0]
    builds = [p for p in fake_index.index_dir.iterdir() if p.name.startswith(("build-", ".tmp-build-"))]
    assert builds == [current_dir(fake_index.index_dir).resolve()]
    assert load_index(fake_index).manifest.unit_count == 18


def test_a_build_that_waited_does_nothing_if_the_index_became_current(fake_index, fake_embedder):
    report = build_index(fake_index, embedder=fake_embedder, progress=False, only_if_stale=True)
    assert report.built is False and report.manifest == load_index(fake_index).manifest


def _leftovers(index_dir: Path) -> list[Path]:
    tmp = index_dir / ".tmp-build-20200101T000000000000-99999"
    (tmp / "half").mkdir(parents=True)
    orphan = index_dir / "build-20200101T000000000000"
    orphan.mkdir()
    link = index_dir / ".current-99999"
    link.symlink_to(orphan.name)
    return [tmp, orphan, link]


def test_leftovers_of_killed_builds_are_removed_when_no_build_runs(fake_index):
    live = os.readlink(current_dir(fake_index.index_dir))
    left = _leftovers(fake_index.index_dir)
    assert clean_if_idle(fake_index.index_dir)
    assert not any(os.path.lexists(p) for p in left)
    assert os.readlink(current_dir(fake_index.index_dir)) == live and load_index(fake_index)


def test_leftovers_are_kept_while_a_live_build_may_own_them(fake_index):
    left = _leftovers(fake_index.index_dir)
    with build_lock(fake_index.index_dir):
        assert clean_if_idle(fake_index.index_dir) is False
    assert all(os.path.lexists(p) for p in left)
