"""The reading themes (light, sepia, dark) and the app palette that goes with them.

"system" follows the desktop's colour scheme; the choice is the user's and is remembered.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    link: str
    highlight: str  # current search words
    find: str  # find-in-article matches
    find_current: str
    chip: str
    dark: bool
    damage: str = "#c0392b"  # the wavy underline under damage the repair could not undo
    damage_background: str = "#f9d5ce"


# fmt: off
THEMES: dict[str, Theme] = {
    "light": Theme(
        "light", "#fcfcfa", "#1f1f1f", "#6a6a6a", "#1a5fb4", "#fff0a0", "#ffd7a8", "#ff9f43", "#e8eef8", False
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#3f3222", "#7a6a55", "#8a4b08", "#f2d77e", "#f0c090", "#e08a3c", "#eadcbc", False
    ),
    "dark": Theme(
        "dark", "#1d1f23", "#dcdad5", "#9a9a9a", "#8ab4f8", "#5c4f10", "#6b4420", "#b3641c", "#2c3340", True,
        damage="#ff7b6b", damage_background="#47251f",
    ),
}
# fmt: on


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(choice: str) -> Theme:
    """The concrete theme for a setting ("system" picks light or dark from the desktop)."""
    if choice in THEMES:
        return THEMES[choice]
    return THEMES["dark" if system_prefers_dark() else "light"]


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#23252a"), QColor("#2b2d31"), QColor("#e3e1dc")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, window)
        palette.setColor(group, QPalette.ColorRole.WindowText, text)
        palette.setColor(group, QPalette.ColorRole.Base, base)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, window)
        palette.setColor(group, QPalette.ColorRole.Text, text)
        palette.setColor(group, QPalette.ColorRole.Button, window)
        palette.setColor(group, QPalette.ColorRole.ButtonText, text)
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        palette.setColor(group, QPalette.ColorRole.ToolTipText, text)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9a9893"))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Link, QColor("#8ab4f8"))
        # The 3D roles draw frames and check-box outlines; without them those vanish on dark.
        palette.setColor(group, QPalette.ColorRole.Light, QColor("#5a5d63"))
        palette.setColor(group, QPalette.ColorRole.Midlight, QColor("#44474c"))
        palette.setColor(group, QPalette.ColorRole.Mid, QColor("#3a3c41"))
        palette.setColor(group, QPalette.ColorRole.Dark, QColor("#18191c"))
        palette.setColor(group, QPalette.ColorRole.Shadow, QColor("#000000"))
    # Disabled widgets keep the dark surfaces (a disabled button was drawn light grey on the dark window).
    for role, colour in ((QPalette.ColorRole.Button, window), (QPalette.ColorRole.Window, window)):
        palette.setColor(QPalette.ColorGroup.Disabled, role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77766f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#77766f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#77766f"))
    return palette


def apply_app_palette(theme: Theme) -> None:
    """Dark reading gets a dark window around it; light and sepia keep the desktop's own palette."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme.dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
