"""MHTML archives (``.mhtml``, ``.mht``): the ``text/html`` part, the images saved with it, and the
archive's ``Date:`` (when it was saved, read by :mod:`.saved_at`).

The html part's transfer encoding is undone and its charset passed on as the declared one; its image
parts become resources, addressable by ``cid:`` and by Content-Location.
"""

from __future__ import annotations

import email
import email.policy
import logging
import mimetypes
from email.message import Message

from reader.errors import IngestError, swallowed
from reader.ingest.model import Resource
from reader.ingest.source.record import MAX_RESOURCE_BYTES, MAX_RESOURCES, Source
from reader.ingest.source.saved_at import from_mhtml_header

logger = logging.getLogger(__name__)


def read_mhtml(data: bytes, *, path: str) -> Source:
    """The html part of an MHTML archive and its image parts."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as exc:  # the email parser is lenient; this is a last guard
        swallowed(logger, f"{path}: the email parser failed on the archive")
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
        saved_at=from_mhtml_header(message),
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
        swallowed(logger, "an MHTML part's transfer encoding (its payload is kept as is)")
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else b""


def _header(part: Message, name: str) -> str | None:
    value = part.get(name)
    return str(value).strip() or None if value is not None else None
