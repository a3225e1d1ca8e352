"""The filters sidebar (Series, Years, Date Added, Topics, Authors, Sites) and the chips of active filters.

Values within one facet combine with OR, facets with AND (the library does the combining; this module
keeps which values are ticked and turns them into a :class:`Filters`).  The facets come in a fixed order
— Series first, the short Years and Date Added before the long lists — each folded to its busiest values
with a filter box and "Show all", so every facet's header stays in sight in a large library
(:mod:`.facet_section`).  The chips bar keeps its height with or without chips, so ticking a value never
moves the sidebar under the pointer.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import ADDED_WINDOWS, FACETS, Filters
from reader.resources import resource_path

from .error_report import log_failure
from .facet_section import FacetKind, FacetSection
from .names import quick_sort_key, split_names, surname_first
from .workers import run_in_background

logger = logging.getLogger(__name__)

FACET_TITLES = {
    "series": "Series",
    "years": "Years",
    "added": "Date Added",
    "topics": "Topics",
    "authors": "Authors",
    "sites": "Sites",
}
#: The sidebar's order: Series first; the short Years and Date Added before the long lists.
SIDEBAR_ORDER = ("series", "years", "added", "topics", "authors", "sites")
ADDED_LABELS = {"last-import": "Last import", "today": "Today", "week": "This week", "month": "This month"}
MAX_CHIPS = 6
#: The user's own scopes, chosen in the collections sidebar rather than from the index's facets: kept
#: with the facets' ticks, so one Filters, one chip bar and one "Clear filters" cover them all.
SCOPES = ("collections", "saved_search", "annotated")
SCOPE_TITLES = {"collections": "Collection", "saved_search": "Saved search", "annotated": "Has annotations"}
ANNOTATED = "yes"


def filters_to_selection(filters: Filters) -> dict[str, set[str]]:
    selection = {facet: {str(v) for v in getattr(filters, facet)} for facet in FACETS}
    selection["added"] = {filters.added} if filters.added in ADDED_WINDOWS else set()
    selection["collections"] = {str(i) for i in filters.collections}
    selection["saved_search"] = set() if filters.saved_search is None else {str(filters.saved_search)}
    selection["annotated"] = {ANNOTATED} if filters.has_annotations else set()
    return selection


def selection_to_filters(selection: Mapping[str, set[str]]) -> Filters:
    result = Filters()
    for facet in FACETS:
        values = sorted(selection.get(facet, set()))
        if facet == "years":
            setattr(result, facet, [int(v) for v in values if v.isdigit()])
        else:
            setattr(result, facet, values)
    added = sorted(selection.get("added", set()))
    result.added = added[0] if added else None
    result.collections = sorted(int(v) for v in selection.get("collections", set()) if v.isdigit())
    saved = [int(v) for v in selection.get("saved_search", set()) if v.isdigit()]
    result.saved_search = saved[0] if saved else None
    result.has_annotations = bool(selection.get("annotated"))
    return result


def copy_filters(filters: Filters) -> Filters:
    return copy.deepcopy(filters)


def chip_label(facet: str, value: str) -> str:
    return f"{FACET_TITLES[facet]}: {ADDED_LABELS.get(value, value) if facet == 'added' else value}"


class FacetSidebar(QScrollArea):
    """The facets in :data:`SIDEBAR_ORDER`, one :class:`FacetSection` each, under room for other views."""

    filters_changed = Signal(object)  # Filters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetSidebar")
        self.setAccessibleName("Filters")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.organizations: set[str] = set()
        self._splitting = False  # authors' names are being split off the GUI thread
        self._selection: dict[str, set[str]] = {facet: set() for facet in SIDEBAR_ORDER + SCOPES}
        self._counted_query: str | None = None  # the query of the counts shown
        # The facet of the last tick ("" for all of them), until the counts of its answer are shown
        self._ticked_in: str | None = None
        inner = QWidget(self)
        inner.setObjectName("facetSidebarInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.top = QVBoxLayout()  # other views of the library go above the facets
        self.top.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top)
        self.sections: dict[str, FacetSection] = {}
        for facet in SIDEBAR_ORDER:
            section = FacetSection(facet, FACET_TITLES[facet], self._style(facet), inner)
            section.toggled.connect(lambda f, v: self.toggle_value(f, v))
            section.leave_down.connect(lambda f: self._move_focus(f, +1))
            section.leave_up.connect(lambda f: self._move_focus(f, -1))
            self.sections[facet] = section
            layout.addWidget(section)
        layout.addStretch(1)
        self.setWidget(inner)

    def _style(self, facet: str) -> FacetKind:
        if facet == "authors":
            return FacetKind(label=self._author_label, sort_key=self._author_key, noun="author")
        if facet == "years":
            return FacetKind(newest_first=True, noun="year")
        if facet == "added":
            return FacetKind(label=lambda v: ADDED_LABELS.get(v, v), fixed=ADDED_WINDOWS, exclusive=True)
        return FacetKind()

    def _author_label(self, name: str) -> str:
        return name if name in self.organizations else surname_first(name)

    def _author_key(self, name: str) -> str:
        return name.casefold() if name in self.organizations else quick_sort_key(name)

    def _split_new_authors(self, authors: Mapping[str, int]) -> None:
        """Split the authors' names off the GUI thread, then order them by surname (see :mod:`.names`)."""
        if self._splitting or not authors:
            return
        self._splitting = True
        names = list(authors)

        def done(new: int) -> None:
            self._splitting = False
            if new:
                self.sections["authors"].relabel()

        def failed(error: BaseException) -> None:
            self._splitting = False
            log_failure(logger, "the authors' names were not split", error)

        run_in_background(lambda: split_names(names), done, failed)

    def add_above(self, widget: QWidget) -> None:
        """Put another view of the library (e.g. All Articles, Trash) above the facets."""
        self.top.addWidget(widget)

    # state ---------------------------------------------------------------------------------------
    def filters(self) -> Filters:
        return selection_to_filters(self._selection)

    def set_filters(self, filters: Filters, *, notify: bool = True) -> None:
        self._selection = {**{f: set() for f in SIDEBAR_ORDER + SCOPES}, **filters_to_selection(filters)}
        for facet, section in self.sections.items():
            section.set_ticked(self._selection[facet])
        if notify:
            self.filters_changed.emit(self.filters())

    def toggle_value(self, facet: str, value: str, on: bool | None = None) -> None:
        chosen = self._selection[facet]
        want = (value not in chosen) if on is None else on
        section = self.sections.get(facet)  # None for a scope (a collection, a saved search)
        if want and (
            facet in ("saved_search", "annotated") or (section is not None and section.kind.exclusive)
        ):
            chosen.clear()
        if want:
            chosen.add(value)
        else:
            chosen.discard(value)
        self._ticked_in = facet
        if section is not None:
            section.set_ticked(chosen)
        self.filters_changed.emit(self.filters())

    def choose_scope(self, scope: str, values: set[str]) -> None:
        """Set a scope's values outright (a click on a collection chooses it alone)."""
        self._selection[scope] = set(values)
        self._ticked_in = scope
        self.filters_changed.emit(self.filters())

    def clear_filters(self) -> None:
        """Untick everything (the values listed stay where they are, as for a tick)."""
        self._ticked_in = ""
        self.set_filters(Filters())

    def set_organizations(self, names: set[str]) -> None:
        """The authors that are organisations: listed by their name, not surname first."""
        if names != self.organizations:
            self.organizations = set(names)
            self.sections["authors"].relabel()

    def set_dark(self, dark: bool) -> None:
        """Fusion draws check-box outlines from the window colour, which vanish on dark: draw our own."""
        if not dark:
            self.setStyleSheet("")
            return
        off = resource_path("ui", "check-off-dark.svg").as_posix()
        on = resource_path("ui", "check-on-dark.svg").as_posix()
        self.setStyleSheet(
            f"QListView::indicator {{ width: 14px; height: 14px; }}"
            f' QListView::indicator:unchecked {{ image: url("{off}"); }}'
            f' QListView::indicator:checked {{ image: url("{on}"); }}'
        )

    def values_shown(self, facet: str) -> list[str]:
        """The values listed under ``facet`` now, top to bottom."""
        return self.sections[facet].values_shown()

    def count_of(self, facet: str, value: str) -> int | None:
        """The count shown beside ``value`` (None when it is not listed)."""
        return next((v.count for v in self.sections[facet].model.values if v.value == value), None)

    # counts --------------------------------------------------------------------------------------
    def set_counts(
        self, counts: Mapping[str, Mapping[str, int]], query: str | None = None, *, hold_values: bool = False
    ) -> None:
        """Show the counts for the current query.  For the same query (the user is ticking values) every
        facet keeps its values, and the facet just ticked keeps their order too.  ``hold_values`` (nothing
        matched) keeps every value listed, at 0: the sidebar does not empty while a query is typed."""
        ticking = self._ticked_in is not None and query == self._counted_query
        for facet, section in self.sections.items():
            section.set_counts(
                counts.get(facet, {}),
                self._selection[facet],
                keep_values=ticking or hold_values,
                keep_order=(ticking and facet == self._ticked_in) or hold_values,
            )
        self._counted_query = query
        self._ticked_in = None
        self._split_new_authors(counts.get("authors", {}))

    def set_note(self, note: str | None) -> None:
        """What an empty facet says instead of "No series for these articles" (None: that)."""
        for section in self.sections.values():
            section.note = note

    # focus ---------------------------------------------------------------------------------------
    def focus_first_value(self) -> None:
        """Ctrl+1: the first value the sidebar lists, scrolled into sight."""
        for section in self.sections.values():
            if section.focus_first_value():
                self.ensureWidgetVisible(section.header)
                return
        self.setFocus()

    def _move_focus(self, facet: str, step: int) -> None:
        order = list(self.sections)
        position = order.index(facet) + step
        while 0 <= position < len(order):
            section = self.sections[order[position]]
            moved = section.focus_first_value() if step > 0 else section.focus_last_value()
            if moved:
                self.ensureWidgetVisible(section.list)
                return
            position += step


class ChipBar(QWidget):
    """The active filters as chips ("Series: Tidewater ✕"); a click removes one, "Clear filters" all.

    Always there, at one height: when nothing is ticked it says so, so the first tick moves nothing."""

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
        self._none = QLabel("none — tick values at the left to narrow the list", self)
        self._none.setEnabled(False)
        self._more = QLabel(self)
        self._clear = QPushButton("Clear filters", self)
        self._clear.setAccessibleName("Clear all filters")
        self._clear.setFlat(True)
        self._clear.clicked.connect(self.clear_requested)
        self.chips: list[QToolButton] = []
        # The label of a scope's value (a collection's name for its id); the collections sidebar sets it.
        self.scope_label: Callable[[str, str], str] = lambda scope, value: f"{SCOPE_TITLES[scope]} {value}"
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        probe = QToolButton(self)
        probe.setText("Series ✕")
        self.setFixedHeight(max(probe.sizeHint().height(), self._clear.sizeHint().height()) + 4)
        probe.deleteLater()
        self.set_filters(Filters())

    def set_filters(self, filters: Filters) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        while self._layout.count():
            self._layout.takeAt(0)
        self._layout.addWidget(self._label)
        chosen = [(facet, str(value)) for facet in FACETS for value in getattr(filters, facet)]
        if filters.added:
            chosen.append(("added", filters.added))
        scopes = filters_to_selection(filters)
        chosen = [(scope, value) for scope in SCOPES for value in sorted(scopes[scope])] + chosen
        for facet, value in chosen[:MAX_CHIPS]:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            text = self.scope_label(facet, value) if facet in SCOPES else chip_label(facet, value)
            chip.setText(f"{text}  ✕")
            chip.setToolTip(f"Remove the filter {text}")
            chip.setAccessibleName(f"Remove filter {text}")
            chip.clicked.connect(lambda _c=False, f=facet, v=value: self.chip_removed.emit(f, v))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        hidden = len(chosen) - MAX_CHIPS
        self._more.setText(f"and {hidden} more" if hidden > 0 else "")
        self._more.setVisible(hidden > 0)
        self._layout.addWidget(self._more)
        self._none.setVisible(not chosen)
        self._layout.addWidget(self._none)
        self._layout.addStretch(1)
        self._clear.setVisible(bool(chosen))
        self._layout.addWidget(self._clear)
