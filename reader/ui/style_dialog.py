"""The style chooser: every installed citation style (about 11,000), searched as you type.

With an empty search it lists the seven common styles, the recently used ones, then every style by title,
each under its heading; a search lists the styles whose title, id, field or format holds every word
typed, common and recent ones first.  The list is a model over the style index the citation service keeps
in memory, so opening the chooser and narrowing it stay well under 100 ms (``make bench``).  Below the
list: the chosen style's id, format, fields and parent; the language for styles that declare none (a
style that declares its own locale always uses it, as in Zotero); "Add Style from File…".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import cite

if TYPE_CHECKING:
    from reader.cite import StyleInfo

Index = QModelIndex | QPersistentModelIndex
STYLE_ID_ROLE = Qt.ItemDataRole.UserRole
FIELD_NAMES = {"social_science": "social science", "generic-base": "generic"}


def describe(style: StyleInfo) -> str:
    """One line about a style: id, format, fields, and the style it is a journal's name for."""
    parts = [style.id, style.format or ("note" if style.note_style else "")]
    if style.fields:
        parts.append(", ".join(FIELD_NAMES.get(f, f) for f in style.fields))
    if style.parent:
        parts.append(f"uses {style.parent}")
    if style.locale:
        parts.append(f"language {style.locale}")
    if style.user:
        parts.append("your style")
    return " · ".join(p for p in parts if p)


class StyleListModel(QStringListModel):
    """Headings and styles in one list; headings are shown bold and cannot be chosen.

    A string-list model underneath: the view lays out ~11,000 rows asking the row count and each row's
    size from C++, which a Python ``rowCount`` would make a 150 ms stall on every keystroke.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[str | StyleInfo] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[str | StyleInfo]) -> None:
        self._rows = rows
        self.setStringList(
            [
                row if isinstance(row, str) else row.title + (f"  ({row.alias})" if row.alias else "")
                for row in rows
            ]
        )

    def row_of(self, style_id: str) -> int:
        for row, entry in enumerate(self._rows):
            if not isinstance(entry, str) and entry.id == style_id:
                return row
        return -1

    def style_at(self, row: int) -> StyleInfo | None:
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        return None if entry is None or isinstance(entry, str) else entry

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return super().data(index, role)
        row = index.row() if index.isValid() else -1
        style = self.style_at(row)
        if role == Qt.ItemDataRole.FontRole and style is None and 0 <= row < len(self._rows):
            return self._bold
        if style is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(style)
        if role == STYLE_ID_ROLE:
            return style.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.style_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def arrange(
    styles: Sequence[StyleInfo],
    query: str,
    common: Sequence[str],
    recent: Sequence[str],
    *,
    by_id: dict[str, StyleInfo] | None = None,
    matched: Sequence[StyleInfo] | None = None,
    alphabetical: Sequence[StyleInfo] | None = None,
) -> list[str | StyleInfo]:
    """The rows the chooser shows for ``query``: headed sections when empty, else the matches (``matched``
    when the caller already filtered them)."""
    if query.strip():
        pool = matched if matched is not None else cite.filter_styles(styles, query)
        found = cite.order_matches(pool, query, first=[*common, *recent])
        heading = "1 style matches" if len(found) == 1 else f"{len(found):,} styles match"
        return [heading, *found] if found else ["No style matches — try fewer or other words"]
    by_id = by_id if by_id is not None else {s.id: s for s in styles}
    rows: list[str | StyleInfo] = ["Common styles", *[by_id[i] for i in common if i in by_id]]
    recent_rows = [by_id[i] for i in recent if i in by_id and i not in common]
    if recent_rows:
        rows += ["Recently used", *recent_rows]
    everything = alphabetical if alphabetical is not None else by_title(styles)
    rows += [f"All styles ({len(styles):,})", *everything]
    return rows


def by_title(styles: Sequence[StyleInfo]) -> list[StyleInfo]:
    """Every style by title (the folded text search uses starts with the title)."""
    return sorted(styles, key=lambda s: s.haystack)


class StylePickerDialog(QDialog):
    """Choose a citation style; ``chosen`` is the style id (and the language) when accepted."""

    add_file_requested = Signal()

    def __init__(
        self,
        styles: Sequence[StyleInfo],
        *,
        current: str,
        recent: Sequence[str],
        locale: str,
        locales: Sequence[tuple[str, str]],
        declares_locale: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Citation Style")
        self.setObjectName("stylePicker")
        self.resize(640, 560)
        self._styles = list(styles)
        self._by_id = {s.id: s for s in self._styles}
        self._alphabetical = by_title(self._styles)
        self._narrowed: tuple[str, list[StyleInfo]] = ("", self._styles)  # the last search and its matches
        self._common = [style_id for style_id, _alias in cite.CORE_STYLES]
        self._recent = list(recent)
        self._declares_locale = declares_locale
        self.chosen = current
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            "Search by title, id, field (medicine, history…) or format (numeric, note…)"
        )
        self.search.setAccessibleName("Search citation styles")
        self.search.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setAccessibleName("Citation styles")
        self.list_view.setUniformItemSizes(True)  # ~11,000 rows: no per-row size computing
        self.model = StyleListModel(self)
        self.list_view.setModel(self.model)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language = QComboBox(self)
        self.language.setAccessibleName("Citation language")
        for code, name in locales:
            self.language.addItem(f"{name} ({code})", code)
        self.language.setCurrentIndex(max(0, self.language.findData(locale)))
        self.add_button = QPushButton("Add Style from File…", self)
        self.add_button.clicked.connect(self.add_file_requested)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        form.addRow("Language:", self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.details)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._refill)
        self.list_view.selectionModel().currentChanged.connect(
            lambda current, _old: self._show(current.row())
        )
        self.list_view.doubleClicked.connect(lambda index: self._accept_row(index.row()))
        self.list_view.activated.connect(lambda index: self._accept_row(index.row()))
        self.search.returnPressed.connect(self._accept_first_match)
        self._refill("")
        QTimer.singleShot(0, self.search.setFocus)

    # -- what the caller reads -------------------------------------------------------------------------
    def chosen_locale(self) -> str:
        return str(self.language.currentData() or "")

    def set_styles(self, styles: Sequence[StyleInfo], select: str | None = None) -> None:
        """Replace the list (a style was added) and select ``select``."""
        self._styles = list(styles)
        self._by_id = {s.id: s for s in self._styles}
        self._alphabetical = by_title(self._styles)
        self._narrowed = ("", self._styles)
        if select:
            self.chosen = select
        self._refill(self.search.text())

    # -- internals ---------------------------------------------------------------------------------------
    def _refill(self, query: str) -> None:
        matched: list[StyleInfo] | None = None
        if query.strip():
            # typing on narrows what the last search matched: every word still matches there
            previous, pool = self._narrowed
            folded = cite.fold_query(query)
            if not (previous and folded.startswith(previous)):
                pool = self._styles
            matched = cite.filter_styles(pool, query)
            self._narrowed = (folded, matched)
        else:
            self._narrowed = ("", self._styles)
        rows = arrange(
            self._styles,
            query,
            self._common,
            self._recent,
            by_id=self._by_id,
            matched=matched,
            alphabetical=self._alphabetical,
        )
        self.model.set_rows(rows)
        row = self.model.row_of(self.chosen) if not query.strip() else -1
        if row < 0:
            row = next((r for r in range(self.model.rowCount()) if self.model.style_at(r)), -1)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row, 0))
            self._scroll_to_current()
        self._show(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_to_current)  # once the list has its size

    def _scroll_to_current(self) -> None:
        """Show the chosen row, from the top of the list when it is on the first page (headings in view)."""
        if not self.isVisible():
            return  # the list has no size yet: showEvent scrolls once it has
        self.list_view.scrollToTop()
        self.list_view.scrollTo(self.list_view.currentIndex(), QListView.ScrollHint.EnsureVisible)

    def _show(self, row: int) -> None:
        style = self.model.style_at(row)
        self.ok_button.setEnabled(style is not None)
        self.details.setText(describe(style) if style else "")
        if style is not None:
            self.chosen = style.id
            own = self._declares_locale(style.id)
            self.language.setEnabled(not own)
            self.language.setToolTip(
                "This style declares its own language" if own else "The language of styles that declare none"
            )

    def _accept_row(self, row: int) -> None:
        if self.model.style_at(row) is not None:
            self.chosen = self.model.style_at(row).id  # type: ignore[union-attr]
            self.accept()

    def _accept_first_match(self) -> None:
        row = self.list_view.currentIndex().row()
        self._accept_row(row)
