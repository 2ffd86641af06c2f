"""`python -m ingest`: summaries, up-to-date detection, and one-line errors on bad input."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.__main__ import main
from rag.core.index import load_index
from rag.core.settings import Settings
from tests.conftest import DATA, ROOT, SEED, FakeEmbedder


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


# --- issue 12: self-describing, corrupt, concurrent, leftovers -----------------------------------

@pytest.fixture
def fake_model(monkeypatch):
    """Builds in this process embed with the fake model instead of loading the real one."""
    monkeypatch.setattr("ingest.build.load_embedder", lambda *args, **kwargs: FakeEmbedder())


def test_repairing_an_index_uses_the_pages_it_was_built_from(monkeypatch, tmp_path, fake_model, capsys):
    """`--seed A --seed B --index-dir X`, then `python -m ingest --index-dir X` with no seeds
    folder named: judged and rebuilt from A and B, never from the default seeds/."""
    pages = tmp_path / "pages"
    pages.mkdir()
    a, b = shutil.copy(SEED, pages / "a.txt"), shutil.copy(DATA / "pubmed_three_figures_no_keywords.txt", pages)
    monkeypatch.delenv("NELM_SEEDS_DIR", raising=False)
    monkeypatch.setenv("NELM_MODEL_NAME", FakeEmbedder.name)
    index_dir = tmp_path / "x"
    assert main(["--seed", str(a), "--seed", str(b), "--index-dir", str(index_dir), "--quiet"]) == 0
    assert main(["--index-dir", str(index_dir)]) == 0
    assert "up to date" in capsys.readouterr().out
    Path(b).write_text(Path(b).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["--index-dir", str(index_dir), "--quiet"]) == 0
    assert "Built index" in capsys.readouterr().out
    assert load_index(Settings(index_dir=index_dir, model_name=FakeEmbedder.name)).manifest.document_count == 2


def test_a_corrupt_index_is_rebuilt_not_called_up_to_date(env, fake_model, capsys):
    vectors = (env.index_dir / "current" / "vectors.faiss").resolve()
    vectors.write_bytes(vectors.read_bytes()[:100])
    assert main(["--quiet"]) == 0
    out = capsys.readouterr()
    assert "is corrupt (vectors.faiss was changed or truncated" in out.err and "Built index" in out.out
    assert load_index(env).vectors.ntotal == load_index(env).manifest.chunk_count


def test_a_no_op_run_removes_what_killed_builds_left(env, capsys):
    stale = env.index_dir / ".tmp-build-20200101T000000000000-99999"
    (stale / "part").mkdir(parents=True)
    assert main([]) == 0 and "up to date" in capsys.readouterr().out
    assert not stale.exists() and load_index(env).manifest.unit_count == 18


# A `python -m ingest` whose fake model signals when it is embedding and then waits for a file,
# so the test decides when the first build may finish.
_SLOW_INGEST = """
import sys, time
from pathlib import Path
import ingest.build
from tests.conftest import FakeEmbedder

started, release = Path(sys.argv[1]), Path(sys.argv[2])

class Held(FakeEmbedder):
    def encode(self, texts, progress=False):
        started.touch()
        while not release.exists():
            time.sleep(0.05)
        return super().encode(texts, progress)

ingest.build.load_embedder = lambda *args, **kwargs: Held()
from ingest.__main__ import main
sys.exit(main(sys.argv[3:]))
"""


def test_two_forced_builds_at_once_both_succeed_and_the_second_says_it_waits(env, tmp_path):
    signals = [(tmp_path / f"started-{i}", tmp_path / f"release-{i}") for i in (1, 2)]
    errs = [tmp_path / f"stderr-{i}" for i in (1, 2)]
    procs = []
    for (started, release), err in zip(signals, errs):
        with open(err, "w") as err_file:
            procs.append(subprocess.Popen([sys.executable, "-c", _SLOW_INGEST, str(started), str(release),
                                           "--force", "--quiet"], cwd=ROOT, env=os.environ.copy(),
                                          stdout=subprocess.PIPE, stderr=err_file, text=True))
        if len(procs) == 1:
            _wait_for(signals[0][0].exists, procs[0])  # the first holds the lock, mid-build
    try:
        # The second must say it waits, and must not start building while the first runs.
        _wait_for(lambda: "waiting for it to finish" in errs[1].read_text() or signals[1][0].exists(), procs[1])
        assert not signals[1][0].exists(), "the second build did not wait for the first"
        assert "another build of" in errs[1].read_text()
    finally:
        for _, release in signals:
            release.touch()
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e.read_text() for e in errs]
    assert all("Built index" in out for out in outputs)
    builds = [p for p in env.index_dir.iterdir() if p.name.startswith(("build-", ".tmp-build-"))]
    assert builds == [(env.index_dir / "current").resolve()]
    assert load_index(env).manifest.unit_count == 18


def _wait_for(condition, proc: subprocess.Popen) -> None:
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"the build ended early: {proc.communicate()}")
        time.sleep(0.05)
