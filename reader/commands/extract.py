"""``offprint extract [--json] PATH...``: run the ingest pipeline on saved pages, headless.

Files and folders are found as import finds them (:func:`reader.ingest.find_pages`: folders walked for
the page kinds Offprint reads; a page's ``NAME_files/`` folder holds its resources, not pages).  With
``--json`` each page gives one JSON line, in order; a page that fails, or a path that is none, gets its
line with ``error`` set.  The exit status is non-zero only when every file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader import ingest
from reader.errors import IngestError
from reader.ingest import PAGE_SUFFIXES, Article, FoundPage, find_pages

JSON_KEYS = ("path", "title", "authors", "date", "site", "url", "language", "excerpt", "series", "topics",
             "text", "html", "repairs", "provenance")  # fmt: skip
LIST_KEYS = {"authors", "series", "topics", "repairs", "organizations", "resources"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract articles and their metadata from saved pages",
        description="Extract the article, its citation metadata and a repair report from saved pages "
        f"({' '.join(PAGE_SUFFIXES)}, or folders of them).",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line per file")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved page files or folders")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failures = total = 0
    out = sys.stdout
    for found in find_pages(args.paths):
        total += 1
        path = str(found.path)
        try:
            article = _extract(found)
        except IngestError as exc:
            failures += 1
            if args.json:
                out.write(json.dumps(error_row(path, str(exc)), ensure_ascii=False) + "\n")
            else:
                out.write(f"{path}\n  error: {exc}\n\n")
            out.flush()
            continue
        if args.json:
            out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(summary(article) + "\n\n")
        out.flush()
    if total == 0:
        raise IngestError(f"{', '.join(args.paths)}: no saved pages found")
    return 1 if failures == total else 0


def _extract(found: FoundPage) -> Article:
    if found.problem is not None:  # not a page (missing, another kind of file): reported as its failure
        raise IngestError(found.problem)
    return ingest.extract_file(found.path)  # the pipeline loads on first use: other commands start faster


def error_row(path: str, message: str) -> dict[str, Any]:
    row: dict[str, Any] = {key: ([] if key in LIST_KEYS else None) for key in JSON_KEYS}
    row["provenance"] = {}
    row["path"] = path
    row["error"] = message
    return row


def summary(article: Article) -> str:
    """A few readable lines about one extracted article."""
    lines = [article.path, f"  title:   {article.title or '(none)'}"]
    if article.authors:
        lines.append(f"  authors: {', '.join(article.authors)}")
    if article.organizations:
        lines.append(f"  organisations: {', '.join(article.organizations)}")
    for label, value in (("date", article.date), ("site", article.site), ("url", article.url)):
        if value:
            lines.append(f"  {label}:{' ' * (8 - len(label))}{value}")
    if article.series:
        lines.append(f"  series:  {'; '.join(article.series)}")
    if article.topics:
        lines.append(f"  topics:  {'; '.join(article.topics)}")
    for entry in article.repairs:
        state = "not repaired" if entry.flagged else "repaired"
        lines.append(f"  {state}: {entry.kind} ×{entry.count}")
    lines.append(f"  words:   {len(article.text.split())}")
    return "\n".join(lines)
