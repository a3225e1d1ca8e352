"""Merge Duplicates: each set of duplicates side by side, and a merge into one article (Zotero's
"Duplicate Items" pane).

The sets come from :meth:`Library.duplicate_sets` (the same URL, or the same text under another URL).
For the chosen set every article is a column and every field a row; the "Merged" column shows the value
the merge keeps: at first the kept article's, or the first other one's when it has none (series and
topics from all of them).  A click on another article's cell takes its value instead.  "Merge" keeps one
article with those values, records the others' files as its sources and moves them to the Trash (Edit →
Undo brings them back); "Not Duplicates" puts the set away for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library import ITEM_TYPES, LIST_FIELDS, DuplicateSet, StoredArticle

from .error_report import log_failure
from .undo import FIELD_NAMES

if TYPE_CHECKING:
    from reader.library import Library

    from .operations import ArticleOperations
    from .workers import LibraryRunner

import logging

logger = logging.getLogger(__name__)

MERGED_FIELDS = (
    "item_type",
    "title",
    "authors",
    "organizations",
    "date",
    "site",
    "url",
    "language",
    "series",
    "topics",
)
FACTS = ("text", "imported", "source")  # shown to help choose, not merged


def shown_value(name: str, value: Any) -> str:
    if name == "item_type":
        return ITEM_TYPES.get(value, "") if value else ""
    if name in LIST_FIELDS:
        return "; ".join(value or [])
    return "" if value is None else str(value)


def _fact(article: StoredArticle, name: str) -> str:
    if name == "text":
        return f"{len(article.text):,} characters"
    if name == "imported":
        return article.imported_at[:10]
    return article.source_path


class DuplicatesDialog(QDialog):
    """Every duplicate set, one at a time, side by side; merge or put away."""

    def __init__(self, runner: LibraryRunner, operations: ArticleOperations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Merge Duplicates")
        self.setAccessibleName("Merge duplicates")
        self.runner, self.operations = runner, operations
        self.sets: list[DuplicateSet] = []
        self.articles: list[StoredArticle] = []
        self.values: dict[str, Any] = {}
        self.set_list = QListWidget(self)
        self.set_list.setAccessibleName("Duplicate sets")
        self.set_list.currentRowChanged.connect(self._load_set)
        self.keep = QComboBox(self)
        self.keep.setAccessibleName("Article to keep")
        self.keep.currentIndexChanged.connect(lambda _i: self._propose())
        self.table = QTableWidget(self)
        self.table.setAccessibleName("Duplicates side by side")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self._take_value)
        self.reason = QLabel("Looking for duplicates…", self)
        self.reason.setWordWrap(True)
        self.merge_button = QPushButton("&Merge", self)
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge)
        self.distinct_button = QPushButton("&Not Duplicates", self)
        self.distinct_button.clicked.connect(self.not_duplicates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.distinct_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.reason)
        keep_row = QHBoxLayout()
        keep_label = QLabel("&Keep:", right)
        keep_label.setBuddy(self.keep)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep, 1)
        side.addLayout(keep_row)
        side.addWidget(self.table, 1)
        side.addWidget(QLabel("Click a value of another article to keep it instead.", right))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.set_list)
        splitter.addWidget(right)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1100, 620)
        operations.merged.connect(lambda _merge: self.reload())
        self.reload()

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        def work(library: Library) -> tuple[list[DuplicateSet], dict[int, str]]:
            sets = library.duplicate_sets()
            titles = {}
            for found in sets:  # the set's name: the first title any of its articles has
                hits = library.summaries(found.ids)
                titles[found.ids[0]] = next((h.title for h in hits if h.title), "")
            return sets, titles

        self.runner.call(work, self._show_sets, self._failed)

    def _show_sets(self, answer: tuple[list[DuplicateSet], dict[int, str]]) -> None:
        self.sets, titles = answer
        self.set_list.clear()
        for found in self.sets:
            item = QListWidgetItem(
                f"{titles.get(found.ids[0]) or '(untitled)'}\n{len(found.ids)} articles, {found.reason}"
            )
            item.setToolTip(found.reason)
            self.set_list.addItem(item)
        if self.sets:
            self.set_list.setCurrentRow(0)
        else:
            self.reason.setText("No duplicates: no two articles share a URL or their text.")
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
        self.merge_button.setEnabled(bool(self.sets))
        self.distinct_button.setEnabled(bool(self.sets))

    def _load_set(self, row: int) -> None:
        if not 0 <= row < len(self.sets):
            return
        found = self.sets[row]
        self.reason.setText(f"{len(found.ids)} articles: {found.reason}.")
        self.runner.call(
            lambda library: [library.get(i) for i in found.ids], self._show_articles, self._failed
        )

    def _show_articles(self, articles: list[StoredArticle]) -> None:
        self.articles = articles
        self.keep.blockSignals(True)
        self.keep.clear()
        for article in articles:
            self.keep.addItem(
                f"{article.id}: {article.title or '(untitled)'} — {article.site or article.url or ''}",
                article.id,
            )
        richest = max(articles, key=lambda a: (sum(1 for n in MERGED_FIELDS if getattr(a, n)), -a.id))
        self.keep.setCurrentIndex(articles.index(richest))  # the most complete one, else the oldest
        self.keep.blockSignals(False)
        self._propose()

    def _propose(self) -> None:
        """The merged values proposed for the kept article (its own, else the first other one's)."""
        if not self.articles:
            return
        keep = self.keep.currentData()
        ordered = sorted(self.articles, key=lambda a: a.id != keep)
        self.values = {}
        for name in MERGED_FIELDS:
            values = [getattr(a, name) for a in ordered]
            if name in ("series", "topics"):
                union: dict[str, str] = {}
                for value in values:
                    for item in value or []:
                        union.setdefault(item.casefold(), item)
                self.values[name] = list(union.values())
            else:
                self.values[name] = next((v for v in values if v), values[0])
        self._fill_table()

    def _fill_table(self) -> None:
        rows = [*MERGED_FIELDS, *FACTS]
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(self.articles) + 1)
        keep = self.keep.currentData()
        self.table.setHorizontalHeaderLabels(
            ["Merged"] + [f"{a.id}{' (kept)' if a.id == keep else ''}" for a in self.articles]
        )
        self.table.setVerticalHeaderLabels([FIELD_NAMES.get(n, n.title()) for n in rows])
        for row, name in enumerate(rows):
            merged = shown_value(name, self.values.get(name)) if name in MERGED_FIELDS else ""
            cell = QTableWidgetItem(merged)
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
            self.table.setItem(row, 0, cell)
            for column, article in enumerate(self.articles, start=1):
                text = (
                    shown_value(name, getattr(article, name))
                    if name in MERGED_FIELDS
                    else _fact(article, name)
                )
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _take_value(self, row: int, column: int) -> None:
        if column == 0 or row >= len(MERGED_FIELDS) or column > len(self.articles):
            return
        name = MERGED_FIELDS[row]
        self.values[name] = getattr(self.articles[column - 1], name)
        self._fill_table()

    # -- acting --------------------------------------------------------------------------------------
    def merge(self) -> None:
        if not self.articles:
            return
        keep = int(self.keep.currentData())
        others = [a.id for a in self.articles if a.id != keep]
        self.operations.merge(keep, others, dict(self.values))

    def not_duplicates(self) -> None:
        if not self.articles:
            return
        ids = [a.id for a in self.articles]
        self.runner.call(
            lambda library: library.mark_not_duplicates(ids), lambda _none: self.reload(), self._failed
        )

    def _failed(self, error: BaseException) -> None:
        log_failure(logger, "the duplicates could not be shown or merged", error)
        self.reason.setText(f"Could not do it: {error}")
