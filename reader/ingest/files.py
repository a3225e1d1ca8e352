"""The kinds of saved page Offprint reads, and the one walk that finds them in folders.

Owns :data:`PAGE_KINDS` (file suffix → page kind), from which every list of accepted suffixes derives
(import, ``offprint extract``, the app's file dialog), and :func:`find_pages`, the walk that import and
``offprint extract`` share.  Its rules are the product's:

* a folder is walked in name order, its sub-folders too, for files with a page suffix (any case);
  hidden files (``.name.html``) are skipped;
* ``NAME_files/`` beside a page ``NAME.html`` ("Save page as… complete") holds that page's images and
  scripts, not pages: it is not walked (a ``_files`` folder that no page owns is);
* each file is found once, however many arguments or links lead to it, and a folder linked into
  itself is walked once;
* a path that cannot be a page (missing, a pipe, another kind of file, an unreadable folder) is
  reported, with a message naming it and the problem, and the walk goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FILE_DIALOG_PATTERNS", "PAGE_KINDS", "PAGE_SUFFIXES", "FoundPage", "find_pages", "page_kind"]

#: Suffix (lower case) → the kind of page a file with it holds: html | xhtml | mhtml | text.
PAGE_KINDS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "xhtml",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".txt": "text",
}
PAGE_SUFFIXES: tuple[str, ...] = tuple(PAGE_KINDS)
#: The name patterns a file dialog offers for saved pages ("*.html *.htm …").
FILE_DIALOG_PATTERNS: str = " ".join(f"*{suffix}" for suffix in PAGE_SUFFIXES)
SAVED_FILES_SUFFIX = "_files"  # "Save page as… complete" keeps NAME.html's resources in NAME_files/


def page_kind(path: str | os.PathLike[str]) -> str | None:
    """The page kind a file name announces, or None when Offprint does not read that kind."""
    return PAGE_KINDS.get(Path(path).suffix.lower())


@dataclass(frozen=True)
class FoundPage:
    """A page the walk found, or (``problem`` set) a path it could not take, with the message to show."""

    path: Path
    problem: str | None = None


def find_pages(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FoundPage]:
    """Every page under ``paths`` (files as given, folders walked), in order, and each problem met.

    Paths are used as given (relative ones stay relative): the caller decides how they are shown.
    """
    walk = _Walk()
    for raw in paths:
        yield from walk.argument(Path(raw))


class _Walk:
    """One walk over several arguments: the files and folders seen so far, by device and inode."""

    def __init__(self) -> None:
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_dirs: set[tuple[int, int]] = set()

    def argument(self, path: Path) -> Iterator[FoundPage]:
        if path.is_dir():
            yield from self.folder(path)
        elif path.exists() and _not_a_file(path):
            yield FoundPage(path, f"{_printable(path)}: {_not_a_file(path)}")
        elif path.is_file():
            if page_kind(path) is None:
                accepted = ", ".join(sorted(PAGE_SUFFIXES))
                yield FoundPage(path, f"{_printable(path)}: not a saved page Offprint reads ({accepted})")
            else:
                yield from self.file(path)
        else:
            yield FoundPage(path, f"{_printable(path)}: no such file or folder")

    def folder(self, top: Path) -> Iterator[FoundPage]:
        try:
            info = top.stat()
        except OSError as exc:
            yield FoundPage(top, f"{_printable(top)}: cannot read this folder ({exc.strerror})")
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:
            return  # a symlink loop, or the same folder named twice
        self.seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name)
        except OSError as exc:
            yield FoundPage(top, f"{_printable(top)}: cannot read this folder ({exc.strerror})")
            return
        pages = {Path(e.name).stem for e in entries if page_kind(e.name) is not None}
        for entry in entries:
            path = Path(entry.path)
            if _is_dir(entry):
                if not _saved_page_files(entry.name, pages):
                    yield from self.folder(path)
            elif page_kind(entry.name) is not None and not entry.name.startswith("."):
                problem = _not_a_file(path)
                if problem:
                    yield FoundPage(path, f"{_printable(path)}: {problem}")
                else:
                    yield from self.file(path)

    def file(self, path: Path) -> Iterator[FoundPage]:
        try:
            info = path.stat()
        except OSError:
            yield FoundPage(path)  # reading it will report the problem
            return
        key = (info.st_dev, info.st_ino)
        if key not in self.seen_files:
            self.seen_files.add(key)
            yield FoundPage(path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # e.g. a link to itself: taken for a file, so it is reported, not skipped
        return False


def _saved_page_files(name: str, pages: set[str]) -> bool:
    """Whether a folder is the ``NAME_files`` of a page ``NAME.html`` beside it (its images and scripts)."""
    return name.endswith(SAVED_FILES_SUFFIX) and name[: -len(SAVED_FILES_SUFFIX)] in pages


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (a FIFO would block a reader forever), or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "a link to a file that does not exist"
    except OSError as exc:
        return f"cannot read it ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device); skipped"
    return None


def _printable(path: Path) -> str:
    """A path as text that can always be printed (undecodable bytes of a file name become U+FFFD)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")
