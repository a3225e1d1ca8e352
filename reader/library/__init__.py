"""The library: the SQLite store (truth), the derived full-text index, the importer, search and facets.

:data:`ATTENTION_REASONS` (ingest's table of why an article needs attention) is re-exported with
:meth:`Library.needs_attention`, which filters by its codes.

This module is the package's one public face: the app and the commands import from here only (an
import-linter contract checks it).  :class:`Library` is the facade over the parts; the types it takes
and returns are plain data from :mod:`.types`; the errors are :mod:`reader.errors`' storage and query
branches, re-exported so a caller finds everything it may catch in one place.
"""

from reader.errors import (
    ArticleNotFoundError,
    CorruptLibraryError,
    LibraryLockedError,
    QueryError,
    ReadOnlyLibraryError,
    SearchIndexError,
    StorageError,
)
from reader.ingest import ATTENTION_REASONS
from reader.library.check import CheckReport
from reader.library.facade import IfLocked, Library
from reader.library.index.base import DEFAULT_ENGINE, ENGINES, WHOOSH_COMFORT_LIMIT
from reader.library.paths import resolve_library_folder, styles_folder_for
from reader.library.types import (
    ACCESSED_SOURCES,
    ADDED_WINDOWS,
    COLOURS,
    EDITABLE_FIELDS,
    FACETS,
    ITEM_TYPES,
    LIST_FIELDS,
    Anchoring,
    Annotation,
    BulkEdit,
    Collection,
    CollectionRecord,
    DuplicateSet,
    EditSnapshot,
    Filters,
    ImportProgress,
    ImportResult,
    ImportStatus,
    Match,
    Merge,
    Note,
    SavedSearch,
    SearchHit,
    SearchResult,
    SortOrder,
    StoredArticle,
    TrashedArticle,
    no_match_message,
    source_of,
)

__all__ = [
    "ACCESSED_SOURCES",
    "ADDED_WINDOWS",
    "ATTENTION_REASONS",
    "COLOURS",
    "DEFAULT_ENGINE",
    "EDITABLE_FIELDS",
    "ENGINES",
    "FACETS",
    "ITEM_TYPES",
    "LIST_FIELDS",
    "WHOOSH_COMFORT_LIMIT",
    "Anchoring",
    "Annotation",
    "ArticleNotFoundError",
    "BulkEdit",
    "CheckReport",
    "Collection",
    "CollectionRecord",
    "CorruptLibraryError",
    "DuplicateSet",
    "EditSnapshot",
    "Filters",
    "IfLocked",
    "ImportProgress",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryLockedError",
    "Match",
    "Merge",
    "Note",
    "QueryError",
    "ReadOnlyLibraryError",
    "SavedSearch",
    "SearchHit",
    "SearchIndexError",
    "SearchResult",
    "SortOrder",
    "StorageError",
    "StoredArticle",
    "TrashedArticle",
    "no_match_message",
    "resolve_library_folder",
    "source_of",
    "styles_folder_for",
]
