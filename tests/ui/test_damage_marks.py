"""Damage the repair could not undo, where the user reads: marked in the article with a tooltip, and the
Repairs & Sources tab in plain words (damage first, then the repairs, then where each field came from
and how the date was decided), with examples from the article and dates written the user's way."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from reader.library.types import StoredArticle
from reader.ui.reader_view import ReaderView
from reader.ui.repairs_panel import RepairsPanel, local_date, local_date_time, repairs_html

SPAM = {
    "kind": "cjk-in-latin-text",
    "count": 1,
    "flagged": True,
    "examples": [["search Professor at 糖心网页版  This text", "search Professor at 糖心网页版  This text"]],
    "marks": ["糖心网页版"],
}
LOST = {"kind": "lost-link-text", "count": 1, "flagged": True, "examples": [], "marks": ["“”"]}
GBK = {
    "kind": "utf8-as-gbk",
    "count": 24,
    "flagged": False,
    "examples": [
        ["ps referring to the 鈥渟pirit of Anchorage w", "ps referring to the “spirit of Anchorage w"]
    ],
}
DROPPED = {"kind": "dropped-bytes-inferred", "count": 8, "flagged": False, "examples": []}


def _article(**changes: object) -> StoredArticle:
    values: dict[str, object] = dict(
        id=3, content_hash="0" * 64, source_path="/pages/seed.txt", imported_at="2026-12-07T06:15:25+00:00",
        title="Putin refers to the “” summit", authors=["Pavel K. Baev"], organizations=[], date="2026-06-22",
        site=None, url=None, language="en", excerpt=None, series=[], topics=[], accessed=None,
        text="", repairs=[SPAM, LOST, GBK, DROPPED], provenance={"date": "dateline-text"},
        html="<p>Putin keeps referring to the “” reached in Alaska.</p>"
        "<p>Pavel K Baev is Research Professor at 糖心网页版</p>",
        evidence={"date": [
            {"date": "2026-06-22", "source": "dateline-text", "raw": "Monday 22 June 2026", "form": "printed",
             "verdict": "chosen", "reason": "the date the page prints"},
            {"date": "2026-06-23", "source": "json-ld", "raw": "2026-06-23T02:10:00Z", "form": "stamp",
             "verdict": "set aside", "reason": "a machine clock one day off the date the page prints"},
        ]},
    )  # fmt: skip
    values.update(changes)
    return StoredArticle(**values)  # type: ignore[arg-type]


def _format_at(document: QTextDocument, needle: str, start: int = 0) -> QTextCharFormat:
    cursor = document.find(needle, start)
    assert not cursor.isNull(), f"{needle!r} is not in the article"
    inside = QTextCursor(document)
    inside.setPosition(cursor.selectionStart() + 1)
    return inside.charFormat()


def test_the_reader_marks_each_place_of_damage_with_a_tooltip(qtbot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(_article())
    assert view.damage_marked == 2
    assert (
        "⚠ Needs attention, marked in the text: Chinese or Japanese characters inside the text (spam, or "
        "words not restored) (1); link text lost when the page was saved (1)." in view.toPlainText()
    )
    document = view.document()
    spam = _format_at(document, "糖心网页版")
    assert spam.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "spam" in spam.toolTip()
    body = document.find("Putin keeps").selectionStart()
    assert "link" in _format_at(document, "“”", body).toolTip()
    # The title holds "“”" too: the header is the page's metadata, not its damaged text.
    assert _format_at(document, "“”").toolTip() == ""
    assert _format_at(document, "Research").toolTip() == ""


def test_an_article_without_damage_has_no_marks(qtbot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_article(_article(repairs=[GBK]))
    assert view.damage_marked == 0
    assert "Needs attention" not in view.toPlainText()


def test_the_repairs_tab_speaks_plain_words(qtbot) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        report = repairs_html(_article())
        panel = RepairsPanel()
        qtbot.addWidget(panel)
        panel.show_article(_article())
        shown = panel.toPlainText()
    finally:
        QLocale.setDefault(QLocale.system())
    assert shown.index("Needs your attention") < shown.index("Repairs") < shown.index("Where each field")
    assert (
        "Text saved as UTF-8 was read as Chinese GBK; 24 places restored, "
        "8 of them with characters the wrong decoder had dropped." in shown
    )
    assert "Chinese or Japanese characters in the middle of the text" in shown
    assert "… Professor at 糖心网页版 This …" in shown  # the example: the article's own words, cut whole
    for codec_name in ("utf8-as-gbk", "dropped-bytes-inferred", "cjk-in-latin-text"):
        assert codec_name not in shown
    assert "2026-12-07T06:15:25+00:00" not in shown and "7 December 2026" in shown
    assert "22 June 2026 from the dateline near the headline" in shown
    assert "Set aside — 23 June 2026 from the page's structured data (JSON-LD)" in shown
    assert "<b style=" in report  # the damaged run stands out in its example


def test_dates_follow_the_users_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert local_date("2026-06-22", us) == "June 22, 2026"
    assert local_date("2026-06-22", de) == "22. Juni 2026"
    assert local_date("2020-05", de) == "2020-05"  # a month is all the page says
    assert local_date_time("2026-12-07T06:15:25+00:00", de).startswith("7. Dezember 2026, ")
