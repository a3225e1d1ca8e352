"""The article record that ingest produces and every other layer consumes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RepairEntry:
    """One kind of repair made to a document (or, when ``flagged``, a damage left as is).

    ``examples`` holds a few ``(before, after)`` pairs, short excerpts around the change, taken from the
    article's own text where it has them.  ``marks`` (flagged damage only) are the damaged strings as they
    stand in the article's text ("糖心网页版", "“”"), for the reader to mark wherever they occur.
    """

    kind: str
    count: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)
    flagged: bool = False
    marks: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "count": self.count,
            "examples": [list(pair) for pair in self.examples],
            "flagged": self.flagged,
        }
        if self.marks:
            data["marks"] = list(self.marks)
        return data


@dataclass
class Resource:
    """A file the page itself saved beside it (an image from ``_files/`` or an MHTML part)."""

    name: str  # the relative reference the reader HTML uses
    media_type: str
    data: bytes


@dataclass
class Article:
    """Everything ingest learned about one saved page.

    ``authors`` are persons only; organisations and wire agencies credited as
    authors go to ``organizations``.  ``date`` is ``YYYY-MM-DD`` (or ``YYYY-MM``
    / ``YYYY`` when that is all the page says).  ``provenance`` maps a field name
    to the source that gave it (``json-ld``, ``meta:citation_author``,
    ``og:site_name``, ``byline-text``, ...).  ``item_type`` is decided from evidence on the page
    (``json-ld:NewsArticle``, ``generator:WordPress 6.6.2``…) and ``accessed`` from the saver's note,
    the MHTML ``Date:`` header or the file's modification time (``singlefile``, ``mhtml:Date``,
    ``file-mtime``…), each with its source in ``provenance``.
    """

    path: str
    item_type: str | None = None  # CSL's name: post-weblog, article-newspaper, webpage…; None: not known
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    excerpt: str | None = None
    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    accessed: str | None = None  # YYYY-MM-DD: the day the page was saved, when the page or file tells
    text: str = ""
    html: str = ""
    repairs: list[RepairEntry] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)
    # Per field, the claims weighed to decide it: ``{"date": [{"date", "source", "raw", "form",
    # "verdict", "reason"}, …]}``, the chosen claim first.
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    encoding: str | None = None
    content_hash: str = ""
    kind: str = "html"  # html | xhtml | mhtml | text
    resources: list[Resource] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``offprint extract --json`` (without the original bytes)."""
        data = asdict(self)
        data["repairs"] = [entry.to_json() for entry in self.repairs]
        data["resources"] = [
            {"name": r.name, "media_type": r.media_type, "size": len(r.data)} for r in self.resources
        ]
        data["error"] = None
        return data
