"""The commands that take articles out and bring them back: ``remove`` (to the trash), ``trash``
(list it, ``--empty`` it), ``restore``, ``duplicates`` (list the sets) and ``merge``.  Each takes
``--library DIR``; like the other library commands they are thin over :class:`~reader.library.Library`.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands.common import library_parent, open_library
from reader.library import ArticleNotFoundError, Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = library_parent()

    parser = subparsers.add_parser(
        "remove", parents=[common], help="move articles to the trash (`offprint restore` brings them back)"
    )
    parser.add_argument("ids", type=int, nargs="+", metavar="ID")
    parser.set_defaults(func=run_remove)

    parser = subparsers.add_parser("trash", parents=[common], help="list the trash, or empty it")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--empty", action="store_true", help="delete the articles in the trash for good (cannot be undone)"
    )
    parser.set_defaults(func=run_trash)

    parser = subparsers.add_parser("restore", parents=[common], help="bring articles back from the trash")
    parser.add_argument("ids", type=int, nargs="+", metavar="ID")
    parser.set_defaults(func=run_restore)

    parser = subparsers.add_parser(
        "duplicates", parents=[common], help="list articles that are one story (same URL or same text)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of sets")
    parser.set_defaults(func=run_duplicates)

    parser = subparsers.add_parser(
        "merge", parents=[common], help="merge duplicates into one article (the others go to the trash)"
    )
    parser.add_argument("keep", type=int, metavar="KEEP", help="the article to keep")
    parser.add_argument("others", type=int, nargs="+", metavar="ID", help="its duplicates")
    parser.set_defaults(func=run_merge)


def _missing(library: Library, ids: list[int]) -> list[int]:
    missing = []
    for article_id in ids:
        try:
            library.get(article_id)
        except ArticleNotFoundError:
            missing.append(article_id)
    return missing


def run_remove(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        missing = _missing(library, args.ids)
        removed = library.remove(args.ids)
    print(f"removed {removed} article(s) to the trash (`offprint restore ID...` brings them back)")
    for article_id in missing:
        print(f"  no article {article_id}", file=sys.stderr)
    return 0 if not missing else 1


def run_restore(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        missing = _missing(library, args.ids)
        restored = library.restore(args.ids)
    print(f"restored {restored} article(s) from the trash")
    for article_id in missing:
        print(f"  no article {article_id}", file=sys.stderr)
    return 0 if not missing else 1


def run_trash(args: argparse.Namespace) -> int:
    if args.empty:
        with open_library(args.library, write=True) as library:
            deleted = library.empty_trash()
        print(f"deleted {deleted} article(s) for good")
        return 0
    with open_library(args.library, write=False) as library:
        trashed = library.trashed()
    if args.json:
        print(json.dumps([vars(t) for t in trashed], ensure_ascii=False))
        return 0
    for item in trashed:
        merged = f"  (merged into {item.merged_into})" if item.merged_into else ""
        print(f"{item.id:>6}  {item.trashed_at}  {item.title or '(untitled)'}{merged}")
    print(f"{len(trashed)} article(s) in the trash", file=sys.stderr)
    return 0


def run_duplicates(args: argparse.Namespace) -> int:
    with open_library(args.library, write=False) as library:
        sets = library.duplicate_sets()
        titles = {i: library.get(i).title for found in sets for i in found.ids}
    if args.json:
        print(
            json.dumps(
                [{"ids": list(s.ids), "reason": s.reason, "similarity": s.similarity} for s in sets],
                ensure_ascii=False,
            )
        )
        return 0
    for found in sets:
        print(f"{found.reason}:")
        for article_id in found.ids:
            print(f"  {article_id:>6}  {titles[article_id] or '(untitled)'}")
    print(f"{len(sets)} set(s) of duplicates", file=sys.stderr)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        merge = library.merge_duplicates(args.keep, args.others)
        title = library.get(merge.keep).title
    print(
        f"merged {len(merge.merged)} article(s) into {merge.keep} ({title}); they are in the trash, "
        "and their files are kept as its sources"
    )
    return 0
