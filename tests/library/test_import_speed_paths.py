"""The import's fast paths behave exactly like the plain ones they replace.

Workers are fed from a thread of their own while the caller's thread writes; whoosh postings
are computed without Token objects.  Neither may change what the user gets.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from library_helpers import write_page
from whoosh import formats

from reader.library.facade import Library
from reader.library.index import whoosh_engine
from reader.library.types import ImportStatus

TEXTS = [
    "The treaty, the treaty and THE Treaty: négociations naïves au café.",
    "snake_case words, 3.14 numbers, ÆSIR and Ærø; 東京 and Москва; repeated repeated repeated.",
    "",
    "   \n\n  ",
]


def _feeder_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "offprint-import-workers"]


@pytest.mark.parametrize("text", TEXTS)
def test_whoosh_fast_postings_are_whoosh_s_own(text: str) -> None:
    analyzer = whoosh_engine.make_analyzer()
    plain = formats.Positions(field_boost=2.0)
    fast = whoosh_engine.FastPositions(field_boost=2.0)
    assert list(fast.word_values(text, analyzer, mode="index")) == list(
        plain.word_values(text, analyzer, mode="index")
    )


def test_an_import_left_early_keeps_what_it_reported_and_stops_its_workers(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    for number in range(12):
        write_page(pages, f"p{number:02}.html", f"Page {number}", f"Walrus text number {number}.")
    with Library.open(tmp_path / "lib") as library:
        imports = library.import_paths([pages], workers=2)
        first = next(imports)
        imports.close()  # the user walked away from the import
        assert first.status is ImportStatus.IMPORTED
        assert _feeder_threads() == []
        kept = library.count()
        assert kept >= 1
        rerun = list(library.import_paths([pages], workers=2))
        assert sum(r.status is ImportStatus.DUPLICATE for r in rerun) == kept
        assert library.count() == 12
        assert library.search("walrus").total == 12
        assert library.check().ok
