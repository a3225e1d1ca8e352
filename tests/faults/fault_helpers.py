"""Helpers shared by the fault tests: small pages, a library holding one user edit, closing app windows.

Imported as ``fault_helpers`` (the folder is on ``sys.path``): a module named ``conftest`` would clash
with the other test folders' conftests when the whole suite runs.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

HERE = Path(__file__).resolve().parent
FAULT_EXTRACTOR = "fault_extract:extract_file"
EDITED_TITLE = "My own title for the harbour article"
EDITED_TOPICS = ["my reading list"]


def page_html(title: str, body: str, *, url: str | None = None, author: str | None = None) -> str:
    metas = [("url", url), ("author", author)]
    head = "".join(f'<meta name="{n}" content="{html.escape(v)}">' for n, v in metas if v)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return f"<html><head><title>{html.escape(title)}</title>{head}</head><body>{paragraphs}</body></html>"


def write_page(folder: Path, name: str, title: str, body: str, **meta: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(page_html(title, body, **meta), encoding="utf-8")
    return path


HARBOUR_URL = "https://tideline.example/harbour-dues"


def write_batch(folder: Path) -> list[Path]:
    """The folder the crash test imports: a new version of the edited article plus five new pages."""
    pages = [
        write_page(
            folder,
            "harbour.html",
            "Harbour dues rise again (updated)",
            "The port authority raised harbour dues again.\n\nA correction was appended.",
            url=HARBOUR_URL,
            author="Ana Baev",
        )
    ]
    for number in range(5):
        pages.append(
            write_page(
                folder,
                f"page-{number}.html",
                f"Tide log number {number}",
                f"Walrus sightings, entry {number}.\n\nThe keeper logged the storm.",
                url=f"https://tideline.example/log/{number}",
            )
        )
    return pages


def make_edited_library(folder: Path, pages: Path, engine: str = "whoosh") -> int:
    """A library holding the harbour article (first version) with the user's edits; returns its id."""
    from reader.library import importer
    from reader.library.facade import Library

    first = write_page(
        pages,
        "harbour-v1.html",
        "Harbour dues rise again",
        "The port authority raised harbour dues.",
        url=HARBOUR_URL,
        author="Ana Baev",
    )
    with Library.open(folder) as library:
        if engine != library.engine:
            library.reindex(engine)
        previous, importer.DEFAULT_EXTRACTOR = importer.DEFAULT_EXTRACTOR, FAULT_EXTRACTOR
        try:
            [result] = list(library.import_paths([first], workers=1))
        finally:
            importer.DEFAULT_EXTRACTOR = previous
        assert result.article_id is not None, result.error
        library.update(result.article_id, title=EDITED_TITLE, topics=EDITED_TOPICS)
        return result.article_id
