"""The filter sidebar (Series, Topics, Authors, Sites, Years with counts) and the chips of active filters.

Values within one facet combine with OR, facets with AND (the library does the combining; this
module only keeps which values are ticked and turns them into a :class:`Filters`).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.library import FACETS, Filters
from reader.resources import resource_path

FACET_TITLES = {
    "series": "Series",
    "topics": "Topics",
    "authors": "Authors",
    "sites": "Sites",
    "years": "Years",
}
MAX_VALUES_SHOWN = 60  # per facet; ticked values always stay visible
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


def filters_to_selection(filters: Filters) -> dict[str, set[str]]:
    return {facet: {str(v) for v in getattr(filters, facet)} for facet in FACETS}


def selection_to_filters(selection: dict[str, set[str]]) -> Filters:
    result = Filters()
    for facet in FACETS:
        values = sorted(selection.get(facet, set()))
        if facet == "years":
            setattr(result, facet, [int(v) for v in values if v.isdigit()])
        else:
            setattr(result, facet, values)
    return result


def copy_filters(filters: Filters) -> Filters:
    return copy.deepcopy(filters)


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(group.childCount()) if (child := group.child(i)) is not None]


class FacetSidebar(QTreeWidget):
    """One group per facet, one checkable line per value with its count for the current query."""

    filters_changed = Signal(object)  # Filters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetSidebar")
        self.setAccessibleName("Filters")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self._selection: dict[str, set[str]] = {facet: set() for facet in FACETS}
        self._groups: dict[str, QTreeWidgetItem] = {}
        for facet in FACETS:
            group = QTreeWidgetItem(self, [FACET_TITLES[facet], ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setExpanded(facet in ("series", "topics", "years"))
            self._groups[facet] = group
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        self._box_clicked: QTreeWidgetItem | None = None  # the value whose box the current click ticked
        self.itemChanged.connect(self._on_item_changed)
        self.itemClicked.connect(self._on_item_clicked)

    # state ---------------------------------------------------------------------------------------
    def filters(self) -> Filters:
        return selection_to_filters(self._selection)

    def set_filters(self, filters: Filters, *, notify: bool = True) -> None:
        self._selection = filters_to_selection(filters)
        self._sync_checks()
        if notify:
            self.filters_changed.emit(self.filters())

    def toggle_value(self, facet: str, value: str, on: bool | None = None) -> None:
        chosen = self._selection[facet]
        want = (value not in chosen) if on is None else on
        if want:
            chosen.add(value)
        else:
            chosen.discard(value)
        self._sync_checks()
        self.filters_changed.emit(self.filters())

    def clear_filters(self) -> None:
        """Untick everything (the tree's groups stay)."""
        self.set_filters(Filters())

    def set_dark(self, dark: bool) -> None:
        """Fusion draws check-box outlines from the window colour, which vanish on dark: draw our own."""
        if not dark:
            self.setStyleSheet("")
            return
        off = resource_path("ui", "check-off-dark.svg").as_posix()
        on = resource_path("ui", "check-on-dark.svg").as_posix()
        self.setStyleSheet(
            f"QTreeWidget::indicator {{ width: 14px; height: 14px; }}"
            f' QTreeWidget::indicator:unchecked {{ image: url("{off}"); }}'
            f' QTreeWidget::indicator:checked {{ image: url("{on}"); }}'
        )

    def values_shown(self, facet: str) -> list[str]:
        """The values listed under ``facet``, busiest first."""
        group = self._groups[facet]
        return [child.data(0, _VALUE_ROLE) for child in _children(group)]

    def item_for(self, facet: str, value: str) -> QTreeWidgetItem | None:
        group = self._groups[facet]
        return next((child for child in _children(group) if child.data(0, _VALUE_ROLE) == value), None)

    # counts --------------------------------------------------------------------------------------
    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Show the counts for the current query; ticked values stay even at zero."""
        self.blockSignals(True)
        self.setUpdatesEnabled(False)
        try:
            for facet in FACETS:
                self._fill_group(facet, counts.get(facet, {}))
        finally:
            self.setUpdatesEnabled(True)
            self.blockSignals(False)

    def _fill_group(self, facet: str, values: dict[str, int]) -> None:
        group = self._groups[facet]
        group.takeChildren()
        chosen = self._selection[facet]
        if facet == "years":
            ordered = sorted(values, key=str, reverse=True)
        else:
            ordered = sorted(values, key=lambda v: (-values[v], str(v).casefold()))
        shown = [str(v) for v in ordered[:MAX_VALUES_SHOWN]]
        shown += sorted(v for v in chosen if v not in shown)
        for value in shown:
            count = values.get(value, values.get(int(value), 0) if value.isdigit() else 0)  # type: ignore[call-overload]
            item = QTreeWidgetItem(group, [value, str(count)])
            item.setData(0, _VALUE_ROLE, value)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(0, Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, f"{FACET_TITLES[facet]}: {value} — {count} article{'s' if count != 1 else ''}")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{value}, {count} articles")
        group.setDisabled(not shown)

    def _sync_checks(self) -> None:
        self.blockSignals(True)
        for facet, group in self._groups.items():
            for item in _children(group):
                on = item.data(0, _VALUE_ROLE) in self._selection[facet]
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def _facet_of(self, item: QTreeWidgetItem) -> str | None:
        parent = item.parent()
        for facet, group in self._groups.items():
            if parent is group:
                return facet
        return None

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        facet = self._facet_of(item)  # a click on the box, or Space
        if facet is None or column != 0:
            return
        self._box_clicked = item
        self.toggle_value(facet, item.data(0, _VALUE_ROLE), item.checkState(0) == Qt.CheckState.Checked)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box_clicked = None
        super().mousePressEvent(event)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        """A click on a value's name ticks or unticks it, like a click on its box (as Zotero's tags do)."""
        if item is self._box_clicked:  # the click landed on the box, which already toggled it
            self._box_clicked = None
            return
        self._toggle(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None and self._facet_of(item):
            self._toggle(item)  # Enter ticks or unticks the current value (Space does through its box)
            return
        super().keyPressEvent(event)

    def _toggle(self, item: QTreeWidgetItem) -> None:
        facet = self._facet_of(item)
        if facet is not None:
            self.toggle_value(facet, item.data(0, _VALUE_ROLE))


class ChipBar(QWidget):
    """The active filters as chips ("Series: Tidewater ✕"); a click removes one, "Clear filters" all."""

    chip_removed = Signal(str, str)  # facet, value
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipBar")
        self.setAccessibleName("Active filters")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(4)
        self._label = QLabel("Filters:", self)
        self._clear = QPushButton("Clear filters", self)
        self._clear.setAccessibleName("Clear all filters")
        self._clear.setFlat(True)
        self._clear.clicked.connect(self.clear_requested)
        self.chips: list[QToolButton] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_filters(Filters())

    def set_filters(self, filters: Filters) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        while self._layout.count():
            self._layout.takeAt(0)
        self._layout.addWidget(self._label)
        for facet in FACETS:
            for value in getattr(filters, facet):
                chip = QToolButton(self)
                chip.setObjectName("chip")
                chip.setText(f"{FACET_TITLES[facet]}: {value}  ✕")
                chip.setToolTip(f"Remove the filter {FACET_TITLES[facet]}: {value}")
                chip.setAccessibleName(f"Remove filter {FACET_TITLES[facet]} {value}")
                chip.clicked.connect(lambda _c=False, f=facet, v=str(value): self.chip_removed.emit(f, v))
                self._layout.addWidget(chip)
                self.chips.append(chip)
        self._layout.addStretch(1)
        self._layout.addWidget(self._clear)
        self.setVisible(bool(self.chips))
