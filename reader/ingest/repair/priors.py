"""How plausible a character is in repaired text, before any context: the prior weights of the small
character model mojibake repair scores with, and the inventory of characters a repair may produce
(indexed by the UTF-8 bytes that survive of them).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "PLAUSIBLE_BLOCKS",
    "block_prior",
    "is_plausible_repair_char",
    "middle_index",
    "prefix_index",
    "prior_or_floor",
    "suffix_index",
]


# Characters that text in Latin, Cyrillic or Greek script uses often, with a prior weight (higher is
# likelier).  Everything else a repair may produce gets a weight by its block below.
COMMON_PRIORS: dict[str, float] = {
    "\u2019": 0.0,  # ’
    "\u201c": -0.6,  # “
    "\u201d": -0.6,  # ”
    "\u2013": -1.0,  # –
    "\u2014": -1.0,  # —
    "\u00a0": -1.2,  # no-break space
    "\u2026": -1.6,  # …
    "\u2018": -2.0,  # ‘
    "\u2022": -2.5,  # •
    **dict.fromkeys("éèàáâäçíóúüöñêôãõ", -1.5),
    "\u00b0": -3.0,
    "\u20ac": -3.0,
    "\u00ab": -2.5,
    "\u00bb": -2.5,
    "\u2122": -3.5,
    "\u00a9": -3.5,
    "\u00ae": -3.5,
    "\u2032": -4.0,
    "\u2033": -4.0,
    "\u2009": -4.0,
    "\u202f": -4.0,
    "\u200b": -4.5,
    "\u201e": -2.5,  # „
    "\u2011": -3.5,  # non-breaking hyphen
    "\u2010": -4.0,
    "\u201a": -4.0,  # ‚
    "\u2039": -4.0,  # ‹
    "\u203a": -4.0,  # ›
    "\u2020": -4.5,  # †
    "\u2021": -4.5,  # ‡
    "\u2030": -4.5,  # ‰
    "\u2015": -4.5,  # ―
    "\u2012": -4.5,  # ‒
    "\u2502": -3.0,  # │ (console tables)
    "\u2500": -3.0,  # ─
}


def _frequency_priors(letters: str, base: float) -> dict[str, float]:
    """Priors for letters listed from most to least frequent: each step a little less likely."""
    return {letter: base - 0.08 * rank for rank, letter in enumerate(letters)}


# Letter frequencies of the languages whose letters mojibake most often loses a byte of.
LETTER_PRIORS: dict[str, float] = {
    **_frequency_priors("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё", -1.5),  # Russian
    **_frequency_priors("іїєґ", -2.5),  # Ukrainian
    **_frequency_priors("αοιετσνηυρπκμλςωγδάέίόήύθχώφβξζψ", -1.5),  # Greek
    **_frequency_priors("ąęłśćńżźóčřšžěůőűăşţșțğıāēīūõãñçł", -2.0),  # Central/Eastern European and others
    **_frequency_priors("ŁŚŻŹĆŃČŘŠŽİŞĀ", -2.8),
    **_frequency_priors("ươșțǎǐǒǔƯƠȘȚ", -2.0),  # Vietnamese, Romanian, pinyin
    # Vietnamese lowercase letters with two diacritics, by rough frequency.
    **_frequency_priors("ếềộạủựấảờớểốồệậọịụừứữợởầắặẩổỏỉẻửẽỗễẫằẳẵỳỷỹỵẹ", -1.8),
    **_frequency_priors("≤≥≠≈×÷±→←↑↓", -3.0),
    **_frequency_priors("ﬁﬂ", -3.0),
}

# (first code point, last code point, prior) for blocks a repair may produce.
PLAUSIBLE_BLOCKS: tuple[tuple[int, int, float], ...] = (
    (0x00A0, 0x00FF, -2.5),  # Latin-1 supplement
    (0x0100, 0x017F, -4.0),  # Latin Extended-A (its frequent letters are in LETTER_PRIORS)
    (0x0180, 0x024F, -5.5),  # Latin Extended-B (its frequent letters are in LETTER_PRIORS)
    (0x0250, 0x02FF, -5.5),  # IPA, spacing modifiers
    (0x0370, 0x03FF, -4.0),  # Greek
    (0x0400, 0x045F, -3.5),  # Cyrillic
    (0x0460, 0x04FF, -5.5),  # Cyrillic for other languages (Ukrainian ґ is in LETTER_PRIORS)
    (0x0500, 0x052F, -6.0),
    (0x0590, 0x06FF, -5.5),  # Hebrew, Arabic (never produced by CJK repair: too easy to hit by chance)
    (0x1E00, 0x1EFF, -3.5),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F, -5.0),  # General Punctuation
    (0x2070, 0x209F, -5.5),
    (0x20A0, 0x20BF, -4.0),  # currency
    (0x2100, 0x214F, -5.0),
    (0x2150, 0x218F, -5.0),
    (0x2190, 0x21FF, -4.5),  # arrows
    (0x2200, 0x22FF, -5.0),  # maths
    (0x2300, 0x23FF, -5.5),
    (0x2460, 0x24FF, -5.5),
    (0x2500, 0x257F, -3.5),  # box drawing
    (0x2580, 0x25FF, -4.5),
    (0x2600, 0x27BF, -4.0),  # symbols, dingbats
    (0x2B00, 0x2BFF, -5.5),
    (0xFB00, 0xFB06, -5.0),  # Latin ligatures
    (0xFE0F, 0xFE0F, -3.0),  # emoji presentation selector
    (0x1F000, 0x1FAFF, -1.5),  # emoji (symbols get 1.5 less than letters: -3.0)
)


@lru_cache(maxsize=8192)
def block_prior(char: str) -> float | None:
    """The prior weight of a character a repair may produce; None when no repair should produce it."""
    if char in COMMON_PRIORS:
        return COMMON_PRIORS[char]
    if char in LETTER_PRIORS:
        return LETTER_PRIORS[char]
    code = ord(char)
    if code < 0x80:
        return 0.0
    if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn", "Mn", "Me"}:
        return None  # controls, surrogates, private use, unassigned, lone combining marks
    for first, last, prior in PLAUSIBLE_BLOCKS:
        if first <= code <= last:
            if unicodedata.category(char).startswith("L"):
                return prior
            return prior - 1.5
    return None


def prior_or_floor(char: str) -> float:
    """The prior of ``char``, or a floor far below any plausible character's."""
    prior = block_prior(char)
    return -100.0 if prior is None else prior


def is_plausible_repair_char(char: str) -> bool:
    return block_prior(char) is not None


@lru_cache(maxsize=1)
def _inventory() -> tuple[tuple[str, bytes], ...]:
    chars = []
    for first, last, _prior in PLAUSIBLE_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if block_prior(char) is not None:
                chars.append((char, char.encode("utf-8")))
    return tuple(chars)


# Context moves a score by a few points at most: candidates this far below the best prior never win.
PRIOR_MARGIN = 7.0
MAX_OPTIONS = 64


def _by_prior(option: tuple[str, bytes]) -> float:
    return -prior_or_floor(option[0])


def _prune(index: dict[bytes, list[tuple[str, bytes]]]) -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    pruned = {}
    for key, options in index.items():
        best = max(prior_or_floor(char) for char, _ in options)
        kept = sorted((o for o in options if prior_or_floor(o[0]) >= best - PRIOR_MARGIN), key=_by_prior)
        pruned[key] = tuple(kept[:MAX_OPTIONS])
    return pruned


@lru_cache(maxsize=1)
def prefix_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible characters by each proper prefix (lead byte first) of their UTF-8 form."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        for size in range(1, len(encoded)):
            index.setdefault(encoded[:size], []).append((char, encoded))
    return _prune(index)


@lru_cache(maxsize=1)
def suffix_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible characters by each proper suffix (continuation bytes) of their UTF-8 form."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        for size in range(1, len(encoded)):
            index.setdefault(encoded[-size:], []).append((char, encoded))
    return _prune(index)


@lru_cache(maxsize=1)
def middle_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible four-byte characters (emoji) by their two middle bytes."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        if len(encoded) == 4:
            index.setdefault(encoded[1:3], []).append((char, encoded))
    return {key: tuple(value) for key, value in index.items()}
