"""Exports of CSL-JSON items as Zotero writes them: BibTeX, BibLaTeX, RIS and CSL-JSON.

Conventions follow Zotero's own export translators (BibTeX.js, BibLaTeX.js, RIS.js): citation
keys ``%a_%t_%y`` (``baev_shadow_2026``, ``-1``, ``-2`` on collisions), LaTeX special characters
escaped, words with capitals in titles protected with braces (``{Ukraine}``), the month as a
BibTeX macro (``jun``), ``urldate`` for the access date; RIS with ``TY  - BLOG``/``NEWS``/
``MGZN``/``ELEC`` and CRLF line endings.  Web pages, blog posts and their kin are ``@misc`` in
BibTeX (site in ``howpublished``) and ``@online`` in BibLaTeX; news and magazine articles are
``@article``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import CitationError

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_BIBTEX_TYPES = {
    "article-newspaper": "article",
    "article-magazine": "article",
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
}
_BIBLATEX_TYPES = {
    "article-newspaper": "article",
    "article-magazine": "article",
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "report",
    "thesis": "thesis",
    "paper-conference": "inproceedings",
    "webpage": "online",
    "post-weblog": "online",
    "post": "online",
}
_RIS_TYPES = {
    "post-weblog": "BLOG",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "webpage": "ELEC",
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "thesis": "THES",
    "post": "ELEC",
}
_BABEL_LANGUAGES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ru": "russian",
    "uk": "ukrainian",
    "pl": "polish",
    "sv": "swedish",
    "no": "norwegian",
    "nb": "norsk",
    "nn": "nynorsk",
    "da": "danish",
    "fi": "finnish",
    "cs": "czech",
    "el": "greek",
    "tr": "turkish",
    "ja": "japanese",
    "zh": "chinese",
    "ko": "korean",
    "ar": "arabic",
    "he": "hebrew",
    "hu": "magyar",
}
_ENGLISH_VARIANTS = {
    "en-us": "american",
    "en-gb": "british",
    "en-ca": "canadian",
    "en-au": "australian",
    "en-nz": "newzealand",
}

# BibTeX.js: characters that become commands, then characters that get a backslash.
_ALWAYS_MAP = {
    "|": "{\\textbar}",
    "<": "{\\textless}",
    ">": "{\\textgreater}",
    "~": "{\\textasciitilde}",
    "^": "{\\textasciicircum}",
    "\\": "{\\textbackslash}",
    "{": "\\{\\vphantom{\\}}",
    "}": "\\vphantom{\\{}\\}",
}
_ALWAYS_RE = re.compile(r"[|<>~^\\{}]")
_BACKSLASHED_RE = re.compile(r"([#$%&_])")
_VPHANTOM_RE = re.compile(r"\\vphantom\{\\\}\}((?:.(?!\\vphantom\{\\\}\}))*)\\vphantom\{\\\{\}", re.S)
_WORD_RE = re.compile(r"[^\W\d_]+")
_MARKUP = (
    ("i", "\\textit{%s}"),
    ("b", "\\textbf{%s}"),
    ("sup", "$^{\\textrm{%s}}$"),
    ("sub", "$_{\\textrm{%s}}$"),
)
_KEY_TITLE_BANNED_RE = re.compile(
    r"\b(a|an|the|some|from|on|in|to|of|do|with|der|die|das|ein|eine|einer|eines|einem|einen|un|une|la|le|l\'|"
    r"el|las|los|al|uno|una|unos|unas|de|des|del|d\')(\s+|\b)|"
    r"(</?(i|b|sup|sub|sc|span style=\"small-caps\"|span)>)",
    re.ASCII,
)
_KEY_CLEAN_RE = re.compile(r"[^a-z0-9!$&*+\-./:;<>?\[\]^_`|]+")


# -- public ------------------------------------------------------------------------------------------


def to_csl_json(items: Sequence[dict[str, Any]]) -> str:
    """A JSON array of the items (UTF-8 text, indented like Zotero's CSL JSON export)."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def to_bibtex(items: Sequence[dict[str, Any]]) -> str:
    """BibTeX as Zotero's BibTeX translator writes it (UTF-8)."""
    return _tex_export(items, biblatex=False)


def to_biblatex(items: Sequence[dict[str, Any]]) -> str:
    """BibLaTeX as Zotero's BibLaTeX translator writes it (``@online``, ``date``, ``urldate``)."""
    return _tex_export(items, biblatex=True)


def to_ris(items: Sequence[dict[str, Any]]) -> str:
    """RIS as Zotero writes it: ``TAG  - value`` lines ending in CRLF, one blank line between records."""
    records = []
    for item in items:
        lines: list[tuple[str, str | None]] = [("TY", _RIS_TYPES.get(str(item.get("type", "")), "ELEC"))]
        lines += [("AU", _ris_name(name)) for name in item.get("author") or [] if _ris_name(name)]
        lines += [("TI", _text(item.get("title"))), ("T2", _text(item.get("container-title")))]
        lines.append(("T3", _text(item.get("collection-title"))))
        issued = _date_tuple(item.get("issued"))
        if issued:
            lines += [("DA", _ris_date(issued)), ("PY", f"{issued[0]:04d}")]
        lines.append(("LA", _text(item.get("language"))))
        lines.append(("UR", _text(item.get("URL"))))
        accessed = _date_tuple(item.get("accessed"))
        if accessed:
            lines.append(("Y2", _ris_date(accessed)))
        body = "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value)
        records.append(body + "ER  - \r\n")
    return "\r\n".join(records)


@dataclass(frozen=True)
class ExportFormat:
    """One export format: the name ``offprint export --format`` takes, the label and file extension the
    app's save dialog shows, and the function that renders CSL-JSON items in it."""

    name: str
    label: str
    extension: str
    render: Callable[[Sequence[dict[str, Any]]], str]

    @property
    def file_filter(self) -> str:
        """The save dialog's filter for this format, e.g. ``BibTeX (*.bib)``."""
        return f"{self.label} (*{self.extension})"


#: Every export format, in the order the CLI and the app offer them (the first is the default).
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("bibtex", "BibTeX", ".bib", to_bibtex),
    ExportFormat("biblatex", "BibLaTeX", ".bib", to_biblatex),
    ExportFormat("ris", "RIS", ".ris", to_ris),
    ExportFormat("csl-json", "CSL-JSON", ".json", to_csl_json),
)


def export_format(name: str) -> ExportFormat:
    """The export format called ``name``; :class:`~reader.errors.CitationError` when there is none."""
    for candidate in EXPORT_FORMATS:
        if candidate.name == name:
            return candidate
    known = ", ".join(f.name for f in EXPORT_FORMATS)
    raise CitationError(f"unknown export format {name!r}: choose one of {known}")


def write_export(path: str | Path, name: str, items: Sequence[dict[str, Any]]) -> None:
    """Write ``items`` to ``path`` in the format called ``name`` (UTF-8, line endings exactly as rendered:
    RIS keeps its CRLF on every platform)."""
    text = export_format(name).render(items)
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise CitationError(f"{path}: cannot write the export: {exc.strerror or exc}") from exc


# -- BibTeX and BibLaTeX ------------------------------------------------------------------------------


def _tex_export(items: Sequence[dict[str, Any]], *, biblatex: bool) -> str:
    keys: set[str] = set()
    entries = []
    for item in items:
        csl_type = str(item.get("type", "webpage"))
        entry_type = (_BIBLATEX_TYPES if biblatex else _BIBTEX_TYPES).get(
            csl_type, "online" if biblatex else "misc"
        )
        key = cite_key(item, keys)
        fields = _biblatex_fields(item, entry_type) if biblatex else _bibtex_fields(item, entry_type)
        body = "".join(f",\n\t{name} = {value}" for name, value in fields if value)
        entries.append(f"@{entry_type}{{{key}{body}\n}}")
    return "\n\n".join(entries) + ("\n" if entries else "")


def _bibtex_fields(item: dict[str, Any], entry_type: str) -> list[tuple[str, str]]:
    fields = [
        ("title", _braced(item.get("title"), protect_case=True)),
        ("series", _braced(item.get("collection-title"), protect_case=True)),
        ("url", _raw_braced(item.get("URL"))),
        ("language", _braced(item.get("language"))),
        ("urldate", _raw_braced(_iso_date(item.get("accessed")))),
    ]
    container = item.get("container-title")
    fields.append(("journal" if entry_type == "article" else "howpublished", _braced(container)))
    fields.append(("author", _tex_authors(item.get("author"))))
    issued = _date_tuple(item.get("issued"))
    if issued and len(issued) > 1:
        fields.append(("month", MONTHS[issued[1] - 1]))
    if issued:
        fields.append(("year", f"{{{issued[0]}}}"))
    return fields


def _biblatex_fields(item: dict[str, Any], entry_type: str) -> list[tuple[str, str]]:
    csl_type = str(item.get("type", ""))
    fields = [
        ("title", _braced(item.get("title"), protect_case=True)),
        ("series", _braced(item.get("collection-title"), protect_case=True)),
        ("url", _raw_braced(item.get("URL"))),
        ("langid", _braced(_babel_language(item.get("language")))),
        ("urldate", _raw_braced(_iso_date(item.get("accessed")))),
    ]
    container = item.get("container-title")
    if entry_type == "article":
        fields.append(("journaltitle", _braced(container)))
        subtype = {"article-newspaper": "newspaper", "article-magazine": "magazine"}.get(csl_type)
        if subtype:
            fields.append(("entrysubtype", f"{{{subtype}}}"))
    else:
        fields.append(("titleaddon", _braced(container)))
    fields.append(("author", _tex_authors(item.get("author"))))
    fields.append(("date", _raw_braced(_iso_date(item.get("issued")))))
    return fields


def cite_key(item: dict[str, Any], taken: set[str]) -> str:
    """Zotero's ``%a_%t_%y`` key (``baev_shadow_2026``), made unique against ``taken`` (then added to it)."""
    authors = item.get("author") or []
    first = authors[0] if authors else None
    author = "noauthor"
    if isinstance(first, dict):
        last = _zotero_last_name(first)
        if last:
            author = last.lower().replace(" ", "_").replace(",", "")
    title_text = _text(item.get("title"))
    title = "notitle"
    if title_text:
        words = _KEY_TITLE_BANNED_RE.sub("", title_text.lower()).split()
        title = words[0] if words else ""
    issued = _date_tuple(item.get("issued"))
    year = str(issued[0]) if issued else "nodate"
    base = _KEY_CLEAN_RE.sub("", _remove_diacritics(f"{author}_{title}_{year}".lower()))
    key, counter = base, 0
    while key in taken:
        counter += 1
        key = f"{base}-{counter}"
    taken.add(key)
    return key


def escape_latex(text: str) -> str:
    """Zotero's escaping: ``| < > ~ ^ \\ { }`` become commands, ``# $ % & _`` get a backslash."""
    escaped = _ALWAYS_RE.sub(lambda m: _ALWAYS_MAP[m.group(0)], text)
    escaped = _BACKSLASHED_RE.sub(r"\\\1", escaped)
    if "\\vphantom" in escaped:
        # a brace with a partner needs no phantom; match inner pairs first, as Zotero does
        while True:
            match = _VPHANTOM_RE.search(escaped)
            if not match:
                break
            escaped = escaped[: match.start()] + match.group(1) + escaped[match.end() :]
    return escaped


def protect_capitals(text: str) -> str:
    """Brace every word holding a capital, except a first word capitalised only at its start."""

    def wrap(match: re.Match[str]) -> str:
        word = match.group(0)
        if not any(c.isupper() for c in word):
            return word
        if match.start() == 0 and not any(c.isupper() for c in word[1:]):
            return word
        return "{" + word + "}"

    return _WORD_RE.sub(wrap, text)


def _braced(value: Any, *, protect_case: bool = False) -> str:
    text = _text(value)
    if not text:
        return ""
    escaped = escape_latex(text)
    if protect_case:
        escaped = _protect_outside_commands(escaped)
    return "{" + _map_markup(escaped) + "}"


def _protect_outside_commands(escaped: str) -> str:
    """Case protection that leaves LaTeX command names (``\\textless``) alone."""
    parts = re.split(r"(\\[A-Za-z]+)", escaped)
    return "".join(
        part if part.startswith("\\") else protect_capitals(part) if i == 0 else _protect_inner(part)
        for i, part in enumerate(parts)
    )


def _protect_inner(part: str) -> str:
    # a fragment after a command is never the start of the title: protect any capitalised word
    return _WORD_RE.sub(
        lambda m: "{" + m.group(0) + "}" if any(c.isupper() for c in m.group(0)) else m.group(0), part
    )


def _map_markup(text: str) -> str:
    for tag, template in _MARKUP:
        pattern = re.compile(
            r"\{\\textless\}" + tag + r"\{\\textgreater\}(.+?)\{\\textless\}/" + tag + r"\{\\textgreater\}"
        )
        text = pattern.sub(functools.partial(_fill, template), text)
    return text


def _fill(template: str, match: re.Match[str]) -> str:
    return template % match.group(1)


def _raw_braced(value: Any) -> str:
    text = _text(value)
    return "{" + text + "}" if text else ""


def _tex_authors(names: Any) -> str:
    rendered = []
    for name in names or []:
        if not isinstance(name, dict):
            continue
        if name.get("literal"):
            rendered.append("{" + escape_latex(str(name["literal"])) + "}")
            continue
        last = _zotero_last_name(name)
        first = " ".join(p for p in (_text(name.get("given")), _text(name.get("dropping-particle"))) if p)
        pieces = [last] + ([str(name["suffix"])] if name.get("suffix") else []) + ([first] if first else [])
        text = escape_latex(", ".join(p for p in pieces if p))
        rendered.append(re.sub(r" (and) ", r" {\1} ", text, flags=re.I))
    return "{" + " and ".join(rendered) + "}" if rendered else ""


def _zotero_last_name(name: dict[str, Any]) -> str:
    if name.get("literal"):
        return str(name["literal"])
    return " ".join(p for p in (_text(name.get("non-dropping-particle")), _text(name.get("family"))) if p)


def _babel_language(value: Any) -> str | None:
    code = (_text(value) or "").lower().replace("_", "-")
    if not code:
        return None
    return _ENGLISH_VARIANTS.get(code) or _BABEL_LANGUAGES.get(code.split("-")[0]) or code


# -- RIS -----------------------------------------------------------------------------------------------


def _ris_name(name: Any) -> str:
    if not isinstance(name, dict):
        return ""
    if name.get("literal"):
        return _text(name["literal"]) or ""
    last = _zotero_last_name(name)
    first = " ".join(p for p in (_text(name.get("given")), _text(name.get("dropping-particle"))) if p)
    pieces = [last, first] + ([str(name["suffix"])] if name.get("suffix") else [])
    return ", ".join(p for p in pieces if p)


def _ris_date(parts: tuple[int, ...]) -> str:
    year = f"{parts[0]:04d}"
    month = f"{parts[1]:02d}" if len(parts) > 1 else ""
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    return f"{year}/{month}/{day}/"


# -- shared helpers --------------------------------------------------------------------------------------


def _date_tuple(value: Any) -> tuple[int, ...] | None:
    """(Y,), (Y, M) or (Y, M, D) from a CSL date object."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if not parts or not isinstance(parts, list) or not parts[0]:
        return None
    try:
        numbers = tuple(int(p) for p in parts[0][:3])
    except (TypeError, ValueError):
        return None
    return numbers or None


def _iso_date(value: Any) -> str | None:
    parts = _date_tuple(value)
    if not parts:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _remove_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
