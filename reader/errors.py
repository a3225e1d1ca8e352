"""The one error tree of Offprint.

Every error a user can see derives from :class:`OffprintError` and carries a
message they can act on (it names the file, the article or the query and the
problem).  Leaves also subclass the matching builtin so callers that only know
``ValueError`` or ``OSError`` still catch them.
"""

from __future__ import annotations

import logging
import os


class OffprintError(Exception):
    """Root of every error Offprint raises on purpose."""


class IngestError(OffprintError):
    """A file could not be read or turned into an article."""


class UnsupportedFileError(IngestError, ValueError):
    """The file is not a kind of saved page Offprint reads."""


class StorageError(OffprintError):
    """The library store could not be opened, read or written."""


class LibraryLockedError(StorageError):
    """Another process holds the library for writing (``pid`` names it when known)."""

    def __init__(self, message: str, *, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


class ReadOnlyLibraryError(StorageError, PermissionError):
    """A write was asked of a library opened read-only."""


class CorruptLibraryError(StorageError):
    """The store's database is damaged; it is never overwritten."""


class ArticleNotFoundError(StorageError, KeyError):
    """No article has that id."""

    def __str__(self) -> str:  # KeyError quotes its argument; we want the message as is
        return str(self.args[0]) if self.args else "article not found"


class SearchIndexError(OffprintError):
    """The full-text index failed; it can always be rebuilt from the store."""


class QueryError(OffprintError, ValueError):
    """A search query could not be understood; the message says where and why."""


class CitationError(OffprintError):
    """A citation could not be formatted (unknown style, engine failure)."""


class UnknownStyleError(CitationError, LookupError):
    """No installed CSL style has that id or alias."""


# --- Deliberately swallowed failures --------------------------------------------------------------------

#: Set to "1" (the test suite does) to turn every deliberately swallowed exception back into a failure.
STRICT_ENV = "OFFPRINT_STRICT"


def swallowed(logger: logging.Logger, what: str) -> None:
    """Record, inside an ``except`` block, an exception Offprint carries on after.

    Use it where one odd input may cost one thing (a field, a signal, an image) but must not stop the
    rest: the exception is logged at debug with its traceback, and the caller goes on.  With
    ``OFFPRINT_STRICT=1`` (the test suite's setting) it is re-raised instead, so a bug that a catch-all
    would hide fails the test that meets it.  Expected, specific failures (``json.JSONDecodeError`` on a
    page's broken JSON-LD) are handled where they happen and need not come here.
    """
    logger.debug("%s", what, exc_info=True)
    if os.environ.get(STRICT_ENV) == "1":
        raise  # called from an except block: re-raises the exception being handled
