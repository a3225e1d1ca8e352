"""The :class:`Source` of a page: its markup (still bytes), its kind, and the resources saved with it.

Also the one rule for references to saved resources: only a relative path that stays inside the page's
own folder resolves (``../`` or absolute references never do), an MHTML part by ``cid:`` or by its
Content-Location.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from reader.ingest.model import Resource
from reader.ingest.source.saved_at import SavedAt

MAX_RESOURCE_BYTES = 16 * 1024 * 1024
MAX_RESOURCES = 500


@dataclass
class Source:
    """The page markup (still bytes) and what came with it."""

    data: bytes  # the markup to decode: the whole file, or the MHTML html part
    kind: str  # html | xhtml | mhtml | text
    markup: str = "html"  # what ``data`` is: html | xhtml | text
    declared_charset: str | None = None  # known from outside the markup (MHTML part header)
    base_url: str | None = None  # the MHTML html part's Content-Location
    resources: dict[str, Resource] = field(default_factory=dict)  # every way to refer to a resource -> it
    saved_at: SavedAt | None = None  # when the container says the page was saved (an MHTML Date: header)
    file_saved_at: SavedAt | None = None  # the file's modification time, when read from disk

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
