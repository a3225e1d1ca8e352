"""Notes written from highlights ("Create Note from Annotations", ``offprint notes export``), in Markdown.

As Zotero's "Add Note from Annotations" writes them: each highlighted passage in quotation marks with its
in-text citation in the current style, then the comment; after the passages, the bibliography entry of
every article quoted (one bibliography, so the style disambiguates 2026a and 2026b).  ``reader.cite`` does
not know the library (they are siblings): callers pass each article's CSL-JSON item with its highlights
and notes, any objects with the attributes of :class:`Passage` and :class:`WrittenNote`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from reader.cite.export_tex import escape_latex
from reader.cite.facade import Citer
from reader.errors import CitationError

NOTE_FORMATS = ("markdown",)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


class Passage(Protocol):
    """A highlight as a note needs it (``reader.library.Annotation`` is one)."""

    @property
    def quote(self) -> str: ...

    @property
    def comment(self) -> str: ...

    @property
    def anchored(self) -> bool: ...


class WrittenNote(Protocol):
    """A user's Markdown note (``reader.library.Note`` is one)."""

    @property
    def text(self) -> str: ...


@dataclass
class Annotated:
    """One article for a note: its CSL-JSON item, its highlights in reading order, its own notes."""

    item: dict[str, Any]
    passages: Sequence[Passage] = ()
    notes: Sequence[WrittenNote] = field(default_factory=list)


def note_from_annotations(
    articles: Sequence[Annotated], citer: Citer, style: str, *, with_notes: bool = False, heading: bool = True
) -> str:
    """A Markdown note quoting every highlight of ``articles`` with its citation and comment, then the
    bibliography in ``style``.  ``with_notes``: each article's own notes too (``offprint notes export``);
    ``heading``: each article under its title."""
    quoted = [article for article in articles if article.passages or (with_notes and article.notes)]
    if not quoted:
        return ""
    blocks: list[str] = []
    for article in quoted:
        if heading:
            blocks.append(f"## {_escaped(str(article.item.get('title') or 'Untitled'))}")
        if with_notes:
            blocks += [note.text.strip() for note in article.notes if note.text.strip()]
        cite = citer.citation([article.item], style, "text") if article.passages else ""
        blocks += [_passage(passage, cite) for passage in article.passages]
    entries = citer.bibliography([article.item for article in quoted], style, "text")
    blocks.append("## References")
    blocks += [_escaped(entry) for entry in entries]
    return "\n\n".join(blocks) + "\n"


def _passage(passage: Passage, cite: str) -> str:
    quote = " ".join(passage.quote.split())
    line = f"> “{_escaped(quote)}” {_escaped(cite)}".rstrip()
    if not passage.anchored:
        line += " *(no longer found in the article's text)*"
    comment = passage.comment.strip()
    return f"{line}\n\n{comment}" if comment else line


def _escaped(text: str) -> str:
    """Plain text that Markdown shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


# -- notes in exports --------------------------------------------------------------------------------------

#: The field each export format carries a note in, as Zotero's translators write them with "Export Notes"
#: (on by default): RIS ``N1`` (RIS.js), BibTeX ``annote`` (BibTeX.js), BibLaTeX ``annotation``
#: (BibLaTeX.js), one per note.  CSL-JSON carries no notes (Zotero's CSL JSON export writes none), and no
#: format carries collections (Zotero writes them only in Zotero RDF).
NOTE_FIELDS = {"ris": "N1", "bibtex": "annote", "biblatex": "annotation"}
_ENTRY_START = re.compile(r"(?m)^@")


def with_notes(name: str, rendered: str, notes: Sequence[Sequence[str]]) -> str:
    """An export in format ``name`` (rendered from items in order) with each item's notes (``notes[i]``:
    the Markdown texts of item i's notes) added where Zotero's translators put them."""
    if name not in NOTE_FIELDS or not any(notes):
        return rendered
    if name == "ris":
        return _ris_with_notes(rendered, notes)
    return _tex_with_notes(rendered, notes, NOTE_FIELDS[name])


def _ris_with_notes(rendered: str, notes: Sequence[Sequence[str]]) -> str:
    end = "ER  - \r\n"
    records = rendered.split(end)
    if len(records) != len(notes) + 1:
        raise CitationError("cannot add notes to this RIS export: its records do not match the articles")
    out = []
    for record, texts in zip(records, notes, strict=False):
        lines = "".join(f"N1  - {_crlf(text.strip())}\r\n" for text in texts if text.strip())
        out.append(record + lines + end)
    return "".join(out) + records[-1]


def _tex_with_notes(rendered: str, notes: Sequence[Sequence[str]], field_name: str) -> str:
    starts = [m.start() for m in _ENTRY_START.finditer(rendered)]
    if len(starts) != len(notes):
        raise CitationError("cannot add notes to this export: its entries do not match the articles")
    entries = [rendered[a:b] for a, b in zip(starts, [*starts[1:], len(rendered)], strict=True)]
    out = []
    for entry, texts in zip(entries, notes, strict=True):
        closing = entry.rindex("\n}")
        fields = "".join(
            f",\n\t{field_name} = {{{escape_latex(text.strip())}}}" for text in texts if text.strip()
        )
        out.append(entry[:closing] + fields + entry[closing:])
    return rendered[: starts[0] if starts else 0] + "".join(out)


def _crlf(text: str) -> str:
    return re.sub(r"\r\n?|\n", "\r\n", text)
