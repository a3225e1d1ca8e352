"""Notes written from highlights: each quote with its in-text citation and comment, then the bibliography."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.cite import Annotated, note_from_annotations
from reader.cite.facade import Citer


@dataclass
class _Highlight:
    quote: str
    comment: str = ""
    anchored: bool = True


@dataclass
class _Note:
    text: str


def test_each_quote_carries_its_citation_and_comment_and_the_bibliography_follows(
    citer: Citer, prio_item: dict[str, Any]
) -> None:
    article = Annotated(
        prio_item,
        [_Highlight("no-deal looms\n over Ukraine", "the title's pun"), _Highlight("peace talks")],
    )
    note = note_from_annotations([article], citer, "apa")
    assert "> “no-deal looms over Ukraine” (Baev, 2026)\n\nthe title's pun" in note
    assert "> “peace talks” (Baev, 2026)" in note
    references = note.split("## References", 1)[1]
    assert references.strip() == (
        "Baev, P. K. (2026, June 22). Shadow of Anchorage no-deal looms over Ukraine peace no-talks. "
        "PRIO Blogs. https://www.prio.org/comments/XXXX"
    )
    assert note.index("## Shadow of Anchorage") < note.index("> “no-deal")


def test_a_note_export_carries_the_articles_own_notes_and_marks_an_orphaned_quote(
    citer: Citer, prio_item: dict[str, Any]
) -> None:
    article = Annotated(
        prio_item,
        [_Highlight("a passage since cut", anchored=False)],
        [_Note("# My reading\n\nCheck *this*.")],
    )
    note = note_from_annotations([article], citer, "chicago-author-date", with_notes=True)
    assert "# My reading\n\nCheck *this*." in note
    assert "“a passage since cut” (Baev 2026) *(no longer found in the article's text)*" in note


def test_nothing_to_quote_is_an_empty_note(citer: Citer, prio_item: dict[str, Any]) -> None:
    assert note_from_annotations([Annotated(prio_item)], citer, "apa") == ""
