"""Choosing among every installed citation style, as a user does: search, pick, add a file, copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

pytest.importorskip("reader.cite.facade")

from reader.cite import Citer
from reader.ui.style_dialog import StylePickerDialog
from reader.ui.style_picker import ADD_FILE, MORE

DEPENDENT = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <info><title>Port Maren Lab (IEEE)</title><id>http://example.org/styles/port-maren-lab</id>
  <link href="http://www.zotero.org/styles/ieee" rel="independent-parent"/></info>
</style>
"""


@pytest.fixture(scope="module")
def all_styles() -> list:
    return Citer().styles(installed=True)


def _dialog(qtbot, styles, **kwargs) -> StylePickerDialog:
    options = {
        "current": "apa",
        "recent": ["nature"],
        "locale": "en-US",
        "locales": [("en-US", "English (US)"), ("de-DE", "German (Germany)")],
        "declares_locale": lambda style_id: style_id == "harvard-cite-them-right",
    }
    options.update(kwargs)
    dialog = StylePickerDialog(styles, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _titles(dialog: StylePickerDialog, count: int) -> list[str]:
    return [str(dialog.model.index(row, 0).data()) for row in range(count)]


def test_the_chooser_lists_common_recent_then_every_style(qtbot, all_styles) -> None:
    dialog = _dialog(qtbot, all_styles)
    rows = _titles(dialog, 10)
    assert rows[0] == "Common styles" and rows[1].startswith("APA Style 7th edition")
    assert rows[8] == "Recently used" and rows[9] == "Nature"
    assert dialog.model.rowCount() == len(all_styles) + 7 + 1 + 3  # headings, common and recent doubled
    assert dialog.list_view.currentIndex().row() == 1  # the style in use is selected
    assert not dialog.model.flags(dialog.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_typing_narrows_the_list_and_enter_chooses_the_first_match(qtbot, all_styles) -> None:
    dialog = _dialog(qtbot, all_styles)
    qtbot.keyClicks(dialog.search, "lancet")
    assert str(dialog.model.index(0, 0).data()).endswith("match")
    assert "Lancet" in str(dialog.model.index(1, 0).data())
    assert dialog.list_view.currentIndex().row() == 1
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "lancet" in dialog.chosen
    dialog.search.setText("zzqx nothing")
    assert dialog.model.rowCount() == 1 and not dialog.ok_button.isEnabled()


def test_the_language_is_only_offered_for_styles_that_declare_none(qtbot, all_styles) -> None:
    dialog = _dialog(qtbot, all_styles)
    assert dialog.language.isEnabled() and dialog.chosen_locale() == "en-US"
    dialog.search.setText("cite them right")
    assert dialog.chosen == "harvard-cite-them-right" and not dialog.language.isEnabled()


def test_more_styles_picks_any_installed_style_and_copies_in_it(
    open_window, library_folder: Path, qtbot, monkeypatch
) -> None:
    window = open_window(library_folder)
    qtbot.waitUntil(lambda: window.style_box.findData(MORE) >= 0, timeout=30_000)
    assert window.style_box.count() < 20  # the toolbar keeps a short list; the chooser holds the rest
    window.style_box.setCurrentIndex(window.style_box.findData(MORE))
    window.style_box.activated.emit(window.style_box.currentIndex())
    dialog = window.style_controller.dialog
    assert dialog is not None and window.current_style() == "apa"
    dialog.search.setText("nature")
    dialog.accept()
    assert window.current_style() == "nature" and window.settings.citation_style() == "nature"
    assert window.settings.recent_styles()[0] == "nature"
    assert window.style_box.findData("nature") >= 0  # now at hand in the toolbar
    with qtbot.waitSignal(window.citations.copied, timeout=30_000):
        window.list_view.setCurrentIndex(window.model.index(0, 0))
        window.copy_bibliography()
    assert QApplication.clipboard().mimeData().text().startswith("1.")  # Nature is numbered


def test_add_style_from_file_adds_it_or_names_the_bad_file(
    open_window, library_folder: Path, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window = open_window(library_folder)
    window.citations._factory = lambda: Citer([library_folder / "styles"])  # the app's own citer
    window.citations._citer = None
    bad = tmp_path / "broken.csl"
    bad.write_text("<style", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.waitUntil(lambda: window.style_box.findData(ADD_FILE) >= 0, timeout=30_000)
    with qtbot.waitSignal(window.citations.style_refused, timeout=30_000):
        window.style_controller.add_from_file()
    assert warnings and warnings[0].startswith(f"{bad}: not a CSL style")
    assert window.current_style() == "apa"
    good = tmp_path / "lab.csl"
    good.write_text(DEPENDENT, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    with qtbot.waitSignal(window.citations.style_added, timeout=30_000):
        window.style_controller.add_from_file()
    assert window.current_style() == "port-maren-lab"
    assert (library_folder / "styles" / "port-maren-lab.csl").is_file()
    assert window.style_box.currentText() == "Port Maren Lab (IEEE)"


def test_the_chooser_opens_with_the_headings_in_view(qtbot, all_styles) -> None:
    dialog = _dialog(qtbot, all_styles, current="ieee")
    qtbot.waitUntil(lambda: dialog.list_view.verticalScrollBar().value() == 0, timeout=2000)
    assert dialog.list_view.currentIndex().row() == 6  # IEEE, under "Common styles", which shows
    dialog.close()
    far = _dialog(qtbot, all_styles, current="zoology")
    qtbot.waitUntil(lambda: far.list_view.verticalScrollBar().value() > 0, timeout=2000)
    assert far.list_view.visualRect(far.list_view.currentIndex()).intersects(far.list_view.viewport().rect())


def test_a_long_style_name_is_shortened_with_an_ellipsis_and_named_whole_in_the_tooltip(
    qtbot, all_styles
) -> None:
    from reader.ui.style_picker import StylePicker

    long_one = next(s for s in all_styles if len(s.title) > 40 and s.title.count(" ") > 3)
    picker = StylePicker(long_one.id)
    qtbot.addWidget(picker)
    picker.set_styles(all_styles, recent=[long_one.id])
    picker.resize(picker.sizeHint())
    picker.show()
    qtbot.waitExposed(picker)
    shown = picker.displayed_text()
    assert shown.endswith("…") and long_one.title.startswith(shown[:-1]), shown
    assert long_one.title in picker.toolTip()
    picker.setCurrentIndex(picker.findData("apa"))
    assert "APA" in picker.toolTip() and long_one.title not in picker.toolTip()
