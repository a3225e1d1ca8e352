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


def test_notes_go_where_zoteros_translators_put_them_and_csl_json_carries_none(
    prio_item: dict[str, Any],
) -> None:
    from reader.cite import export_format, with_notes

    other = {"type": "webpage", "title": "Other page"}
    notes = [["# Reading\nLine two", "50% sure_x"], []]
    ris = with_notes("ris", export_format("ris").render([prio_item, other]), notes)
    first, second = ris.split("ER  - \r\n")[:2]
    assert "N1  - # Reading\r\nLine two\r\nN1  - 50% sure_x\r\n" in first and "N1" not in second
    assert ris.count("ER  - \r\n") == 2
    bib = with_notes("bibtex", export_format("bibtex").render([prio_item, other]), notes)
    assert "\tannote = {\\# Reading\nLine two},\n\tannote = {50\\% sure\\_x}\n}" in bib
    assert bib.count("annote") == 2 and bib.index("annote") < bib.index("@misc{noauthor_other")
    biblatex = with_notes("biblatex", export_format("biblatex").render([prio_item, other]), notes)
    assert "\tannotation = {50\\% sure\\_x}\n}" in biblatex
    csl = export_format("csl-json").render([prio_item, other])
    assert with_notes("csl-json", csl, notes) == csl
