"""The reading commands: ``annotate``, ``annotations``, ``notes`` and ``collection``.

``offprint annotate ID --quote TEXT`` highlights a passage (a clear error when the article does not contain
it); ``offprint annotations [ID]`` lists highlights (``--json`` with quote, comment, colour, anchored);
``offprint notes add|list|export`` writes and exports Markdown notes (``export``: each quote with its
citation and comment, then the bibliography in ``--style``); ``offprint collection
create|add|remove|list|rename|delete`` manages collections (named by name or path, ``Arctic/Shipping``, or
by id).  Each is the same core the app uses.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.cite import NOTE_FORMATS, Annotated, CitationError, Citer, article_to_csl, note_from_annotations
from reader.commands.common import library_parent, open_library
from reader.errors import StorageError
from reader.library import COLOURS, Annotation, Collection, Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = library_parent()

    parser = subparsers.add_parser("annotate", parents=[common], help="highlight a passage of an article")
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument(
        "--quote", required=True, metavar="TEXT", help="the passage, as it reads in the article"
    )
    parser.add_argument("--comment", default="", metavar="C")
    parser.add_argument("--colour", "--color", default=COLOURS[0], choices=COLOURS, dest="colour")
    parser.add_argument("--tag", action="append", default=[], dest="tags", metavar="T")
    parser.set_defaults(func=run_annotate)

    parser = subparsers.add_parser("annotations", parents=[common], help="list highlights")
    parser.add_argument(
        "id", type=int, nargs="?", metavar="ID", help="one article's (default: the library's)"
    )
    parser.add_argument("--colour", "--color", choices=COLOURS, dest="colour")
    parser.add_argument("--tag", metavar="T")
    parser.add_argument("--collection", metavar="NAME", help="only articles in this collection")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(func=run_annotations)

    notes = subparsers.add_parser("notes", help="write, list and export notes").add_subparsers(
        dest="notes_command", metavar="ACTION", required=True
    )
    parser = notes.add_parser("add", parents=[common], help="add a Markdown note to an article")
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("text", help="the note in Markdown ('-': read it from standard input)")
    parser.set_defaults(func=run_note_add)
    parser = notes.add_parser("list", parents=[common], help="an article's notes")
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_notes_list)
    parser = notes.add_parser(
        "export", parents=[common], help="quotes with citations and comments, notes, then the references"
    )
    parser.add_argument("ids", type=int, nargs="+", metavar="ID")
    parser.add_argument("--format", choices=NOTE_FORMATS, default=NOTE_FORMATS[0], dest="fmt")
    parser.add_argument("--style", default="apa", help="style id, alias or .csl file (default: %(default)s)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    parser.set_defaults(func=run_notes_export)

    collections = subparsers.add_parser("collection", help="manage collections").add_subparsers(
        dest="collection_command", metavar="ACTION", required=True
    )
    parser = collections.add_parser("create", parents=[common], help="a new collection")
    parser.add_argument("name")
    parser.add_argument("--parent", metavar="NAME", help="inside this collection")
    parser.set_defaults(func=run_collection_create)
    for action, helped in (("add", "put articles in a collection"), ("remove", "take articles out of one")):
        parser = collections.add_parser(action, parents=[common], help=helped)
        parser.add_argument("name", help="the collection: its name, path (A/B) or id")
        parser.add_argument("ids", type=int, nargs="+", metavar="ID")
        parser.set_defaults(func=run_collection_members, action=action)
    parser = collections.add_parser(
        "list", parents=[common], help="the collections, with their article counts"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_collection_list)
    parser = collections.add_parser("rename", parents=[common], help="rename a collection")
    parser.add_argument("name")
    parser.add_argument("new_name")
    parser.set_defaults(func=run_collection_rename)
    parser = collections.add_parser(
        "delete", parents=[common], help="delete a collection and those inside it (not their articles)"
    )
    parser.add_argument("name")
    parser.set_defaults(func=run_collection_delete)


# -- highlights --------------------------------------------------------------------------------------------


def run_annotate(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        made = library.annotate_quote(
            args.id, args.quote, colour=args.colour, comment=args.comment, tags=args.tags
        )
    print(f"highlight {made.id} on article {made.article_id} ({made.colour}): “{made.quote}”")
    return 0


def run_annotations(args: argparse.Namespace) -> int:
    with open_library(args.library, write=False) as library:
        collection = find_collection(library, args.collection).id if args.collection else None
        found = library.annotations(args.id, colour=args.colour, tag=args.tag, collection=collection)
    if args.json:
        print(json.dumps([a.to_json() for a in found], ensure_ascii=False, indent=2))
        return 0
    for annotation in found:
        print(_annotation_line(annotation))
    print(f"{len(found)} highlight(s)", file=sys.stderr)
    return 0


def _annotation_line(annotation: Annotation) -> str:
    mark = "" if annotation.anchoring == "exact" else f" [{annotation.anchoring.value}]"
    line = (
        f"{annotation.id:>6}  {annotation.article_id:>6}  {annotation.colour:<7} “{annotation.quote}”{mark}"
    )
    return line + (f"\n{'':>24}{annotation.comment}" if annotation.comment else "")


# -- notes -------------------------------------------------------------------------------------------------


def run_note_add(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    with open_library(args.library, write=True) as library:
        note = library.add_note(args.id, text)
    print(f"note {note.id} on article {args.id}: {note.title}")
    return 0


def run_notes_list(args: argparse.Namespace) -> int:
    with open_library(args.library, write=False) as library:
        notes = library.notes(args.id)
    if args.json:
        print(json.dumps([n.__dict__ for n in notes], ensure_ascii=False, indent=2))
        return 0
    for note in notes:
        print(f"-- note {note.id} ({note.modified})\n{note.text}\n")
    return 0


def run_notes_export(args: argparse.Namespace) -> int:
    with open_library(args.library, write=False) as library:
        articles = [
            Annotated(article_to_csl(library.get(i)), library.annotations(i), library.notes(i))
            for i in args.ids
        ]
        styles = [library.styles_folder()]
    with Citer(styles) as citer:
        text = note_from_annotations(articles, citer, args.style, with_notes=True)
    if not text:
        raise CitationError(
            f"nothing to export: article(s) {', '.join(map(str, args.ids))} have no highlights or notes"
        )
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CitationError(f"{args.output}: cannot write the notes: {exc.strerror or exc}") from exc
        print(f"exported the notes of {len(articles)} article(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- collections -------------------------------------------------------------------------------------------


def find_collection(library: Library, name: str) -> Collection:
    """The collection ``name`` names (a name, a path ``A/B`` or an id); a clear error when none or several."""
    if name.strip().isdigit():
        return library.collection(int(name))
    found = library.find_collections(name)
    if not found:
        raise StorageError(f"no collection called “{name}” (see `offprint collection list`)")
    if len(found) > 1:
        paths = ", ".join(str(c.id) for c in found)
        raise StorageError(f"several collections are called “{name}” (ids {paths}): name it by path or id")
    return found[0]


def run_collection_create(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        parent = find_collection(library, args.parent).id if args.parent else None
        made = library.create_collection(args.name, parent)
    print(f"collection {made.id}: {made.name}")
    return 0


def run_collection_members(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        collection = find_collection(library, args.name)
        if args.action == "add":
            changed = library.add_to_collection(args.ids, collection.id)
            verb = "added to"
        else:
            changed = library.remove_from_collection(args.ids, collection.id)
            verb = "removed from"
        count = library.collection(collection.id).count
    print(f"{len(changed)} article(s) {verb} “{collection.name}” ({count} in it)")
    return 0


def run_collection_list(args: argparse.Namespace) -> int:
    with open_library(args.library, write=False) as library:
        tree = library.collections()
    if args.json:
        print(json.dumps([_collection_json(c) for c in tree], ensure_ascii=False, indent=2))
        return 0
    for top in tree:
        _print_tree(top, 0)
    return 0


def _collection_json(collection: Collection) -> dict[str, object]:
    return {
        "id": collection.id,
        "name": collection.name,
        "count": collection.count,
        "children": [_collection_json(c) for c in collection.children],
    }


def _print_tree(collection: Collection, depth: int) -> None:
    print(f"{collection.id:>6}  {'  ' * depth}{collection.name} ({collection.count})")
    for child in collection.children:
        _print_tree(child, depth + 1)


def run_collection_rename(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        renamed = library.rename_collection(find_collection(library, args.name).id, args.new_name)
    print(f"collection {renamed.id}: {renamed.name}")
    return 0


def run_collection_delete(args: argparse.Namespace) -> int:
    with open_library(args.library, write=True) as library:
        collection = find_collection(library, args.name)
        record = library.delete_collection(collection.id)
    print(
        f"deleted the collection “{collection.name}” and {len(record.collections) - 1} inside it "
        "(their articles stay in the library)"
    )
    return 0
