"""Undo UTF-8 that was read through a one-byte code page ftfy leaves alone (cp1251, mac-roman).

Every byte of such a code page is one character, so nothing is lost: a run of characters the
code page can encode is turned back into bytes and each valid UTF-8 sequence in them becomes
its character again (bytes that do not form one keep their character).  A line is repaired only
when its non-ASCII characters are, nearly all, explained as mojibake: genuine Russian text in a
cp1251 line, or genuine accents in a Western one, never are.  The same engine also backs ftfy up
for the Western code pages (windows-1252 and Latin-1, once or twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.ingest.repair.priors import block_prior
from reader.ingest.scripts import is_cjk

__all__ = ["CHARMAP_PATHS", "CharmapFix", "CharmapPath", "repair_charmap_line", "signature"]


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# Share of a line's non-ASCII characters that must be part of mojibake for the line to be repaired.
MIN_COVERAGE = 0.75


@dataclass(frozen=True)
class CharmapPath:
    """A one-byte code page UTF-8 was wrongly read through."""

    codec: str
    kind: str


CHARMAP_PATHS: tuple[CharmapPath, ...] = (
    CharmapPath("cp1251", "utf8-as-cp1251"),
    CharmapPath("mac_roman", "utf8-as-mac-roman"),
    CharmapPath("cp1252", "utf8-as-cp1252"),
)


@dataclass
class CharmapFix:
    path: CharmapPath
    count: int  # characters restored
    example: tuple[str, str]


@lru_cache(maxsize=8)
def _table(codec: str) -> dict[str, int]:
    """Character -> byte for a code page; undefined bytes read as their Latin-1 character (as browsers do)."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte)
        table[char] = byte
    for byte in range(0x80, 0xA0):  # Latin-1 read C1 controls where windows-1252 has letters
        table.setdefault(chr(byte), byte)
    return table


@lru_cache(maxsize=8)
def signature(codec: str) -> re.Pattern[str]:
    """A whole UTF-8 multi-byte sequence (lead byte and its continuation bytes) as the code page shows it."""
    table = _table(codec)

    def chars(low: int, high: int) -> str:
        return "".join(re.escape(c) for c, b in table.items() if low <= b <= high)

    cont = f"[{chars(0x80, 0xBF)}]"
    # One leading character class (all lead bytes) lets the regex engine scan fast; the lookbehinds
    # then pick how many continuation bytes that lead needs.
    return re.compile(
        f"[{chars(0xC2, 0xF4)}]"
        f"(?:(?<=[{chars(0xC2, 0xDF)}]){cont}"
        f"|(?<=[{chars(0xE0, 0xEF)}]){cont}{{2}}"
        f"|(?<=[{chars(0xF0, 0xF4)}]){cont}{{3}})"
    )


def _decode_run(run: str, table: dict[str, int]) -> tuple[str, int, int]:
    """(decoded run, characters restored, run characters consumed by restored sequences)."""
    data = bytes(table[c] for c in run)
    out: list[str] = []
    restored = consumed = 0
    cursor = 0
    for match in _UTF8_SEQUENCE.finditer(data):
        try:
            char = match.group().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if block_prior(char) is None and not is_cjk(char):
            continue
        out.append(run[cursor : match.start()])
        out.append(char)
        cursor = match.end()
        restored += 1
        consumed += match.end() - match.start()
    out.append(run[cursor:])
    return "".join(out), restored, consumed


def repair_charmap_line(line: str, path: CharmapPath) -> tuple[str, CharmapFix | None]:
    """Repair one line read through ``path``'s code page, or return it unchanged."""
    if not signature(path.codec).search(line):
        return line, None
    table = _table(path.codec)
    pieces: list[str] = []
    cursor = restored = consumed = 0
    non_ascii = 0
    first_example: tuple[str, str] | None = None
    for match in _NON_ASCII_RUN.finditer(line):
        run = match.group()
        non_ascii += len(run)
        decoded, count, used = _decode_mixed_run(run, table)
        if count:
            pieces.append(line[cursor : match.start()])
            pieces.append(decoded)
            cursor = match.end()
            restored += count
            consumed += used
            if first_example is None:
                left = line[max(0, match.start() - 20) : match.start()]
                right = line[match.end() : match.end() + 20]
                first_example = (left + run + right, left + decoded + right)
    if not restored or consumed < MIN_COVERAGE * non_ascii:
        return line, None
    pieces.append(line[cursor:])
    return "".join(pieces), CharmapFix(path, restored, first_example or ("", ""))


def _decode_mixed_run(run: str, table: dict[str, int]) -> tuple[str, int, int]:
    """Decode the parts of ``run`` the code page can encode; leave the other characters as they are."""
    out: list[str] = []
    restored = consumed = 0
    start = 0
    for index in range(len(run) + 1):
        if index < len(run) and run[index] in table:
            continue
        if index > start:
            decoded, count, used = _decode_run(run[start:index], table)
            out.append(decoded)
            restored += count
            consumed += used
        if index < len(run):
            out.append(run[index])
        start = index + 1
    return "".join(out), restored, consumed
