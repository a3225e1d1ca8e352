"""The citation commands: ``cite``, ``export`` and ``styles``.

``offprint cite ID...`` formats library articles (a bibliography sorted and disambiguated
together, or one in-text citation / note for all of them); ``offprint cite --csl-json FILE``
formats CSL-JSON records without a library, each record on its own, one line per record, in
order.  ``offprint export`` writes BibTeX, BibLaTeX, RIS or CSL-JSON for the articles a search
selects.  ``offprint styles`` lists the citation styles (``--all``: every installed one, independent and
dependent; ``--search WORDS``: those whose title, id, field or format holds every word; ``--add FILE``:
add a ``.csl`` file to the library).  The library is imported lazily so that
``--csl-json`` works without one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cite import (
    CORE_STYLES,
    EXPORT_FORMATS,
    CitationError,
    Citer,
    StyleInfo,
    article_to_csl,
    export_format,
    with_notes,
)
from reader.commands.common import library_parent, open_library
from reader.commands.library import add_filter_arguments, filters_from_args

if TYPE_CHECKING:
    from reader.library import Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = library_parent()

    parser = subparsers.add_parser(
        "cite", parents=[common], help="format citations of library articles or of CSL-JSON records"
    )
    parser.add_argument("ids", type=int, nargs="*", metavar="ID", help="article ids (see `offprint search`)")
    parser.add_argument(
        "--csl-json",
        metavar="FILE",
        help="format the records of this CSL-JSON file ('-': stdin), one per line",
    )
    parser.add_argument("--style", default="apa", help="style id, alias or .csl file (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "html"), default="text", dest="fmt")
    parser.add_argument(
        "--locale",
        metavar="LANG",
        help="the language for a style that declares none, e.g. en-GB, de-DE (default: en-US, as Zotero's)",
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--in-text", action="store_true", help="the in-text citation instead of the entry")
    form.add_argument("--note", action="store_true", help="the citation as a footnote")
    parser.add_argument(
        "--include-series", action="store_true", help="cite the article's series as collection"
    )
    parser.set_defaults(func=run_cite)

    parser = subparsers.add_parser(
        "export", parents=[common], help="export articles as BibTeX, BibLaTeX, RIS or CSL-JSON"
    )
    parser.add_argument("query", nargs="?", default="", help="a search query (default: every article)")
    parser.add_argument("--format", choices=[f.name for f in EXPORT_FORMATS], required=True, dest="fmt")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    add_filter_arguments(parser)
    parser.add_argument("--include-series", action="store_true", help="export the article's series")
    parser.add_argument(
        "--no-notes",
        action="store_true",
        help="leave out the articles' notes (RIS N1, BibTeX annote, BibLaTeX annotation: as Zotero writes "
        "them)",
    )
    parser.set_defaults(func=run_export)

    parser = subparsers.add_parser("styles", parents=[common], help="list or search the citation styles")
    parser.add_argument(
        "--all", action="store_true", help="every installed style (independent and dependent), not only yours"
    )
    parser.add_argument(
        "--search",
        nargs="+",
        metavar="WORD",
        help="styles whose title, id, field or format holds every word (searches every installed style)",
    )
    parser.add_argument("--add", metavar="FILE", help="add a .csl file to the library's styles")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(func=run_styles)


# -- cite ------------------------------------------------------------------------------------------------


def run_cite(args: argparse.Namespace) -> int:
    if args.csl_json and args.ids:
        raise CitationError("give either article ids or --csl-json FILE, not both")
    if args.csl_json:
        return _cite_records(args)
    if not args.ids:
        raise CitationError("nothing to cite: give article ids (see `offprint search`) or --csl-json FILE")
    library = _open_library(args.library)
    try:
        items = [
            article_to_csl(library.get(article_id), include_series=args.include_series)
            for article_id in args.ids
        ]
        with Citer([library.styles_folder()]) as citer:
            if args.in_text:
                lines = [citer.citation(items, args.style, args.fmt, locale=args.locale)]
            elif args.note:
                lines = [citer.note(items, args.style, args.fmt, locale=args.locale)]
            else:
                lines = citer.bibliography(items, args.style, args.fmt, locale=args.locale)
    finally:
        library.close()
    for line in lines:
        print(line)
    return 0


def _cite_records(args: argparse.Namespace) -> int:
    records = _read_records(args.csl_json)
    form = "citation" if args.in_text else "note" if args.note else "bibliography"
    failures = 0
    with Citer(_user_style_dirs(args.library)) as citer:
        citer.warm(args.style, locale=args.locale)  # an unknown style is one clear error, not one per record
        for number, record in enumerate(records, start=1):
            try:
                line = citer.format_each([record], args.style, args.fmt, form, locale=args.locale)[0]
            except CitationError as exc:
                failures += 1
                print(f"offprint: {args.csl_json}: record {number}: {exc}", file=sys.stderr)
                line = ""
            print(line, flush=False)
    return 1 if failures else 0


def _read_records(source: str) -> list[dict[str, Any]]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CitationError(f"{source}: cannot read the CSL-JSON file: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CitationError(f"{source}: not valid JSON: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    records = data if isinstance(data, list) else [data]
    if not all(isinstance(r, dict) for r in records):
        raise CitationError(f"{source}: expected a JSON array of CSL-JSON objects")
    return records


# -- export ------------------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from reader.library import SortOrder

    library = _open_library(args.library)
    try:
        filters = filters_from_args(args, library)
        sort = SortOrder.RELEVANCE if args.query.strip() else SortOrder.DATE
        ids = library.search_ids(args.query, filters, sort=sort)
        items = [article_to_csl(library.get(i), include_series=args.include_series) for i in ids]
        notes = [[] if args.no_notes else [n.text for n in library.notes(i)] for i in ids]
    finally:
        library.close()
    text = with_notes(args.fmt, export_format(args.fmt).render(items), notes)
    if args.output:
        _write(args.output, text)
        print(f"exported {len(items)} article(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    return 0


def _write(path: str, text: str) -> None:
    """Write an export as rendered (UTF-8; RIS keeps its CRLF on every platform)."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise CitationError(f"{path}: cannot write the export: {exc.strerror or exc}") from exc


# -- styles --------------------------------------------------------------------------------------------------


_STYLE_JSON_KEYS = ("id", "title", "alias", "format", "fields", "parent", "locale", "note_style", "user")


def run_styles(args: argparse.Namespace) -> int:
    citer = Citer(_user_style_dirs(args.library))
    if args.add:
        added = citer.add_style_file(args.add)
        print(f"added {added.id}: {added.title}", file=sys.stderr)
    if args.search:
        styles = citer.search_styles(" ".join(args.search), first=[sid for sid, _alias in CORE_STYLES])
        if not styles:
            print(f"offprint: no style matches {' '.join(args.search)!r}", file=sys.stderr)
            return 1
    else:
        styles = citer.styles(installed=args.all)
    if args.json:
        rows = [{key: getattr(s, key) for key in _STYLE_JSON_KEYS} for s in styles]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = min(max((len(s.id) for s in styles), default=0), 48)
    for style in styles:
        print(f"{style.id:<{width}}  {style.alias or '-':<12}  {_style_kind(style):<23}  {style.title}")
    return 0


def _style_kind(style: StyleInfo) -> str:
    """``author-date``, ``numeric``, ``note``… and whether it is a journal's name for another style."""
    kind = style.format or ("note" if style.note_style else "")
    return f"{kind} (dependent)" if style.parent else kind or "-"


# -- helpers -----------------------------------------------------------------------------------------------


def _open_library(folder: str | None) -> Library:
    return open_library(folder, write=False)


def _user_style_dirs(folder: str | None) -> list[Path]:
    """The library's styles folder (``--library``, ``$OFFPRINT_LIBRARY`` or the default); not created."""
    from reader.library import styles_folder_for  # lazily: `cite --csl-json` and `styles` need no library

    return [styles_folder_for(folder)]
