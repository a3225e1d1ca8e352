"""One table of page kinds and one folder walk: import, ``offprint extract`` and the file dialog agree."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.ingest import FILE_DIALOG_PATTERNS, PAGE_SUFFIXES, find_pages, page_kind
from reader.library.importer import discover

PAGE = b"<html><head><title>Harbour notes</title></head><body><p>The ferry runs at noon.</p></body></html>"


def saved_tree(root: Path) -> set[str]:
    """A folder as people keep them; returns the pages (relative paths) a walk must find."""
    files = {
        "story.html": PAGE,
        "story_files/frame.html": PAGE,  # saved with the page: a resource, not a page
        "story_files/photo.jpg": b"\xff\xd8",
        "Notes.HTM": PAGE,
        "dump.txt": b"Harbour notes\n\nThe ferry runs at noon.",
        "archive.mht": PAGE,
        "report.pdf": b"%PDF-1.4",
        ".draft.html": PAGE,  # hidden: an editor's swap or a draft
        "orphan_files/kept.xhtml": PAGE,  # no orphan.html beside it: its pages are pages
        ".sync/copy.html": PAGE,
        "nested/deeper/other.html": PAGE,
        "nested/deeper/other_files/inner.html": PAGE,
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.symlink(root / "nested", root / "nested-again")  # the same pages by another way: found once
    return {
        "story.html",
        "Notes.HTM",
        "dump.txt",
        "archive.mht",
        "orphan_files/kept.xhtml",
        ".sync/copy.html",
        "nested/deeper/other.html",
    }


def test_extract_of_a_folder_lists_the_pages_import_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = saved_tree(tmp_path)

    imported, failures = discover([tmp_path])
    assert failures == []
    cli_main(["extract", "--json", str(tmp_path)])
    extracted = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]

    assert [Path(p) for p in extracted] == imported
    assert {Path(p).relative_to(tmp_path).as_posix() for p in extracted} == expected


def test_relative_folders_keep_relative_paths_and_files_are_found_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = list(find_pages(["nested", "nested-again", "story.html", "story.html"]))
    assert [(str(f.path), f.problem) for f in found] == [
        ("nested/deeper/other.html", None),
        ("story.html", None),
    ]


def test_paths_that_are_no_pages_are_reported_by_name(tmp_path: Path) -> None:
    saved_tree(tmp_path)
    found = list(find_pages([tmp_path / "report.pdf", tmp_path / "missing.html"]))
    assert [f.path.name for f in found] == ["report.pdf", "missing.html"]
    pdf, missing = (f.problem or "" for f in found)
    assert pdf.startswith(f"{tmp_path / 'report.pdf'}: not a saved page Offprint reads (")
    assert missing == f"{tmp_path / 'missing.html'}: no such file or folder"


def test_every_suffix_has_a_kind_and_the_file_dialog_offers_exactly_those() -> None:
    assert PAGE_SUFFIXES == (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt")
    kinds = {page_kind(f"page{suffix.upper()}") for suffix in PAGE_SUFFIXES}
    assert kinds == {"html", "xhtml", "mhtml", "text"}
    assert page_kind("page.xht") is None and page_kind("page.pdf") is None
    assert FILE_DIALOG_PATTERNS.split() == [f"*{suffix}" for suffix in PAGE_SUFFIXES]
