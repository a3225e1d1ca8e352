"""SIGKILL an import at many deterministic points; the library must always come back whole.

A first run of ``crash_driver.py`` lists every kill point an import passes (SQLite
commits, fsync/rename of originals and index files, the batch commit, the index sync and
its engine write, progress reports).  Each chosen point then gets its own run that kills
the process exactly there.  Afterwards `offprint check` must be clean, the library must
hold no duplicate, the user's edit made before the import must be intact, and importing
the same folder again must end with exactly what an uninterrupted run holds.

This supersedes the timing-based SIGKILL test in tests/library/test_importer.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fault_helpers import EDITED_TITLE, EDITED_TOPICS, HERE, make_edited_library, write_batch

from reader import cli
from reader.library.facade import Library
from reader.library.index.manager import read_meta
from reader.library.originals import Originals
from reader.library.paths import database_path, index_folder, originals_folder
from reader.library.store import Store
from reader.library.types import ImportStatus

pytestmark = pytest.mark.timeout(170)

DRIVER = HERE / "crash_driver.py"
MIN_POINTS = 20


def run_driver(folder: Path, pages: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DRIVER), str(folder), str(pages), *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )


def choose_points(passed: list[str]) -> list[int]:
    """The first occurrence of every distinct point (a label names the calls it happened inside).

    Later batches repeat the first one's sequence, so they add no new kind of moment.
    """
    first: dict[str, int] = {}
    for number, label in enumerate(passed):
        first.setdefault(label, number)
    return sorted(first.values())


def left_behind(folder: Path, engine: str) -> tuple[bool, bool]:
    """(is the index behind the store, are there originals no article owns), read without opening."""
    store = Store(database_path(folder), read_only=True)
    try:
        meta = read_meta(index_folder(folder, engine)) or {}
        behind = meta.get("generation") != store.generation() or store.has_queued()
        originals = Originals(originals_folder(folder))
        unfinished = bool(originals.leftovers()) or set(originals.stored_hashes()) != set(store.hashes())
        return behind, unfinished
    finally:
        store.close()


def offprint(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_whole(library: Library, article_id: int) -> None:
    """No duplicate article, no orphan original, and the user's edit is still there."""
    titles = Counter(hit.title for hit in library.search(limit=1000, facets=False, snippets=False).hits)
    assert all(n == 1 for n in titles.values()), f"duplicates after a crash: {titles}"
    urls = Counter(library.get(i).url for i in library.search_ids())
    assert all(n == 1 for n in urls.values()), f"two articles for one URL: {urls}"
    edited = library.get(article_id)
    assert edited.title == EDITED_TITLE and edited.topics == EDITED_TOPICS, edited
    assert {"title", "topics"} <= edited.edited
    assert len(list(library.originals.stored_hashes())) == library.count()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_an_import_killed_at_any_point_leaves_a_whole_library(
    tmp_path: Path, engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine == "tantivy":
        pytest.importorskip("tantivy")
    template = tmp_path / "template"
    article_id = make_edited_library(template, tmp_path / "first", engine)
    pages = tmp_path / "pages"
    write_batch(pages)

    counted = tmp_path / "counted"
    shutil.copytree(template, counted)
    run = run_driver(counted, pages, "count")
    assert run.returncode == 0, run.stderr[-3000:]
    passed = json.loads(run.stdout.strip().splitlines()[-1])
    assert any(label.endswith(f"before {engine} write") for label in passed), passed
    with Library.open(counted) as library:
        expected = library.count()
        assert expected == 1 + len(list(pages.iterdir())) - 1  # the harbour article was updated
        assert_whole(library, article_id)
        assert "correction" in library.get(article_id).text

    points = choose_points(passed)
    if engine == "tantivy":  # the store side is engine-independent: kill tantivy only around index work
        points = [n for n in points if "index sync" in passed[n]]
    assert len(points) >= (MIN_POINTS if engine == "whoosh" else 8), [passed[n] for n in points]
    folders = {n: tmp_path / f"killed-{n}" for n in points}
    for folder in folders.values():
        shutil.copytree(template, folder)

    def kill_at(point: int) -> subprocess.CompletedProcess[str]:
        return run_driver(folders[point], pages, "kill", str(point))

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(points, pool.map(kill_at, points), strict=True))

    outcomes = []
    for point, killed in runs.items():
        where = f"killed at point {point} ({passed[point]})"
        assert killed.returncode == -9, f"{where}: the driver did not die there: {killed.stderr[-2000:]}"
        folder = folders[point]
        behind, unfinished = left_behind(folder, engine)
        code, out, err = offprint("--library", str(folder), "check", capsys=capsys)
        assert code == 0, f"{where}: offprint check is not clean:\n{out}{err}"
        if behind:
            assert "index" in err, f"{where}: the index was behind and nobody was told: {err!r}"
        if unfinished:
            assert "interrupted" in err, f"{where}: half-written originals were removed silently: {err!r}"
        with Library.open(folder) as library:
            before = library.count()
            assert 1 <= before <= expected, where
            assert_whole(library, article_id)
            rerun = list(library.import_paths([pages], workers=1))
            assert [r.error for r in rerun if r.status is ImportStatus.FAILED] == [], where
            assert library.count() == expected, where
            assert_whole(library, article_id)
            assert "correction" in library.get(article_id).text, where
            assert library.search("walrus").total == expected - 1, where
            assert library.check().ok, where
        outcomes.append(
            f"{point:3} {passed[point]}: {before} article(s); index behind {behind}; "
            f"unfinished originals {unfinished}"
        )
    print("\n".join(outcomes))
