"""The user's preferences in QSettings: geometry, splitters, theme, font size, style, filters, positions.

Every key is read and written here so the rest of the app never spells a settings key; tests pass a
``QSettings`` pointed at a temp file so they never touch the user's own settings.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.library import Filters

THEMES = ("system", "light", "sepia", "dark")
DEFAULT_FONT_SIZE = 13
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 32
DEFAULT_STYLE = "apa"


def default_qsettings() -> QSettings:
    """The user's own settings store (native format, "Offprint/Offprint")."""
    return QSettings("Offprint", "Offprint")


def file_qsettings(path: str | Path) -> QSettings:
    """A settings store in one INI file: used by tests, the self-check and the screenshots."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else default_qsettings()

    # window layout -------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, data: QByteArray) -> None:
        self.store.setValue(f"splitters/{name}", data)

    def annotations_sidebar(self) -> bool:
        """Whether the annotations sidebar beside the reader is shown (it is, until hidden)."""
        return str(self.store.value("reader/annotations_sidebar", "1")) != "0"

    def set_annotations_sidebar(self, shown: bool) -> None:
        self.store.setValue("reader/annotations_sidebar", "1" if shown else "0")

    # reading ---------------------------------------------------------------------------------------
    def theme(self) -> str:
        value = str(self.store.value("reader/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("reader/theme", theme if theme in THEMES else "system")

    def font_size(self) -> int:
        try:
            size = int(str(self.store.value("reader/font_size", DEFAULT_FONT_SIZE)))
        except ValueError:  # edited by hand or from another version: the default
            size = DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    def set_font_size(self, size: int) -> None:
        self.store.setValue("reader/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size))))

    def reading_position(self, library: Path, article_id: int) -> float:
        """How far down the article the user had read, 0.0–1.0."""
        try:
            value = float(str(self.store.value(f"{self._positions_group(library)}/{article_id}", 0.0)))
        except ValueError:
            return 0.0
        return max(0.0, min(1.0, value))

    def set_reading_position(self, library: Path, article_id: int, fraction: float) -> None:
        key = f"{self._positions_group(library)}/{article_id}"
        if fraction <= 0.001:
            self.store.remove(key)  # the top is the default; keep the store small
        else:
            self.store.setValue(key, round(max(0.0, min(1.0, fraction)), 4))

    # citations and search ---------------------------------------------------------------------------
    def citation_style(self) -> str:
        return str(self.store.value("citations/style", DEFAULT_STYLE)) or DEFAULT_STYLE

    def set_citation_style(self, style: str) -> None:
        self.store.setValue("citations/style", style)

    def recent_styles(self) -> list[str]:
        """The styles chosen lately, the latest first."""
        raw = str(self.store.value("citations/recent", "") or "")
        return [style for style in raw.split("\n") if style]

    def add_recent_style(self, style: str, keep: int = 8) -> None:
        recent = [style, *(s for s in self.recent_styles() if s != style)][:keep]
        self.store.setValue("citations/recent", "\n".join(recent))

    def citation_locale(self) -> str:
        """The language for styles that declare none ("": American English, as Zotero's default)."""
        return str(self.store.value("citations/locale", "") or "")

    def set_citation_locale(self, locale: str) -> None:
        self.store.setValue("citations/locale", locale)

    def last_filters(self) -> Filters:
        raw = self.store.value("search/filters", "")
        try:
            data = json.loads(str(raw)) if raw else {}
            return Filters(**{k: v for k, v in data.items() if k in Filters.__dataclass_fields__})
        except (TypeError, ValueError):
            return Filters()

    def set_last_filters(self, filters: Filters) -> None:
        self.store.setValue("search/filters", json.dumps(asdict(filters)))

    def list_order(self) -> str:
        """The article list's order: "auto" (best matches while searching, newest added otherwise), or a
        column's key, ":reversed" after it when reversed."""
        return str(self.store.value("list/order", "auto"))

    def set_list_order(self, order: str) -> None:
        self.store.setValue("list/order", order)

    def list_header(self) -> QByteArray | None:
        """The list's columns: which are shown, their widths and their order (QHeaderView's state)."""
        return self._bytes("list/header")

    def set_list_header(self, state: QByteArray) -> None:
        self.store.setValue("list/header", state)

    def sample_offer_dismissed(self, library: Path) -> bool:
        return str(self.store.value(f"{self._library_group(library)}/sample_offer_dismissed", "")) == "1"

    def dismiss_sample_offer(self, library: Path) -> None:
        self.store.setValue(f"{self._library_group(library)}/sample_offer_dismissed", "1")

    def sync(self) -> None:
        self.store.sync()

    # helpers -----------------------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @staticmethod
    def _library_group(library: Path) -> str:
        # One group per library folder, so positions of two libraries never mix.
        digest = hashlib.sha1(str(Path(library).resolve()).encode("utf-8")).hexdigest()[:12]
        return f"libraries/{digest}"

    def _positions_group(self, library: Path) -> str:
        return f"{self._library_group(library)}/positions"
