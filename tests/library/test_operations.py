"""The library's named operations the app and the commands share: opening beside another writer, the
filters sidebar's facet counts, bulk edits in one transaction, and the field lists read from the types."""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import pytest
from library_helpers import write_page

from reader.errors import STRICT_ENV
from reader.ingest import Article
from reader.library import (
    EDITABLE_FIELDS,
    LIST_FIELDS,
    ArticleNotFoundError,
    BulkEdit,
    Filters,
    ImportStatus,
    Library,
    LibraryLockedError,
    ReadOnlyLibraryError,
    StorageError,
)
from reader.library.types import EXTRACTED_FIELDS

ONE_ENGINE = pytest.mark.parametrize("engine", ["whoosh"])


def ids_by_title(library: Library) -> dict[str, int]:
    return {hit.title: hit.id for hit in library.search("", limit=100).hits}


# -- opening beside another writer ----------------------------------------------------------------


@ONE_ENGINE
def test_open_beside_a_writer_raises_or_opens_read_only_with_a_notice(filled: Library) -> None:
    with pytest.raises(LibraryLockedError, match="open for writing by another") as refused:
        Library.open(filled.folder)
    assert refused.value.pid == os.getpid()  # the holder wrote its process id into the lock file
    with pytest.raises(LibraryLockedError):
        Library.open(filled.folder, if_locked="raise")
    with Library.open(filled.folder, if_locked="read-only") as reader:
        assert reader.read_only and reader.search("arctic").total == 2
        [notice] = reader.notices
        assert (
            notice == f"opened read-only: another Offprint (process {os.getpid()}) is writing to this library"
        )
        with pytest.raises(ReadOnlyLibraryError):
            reader.update(1, title="x")


@ONE_ENGINE
def test_open_without_another_writer_is_writable_whatever_if_locked_says(filled: Library) -> None:
    folder = filled.folder
    filled.close()
    with Library.open(folder, if_locked="read-only") as library:
        assert not library.read_only and not library.notices


def test_open_rejects_an_unknown_if_locked(tmp_path: object) -> None:
    with pytest.raises(ValueError, match="if_locked"):
        Library.open(str(tmp_path), if_locked="wait")  # type: ignore[arg-type]


# -- facet counts for the filters sidebar ---------------------------------------------------------


def test_a_ticked_facet_keeps_listing_its_other_values(filled: Library) -> None:
    """Values within a facet are ORed: ticking one must leave the others on offer, each with its count."""
    ticked = Filters(topics=["Travel"])
    sidebar = filled.facets("", ticked)
    assert sidebar["topics"] == filled.facets("")["topics"]  # counted without its own filter
    assert sidebar["topics"]["Arctic"] == 2 and sidebar["topics"]["Travel"] == 1
    assert sidebar["sites"] == {"Travel Notes": 1}  # the other facets follow the ticked value
    closed = filled.facets("", ticked, keep_own_facet_open=False)
    assert closed["topics"] == {"Travel": 1} and closed["sites"] == sidebar["sites"]


def test_each_ticked_facet_is_counted_under_the_other_facets_filters(filled: Library) -> None:
    ticked = Filters(topics=["Arctic"], sites=["Eurasia Review"], years=[2026])
    sidebar = filled.facets("", ticked)
    # topics under site + year: only the 2026 Eurasia Review article
    assert sidebar["topics"] == {"Arctic": 1, "Diplomacy": 1}
    # sites under topic + year, years under topic + site
    assert sidebar["sites"] == {"Eurasia Review": 1}
    assert sidebar["years"] == {"2026": 1, "2025": 1}
    # a facet nobody ticked is counted under every filter
    assert sidebar["series"] == {"Polar Politics": 1}
    # and the query still applies to all of them
    assert filled.facets("tromso", Filters(years=[2025]))["years"] == {"2026": 1}


def test_facets_without_filters_are_the_same_either_way(filled: Library) -> None:
    assert filled.facets("arctic") == filled.facets("arctic", None, keep_own_facet_open=False)
    assert filled.facets("arctic", Filters()) == filled.facets("arctic")


def test_facets_count_only_the_articles_of_a_view(filled: Library) -> None:
    """The sidebar of a library view (Needs Attention, Duplicates) counts what that view holds."""
    one = filled.get(filled.search("arctic", limit=1).hits[0].id)
    counts = filled.facets("", Filters(), only=[one.id])
    assert sum(counts["years"].values()) == 1 and counts["topics"] == dict.fromkeys(one.topics, 1)
    assert counts["added"] and set(counts["added"].values()) == {1}
    assert all(not values for values in filled.facets("", Filters(), only=[]).values())
    assert filled.facets("", Filters(), only=[one.id], keep_own_facet_open=False)["years"] == counts["years"]


# -- bulk edits ---------------------------------------------------------------------------------------


def test_bulk_edit_adds_and_removes_values_without_regard_to_case() -> None:
    edit = BulkEdit(add={"topics": ["arctic", "Ice", "ice"]}, remove={"series": ["polar politics"]})
    current = {"series": ["Polar Politics", "Other"], "topics": ["Arctic", "Diplomacy"]}
    assert edit.changes_for(current) == {"series": ["Other"], "topics": ["Arctic", "Diplomacy", "Ice"]}
    assert edit.changes_for({"series": [], "topics": ["ice", "arctic"]}) == {}  # nothing would change
    assert BulkEdit(assign={"language": "de"}).changes_for({"language": "en"}) == {"language": "de"}
    one_value = BulkEdit(add={"topics": "Food"}, remove={"topics": "Travel"})  # a string is one value
    assert one_value.changes_for({"topics": ["Travel"]}) == {"topics": ["Food"]}


def test_bulk_edit_names_what_it_cannot_do() -> None:
    edit = BulkEdit(add={"title": ["x"], "colour": ["red"]}, assign={"excerpt": "y"})
    assert edit.problems() == [
        "title is not an editable field that holds a list",
        "colour is not an editable field that holds a list",
        "excerpt is not an editable field",
    ]
    assert BulkEdit(add={"series": ["S"]}, remove={"topics": ["T"]}).problems() == []


@ONE_ENGINE
def test_update_many_is_one_transaction_and_one_index_update(filled: Library) -> None:
    ids = ids_by_title(filled)
    polar = [ids["Negotiations over the Arctic treaty"], ids["Shipping lanes and sea ice"]]
    travel = ids["Café culture in Vienna"]
    generation = filled.store.generation()
    edit = BulkEdit(add={"topics": ["Polar", "arctic"]}, remove={"series": ["POLAR POLITICS"]})
    changed = filled.update_many([*polar, travel, polar[0]], edit)
    assert changed == [*polar, travel]
    assert filled.store.generation() == generation + 1  # one commit for all of them
    first, second, cafe = (filled.get(i) for i in (*polar, travel))
    assert first.topics == ["Arctic", "Diplomacy", "Polar"] and first.series == []
    assert second.topics == ["Arctic", "Shipping", "Polar"] and second.series == []
    assert cafe.topics == ["Travel", "Polar", "arctic"]  # a new value is added as typed
    assert first.edited == {"topics", "series"} and cafe.edited == {"topics"}
    assert first.extracted["series"] == ["Polar Politics"]  # extracted values kept beside the edit
    assert filled.search("topic:polar").total == 3 and filled.facets("")["series"] == {}
    assert filled.check().ok


@ONE_ENGINE
def test_update_many_leaves_articles_it_would_not_change_alone(filled: Library) -> None:
    ids = ids_by_title(filled)
    generation = filled.store.generation()
    untouched = ids["Untitled notes"]
    assert filled.update_many([untouched], BulkEdit(remove={"topics": ["Arctic"]})) == []
    assert filled.store.generation() == generation and filled.get(untouched).edited == set()


@ONE_ENGINE
def test_update_many_writes_nothing_when_an_id_is_missing_or_a_field_is_wrong(filled: Library) -> None:
    ids = ids_by_title(filled)
    generation = filled.store.generation()
    some = ids["Café culture in Vienna"]
    with pytest.raises(ArticleNotFoundError, match="no article 999"):
        filled.update_many([some, 999], BulkEdit(add={"topics": ["Food"]}))
    with pytest.raises(StorageError, match="title is not an editable field that holds a list"):
        filled.update_many([some], BulkEdit(add={"title": ["Food"]}))
    assert filled.store.generation() == generation and filled.get(some).topics == ["Travel"]


@ONE_ENGINE
def test_update_many_refuses_a_read_only_library(filled: Library) -> None:
    with Library.open(filled.folder, read_only=True) as reader, pytest.raises(ReadOnlyLibraryError):
        reader.update_many([1], BulkEdit(add={"topics": ["x"]}))


# -- the field lists ----------------------------------------------------------------------------------


def test_field_lists_come_from_the_article_types() -> None:
    """One declaration per field: the stored article's marks give the lists, ingest provides each field."""
    ingest_fields = {f.name for f in dataclasses.fields(Article)}
    assert set(EXTRACTED_FIELDS) <= ingest_fields  # the store copies each of them from ingest's Article
    assert EXTRACTED_FIELDS == (
        "title", "authors", "organizations", "date", "site", "url", "language", "excerpt", "series",
        "topics", "accessed", "item_type",
    )  # fmt: skip
    assert EDITABLE_FIELDS == (
        "title", "authors", "organizations", "date", "site", "url", "language", "series", "topics",
        "accessed", "item_type",
    )  # fmt: skip
    assert frozenset({"authors", "organizations", "series", "topics"}) == LIST_FIELDS


# -- failures carried on after are logged --------------------------------------------------------------


@ONE_ENGINE
def test_a_bug_in_ingest_fails_its_file_and_is_logged_with_its_traceback(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(STRICT_ENV, "0")  # as users run it: one bad file must not stop the batch
    bad = write_page(tmp_path / "pages", "bad.html", "Bad", "BUG")
    good = write_page(tmp_path / "pages", "good.html", "Good", "Fine words.")
    with caplog.at_level(logging.DEBUG, logger="reader"):
        results = {Path(r.path).name: r for r in library.import_paths([bad, good], workers=0)}
    assert results["good.html"].status == ImportStatus.IMPORTED
    assert results["bad.html"].status == ImportStatus.FAILED
    assert "could not extract the article (RuntimeError: an unexpected state" in (
        results["bad.html"].error or ""
    )
    [record] = [r for r in caplog.records if r.name == "reader.library.importer"]
    assert record.levelno == logging.DEBUG and str(bad) in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError


@ONE_ENGINE
def test_under_strict_the_same_bug_fails_the_import(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STRICT_ENV, "1")  # the test suite's setting: a catch-all never hides a bug
    bad = write_page(tmp_path / "pages", "bad.html", "Bad", "BUG")
    with pytest.raises(RuntimeError, match="an unexpected state"):
        list(library.import_paths([bad], workers=0))
    assert library.count() == 0 and library.check().ok
