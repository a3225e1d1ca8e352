"""SIGKILL the trash's operations at every point they pass; the library must always come back whole.

``trash_driver.py`` removes the edited article and two pages to the trash, empties the trash of the two
pages and restores the edited article.  Killed at each distinct point (SQLite commits, the index sync
and its files, each original file deleted), the library must then pass `offprint check`, hold every
article either in the library, in the trash or deleted whole (never an article without its file, never
a file without its article), keep the user's edit, and running the same steps to the end must give
exactly what an uninterrupted run gives.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fault_helpers import EDITED_TITLE, EDITED_TOPICS, HERE, make_edited_library, write_batch
from test_crash_points import choose_points, offprint
from trash_driver import doomed

from reader.library import importer
from reader.library.facade import Library

pytestmark = pytest.mark.timeout(170)
DRIVER = HERE / "trash_driver.py"


def run_driver(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DRIVER), str(folder), *extra], capture_output=True, text=True, timeout=60
    )


def _template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    template = tmp_path / "template"
    make_edited_library(template, tmp_path / "first")
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", "fault_extract:extract_file")
    pages = write_batch(tmp_path / "pages")
    with Library.open(template) as library:
        results = list(library.import_paths(pages[1:], workers=1))  # the five tide logs
        assert all(r.error is None for r in results)
    return template


@pytest.mark.slow
def test_the_trash_killed_at_any_point_leaves_a_whole_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _template(tmp_path, monkeypatch)
    with Library.open(template) as library:
        edited, pages = doomed(library)
    counted = tmp_path / "counted"
    shutil.copytree(template, counted)
    run = run_driver(counted, "count")
    assert run.returncode == 0, run.stderr[-3000:]
    passed = json.loads(run.stdout.strip().splitlines()[-1])
    assert any("originals delete" in label for label in passed), passed
    with Library.open(counted) as library:
        expected, files = library.count(), set(library.originals.stored_hashes())
        assert expected == 6 - 2 and library.trashed() == []
    points = choose_points(passed)
    assert len(points) >= 12, [passed[n] for n in points]
    folders = {n: tmp_path / f"killed-{n}" for n in points}
    for folder in folders.values():
        shutil.copytree(template, folder)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(
            zip(points, pool.map(lambda n: run_driver(folders[n], "kill", str(n)), points), strict=True)
        )
    for point, killed in runs.items():
        where = f"killed at point {point} ({passed[point]})"
        assert killed.returncode == -9, f"{where}: the driver did not die there: {killed.stderr[-2000:]}"
        code, out, err = offprint("--library", str(folders[point]), "check", capsys=capsys)
        assert code == 0, f"{where}: offprint check is not clean:\n{out}{err}"
        with Library.open(folders[point]) as library:
            # no file lost, none left without its article
            assert set(library.store.hashes()) == set(library.originals.stored_hashes()), where
            article = library.get(edited)  # in the library or in the trash, never lost
            assert (article.title, article.topics) == (EDITED_TITLE, EDITED_TOPICS), where
            library.remove([edited, *pages])  # the same steps again, to the end
            library.empty_trash(pages)
            library.restore([edited])
            assert library.count() == expected and library.trashed() == [], where
            assert library.get(edited).title == EDITED_TITLE, where
            assert set(library.originals.stored_hashes()) == files, where
            assert library.check().ok, where
