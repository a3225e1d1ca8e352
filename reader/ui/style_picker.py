"""The citation style of the toolbar: a short list at hand, every installed style one click away.

:class:`StylePicker` is the toolbar's combo box: the seven common styles, the recently used ones, the
user's own, then "More Styles…" (the searchable chooser of :mod:`.style_dialog` over every installed
style) and "Add Style from File…".  Its value is a style id.  :class:`StyleController` wires it to the
settings (the remembered style, the recently used ones, the citation language) and to the citation
service (the style index it loads in the background, adding a ``.csl`` file, a clear error naming a file
that cannot be used).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from reader import cite

from .style_dialog import StylePickerDialog

if TYPE_CHECKING:
    from reader.cite import StyleInfo

    from .citations import CitationService
    from .settings import Settings

MORE = "__more__"
ADD_FILE = "__add_file__"
RECENT_LIMIT = 6
TOOLTIP = "Citation style for Copy Citation and Copy Bibliography Entry"
CORE_IDS = [style_id for style_id, _alias in cite.CORE_STYLES]


class StylePicker(QComboBox):
    """A combo box of citation styles whose value is a style id (or the alias the settings hold)."""

    style_chosen = Signal(str)  # the user picked another style
    more_requested = Signal()
    add_file_requested = Signal()

    def __init__(self, remembered: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remembered = remembered
        self.setObjectName("styleBox")
        self.setAccessibleName("Citation style")
        self.setToolTip(TOOLTIP)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(lambda _index: self._name_style_in_tooltip())
        self.addItem(remembered, remembered)
        self.activated.connect(self._on_activated)

    def current_style(self) -> str:
        data = self.currentData()
        return str(data) if data and data not in (MORE, ADD_FILE) else self.remembered

    def set_styles(self, styles: Sequence[StyleInfo], recent: Sequence[str] = ()) -> None:
        """List the common styles, the recent ones and the user's own (never all 11,000: the chooser
        holds those), keeping the remembered one chosen (silently: nothing was picked)."""
        by_id = {s.id: s for s in styles}
        by_alias = {s.alias: s.id for s in styles if s.alias}
        self.remembered = by_alias.get(self.remembered, self.remembered)
        wanted = [*CORE_IDS, *recent, *(s.id for s in styles if s.user), self.remembered]
        shown = [by_id[i] for i in dict.fromkeys(wanted) if i in by_id]
        self.blockSignals(True)
        self.clear()
        for info in shown:
            self.addItem(info.title + (f" ({info.alias})" if info.alias else ""), info.id)
            if info.id == self.remembered:
                self.setCurrentIndex(self.count() - 1)
        self.insertSeparator(self.count())
        self.addItem("More Styles…", MORE)
        self.addItem("Add Style from File…", ADD_FILE)
        self.blockSignals(False)
        self._name_style_in_tooltip()

    def choose(self, style_id: str) -> None:
        """Make ``style_id`` the chosen style (after the chooser or an added file)."""
        self.remembered = style_id
        self.style_chosen.emit(style_id)

    def _on_activated(self, _index: int) -> None:
        data = self.currentData()
        if data in (MORE, ADD_FILE):
            self._select(self.remembered)  # the entry is a command, not a style: show the style again
            (self.more_requested if data == MORE else self.add_file_requested).emit()
            return
        if data and data != self.remembered:
            self.choose(str(data))

    def _select(self, style_id: str) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(style_id)))
        self.blockSignals(False)
        self._name_style_in_tooltip()

    def _name_style_in_tooltip(self) -> None:
        # The box is narrower than many style names ("IEEE Reference Guide version 11.29.2023"): the
        # tooltip always holds the whole name.
        self.setToolTip(f"{self.currentText()}\n{TOOLTIP}" if self.currentText() else TOOLTIP)

    # -- the chosen style's name, elided ------------------------------------------------------------------
    def _label_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def displayed_text(self) -> str:
        """The chosen style's name as the box shows it: shortened with "…" to fit, never cut mid-word."""
        option = self._label_option()
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width() - (option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0)
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox clips a long current text at the edge of its field; draw it elided instead.
        painter = QStylePainter(self)
        option = self._label_option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.displayed_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class StyleController(QObject):
    """The style and language the app cites in, the styles it knows, and adding one from a file."""

    changed = Signal(str)  # the style id now in use

    def __init__(self, picker: StylePicker, citations: CitationService, settings: Settings, parent: QWidget):
        super().__init__(parent)
        self.picker = picker
        self.citations = citations
        self.settings = settings
        self.window = parent
        self.styles: list[StyleInfo] = []
        self._by_id: dict[str, StyleInfo] = {}
        self.dialog: StylePickerDialog | None = None
        citations.locale = settings.citation_locale()
        picker.style_chosen.connect(self._on_chosen)
        picker.more_requested.connect(self.open_chooser)
        picker.add_file_requested.connect(self.add_from_file)
        citations.styles_loaded.connect(self._on_styles)
        citations.style_added.connect(self._on_added)
        citations.style_refused.connect(self._on_refused)

    def current(self) -> str:
        return self.picker.current_style()

    def open_chooser(self) -> StylePickerDialog:
        """Show the chooser over every installed style (modeless: the list stays usable behind it)."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = StylePickerDialog(
            self.styles or [],
            current=self.current(),
            recent=self.settings.recent_styles(),
            locale=self.citations.locale or "en-US",
            locales=cite.citation_locales(),
            declares_locale=self._declares_locale,
            parent=self.window,
        )
        dialog.add_file_requested.connect(self.add_from_file)
        dialog.accepted.connect(lambda: self._chooser_accepted(dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def add_from_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Add Citation Style", "", "CSL styles (*.csl);;All files (*)"
        )
        if path:
            self.citations.add_style_file(path)

    # -- internals -----------------------------------------------------------------------------------------
    def _on_styles(self, styles: list[StyleInfo]) -> None:
        self.styles = styles
        self._by_id = {s.id: s for s in styles}
        self.picker.set_styles(styles, self.settings.recent_styles())
        if self.dialog is not None:
            self.dialog.set_styles(styles)

    def _on_chosen(self, style_id: str) -> None:
        self.settings.set_citation_style(style_id)
        self.settings.add_recent_style(style_id)
        self.picker.set_styles(self.styles, self.settings.recent_styles())
        self.citations.warm(style_id)
        self.changed.emit(style_id)

    def _chooser_accepted(self, dialog: StylePickerDialog) -> None:
        locale = dialog.chosen_locale()
        if locale != (self.citations.locale or "en-US"):
            self.settings.set_citation_locale(locale)
            self.citations.locale = locale
        self.picker.choose(dialog.chosen)

    def _forget(self, dialog: StylePickerDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_added(self, added: StyleInfo, styles: list[StyleInfo]) -> None:
        self._on_styles(styles)
        if self.dialog is not None:
            self.dialog.set_styles(styles, select=added.id)
        else:
            self.picker.choose(added.id)

    def _on_refused(self, message: str) -> None:
        QMessageBox.warning(self.window, "Add Citation Style", message)

    def _declares_locale(self, style_id: str) -> bool:
        return cite.declared_locale(self._by_id, style_id) is not None
