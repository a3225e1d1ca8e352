"""Editing an article's citation metadata (validated), and bulk series/topics editing for a selection.

The dialogs only collect and validate; :mod:`reader.ui.operations` saves through the library, which keeps
user edits apart from extracted values so they win over re-extraction.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.library import ITEM_TYPE_LABELS, LIST_FIELDS, BulkEdit, StoredArticle, source_of

FIELD_LABELS = {
    "title": "&Title",
    "authors": "&Authors",
    "date": "&Date",
    "site": "&Site",
    "url": "&URL",
    "series": "Se&ries",
    "topics": "To&pics",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?://localhost(:\d+)?([/?#]\S*)?$", re.I)


def split_list(text: str) -> list[str]:
    """ "A; B; C" → ["A", "B", "C"] (semicolons, since names hold commas: "Baev, Ana")."""
    return [part.strip() for part in text.split(";") if part.strip()]


def join_list(values: list[str]) -> str:
    return "; ".join(values)


def validate_date(text: str) -> str | None:
    """An error message, or None when ``text`` is empty or a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    if not text:
        return None
    found = _DATE.match(text)
    if not found:
        return f"Date “{text}” must look like YYYY, YYYY-MM or YYYY-MM-DD."
    year, month, day = (int(g) if g else None for g in found.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return f"Date “{text}” is not a real date."
    return None


def validate_accessed(text: str) -> str | None:
    """An error message, or None when ``text`` is empty or a full YYYY-MM-DD date."""
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or validate_date(text):
        return f"Accessed “{text}” must be a real date written YYYY-MM-DD."
    return None


def validate_url(text: str) -> str | None:
    if not text or _URL.match(text):
        return None
    return f"URL “{text}” must start with http:// or https:// and name a host."


class MetadataDialog(QDialog):
    """Edit one article; fields the user edited before carry an "edited" mark."""

    def __init__(self, article: StoredArticle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit Metadata — {article.title or '(untitled)'}"[:120])
        self.setAccessibleName("Edit metadata")
        self.article = article
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label_text in FIELD_LABELS.items():
            value = getattr(article, name)
            edit = QLineEdit(join_list(value) if name in LIST_FIELDS else (value or ""), self)
            edit.setAccessibleName(name.capitalize())
            if name in LIST_FIELDS:
                edit.setPlaceholderText("separate with semicolons")
            if name == "date":
                edit.setPlaceholderText("YYYY-MM-DD, YYYY-MM or YYYY")
            label = QLabel(label_text + ("  ✎ edited" if name in article.edited else ""), self)
            label.setBuddy(edit)
            if name in article.edited:
                original = article.extracted.get(name)
                label.setToolTip(
                    f"Extracted value: {join_list(original) if isinstance(original, list) else original}"
                )
            edit.textChanged.connect(self._validate)
            form.addRow(label, edit)
            self.fields[name] = edit
        self._add_type_and_accessed(form, article)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._validate()

    def _add_type_and_accessed(self, form: QFormLayout, article: StoredArticle) -> None:
        """The item type (a menu) and the accessed date, each saying where its value came from."""
        self.item_type = QComboBox(self)
        self.item_type.setAccessibleName("Item type")
        for value, text in ITEM_TYPE_LABELS.items():
            self.item_type.addItem(text, value)
        self.item_type.setCurrentIndex(max(0, self.item_type.findData(article.item_type or "webpage")))
        self.accessed = QLineEdit(article.accessed or "", self)
        self.accessed.setAccessibleName("Accessed")
        self.accessed.setPlaceholderText("YYYY-MM-DD: when you saved the page")
        self.accessed.textChanged.connect(self._validate)
        for name, text, widget in (
            ("item_type", "Item t&ype", self.item_type),
            ("accessed", "A&ccessed", self.accessed),
        ):
            source = source_of(article, name)
            label = QLabel(text + ("  ✎ edited" if name in article.edited else ""), self)
            label.setBuddy(widget)
            note = QLabel(f"from {source}" if source else "", self)
            note.setObjectName(f"{name}Source")
            note.setStyleSheet("color: gray;")
            row = QVBoxLayout()
            row.setSpacing(0)
            row.addWidget(widget)
            row.addWidget(note)
            form.addRow(label, row)

    def problems(self) -> list[str]:
        found = [
            validate_date(self.fields["date"].text().strip()),
            validate_url(self.fields["url"].text().strip()),
            validate_accessed(self.accessed.text().strip()),
        ]
        if not self.fields["title"].text().strip():
            found.append("The title cannot be empty.")
        return [p for p in found if p]

    def _validate(self) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def changed_fields(self) -> dict[str, Any]:
        """Only the fields whose value differs from the article's current one."""
        changes: dict[str, Any] = {}
        item_type = str(self.item_type.currentData())
        if item_type != (self.article.item_type or "webpage"):
            changes["item_type"] = item_type
        accessed = self.accessed.text().strip() or None
        if accessed != self.article.accessed:
            changes["accessed"] = accessed
        for name, edit in self.fields.items():
            text = edit.text().strip()
            new: Any = split_list(text) if name in LIST_FIELDS else (text or None)
            old = getattr(self.article, name)
            if new != (old if name in LIST_FIELDS else (old or None)):
                changes[name] = new
        return changes


class BulkTagsDialog(QDialog):
    """Add or remove series and topics on several articles at once."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit Series and Topics of {count} Articles")
        form = QFormLayout()
        self.add_series = QLineEdit(self)
        self.remove_series = QLineEdit(self)
        self.add_topics = QLineEdit(self)
        self.remove_topics = QLineEdit(self)
        for label, edit in (
            ("Add to &series", self.add_series),
            ("Remove from s&eries", self.remove_series),
            ("Add &topics", self.add_topics),
            ("Remove t&opics", self.remove_topics),
        ):
            edit.setPlaceholderText("separate with semicolons")
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The changes apply to each of the {count} selected articles.", self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def bulk_edit(self) -> BulkEdit:
        """What was typed, as the library's bulk edit (names compare without regard to case)."""
        return BulkEdit(
            add={"series": split_list(self.add_series.text()), "topics": split_list(self.add_topics.text())},
            remove={
                "series": split_list(self.remove_series.text()),
                "topics": split_list(self.remove_topics.text()),
            },
        )
