"""Text signatures for the duplicate finder: MinHash over word shingles, and LSH bands to find candidates.

Two saves of one story rarely share bytes or a URL (a re-save under a tracking URL, a wire copy on
another site, the same story under another banner), but their article text is nearly the same.  The
text is cut into overlapping shingles of :data:`SHINGLE` words (a CJK character counts as a word), and a
:class:`TextSignature` keeps :data:`BINS` minimum hashes: the fraction of equal values of two signatures
estimates the Jaccard likeness of their shingle sets.  The signature is one-permutation MinHash (Li,
Owen and Zhang, 2012) with rotation densification (Shrivastava and Li, 2014): one hash per shingle
instead of one per shingle and permutation, so an article is signed in well under a millisecond in pure
Python, in the import's worker processes.  datasketch's ``MinHash`` with its LSH finds the same pairs on
the labelled set (precision and recall 1.0 both) at 2.3-2.5 times the CPU (0.71 against 0.28 ms an
article there, 1.50 against 0.66 on the readability dev set) and brings numpy and scipy (~160 MB) into
the app: measured, then left out.

Candidates are found by locality-sensitive hashing: the signature is cut into :data:`BANDS` bands of
:data:`ROWS` values, each band hashed to one key (:meth:`TextSignature.band_keys`); articles sharing a key
are candidates, checked against :data:`LIKENESS` (the threshold measured on the labelled set).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

SHINGLE = 5  # words per shingle
_BIN_BITS = 7
BINS = 1 << _BIN_BITS  # minimum hashes per signature
BANDS = 32  # LSH bands of ROWS values each: a pair 50 % alike is a candidate with p = 0.87, 30 % with 0.23
ROWS = BINS // BANDS
#: The estimated likeness (Jaccard of shingle sets) at and above which two texts are one story; or the
#: share of the shorter text's shingles found in the longer (a wire copy cut short).
LIKENESS = 0.5
CONTAINMENT = 0.8
#: Texts with fewer shingles than this are too short to call duplicates by text alone.
MIN_SHINGLES = 20
#: Only the beginning of a text is signed (~1,200 words): copies of one story share their beginning, and a
#: cap keeps signing a long page cheap (see benchmarks/duplicates.py for its share of the import).
SIGNED_CHARS = 8_000

_MASK = 0xFFFFFFFF
_EMPTY = _MASK + 1  # above every value: a bin no shingle fell into
_ROTATION = 0x9E3779B1  # the offset per bin a densified value travelled (golden ratio, 32 bits)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_CJK_AWARE_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """The words of ``text``, folded (case, NFKC), punctuation dropped; each CJK character is a word."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _HAS_CJK.search(text):
            return _CJK_AWARE_TOKEN.findall(text)
    return _WORD.findall(text)


def shingle_hashes(text: str) -> set[int]:
    """A hash of each distinct shingle of ``text``.

    Each word becomes its CRC-32, each shingle the hash of its tuple of those: tuples of ints hash the
    same in every process and run (only ``str`` hashing is randomised), and all of it runs in C.
    """
    words = list(map(zlib.crc32, map(str.encode, tokens(text))))
    if not words:
        return set()
    words += [0] * max(0, SHINGLE - len(words))
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@dataclass(frozen=True)
class TextSignature:
    """The MinHash signature of one text and the number of distinct shingles it was made from."""

    shingles: int
    values: tuple[int, ...]
    bands: tuple[int, ...] = field(default=(), compare=False)  # the band keys, once computed

    def to_bytes(self) -> bytes:
        return array("I", self.values).tobytes()

    @classmethod
    def from_bytes(cls, shingle_count: int, data: bytes) -> TextSignature:
        return cls(shingle_count, tuple(array("I", data)))

    def band_keys(self) -> tuple[int, ...]:
        """One signed 64-bit key per band (SQLite's INTEGER): texts sharing a key are candidates.

        A new signature carries them (computed where it was made: in the import's worker processes)."""
        if self.bands:
            return self.bands
        keys = []
        for band in range(BANDS):
            chunk = array("I", self.values[band * ROWS : (band + 1) * ROWS]).tobytes()
            key = _hash64(band.to_bytes(2, "little") + chunk)
            keys.append(key - (1 << 64) if key >= 1 << 63 else key)
        return tuple(keys)

    def likeness(self, other: TextSignature) -> float:
        """The estimated Jaccard likeness of the two texts' shingle sets (0 … 1)."""
        same = sum(1 for a, b in zip(self.values, other.values, strict=True) if a == b)
        return same / BINS

    def containment(self, other: TextSignature, likeness: float | None = None) -> float:
        """The estimated share of the smaller text's shingles that the other text has too."""
        j = self.likeness(other) if likeness is None else likeness
        smaller = min(self.shingles, other.shingles)
        if smaller == 0:
            return 0.0
        return min(1.0, j * (self.shingles + other.shingles) / ((1 + j) * smaller))

    def is_duplicate_of(self, other: TextSignature) -> tuple[bool, float]:
        """(one story?, estimated likeness) for two texts long enough to judge."""
        if min(self.shingles, other.shingles) < MIN_SHINGLES:
            return False, 0.0
        j = self.likeness(other)
        return (j >= LIKENESS or self.containment(other, j) >= CONTAINMENT), j


def signature(text: str) -> TextSignature | None:
    """The signature of ``text`` (its first :data:`SIGNED_CHARS` characters), or None when it has no words."""
    found = shingle_hashes(text[:SIGNED_CHARS])
    if not found:
        return None
    bins = [_EMPTY] * BINS
    for h in found:  # one permutation: the hash's low bits choose the bin, the rest is the value
        slot, value = h & (BINS - 1), (h >> _BIN_BITS) & _MASK
        if value < bins[slot]:
            bins[slot] = value
    made = TextSignature(len(found), tuple(_densified(bins)))
    return replace(made, bands=made.band_keys())


def _densified(bins: list[int]) -> Iterator[int]:
    """Fill each empty bin from the next filled one to its right, offset by the distance (rotation)."""
    if all(value == _EMPTY for value in bins):
        yield from bins
        return
    for slot, value in enumerate(bins):
        distance = 0
        while value == _EMPTY:
            distance += 1
            value = bins[(slot + distance) % BINS]
        yield (value + distance * _ROTATION) & _MASK if distance else value
