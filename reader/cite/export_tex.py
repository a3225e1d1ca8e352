"""BibTeX and BibLaTeX, written so that Zotero's BibTeX/BibLaTeX importers and biber read them back.

See :mod:`reader.cite.export` for the rules every format follows.  Here: the entry types and fields per
CSL type, Zotero's citation keys, LaTeX escaping with balanced braces and case protection, and the
``langid`` values biblatex has language modules for.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from reader.cite.fields import date_tuple, iso_date, zotero_name
from reader.cite.fields import text as line_text

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
# The entry types whose series both the format and Zotero's importer keep.  BibTeX has no data model (a
# style ignores a field it does not use) and Zotero writes and reads a report's series there; biblatex's
# data model has no series on @report or @online, so biber would reject it.
_BIBTEX_SERIES_TYPES = frozenset(["techreport", "book", "incollection", "inproceedings"])
_BIBLATEX_SERIES_TYPES = frozenset(["book", "incollection", "inproceedings"])

# Language codes to the names biblatex's language modules (.lbx) carry: Zotero's babel map (BibLaTeX.js),
# kept only where biblatex has the module (biblatex 3.18's lbx files), so biblatex never warns about an
# unknown language.  Zotero's "norwegian" has no module: bokmål's "norsk" is used.
BIBLATEX_LANGUAGES = {
    "bg": "bulgarian", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "de-at": "austrian",
    "de-ch": "swissgerman", "el": "greek", "en": "english", "en-au": "australian", "en-ca": "canadian",
    "en-gb": "british", "en-nz": "newzealand", "en-us": "american", "es": "spanish", "et": "estonian",
    "eu": "basque", "fi": "finnish", "fr": "french", "gl": "galician", "hr": "croatian", "hu": "magyar",
    "is": "icelandic", "it": "italian", "lt": "lithuanian", "lv": "latvian", "mr": "marathi", "nb": "norsk",
    "nl": "dutch", "nn": "nynorsk", "no": "norsk", "pl": "polish", "pt": "portuguese", "pt-br": "brazil",
    "pt-pt": "portuguese", "ro": "romanian", "ru": "russian", "sk": "slovak", "sl": "slovene",
    "sr": "serbian", "sr-cyrl": "serbianc", "sr-latn": "serbian", "sv": "swedish", "tr": "turkish",
    "uk": "ukrainian",
}  # fmt: skip

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
# Zotero's citation-key title skip words (BibTeX.js / BibLaTeX.js), with "les", and its markup.
_KEY_TITLE_BANNED_RE = re.compile(
    r"\b(a|an|the|some|from|on|in|to|of|do|with|der|die|das|ein|eine|einer|eines|einem|einen|un|une|la|le|les|"
    r"l\'|el|las|los|al|uno|una|unos|unas|de|des|del|d\')(\s+|\b)|"
    r"(</?(i|b|sup|sub|sc|span style=\"small-caps\"|span)>)",
    re.ASCII,
)
# Zotero's current key filter ("the simple pattern for all newly added items").
_KEY_CLEAN_RE = re.compile(r"[^a-z0-9_-]")
# Letters Zotero's removeDiacritics maps that Unicode does not decompose.
_UNDECOMPOSED = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_MARKUP = (
    ("i", "\\textit{%s}"),
    ("b", "\\textbf{%s}"),
    ("sup", "$^{\\textrm{%s}}$"),
    ("sub", "$_{\\textrm{%s}}$"),
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def to_bibtex(items: Sequence[dict[str, Any]]) -> str:
    """BibTeX (UTF-8): Zotero's entry types and fields, the site in ``howpublished`` for ``@misc``."""
    return _tex_export(items, biblatex=False)


def to_biblatex(items: Sequence[dict[str, Any]]) -> str:
    """BibLaTeX (``@online``, ``date``, ``urldate``, ``langid``) that biber's data model accepts."""
    return _tex_export(items, biblatex=True)


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
        ("series", _series(item, entry_type, _BIBTEX_SERIES_TYPES)),
        ("url", _raw_braced(item.get("URL"))),
        ("language", _braced(item.get("language"))),
        ("urldate", _raw_braced(iso_date(item.get("accessed")))),
        ("keywords", _braced(_keywords(item))),
    ]
    if entry_type == "techreport":
        fields.append(("institution", _braced(item.get("publisher") or item.get("container-title"))))
    else:
        container = item.get("container-title")
        fields.append(("journal" if entry_type == "article" else "howpublished", _braced(container)))
    fields.append(("author", _tex_authors(item.get("author"))))
    issued = date_tuple(item.get("issued"))
    if issued and len(issued) > 1:
        fields.append(("month", MONTHS[issued[1] - 1]))
    if issued:
        fields.append(("year", f"{{{issued[0]}}}"))
    return fields


def _biblatex_fields(item: dict[str, Any], entry_type: str) -> list[tuple[str, str]]:
    csl_type = str(item.get("type", ""))
    fields = [
        ("title", _braced(item.get("title"), protect_case=True)),
        ("series", _series(item, entry_type, _BIBLATEX_SERIES_TYPES)),
        ("url", _raw_braced(item.get("URL"))),
        ("langid", _braced(biblatex_language(item.get("language")))),
        ("urldate", _raw_braced(iso_date(item.get("accessed")))),
        ("keywords", _braced(_keywords(item))),
    ]
    container = item.get("container-title")
    if entry_type == "article":
        fields.append(("journaltitle", _braced(container)))
        subtype = {"article-newspaper": "newspaper", "article-magazine": "magazine"}.get(csl_type)
        if subtype:
            fields.append(("entrysubtype", f"{{{subtype}}}"))
    elif entry_type == "report":
        fields.append(("institution", _braced(item.get("publisher") or container)))
        fields.append(("type", _braced(item.get("genre")) or "{report}"))
    else:
        fields.append(("titleaddon", _braced(container)))
    fields.append(("author", _tex_authors(item.get("author"))))
    fields.append(("date", _raw_braced(iso_date(item.get("issued")))))
    return fields


def _series(item: dict[str, Any], entry_type: str, accepted: frozenset[str]) -> str:
    return _braced(item.get("collection-title"), protect_case=True) if entry_type in accepted else ""


def _keywords(item: dict[str, Any]) -> str | None:
    """The item's keywords as Zotero writes tags: joined with ", "."""
    return line_text(item.get("keyword"))


def cite_key(item: dict[str, Any], taken: set[str]) -> str:
    """Zotero's ``%a_%t_%y`` key (``baev_shadow_2026``), made unique against ``taken`` (then added to it).

    ``%a`` is the first creator's last name (lower case, spaces to ``_``, commas dropped), ``%t`` the first
    title word after Zotero's skip words, ``%y`` the year; then diacritics go and every character outside
    ``[a-z0-9_-]`` is dropped, as Zotero does for items added since 2020.
    """
    authors = item.get("author") or []
    first = authors[0] if authors else None
    author = "noauthor"
    if isinstance(first, dict):
        last = zotero_name(first)[1]
        if last:
            author = last.lower().replace(" ", "_").replace(",", "")
    title_text = line_text(item.get("title"))
    title = "notitle"
    if title_text:
        words = _KEY_TITLE_BANNED_RE.sub("", title_text.lower()).split()
        title = words[0] if words else ""
    issued = date_tuple(item.get("issued"))
    year = str(issued[0]) if issued else "nodate"
    base = _KEY_CLEAN_RE.sub("", remove_diacritics(f"{author}_{title}_{year}".lower()))
    key, counter = base, 0
    while key in taken:
        counter += 1
        key = f"{base}-{counter}"
    taken.add(key)
    return key


def remove_diacritics(value: str) -> str:
    """Accents off (``é`` → ``e``), and the letters Unicode does not decompose mapped (``ß`` → ``ss``)."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    value_text = line_text(value)
    if not value_text:
        return ""
    escaped = escape_latex(value_text)
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
    value_text = line_text(value)
    return "{" + value_text + "}" if value_text else ""


def _tex_authors(names: Any) -> str:
    rendered = []
    for name in names or []:
        if not isinstance(name, dict):
            continue
        if name.get("literal"):
            rendered.append("{" + escape_latex(str(name["literal"])) + "}")
            continue
        first, last = zotero_name(name)
        # Zotero's BibLaTeX writer: a suffix ("Jr.") goes between the last and the first name
        given, _, suffix = first.partition(", ")
        pieces = [last] + ([suffix] if suffix else []) + ([given] if given else [])
        escaped = escape_latex(", ".join(p for p in pieces if p))
        rendered.append(re.sub(r" (and) ", r" {\1} ", escaped, flags=re.I))
    return "{" + " and ".join(rendered) + "}" if rendered else ""


def biblatex_language(value: Any) -> str | None:
    """The ``langid`` for a language code, or None when biblatex has no module for the language."""
    code = (line_text(value) or "").lower().replace("_", "-")
    if not code:
        return None
    parts = code.split("-")
    for candidate in ("-".join(parts[:2]), parts[0]):
        if candidate in BIBLATEX_LANGUAGES:
            return BIBLATEX_LANGUAGES[candidate]
    return None
