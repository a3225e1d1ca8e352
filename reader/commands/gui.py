"""The one way into the desktop app: ``offprint gui``, plain ``offprint`` and the ``offprint-gui`` launcher.

The app's options are declared once (:func:`add_arguments`) and read once (:class:`GuiOptions`); the
three ways in differ only in the parser around them.  Qt is imported only when the app actually starts,
so the rest of the CLI stays light.
"""

from __future__ import annotations

import argparse
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.commands.common import library_parent


@dataclass(frozen=True)
class GuiOptions:
    """What the app was asked to do; a parser that lacks an option (plain ``offprint``) gets its default."""

    library: str | None = None
    read_only: bool = False
    self_check: bool = False
    paths: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> GuiOptions:
        return cls(
            library=getattr(args, "library", None),
            read_only=bool(getattr(args, "read_only", False)),
            self_check=bool(getattr(args, "self_check", False)),
            paths=tuple(getattr(args, "paths", None) or ()),
        )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The app's own options, for ``offprint gui`` and ``offprint-gui`` alike (``--library`` comes from
    :func:`reader.commands.common.library_parent`, as for every command)."""
    parser.add_argument("--read-only", action="store_true", help="open the library without changing anything")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="offscreen check: open the window on a temp library, import one page, render it; exit 0 or 1",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="saved pages or folders to import once the window is open"
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui",
        parents=[library_parent()],
        help="open the desktop app",
        description="Open the Offprint desktop app.",
    )
    add_arguments(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    return start(GuiOptions.from_args(args))


def run_default(args: argparse.Namespace) -> int:
    """``offprint`` with no subcommand: the app on the default library (or a global ``--library``)."""
    return handle(args)


def main(argv: Sequence[str] | None = None) -> int:
    """``offprint-gui [--library DIR] [--read-only] [--self-check] [PATH...]`` (the gui-script)."""
    multiprocessing.freeze_support()  # the importer's worker processes, in a frozen (PyInstaller) app
    parser = argparse.ArgumentParser(
        prog="offprint-gui", parents=[library_parent(default=None)], description="The Offprint desktop app."
    )
    add_arguments(parser)
    return handle(parser.parse_args(argv))


def start(options: GuiOptions) -> int:
    """Run the self-check or the app, as ``options`` say; the process's exit status."""
    if options.self_check:
        from reader.ui.selfcheck import run_self_check

        return run_self_check()
    from reader.ui.app import run_app

    return run_app(options.library, read_only=options.read_only, paths=options.paths)
