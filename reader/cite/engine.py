"""The CSL processor: citeproc-js (Zotero's engine) run in an embedded V8 through mini-racer.

Formatting through citeproc-js itself, configured as Zotero configures it (see ``_GLUE_JS``), makes every
string identical to what Zotero gives for the same style and locale files
(``tests/cite/test_zotero_parity.py`` checks it against the same engine under Node). One
:class:`CiteprocRuntime` owns one V8 context with citeproc-js loaded once; engines (one per style and
locale, ~1 s to build for APA or Chicago) are built lazily inside it and reused. Each call first resets
the engine's processor state and replaces its registry with the items of that call, as Zotero's fresh
engine per copy starts, so nothing leaks from one call to the next (no disambiguation across calls).

The JavaScript is installed by ``python -m reader.cite.setup_engine`` and located by
:func:`find_citeproc_js`: ``$OFFPRINT_CITEPROC_JS``, else the virtual environment's
``share/offprint/citeproc``, else ``citeproc/`` beside a frozen app.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import sys
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.cite.setup_engine import ENGINE_FILE, default_install_dir, engine_path
from reader.errors import CitationError

logger = logging.getLogger(__name__)

ENV_VAR = "OFFPRINT_CITEPROC_JS"
FORMATS = ("text", "html")
BUILD_TIMEOUT_S = 60.0
FORMAT_TIMEOUT_S = 30.0

INSTALL_HINT = (
    "run `make venv`, or `.venv/bin/python -m reader.cite.setup_engine` (needs npm), "
    f"or set {ENV_VAR} to the path of citeproc_commonjs.js"
)

# Glue between Python and citeproc-js: items and locales are handed over as JSON strings.  Each engine is
# configured as Zotero's ``Zotero.Style.prototype.getCiteProc`` (chrome/content/zotero/xpcom/style.js)
# configures it: a system object of its own (``uppercase_subtitles`` set for APA and its kin),
# ``new CSL.Engine(sys, xml, locale, overrideLocale)``, then ``wrap_url_and_doi = true`` and
# ``parse_names = false`` ("Don't try to parse author names. We parse them in itemToCSLJSON").
_GLUE_JS = r"""
var CSL = module.exports;
var OFFPRINT = {locales: {}, items: {}, engines: {}, missing: []};
OFFPRINT.sys = {
  retrieveLocale: function (lang) {
    if (Object.prototype.hasOwnProperty.call(OFFPRINT.locales, lang)) { return OFFPRINT.locales[lang]; }
    OFFPRINT.missing.push(lang);
    return OFFPRINT.locales["en-US"];  // a locale we have no file for formats in American English
  },
  retrieveItem: function (id) { return OFFPRINT.items[id]; }
};
OFFPRINT.addLocale = function (lang, xml) { OFFPRINT.locales[lang] = xml; return true; };
OFFPRINT.localeSpec = function (lang) {
  var spec = CSL.localeResolve(lang);
  return JSON.stringify([spec.base, spec.best]);
};
OFFPRINT.build = function (key, styleXml, lang, forceLang, uppercaseSubtitles) {
  OFFPRINT.missing = [];
  var sys = Object.create(OFFPRINT.sys);
  if (uppercaseSubtitles) { sys.uppercase_subtitles = true; }
  var engine = new CSL.Engine(sys, styleXml, lang, forceLang);
  engine.opt.development_extensions.wrap_url_and_doi = true;
  engine.opt.development_extensions.parse_names = false;
  OFFPRINT.engines[key] = engine;
  return JSON.stringify(OFFPRINT.missing);
};
OFFPRINT.load = function (key, itemsJson, fmt) {
  var items = JSON.parse(itemsJson);
  var ids = [];
  OFFPRINT.items = {};
  for (var i = 0; i < items.length; i++) { OFFPRINT.items[items[i].id] = items[i]; ids.push(items[i].id); }
  var engine = OFFPRINT.engines[key];
  engine.restoreProcessorState();  // a fresh registry, as Zotero's fresh engine per copy has
  engine.setOutputFormat(fmt);
  engine.updateItems(ids);
  return {engine: engine, ids: ids};
};
OFFPRINT.bibliography = function (key, itemsJson, fmt) {
  var run = OFFPRINT.load(key, itemsJson, fmt);
  var result = run.engine.makeBibliography();
  if (!result) { return JSON.stringify(null); }
  var order = [];
  for (var i = 0; i < result[0].entry_ids.length; i++) { order.push(String(result[0].entry_ids[i][0])); }
  var params = {};
  var names = ["bibstart", "bibend", "maxoffset", "entryspacing", "linespacing", "hangingindent",
               "second-field-align"];
  for (var j = 0; j < names.length; j++) { params[names[j]] = result[0][names[j]]; }
  return JSON.stringify({ids: order, entries: result[1], params: params});
};
OFFPRINT.citation = function (key, itemsJson, fmt, noteIndex) {
  var run = OFFPRINT.load(key, itemsJson, fmt);
  var cites = [];
  for (var i = 0; i < run.ids.length; i++) { cites.push({id: run.ids[i]}); }
  var properties = noteIndex === null ? {} : {noteIndex: noteIndex};
  var citation = {citationItems: cites, properties: properties};
  return run.engine.previewCitationCluster(citation, [], [], fmt);
};
OFFPRINT.citationList = function (key, itemsJson, fmt) {
  var run = OFFPRINT.load(key, itemsJson, fmt);
  var citations = [];
  for (var i = 0; i < run.ids.length; i++) {
    var out = run.engine.appendCitationCluster({citationItems: [{id: run.ids[i]}], properties: {}}, true);
    for (var j = 0; j < out.length; j++) { citations[out[j][0]] = out[j][1]; }
  }
  return JSON.stringify({citations: citations, noteStyle: run.engine.opt["class"] === "note"});
};
"""

# V8 contexts freed by the garbage collector during interpreter shutdown can hang mini-racer's
# teardown: every live runtime is closed explicitly at exit instead.
_LIVE_RUNTIMES: weakref.WeakSet[CiteprocRuntime] = weakref.WeakSet()


@atexit.register
def _close_live_runtimes() -> None:
    for runtime in list(_LIVE_RUNTIMES):
        runtime.close()


@dataclass(frozen=True)
class RawBibliography:
    """What citeproc-js's ``makeBibliography()`` returned: entries as made, and the layout parameters
    (``bibstart``, ``bibend``, ``maxoffset``, ``entryspacing``, ``linespacing``, ``hangingindent``,
    ``second-field-align``) that Zotero's clipboard HTML is built from."""

    ids: list[str]
    entries: list[str]
    params: dict[str, Any]


_ENTRY_WRAPPER_RE = re.compile(r'^\s*<div class="csl-entry">(.*)</div>\s*$', re.S)
_BETWEEN_TAGS_RE = re.compile(r">\s*\n\s*<")


def find_citeproc_js() -> Path:
    """The citeproc-js file to load; CitationError telling how to install it when there is none."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        path = Path(configured).expanduser()
        if path.is_dir():
            for candidate in (path / ENGINE_FILE, engine_path(path)):
                if candidate.is_file():
                    return candidate
        elif path.is_file():
            return path
        raise CitationError(
            f"{ENV_VAR} is set to {configured}, but no {ENGINE_FILE} is there; {INSTALL_HINT}"
        )
    candidates = [engine_path(default_install_dir())]
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        candidates += [
            base / "citeproc" / ENGINE_FILE,
            Path(sys.executable).parent / "citeproc" / ENGINE_FILE,
        ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise CitationError(
        f"the citation engine (citeproc-js) is not installed (looked in {candidates[0]}); {INSTALL_HINT}"
    )


def clean_entry(entry: str, fmt: str) -> str:
    """One bibliography entry on one line: no ``csl-entry`` wrapper, no trailing newline."""
    entry = entry.strip()
    if fmt == "html":
        match = _ENTRY_WRAPPER_RE.match(entry)
        if match:
            entry = match.group(1).strip()
        entry = _BETWEEN_TAGS_RE.sub("><", entry)
    return entry.replace("\r", " ").replace("\n", " ")


class CiteprocRuntime:
    """One V8 context with citeproc-js loaded; engines keyed by (style key, locale) are built on demand.

    Not thread-safe by itself: the caller (:class:`reader.cite.facade.Citer`) serialises calls.
    """

    def __init__(self, js_path: Path | None = None) -> None:
        from py_mini_racer import JSEvalException, MiniRacer  # here: loading V8 is only paid when citing

        path = js_path or find_citeproc_js()
        try:
            source = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CitationError(f"{path}: cannot read the citation engine: {exc.strerror or exc}") from exc
        self._ctx: Any = MiniRacer()
        try:
            self._ctx.eval("var module = {exports: {}}; var exports = module.exports;")
            self._ctx.eval(source)
            self._ctx.eval(_GLUE_JS)
        except JSEvalException as exc:
            self._ctx.close()  # an unclosed context can hang the interpreter's exit
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CitationError(f"{path}: the citation engine failed to load: {first_line}") from exc
        self._engines: set[str] = set()
        self._locales: set[str] = set()
        self._labels: dict[str, str] = {}
        _LIVE_RUNTIMES.add(self)

    def close(self) -> None:
        """Free the V8 context (idempotent); the runtime cannot be used afterwards."""
        ctx, self._ctx = self._ctx, None
        self._engines.clear()
        if ctx is not None:
            ctx.close()

    def has_engine(self, key: str) -> bool:
        return key in self._engines

    def build(
        self,
        key: str,
        style_xml: str,
        lang: str,
        locale_source: Callable[[str], str | None],
        *,
        force_lang: bool = False,
        uppercase_subtitles: bool = False,
        label: str = "",
    ) -> None:
        """Build engine ``key`` from a style's XML in locale ``lang``, configured as Zotero configures it.

        ``force_lang`` is Zotero's ``overrideLocale`` (a dependent style's own locale wins over its
        parent's); ``uppercase_subtitles`` is set for the styles Zotero names (APA and its kin).
        """
        self._labels[key] = label or key
        base, best = json.loads(self._call("OFFPRINT.localeSpec", lang, what=f"locale {lang}"))
        for name in dict.fromkeys(("en-US", base, best)):
            self._add_locale(name, locale_source)
        args = (key, style_xml, lang, force_lang, uppercase_subtitles)
        missing = json.loads(
            self._call("OFFPRINT.build", *args, what=self._labels[key], timeout=BUILD_TIMEOUT_S)
        )
        if any(self._add_locale(name, locale_source) for name in missing):
            # the style asked for a locale we had not handed over yet: build again with it
            self._call("OFFPRINT.build", *args, what=self._labels[key], timeout=BUILD_TIMEOUT_S)
        self._engines.add(key)

    def raw_bibliography(self, key: str, items: Sequence[dict[str, Any]], fmt: str) -> RawBibliography | None:
        """``makeBibliography()`` as citeproc-js returns it, or None when the style has no bibliography."""
        raw = self._call(
            "OFFPRINT.bibliography", key, json.dumps(list(items)), fmt, what=self._labels.get(key, key)
        )
        result = json.loads(raw)
        if result is None:
            return None
        return RawBibliography(
            ids=[str(i) for i in result["ids"]], entries=list(result["entries"]), params=result["params"]
        )

    def bibliography(
        self, key: str, items: Sequence[dict[str, Any]], fmt: str
    ) -> tuple[list[str], list[str]] | None:
        """(item ids in bibliography order, entries one line each) or None without a bibliography."""
        raw = self.raw_bibliography(key, items, fmt)
        if raw is None:
            return None
        return raw.ids, [clean_entry(e, fmt) for e in raw.entries]

    def citation(self, key: str, items: Sequence[dict[str, Any]], fmt: str, note_index: int | None) -> str:
        """One citation cluster for all ``items`` (sorted and disambiguated as the style says).

        ``note_index`` None gives the cluster with empty properties, as Zotero's Quick Copy asks for it.
        """
        raw = self._call(
            "OFFPRINT.citation",
            key,
            json.dumps(list(items)),
            fmt,
            note_index,
            what=self._labels.get(key, key),
        )
        return str(raw).strip().replace("\n", " ")

    def citation_list(self, key: str, items: Sequence[dict[str, Any]], fmt: str) -> tuple[list[str], bool]:
        """Each item cited on its own, in order (Zotero's list for a style without a bibliography), and
        whether the style is a note style."""
        raw = self._call(
            "OFFPRINT.citationList", key, json.dumps(list(items)), fmt, what=self._labels.get(key, key)
        )
        result = json.loads(raw)
        return [str(c) for c in result["citations"]], bool(result["noteStyle"])

    def _add_locale(self, name: str, locale_source: Callable[[str], str | None]) -> bool:
        if not name or name in self._locales:
            return False
        xml = locale_source(name)
        if xml is None:
            return False
        self._call("OFFPRINT.addLocale", name, xml, what=f"locale {name}")
        self._locales.add(name)
        return True

    def _call(self, function: str, *args: Any, what: str, timeout: float = FORMAT_TIMEOUT_S) -> Any:
        if self._ctx is None:
            raise CitationError("the citation engine was closed")
        from py_mini_racer import JSEvalException  # loaded with the context; no cost here

        try:
            return self._ctx.call(function, *args, timeout_sec=timeout)
        except JSEvalException as exc:  # and its kin: JSTimeoutException, JSOOMException, JSParseException…
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise CitationError(f"citation engine failed on {what}: {message}") from exc
