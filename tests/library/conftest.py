"""Shared helpers for the library tests: synthetic pages, articles and libraries in tmp_path."""

from __future__ import annotations

import html
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # worker processes inherit sys.path and import the fake extractor

from reader.library import importer  # noqa: E402
from reader.library.facade import Library  # noqa: E402

FAKE_EXTRACTOR = "library_fake_extract:extract_file"


def page_html(
    title: str,
    text: str,
    *,
    authors: Sequence[str] = (),
    date: str | None = None,
    site: str | None = None,
    url: str | None = None,
    series: Sequence[str] = (),
    topics: Sequence[str] = (),
) -> str:
    metas = (
        [("author", a) for a in authors] + [("series", s) for s in series] + [("topic", t) for t in topics]
    )
    metas += [(name, value) for name, value in (("date", date), ("site", site), ("url", url)) if value]
    head = "".join(f'<meta name="{n}" content="{html.escape(v)}">' for n, v in metas)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return f"<html><head><title>{html.escape(title)}</title>{head}</head><body>{body}</body></html>"


def write_page(folder: Path, name: str, title: str, text: str, **meta: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(page_html(title, text, **meta), encoding="utf-8")  # type: ignore[arg-type]
    return path


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", FAKE_EXTRACTOR)


CORPUS = [
    dict(
        name="a.html",
        title="Negotiations over the Arctic treaty",
        text="Diplomats negotiated late into the night.\n\nThe Arctic council met in Tromsø.",
        authors=["Pavel Baev"],
        date="2026-01-15",
        site="Eurasia Review",
        url="https://example.org/a",
        series=["Polar Politics"],
        topics=["Arctic", "Diplomacy"],
    ),
    dict(
        name="b.html",
        title="Café culture in Vienna",
        text="The café is a Viennese institution.\n\nNegotiating a table takes patience.",
        authors=["Anna Müller"],
        date="2025-06-02",
        site="Travel Notes",
        url="https://example.org/b",
        topics=["Travel"],
    ),
    dict(
        name="c.html",
        title="Shipping lanes and sea ice",
        text="Sea ice is retreating, opening new shipping lanes across the Arctic.",
        authors=["Pavel Baev", "Ida Berg"],
        date="2025-11-20",
        site="Eurasia Review",
        url="https://example.org/c",
        series=["Polar Politics"],
        topics=["Arctic", "Shipping"],
    ),
    dict(
        name="d.html",
        title="A history of treaties",
        text="Treaties bind states. The treaty of Westphalia ended a long war.",
        authors=["Jon Smith"],
        date="2024-03-03",
        site="History Today",
        url="https://example.org/d",
        topics=["History", "Diplomacy"],
    ),
    dict(
        name="e.txt",
        title="Untitled notes",
        text="Random notes about gardening and tomatoes.",
        date=None,
        url=None,
    ),
]


def write_corpus(folder: Path) -> list[Path]:
    paths = []
    for spec in CORPUS:
        spec = dict(spec)
        paths.append(write_page(folder, spec.pop("name"), spec.pop("title"), spec.pop("text"), **spec))
    return paths


def import_all(library: Library, paths: Sequence[Path | str], **kwargs: object) -> list:
    return list(library.import_paths(list(paths), **kwargs))  # type: ignore[arg-type]


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
