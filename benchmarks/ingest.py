"""Ingest speed: pages per second of ``extract`` over the dev set on one core, and time per stage.

Runs in-process, pinned to one CPU where the OS allows, after a warm-up pass (imports, regex
compilation, codec tables).  Prints pages/s and, per stage (read, decode, repair, parse, metadata,
clean, extract, sanitise), the median time per page and the total.  The dev set is
``../shared/corpora/readability`` beside the checkout, or ``$OFFPRINT_DEVSET``.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from pathlib import Path

from reader.errors import IngestError
from reader.ingest import STAGES, StageTimer, extract_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET = ROOT.parent / "shared" / "corpora" / "readability"
TARGET_PAGES_PER_S = 30.0  # issue 14: with every candidate extractor that runs


def dev_pages() -> list[Path]:
    folder = Path(os.environ.get("OFFPRINT_DEVSET", DEFAULT_DEVSET))
    return sorted(folder.glob("*/source.html"))


def warm_up(pages: list[Path]) -> None:
    """What a long import pays once per process, paid before the clock starts: imports, compiled
    patterns, codec tables (the first pages), trafilatura's import (0.15 s; imported when a page first
    needs its opinion) and the time-zone and per-locale tables dateparser builds the first time htmldate's
    extensive search hands it a date (1.7 s; few of the first pages need either)."""
    run_once(pages[:10])
    import trafilatura  # noqa: F401  (imported for its one-time cost)
    from htmldate import find_date

    # htmldate's own patterns read the German date without dateparser; the Polish one only dateparser
    # reads (with the German one alone, the tables were built inside the timed pass).
    for dateline in ("Veröffentlicht am 3. März 2021", "Opublikowano 4 czerwca 2019 r."):
        find_date(f"<html><body><p>{dateline}</p></body></html>", original_date=True, extensive_search=True)


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def run_once(pages: list[Path]) -> tuple[float, float, list[dict[str, float]], int]:
    per_page: list[dict[str, float]] = []
    failures = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    for path in pages:
        timer = StageTimer(clock=time.process_time)
        try:
            extract_file(path, timer=timer)
        except IngestError:
            failures += 1
        per_page.append(dict(timer.seconds))
    wall = time.perf_counter() - start
    return wall, time.process_time() - cpu_start, per_page, failures


def main() -> None:
    pages = dev_pages()
    if not pages:
        print(f"no dev set found (looked in {DEFAULT_DEVSET}; set OFFPRINT_DEVSET)")
        return
    print(f"ingest: {len(pages)} dev-set pages, {pin_to_one_core()}")
    warm_up(pages)
    gc.collect()
    wall, cpu, per_page, failures = run_once(pages)
    rate, cpu_rate = len(pages) / wall, len(pages) / cpu
    verdict = "meets" if rate >= TARGET_PAGES_PER_S else "BELOW"
    print(f"  extract: {rate:.1f} pages/s on one core ({wall:.2f} s wall, {failures} failed; "
          f"{verdict} the {TARGET_PAGES_PER_S:.0f} pages/s target)")  # fmt: skip
    # On a busy machine the wall clock also counts other processes' turns; CPU time does not.
    print(f"  extract: {cpu_rate:.1f} pages/s of CPU time ({cpu:.2f} s CPU)")
    print("  per stage, CPU time:")
    print(f"  {'stage':<10}{'p50 ms':>9}{'total s':>10}{'share':>8}")
    for stage in STAGES:
        times = [page.get(stage, 0.0) for page in per_page]
        total = sum(times)
        print(f"  {stage:<10}{statistics.median(times) * 1000:>9.2f}{total:>10.2f}{total / cpu:>8.0%}")
