"""One facet of the filters sidebar: a collapsible header, a filter box, the busiest values, "Show all N".

A section lists its values with their counts for the current query.  Folded to its busiest values it
stays short, so every facet's header is in sight; "Show all" lists every value in name order (people by
surname); the filter box finds a value among thousands.  While the user ticks values the section keeps
its values and their places (a value that drops to no articles stays, greyed), so the next click lands
where the user aimed; the order is made afresh when the query changes.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

TOP_VALUES = 8  # values listed while a section is folded to its busiest
MAX_ROWS = 14  # the tallest a section's list grows before it scrolls
ValueRole = Qt.ItemDataRole.UserRole + 1
CountRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FacetValue:
    value: str  # what the filter holds
    label: str  # what the list shows ("Cruz, Tomas de la")
    count: int  # articles for the current query and the other facets' filters
    tooltip: str


@dataclass(frozen=True)
class FacetKind:
    """How a facet lists its values: labels and name order, and whether its values exclude each other."""

    label: Callable[[str], str] = str
    sort_key: Callable[[str], Any] = str.casefold
    newest_first: bool = False  # years: the newest first, folded or not
    fixed: tuple[str, ...] = ()  # a fixed list of values in a fixed order (Date Added)
    exclusive: bool = False  # ticking one value unticks the others
    noun: str = "value"


class FacetValuesModel(QAbstractListModel):
    """The values a section lists, each with its count and whether it is ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[FacetValue] = []
        self.ticked: set[str] = set()

    def set_values(self, values: list[FacetValue], ticked: set[str]) -> None:
        """List these values; the same values in the same places (a tick) only repaint, so the list keeps
        its current value and its scroll position."""
        same = [v.value for v in values] == [v.value for v in self.values]
        if same and values:
            self.values, self.ticked = values, set(ticked)
            self.dataChanged.emit(self.index(0, 0), self.index(len(values) - 1, 0))
            return
        self.beginResetModel()
        self.values = values
        self.ticked = set(ticked)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.values)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.values):
            return None
        item = self.values[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.value in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "ticked" if item.value in self.ticked else "not ticked"
            return f"{item.tooltip}, {state}"
        if role == ValueRole:
            return item.value
        if role == CountRole:
            return item.count
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Not ItemIsUserCheckable: the list toggles a value itself, on a click anywhere on its row
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )


class FacetDelegate(QStyledItemDelegate):
    """A value with its box and name at the left and its count at the right; a value with no articles
    for the current filters is greyed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        count = index.data(CountRole) or 0
        text = str(count)
        count_width = option.fontMetrics.horizontalAdvance(text) + 8
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:  # the row's background (hover, focus) under the count too
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        opt = QStyleOptionViewItem(option)
        if count == 0:
            grey = opt.palette.color(QPalette.ColorRole.PlaceholderText)
            opt.palette.setColor(QPalette.ColorRole.Text, grey)
        name_rect = QRect(opt.rect)
        name_rect.setRight(opt.rect.right() - count_width)
        opt.rect = name_rect
        super().paint(painter, opt, index)  # the box and the elided name, within the room left
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        count_rect = QRect(
            option.rect.right() - count_width, option.rect.top(), count_width - 4, option.rect.height()
        )
        painter.drawText(count_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 4))


class FacetList(QListView):
    """A section's list: a click on a value (its box or its name) ticks or unticks it, as do Space and
    Enter; Up from the first value and Down from the last leave the list for the neighbouring one."""

    toggle_requested = Signal(str)  # value
    leave_up = Signal()
    leave_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        # Ticked is the only state a value shows: no selection highlight besides it (the keyboard's
        # current value has its focus frame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(FacetDelegate(self))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.clicked.connect(lambda index: self.toggle_requested.emit(index.data(ValueRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index, key = self.currentIndex(), event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.toggle_requested.emit(index.data(ValueRole))
            return
        rows = self.model().rowCount() if self.model() is not None else 0
        if key == Qt.Key.Key_Down and (not index.isValid() or index.row() == rows - 1):
            self.leave_down.emit()
            return
        if key == Qt.Key.Key_Up and (not index.isValid() or index.row() == 0):
            self.leave_up.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        if not self.currentIndex().isValid() and model is not None and model.rowCount():
            self.setCurrentIndex(model.index(0, 0))  # Tab into a list lands on its first value


class FilterBox(QLineEdit):
    """A section's filter box: Down goes to the values it leaves listed."""

    leave_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.leave_down.emit()
            return
        super().keyPressEvent(event)


class FacetSection(QWidget):
    """One facet: header (click to fold), filter box, the values, "Show all N" / "Show fewer"."""

    toggled = Signal(str, str)  # facet, value
    leave_up = Signal(str)  # facet
    leave_down = Signal(str)

    def __init__(self, facet: str, title: str, kind: FacetKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facet, self.title, self.kind = facet, title, kind
        self.setObjectName(f"facet-{facet}")
        self.counts: dict[str, int] = {}  # every value known now, with its count
        self.order: list[str] = []  # the busiest values, busiest first (kept while the user ticks)
        self.ticked: set[str] = set()
        self._keys: dict[str, Any] = {}  # value -> its name-order key
        self._line: int | None = None  # a row's height
        self.show_all = False
        self.header = QToolButton(self)
        self.header.setObjectName("facetHeader")
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.setAccessibleName(f"{title} filters")
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.toggled.connect(self.set_expanded)
        self.filter_box = FilterBox(self)
        self.filter_box.setPlaceholderText(f"Filter {title.lower()}…")
        self.filter_box.setAccessibleName(f"Filter the {title.lower()} listed")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _text: self._show())
        self.filter_box.leave_down.connect(self.focus_first_value)
        self.model = FacetValuesModel(self)
        self.list = FacetList(self)
        self.list.setAccessibleName(title)
        self.list.setModel(self.model)
        self.list.toggle_requested.connect(lambda value: self.toggled.emit(self.facet, value))
        self.list.leave_up.connect(self._leave_up)
        self.list.leave_down.connect(lambda: self.leave_down.emit(self.facet))
        self.note: str | None = None  # said instead of "No … for these articles" (e.g. in the Trash)
        self.empty = QLabel(f"No {title.lower()} for these articles", self)
        self.empty.setEnabled(False)  # greyed, as a hint
        self.empty.setIndent(6)
        self.more = QPushButton(self)
        self.more.setFlat(True)
        self.more.setObjectName("facetMore")
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(lambda: self.set_show_all(not self.show_all))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(1)
        for widget in (self.header, self.filter_box, self.list, self.empty, self.more):
            layout.addWidget(widget)
        self._show()

    # -- what is listed ------------------------------------------------------------------------------
    def set_counts(
        self, counts: Mapping[str, int], ticked: set[str], *, keep_values: bool, keep_order: bool
    ) -> None:
        """Show these counts.  ``keep_values``: the user is ticking — values that dropped out stay (at 0);
        ``keep_order``: this is the facet being ticked — its values stay exactly where they are."""
        fresh = dict(counts)
        if keep_values:
            fresh = {**dict.fromkeys(self.counts, 0), **fresh}
        for value in ticked:
            fresh.setdefault(value, 0)
        self.counts, self.ticked = fresh, set(ticked)
        if not (keep_order and self.order):
            self.order = self._busiest(list(fresh))
        self._show()

    def set_ticked(self, ticked: set[str]) -> None:
        self.ticked = set(ticked)
        for value in ticked:
            self.counts.setdefault(value, 0)
        self._show()

    def relabel(self) -> None:
        """Make the labels and the name order again (the authors that are organisations became known)."""
        self._keys.clear()
        self._show()

    def values_shown(self) -> list[str]:
        return [item.value for item in self.model.values]

    def _name_keys(self, values: list[str]) -> dict[str, Any]:
        """Each value's place in name order (cached: the sidebar orders thousands of authors per answer)."""
        keys = self._keys
        for value in values:
            if value not in keys:
                keys[value] = self._make_name_key(value)
        return keys

    def _by_name(self, values: list[str]) -> list[str]:
        return sorted(values, key=self._name_keys(values).__getitem__)

    def _busiest(self, values: list[str]) -> list[str]:
        """The values a folded section lists, busiest first (only these are ordered: a facet may have
        thousands of values, and this runs at every answer)."""
        keys, counts = self._name_keys(values), self.counts
        if self.kind.fixed:
            return sorted(values, key=keys.__getitem__)
        if self.kind.newest_first:  # the newest years that have articles, then those that have none now
            return heapq.nsmallest(TOP_VALUES, values, key=lambda v: (counts[v] == 0, keys[v]))
        return heapq.nsmallest(TOP_VALUES, values, key=lambda v: (-counts[v], keys[v]))

    def _make_name_key(self, value: str) -> Any:
        if self.kind.fixed:
            return self.kind.fixed.index(value) if value in self.kind.fixed else len(self.kind.fixed)
        if self.kind.newest_first:
            return (-int(value),) if value.lstrip("-").isdigit() else (0, value)
        return self.kind.sort_key(value)

    def _rows(self) -> list[str]:
        wanted = self.filter_box.text().strip().casefold()
        if wanted:
            label = self.kind.label
            return self._by_name(
                [v for v in self.counts if wanted in v.casefold() or wanted in label(v).casefold()]
            )
        if self.kind.fixed:
            return self._fixed_rows()
        if self.show_all:
            return self._by_name(list(self.counts))
        top = self.order[:TOP_VALUES]
        return top + self._by_name([v for v in self.ticked if v not in top])  # ticked ones stay listed

    def _fixed_rows(self) -> list[str]:
        return [v for v in self.kind.fixed if v in self.counts]

    def _show(self) -> None:
        rows = self._rows()
        current = self.list.currentIndex().data(ValueRole)
        self.model.set_values([self._item(value) for value in rows], self.ticked)
        if current is not None and not self.list.currentIndex().isValid() and current in rows:
            self.list.setCurrentIndex(self.model.index(rows.index(current), 0))
        many = len(self.counts) > TOP_VALUES and not self.kind.fixed
        expanded = self.header.isChecked()
        self.filter_box.setVisible(expanded and many and not self.kind.newest_first)  # years need none
        self.more.setVisible(expanded and many and not self.filter_box.text().strip())
        self.more.setText("Show fewer" if self.show_all else f"Show all {len(self.counts):,}")
        self.more.setAccessibleName(f"{self.more.text()} {self.title.lower()}")
        self.list.setVisible(expanded and bool(rows))
        self.empty.setVisible(expanded and not rows)
        wanted = self.filter_box.text().strip()
        none = (
            f"No {self.title.lower()} match “{wanted}”"
            if wanted
            else self.note or f"No {self.title.lower()} for these articles"
        )
        self.empty.setText(none)
        if rows:
            if self._line is None:  # every row has the height of the first (uniform item sizes)
                self._line = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
            self.list.setFixedHeight(min(len(rows), MAX_ROWS) * self._line + 2)
        self.header.setText(self.title if not self.ticked else f"{self.title}  ({len(self.ticked)} ticked)")

    def _item(self, value: str) -> FacetValue:
        count = self.counts.get(value, 0)
        label = self.kind.label(value)
        articles = f"{count:,} article{'s' if count != 1 else ''}"
        tooltip = f"{self.title}: {value} — {articles}" if label == value else f"{value} — {articles}"
        return FacetValue(value, label, count, tooltip)

    # -- folding and focus ---------------------------------------------------------------------------
    def set_expanded(self, expanded: bool) -> None:
        self.header.blockSignals(True)
        self.header.setChecked(expanded)
        self.header.blockSignals(False)
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._show()

    def expanded(self) -> bool:
        return self.header.isChecked()

    def set_show_all(self, show_all: bool) -> None:
        self.show_all = show_all
        self._show()

    def focus_first_value(self) -> bool:
        """Put the keyboard on the first value listed (False when none is)."""
        if not self.expanded() or not self.model.rowCount():
            return False
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.setCurrentIndex(self.model.index(0, 0))
        return True

    def focus_last_value(self) -> bool:
        if not self.expanded() or not self.model.rowCount():
            return False
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.list.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        return True

    def _leave_up(self) -> None:
        if self.filter_box.isVisible():
            self.filter_box.setFocus()
        else:
            self.leave_up.emit(self.facet)
