"""The authors editor: one row per person, family and given name apart (Zotero's two fields), or one
field for a name that does not split (a mononym, a name kept whole); rows added, removed and moved.

A stored author is one string.  A row shows it split the way the citation layer splits a byline
(particles such as "de la" go with the family name; "Family, Given" is split at the comma), and turns
back into a string that splits the same way again: "Given Family" when that round-trips, else the
comma form "Family, Given".  An unchanged row gives back its original string.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class PersonName:
    family: str
    given: str = ""
    single: bool = False  # one field: the whole name is the family name

    def text(self) -> str:
        """The stored string for this name (see the module's docstring)."""
        family, given = self.family.strip(), self.given.strip()
        if self.single or not given:
            return family
        spaced = f"{given} {family}"
        return spaced if split_name(spaced) == PersonName(family, given) else f"{family}, {given}"


def _is_particle(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    return bool(letter) and letter.upper() != letter


def split_name(name: str) -> PersonName:
    """A byline name as family and given (lower-case particles belong to the family name)."""
    name = " ".join(name.split())
    if "," in name:
        family, _, given = name.partition(",")
        return PersonName(family.strip(), given.strip())
    words = name.split(" ")
    if len(words) == 1:
        return PersonName(name, "", single=True)
    start = len(words) - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 1
    return PersonName(" ".join(words[start:]), " ".join(words[:start]))


class _Row(QWidget):
    removed = Signal(object)  # the row

    def __init__(self, original: str | None, known: QStringListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.original = original
        name = split_name(original) if original else PersonName("", "")
        self.family = QLineEdit(name.family, self)
        self.family.setPlaceholderText("Family name")
        self.family.setAccessibleName("Family name")
        self.given = QLineEdit(name.given, self)
        self.given.setPlaceholderText("Given name")
        self.given.setAccessibleName("Given name")
        self.switch = QToolButton(self)
        self.switch.setCheckable(True)
        self.switch.setText("1 field")
        self.switch.setToolTip("Switch to a single field (a name that does not split into family and given)")
        self.switch.setAccessibleName("Single field")
        self.switch.toggled.connect(self._set_single)
        self.switch.setChecked(name.single and bool(original))
        remove = QToolButton(self)
        remove.setText("−")
        remove.setToolTip("Remove this author")
        remove.setAccessibleName("Remove author")
        remove.clicked.connect(lambda: self.removed.emit(self))
        completer = QCompleter(known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.activated.connect(self._complete)
        self.family.setCompleter(completer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.family, self.given, self.switch, remove):
            layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)

    def _set_single(self, single: bool) -> None:
        self.given.setVisible(not single)
        self.family.setPlaceholderText("Name" if single else "Family name")
        if single and self.given.text().strip():
            self.family.setText(f"{self.given.text().strip()} {self.family.text().strip()}".strip())
            self.given.clear()

    def _complete(self, text: str) -> None:
        """A known author chosen from the completion list ("Family, Given") fills both fields."""
        name = split_name(text)
        self.family.setText(name.family)
        self.given.setText(name.given)

    def name(self) -> PersonName:
        return PersonName(self.family.text(), self.given.text(), self.switch.isChecked())

    def text(self) -> str:
        name = self.name()
        if self.original and split_name(self.original) == name:
            return self.original  # untouched: exactly what was stored
        return name.text()


class AuthorRows(QWidget):
    """The authors of one article as rows; :meth:`names` gives the list to store."""

    changed = Signal()

    def __init__(self, names: Sequence[str], known: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Authors")
        self._known = QStringListModel(
            [split_name(n).family + ", " + split_name(n).given for n in known], self
        )
        self.rows: list[_Row] = []
        self.add_button = QPushButton("Add Author", self)
        self.add_button.clicked.connect(lambda: self.add_row(None).family.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for name in names:
            self.add_row(name)

    def add_row(self, original: str | None) -> _Row:
        row = _Row(original, self._known, self)
        row.removed.connect(self._remove)
        for edit in (row.family, row.given):
            edit.textChanged.connect(self.changed)
        self._rows_box.addWidget(row)
        self.rows.append(row)
        self.changed.emit()
        return row

    def _remove(self, row: _Row) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def set_names(self, names: Sequence[str]) -> None:
        for row in list(self.rows):
            self._remove(row)
        for name in names:
            self.add_row(name)

    def names(self) -> list[str]:
        return [text for row in self.rows if (text := row.text().strip())]
