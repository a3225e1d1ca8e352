"""Importing with worker processes: discovery, failures, time limit, progress.

Crashes mid-import are tested at many deterministic points in tests/faults/test_crash_points.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_helpers import import_all, write_corpus, write_page

from reader.library import importer
from reader.library.facade import Library
from reader.library.importer import discover
from reader.library.types import ImportProgress, ImportStatus


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


def test_discovery_walks_folders_skips_page_assets_and_loops(tmp_path: Path) -> None:
    root = tmp_path / "saved"
    write_page(root, "story.html", "Story", "Body.")
    write_page(root / "story_files", "frame.html", "An iframe saved with the page", "Not an article.")
    write_page(root / "nested" / "deeper", "other.htm", "Other", "Body.")
    write_page(root / "orphan_files", "kept.html", "No page owns this folder", "Body.")
    (root / "notes.md").write_text("not a page")
    (root / "nested" / "loop").symlink_to(root, target_is_directory=True)
    found, failures = discover([root, root / "story.html", tmp_path / "missing.html", root / "notes.md"])
    names = sorted(p.relative_to(root).as_posix() for p in found)
    assert names == ["nested/deeper/other.htm", "orphan_files/kept.html", "story.html"]
    assert [f.status for f in failures] == [ImportStatus.FAILED] * 2
    assert "no such file" in failures[0].error and "not a saved page" in failures[1].error


def test_discovery_reports_pipes_and_broken_links_without_reading_them(tmp_path: Path) -> None:
    root = tmp_path / "odd"
    write_page(root, "fine.html", "Fine", "Body.")
    os.mkfifo(root / "pipe.html")  # opening it would block the import forever
    (root / "gone.html").symlink_to(root / "missing.html")
    found, failures = discover([root])
    assert [p.name for p in found] == ["fine.html"]
    reasons = {Path(f.path).name: f.error for f in failures}
    assert "not a regular file" in reasons["pipe.html"] and "does not exist" in reasons["gone.html"]


def test_workers_import_and_a_bad_page_fails_alone(lib: Library, tmp_path: Path) -> None:
    pages = write_corpus(tmp_path / "pages")
    write_page(tmp_path / "pages", "broken.html", "Broken", "BOOM")
    progress: list[ImportProgress] = []
    results = import_all(lib, [tmp_path / "pages"], workers=2, on_progress=progress.append)
    statuses = {Path(r.path).name: r.status for r in results}
    assert statuses.pop("broken.html") == ImportStatus.FAILED
    assert set(statuses.values()) == {ImportStatus.IMPORTED} and len(statuses) == len(pages)
    [failure] = [r for r in results if r.status == ImportStatus.FAILED]
    assert "broken.html" in failure.error and "no article found" in failure.error
    assert [p.done for p in progress] == list(range(1, len(pages) + 2))
    assert progress[-1].total == len(pages) + 1 and progress[-1].rate > 0 and progress[-1].eta_seconds == 0
    assert lib.count() == len(pages) and lib.check().ok


def test_a_page_that_hangs_is_killed_and_reported(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "TIME_LIMIT", 1.0)
    write_page(tmp_path / "pages", "stuck.html", "Stuck", "HANG")
    write_page(tmp_path / "pages", "fine.html", "Fine", "A normal page.")
    results = {Path(r.path).name: r for r in import_all(lib, [tmp_path / "pages"], workers=1)}
    assert results["stuck.html"].status == ImportStatus.FAILED
    assert "took too long" in results["stuck.html"].error
    assert results["fine.html"].status == ImportStatus.IMPORTED


def test_a_slow_starting_worker_does_not_count_against_the_first_pages_time_limit(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a loaded machine a fresh worker can spend seconds loading the extractor: the first page sent
    # to it must not be killed as "took too long" for that.
    monkeypatch.setattr(importer, "TIME_LIMIT", 1.0)
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", "library_slow_start_extract:extract_file")
    write_page(tmp_path / "pages", "first.html", "First", "A normal page.")
    results = import_all(lib, [tmp_path / "pages"], workers=1)
    assert [r.status for r in results] == [ImportStatus.IMPORTED], results[0].error


def test_same_bytes_twice_in_one_run_is_one_article(lib: Library, tmp_path: Path) -> None:
    first = write_page(tmp_path / "a", "page.html", "Twin", "Same bytes.")
    second = tmp_path / "b" / "copy.html"
    second.parent.mkdir()
    second.write_bytes(first.read_bytes())
    statuses = sorted(r.status for r in import_all(lib, [tmp_path / "a", tmp_path / "b"], workers=2))
    assert statuses == [ImportStatus.DUPLICATE, ImportStatus.IMPORTED]
    assert lib.count() == 1
