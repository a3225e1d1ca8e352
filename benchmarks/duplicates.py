"""Duplicate finder benchmark: precision and recall on the labelled set, what it finds in the dev
corpora, the cost of detection at import, and a full scan of 100,000 articles.

- Labelled set (``tests/library/duplicate_pages.py``): every HTML page of ``corpus/`` plus a re-save,
  a wire copy and another-banner copy of each, imported with the real extractor; the pairs inside the
  sets :meth:`Library.duplicate_sets` returns against the true pairs.  A sweep of the likeness and
  containment thresholds over every pair of signatures shows the margin on each side.
- Dev corpora (``../shared/corpora``): the sets found, for a person to look at (readability's test
  pages hold many copies of one lorem-ipsum text, which are true textual duplicates).
- Import cost: pages/s importing the readability dev set with and without signing and looking up
  (best of two alternating runs each: the machine is shared).
- 100,000 synthetic articles (~900 words, 1 % made near-copies of another): signing rate, then the full
  scan's time (signatures as the store keeps them).
Environment: ``OFFPRINT_BENCH_DUP_SIZE`` (default 100000).
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT / "tests" / "library"))


def labelled(work: Path) -> None:
    from duplicate_pages import true_pairs, write_labelled_set

    from reader.library import Library
    from reader.library.signatures import CONTAINMENT, LIKENESS

    pages = write_labelled_set(work / "labelled")
    with Library.open(work / "labelled-lib") as library:
        results = list(library.import_paths([work / "labelled"], workers=2))
        # a copy with the original's URL is taken in at import (updated, or the earlier version kept):
        # its article is the original's, which is the URL half of the duplicate finder
        article_of = {Path(r.path).resolve(): r.article_id for r in results if r.article_id is not None}
        started = time.perf_counter()
        sets = library.duplicate_sets()
        scan = time.perf_counter() - started
        signatures = {i: library.duplicates.signature(i) for i in set(article_of.values())}
    group = {i: n for n, s in enumerate(sets) for i in s.ids}
    every_pair = {frozenset((a.path, b.path)) for a, b in itertools.combinations(pages, 2)}
    truth = true_pairs(pages)
    by_url = sum(1 for r in results if r.status in ("updated", "kept"))

    def joined(pair: frozenset[Path]) -> bool:
        a, b = (article_of.get(p.resolve()) for p in pair)
        return a is not None and b is not None and (a == b or (a in group and group.get(b) == group[a]))

    found = {pair for pair in every_pair if joined(pair)}
    hits = len(found & truth)
    print(
        f"labelled set: {len(pages)} pages, {len(truth)} true pairs, {len(found)} found "
        f"({by_url} pages taken in at import by URL); precision "
        f"{hits / max(len(found), 1):.3f}, recall {hits / max(len(truth), 1):.3f} (scan {scan * 1000:.0f} ms)"
    )
    # the sweep below is over the articles' signatures: a pair of pages that became one article is no pair
    truth = {frozenset(article_of[p.resolve()] for p in pair) for pair in truth}
    truth = {pair for pair in truth if len(pair) == 2}
    likeness: list[tuple[bool, float, float]] = []
    for a, b in itertools.combinations(sorted(signatures), 2):
        sa, sb = signatures[a], signatures[b]
        if sa is not None and sb is not None:
            j = sa.likeness(sb)
            likeness.append((frozenset((a, b)) in truth, j, sa.containment(sb, j)))
    positives = [row for row in likeness if row[0]]
    negatives = [row for row in likeness if not row[0]]
    print(
        f"  true pairs: likeness ≥ {min(r[1] for r in positives):.2f}, containment ≥ "
        f"{min(r[2] for r in positives):.2f}; other pairs: likeness ≤ {max(r[1] for r in negatives):.2f}, "
        f"containment ≤ {max(r[2] for r in negatives):.2f} (thresholds {LIKENESS}, {CONTAINMENT})"
    )
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        tp = sum(1 for r in positives if r[1] >= threshold)
        fp = sum(1 for r in negatives if r[1] >= threshold)
        print(f"    likeness ≥ {threshold:.1f}: recall {tp / len(positives):.3f}, {fp} false pairs")


def dev_corpora(work: Path) -> None:
    from reader.library import Library

    folders = [CORPORA / name for name in ("readability", "dragnet-dev") if (CORPORA / name).is_dir()]
    if not folders:
        print(f"dev corpora: not found under {CORPORA}")
        return
    with Library.open(work / "dev-lib") as library:
        list(library.import_paths(folders, workers=2))
        sets = library.duplicate_sets()
        names = ", ".join(f.name for f in folders)
        print(f"dev corpora ({names}): {library.count()} articles, {len(sets)} sets")
        for found in sets:
            titles = {library.get(i).title[:40] for i in found.ids}
            paths = [Path(library.get(i).source_path).parent.name for i in found.ids][:4]
            print(f"    {len(found.ids):3} × {found.reason}: {sorted(titles)[:2]} {paths}")


def import_cost(work: Path) -> None:
    """Detection's cost at import, three ways: throughput with and without it (alternating runs, best and
    median: the machine is shared, so runs vary by ±20 %), the CPU time of signing against the CPU time of
    extracting the same pages (one process, steadier), and the writer's look-up per article."""
    import statistics

    from reader.ingest.pipeline import extract_file
    from reader.library import Library, importer
    from reader.library.signatures import signature

    pages = CORPORA / "readability"
    if not pages.is_dir():
        print("import cost: the readability dev set is not there")
        return
    rates: dict[bool, list[float]] = {True: [], False: []}
    lookup = 0.0
    for round_ in range(3):
        for sign in (False, True):
            importer.SIGN_TEXT = sign
            folder = work / f"import-{sign}-{round_}"
            with Library.open(folder) as library:
                started = time.perf_counter()
                results = list(library.import_paths([pages], workers=2))
                rates[sign].append(len(results) / (time.perf_counter() - started))
                if sign and round_ == 0:
                    ids = library.search_ids()
                    started = time.process_time()
                    for article_id in ids:
                        library.similar_to(article_id)
                    lookup = (time.process_time() - started) / len(ids)
            shutil.rmtree(folder)
    importer.SIGN_TEXT = True
    print(
        f"import, readability dev set, 2 workers: with detection best {max(rates[True]):.1f} pages/s (median "
        f"{statistics.median(rates[True]):.1f}), without best {max(rates[False]):.1f} (median "
        f"{statistics.median(rates[False]):.1f})"
    )
    files = sorted(pages.rglob("*.html"))
    extracting = signing = 0.0
    for path in files:
        started = time.process_time()
        article = extract_file(str(path))
        extracting += time.process_time() - started
        started = time.process_time()
        signature(article.text)
        signing += time.process_time() - started
    print(
        f"  CPU per page: extraction {extracting / len(files) * 1000:.1f} ms, signing "
        f"{signing / len(files) * 1000:.2f} ms ({signing / extracting * 100:.1f} % of extraction), the "
        f"writer's look-up {lookup * 1000:.2f} ms"
    )


def full_scan(work: Path, size: int) -> None:
    from benchmarks.library import Corpus
    from reader.ingest.model import Article
    from reader.library import paths
    from reader.library.duplicates import DuplicateFinder
    from reader.library.signatures import signature
    from reader.library.store import Store

    folder = work / "scan"
    folder.mkdir()
    store = Store(paths.database_path(folder))
    corpus, rng = Corpus(), random.Random(7)
    texts: list[str] = []
    signing = 0.0
    for first in range(0, size, 1000):
        with store.transaction() as conn:
            for number in range(first, min(size, first + 1000)):
                record = corpus.article(number)
                if texts and rng.random() < 0.01:  # a near-copy of an earlier article: a few words changed
                    words = rng.choice(texts).split()
                    for _ in range(10):
                        words[rng.randrange(len(words))] = "changed"
                    record["text"] = " ".join(words)
                if number % 100 == 0:
                    texts.append(record["text"])
                started = time.perf_counter()
                signed = signature(record["text"])
                signing += time.perf_counter() - started
                article = Article(path=f"{number}.html", content_hash=f"{number:064x}", **record)
                store.insert_article(conn, article, article.path, signed)
    started = time.perf_counter()
    sets = DuplicateFinder(store).sets()
    scan = time.perf_counter() - started
    store.close()
    print(
        f"{size:,} synthetic articles: signing {signing / size * 1000:.2f} ms each; full scan {scan:.1f} s, "
        f"{len(sets)} sets ({sum(len(s.ids) for s in sets)} articles)"
    )


def main() -> None:
    size = int(os.environ.get("OFFPRINT_BENCH_DUP_SIZE", "100000"))
    work = Path(tempfile.mkdtemp(prefix="offprint-dup-bench-"))
    steps: list[Any] = [labelled, dev_corpora, import_cost, lambda w: full_scan(w, size)]
    try:
        for step in steps:
            step(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
