"""``offprint gui``: start the desktop app (also what plain ``offprint`` does).

Qt is imported only when the app actually starts, so the rest of the CLI stays light.
"""

from __future__ import annotations

import argparse
from typing import Any

from reader.commands.common import library_parent


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui",
        parents=[library_parent()],
        help="open the desktop app",
        description="Open the Offprint desktop app.",
    )
    parser.add_argument("--read-only", action="store_true", help="open the library without changing anything")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="offscreen check: open the window on a temp library, import one page, render it; exit 0 or 1",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="saved pages or folders to import once the window is open"
    )
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    if getattr(args, "self_check", False):
        from reader.ui.selfcheck import run_self_check

        return run_self_check()
    from reader.ui.app import run_app

    return run_app(
        getattr(args, "library", None),
        read_only=bool(getattr(args, "read_only", False)),
        paths=getattr(args, "paths", ()),
    )


def run_default(args: argparse.Namespace) -> int:
    """``offprint`` with no subcommand: the app on the default library (or a global ``--library``)."""
    from reader.ui.app import run_app

    return run_app(getattr(args, "library", None))
