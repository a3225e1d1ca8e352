"""SIGKILL the reading operations at every point they pass; highlights, notes and collections must come
back whole.

``annotations_driver.py`` highlights, edits and deletes highlights, adds a note, fills a collection,
imports a newer save of the highlighted article (its highlights placed again in the import's
transaction) and empties the trash of a page with a highlight.  Killed at each distinct point, the library
must pass `offprint check` (which checks that every placed highlight covers its quote on its article's
text), keep the highlight made before the crash with its comment either as it was or as changed (never
lost, never half-changed), find every comment the store holds with ``note:`` (the index caught up with
the store), and hold no highlight of an article that was deleted for good.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from annotations_driver import CHANGED_COMMENT, NEW_COMMENT, NOTE_TEXT
from fault_helpers import HERE, make_edited_library, write_batch
from test_crash_points import choose_points, offprint

from reader.library.facade import Library

pytestmark = pytest.mark.timeout(170)
DRIVER = HERE / "annotations_driver.py"
FIRST_COMMENT = "dues before the crash"


def run_driver(folder: Path, pages: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DRIVER), str(folder), str(pages), *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _template(tmp_path: Path) -> tuple[Path, int, int]:
    template = tmp_path / "template"
    harbour = make_edited_library(template, tmp_path / "first")
    with Library.open(template) as library:
        highlight = library.annotate_quote(harbour, "raised harbour dues", comment=FIRST_COMMENT)
    return template, harbour, highlight.id


def _assert_whole(library: Library, harbour: int, first: int, where: str) -> None:
    assert library.check().ok, where
    kept = library.annotation(first)  # never lost
    assert kept.comment in (FIRST_COMMENT, CHANGED_COMMENT) and kept.anchored, where
    assert library.get(harbour).text[kept.start : kept.end] == "raised harbour dues", where
    for highlight in library.annotations():
        word = highlight.comment.split()[-1] if highlight.comment else None
        if word:
            assert highlight.article_id in library.search_ids(f"note:{word}"), f"{where}: {word} not found"
    for note in library.notes(harbour):
        assert harbour in library.search_ids(f"note:{NOTE_TEXT}"), f"{where}: {note.text}"
    live = set(library.store.all_ids()) | {t.id for t in library.trashed()}
    assert {h.article_id for h in library.annotations()} <= live, where
    rows = library.store.conn.execute("SELECT article_id FROM annotations").fetchall()
    assert {row[0] for row in rows} <= live, f"{where}: a highlight outlived its article"


@pytest.mark.slow
def test_reading_data_killed_at_any_point_comes_back_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template, harbour, first = _template(tmp_path)
    pages = tmp_path / "pages"
    write_batch(pages)
    counted = tmp_path / "counted"
    shutil.copytree(template, counted)
    run = run_driver(counted, pages, "count")
    assert run.returncode == 0, run.stderr[-3000:]
    passed = json.loads(run.stdout.strip().splitlines()[-1])
    with Library.open(counted) as library:
        _assert_whole(library, harbour, first, "uninterrupted")
        assert library.annotation(first).comment == CHANGED_COMMENT
        assert [h.id for h in library.annotations()] == [first]
        assert library.search_ids(f"note:{NEW_COMMENT}") == []  # deleted in the sequence
        assert "correction" in library.get(harbour).text
    points = choose_points(passed)
    assert len(points) >= 15, [passed[n] for n in points]
    folders = {n: tmp_path / f"killed-{n}" for n in points}
    for folder in folders.values():
        shutil.copytree(template, folder)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(
            zip(
                points, pool.map(lambda n: run_driver(folders[n], pages, "kill", str(n)), points), strict=True
            )
        )
    for point, killed in runs.items():
        where = f"killed at point {point} ({passed[point]})"
        assert killed.returncode == -9, f"{where}: the driver did not die there: {killed.stderr[-2000:]}"
        code, out, err = offprint("--library", str(folders[point]), "check", capsys=capsys)
        assert code == 0, f"{where}: offprint check is not clean:\n{out}{err}"
        with Library.open(folders[point]) as library:
            _assert_whole(library, harbour, first, where)
