"""Runs one import and SIGKILLs itself at a chosen point: the fault tests' deterministic crash.

``python crash_driver.py LIBRARY PAGES count`` imports and prints, as its last line, a JSON
list naming every kill point it passed (with the calls it happened inside, e.g.
``importer batch commit > originals put > before os.fsync``).  ``python crash_driver.py LIBRARY PAGES kill N``
runs the same import and kills itself with SIGKILL at point N.  Points come in pairs, just
before and just after each call of: the SQLite ``COMMIT`` (through a connection factory),
``os.fsync``/``os.replace``/``os.rename`` (originals, index meta and whoosh's own files), the
importer's batch commit, the index sync and each engine's write, the index meta write, the
original's write and every progress report.  With one worker and size-only batches the
sequence is the same on every run, so point N is the same moment every time.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader.library import importer, originals
from reader.library.facade import Library
from reader.library.index import manager

_passed: list[str] = []
_open_calls: list[str] = []  # the wrapped calls we are inside of, outermost first
_seen_inside: list[Counter[str]] = [Counter()]  # per open call: how often each point came up in it
_kill_at: int | None = None
_armed = False


def _point(label: str) -> None:
    if not _armed:
        return
    if _kill_at is not None and len(_passed) == _kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    seen = _seen_inside[-1]
    seen[label] += 1
    # Inside a call, a repeat is a new moment (the second article's original, the queue's second commit);
    # at the top level it is the next batch doing the same again.
    repeat = f" #{seen[label]}" if seen[label] > 1 and _open_calls else ""
    _passed.append(" > ".join([*_open_calls, label]) + repeat)


def _wrapped(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        _point(f"before {label}")
        _open_calls.append(label)
        _seen_inside.append(Counter())
        try:
            result = function(*args, **kwargs)
        finally:
            _open_calls.pop()
            _seen_inside.pop()
        _point(f"after {label}")
        return result

    return call


class _KillableConnection(sqlite3.Connection):
    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper() == "COMMIT":
            return _wrapped("sqlite COMMIT", super().execute)(sql, *args)
        return super().execute(sql, *args)


def _patch(owner: Any, name: str, label: str) -> None:
    setattr(owner, name, _wrapped(label, getattr(owner, name)))


def _install() -> None:
    sqlite3.connect = functools.partial(sqlite3.connect, factory=_KillableConnection)  # type: ignore[assignment]
    for name in ("fsync", "replace", "rename"):
        _patch(os, name, f"os.{name}")
    _patch(importer.Importer, "_commit", "importer batch commit")
    _patch(importer._Progress, "report", "progress report")
    _patch(originals.Originals, "put", "originals put")
    _patch(manager.IndexManager, "sync", "index sync")
    _patch(manager, "write_meta", "index meta write")
    from reader.library.index.whoosh_engine import WhooshIndex

    _patch(WhooshIndex, "write", "whoosh write")
    try:
        from reader.library.index.tantivy_engine import TantivyIndex
    except ImportError:
        return
    _patch(TantivyIndex, "write", "tantivy write")


def main() -> None:
    global _kill_at, _armed
    folder, pages, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    _kill_at = int(sys.argv[4]) if mode == "kill" else None
    importer.DEFAULT_EXTRACTOR = "fault_extract:extract_file"
    importer.BATCH_SIZE = 2
    importer.BATCH_SECONDS = 1e9  # batches by size only: the same sequence of points on every run
    importer.INDEX_SECONDS = 0.0  # the index catches up after every batch: more distinct points
    _install()
    library = Library.open(folder)
    _armed = True
    for result in library.import_paths([pages], workers=1, on_progress=lambda progress: None):
        assert result.error is None, result.error
    library.close()
    _armed = False
    print(json.dumps(_passed))


if __name__ == "__main__":
    main()
