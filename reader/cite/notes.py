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

from reader.cite.facade import Citer

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
