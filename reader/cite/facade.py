"""Citer: the one object the CLI and the UI use to format citations in any CSL style.

It knows the styles (:mod:`reader.cite.styles`; every installed one through the cached index of
:mod:`reader.cite.style_index`; a user's ``.csl`` file checked and added by :mod:`.style_files`), builds
one citeproc-js engine per style and locale on first use, configured as Zotero's ``getCiteProc``
configures it, and keeps it (:mod:`reader.cite.engine`; the JavaScript runtime is shared by every Citer of
the process), and turns CSL-JSON items into a bibliography, an in-text citation, a note or a quoted
passage, as plain text or HTML, and into what Zotero's Quick Copy puts on the clipboard
(:meth:`Citer.copy_bibliography`, :meth:`Citer.copy_citation`; :mod:`reader.cite.clipboard`). A style that
declares no locale formats in the one the caller passes (``locale``), else American English. HTML output
is escaped by citeproc-js (titles from saved pages are untrusted). A Citer may live on a worker thread:
one lock serialises every call into JavaScript, so calls from any thread are safe, one at a time. Build
engines off the GUI thread (:meth:`Citer.warm`): APA or Chicago takes 1-3 s.
"""

from __future__ import annotations

import html
import itertools
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.cite import clipboard
from reader.cite.clipboard import ClipboardText
from reader.cite.engine import FORMATS, CiteprocRuntime
from reader.cite.style_files import check_style_file, install_style_file
from reader.cite.style_index import StyleInfo, packaged_index, read_entry, search_styles, with_haystack
from reader.cite.styles import ALIASES, CORE_STYLES, StyleCatalog, StyleFile, locale_xml, packaged_styles_dir
from reader.errors import CitationError, UnknownStyleError

logger = logging.getLogger(__name__)

# citeproc-js caches item data by id across calls: every call gets fresh ids.
_ITEM_IDS = itertools.count(1)

# One V8 runtime per process, shared by every Citer: an engine built for a style (≈1-2 s) serves
# them all.  Its lock serialises every call into JavaScript, whichever Citer or thread makes it.
_SHARED_LOCK = threading.RLock()
_shared_runtime: CiteprocRuntime | None = None


def _runtime() -> CiteprocRuntime:
    global _shared_runtime
    if _shared_runtime is None:
        _shared_runtime = CiteprocRuntime()
    return _shared_runtime


def shutdown_engine() -> None:
    """Free the shared JavaScript runtime (a later citation starts a new one)."""
    global _shared_runtime
    with _SHARED_LOCK:
        if _shared_runtime is not None:
            _shared_runtime.close()
            _shared_runtime = None


_ALIAS_OF = {style_id: alias for style_id, alias in CORE_STYLES}


class Citer:
    """Formats CSL-JSON items with citeproc-js; engines are built lazily and reused."""

    def __init__(self, extra_style_dirs: Sequence[Path] = ()) -> None:
        self._catalog = StyleCatalog(extra_style_dirs)
        self._lock = _SHARED_LOCK

    def close(self) -> None:
        """Nothing to free per Citer: engines are shared (see :func:`shutdown_engine`); kept for ``with``."""

    def __enter__(self) -> Citer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- styles ---------------------------------------------------------------------------------------
    def styles(self, *, installed: bool = False) -> list[StyleInfo]:
        """The seven core styles, then the user's ``.csl`` files; with ``installed``, every packaged
        style after them (independent and dependent, by title), from the cached style index."""
        listed: dict[str, StyleInfo] = {}
        for style_id, _alias in CORE_STYLES:
            style = self._catalog.find(style_id)
            if style is not None:
                listed[style.id] = self._info(style)
        for style in self._catalog.user_styles():
            listed.setdefault(style.id, self._info(style))
        if installed:
            for entry in packaged_index(packaged_styles_dir()):
                listed.setdefault(entry.id, entry)
        return list(listed.values())

    def search_styles(self, query: str, *, first: Sequence[str] = ()) -> list[StyleInfo]:
        """Every style matching all words of ``query`` (title, id, field, format); ``first`` ids lead."""
        return search_styles(self.styles(installed=True), query, first=first)

    def add_style_file(self, path: str | Path) -> StyleInfo:
        """Check a ``.csl`` file as Zotero does, copy it into the user's styles folder and prove it formats.

        CitationError naming the file for a malformed or unsupported style; nothing is left behind then,
        and the styles already there are untouched.
        """
        source = Path(path)
        if not self._catalog.user_dirs:
            raise CitationError(f"{source}: there is no styles folder to add it to (open a library first)")
        checked = check_style_file(source, parent_exists=lambda pid: self._catalog.find(pid) is not None)
        folder = self._catalog.user_dirs[0]
        target = folder / f"{checked.style_id}.csl"
        previous = target.read_bytes() if target.is_file() else None
        install_style_file(checked, folder)
        try:
            self.bibliography([_SAMPLE_ITEM], checked.style_id)
        except CitationError as exc:
            _restore(target, previous)
            raise CitationError(f"{source}: the citation engine cannot use this style: {exc}") from exc
        return self.resolve_style(checked.style_id)

    def resolve_style(self, style: str) -> StyleInfo:
        """A style by id, alias or path to a .csl file; UnknownStyleError when there is none."""
        return self._info(self._catalog.resolve(style))

    def warm(self, style: str, *, locale: str | None = None) -> None:
        """Build the engine for ``style`` now (≈1 s for APA or Chicago) so the first citation is fast."""
        with self._lock:
            self._engine_key(self._catalog.resolve(style), locale)

    # -- formatting ---------------------------------------------------------------------------------------
    # ``locale`` is the user's choice for a style that declares none (see StyleCatalog.engine_locale).

    def bibliography(
        self, items: Sequence[dict[str, Any]], style: str, fmt: str = "text", *, locale: str | None = None
    ) -> list[str]:
        """One entry per item, in the style's order, disambiguated together (2026a, 2026b)."""
        prepared = _prepare(items)
        if not prepared:
            return []
        with self._lock:
            key = self._engine_key(self._catalog.resolve(style), locale)
            result = self._runtime_or_start().bibliography(key, prepared, _check_format(fmt))
            if result is None:  # a style without a bibliography: list each item's note instead
                return [self._runtime_or_start().citation(key, [item], fmt, 1) for item in prepared]
            _order, entries = result
            return entries

    def citation(
        self, items: Sequence[dict[str, Any]], style: str, fmt: str = "text", *, locale: str | None = None
    ) -> str:
        """The citation of all items as one cluster, e.g. ``(Baev, 2026; Kade, 2025)``; a note style gives
        its note.  Asked as Zotero's Copy Citation asks (a cluster with empty properties)."""
        return self._cluster(items, style, fmt, None, locale)

    def note(
        self, items: Sequence[dict[str, Any]], style: str, fmt: str = "text", *, locale: str | None = None
    ) -> str:
        """The citation as it reads in a footnote (first reference, note 1)."""
        return self._cluster(items, style, fmt, 1, locale)

    def copy_bibliography(
        self, items: Sequence[dict[str, Any]], style: str, *, locale: str | None = None
    ) -> ClipboardText:
        """What Zotero's Quick Copy puts on the clipboard for these items: its HTML (``csl-bib-body``,
        ``csl-entry`` blocks, inline layout CSS, COinS) and its plain text."""
        prepared = _prepare(items)
        if not prepared:
            return ClipboardText("", "")
        by_id = {item["id"]: item for item in prepared}
        with self._lock:
            key = self._engine_key(self._catalog.resolve(style), locale)
            runtime = self._runtime_or_start()
            made = {fmt: runtime.raw_bibliography(key, prepared, fmt) for fmt in FORMATS}
            html_bib, text_bib = made["html"], made["text"]
            if html_bib is None or text_bib is None:
                html_list, note_style = runtime.citation_list(key, prepared, "html")
                text_list, _ = runtime.citation_list(key, prepared, "text")
                return ClipboardText(
                    clipboard.citation_list(text_list, "text", note_style=note_style),
                    clipboard.citation_list(html_list, "html", note_style=note_style),
                )
        coins = [clipboard.context_object(by_id[i]) if i in by_id else None for i in html_bib.ids]
        return ClipboardText(
            clipboard.formatted_text(text_bib.entries, text_bib.params),
            clipboard.formatted_html(html_bib.entries, html_bib.params, coins),
        )

    def copy_citation(
        self, items: Sequence[dict[str, Any]], style: str, *, locale: str | None = None
    ) -> ClipboardText:
        """Zotero's Copy Citation: one cluster for all items, as text and as HTML."""
        return ClipboardText(
            self.citation(items, style, "text", locale=locale),
            self.citation(items, style, "html", locale=locale),
        )

    def passage(
        self,
        passage: str,
        item: dict[str, Any],
        style: str,
        fmt: str = "text",
        *,
        locale: str | None = None,
    ) -> str:
        """“Quoted passage” (in-text citation), a blank line, then the bibliography entry."""
        quoted = _quotable(passage)
        cite = self.citation([item], style, fmt, locale=locale)
        if fmt == "html":
            entry = self.copy_bibliography([item], style, locale=locale).html
            return f"<p>“{html.escape(quoted, quote=False)}” {cite}</p>\n{entry}"
        entry = self.bibliography([item], style, fmt, locale=locale)[0]
        return f"“{quoted}” {cite}\n\n{entry}"

    def format_each(
        self,
        items: Sequence[dict[str, Any]],
        style: str,
        fmt: str = "text",
        form: str = "bibliography",
        *,
        locale: str | None = None,
    ) -> list[str]:
        """Each item formatted on its own (no disambiguation across items): one string per item, in order.

        ``form`` is ``bibliography``, ``citation`` or ``note``.
        """
        formatter = {
            "bibliography": lambda i: self.bibliography([i], style, fmt, locale=locale)[0],
            "citation": lambda i: self.citation([i], style, fmt, locale=locale),
            "note": lambda i: self.note([i], style, fmt, locale=locale),
        }.get(form)
        if formatter is None:
            raise CitationError(f"unknown citation form {form!r}: use bibliography, citation or note")
        return [formatter(item) for item in items]

    # -- internals ------------------------------------------------------------------------------------
    def _cluster(
        self,
        items: Sequence[dict[str, Any]],
        style: str,
        fmt: str,
        note_index: int | None,
        locale: str | None,
    ) -> str:
        prepared = _prepare(items)
        if not prepared:
            return ""
        with self._lock:
            key = self._engine_key(self._catalog.resolve(style), locale)
            return self._runtime_or_start().citation(key, prepared, _check_format(fmt), note_index)

    def _info(self, style: StyleFile) -> StyleInfo:
        alias = _ALIAS_OF.get(style.id) if not style.user else None
        entry = read_entry(style.path, user=style.user) or StyleInfo(id=style.id, title=style.title)
        return with_haystack(
            replace(entry, alias=alias, note_style=self._catalog.is_note_style(style), path=str(style.path))
        )

    def _runtime_or_start(self) -> CiteprocRuntime:
        return _runtime()

    def _engine_key(self, style: StyleFile, locale: str | None = None) -> str:
        """Build (once) the engine for this style as Zotero would configure it; return its key."""
        lang, forced = self._catalog.engine_locale(style, locale)
        upper = self._catalog.uppercase_subtitles(style)
        source = self._catalog.formatting_file(style)
        # path and mtime: two Citers may see different files under one id, and a user may edit a file
        key = f"{source.path}:{_mtime_ns(source.path)}|{lang}|{int(forced)}|{int(upper)}"
        runtime = self._runtime_or_start()
        if not runtime.has_engine(key):
            runtime.build(
                key,
                self._catalog.style_xml(style),
                lang,
                locale_xml,
                force_lang=forced,
                uppercase_subtitles=upper,
                label=f"{source.id} ({lang})",
            )
        return key


# A record every style can format: what adding a style checks it with.
_SAMPLE_ITEM: dict[str, Any] = {
    "type": "post-weblog",
    "title": "A sample entry",
    "author": [{"family": "Sample", "given": "Ann"}],
    "container-title": "Offprint",
    "issued": {"date-parts": [[2026, 1, 2]]},
    "URL": "https://example.org/sample",
}


def _restore(target: Path, previous: bytes | None) -> None:
    """Put back what the styles folder held before a style that failed was added."""
    try:
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(previous)
    except OSError as exc:
        logger.warning("could not take back the style %s that failed to format: %s", target, exc)


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise CitationError(f"unknown citation format {fmt!r}: use {' or '.join(FORMATS)}")
    return fmt


def _prepare(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of the items with unique string ids (the caller's ids may repeat or be missing)."""
    prepared = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise CitationError(f"citation item {index + 1} is not a CSL-JSON object")
        try:
            copy = json.loads(json.dumps(item))
        except (TypeError, ValueError) as exc:
            raise CitationError(f"citation item {index + 1} is not valid CSL-JSON: {exc}") from exc
        copy["id"] = f"offprint-{next(_ITEM_IDS)}"
        prepared.append(copy)
    return prepared


def _quotable(passage: str) -> str:
    text = " ".join(passage.split())
    return text.strip("\"“”'‘’ ")


__all__ = ["ALIASES", "Citer", "StyleInfo", "UnknownStyleError", "shutdown_engine"]
