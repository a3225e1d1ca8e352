"""``offprint extract [--json] PATH...``: run the ingest pipeline on saved pages, headless.

Folders are walked for the page kinds Offprint reads (files inside a page's ``NAME_files/`` folder are
that page's resources, not pages).  With ``--json`` each path gives one JSON line, in order; a file that
fails gets its line with ``error`` set.  The exit status is non-zero only when every file failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.errors import IngestError
from reader.ingest.model import Article
from reader.ingest.pipeline import extract_file
from reader.ingest.read import ACCEPTED_SUFFIXES

JSON_KEYS = ("path", "title", "authors", "date", "site", "url", "language", "excerpt", "series", "topics",
             "text", "html", "repairs", "provenance")  # fmt: skip
LIST_KEYS = {"authors", "series", "topics", "repairs", "organizations", "resources"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract articles and their metadata from saved pages",
        description="Extract the article, its citation metadata and a repair report from saved pages "
        "(.html .htm .xhtml .mhtml .mht .txt, or folders of them).",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line per file")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved page files or folders")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failures = total = 0
    out = sys.stdout
    for path in expand_paths(args.paths):
        total += 1
        try:
            article = extract_file(path)
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


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; folders walked (sorted) for the page kinds we read, skipping ``_files`` folders."""
    for raw in paths:
        if not os.path.isdir(raw):
            yield raw
            continue
        for dirpath, dirnames, filenames in os.walk(raw):
            dirnames[:] = sorted(d for d in dirnames if not d.endswith("_files") and not d.startswith("."))
            for filename in sorted(filenames):
                if Path(filename).suffix.lower() in ACCEPTED_SUFFIXES:
                    yield os.path.join(dirpath, filename)


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
