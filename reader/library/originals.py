"""The original bytes of every imported file, kept inside the library by sha256.

``<library>/originals/ab/abcdef….bin``: written to a temporary file, fsynced and
renamed into place, so a crash never leaves a half-written original under its
final name.  The user's own files are only ever read.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Originals:
    """A content-addressed folder of original files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, content_hash: str) -> Path:
        return self.folder / content_hash[:2] / f"{content_hash}.bin"

    def has(self, content_hash: str) -> bool:
        return self.path_for(content_hash).is_file()

    def put(self, content_hash: str, data: bytes) -> Path:
        """Store ``data`` under its hash (idempotent: an existing file is left alone)."""
        target = self.path_for(content_hash)
        if target.is_file() and target.stat().st_size == len(data):
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return target

    def get(self, content_hash: str) -> bytes:
        return self.path_for(content_hash).read_bytes()

    def delete(self, content_hash: str) -> None:
        self.path_for(content_hash).unlink(missing_ok=True)

    def stored_hashes(self) -> Iterator[str]:
        """Every hash with an original on disk (temporary leftovers are not listed)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("??/*.bin"):
            if not path.name.startswith(".tmp-"):
                yield path.stem

    def leftovers(self) -> list[Path]:
        """Temporary files a crash left behind."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob("??/.tmp-*"))

    def total_size(self) -> int:
        if not self.folder.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.folder.glob("??/*.bin"))
