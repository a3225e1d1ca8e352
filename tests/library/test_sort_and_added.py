"""The orders of the app's list columns (both ways round) and Date Added: windows, counts, the last import."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from library_helpers import import_all, write_page

from reader.library.added import window_starts
from reader.library.facade import Library
from reader.library.types import Filters, ImportStatus, SortOrder


def _titles(library: Library, ids: list[int]) -> list[str]:
    return [hit.title for hit in library.summaries(ids)]


def _age(library: Library, titles: list[str], days: int) -> None:
    """Make these articles look added ``days`` ago (the store is the truth; the index follows it)."""
    when = (datetime.now(UTC) - timedelta(days=days)).replace(microsecond=0).isoformat()
    with library.store.transaction() as conn:
        for title in titles:
            conn.execute(
                "UPDATE articles SET imported_at = ? WHERE json_extract(effective, '$.title') = ?",
                (when, title),
            )
    library.store.queue_all()
    library.index.sync()


def test_every_column_order_turns_around_with_the_empty_values_last(filled: Library) -> None:
    by_title = _titles(filled, filled.search_ids("", sort=SortOrder.TITLE))
    assert by_title == sorted(by_title, key=str.casefold)
    assert _titles(filled, filled.search_ids("", sort=SortOrder.TITLE, reverse=True)) == by_title[::-1]

    oldest_first = _titles(filled, filled.search_ids("", sort=SortOrder.DATE, reverse=True))
    assert oldest_first[0] == "A history of treaties" and oldest_first[-1] == "Untitled notes"  # undated
    newest_first = _titles(filled, filled.search_ids("", sort=SortOrder.DATE))
    assert newest_first[0] == "Negotiations over the Arctic treaty" and newest_first[-1] == "Untitled notes"

    in_series = _titles(filled, filled.search_ids("", sort=SortOrder.SERIES))
    # the series first, oldest first within it (its reading order), then the articles in no series
    assert in_series[:2] == ["Shipping lanes and sea ice", "Negotiations over the Arctic treaty"]
    reversed_series = _titles(filled, filled.search_ids("", sort=SortOrder.SERIES, reverse=True))
    assert reversed_series[:2] == in_series[:2][::-1] and set(reversed_series[2:]) == set(in_series[2:])


def test_a_reversed_page_is_a_page_of_the_reversed_list(filled: Library) -> None:
    every = filled.search_ids("", sort=SortOrder.AUTHOR, reverse=True)
    page = filled.search("", sort=SortOrder.AUTHOR, reverse=True, limit=2, offset=1)
    assert [hit.id for hit in page.hits] == every[1:3] and page.total == len(every)


def test_date_added_orders_by_when_articles_came_in_and_filters_by_it(
    filled: Library, tmp_path: Path
) -> None:
    [later] = import_all(
        filled, [write_page(tmp_path / "later", "z.html", "Tide tables", "High water.")], workers=0
    )
    newest_added = filled.search_ids("", sort=SortOrder.ADDED)
    assert newest_added[0] == later.article_id and newest_added == sorted(newest_added, reverse=True)
    assert filled.search_ids("", sort=SortOrder.ADDED, reverse=True) == newest_added[::-1]
    assert filled.search_ids("tide", sort=SortOrder.ADDED) == [later.article_id]

    _age(filled, ["A history of treaties", "Café culture in Vienna"], days=40)
    today = filled.search_ids("", Filters(added="today"))
    assert len(today) == 4 and "A history of treaties" not in _titles(filled, today)
    counts = filled.facets("", Filters())["added"]
    assert counts["today"] == counts["week"] == counts["month"] == 4
    hit = filled.summaries(today[:1])[0]
    assert abs(datetime.fromisoformat(hit.imported_at) - datetime.now(UTC)) < timedelta(minutes=5)


def test_a_ticked_window_keeps_the_other_windows_counted(filled: Library) -> None:
    _age(filled, ["A history of treaties"], days=3 * 31)
    counts = filled.facets("", Filters(added="today"), keep_own_facet_open=True)
    assert counts["added"]["today"] == 4 and counts["added"]["month"] == 4  # not narrowed by its own tick
    everywhere = filled.facets("", Filters())["topics"]
    # the other facets are counted within the window: the old article's topics are not
    assert "History" not in counts["topics"] and counts["topics"]["Diplomacy"] == everywhere["Diplomacy"] - 1


def test_the_last_import_is_the_last_import_that_added_articles(library: Library, tmp_path: Path) -> None:
    first = import_all(
        library, [write_page(tmp_path / "one", "a.html", "Harbour walls", "Old stones.")], workers=0
    )
    assert library.facets()["added"].get("last-import") == 1
    _age(library, ["Harbour walls"], days=1)  # the first import was yesterday
    pages = tmp_path / "two"
    second = import_all(
        library,
        [
            write_page(pages, "b.html", "Tide tables", "High water."),
            write_page(pages, "c.html", "Gulls", "Birds."),
        ],
        workers=0,
    )
    assert [r.status for r in first + second] == [ImportStatus.IMPORTED] * 3
    recent = library.search_ids("", Filters(added="last-import"))
    assert sorted(_titles(library, recent)) == ["Gulls", "Tide tables"]
    assert library.facets()["added"]["last-import"] == 2
    again = import_all(library, [pages], workers=0)  # only duplicates: the last import stays the one before
    assert {r.status for r in again} == {ImportStatus.DUPLICATE}
    assert sorted(_titles(library, library.search_ids("", Filters(added="last-import")))) == [
        "Gulls",
        "Tide tables",
    ]


def test_a_library_with_no_recorded_import_has_no_last_import_window(library: Library) -> None:
    assert "last-import" not in library.facets()["added"]
    assert library.search_ids("", Filters(added="last-import")) == []


@pytest.fixture
def in_india(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # +05:30: local midnight is not on a UTC hour
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_windows_start_at_local_midnight_on_monday_and_the_first(in_india: None) -> None:
    now = datetime(2026, 3, 12, 20, 0, tzinfo=UTC)  # Friday 13 March, 01:30 in India
    starts = window_starts(now, last_import=int(now.timestamp()) - 125)
    local = {name: datetime.fromtimestamp(value) for name, value in starts.items()}
    assert local["today"] == datetime(2026, 3, 13)
    assert local["week"] == datetime(2026, 3, 9)  # Monday
    assert local["month"] == datetime(2026, 3, 1)
    assert starts["last-import"] == int(now.timestamp()) - 125
    assert list(starts) == ["last-import", "today", "week", "month"]


def test_organisations_among_the_authors_are_named(library: Library, tmp_path: Path) -> None:
    page = write_page(tmp_path / "p", "a.html", "Harbour policy", "Text.", authors=["Ana Baev"])
    [result] = import_all(library, [page], workers=0)
    library.update(result.article_id, organizations=["Caldrenne Centre for Policy Research"])
    assert library.organizations() == {"Caldrenne Centre for Policy Research"}
    authors = library.facets()["authors"]
    assert set(authors) == {"Ana Baev", "Caldrenne Centre for Policy Research"}  # both in the one facet
