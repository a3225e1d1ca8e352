"""The library commands: ``import``, ``search``, ``show``, ``list``, ``edit``, ``reindex``, ``reextract``,
``check`` and ``stats`` (``remove``, ``trash``, ``restore`` and the duplicates are :mod:`.trash`'s).  Each
takes ``--library DIR``.

They are thin: every one opens a :class:`~reader.library.facade.Library`, calls it,
and prints.  Commands that only read fall back to a read-only library when another
process holds the writer lock.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from collections import Counter
from typing import Any, TextIO

from reader.commands.common import library_parent, open_library
from reader.commands.notes import find_collection
from reader.errors import StorageError
from reader.library import (
    ATTENTION_REASONS,
    EDITABLE_FIELDS,
    ENGINES,
    FACETS,
    ITEM_TYPES,
    Filters,
    ImportProgress,
    ImportResult,
    ImportStatus,
    Library,
    SearchHit,
    SortOrder,
    StoredArticle,
    no_match_message,
    source_of,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = library_parent()

    parser = subparsers.add_parser("import", parents=[common], help="import saved pages into the library")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: all cores)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    parser.set_defaults(func=run_import)

    parser = subparsers.add_parser(
        "search",
        parents=[common],
        help="search the library",
        description="Search as the app's search field does: the last word also matches as the start of a "
        "longer word (harb finds harbour), and an unclosed quote or bracket is read as typed so far.",
    )
    parser.add_argument(
        "query", nargs="?", default="", help='e.g. arctic "sea ice" author:baev -draft negoti*'
    )
    parser.add_argument(
        "--exact",
        action="store_true",
        help="read the query exactly as written: the last word only as a whole word, and an unclosed "
        "quote or bracket is an error",
    )
    _add_filters(parser)
    parser.add_argument("--offset", type=int, default=0, help="skip this many hits")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_search)

    parser = subparsers.add_parser("list", parents=[common], help="list articles (optionally filtered)")
    _add_filters(parser, default_sort="date", default_limit=0)
    parser.add_argument(
        "--needs-attention",
        nargs="?",
        const="any",
        choices=["any", *ATTENTION_REASONS],
        metavar="REASON",
        help="only articles with damage the repair could not undo (or no text); REASON narrows it to one of "
        + ", ".join(ATTENTION_REASONS),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(func=run_list)

    parser = subparsers.add_parser("show", parents=[common], help="show one article")
    parser.add_argument("id", type=int)
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--text", action="store_true", help="the article text only")
    form.add_argument("--html", action="store_true", help="the reader HTML only")
    form.add_argument("--json", action="store_true", help="everything as JSON")
    parser.set_defaults(func=run_show)

    parser = subparsers.add_parser("edit", parents=[common], help="correct an article's metadata")
    parser.add_argument("id", type=int)
    parser.add_argument(
        "--item-type", dest="item_type", choices=list(ITEM_TYPES), help="what kind of item it is"
    )
    parser.add_argument("--title")
    parser.add_argument(
        "--author",
        action="append",
        dest="authors",
        metavar="NAME",
        help="an author (repeat for several; replaces the list)",
    )
    parser.add_argument("--organization", action="append", dest="organizations", metavar="NAME")
    parser.add_argument("--date", help="YYYY-MM-DD")
    parser.add_argument("--site")
    parser.add_argument("--url")
    parser.add_argument("--language")
    parser.add_argument(
        "--accessed", help="YYYY-MM-DD (default: when the page was saved, else the import date)"
    )
    parser.add_argument("--series", action="append", metavar="NAME")
    parser.add_argument("--topic", action="append", dest="topics", metavar="NAME")
    parser.add_argument(
        "--revert",
        action="append",
        default=[],
        metavar="FIELD",
        help="drop your edit of FIELD, going back to the extracted value",
    )
    parser.set_defaults(func=run_edit)

    parser = subparsers.add_parser("reindex", parents=[common], help="rebuild the full-text index")
    parser.add_argument("--engine", choices=ENGINES, help="switch to this engine")
    parser.set_defaults(func=run_reindex)

    parser = subparsers.add_parser(
        "reextract",
        parents=[common],
        help="extract articles again from their original files with this Offprint's extractor",
        description="Update articles in place from their kept original files, as a newer save would: your "
        "edits, highlights and notes are kept, highlights are placed again on the new text, and an "
        "extraction that would make an article worse is not applied.",
    )
    parser.add_argument("ids", type=int, nargs="*", metavar="ID", help="these articles (default: all)")
    parser.set_defaults(func=run_reextract)

    parser = subparsers.add_parser("check", parents=[common], help="check store, index and originals agree")
    parser.add_argument("--repair", action="store_true", help="fix what can be fixed")
    parser.set_defaults(func=run_check)

    parser = subparsers.add_parser("stats", parents=[common], help="size and health of the library")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_stats)


def _add_filters(
    parser: argparse.ArgumentParser, *, default_sort: str = "relevance", default_limit: int = 20
) -> None:
    add_filter_arguments(parser)
    parser.add_argument("--sort", choices=[s.value for s in SortOrder], default=default_sort)
    parser.add_argument("--limit", type=int, default=default_limit, help="at most N hits (0: all)")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The facet and date filters of ``search``, ``list`` and ``export`` (read back by filters_from_args)."""
    parser.add_argument("--series", action="append", default=[], metavar="S")
    parser.add_argument("--topic", action="append", default=[], dest="topics", metavar="T")
    parser.add_argument("--author", action="append", default=[], dest="authors", metavar="A")
    parser.add_argument("--site", action="append", default=[], dest="sites", metavar="S")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--year", type=int, action="append", default=[], dest="years", metavar="Y")
    when.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY-MM-DD, inclusive")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY-MM-DD, inclusive")
    parser.add_argument(
        "--collection",
        action="append",
        default=[],
        dest="collections",
        metavar="NAME",
        help="only articles in this collection (its name, path A/B or id; repeat for any of several)",
    )
    parser.add_argument(
        "--has-annotations", action="store_true", help="only articles with highlights or notes"
    )


def filters_from_args(args: argparse.Namespace, library: Library | None = None) -> Filters:
    """The filters the arguments name (collections are looked up by name in ``library``)."""
    names = getattr(args, "collections", [])
    if names and library is None:
        raise StorageError("--collection needs the library")
    return Filters(
        series=args.series,
        topics=args.topics,
        authors=args.authors,
        sites=args.sites,
        years=args.years,
        date_from=args.date_from,
        date_to=args.date_to,
        collections=[find_collection(library, name).id for name in names] if library else [],
        has_annotations=bool(getattr(args, "has_annotations", False)),
    )


def _open(args: argparse.Namespace, *, write: bool) -> Library:
    return open_library(args.library, write=write)


# -- import ------------------------------------------------------------------------------------------


class _ProgressBar:
    """A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.last = 0.0

    def __call__(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and progress.done < progress.total):
            return
        self.last = now
        width = 30
        filled = int(width * progress.done / progress.total) if progress.total else width
        eta = f" ETA {progress.eta_seconds:.0f}s" if progress.eta_seconds else ""
        name = progress.current.rsplit("/", 1)[-1][:30]
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {progress.done}/{progress.total} "
            f"{progress.rate:.1f}/s{eta} {name}"
        )
        self.stream.write(line.ljust(100)[:100])
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def run_import(args: argparse.Namespace) -> int:
    bar = _ProgressBar(sys.stderr)
    counts: Counter[str] = Counter()
    failures: list[ImportResult] = []
    notes: list[ImportResult] = []
    with _open(args, write=True) as library:
        try:
            for result in library.import_paths(args.paths, workers=args.workers, on_progress=bar):
                counts[result.status] += 1
                if result.status == ImportStatus.FAILED:
                    failures.append(result)
                elif result.note:
                    notes.append(result)
                if not args.quiet and not bar.enabled and result.status != ImportStatus.FAILED:
                    print(f"{result.status.value:9} {result.article_id or '-':>6}  {result.path}")
        finally:
            bar.finish()
        total = library.count()
    kept = f", kept the earlier version {counts[ImportStatus.KEPT]}" if counts[ImportStatus.KEPT] else ""
    print(
        f"imported {counts[ImportStatus.IMPORTED]}, updated {counts[ImportStatus.UPDATED]}{kept}, "
        f"duplicates {counts[ImportStatus.DUPLICATE]}, failed {counts[ImportStatus.FAILED]} "
        f"({total} articles in the library)"
    )
    for noted in notes:
        print(f"  note: {noted.path}: {noted.note}")
    for failure in failures:
        print(f"  failed: {failure.error or failure.path}")
    succeeded = sum(n for status, n in counts.items() if status != ImportStatus.FAILED)
    return 1 if failures and not succeeded else 0


# -- search and list ---------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _plain_snippet(snippet: str, *, bold: bool) -> str:
    import html

    if bold:
        snippet = snippet.replace("<b>", "\x1b[1m").replace("</b>", "\x1b[0m")
    return html.unescape(_TAG.sub("", snippet))


def _hit_line(hit: SearchHit) -> str:
    byline = ", ".join(hit.authors)
    parts = [f"{hit.id:>6}", hit.date or "----------", hit.title or "(untitled)"]
    extra = " — ".join(p for p in (byline, hit.site or "") if p)
    return "  ".join(parts) + (f"  ({extra})" if extra else "")


def run_search(args: argparse.Namespace) -> int:
    with _open(args, write=False) as library:
        limit = args.limit if args.limit > 0 else max(library.count(), 1)
        result = library.search(
            args.query,
            filters_from_args(args, library),
            sort=SortOrder(args.sort),
            limit=limit,
            offset=args.offset,
            as_you_type=not args.exact,
        )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    bold = sys.stdout.isatty()
    if result.total == 0 and args.query.strip():
        print(no_match_message(args.query.strip(), result.unmatched))
        return 0
    print(f"{result.total} article(s) match")
    for hit in result.hits:
        print(_hit_line(hit))
        if hit.snippet:
            print(f"        {_plain_snippet(hit.snippet, bold=bold)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    wanted = getattr(args, "needs_attention", None)
    with _open(args, write=False) as library:
        limit = args.limit if args.limit > 0 else max(library.count(), 1)
        if wanted is None:
            result = library.search(
                "",
                filters_from_args(args, library),
                sort=SortOrder(args.sort),
                limit=limit,
                snippets=False,
                facets=False,
            )
            hits, total, reasons = result.hits, result.total, {}
        else:
            every = library.search(
                "",
                filters_from_args(args, library),
                sort=SortOrder(args.sort),
                limit=max(library.count(), 1),
                snippets=False,
                facets=False,
            )
            reasons = library.attention(library.needs_attention(None if wanted == "any" else wanted))
            matching = [hit for hit in every.hits if hit.id in reasons]
            hits, total = matching[:limit], len(matching)
    if args.json:
        rows = [dataclasses.asdict(hit) for hit in hits]
        for row in rows:
            if wanted is not None:
                row["attention"] = reasons.get(row["id"], [])
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for hit in hits:
        print(_hit_line(hit))
        if hit.id in reasons:
            print("        needs attention: " + "; ".join(ATTENTION_REASONS[r] for r in reasons[hit.id]))
    print(f"{total} article(s)", file=sys.stderr)
    return 0


# -- one article -------------------------------------------------------------------------------------


def _article_json(article: StoredArticle) -> dict[str, Any]:
    data = dataclasses.asdict(article)
    data["edited"] = sorted(article.edited)  # a set in memory, a sorted list in JSON
    return data


def run_show(args: argparse.Namespace) -> int:
    with _open(args, write=False) as library:
        article = library.get(args.id)
    if args.text:
        print(article.text)
    elif args.html:
        print(article.html)
    elif args.json:
        print(json.dumps(_article_json(article), ensure_ascii=False, indent=2))
    else:
        _print_article(article)
    return 0


def _print_article(article: StoredArticle) -> None:
    rows = [(name, _shown(getattr(article, name))) for name in EDITABLE_FIELDS]
    rows += [("source", article.source_path), ("imported", article.imported_at)]
    if article.attention:
        rows.append(("attention", "; ".join(ATTENTION_REASONS.get(r, r) for r in article.attention)))
    rows.append(("in trash since", article.trashed_at))
    for name, value in rows:
        if value:
            mark = " (edited)" if name in article.edited else ""
            if name in ("accessed", "item_type") and not mark and source_of(article, name):
                mark = f" (from {source_of(article, name)})"
            print(f"{name:>14}: {value}{mark}")
    print()
    print(article.text)


def _shown(value: str | list[str] | None) -> str | None:
    return "; ".join(value) if isinstance(value, list) else value


def run_edit(args: argparse.Namespace) -> int:
    fields = {name: getattr(args, name) for name in EDITABLE_FIELDS if getattr(args, name, None) is not None}
    with _open(args, write=True) as library:
        article = library.get(args.id)
        if args.revert:
            article = library.revert(args.id, args.revert)
        if fields:
            article = library.update(args.id, **fields)
    _print_article_head(article)
    return 0


def _print_article_head(article: StoredArticle) -> None:
    edited = ", ".join(sorted(article.edited)) or "none"
    print(
        f"{article.id}: {article.title} — {', '.join(article.authors)} ({article.date or 'no date'}); "
        f"edited fields: {edited}"
    )


# -- maintenance -------------------------------------------------------------------------------------


def run_reindex(args: argparse.Namespace) -> int:
    with _open(args, write=True) as library:
        started = time.perf_counter()
        library.reindex(args.engine)
        print(
            f"rebuilt the {library.engine} index of {library.count()} article(s) "
            f"in {time.perf_counter() - started:.1f} s"
        )
    return 0


def run_reextract(args: argparse.Namespace) -> int:
    counts: Counter[str] = Counter()
    with _open(args, write=True) as library:
        for result in library.reextract(args.ids or None):
            counts[result.status] += 1
            if result.status is ImportStatus.FAILED:
                print(f"  failed: {result.error}")
            elif result.note and result.note != "unchanged":
                print(f"  {result.article_id}: {result.note}")
    print(
        f"extracted again: updated {counts[ImportStatus.UPDATED]}, unchanged or kept "
        f"{counts[ImportStatus.KEPT]}, failed {counts[ImportStatus.FAILED]}"
    )
    return (
        1
        if counts[ImportStatus.FAILED] and not counts[ImportStatus.UPDATED] + counts[ImportStatus.KEPT]
        else 0
    )


def run_check(args: argparse.Namespace) -> int:
    with _open(args, write=args.repair) as library:
        report = library.check(repair=args.repair)
    for line in report.repaired:
        print(f"repaired: {line}")
    for line in report.notes:
        print(f"note: {line}")
    for line in report.problems:
        print(f"problem: {line}")
    print(
        "the library is consistent"
        if report.ok
        else f"{len(report.problems)} problem(s) found"
        + ("" if args.repair else "; `offprint check --repair` fixes what can be fixed")
    )
    return 0 if report.ok else 1


def run_stats(args: argparse.Namespace) -> int:
    with _open(args, write=False) as library:
        stats = library.stats()
        facets = library.facets()
    stats["facet_values"] = {name: len(facets.get(name, {})) for name in FACETS}
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    for name, value in stats.items():
        print(f"{name:>17}: {value}")
    return 0
