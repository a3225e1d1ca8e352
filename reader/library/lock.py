"""The one-writer rule: a library folder is written by one process at a time.

The writer holds an exclusive ``fcntl.flock`` on ``<library>/.writer.lock`` for as
long as its :class:`~reader.library.facade.Library` is open.  The lock dies with the
process, so a crashed writer never leaves the library locked.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from reader.errors import LibraryLockedError
from reader.library.paths import lock_path


class WriterLock:
    """An exclusive, non-blocking lock on one library folder."""

    def __init__(self, folder: Path) -> None:
        self.path = lock_path(folder)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LibraryLockedError` naming the folder and the holder."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_holder(fd)
            os.close(fd)
            holder = f" (process {pid})" if pid is not None else ""
            raise LibraryLockedError(
                f"the library {self.path.parent} is open for writing by another Offprint process{holder}; "
                "close it first, or open this library read-only",
                pid=pid,
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _read_holder(fd: int) -> int | None:
    """The process id the lock holder wrote into the lock file, when it can be read."""
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(pid) if pid.isdigit() else None
