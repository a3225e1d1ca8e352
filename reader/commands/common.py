"""What the library commands share: the one ``--library`` option and opening the library it names.

``--library DIR`` is accepted before the command (``offprint --library DIR search …``) and after it
(``offprint search --library DIR …``); both set ``args.library``.  The copy each command adds has no
default of its own (``SUPPRESS``), so it never overwrites a value given before the command.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library import Library

LIBRARY_HELP = "the library folder (default: $OFFPRINT_LIBRARY, else your user data folder)"


def library_parent(*, default: Any = argparse.SUPPRESS) -> argparse.ArgumentParser:
    """A parent parser holding ``--library DIR``: ``parents=[library_parent()]`` in a command's parser.

    The top-level parser takes ``default=None``, so ``args.library`` is always set.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--library", metavar="DIR", default=default, help=LIBRARY_HELP)
    return parent


def open_library(folder: str | None, *, write: bool) -> Library:
    """Open the library for a command and print its notices on stderr.

    A command that only reads opens the library read-only (saying so) when another process holds it
    for writing; a command that writes gets :class:`~reader.errors.LibraryLockedError`, whose message
    tells the user what to do.
    """
    from reader.library import Library  # lazily: `offprint extract` and `cite --csl-json` need no library

    library = Library.open(folder, if_locked="raise" if write else "read-only")
    for notice in library.notices:
        print(f"offprint: note: {notice}", file=sys.stderr)
    return library
