"""The app's operations without its window: the search behind the list and the sidebar, bulk series and
topics edits, and the edit and remove flows with their confirmation and their failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import BulkEdit, Filters, Library, SortOrder
from reader.ui.metadata_editor import BulkTagsDialog
from reader.ui.operations import ArticleOperations, search
from reader.ui.workers import LibraryRunner


@pytest.fixture
def library(library_folder: Path) -> Iterator[Library]:
    with Library.open(library_folder) as opened:
        yield opened


def test_the_bulk_dialog_turns_what_was_typed_into_one_library_edit(qtbot) -> None:
    dialog = BulkTagsDialog(2)
    qtbot.addWidget(dialog)
    dialog.add_series.setText("Harbour Lives; ")
    dialog.remove_topics.setText("tides; ferries")
    assert dialog.bulk_edit() == BulkEdit(
        add={"series": ["Harbour Lives"], "topics": []}, remove={"series": [], "topics": ["tides", "ferries"]}
    )


def test_a_bulk_edit_changes_each_article_once_and_counts_only_those_it_changed(
    library: Library, qtbot
) -> None:
    ids = library.search_ids("", Filters())
    edit = BulkEdit(add={"topics": ["TIDES", "storms"]})
    operations = _operations(library, True, [])
    with qtbot.waitSignal(operations.edited, timeout=10_000) as edited:
        operations.apply_bulk_edit(ids, edit)
    (outcome,) = edited.args
    assert sorted(outcome.ids) == sorted(ids) and outcome.message == f"Saved changes to {len(ids)} articles."
    for article_id in ids:
        topics = [topic.casefold() for topic in library.get(article_id).topics]
        assert topics.count("storms") == 1 and topics.count("tides") == 1  # "tides" was there for some
    with qtbot.waitSignal(operations.edited, timeout=10_000) as edited:
        operations.apply_bulk_edit(ids, edit)  # nothing left to change
    assert edited.args[0].count == 0
    assert edited.args[0].message == (
        f"Nothing to change: the {len(ids)} selected articles already had these values."
    )


def test_a_ticked_series_leaves_the_other_series_listed_with_what_they_would_add(library: Library) -> None:
    answer = search(library, "", Filters(series=["Harbour Lives"]), SortOrder.RELEVANCE)
    assert len(answer.ids) == 4 and answer.library_count == 8
    assert answer.facets["series"] == {"Harbour Lives": 4, "Coastal Notes": 4}
    assert sum(answer.facets["topics"].values()) == 4  # other facets are counted under the filter
    assert [hit.id for hit in answer.first_page] == answer.ids


def test_an_empty_answer_says_which_word_found_nothing_and_how_to_widen_the_search(library: Library) -> None:
    answer = search(library, "harbour zeppelin", Filters(series=["Harbour Lives"]), SortOrder.RELEVANCE)
    assert answer.ids == [] and answer.unmatched == ["zeppelin"]
    assert answer.empty_message() == (
        "No articles match “harbour zeppelin”: “zeppelin” is in no article. To widen the search, check the "
        "spelling or clear the filters (Ctrl+Shift+X)."
    )
    # every word is in some article, only never together with the filter: no word to blame
    answer = search(library, "ferries", Filters(topics=["tides"]), SortOrder.RELEVANCE)
    assert answer.ids == [] and answer.unmatched == []
    assert answer.empty_message() == (
        "No articles match “ferries”. To widen the search, use fewer or shorter words, or OR between "
        "alternatives or clear the filters (Ctrl+Shift+X)."
    )


def _operations(library: Library, answer: bool, asked: list[str]) -> ArticleOperations:
    def confirm(title: str, question: str) -> bool:
        asked.append(question)
        return answer

    return ArticleOperations(LibraryRunner(library), confirm=confirm)


def test_removing_asks_first_naming_the_articles_and_a_no_keeps_every_article(
    library: Library, qtbot
) -> None:
    asked: list[str] = []
    operations = _operations(library, False, asked)
    ids = library.search_ids()
    titles = [hit.title for hit in library.summaries(ids[:3])]
    with qtbot.assertNotEmitted(operations.removed, wait=200):
        operations.remove(ids[:1])
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    assert asked[0].startswith(f"Move “{titles[0]}” to the Trash?\n\nArticles in the Trash keep their edits")
    operations.remove(ids[:7])
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
    assert asked[1].startswith(f"Move “{titles[0]}”, “{titles[1]}”, “{titles[2]}” and 4 more to the Trash?")
    assert library.count() == 8


def test_the_trash_confirmation_is_titled_and_answered_as_the_menu_item_says(library: Library, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.ui.operations import ask_to_confirm

    shown: list[tuple[str, list[str]]] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # asked once the titles come back from the library
            QTimer.singleShot(20, lambda: answer(button))
            return
        shown.append((box.windowTitle(), sorted(b.text().replace("&", "") for b in box.buttons())))
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    operations = ArticleOperations(LibraryRunner(library))
    ids = library.search_ids()
    QTimer.singleShot(0, lambda: answer("Cancel"))
    with qtbot.assertNotEmitted(operations.removed, wait=300):
        operations.remove(ids[:1])
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    assert shown[0] == ("Move to Trash", ["Cancel", "Move to Trash"])
    assert library.count() == 8
    QTimer.singleShot(0, lambda: answer("Move to Trash"))
    assert ask_to_confirm(None)("Move to Trash", "Move “Kelp” to the Trash?") is True


def test_removing_after_a_yes_removes_exactly_the_chosen_articles(library: Library, qtbot) -> None:
    ids = library.search_ids()
    operations = _operations(library, True, [])
    with qtbot.waitSignal(operations.removed, timeout=10_000) as removed:
        operations.remove(ids[:3])
    assert removed.args == [3]
    assert library.search_ids() == ids[3:]
    assert sorted(t.id for t in library.trashed()) == sorted(ids[:3])


def test_a_read_only_library_is_never_asked_to_change(library_folder: Path, qtbot) -> None:
    asked: list[str] = []
    with Library.open(library_folder, read_only=True) as library:
        operations = _operations(library, True, asked)
        operations.remove(library.search_ids()[:1])
        operations.edit(library.search_ids()[:1])
        assert asked == [] and operations.editor is None and library.count() == 8


def test_a_saved_edit_comes_back_with_the_article(library: Library, qtbot) -> None:
    article_id = library.search_ids()[0]
    operations = _operations(library, True, [])
    with qtbot.waitSignal(operations.edited, timeout=10_000) as edited:
        operations.save_edits(article_id, {"title": "A corrected title"})
    (outcome,) = edited.args
    assert outcome.ids == [article_id] and outcome.article.title == "A corrected title"
    assert outcome.message == "Saved changes to 1 article."


def test_an_edit_that_cannot_be_saved_says_why(library: Library, qtbot) -> None:
    operations = _operations(library, True, [])
    with qtbot.waitSignal(operations.failed, timeout=10_000) as failed:
        operations.save_edits(library.search_ids()[0], {"title": "x", "colour": "red"})
    assert failed.args[0].startswith("The change was not saved: ") and "colour" in failed.args[0]


def test_the_status_line_after_a_copy_names_what_and_for_how_many() -> None:
    from reader.ui.citations import Copied

    assert Copied("bibliography", "Baev, A. (2024).", "", 1).summary() == (
        "Copied bibliography entry: Baev, A. (2024)."
    )
    assert Copied("bibliography", "x", "", 2).summary() == "Copied bibliography entries for 2 articles: x"
    assert Copied("passage", "“Tides”", "", 1).summary() == "Copied passage with citation: “Tides”"
