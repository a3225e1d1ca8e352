"""The lazy article model and the remembered settings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.library.types import Filters, SearchHit
from reader.ui.article_model import PAGE_SIZE, ArticleModel, HitRole
from reader.ui.settings import Settings, file_qsettings


def _row(article_id: int) -> SearchHit:
    return SearchHit(article_id, f"Article {article_id}", [], None, None, [], [], 0.0, "")


def test_a_hundred_thousand_rows_load_only_the_pages_that_are_looked_at(qtbot) -> None:
    asked: list[list[int]] = []

    def fetch(ids: Sequence[int], _query: str) -> list[SearchHit]:
        asked.append(list(ids))
        return [_row(i) for i in ids]

    model = ArticleModel(fetch)
    ids = list(range(1, 100_001))
    model.set_results(ids, "", [_row(i) for i in ids[:PAGE_SIZE]])
    assert model.rowCount() == 100_000
    assert model.index(5, 0).data(HitRole).title == "Article 6"  # the first page came with the search
    assert model.index(54_321, 0).data(HitRole) is None  # not loaded yet: shown as "Loading…"
    with qtbot.waitSignal(model.page_loaded, timeout=5_000):
        pass
    assert model.index(54_321, 0).data(HitRole).title == "Article 54322"
    assert asked == [ids[54_300:54_400]]  # one page fetched, nothing else


def test_a_page_for_an_old_result_list_is_dropped(qtbot) -> None:
    model = ArticleModel(lambda ids, _q: [_row(i) for i in ids])
    model.set_results(list(range(1000)), "old")
    model.index(500, 0).data(HitRole)  # asks for page 5 of the old list
    model.set_results(list(range(2000, 2300)), "new")
    with qtbot.waitSignal(model.page_loaded, timeout=5_000):
        model.index(0, 0).data(HitRole)
    assert model.index(0, 0).data(HitRole).id == 2000
    assert not model.is_loaded(250)


def test_settings_remember_filters_theme_style_and_reading_positions(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(file_qsettings(path))
    first.set_last_filters(Filters(series=["Coastal Notes"], years=[2024]))
    first.set_theme("sepia")
    first.set_citation_style("mla")
    first.set_font_size(99)
    first.set_reading_position(tmp_path / "library", 7, 0.42)
    first.sync()
    again = Settings(file_qsettings(path))
    assert again.last_filters() == Filters(series=["Coastal Notes"], years=[2024])
    assert (again.theme(), again.citation_style(), again.font_size()) == ("sepia", "mla", 32)
    assert again.reading_position(tmp_path / "library", 7) == 0.42
    assert again.reading_position(tmp_path / "other-library", 7) == 0.0


def test_an_answer_to_an_older_search_is_never_shown(qtbot) -> None:
    import threading

    from reader.ui.workers import LatestOnly

    latest = LatestOnly()
    shown: list[str] = []
    release_old = threading.Event()

    def old_search() -> str:
        release_old.wait(10)  # the old search finishes only after the new one has been shown
        return "cli"

    latest.submit(old_search, shown.append)
    with qtbot.waitSignal(latest.delivered, timeout=5_000):
        latest.submit(lambda: "climate", shown.append)
    release_old.set()
    with qtbot.waitSignal(latest.dropped, timeout=5_000):
        pass
    assert shown == ["climate"]
