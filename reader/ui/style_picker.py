"""The citation-style picker of the toolbar: installed CSL styles by title, the chosen one kept by id.

It shows the remembered style at once and the full list once the styles have loaded (after the first
search, so loading them never delays the list).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from reader.cite import StyleInfo


class StylePicker(QComboBox):
    """A combo box of citation styles whose value is a style id (or the alias the settings hold)."""

    style_chosen = Signal(str)  # the user picked another style

    def __init__(self, remembered: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remembered = remembered
        self.setObjectName("styleBox")
        self.setAccessibleName("Citation style")
        self.setToolTip("Citation style for Copy Citation and Copy Bibliography Entry")
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.addItem(remembered, remembered)
        self.currentIndexChanged.connect(self._on_index_changed)

    def current_style(self) -> str:
        return str(self.currentData() or self.remembered)

    def set_styles(self, styles: Sequence[StyleInfo]) -> None:
        """List ``styles`` by title, keeping the remembered one chosen (silently: nothing was picked)."""
        self.blockSignals(True)
        self.clear()
        for info in sorted(styles, key=lambda s: s.title.casefold()):
            self.addItem(info.title + (f" ({info.alias})" if info.alias else ""), info.id)
            if self.remembered in (info.id, info.alias):
                self.setCurrentIndex(self.count() - 1)
        self.blockSignals(False)

    def _on_index_changed(self, _index: int) -> None:
        self.remembered = self.current_style()
        self.style_chosen.emit(self.remembered)
