"""Citations: article → CSL-JSON, CSL formatting with citeproc-js (configured as Zotero configures it),
and BibTeX, BibLaTeX, RIS and CSL-JSON exports.

This module is the package's one public face: the app, the commands, the benchmarks and the packaging
import from here only (an import-linter contract checks it).  :class:`Citer` formats citations;
:func:`article_to_csl` turns a stored (or just extracted) article into a CSL-JSON item;
:data:`EXPORT_FORMATS` is the one table of export formats.
"""

from reader.cite.clipboard import ClipboardText
from reader.cite.csl import CitableArticle, article_to_csl
from reader.cite.export import (
    EXPORT_FORMATS,
    ExportFormat,
    export_format,
    to_biblatex,
    to_bibtex,
    to_csl_json,
    to_ris,
    write_export,
)
from reader.cite.facade import Citer, shutdown_engine
from reader.cite.names import person_to_csl
from reader.cite.notes import NOTE_FIELDS, NOTE_FORMATS, Annotated, note_from_annotations, with_notes
from reader.cite.setup_engine import ENGINE_FILE
from reader.cite.setup_engine import default_install_dir as engine_install_dir
from reader.cite.style_index import (
    StyleInfo,
    declared_locale,
    filter_styles,
    fold_query,
    order_matches,
    search_styles,
)
from reader.cite.styles import CORE_STYLES, citation_locales, locales_dir, packaged_styles_dir
from reader.errors import CitationError, UnknownStyleError

__all__ = [
    "CORE_STYLES",
    "ENGINE_FILE",
    "EXPORT_FORMATS",
    "NOTE_FIELDS",
    "NOTE_FORMATS",
    "Annotated",
    "CitableArticle",
    "CitationError",
    "Citer",
    "ClipboardText",
    "ExportFormat",
    "StyleInfo",
    "UnknownStyleError",
    "article_to_csl",
    "citation_locales",
    "declared_locale",
    "engine_install_dir",
    "export_format",
    "filter_styles",
    "fold_query",
    "locales_dir",
    "note_from_annotations",
    "order_matches",
    "packaged_styles_dir",
    "person_to_csl",
    "search_styles",
    "shutdown_engine",
    "to_biblatex",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
    "with_notes",
    "write_export",
]
