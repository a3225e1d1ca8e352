"""The ``offprint`` command: the same core as the app, headless.

Each subcommand lives in a module of :mod:`reader.commands` that exposes
``register(subparsers)``; this module only builds the parser, dispatches, and
turns :class:`~reader.errors.OffprintError` into a one-line message and exit
status 2 (never a traceback).  With no subcommand it starts the desktop app.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader import __version__
from reader.commands.common import library_parent
from reader.errors import OffprintError

#: The environment variable naming the lowest level of Offprint's log shown on stderr (default: warning).
LOG_ENV = "OFFPRINT_LOG"

# Order is the order ``offprint --help`` lists them in.
COMMAND_MODULES = (
    "reader.commands.extract",
    "reader.commands.repair",
    "reader.commands.library",
    "reader.commands.trash",
    "reader.commands.notes",
    "reader.commands.cite",
    "reader.commands.gui",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offprint",
        description="Offprint: read, search and cite your offline corpus of saved web articles.",
        parents=[library_parent(default=None)],  # `offprint --library DIR COMMAND …`
    )
    parser.add_argument("--version", action="version", version=f"offprint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module
                raise
            continue  # that command family is not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        if "reader.commands.gui" in sys.modules:
            return int(sys.modules["reader.commands.gui"].run_default(args))
        parser.print_help()
        return 2
    try:
        with _logging_to_stderr():
            return int(args.func(args) or 0)
    except OffprintError as exc:
        print(f"offprint: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("offprint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `offprint search ... | head` is normal use
        return 0


class _CommandLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"offprint: {record.levelname.lower()}: {super().format(record)}"


@contextmanager
def _logging_to_stderr() -> Iterator[None]:
    """While a command runs, what Offprint logs at ``$OFFPRINT_LOG`` or above goes to stderr.

    The default, ``warning``, shows the problems nothing else reports (a style file that cannot be
    used, a clean-up that failed); ``OFFPRINT_LOG=debug`` adds what Offprint did and every failure it
    deliberately carried on after, with its traceback.
    """
    wanted = logging.getLevelName(os.environ.get(LOG_ENV, "warning").upper())
    level = wanted if isinstance(wanted, int) else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)  # the stderr of this call (tests capture it per call)
    handler.setLevel(level)
    handler.setFormatter(_CommandLineFormatter("%(message)s"))
    logger = logging.getLogger("reader")
    before = logger.level
    logger.addHandler(handler)
    if level < logger.getEffectiveLevel():
        logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)


if __name__ == "__main__":
    raise SystemExit(main())
