"""Synthetic pages and imports for the library tests (importable as ``library_helpers``).

A module named ``conftest`` cannot be imported by name reliably: another folder's conftest may own it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from reader.library.facade import Library


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
