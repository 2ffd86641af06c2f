"""`python -m ingest`: build the index from the seed pages, or print their units.

Examples:
    python -m ingest                       # every page in seeds/ into index/, if stale or corrupt
    python -m ingest --force               # rebuild even if up to date
    python -m ingest --seed page.txt --index-dir /tmp/idx
    python -m ingest --index-dir /tmp/idx  # repair /tmp/idx from the pages its manifest names
    python -m ingest --print-units         # parsed units as JSON lines; writes nothing
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rag.core.errors import RagError
from rag.core.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", action="append", type=Path, metavar="PATH",
                        help="a saved PubMed page (repeatable; default: every *.txt in seeds/)")
    parser.add_argument("--index-dir", type=Path, help="where to write the index (default: index/)")
    parser.add_argument("--force", action="store_true", help="rebuild even when the index is up to date")
    parser.add_argument("--print-units", action="store_true",
                        help="print the parsed units as JSON lines and write nothing")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted: the previous index, if any, is unchanged", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from rag.core.index import index_status, seed_source

    overrides = {"index_dir": args.index_dir} if args.index_dir else {}
    settings = Settings.from_env(**overrides)
    # No --seed: the pages the index itself records (rag.core.index.seed_source), so repairing
    # an index built from other pages does not silently rebuild it from seeds/.
    seeds = list(args.seed) if args.seed else None
    if args.print_units:
        from ingest.build import parse_seeds

        for article in parse_seeds(seeds or list(seed_source(settings).paths)):
            for u in article.units:
                print(json.dumps({"id": u.id, "section": u.section, "text": u.text,
                                  "start": u.start, "end": u.end}, ensure_ascii=False))
        return 0
    if args.seed:
        # Validate every page before touching the index, so bad input leaves it untouched.
        from ingest.build import parse_seeds

        parse_seeds(seeds)
    status = index_status(settings, seeds)
    if status.state == "ok" and not args.force:
        from ingest.lock import clean_if_idle

        clean_if_idle(settings.index_dir)  # what killed builds left, unless a build is running
        _say_up_to_date(settings, status.manifest)
        return 0
    from ingest.build import build_index

    if status.state in ("stale", "corrupt"):
        print(f"Index at {settings.index_dir} is {status.state} ({'; '.join(status.reasons)}); rebuilding",
              file=sys.stderr)
    started = time.perf_counter()
    report = build_index(settings, seeds=seeds, progress=not args.quiet, only_if_stale=not args.force,
                         on_wait=lambda message: print(message, file=sys.stderr, flush=True))
    m = report.manifest
    if not report.built:  # another build finished it while this one waited
        _say_up_to_date(settings, m)
        return 0
    sections = ", ".join(f"{n} {s}" for s, n in report.units_per_section.items())
    print(f"Built index at {report.index_dir}: {m.document_count} document(s), {m.unit_count} units "
          f"({sections}), {m.chunk_count} chunks, model {m.model_name} ({m.dimension}-d), "
          f"{time.perf_counter() - started:.1f} s")
    return 0


def _say_up_to_date(settings: Settings, m) -> None:
    print(f"Index at {settings.index_dir} is up to date ({m.unit_count} units, {m.chunk_count} chunks, "
          f"model {m.model_name}); nothing to do. Use --force to rebuild.")


if __name__ == "__main__":
    sys.exit(main())
