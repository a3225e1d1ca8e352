"""From a saved file to a citation: the accessed date and the item type the library keeps and cites.

The issue's example: herald-09 (MHTML, ``Date: Sat, 2 May 2026``) is cited "Accessed: 2 May 2026" and
exported with ``urldate = {2026-05-02}``, whatever day it was imported; the Quiet Ledger (WordPress) is a
blog post.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.cite import Citer, article_to_csl, to_biblatex, to_ris
from reader.errors import StorageError
from reader.library import Library
from reader.library.database import connect

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("herald-09-aldenport-sea-wall.mhtml", "ledger-01-harbour-levy.html"):
        shutil.copy(CORPUS / name, pages / name)
    ledger = pages / "ledger-01-harbour-levy.html"
    stamp = dt.datetime(2025, 3, 6, 8, 0).timestamp()
    os.utime(ledger, (stamp, stamp))
    lib = Library.open(tmp_path / "lib")
    results = list(lib.import_paths([pages], workers=0))
    assert [r.status for r in results] == ["imported", "imported"], results
    return lib


def _by_title(library: Library, word: str) -> int:
    return next(i for i in library.search_ids("") if word in library.get(i).title)


def test_the_accessed_date_comes_from_the_saved_file(library: Library, citer: Citer) -> None:
    herald = library.get(_by_title(library, "sea wall"))
    assert (herald.accessed, herald.provenance["accessed"]) == ("2026-05-02", "mhtml:Date")
    ledger = library.get(_by_title(library, "levy"))
    assert (ledger.accessed, ledger.provenance["accessed"]) == ("2025-03-06", "file-mtime")
    item = article_to_csl(herald)
    assert "(Accessed: 2 May 2026)" in citer.bibliography([item], "harvard")[0]
    assert "urldate = {2026-05-02}" in to_biblatex([item])
    assert "Y2  - 2026/05/02/" in to_ris([item])


def test_item_types_from_the_pages_are_stored_and_cited(library: Library, citer: Citer) -> None:
    herald = library.get(_by_title(library, "sea wall"))
    ledger = library.get(_by_title(library, "levy"))
    assert (herald.item_type, herald.provenance["item_type"]) == ("article-newspaper", "json-ld:NewsArticle")
    assert (ledger.item_type, ledger.provenance["item_type"]) == ("post-weblog", "generator:WordPress 6.6.2")
    assert article_to_csl(ledger)["type"] == "post-weblog"
    assert to_biblatex([article_to_csl(herald)]).startswith("@article{")
    assert "TY  - BLOG" in to_ris([article_to_csl(ledger)])


def test_accessed_and_item_type_are_editable_and_revert(library: Library) -> None:
    herald_id = _by_title(library, "sea wall")
    edited = library.update(herald_id, accessed="2026-05-04", item_type="article-magazine")
    assert (edited.accessed, edited.item_type) == ("2026-05-04", "article-magazine")
    assert edited.extracted["accessed"] == "2026-05-02" and {"accessed", "item_type"} <= edited.edited
    with pytest.raises(StorageError, match=r"accessed '4 May' of article .* is not a date"):
        library.update(herald_id, accessed="4 May")
    with pytest.raises(StorageError, match=r"unknown item type 'video' of article .*: choose one of"):
        library.update(herald_id, item_type="video")
    reverted = library.revert(herald_id, ["accessed", "item_type"])
    assert (reverted.accessed, reverted.item_type) == ("2026-05-02", "article-newspaper")


def test_articles_stored_before_keep_their_import_day_with_its_provenance(tmp_path: Path) -> None:
    """Migration 4: a library written before knows only the import day; it says so."""
    path = tmp_path / "library.sqlite3"
    old = sqlite3.connect(path)
    from reader.library import database

    for script in database._MIGRATIONS[:3]:
        old.executescript(script)
    old.execute(
        "INSERT INTO articles (content_hash, source_path, imported_at, updated_at, extracted, provenance, "
        "effective, text, html, repairs) VALUES ('h', '/tmp/a.html', '2026-01-02T10:00:00+00:00', "
        "'2026-01-02T10:00:00+00:00', '{}', '{\"title\": \"title-tag\"}', "
        "'{\"accessed\": \"2026-01-02\"}', '', '', '[]')"
    )
    old.execute("PRAGMA user_version = 3")
    old.commit()
    old.close()
    conn = connect(path, read_only=False)
    provenance = conn.execute("SELECT provenance FROM articles").fetchone()[0]
    assert provenance == '{"title":"title-tag","accessed":"import-date"}'
    conn.close()
