"""Builders for hostile and broken saved pages (issue: nothing lost, nothing leaked)."""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from pathlib import Path

import pytest

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
    try:
        undecodable = os.fsencode(str(folder)) + b"/bad-\xff-name.html"
        with open(undecodable, "wb") as handle:
            handle.write(GOOD_PAGE.replace("A good page", "Undecodable name").encode())
    except OSError:  # some filesystems refuse non-UTF-8 names; the rest still runs
        pass
    return folder
