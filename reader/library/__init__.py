"""The library: the SQLite store (truth), the derived full-text index, the importer, search and facets.

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
from reader.library.check import CheckReport
from reader.library.facade import IfLocked, Library
from reader.library.index.base import DEFAULT_ENGINE, ENGINES, WHOOSH_COMFORT_LIMIT
from reader.library.paths import resolve_library_folder, styles_folder_for
from reader.library.types import (
    ACCESSED_SOURCES,
    EDITABLE_FIELDS,
    FACETS,
    ITEM_TYPE_LABELS,
    LIST_FIELDS,
    BulkEdit,
    Filters,
    ImportProgress,
    ImportResult,
    ImportStatus,
    Match,
    SearchHit,
    SearchResult,
    SortOrder,
    StoredArticle,
    source_of,
)

__all__ = [
    "ACCESSED_SOURCES",
    "DEFAULT_ENGINE",
    "EDITABLE_FIELDS",
    "ENGINES",
    "FACETS",
    "ITEM_TYPE_LABELS",
    "LIST_FIELDS",
    "WHOOSH_COMFORT_LIMIT",
    "ArticleNotFoundError",
    "BulkEdit",
    "CheckReport",
    "CorruptLibraryError",
    "Filters",
    "IfLocked",
    "ImportProgress",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryLockedError",
    "Match",
    "QueryError",
    "ReadOnlyLibraryError",
    "SearchHit",
    "SearchIndexError",
    "SearchResult",
    "SortOrder",
    "StorageError",
    "StoredArticle",
    "resolve_library_folder",
    "source_of",
    "styles_folder_for",
]
