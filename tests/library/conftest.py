"""Fixtures for the library tests: a fake extractor in the workers, libraries on both engines."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # worker processes inherit sys.path and import the fake extractor

from library_helpers import import_all, write_corpus  # noqa: E402

from reader.library import importer  # noqa: E402
from reader.library.facade import Library  # noqa: E402

FAKE_EXTRACTOR = "library_fake_extract:extract_file"


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", FAKE_EXTRACTOR)


@pytest.fixture(params=["whoosh", "tantivy"])
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def library(tmp_path: Path, engine: str) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib")
    if engine != lib.engine:
        lib.reindex(engine)
    yield lib
    lib.close()


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    results = import_all(library, write_corpus(tmp_path / "pages"), workers=0)
    assert all(r.status == "imported" for r in results), results
    return library
