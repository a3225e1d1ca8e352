"""The README's picture of reading as research: highlights in the reader, the annotations sidebar, the
bar under a selection, collections and a saved search in the sidebar (used by :mod:`.screenshots`).

On the sample library it makes what the picture shows, the way a reader would have: three highlights in
different colours on one article (one with a comment), a note, a collection holding a few articles and a
saved search.  On a library of the user's own it only opens the article with the most highlights.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from reader.library import Filters

from .headless import wait_until

if TYPE_CHECKING:
    from reader.library import Library

    from .main_window import MainWindow

ARTICLE_QUERY = "auction"  # an English article of the sample corpus with a few good paragraphs
EXAMPLE_COLLECTION = "Harbour economy"
COMMENT = "The hall kept no records of who bid: check the harbour office's ledgers for 2019–2023."
_SENTENCE = re.compile(r"[A-Z][^.!?\n]{40,160}[.!?]")


def stage_reading(window: MainWindow, *, make_examples: bool) -> None:
    article_id = window.runner.locked(lambda library: _article(library, make_examples))
    if article_id is None:
        return
    if make_examples:
        window.runner.locked(lambda library: _make_examples(library, article_id))
    flows = window.research.collections
    flows.tree.expanded_ids.update(c for c in window.runner.locked(_collection_ids))
    flows.reload()
    wait_until(lambda: bool(flows.collections) or not make_examples, what="the collections")
    scope = next((c.id for c in flows.collections.values() if c.name == EXAMPLE_COLLECTION), None)
    _search(window, Filters(collections=[scope] if scope is not None else []))
    window.select_article(article_id)
    wait_until(
        lambda: window.current_id == article_id and bool(window.reader.annotations), what="the highlights"
    )
    reader = window.reader
    meta = reader.document().findBlockByNumber(1)  # the byline under the title
    cursor = QTextCursor(meta)
    reader.verticalScrollBar().setValue(
        reader.cursorRect(cursor).top() + reader.verticalScrollBar().value() - 8
    )
    _select_for_the_bar(window)


def _collection_ids(library: Library) -> list[int]:
    return [c.id for top in library.collections() for c in top.walk()]


def _article(library: Library, make_examples: bool) -> int | None:
    if make_examples:
        found = library.search_ids(ARTICLE_QUERY, None) or library.search_ids("", None)
        return found[0] if found else None
    counted = [
        (len(library.annotations(i)), i) for i in library.search_ids("", Filters(has_annotations=True))
    ]
    return max(counted)[1] if counted else None


def _make_examples(library: Library, article_id: int) -> None:
    """Three highlights (one commented), a note, a collection and a saved search — once."""
    if library.annotations(article_id):
        return
    text = library.get(article_id).text
    sentences = list(_SENTENCE.finditer(text))
    for match, colour, comment in zip(
        sentences[1:6:2], ("yellow", "green", "blue"), (COMMENT, "", ""), strict=False
    ):
        library.annotate(article_id, match.start(), match.end(), colour=colour, comment=comment)
    library.add_note(article_id, "# Follow up\n\nAsk the **auction house** for the tablet's bid logs.")
    collection = library.create_collection(EXAMPLE_COLLECTION)
    library.add_to_collection([*library.search_ids("harbour", None)[:6], article_id], collection.id)
    library.create_collection("Fieldwork 2025", collection.id)
    library.save_search("Fisheries, since 2025", "fish*", Filters(years=[2025, 2026]))


def _search(window: MainWindow, filters: Filters) -> None:
    count = window.search_count
    window.search_bar.set_query("")
    window.facets.set_filters(filters, notify=False)
    window.chip_bar.set_filters(filters)
    window.research.collections.show_scopes()
    window.run_search()
    wait_until(lambda: window.search_count > count, what="the search")


def _select_for_the_bar(window: MainWindow) -> None:
    """A fresh selection of a sentence in sight that no highlight covers, with the highlight bar under it."""
    reader = window.reader
    reader.setFocus()  # the user selecting the passage is in the reader, not in the search field
    text = reader.article.text if reader.article is not None else ""
    taken = [(a.start, a.end) for a in reader.annotations]
    top = reader.verticalScrollBar().value()
    free = [m for m in _SENTENCE.finditer(text) if not any(s < m.end() and m.start() < e for s, e in taken)]
    # a sentence that ends its paragraph first: the bar under it covers no other line's highlight
    for match in sorted(free, key=lambda m: not text.startswith("\n", m.end())):
        span = reader.positions().span(match.start(), match.end())
        if span is None:
            continue
        cursor = QTextCursor(reader.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        area = reader.viewport().rect().adjusted(0, 0, 0, -80)  # room for the bar under it
        if area.contains(reader.cursorRect(cursor).center()):
            reader.setTextCursor(cursor)
            reader.verticalScrollBar().setValue(top)
            reader.selection_finished.emit()
            return
