"""The trash, the operations undo is built from, item types and validated edits, in the library core."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_helpers import CORPUS

from reader.errors import StorageError
from reader.library import BulkEdit, Filters, Library
from reader.library.paths import database_path


def _by_title(library: Library, word: str) -> int:
    return next(h.id for h in library.search(f"title:{word}").hits)


def test_a_trashed_article_leaves_search_facets_and_lists_but_keeps_its_edits(filled: Library) -> None:
    article_id = _by_title(filled, "arctic")
    filled.update(article_id, title="Arctic treaty talks", topics=["Polar"])
    before = filled.facets()
    assert filled.remove([article_id]) == 1
    assert article_id not in filled.search_ids()
    assert filled.search("treaty talks").total == 0
    assert "Polar" not in filled.facets()["topics"]
    assert filled.facets()["sites"]["Eurasia Review"] == before["sites"]["Eurasia Review"] - 1
    assert filled.count() == len(CORPUS) - 1
    trashed = filled.get(article_id)  # still readable, marked
    assert trashed.trashed_at is not None and trashed.title == "Arctic treaty talks"
    assert filled.restore([article_id]) == 1
    back = filled.get(article_id)
    assert back.trashed_at is None and back.title == "Arctic treaty talks" and back.topics == ["Polar"]
    assert filled.search("treaty talks").total == 1 and filled.facets()["topics"]["Polar"] == 1
    assert filled.check().ok


def test_removing_twice_or_restoring_what_is_not_trashed_changes_nothing(filled: Library) -> None:
    article_id = _by_title(filled, "café")
    assert filled.remove([article_id]) == 1 and filled.remove([article_id]) == 0
    assert filled.restore([article_id]) == 1 and filled.restore([article_id]) == 0
    assert filled.empty_trash() == 0 and filled.count() == len(CORPUS)


def test_emptying_part_of_the_trash_keeps_the_rest_restorable(filled: Library) -> None:
    first, second = _by_title(filled, "café"), _by_title(filled, "history")
    filled.remove([first, second])
    assert filled.empty_trash([first]) == 1
    assert [t.id for t in filled.trashed()] == [second]
    assert filled.restore([second]) == 1 and filled.count() == len(CORPUS) - 1
    with pytest.raises(KeyError):
        filled.get(first)


def test_emptying_cascades_every_per_article_row(filled: Library) -> None:
    article_id = _by_title(filled, "arctic")
    filled.update(article_id, title="x")
    filled.remove([article_id])
    filled.empty_trash()
    conn = sqlite3.connect(database_path(filled.folder))
    for table in ("user_edits", "resources", "seen_hashes", "text_signatures", "text_bands", "trash"):
        assert conn.execute(
            f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)
        ).fetchone() == (0,), table
    conn.close()


def test_importing_a_trashed_articles_file_again_restores_it(filled: Library, tmp_path: Path) -> None:
    article_id = _by_title(filled, "café")
    filled.remove([article_id])
    (result,) = [r for r in filled.import_paths([tmp_path / "pages" / "b.html"], workers=0)]
    assert result.status == "imported" and result.article_id == article_id
    assert result.note and "restored from the trash" in result.note
    assert filled.trashed() == [] and filled.search("café").total == 1


def test_an_edit_is_undone_and_redone_by_its_snapshots(filled: Library) -> None:
    article_id = _by_title(filled, "arctic")
    filled.update(article_id, site="Polar Review")  # an earlier edit the undo must keep
    fields = ["title", "site"]
    (before,) = filled.edit_snapshots([article_id], fields)
    filled.update(article_id, title="Arctic talks", site="The Review")
    (after,) = filled.edit_snapshots([article_id], fields)
    filled.restore_edits([before])
    undone = filled.get(article_id)
    assert undone.title == "Negotiations over the Arctic treaty" and undone.site == "Polar Review"
    assert undone.edited == {"site"}
    filled.restore_edits([after])
    redone = filled.get(article_id)
    assert (redone.title, redone.site) == ("Arctic talks", "The Review")
    assert filled.search("title:talks").total == 1


def test_a_bulk_edit_is_undone_for_each_article(filled: Library) -> None:
    ids = filled.search_ids("", Filters(sites=["Eurasia Review"]))
    before = filled.edit_snapshots(ids, ["topics"])
    assert filled.update_many(ids, BulkEdit(add={"topics": ["Ice"]})) == ids
    assert filled.facets()["topics"]["Ice"] == 2
    filled.restore_edits(before)
    assert "Ice" not in filled.facets()["topics"]
    assert all(filled.get(i).edited == set() for i in ids)


def test_item_type_and_dates_are_checked_when_edited(filled: Library) -> None:
    article_id = _by_title(filled, "arctic")
    assert filled.get(article_id).item_type is None  # the stand-in extractor found none
    assert filled.update(article_id, item_type="report", accessed="2026-02").item_type == "report"
    with pytest.raises(StorageError, match="unknown item type 'essay'"):
        filled.update(article_id, item_type="essay")
    with pytest.raises(StorageError, match=r"date '2026-02-30' .* is not a date"):
        filled.update(article_id, date="2026-02-30")
    assert filled.revert(article_id, ["item_type"]).item_type is None


def test_a_library_from_before_the_trash_is_migrated(tmp_path: Path, filled: Library) -> None:
    """The schema-3 layout (no trash, no marks) is brought up to date on open, articles kept."""
    folder = filled.folder
    filled.close()
    conn = sqlite3.connect(database_path(folder))
    conn.executescript(
        "DROP TABLE trash; DROP TABLE kept_originals; DROP TABLE text_bands; DROP TABLE text_signatures;"
        " DROP TABLE distinct_pairs; DROP INDEX articles_attention;"
        " DROP TABLE annotations; DROP TABLE notes; DROP TABLE collection_items; DROP TABLE collections;"
        " DROP TABLE saved_searches;"
        " ALTER TABLE articles DROP COLUMN attention; ALTER TABLE articles DROP COLUMN evidence;"
        " UPDATE articles SET text = '' WHERE id = 1; PRAGMA user_version = 3;"
    )
    conn.close()
    with Library.open(folder) as library:
        assert library.count() == len(CORPUS)
        assert library.attention_ids() == [1]  # the migration marks what has no text
        assert library.duplicate_sets() == []  # signs the old articles, finds nothing
        assert library.check().ok
