"""The index of every citation style Offprint can use, built once, cached, and searched as the user types.

The style package holds about 2,800 independent styles and 8,000 dependent ones (a journal's name for a
parent's format).  Reading every file's ``<info>`` takes a second or two, so the index is built once and
kept as JSON in the user's cache folder (``$OFFPRINT_CACHE`` overrides it), keyed by the package folder
and its folders' modification times; a changed package rebuilds it.  The user's own ``.csl`` files are
few and read each time.

Each :class:`StyleInfo` carries what the picker shows and searches: title (and short title), id, fields
(``medicine``, ``history``…), citation format (``author-date``, ``numeric``, ``note``, ``label``,
``author``), the parent of a dependent style and its locale.  :func:`search_styles` matches every word
of a query against those, accent- and case-insensitively, in a few milliseconds over every style.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from reader.cite.styles import CORE_STYLE_LOCALES
from reader.errors import swallowed

logger = logging.getLogger(__name__)

CACHE_ENV = "OFFPRINT_CACHE"
INDEX_VERSION = 2
_HEAD_BYTES = 8000
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
_TITLE_SHORT_RE = re.compile(r"<title-short>(.*?)</title-short>", re.S)
_CLASS_RE = re.compile(r"<style\b[^>]*\bclass=\"([a-z-]+)\"", re.S)
_LOCALE_RE = re.compile(r"<style\b[^>]*\bdefault-locale=\"([^\"]+)\"", re.S)
_PARENT_RE = re.compile(r"<link\b[^>]*\brel=\"independent-parent\"[^>]*>", re.S)
_HREF_RE = re.compile(r"\bhref=\"([^\"]+)\"")
_FORMAT_RE = re.compile(r"<category\b[^>]*\bcitation-format=\"([a-z-]+)\"")
_FIELD_RE = re.compile(r"<category\b[^>]*\bfield=\"([a-z_-]+)\"")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))


@dataclass(frozen=True)
class StyleInfo:
    """One style as the picker lists and searches it (``alias`` set for the seven core styles)."""

    id: str
    title: str
    path: str = ""
    alias: str | None = None
    title_short: str = ""
    format: str = ""  # author-date | numeric | note | label | author
    fields: tuple[str, ...] = ()
    parent: str | None = None  # the independent style a dependent one formats with
    locale: str | None = None
    note_style: bool = False
    user: bool = False
    haystack: str = field(default="", compare=False, repr=False)

    @property
    def dependent(self) -> bool:
        return self.parent is not None


def fold(text: str) -> str:
    """Lower case without accents: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_entry(path: Path, *, user: bool = False) -> StyleInfo | None:
    """The entry for one ``.csl`` file from its first kilobytes, or None when it is not a CSL style."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        swallowed(logger, f"{path}: reading a style's header (it is left out of the list)")
        return None
    if "<style" not in head or "http://purl.org/net/xbiblio/csl" not in head:
        return None
    parent = None
    link = _PARENT_RE.search(head)
    if link:
        href = _HREF_RE.search(link.group(0))
        parent = href.group(1).rstrip("/").rsplit("/", 1)[-1] if href else None
    title_match = _TITLE_RE.search(head)
    short_match = _TITLE_SHORT_RE.search(head)
    format_match = _FORMAT_RE.search(head)
    class_match = _CLASS_RE.search(head)
    locale_match = _LOCALE_RE.search(head)
    return with_haystack(
        StyleInfo(
            id=path.stem,
            title=_unescape(title_match.group(1).strip()) if title_match else path.stem,
            path=str(path),
            title_short=_unescape(short_match.group(1).strip()) if short_match else "",
            format=format_match.group(1) if format_match else "",
            fields=tuple(dict.fromkeys(_FIELD_RE.findall(head))),
            parent=parent,
            locale=locale_match.group(1) if locale_match else None,
            note_style=bool(class_match and class_match.group(1) == "note"),
            user=user,
        )
    )


def with_haystack(entry: StyleInfo) -> StyleInfo:
    """``entry`` with the folded text search looks in (title, short title, id, format, fields)."""
    words = [entry.title, entry.title_short, entry.id, entry.format, *entry.fields]
    haystack = fold(" | ".join(w for w in words if w)).replace("_", " ")
    return StyleInfo(**{**asdict(entry), "fields": entry.fields, "haystack": haystack})


def _unescape(text: str) -> str:
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


# -- the packaged index, built once and cached -------------------------------------------------------------


def cache_folder() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_cache_dir("Offprint", appauthor=False))


# The index of this process: read or built once, kept (the picker searches it on every keystroke).
_LOADED: dict[Path, list[StyleInfo]] = {}
_LOCK = threading.Lock()


def packaged_index(styles_dir: Path, cache_dir: Path | None = None) -> list[StyleInfo]:
    """Every packaged style (independent and dependent) by title: from memory, else from the cache when
    it matches the package, else read from the files (and cached)."""
    folders = [styles_dir, styles_dir / "dependent"]
    cache_file = (cache_dir or cache_folder()) / f"styles-{_cache_key(folders)}.json"
    with _LOCK:
        loaded = _LOADED.get(cache_file)
        if loaded is None:
            loaded = _read_cache(cache_file, styles_dir)
            if loaded is None:
                loaded = _build(folders)
                _write_cache(cache_file, loaded, styles_dir)
            _LOADED[cache_file] = loaded
        return loaded


def _cache_key(folders: Sequence[Path]) -> str:
    parts = [str(INDEX_VERSION)]
    for folder in folders:
        try:
            parts += [str(folder.resolve()), str(folder.stat().st_mtime_ns)]
        except OSError:
            parts.append(f"{folder}:missing")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _build(folders: Sequence[Path]) -> list[StyleInfo]:
    entries: dict[str, StyleInfo] = {}
    for folder in folders:
        for path in _csl_files(folder):
            entry = read_entry(path)
            if entry is not None:
                entries.setdefault(entry.id, entry)
    notes = {e.id for e in entries.values() if e.note_style and not e.dependent}
    # a dependent style formats with its parent: its class and format are the parent's
    formats = {e.id: e.format for e in entries.values() if not e.dependent}
    resolved = [
        with_haystack(
            StyleInfo(
                **{
                    **asdict(e),
                    "fields": e.fields,
                    "note_style": e.parent in notes,
                    "format": e.format or formats.get(e.parent or "", ""),
                }
            )
        )
        if e.dependent
        else e
        for e in entries.values()
    ]
    return sorted(resolved, key=lambda e: (fold(e.title), e.id))


def _csl_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as found:
            return [Path(e.path) for e in found if e.name.endswith(".csl") and e.is_file()]
    except FileNotFoundError:
        return []
    except OSError as exc:
        logger.warning("cannot list the styles in %s: %s", folder, exc)
        return []


# One cached style: a list, not an object, so that 11,000 of them load in a few tens of milliseconds.
_ROW = ("id", "title", "title_short", "format", "fields", "parent", "locale", "note_style", "haystack")


def _read_cache(path: Path, styles_dir: Path) -> list[StyleInfo] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        swallowed(logger, f"{path}: the style index cache (it is rebuilt)")
        return None
    independent = str(styles_dir) + os.sep
    dependent = str(styles_dir / "dependent") + os.sep
    try:
        return [
            StyleInfo(
                id=row[0],
                title=row[1],
                path=f"{dependent if row[5] else independent}{row[0]}.csl",
                title_short=row[2],
                format=row[3],
                fields=tuple(row[4]),
                parent=row[5],
                locale=row[6],
                note_style=bool(row[7]),
                haystack=row[8],
            )
            for row in data["styles"]
        ]
    except (KeyError, TypeError, IndexError):
        swallowed(logger, f"{path}: a style index cache of another shape (it is rebuilt)")
        return None


def _write_cache(path: Path, entries: Iterable[StyleInfo], styles_dir: Path) -> None:
    """Write the cache atomically (another Offprint may be reading it); a failure only costs speed."""
    rows = [[getattr(e, name) for name in _ROW] for e in entries]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        payload = {"version": INDEX_VERSION, "folder": str(styles_dir), "row": _ROW, "styles": rows}
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        logger.info("the style index could not be cached in %s (%s): it is rebuilt next time", path, exc)


def declared_locale(styles: Iterable[StyleInfo] | Mapping[str, StyleInfo], style_id: str) -> str | None:
    """The locale a style declares (its own, its parent's, or a core style's own), or None: a style that
    declares one is cited in it whatever language the user picked, as in Zotero."""
    by_id = styles if isinstance(styles, Mapping) else {s.id: s for s in styles}
    style = by_id.get(style_id)
    if style is None:
        return None
    parent = by_id.get(style.parent) if style.parent else None
    return (
        style.locale
        or (parent.locale if parent else None)
        or CORE_STYLE_LOCALES.get(style.parent or style.id)
    )


# -- search --------------------------------------------------------------------------------------------------


def fold_query(query: str) -> str:
    """A query as search compares it: folded, underscores as spaces, single-spaced."""
    return " ".join(fold(query).replace("_", " ").split())


def filter_styles(entries: Sequence[StyleInfo], query: str) -> list[StyleInfo]:
    """The entries whose title, short title, id, format or fields hold every word of ``query``, in order.

    A query that extends an earlier one (``natu`` after ``nat``) matches a subset of the earlier matches,
    so a caller may filter those instead of every style."""
    matched = list(entries)
    for word in sorted(fold_query(query).split(), key=len, reverse=True):  # the longest narrows most
        matched = [e for e in matched if word in e.haystack]
    return matched


def order_matches(matched: Sequence[StyleInfo], query: str, *, first: Sequence[str] = ()) -> list[StyleInfo]:
    """The ids in ``first`` first, in that order; then a style whose id or short title is the query; then
    the rest as given."""
    rank = {style_id: i for i, style_id in enumerate(first)}
    exact = fold_query(query)
    leading = sorted((e for e in matched if e.id in rank), key=lambda e: rank[e.id])
    named = [e for e in matched if e.id not in rank and exact and exact in (e.id, e.title_short.casefold())]
    if not leading and not named:
        return list(matched)
    taken = {e.id for e in leading} | {e.id for e in named}
    return [*leading, *named, *(e for e in matched if e.id not in taken)]


def search_styles(entries: Sequence[StyleInfo], query: str, *, first: Sequence[str] = ()) -> list[StyleInfo]:
    """The entries matching every word of ``query`` (all of them for an empty one), ordered by
    :func:`order_matches`.  A few milliseconds over every installed style."""
    return order_matches(filter_styles(entries, query), query, first=first)
