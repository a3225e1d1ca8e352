"""Exports of CSL-JSON items that round-trip into Zotero and LaTeX: BibTeX, BibLaTeX, RIS and CSL-JSON.

Conventions follow Zotero's own translators (BibTeX.js, BibLaTeX.js, RIS.js, CSL JSON.js) and its
importer ``Zotero.Utilities.Item.itemFromCSLJSON``, so what Offprint writes is read back by Zotero
without loss:

* citation keys by Zotero's current rule (``%a_%t_%y`` → ``baev_shadow_2026``; its skip words, ``les``
  among them; diacritics removed, then every character outside ``[a-z0-9_-]`` dropped; ``-1``, ``-2`` on
  collisions);
* topics as keywords in every format (CSL-JSON ``keyword``, BibTeX/BibLaTeX ``keywords``, one RIS ``KW``
  line each), as Zotero writes tags;
* CSL-JSON names as Zotero's importer reads them: ``family``/``given``/``literal`` only, particles and a
  suffix folded in where citeproc-js (and Zotero's own particle parser) split them back identically;
* a series only where the format and Zotero's item type both hold one (a report's series: BibTeX
  ``@techreport``, RIS ``T2`` of ``RPRT``, CSL ``collection-title``); never RIS ``T3`` on
  ELEC/BLOG/NEWS/MGZN, which Zotero files as a note, nor BibLaTeX ``series`` on ``@online`` or
  ``@report``, which biber's data model rejects (Zotero has no series for a blog post, a web page, a
  newspaper or a magazine article);
* titles and names exactly as stored (only runs of ASCII white space become one space; an ideographic or
  no-break space stays); BibLaTeX ``langid`` only for a language biblatex has a language module for.

Two things are better than Zotero's own output, on purpose: BibTeX ``@misc`` carries the site in
``howpublished`` (Zotero writes nothing there for a web page, so the site is lost), and LaTeX escaping
balances braces with ``\vphantom`` and brace-protects every capitalised word of a title (Zotero protects
only words with an inner capital), so a style's sentence-casing never lower-cases a name.  RIS ends lines
with CRLF; web pages, blog posts and their kin are ``@misc`` in BibTeX and ``@online`` in BibLaTeX, news and
magazine articles ``@article`` (``entrysubtype``), reports ``@techreport``/``@report`` (with the
``type`` biblatex requires).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.cite.export_tex import cite_key, escape_latex, to_biblatex, to_bibtex
from reader.cite.fields import date_tuple, text, zotero_name
from reader.cite.names import parse_particles
from reader.errors import CitationError

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
# The CSL types whose series Zotero's item type keeps (itemFromCSLJSON drops the rest).
_SERIES_CSL_TYPES = frozenset(["report", "book", "chapter", "paper-conference"])
_NAME_PARTS = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix")

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "cite_key",
    "escape_latex",
    "export_format",
    "to_biblatex",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
    "write_export",
    "zotero_csl_name",
]


# -- CSL-JSON ------------------------------------------------------------------------------------------


def to_csl_json(items: Sequence[dict[str, Any]]) -> str:
    """A JSON array of the items as Zotero's CSL JSON importer reads them, tab-indented as Zotero writes."""
    return json.dumps([_zotero_csl_item(item) for item in items], ensure_ascii=False, indent="\t") + "\n"


def _zotero_csl_item(item: dict[str, Any]) -> dict[str, Any]:
    exported = dict(item)
    if str(item.get("type")) not in _SERIES_CSL_TYPES:
        exported.pop("collection-title", None)
    if isinstance(item.get("author"), list):
        exported["author"] = [zotero_csl_name(n) if isinstance(n, dict) else n for n in item["author"]]
    return exported


def zotero_csl_name(name: dict[str, Any]) -> dict[str, Any]:
    """A CSL name as ``family``/``given``/``literal`` only (Zotero's importer reads nothing else).

    Particles and a suffix are folded into the family and given names (``van der Berg``; ``Martin Luther,
    Jr.``), which citeproc-js and Zotero's own particle parser split back into the same parts.  A name
    whose parts would not come back the same (a capitalised particle, a suffix written without the comma
    citeproc-js looks for) is folded all the same: that is how a person would type it into Zotero.
    """
    if name.get("literal"):
        return {"literal": name["literal"]}
    if not any(name.get(part) for part in ("non-dropping-particle", "dropping-particle", "suffix")):
        return {k: name[k] for k in ("family", "given") if name.get(k)}
    given, family = zotero_name(name)
    return {k: v for k, v in (("family", family), ("given", given)) if v}


def folds_back(name: dict[str, Any]) -> bool:
    """Whether citeproc-js splits :func:`zotero_csl_name`'s folded name back into ``name``'s parts."""
    parsed = parse_particles(zotero_csl_name(name))
    return {k: parsed.get(k) for k in _NAME_PARTS} == {k: name.get(k) for k in _NAME_PARTS}


# -- RIS -----------------------------------------------------------------------------------------------


def to_ris(items: Sequence[dict[str, Any]]) -> str:
    """RIS as Zotero's RIS translator reads it back: ``TAG  - value`` lines ending in CRLF, one blank line
    between records; a ``KW`` line per keyword; a report's series in ``T2`` (Zotero's seriesTitle for
    ``RPRT``) and its institution in ``PB``; no ``T3``, which Zotero files as a note for these types."""
    return "\r\n".join(_ris_record(item) for item in items)


def _ris_record(item: dict[str, Any]) -> str:
    ris_type = _RIS_TYPES.get(str(item.get("type", "")), "ELEC")
    lines: list[tuple[str, str | None]] = [("TY", ris_type)]
    lines += [("AU", _ris_name(name)) for name in item.get("author") or [] if _ris_name(name)]
    lines.append(("TI", text(item.get("title"))))
    if ris_type == "RPRT":
        lines += [("T2", text(item.get("collection-title"))), ("PB", text(item.get("publisher")))]
    else:
        lines.append(("T2", text(item.get("container-title"))))
    issued = date_tuple(item.get("issued"))
    if issued:
        lines += [("DA", _ris_date(issued)), ("PY", f"{issued[0]:04d}")]
    lines.append(("LA", text(item.get("language"))))
    lines.append(("UR", text(item.get("URL"))))
    accessed = date_tuple(item.get("accessed"))
    if accessed:
        lines.append(("Y2", _ris_date(accessed)))
    lines += [("KW", keyword) for keyword in _keyword_list(item)]
    body = "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value)
    return body + "ER  - \r\n"


def _keyword_list(item: dict[str, Any]) -> list[str]:
    keywords = text(item.get("keyword"))
    return [k.strip() for k in keywords.split(",") if k.strip()] if keywords else []


def _ris_name(name: Any) -> str:
    if not isinstance(name, dict):
        return ""
    if name.get("literal"):
        return text(name["literal"]) or ""
    first, last = zotero_name(name)
    given, _, suffix = first.partition(", ")
    return ", ".join(p for p in (last, given, suffix) if p)


def _ris_date(parts: tuple[int, ...]) -> str:
    year = f"{parts[0]:04d}"
    month = f"{parts[1]:02d}" if len(parts) > 1 else ""
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    return f"{year}/{month}/{day}/"


# -- the table of formats ---------------------------------------------------------------------------------


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
