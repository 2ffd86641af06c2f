"""`python -m ingest`: summaries, up-to-date detection, and one-line errors on bad input."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.__main__ import main
from rag.core.index import load_index
from tests.conftest import ROOT, SEED, FakeEmbedder


@pytest.fixture
def env(monkeypatch, fake_index):
    """The CLI sees the fake index through NELM_* variables, as a user's shell would."""
    monkeypatch.setenv("NELM_INDEX_DIR", str(fake_index.index_dir))
    monkeypatch.setenv("NELM_SEEDS_DIR", str(fake_index.seeds_dir))
    monkeypatch.setenv("NELM_MODEL_NAME", FakeEmbedder.name)
    return fake_index


def test_print_units_prints_the_18_units_as_json_lines():
    out = subprocess.run([sys.executable, "-m", "ingest", "--print-units"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 18 and set(rows[0]) == {"id", "section", "text", "start", "end"}
    seed = SEED.read_text(encoding="utf-8")
    coi = next(r for r in rows if r["id"] == "coi")
    assert seed[coi["start"]:coi["end"]] == coi["text"] == "Conflict of Interest: None"


def test_an_up_to_date_index_is_left_alone(env, capsys):
    before = os.readlink(env.index_dir / "current")
    assert main([]) == 0
    assert "up to date" in capsys.readouterr().out
    assert os.readlink(env.index_dir / "current") == before


def _write(path: Path, content: bytes | None) -> Path:
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("content, message", [
    (None, "not found"),
    (b"", "empty"),
    (b"\xc3\x28 invalid", "not UTF-8"),
    (SEED.read_bytes().replace(b"\nAbstract\n", b"\nSummary\n"), "No abstract found"),
], ids=["missing-file", "empty-file", "not-utf8", "no-abstract"])
def test_bad_input_gets_one_line_error_and_leaves_the_index_untouched(env, tmp_path, capsys, content, message):
    before = os.readlink(env.index_dir / "current")
    seed = _write(tmp_path / "page.txt", content)
    assert main(["--seed", str(seed), "--force"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and message in err and "\n" not in err
    assert os.readlink(env.index_dir / "current") == before
    assert load_index(env).manifest.unit_count == 18


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_an_unwritable_index_dir_is_reported(env, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert main(["--index-dir", str(locked / "index"), "--force"]) == 1
    assert "Cannot write the index" in capsys.readouterr().err


def test_an_index_dir_that_is_a_file_is_reported(env, tmp_path, capsys):
    # Works as root too: nobody can create a folder inside a regular file.
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    assert main(["--index-dir", str(blocker / "index"), "--force"]) == 1
    assert "Cannot write the index" in capsys.readouterr().err
