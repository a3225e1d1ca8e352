"""Reading a saved page from disk or from bytes into its :class:`~reader.ingest.source.record.Source`.

It knows

* plain HTML saves (``.html``, ``.htm``, ``.xhtml``), with the images of their ``NAME_files/`` folder;
* MHTML archives (``.mhtml``, ``.mht``), read by :mod:`reader.ingest.source.mhtml`;
* plain-text page dumps (``.txt``);
* pages saved gzip-compressed, and pages saved under another kind's name (an archive saved as
  ``.html``, a plain page saved as ``.mht``): what the bytes are wins over the name;
* the file's modification time, kept as the fallback day the page was saved (:mod:`.saved_at`).

Every OS failure becomes an :class:`~reader.errors.IngestError` naming the file.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from pathlib import Path

from reader.errors import IngestError, UnsupportedFileError
from reader.ingest.files import page_kind
from reader.ingest.source.mhtml import read_mhtml
from reader.ingest.source.record import Source
from reader.ingest.source.saved_at import from_file
from reader.ingest.source.saved_folder import saved_folder_resources

MAX_FILE_BYTES = 64 * 1024 * 1024  # a saved article page is far smaller; beyond this it is not one
_MHTML_SNIFF = re.compile(rb"^\s*(?:From:|MIME-Version:|Content-Type:\s*multipart/related)", re.I | re.M)
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|a|script|style|table|img|span|section|"
    rb"main|ul|ol|h[1-6])\b",
    re.I,
)


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, with every OS failure turned into an IngestError naming the file."""
    name = os.fspath(path)
    try:
        status = os.stat(name)
        if stat.S_ISDIR(status.st_mode):
            raise IngestError(f"{name}: is a folder, not a saved page")
        if not stat.S_ISREG(status.st_mode):  # a FIFO or device would block or never end
            raise IngestError(f"{name}: not a regular file")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"{name}: too large for a saved page ({size // (1024 * 1024)} MB)")
        with open(name, "rb") as handle:
            return handle.read()
    except IngestError:
        raise
    except FileNotFoundError:
        raise IngestError(f"{name}: cannot read: no such file") from None
    except PermissionError:
        raise IngestError(f"{name}: cannot read: permission denied") from None
    except IsADirectoryError:
        raise IngestError(f"{name}: is a folder, not a saved page") from None
    except OSError as exc:
        raise IngestError(f"{name}: cannot read: {exc.strerror or exc}") from None


def sniff_kind(data: bytes) -> str:
    """Guess the kind of bytes that came without a file name."""
    head = ascii_view(data[:8192])
    if _MHTML_SNIFF.search(head) and b"boundary" in data[:8192].lower():
        return "mhtml"
    if _HTML_SNIFF.search(head):
        return "xhtml" if b"<?xml" in head[:100] and b"xhtml" in head.lower() else "html"
    return "text"


def ascii_view(head: bytes) -> bytes:
    """The ASCII characters of a UTF-16 head (with or without BOM), so markup can be recognised in it."""
    if head.startswith(b"\xff\xfe"):
        codec = "utf-16-le"
    elif head.startswith(b"\xfe\xff"):
        codec = "utf-16-be"
    elif looks_like_utf16(head):
        codec = "utf-16-be" if head[0::2].count(0) > head[1::2].count(0) else "utf-16-le"
    else:
        return head[:4096]
    return head.decode(codec, errors="ignore").encode("ascii", errors="ignore")[:4096]


def looks_binary(data: bytes) -> bool:
    """True for data that is no saved page: many control bytes (a stray NUL in a page is fine)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_like_utf16(head):
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


def looks_like_utf16(head: bytes) -> bool:
    """BOM-less UTF-16 text: NULs in nearly every even (or odd) position."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 16:
        return False
    return even.count(0) > 0.7 * len(even) or odd.count(0) > 0.7 * len(odd)


def gunzip_if_compressed(data: bytes, path: str) -> bytes:
    """A page saved gzip-compressed (some tools do) is read as the page inside, within a size limit."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    decompressor = zlib.decompressobj(wbits=47)
    try:
        inflated = decompressor.decompress(data, MAX_FILE_BYTES)
    except zlib.error:
        raise IngestError(f"{path}: not a saved page (damaged gzip data)") from None
    if decompressor.unconsumed_tail:
        raise IngestError(f"{path}: too large for a saved page once decompressed")
    if not decompressor.eof and not inflated.strip():
        raise IngestError(f"{path}: not a saved page (truncated gzip data)")
    return inflated


def read_source(data: bytes, *, path: str, kind: str | None = None) -> Source:
    """Split bytes of a given (or guessed) kind into the markup to decode and its resources."""
    if not data.strip():
        raise IngestError(f"{path}: empty file")
    data = gunzip_if_compressed(data, path)
    if not data.strip():
        raise IngestError(f"{path}: empty file")
    sniffed = sniff_kind(data)
    if kind is None or (kind == "mhtml") != (sniffed == "mhtml"):
        kind = sniffed  # an archive saved as .html, or a plain page saved as .mht: read what is there
    if kind == "mhtml":
        return read_mhtml(data, path=path)
    if looks_binary(data):
        raise IngestError(f"{path}: not a saved page (binary data)")
    if kind == "text":
        return Source(data=data, kind="text", markup="text")
    if kind not in ("html", "xhtml"):
        raise UnsupportedFileError(f"{path}: unsupported kind of page {kind!r}")
    return Source(data=data, kind=kind, markup=kind)


def read_path(path: str | os.PathLike[str]) -> tuple[bytes, Source]:
    """Read a file from disk: its original bytes and its source (with a ``_files`` folder's images)."""
    name = os.fspath(path)
    kind = page_kind(name)
    if kind is None:
        suffix = Path(name).suffix or "(none)"
        raise UnsupportedFileError(f"{name}: not a saved page Offprint reads (file type {suffix})")
    data = read_file_bytes(name)
    source = read_source(data, path=name, kind=kind)
    if source.kind in ("html", "xhtml"):
        source.resources.update(saved_folder_resources(Path(name)))
    source.file_saved_at = from_file(name)
    return data, source
