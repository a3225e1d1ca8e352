"""Plain data exchanged across the library facade (no I/O, no Qt).

These types are the contract between ``reader.library`` and its callers
(``reader.cli``, ``reader.cite``, ``reader.ui``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any, get_origin, get_type_hints

FACETS = ("series", "topics", "authors", "sites", "years")
#: The Date Added windows (``Filters.added``; the keys of the ``"added"`` counts ``Library.facets`` gives):
#: the articles the last import added, and those added since local midnight, since Monday, since the 1st.
ADDED_WINDOWS = ("last-import", "today", "week", "month")


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"  # same canonical URL as a stored article: updated in place, edits kept
    KEPT = "kept"  # same canonical URL, but the new file yields less: the earlier version is kept
    DUPLICATE = "duplicate"  # same content hash as a stored article: skipped
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    article_id: int | None = None
    title: str | None = None
    error: str | None = None  # set when status is FAILED: names the file and the problem
    # what the user should know about a file that did not fail: "kept the earlier version: …",
    # "no text found: …", "restored from the trash", "looks like a duplicate of …"
    note: str | None = None


@dataclass(frozen=True)
class ImportProgress:
    """Progress of a running import, sent after every file."""

    done: int
    total: int
    current: str
    rate: float  # files per second so far
    eta_seconds: float | None


@dataclass
class Filters:
    """Facet filters: values within one facet combine with OR, facets with AND."""

    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    added: str | None = None  # one of ADDED_WINDOWS: when the article was added to the library
    # The start of that window, Unix seconds, inclusive: what the engines read (the library fills it in
    # from ``added`` at each search, so "today" is always today).
    added_since: int | None = None
    # The user's own groupings: articles in any of these collections (ids; an article in a subcollection is
    # not in its parent, as in Zotero), only articles with highlights or notes, and a saved search's query
    # and filters ANDed with these (its id).  The library turns them into query clauses before the engines.
    collections: list[int] = field(default_factory=list)
    has_annotations: bool = False
    saved_search: int | None = None

    def without(self, facet: str) -> Filters:
        """These filters with the values of one facet (a name in ``FACETS``) cleared."""
        cleared: dict[str, Any] = {facet: []}
        return replace(self, **cleared)

    def is_empty(self) -> bool:
        return not (
            self.series
            or self.topics
            or self.authors
            or self.sites
            or self.years
            or self.date_from
            or self.date_to
            or self.added
            or self.added_since is not None
            or self.collections
            or self.has_annotations
            or self.saved_search is not None
        )


class SortOrder(StrEnum):
    """The orders of a result list; ``reverse=True`` (``Library.search``) turns each around, with the
    articles that have no value for it still last."""

    RELEVANCE = "relevance"  # best match first
    DATE = "date"  # newest first
    TITLE = "title"
    AUTHOR = "author"  # by the first author's surname
    SITE = "site"
    SERIES = "series"  # by the first series, then oldest first within it
    ADDED = "added"  # the last added to the library first


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    authors: list[str]
    date: str | None
    site: str | None
    series: list[str]
    topics: list[str]
    score: float
    snippet: str  # HTML: escaped text with matched words in <b>…</b>
    imported_at: str = ""  # when it was added to the library: ISO 8601, UTC
    organizations: list[str] = field(default_factory=list)  # authors that are not persons


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]  # facet name (see FACETS) → value → count
    # When nothing matched: the query's words (or phrases) that no article contains, as written.
    unmatched: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "authors": h.authors,
                    "date": h.date,
                    "site": h.site,
                    "series": h.series,
                    "topics": h.topics,
                    "score": h.score,
                    "snippet": h.snippet,
                }
                for h in self.hits
            ],
            "facets": self.facets,
            "unmatched": self.unmatched,
        }


def no_match_message(query: str, unmatched: Sequence[str]) -> str:
    """What the app and the CLI say when ``query`` finds nothing, naming the words no article has.

    ``No articles match “harbour xyzzy”: “xyzzy” is in no article.``
    """
    shown = f"No articles match “{query}”" if query.strip() else "No articles match"
    if not unmatched:
        return shown + "."
    words = [f"“{word}”" for word in unmatched]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{shown}: {listed} {'is' if len(words) == 1 else 'are'} in no article."


@dataclass(frozen=True)
class Match:
    """One hit inside one article's text: character offsets into ``StoredArticle.text``."""

    start: int
    end: int


# Marks on the citation fields of StoredArticle: found by ingest ("extracted") and/or set by the user.
_CITATION = {"extracted": True, "editable": True}
_EXTRACTED_ONLY = {"extracted": True}
_EDITABLE_ONLY = {"editable": True}


@dataclass
class StoredArticle:
    """One article as the store holds it: extracted metadata with user edits applied.

    ``edited`` names the fields whose value comes from a user edit; ``extracted``
    keeps the values ingest found, so the app can show both.  The citation fields carry
    marks (``field(metadata=...)``); :data:`EXTRACTED_FIELDS`, :data:`EDITABLE_FIELDS` and
    :data:`LIST_FIELDS` are read from the class, so a field is declared once, here.
    """

    id: int
    content_hash: str
    source_path: str
    imported_at: str  # ISO 8601, UTC
    title: str = field(metadata=_CITATION)
    authors: list[str] = field(metadata=_CITATION)
    organizations: list[str] = field(metadata=_CITATION)
    date: str | None = field(metadata=_CITATION)
    site: str | None = field(metadata=_CITATION)
    url: str | None = field(metadata=_CITATION)
    language: str | None = field(metadata=_CITATION)
    excerpt: str | None = field(metadata=_EXTRACTED_ONLY)
    series: list[str] = field(metadata=_CITATION)
    topics: list[str] = field(metadata=_CITATION)
    # YYYY-MM-DD: when the page was saved (its saver's note, the MHTML Date:, the file's time), else the
    # import day; provenance["accessed"] says which.
    accessed: str | None = field(metadata=_CITATION)
    text: str
    html: str
    repairs: list[dict[str, Any]]
    provenance: dict[str, str]
    edited: set[str] = field(default_factory=set)
    extracted: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)  # reference in html → media type
    # Per field, the claims ingest weighed to decide it (the date's, chosen and set aside), as ingest's
    # ``Article.evidence``.
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    # Why the article needs the user's eye: codes of ``reader.ingest.ATTENTION_REASONS`` ("no-text",
    # "suspected-spam", "lost-link-text"…); empty when nothing does.
    attention: list[str] = field(default_factory=list)
    # A key of ITEM_TYPES (None: not known); last, with a default, so articles built by hand need not name it.
    item_type: str | None = field(default=None, metadata=_CITATION)
    trashed_at: str | None = None  # ISO 8601, UTC, while the article is in the trash


#: The item types an article can have (CSL and Zotero's names) → what the app calls them.
ITEM_TYPES = {
    "post-weblog": "Blog post",
    "article-newspaper": "News article",
    "article-magazine": "Magazine article",
    "webpage": "Web page",
    "report": "Report",
}


#: Where an access date came from (``provenance["accessed"]``), as the app and ``offprint show`` say it.
ACCESSED_SOURCES: Mapping[str, str] = {
    "mhtml:Date": "the MHTML archive's Date header",
    "singlefile": "SingleFile's saved date",
    "savepage-we": "Save Page WE's saved date",
    "webscrapbook": "WebScrapBook's capture time",
    "httrack": "HTTrack's mirror date",
    "monolith": "monolith's saved date",
    "wayback": "the day the Wayback Machine served it",
    "saver-note": "a saver's note in the page",
    "file-mtime": "the file's modification time",
    "import-date": "the import day",
}


def source_of(article: StoredArticle, name: str) -> str:
    """Where the value of field ``name`` came from, in words: "your edit", "the file's modification
    time", "json-ld:NewsArticle"…, or "" when nothing is recorded."""
    if name in article.edited:
        return "your edit"
    recorded = article.provenance.get(name, "")
    if name == "accessed":
        return ACCESSED_SOURCES.get(recorded, recorded)
    return recorded


#: The fields ingest extracts and the store keeps as found (``StoredArticle.extracted``), in order.
EXTRACTED_FIELDS = tuple(f.name for f in fields(StoredArticle) if f.metadata.get("extracted"))
#: The fields a user may edit (``Library.update``, ``offprint edit``, the metadata editor), in order.
EDITABLE_FIELDS = tuple(f.name for f in fields(StoredArticle) if f.metadata.get("editable"))
#: The citation fields that hold a list of values (authors, series…); the others hold one value or None.
LIST_FIELDS = frozenset(
    name
    for name, hint in get_type_hints(StoredArticle).items()
    if name in EXTRACTED_FIELDS + EDITABLE_FIELDS and get_origin(hint) is list
)


@dataclass(frozen=True)
class BulkEdit:
    """One change made to each of several articles (the app's bulk edit; :meth:`Library.update_many`).

    ``add`` and ``remove`` name list fields (:data:`LIST_FIELDS`) and the values to add to or remove
    from each article's list: values match without regard to case, a value already there is not added
    twice, and the order of the others is kept.  ``assign`` sets editable fields outright.
    """

    add: Mapping[str, Sequence[str]] = field(default_factory=dict)
    remove: Mapping[str, Sequence[str]] = field(default_factory=dict)
    assign: Mapping[str, Any] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """What is wrong with this edit (unknown fields, a list change to a one-value field), if anything."""
        found = [
            f"{name} is not an editable field that holds a list"
            for name in dict.fromkeys((*self.add, *self.remove))
            if name not in LIST_FIELDS or name not in EDITABLE_FIELDS
        ]
        found += [f"{name} is not an editable field" for name in self.assign if name not in EDITABLE_FIELDS]
        return found

    def changes_for(self, current: Mapping[str, Any]) -> dict[str, Any]:
        """The new values of the fields this edit changes for an article whose values are ``current``."""
        changes: dict[str, Any] = dict(self.assign)
        for name in dict.fromkeys((*self.add, *self.remove)):
            if name in changes:
                continue  # assigned outright
            before = _values(current.get(name))
            dropped = {v.casefold() for v in _values(self.remove.get(name))}
            after = [v for v in before if v.casefold() not in dropped]
            present = {v.casefold() for v in after}
            for value in _values(self.add.get(name)):
                if value.casefold() not in present:
                    after.append(value)
                    present.add(value.casefold())
            if after != before:
                changes[name] = after
        return changes


def _values(value: str | Sequence[str] | None) -> list[str]:
    """A list field's values; one string is one value (not a sequence of characters)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


@dataclass(frozen=True)
class EditSnapshot:
    """The user's own values of some fields of one article at one moment: what undo and redo put back.

    A field of ``fields`` missing from ``edits`` had no user edit then (the extracted value was in effect).
    """

    article_id: int
    fields: tuple[str, ...]
    edits: Mapping[str, Any]


@dataclass(frozen=True)
class TrashedArticle:
    """One article in the trash."""

    id: int
    title: str
    trashed_at: str  # ISO 8601, UTC
    merged_into: int | None = None  # the article a duplicate merge kept in its place


@dataclass(frozen=True)
class DuplicateSet:
    """Articles that are one story: the same canonical URL, or the same text under other URLs."""

    ids: tuple[int, ...]  # the article that was imported first comes first
    reason: str  # "the same URL", "the same text (94 % alike)"
    similarity: float  # the lowest estimated likeness of a pair in the set (1.0 for the same URL)


@dataclass(frozen=True)
class Merge:
    """A merge of duplicates, as done: what :meth:`Library.unmerge` needs to undo it."""

    keep: int
    merged: tuple[int, ...]
    before: EditSnapshot  # the kept article's own values before the merge
    after: EditSnapshot  # … and after it (the chosen values)
    moved: tuple[tuple[str, int], ...]  # (content hash, the merged article it came from): now the kept one's
    joined: tuple[int, ...] = ()  # the collections the kept article joined because a merged one was in them


#: The highlight colours (Zotero's palette and names), the first the default.
COLOURS = ("yellow", "red", "green", "blue", "purple")


class Anchoring(StrEnum):
    """How a highlight sits on its article's text now."""

    EXACT = "exact"  # its quote, at its place (found again exactly after the text changed, too)
    FUZZY = "fuzzy"  # placed on a passage close to its quote after the text changed: worth a look
    ORPHANED = "orphaned"  # its passage is no longer in the text: kept, listed, shown apart, never dropped


@dataclass(frozen=True)
class Annotation:
    """A highlight on an article's text, with the user's colour, comment and tags.

    Where it is, as the W3C Web Annotation model says it: a TextQuoteSelector (``exact``, the text as it
    was highlighted, with up to 32 characters of ``prefix`` and ``suffix`` around it) and a
    TextPositionSelector (``start``, ``end``: character offsets into ``StoredArticle.text``).  When the
    text changes (a newer save, a better extraction) the library places it again and records how
    (``anchoring``); ``quote`` is the text it covers now.  An orphaned highlight keeps its last place as
    a hint and its quote as highlighted.
    """

    id: int
    article_id: int
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    quote: str
    colour: str = COLOURS[0]
    comment: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""  # ISO 8601, UTC
    modified: str = ""
    anchoring: Anchoring = Anchoring.EXACT

    @property
    def anchored(self) -> bool:
        """Whether it is on the text now (``start``/``end`` are where); False when orphaned."""
        return self.anchoring is not Anchoring.ORPHANED

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "quote": self.quote,
            "comment": self.comment,
            "colour": self.colour,
            "tags": list(self.tags),
            "anchored": self.anchored,
            "anchoring": self.anchoring.value,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "created": self.created,
            "modified": self.modified,
        }


@dataclass(frozen=True)
class Note:
    """A Markdown note of the user's, on one article (or on none: ``article_id`` None)."""

    id: int
    article_id: int | None
    text: str  # Markdown
    created: str = ""  # ISO 8601, UTC
    modified: str = ""

    @property
    def title(self) -> str:
        """Its first line without Markdown's heading marks (what a list of notes shows)."""
        first = next((line for line in self.text.splitlines() if line.strip()), "")
        return first.lstrip("#").strip()


@dataclass(frozen=True)
class Collection:
    """A user's collection (nested: ``parent`` is the one it is inside, None at the top).

    ``count`` is how many articles of the library (not the trash) are in it directly; ``children`` the
    collections inside it, by name (:meth:`Library.collections` gives the tree).
    """

    id: int
    name: str
    parent: int | None = None
    count: int = 0
    children: tuple[Collection, ...] = ()

    def walk(self) -> Iterator[Collection]:
        """This collection, then every one inside it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class CollectionRecord:
    """A deleted collection with everything inside it: what :meth:`Library.restore_collection` puts back."""

    collections: tuple[tuple[int, str, int | None, str], ...]  # (id, name, parent, created), parents first
    members: tuple[tuple[int, int, str], ...]  # (collection id, article id, added)


@dataclass(frozen=True)
class SavedSearch:
    """A saved search: a query and filters with a name, live (its articles are whatever match now)."""

    id: int
    name: str
    query: str
    filters: Filters = field(default_factory=Filters)
    created: str = ""
    modified: str = ""
