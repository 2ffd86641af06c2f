"""One build at a time per index folder, and the clean-up only that makes safe.

A build holds an exclusive `fcntl.flock` on `<index_dir>/.build.lock` from its first write to
the swap of `current`. A second build of the same folder waits for it (and says so), so two
`python -m ingest --force` never delete each other's files and `current` never points at a
build another run removed. The kernel releases the lock when its holder dies, however it dies,
so a killed build never blocks the next one.

Holding the lock also proves that no live build owns anything in the folder: whatever a killed
build left (`.tmp-build-*`, a finished `build-*` that never went live, a `.current-*` link) can
then be removed. A run that finds the index up to date tries the lock without waiting and
cleans only if it gets it. POSIX only (fcntl), like the atomic symlink swap.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK_NAME = ".build.lock"


@contextmanager
def build_lock(index_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the folder's build lock for the `with` block; if another build holds it, call
    `on_wait` with a sentence saying so, then wait for it."""
    with open(Path(index_dir) / LOCK_NAME, "a+", encoding="utf-8") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                f.seek(0)
                holder = f.read().strip() or "unknown"
                on_wait(f"another build of {index_dir} is running (process {holder}); "
                        "waiting for it to finish...")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            f.seek(0)
            f.truncate()
            f.write(str(os.getpid()))
            f.flush()
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def clean_if_idle(index_dir: Path) -> bool:
    """Remove what killed builds left, if no build is running now (never waits). True if
    it could look."""
    index_dir = Path(index_dir)
    if not index_dir.is_dir():
        return False
    try:
        with open(index_dir / LOCK_NAME, "a+", encoding="utf-8") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a live build owns whatever is there
            try:
                remove_leftovers(index_dir)
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)
    except OSError:  # a read-only index folder: nothing to clean, and nothing to report
        return False
    return True


def remove_leftovers(index_dir: Path) -> None:
    """Every build folder `current` does not point at, and stray temporary links. Only call
    this while holding the build lock."""
    live = (index_dir / "current").resolve() if (index_dir / "current").is_symlink() else None
    for path in index_dir.iterdir():
        if path.name.startswith(".current-") and path.is_symlink():
            path.unlink(missing_ok=True)
        elif path.is_dir() and not path.is_symlink() and path.resolve() != live and (
                path.name.startswith("build-") or path.name.startswith(".tmp-build-")):
            shutil.rmtree(path, ignore_errors=True)
