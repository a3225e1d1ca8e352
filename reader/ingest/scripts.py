"""Telling CJK text by its characters: the one definition every stage uses.

Two sets, for two questions:

* :data:`CJK_CLASS` / :func:`is_cjk`: every character a CJK codec produces — Han (with radicals,
  extensions and compatibility forms), kana, hangul (with its jamo), CJK punctuation and full-width
  forms.  Mojibake repair asks this: could this character be the work of a CJK decoder?
* :data:`CJK_LETTERS` / :func:`is_cjk_text`: the letters CJK writing is made of — kana, the common Han
  blocks and hangul syllables.  Metadata asks this: is this title, name or page written in CJK?
"""

from __future__ import annotations

import re

__all__ = ["CJK_CHAR", "CJK_CLASS", "CJK_LETTERS", "CJK_RANGES", "is_cjk", "is_cjk_text"]

#: (first, last) code points of everything a CJK codec produces.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x9FFF),  # radicals, CJK punctuation, kana, bopomofo, Han (extension A and the main block)
    (0xAC00, 0xD7AF),  # hangul syllables
    (0xF900, 0xFAFF),  # Han compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width and half-width forms
    (0x1100, 0x11FF),  # hangul jamo
    (0xA960, 0xA97F),  # hangul jamo extended-A
    (0x20000, 0x3FFFF),  # Han extensions B and later
)
#: The same, as the inside of a regular-expression character class.
CJK_CLASS = "".join(f"{chr(first)}-{chr(last)}" for first, last in CJK_RANGES)
CJK_CHAR = re.compile(f"[{CJK_CLASS}]")

#: The letters of CJK writing: kana, Han (extension A and the main block), hangul syllables.
CJK_LETTERS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def is_cjk(char: str) -> bool:
    """Whether a character is one a CJK codec produces (see :data:`CJK_RANGES`)."""
    return CJK_CHAR.match(char) is not None


def is_cjk_text(text: str | None) -> bool:
    """Whether a text is mostly CJK writing (so CJK site names are expected there)."""
    if not text:
        return False
    sample = text[:2000]
    cjk = len(CJK_LETTERS.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    return cjk > latin * 0.5 and cjk >= 2
