"""Adding a user's ``.csl`` file: checked as Zotero checks a style before installing it, then copied.

Zotero's ``Zotero.Styles.install`` parses the file ("Style is not valid XML, or the styleID or title is
missing"), refuses a style that names itself as its source, fetches a missing parent, validates it and
names the file after the last part of its id.  Offprint never fetches anything: a dependent style whose
parent is not installed is refused, naming the parent.  A CSL 0.8 style (no ``version``) is refused too
(Zotero converts those with an XSLT sheet Offprint does not carry).  Every refusal is one
:class:`~reader.errors.CitationError` naming the file and the problem; the styles already there stay.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reader.errors import CitationError

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_STYLE_BYTES = 4 * 1024 * 1024  # the largest official style is under 400 kB


@dataclass(frozen=True)
class CheckedStyle:
    """A style file that passed the checks: its id (the file name it gets), title, parent, XML."""

    style_id: str
    title: str
    parent_id: str | None
    xml: str


def check_style_file(path: Path, *, parent_exists: Callable[[str], bool]) -> CheckedStyle:
    """Read and check a ``.csl`` file; CitationError naming the file and the problem."""
    data = _read(path)
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise CitationError(f"{path}: not a CSL style: the XML is malformed ({exc})") from exc
    if etree.QName(root).localname != "style" or etree.QName(root).namespace != CSL_NS:
        raise CitationError(f"{path}: not a CSL style: its root is not <style> in the CSL namespace")
    if not root.get("version"):
        raise CitationError(
            f"{path}: a CSL 0.8 style (no version attribute), which Offprint cannot use; "
            "the CSL 1.0 version of this style is in the style list or at the Zotero Style Repository"
        )
    info = root.find(f"{{{CSL_NS}}}info")
    style_uri = _child_text(info, "id")
    title = _child_text(info, "title")
    if not style_uri or not title:
        raise CitationError(f"{path}: not a usable CSL style: its <info> has no <id> or no <title>")
    parent_uri = _parent_uri(info)
    if parent_uri and parent_uri.rstrip("/") == style_uri.rstrip("/"):
        raise CitationError(f"{path}: the style names itself as its parent")
    parent_id = parent_uri.rstrip("/").rsplit("/", 1)[-1] if parent_uri else None
    if parent_id and not parent_exists(parent_id):
        raise CitationError(
            f"{path}: a dependent style of {parent_id!r}, which is not installed (add that style first)"
        )
    if parent_id is None and root.find(f"{{{CSL_NS}}}citation") is None:
        raise CitationError(f"{path}: not a usable CSL style: it has no <citation> layout")
    return CheckedStyle(_style_id(style_uri, path), title, parent_id, data.decode("utf-8-sig"))


def install_style_file(checked: CheckedStyle, folder: Path) -> Path:
    """Write a checked style into the user's styles folder under its id; the path written."""
    target = folder / f"{checked.style_id}.csl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.part")
        temporary.write_text(checked.xml, encoding="utf-8")
        shutil.move(str(temporary), target)
    except OSError as exc:
        raise CitationError(f"{target}: cannot add the style: {exc.strerror or exc}") from exc
    return target


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_STYLE_BYTES:
            raise CitationError(f"{path}: too large for a CSL style ({size // 1024} kB)")
        return path.read_bytes()
    except CitationError:
        raise
    except OSError as exc:
        raise CitationError(f"{path}: cannot read the style: {exc.strerror or exc}") from exc


def _child_text(info: etree._Element | None, name: str) -> str:
    element = info.find(f"{{{CSL_NS}}}{name}") if info is not None else None
    return (element.text or "").strip() if element is not None else ""


def _parent_uri(info: etree._Element | None) -> str | None:
    if info is None:
        return None
    for link in info.iterfind(f"{{{CSL_NS}}}link"):
        if link.get("rel") in ("independent-parent", "source") and link.get("href"):
            return str(link.get("href"))
    return None


def _style_id(style_uri: str, path: Path) -> str:
    """The file name Zotero gives a style: the last part of its id, made safe."""
    name = _NAME_RE.sub("-", style_uri.rstrip("/").rsplit("/", 1)[-1]).strip(".-")
    return name or _NAME_RE.sub("-", path.stem)
