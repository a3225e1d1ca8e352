"""Editing an article's citation metadata (validated), and bulk series/topics editing for a selection.

The metadata editor has every editable field, as Zotero's item pane does: item type, title, authors
as rows of family and given name (:mod:`.name_rows`), organisations, date (partial dates too), site,
URL, language, accessed date, series and topics.  Each field says where its value came from (the
page's JSON-LD, a meta tag, the byline…, or "edited by you") and has "Revert" back to the extracted
value.  Series, topics, sites, organisations and authors complete from the library's own values, in
both editors, so a typo does not quietly start a new series.  The dialogs only collect and validate;
:mod:`reader.ui.operations` saves through the library, which keeps user edits apart from extracted
values so they win over re-extraction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import ACCESSED_SOURCES, EDITABLE_FIELDS, ITEM_TYPES, LIST_FIELDS, BulkEdit, StoredArticle

from .name_rows import AuthorRows
from .repairs_panel import source_words

FIELD_LABELS = {
    "item_type": "Item &type",
    "title": "&Title",
    "authors": "&Authors",
    "organizations": "&Organisations",
    "date": "&Date",
    "site": "&Site",
    "url": "&URL",
    "language": "&Language",
    "accessed": "A&ccessed",
    "series": "Se&ries",
    "topics": "To&pics",
}
#: The fields in the editor's order (Zotero's: the item type first).
EDITOR_ORDER = ("item_type", *(name for name in EDITABLE_FIELDS if name != "item_type"))
#: Which of the library's value lists completes each field.
COMPLETES_FROM = {"series": "series", "topics": "topics", "site": "sites", "organizations": "authors"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?://localhost(:\d+)?([/?#]\S*)?$", re.I)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def split_list(text: str) -> list[str]:
    """ "A; B; C" → ["A", "B", "C"] (semicolons, since names hold commas: "Baev, Ana")."""
    return [part.strip() for part in text.split(";") if part.strip()]


def join_list(values: Sequence[str]) -> str:
    return "; ".join(values)


def validate_date(text: str, label: str = "Date") -> str | None:
    """An error message, or None when ``text`` is empty or a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    if not text:
        return None
    found = _DATE.match(text)
    if not found:
        return f"{label} “{text}” must look like YYYY, YYYY-MM or YYYY-MM-DD."
    year, month, day = (int(g) if g else None for g in found.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return f"{label} “{text}” is not a real date."
    return None


def validate_url(text: str) -> str | None:
    if not text or _URL.match(text):
        return None
    return f"URL “{text}” must start with http:// or https:// and name a host."


def validate_language(text: str) -> str | None:
    if not text or _LANGUAGE.match(text):
        return None
    return f"Language “{text}” must be a language tag such as en, de or pt-BR."


def provenance_text(article: StoredArticle, name: str) -> str:
    """Where the field's value came from: "edited by you", "from the page's JSON-LD", "the import date"…"""
    if name in article.edited:
        return "edited by you"
    if name == "accessed":  # when the page was saved: the saver's note, the MHTML Date:, the file's time
        saved_by = article.provenance.get("accessed", "import-date")
        return "from " + ACCESSED_SOURCES.get(saved_by, saved_by)
    value = getattr(article, name)
    if not value:
        return "not found in the page"
    source = article.provenance.get(name)
    if not source:
        return "extracted"
    return "from " + source_words(source)


class ListCompleter(QCompleter):
    """Completes the value being typed after the last semicolon of a "A; B; C" field."""

    def __init__(self, values: Sequence[str], parent: QLineEdit) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(list(values), self))  # owned by the completer, not garbage
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self._edit = parent

    def splitPath(self, path: str) -> list[str]:
        return [path.split(";")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        done = [part.strip() for part in self._edit.text().split(";")[:-1] if part.strip()]
        return join_list([*done, str(index.data())])


class _FieldRow(QWidget):
    """One field's editor, the line saying where its value came from, and its Revert button."""

    def __init__(self, editor: QWidget, provenance: str, can_revert: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = editor
        self.source = QLabel(provenance, self)
        self.source.setTextFormat(Qt.TextFormat.PlainText)  # "the page's <title>" is words, not markup
        self.source.setObjectName("fieldSource")
        self.source.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        self.revert = QToolButton(self)
        self.revert.setText("Revert")
        self.revert.setToolTip("Go back to the value extracted from the page")
        self.revert.setEnabled(can_revert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(editor, 1)
        top.addWidget(self.revert, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.source)


class MetadataDialog(QDialog):
    """Edit one article; each field says where its value came from and can go back to the extracted one."""

    def __init__(
        self,
        article: StoredArticle,
        parent: QWidget | None = None,
        *,
        completions: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit Metadata — {article.title or '(untitled)'}"[:120])
        self.setAccessibleName("Edit metadata")
        self.article = article
        known = completions or {}
        self.fields: dict[str, QLineEdit] = {}
        self.rows: dict[str, _FieldRow] = {}
        self._reverted: set[str] = set()
        self.item_type = QComboBox(self)
        self.item_type.setAccessibleName("Item type")
        self.item_type.addItem("Unknown (guessed when citing)", None)
        for key, shown in ITEM_TYPES.items():
            self.item_type.addItem(shown, key)
        self.authors = AuthorRows(article.authors, known.get("authors", ()), self)
        form = QFormLayout()
        for name in EDITOR_ORDER:
            editor = self._editor_for(name, known)
            row = _FieldRow(editor, provenance_text(article, name), name in article.edited, self)
            row.revert.clicked.connect(lambda _c=False, n=name: self.revert_field(n))
            label = QLabel(FIELD_LABELS.get(name, name.title()), self)
            label.setBuddy(self.authors.rows[0].family if name == "authors" and self.authors.rows else editor)
            form.addRow(label, row)
            self.rows[name] = row
        self._show_values({name: getattr(article, name) for name in EDITABLE_FIELDS})
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QWidget(self)
        body.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in self.fields.values():
            edit.textChanged.connect(self._validate)
        self.authors.changed.connect(self._validate)
        self.resize(640, min(760, body.sizeHint().height() + 120))
        self._validate()

    def _editor_for(self, name: str, known: Mapping[str, Sequence[str]]) -> QWidget:
        if name == "item_type":
            return self.item_type
        if name == "authors":
            return self.authors
        edit = QLineEdit(self)
        edit.setAccessibleName(FIELD_LABELS[name].replace("&", ""))
        if name in LIST_FIELDS:
            edit.setPlaceholderText("separate with semicolons")
        if name in ("date", "accessed"):
            edit.setPlaceholderText("YYYY-MM-DD, YYYY-MM or YYYY")
        if name == "language":
            edit.setPlaceholderText("a language tag: en, de, ja, pt-BR")
        source = COMPLETES_FROM.get(name)
        if source and known.get(source):
            if name in LIST_FIELDS:
                edit.setCompleter(ListCompleter(known[source], edit))
            else:
                completer = QCompleter(list(known[source]), edit)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                edit.setCompleter(completer)
        self.fields[name] = edit
        return edit

    def _show_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            if name == "item_type":
                index = self.item_type.findData(value)
                self.item_type.setCurrentIndex(max(index, 0))
            elif name == "authors":
                self.authors.set_names(list(value or []))
            else:
                self.fields[name].setText(join_list(value or []) if name in LIST_FIELDS else (value or ""))

    def revert_field(self, name: str) -> None:
        """Show the extracted value of ``name``; saving drops the user's edit of it."""
        value = self.article.extracted.get(name)
        if name == "accessed":
            value = self.article.imported_at[:10]
        self._show_values({name: value})
        self._reverted.add(name)
        row = self.rows[name]
        row.revert.setEnabled(False)
        row.source.setText("back to the extracted value (saved when you press Save)")

    def values(self) -> dict[str, Any]:
        """Every field's value as shown."""
        found: dict[str, Any] = {"item_type": self.item_type.currentData(), "authors": self.authors.names()}
        for name, edit in self.fields.items():
            text = edit.text().strip()
            found[name] = split_list(text) if name in LIST_FIELDS else (text or None)
        return found

    def problems(self) -> list[str]:
        values = self.values()
        found = [
            validate_date(values["date"] or ""),
            validate_date(values["accessed"] or "", "Accessed"),
            validate_url(values["url"] or ""),
            validate_language(values["language"] or ""),
        ]
        if not values["title"]:
            found.append("The title cannot be empty.")
        return [p for p in found if p]

    def _validate(self) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def reverted_fields(self) -> list[str]:
        """The fields whose edit the user reverted (and did not change again)."""
        changed = self.changed_fields()
        return [name for name in EDITABLE_FIELDS if name in self._reverted and name not in changed]

    def changed_fields(self) -> dict[str, Any]:
        """Only the fields whose value differs from the article's current one (a reverted field that was
        not changed again is not among them: see :meth:`reverted_fields`)."""
        changes: dict[str, Any] = {}
        for name, new in self.values().items():
            if name in self._reverted:
                extracted = self.article.extracted.get(name)
                if name == "accessed":  # the day the page was saved, else the import day
                    extracted = extracted or self.article.imported_at[:10]
                if new == (list(extracted or []) if name in LIST_FIELDS else (extracted or None)):
                    continue
            old = getattr(self.article, name)
            if new != (list(old or []) if name in LIST_FIELDS else (old or None)):
                changes[name] = new
        return changes


class BulkTagsDialog(QDialog):
    """Add or remove series and topics on several articles at once, completing from the library's own."""

    def __init__(
        self,
        count: int,
        parent: QWidget | None = None,
        *,
        completions: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit Series and Topics of {count} Articles")
        known = completions or {}
        form = QFormLayout()
        self.add_series = QLineEdit(self)
        self.remove_series = QLineEdit(self)
        self.add_topics = QLineEdit(self)
        self.remove_topics = QLineEdit(self)
        for label, edit, source in (
            ("Add to &series", self.add_series, "series"),
            ("Remove from s&eries", self.remove_series, "series"),
            ("Add &topics", self.add_topics, "topics"),
            ("Remove t&opics", self.remove_topics, "topics"),
        ):
            edit.setPlaceholderText("separate with semicolons")
            edit.setAccessibleName(label.replace("&", ""))
            if known.get(source):
                edit.setCompleter(ListCompleter(known[source], edit))
            form.addRow(label, edit)
        self.new_names = QLabel("", self)
        self.new_names.setWordWrap(True)
        self.new_names.setStyleSheet("color: #b9770e;")
        self._known = {
            source: {v.casefold() for v in known.get(source, ())} for source in ("series", "topics")
        }
        for edit in (self.add_series, self.add_topics):
            edit.textChanged.connect(self._say_what_is_new)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The changes apply to each of the {count} selected articles.", self))
        layout.addLayout(form)
        layout.addWidget(self.new_names)
        layout.addWidget(buttons)

    def _say_what_is_new(self) -> None:
        """Name the series or topics that do not exist yet, so a typo is seen before it is saved."""
        new = [
            f"new {source[:-1] if source == 'topics' else source} “{value}”"
            for source, edit in (("series", self.add_series), ("topics", self.add_topics))
            for value in split_list(edit.text())
            if self._known[source] and value.casefold() not in self._known[source]
        ]
        self.new_names.setText(("This creates a " + ", a ".join(new) + ".") if new else "")

    def bulk_edit(self) -> BulkEdit:
        """What was typed, as the library's bulk edit (names compare without regard to case)."""
        return BulkEdit(
            add={"series": split_list(self.add_series.text()), "topics": split_list(self.add_topics.text())},
            remove={
                "series": split_list(self.remove_series.text()),
                "topics": split_list(self.remove_topics.text()),
            },
        )
