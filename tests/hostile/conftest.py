"""Builders for hostile and broken saved pages (issue: nothing lost, nothing leaked)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import (the app tests)

import gzip
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from reader.ui.settings import Settings

GOOD_PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A good page</title></head>"
    "<body><article><h1>A good page</h1>"
    + "".join(
        f"<p>Paragraph {i} of a perfectly ordinary article about harbour cranes and tides.</p>"
        for i in range(12)
    )
    + "</article></body></html>"
)


def _deep_nesting(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>").encode()


def _many_attributes(count: int) -> bytes:
    attrs = " ".join(f"a{i}='{i}'" for i in range(count))
    return f"<html><body><p {attrs}>attribute storm</p><p>{GOOD_PAGE}</p></body></html>".encode()


def _huge_page(megabytes: int) -> bytes:
    para = "<p>" + "Tidal records from the northern harbour, logged hourly. " * 30 + "</p>\n"
    body = para * (megabytes * 1024 * 1024 // len(para) + 1)
    return f"<html><head><title>Huge</title></head><body><article>{body}</article></body></html>".encode()


def _invalid_utf8_everywhere() -> bytes:
    """Broken UTF-8 in the title, the metadata, attribute values, URLs and the body."""
    bad = b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x82\xf0\x28\x8c\xbc\xed\xa0\x80"
    return (
        b"<!doctype html><html lang='en\xff'><head><meta charset='utf-8'><title>Tide " + bad + b" log</title>"
        b"<meta name='author' content='Ana "
        + bad
        + b" Baev'><meta property='og:url' content='https://x"
        + bad
        + b".example/a'><script type='application/ld+json'>{\"headline\": \"H"
        + bad
        + b'"}</script>'
        b"</head><body><article><h1 class='"
        + bad
        + b"'>Tide "
        + bad
        + b" log</h1>"
        + b"".join(b"<p>Paragraph %d about harbour cranes " % i + bad + b" and tides.</p>" for i in range(12))
        + b"<a href='https://example.org/"
        + bad
        + b"'>link "
        + bad
        + b"</a></article></body></html>"
    )


def _nul_everywhere() -> bytes:
    return GOOD_PAGE.encode().replace(b"<title>", b"<ti\x00tle>\x00").replace(b"<p>", b"<p\x00>\x00")


def _gzip_bomb() -> bytes:
    """A small gzip file that inflates to more than any saved page (128 MB of one paragraph)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"<p>" + b"a" * (1024 * 1024 - 7) + b"</p>\n"
    parts = [squeeze.compress(b"<html><body>")]
    parts += [squeeze.compress(chunk) for _ in range(128)]
    return b"".join(parts) + squeeze.flush()


HOSTILE: dict[str, Callable[[], bytes]] = {
    "binary.html": lambda: bytes(range(256)) * 400,
    "png-named.html": lambda: b"\x89PNG\r\n\x1a\n" + os.urandom(4096),
    "empty.html": lambda: b"",
    "whitespace.htm": lambda: b"   \n\t  \n",
    "invalid-utf8.html": lambda: GOOD_PAGE.encode().replace(b"ordinary", b"ord\xff\xfe\xc3inary"),
    "nul-bytes.html": lambda: GOOD_PAGE.encode().replace(b"harbour", b"har\x00bour"),
    "utf16.txt": lambda: "Tide tables\n\nThe harbour master’s notes on spring tides.\n".encode("utf-16"),
    "gzipped.html": lambda: gzip.compress(GOOD_PAGE.encode()),
    "deep-nesting.html": lambda: _deep_nesting(100_000),
    "million-attributes.html": lambda: _many_attributes(1_000_000),
    "unterminated.html": lambda: b"<html><body><p>never closed <b><i><table><tr><td>" * 2000,
    "script-only.html": lambda: b"<html><head><script>while(true){}</script></head><body></body></html>",
    "invalid-utf8-everywhere.html": _invalid_utf8_everywhere,
    "nul-everywhere.html": _nul_everywhere,
    "gzip-truncated.html": lambda: gzip.compress(GOOD_PAGE.encode())[:40],
    "gzip-bomb.html": _gzip_bomb,
    "utf16-page.html": lambda: GOOD_PAGE.replace("utf-8", "utf-16").encode("utf-16"),
    "utf16-no-bom.txt": lambda: "Tide tables\n\nThe harbour master’s notes on spring tides.\n".encode(
        "utf-16-le"
    ),
    "mhtml-named.html": lambda: (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html; charset=utf-8\r\n\r\n" + GOOD_PAGE.encode() + b"\r\n--B--\r\n"
    ),
    "broken-mhtml.mhtml": lambda: (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n' + os.urandom(2048)
    ),
    "only-tags.html": lambda: b"<html><body>" + b"<div><span></span></div>" * 5000 + b"</body></html>",
    "bidi-and-zalgo.html": lambda: (
        "<html><head><title>\u202eevil\u202c title</title></head><body><article>"
        + "".join(
            f"<p>Z\u0300\u0301\u0302\u0303 paragraph {i} about tides \u2066x\u2069.</p>" for i in range(10)
        )
        + "</article></body></html>"
    ).encode(),
}


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    """A folder of hostile pages, one good page, a symlink loop and odd file names."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, make in HOSTILE.items():
        (folder / name).write_bytes(make())
    (folder / "good.html").write_text(GOOD_PAGE, encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "name\nwith newline.html").write_text(GOOD_PAGE.replace("A good page", "Newline name"))
    os.mkfifo(folder / "a-fifo.html")  # reading a FIFO would block forever: must be skipped, not hang
    (folder / "dangling.html").symlink_to(folder / "does-not-exist.html")
    (folder / "directory.html").mkdir()
    (folder / "self-link.html").symlink_to(folder / "self-link.html")  # a link loop on a file
    (folder / "deeper" / "down").mkdir(parents=True)
    (folder / "deeper" / "down" / "back-up").symlink_to(folder, target_is_directory=True)
    if os.geteuid() != 0:  # root reads anything: chmod 000 proves nothing there (the FIFO covers it)
        locked = folder / "unreadable.html"
        locked.write_text(GOOD_PAGE)
        locked.chmod(0)
    try:
        undecodable = os.fsencode(str(folder)) + b"/bad-\xff-name.html"
        with open(undecodable, "wb") as handle:
            handle.write(GOOD_PAGE.replace("A good page", "Undecodable name").encode())
    except OSError:  # some filesystems refuse non-UTF-8 names; the rest still runs
        pass
    return folder


@pytest.fixture
def app_settings(tmp_path: Path) -> Settings:
    """The app's settings in a temp file; the default QSettings locations point into tmp_path too."""
    from PySide6.QtCore import QSettings

    from reader.ui.settings import Settings, file_qsettings

    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    return Settings(file_qsettings(tmp_path / "settings.ini"))
