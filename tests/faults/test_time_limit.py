"""The per-page time limit: a page that makes the extractor crawl is killed, reported, and skipped.

The stand-in extractor (fault_extract.py) crawls through any page whose body says SLOW.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fault_helpers import write_batch, write_page

from reader.library import importer
from reader.library.facade import Library
from reader.library.types import ImportProgress, ImportStatus

pytestmark = pytest.mark.timeout(60)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_slower_than_the_time_limit_fails_alone_and_the_batch_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(importer, "TIME_LIMIT", 1.0)
    pages = tmp_path / "pages"
    write_batch(pages)
    write_page(pages, "crawler.html", "A page the extractor crawls through", "SLOW")
    write_page(pages, "crawler-2.html", "Another crawler", "SLOW again")
    progress: list[ImportProgress] = []
    with Library.open(tmp_path / "lib") as library:
        results = {
            Path(r.path).name: r
            for r in library.import_paths([pages], workers=workers, on_progress=progress.append)
        }
        for name in ("crawler.html", "crawler-2.html"):
            assert results[name].status is ImportStatus.FAILED
            assert name in results[name].error and "took too long" in results[name].error
        others = [r for name, r in results.items() if not name.startswith("crawler")]
        assert {r.status for r in others} == {ImportStatus.IMPORTED}
        assert library.count() == len(others) == len(list(pages.iterdir())) - 2
        assert progress[-1].done == progress[-1].total == len(results)
        assert library.check().ok
