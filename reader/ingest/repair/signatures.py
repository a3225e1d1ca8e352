"""Which lines can hold mojibake at all: one character-class scan, then the code pages' signatures.

A clean page costs one regular-expression scan: :data:`PREFILTER` matches the characters mojibake of
the code pages we repair always brings along (C1 controls, U+FFFD, what UTF-8 lead bytes become, CJK);
only the lines around a match are looked at, and only those showing a whole signature are repaired.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.ingest.repair.charmap import CHARMAP_PATHS, signature
from reader.ingest.repair.cjk import signature_chars
from reader.ingest.scripts import CJK_CLASS

WESTERN = signature("cp1252")
C1 = re.compile("[\x80-\x9f]")


def _prefilter_chars() -> str:
    """C1 controls, U+FFFD, and what UTF-8 lead bytes (and rare continuation bytes) become in the code
    pages we repair.  Lead characters frequent in clean text (é, à) are left out: their mojibake
    always brings one of these along."""
    leads = bytes([*range(0xC2, 0xC8), *range(0xCE, 0xD2), 0xE2, 0xF0])
    rare_conts = bytes([0x83, 0x88, 0x8A, 0x8E, 0x98, 0x9A, 0x9E, 0x9F, 0xA2, 0xA4, 0xA5, 0xA6, 0xA8, 0xAD])
    rare_conts += bytes([0xAF, 0xB2, 0xB3, 0xB4, 0xB8, 0xB9, 0x80, 0x81, 0x8C, 0x8D, 0x8F, 0x90, 0xA1, 0xBD])
    chars = {chr(c) for c in range(0x80, 0xA0)} | {"\ufffd"}
    for codec in ("cp1252", "cp1251"):
        chars.update(leads.decode(codec, errors="ignore"))
        chars.update(rare_conts.decode(codec, errors="ignore"))
    chars.update(bytes([0xC2, 0xC3, 0xC4, 0xC5, 0xE2]).decode("mac_roman"))  # ¬ √ ƒ ≈ ‚
    chars -= {"\u2013", "\u2014"}  # mac-roman's Cyrillic leads are the dashes of every English page
    return "".join(re.escape(c) for c in sorted(chars))


# One scan of a single character class says whether a line can hold mojibake at all.
PREFILTER = re.compile(f"[{_prefilter_chars()}{CJK_CLASS}]")
CHARMAP_PREFILTER = re.compile(f"[{_prefilter_chars()}]")
CJK_SIGNATURE = re.compile(f"[{signature_chars()}]")
GENUINE_CJK_PREFILTER = re.compile(f"[{_prefilter_chars()}{signature_chars()}]")
_SUSPICIOUS = re.compile(
    "|".join([signature(p.codec).pattern for p in CHARMAP_PATHS] + [f"[{CJK_CLASS}\ufffd]", "[\x80-\x9f]"])
)


def suspicious_lines(text: str, prefilter: re.Pattern[str] = PREFILTER) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text`` that shows a mojibake signature."""
    position = 0
    while True:
        match = prefilter.search(text, position)
        if match is None:
            return
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        end = len(text) if end < 0 else end
        if _SUSPICIOUS.search(text, start, end):
            yield start, end
        position = end + 1
