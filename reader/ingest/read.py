"""Reading saved pages: from a file (or bytes) to the page's markup, its kind and its saved images.

This module reads the page kinds :mod:`reader.ingest.files` names and nothing after them: it does not
decode text or parse HTML.  It knows

* plain HTML saves (``.html``, ``.htm``, ``.xhtml``);
* MHTML archives (``.mhtml``, ``.mht``): the ``text/html`` part (transfer encoding undone, its charset
  passed on as the declared one) and its image parts, addressable by ``cid:`` and by Content-Location;
* plain-text page dumps (``.txt``);
* "Save page as… complete" folders: ``NAME.html`` beside ``NAME_files/``, whose images become resources.
  Only files inside the page's own ``_files`` folder are ever read: a ``../`` or absolute reference stays
  unresolved.

The original bytes are never altered; the caller hashes them.
"""

from __future__ import annotations

import email
import email.policy
import mimetypes
import os
import posixpath
import re
import stat
import zlib
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from reader.errors import IngestError, UnsupportedFileError
from reader.ingest.files import page_kind
from reader.ingest.model import Resource

MAX_FILE_BYTES = 64 * 1024 * 1024  # a saved article page is far smaller; beyond this it is not one
MAX_RESOURCE_BYTES = 16 * 1024 * 1024
MAX_RESOURCES = 500
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".ico"}

_MHTML_SNIFF = re.compile(rb"^\s*(?:From:|MIME-Version:|Content-Type:\s*multipart/related)", re.I | re.M)
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|a|script|style|table|img|span|section|"
    rb"main|ul|ol|h[1-6])\b",
    re.I,
)


@dataclass
class Source:
    """The page markup (still bytes) and what came with it."""

    data: bytes  # the markup to decode: the whole file, or the MHTML html part
    kind: str  # html | xhtml | mhtml | text
    markup: str = "html"  # what ``data`` is: html | xhtml | text
    declared_charset: str | None = None  # known from outside the markup (MHTML part header)
    base_url: str | None = None  # the MHTML html part's Content-Location
    resources: dict[str, Resource] = field(default_factory=dict)  # every way to refer to a resource -> it

    def resolve(self, reference: str) -> Resource | None:
        """The saved resource an ``<img src>`` refers to, or None (remote, missing or outside the page)."""
        reference = reference.strip()
        if not reference or not self.resources:
            return None
        found = self.resources.get(reference)
        if found is not None:
            return found
        if reference.lower().startswith("cid:"):
            return self.resources.get("cid:" + reference[4:].strip("<>"))
        if self.base_url:
            found = self.resources.get(urljoin(self.base_url, reference))
            if found is not None:
                return found
        local = normalise_local_reference(reference)
        return self.resources.get(local) if local else None


def normalise_local_reference(reference: str) -> str | None:
    """A relative reference as a clean posix path, or None when it is remote, absolute or climbs out."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or reference.startswith(("/", "\\")):
        return None
    path = unquote(parts.path).replace("\\", "/")
    if not path or path.startswith("/"):
        return None
    clean = posixpath.normpath(path)
    if clean.startswith("../") or clean == ".." or clean.startswith("/"):
        return None
    return clean.removeprefix("./")


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
    return data, source


def saved_folder_resources(page: Path) -> dict[str, Resource]:
    """The images of a "Save page as… complete" folder (``NAME_files/`` beside ``NAME.html``).

    Keys are the posix paths relative to the page's folder, which is how the page refers to them.
    """
    folder = page.with_name(page.stem + "_files")
    if not folder.is_dir():
        return {}
    try:
        root = folder.resolve(strict=True)
        if not root.is_relative_to(page.parent.resolve(strict=True)):
            return {}  # a _files folder that links elsewhere (the user's pictures): never read
    except OSError:
        return {}
    found: dict[str, Resource] = {}
    for dirpath, _dirs, files in os.walk(root):
        for filename in sorted(files):
            if len(found) >= MAX_RESOURCES:
                return found
            file = Path(dirpath, filename)
            resource = _folder_image(file, root, folder.name)
            if resource is not None:
                found[resource.name] = resource
    return found


def _folder_image(file: Path, root: Path, folder_name: str) -> Resource | None:
    if file.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        real = file.resolve(strict=True)
        info = real.stat()
        if not real.is_relative_to(root) or info.st_size > MAX_RESOURCE_BYTES:
            return None  # a symlink pointing out of the page's folder, or an absurd size
        if not stat.S_ISREG(info.st_mode):
            return None  # a FIFO named like an image would block the read forever
        data = real.read_bytes()
    except OSError:
        return None
    relative = file.relative_to(root).as_posix()
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return Resource(name=f"{folder_name}/{relative}", media_type=media_type, data=data)


def read_mhtml(data: bytes, *, path: str) -> Source:
    """The html part of an MHTML archive and its image parts."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as exc:  # the email parser is lenient; this is a last guard
        raise IngestError(f"{path}: not a readable MHTML archive ({exc})") from None
    parts = [part for part in message.walk() if not part.is_multipart()]
    html_part = next(
        (p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None
    )
    if html_part is None:
        raise IngestError(f"{path}: MHTML archive without an HTML part")
    markup = _part_payload(html_part)
    if not markup.strip():
        raise IngestError(f"{path}: empty file (the MHTML HTML part is empty)")
    source = Source(
        data=markup,
        kind="mhtml",
        markup="xhtml" if html_part.get_content_type() == "application/xhtml+xml" else "html",
        declared_charset=html_part.get_content_charset(),
        base_url=_header(html_part, "Content-Location"),
    )
    for index, part in enumerate(parts):
        if part is html_part or not part.get_content_type().startswith("image/"):
            continue
        if len(source.resources) >= MAX_RESOURCES * 3:
            break
        _add_mhtml_image(source, part, index)
    return source


def _add_mhtml_image(source: Source, part: Message, index: int) -> None:
    payload = _part_payload(part)
    if not payload or len(payload) > MAX_RESOURCE_BYTES:
        return
    media_type = part.get_content_type()
    location = _header(part, "Content-Location")
    content_id = (_header(part, "Content-ID") or "").strip("<>")
    extension = mimetypes.guess_extension(media_type) or ".bin"
    resource = Resource(name=f"part-{index}{extension}", media_type=media_type, data=payload)
    source.resources[resource.name] = resource
    if location:
        source.resources[location] = resource
    if content_id:
        source.resources["cid:" + content_id] = resource


def _part_payload(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a broken base64 / quoted-printable body: keep what the parser kept
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else b""


def _header(part: Message, name: str) -> str | None:
    value = part.get(name)
    return str(value).strip() or None if value is not None else None
