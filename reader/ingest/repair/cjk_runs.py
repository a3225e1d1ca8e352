"""Decoding one run of CJK-codec mojibake back to the UTF-8 it was, re-inserting the bytes the codec lost.

A run is a span of characters the suspect codec can encode; encoded again they give the UTF-8 bytes that
survived.  Where UTF-8 needs a byte that is missing, candidates are tried: a candidate byte is accepted
only if the suspect decoder would really have dropped (``errors="ignore"``) or replaced
(``errors="replace"``) it there, and candidates are ranked by
:func:`~reader.ingest.repair.scoring.char_score`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from reader.ingest.repair.priors import middle_index, prefix_index, prior_or_floor, suffix_index
from reader.ingest.repair.scoring import TypographyHints, char_score, next_quote_state

REPLACEMENT = "\ufffd"

# Bytes of context after a gap that the drop check decodes (a few characters suffice: the decoders are
# stateless between characters).
CONTEXT_CHARS = 3


@dataclass(frozen=True)
class CjkPath:
    """A codec UTF-8 was wrongly read through."""

    codec: str  # encodes the broken run back to the surviving bytes
    kind: str  # the repair report's name for it
    decoders: tuple[str, ...]  # decoders that may have produced the text (checked for dropped bytes)


CJK_PATHS: tuple[CjkPath, ...] = (
    CjkPath("gbk", "utf8-as-gbk", ("gbk", "gb18030")),
    CjkPath("shift_jis", "utf8-as-shift-jis", ("shift_jis", "cp932")),
    CjkPath("big5", "utf8-as-big5", ("big5", "big5hkscs")),
    CjkPath("euc_kr", "utf8-as-euc-kr", ("euc_kr", "cp949")),
)


@dataclass
class Run:
    chars: str
    data: bytes
    starts: list[int]  # byte offset of each character (U+FFFD has no bytes)
    mandatory: dict[int, int] = field(default_factory=dict)  # byte offset -> U+FFFD count there


# (character, next byte index, (offset, inserted bytes) for each gap it fills)
_Mend = tuple[str, int, tuple[tuple[int, bytes], ...]]


@dataclass(eq=False)
class _Candidate:
    char: str
    next_index: int
    gap_at: int
    score: float
    gaps: tuple[tuple[int, bytes], ...] = ()  # every (offset, inserted bytes) the candidate needs
    context_score: float = 0.0  # the score without the cost of inserted bytes


@lru_cache(maxsize=65536)
def codec_bytes(char: str, codec: str) -> bytes | None:
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        pass
    if codec == "gbk" and 0xE000 <= ord(char) <= 0xF8FF:
        # GB18030 decodes some byte pairs GBK leaves undefined to private-use characters: same bytes.
        encoded = char.encode("gb18030")
        return encoded if len(encoded) == 2 else None
    return None


def _utf8_need(byte: int) -> int:
    """Continuation bytes a UTF-8 lead byte needs; 0 for a continuation byte, -1 for an invalid byte."""
    if 0xC2 <= byte <= 0xDF:
        return 1
    if 0xE0 <= byte <= 0xEF:
        return 2
    if 0xF0 <= byte <= 0xF4:
        return 3
    if 0x80 <= byte <= 0xBF:
        return 0
    return -1


def is_continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


class RunDecoder:
    """Decodes one run's surviving bytes as UTF-8, re-inserting bytes the CJK decoder lost."""

    def __init__(
        self, run: Run, path: CjkPath, prev: str, after: str, open_quote: str, hints: TypographyHints
    ) -> None:
        self.run = run
        self.path = path
        self.prev = prev
        self.after = after
        self.open_quote = open_quote
        self.hints = hints
        self.prefix_tail = ""  # the last characters of the line before the run
        self.worst_mend = 0.0  # the lowest context score of a character whose bytes were re-inserted
        self.boundaries = {*run.starts, len(run.data)}
        self.replace_mode = bool(run.mandatory)
        self._following_cache: dict[int, tuple[bytes, str]] = {}

    def decode(self) -> tuple[str, int] | None:
        data = self.run.data
        out: list[str] = []
        used_gaps: set[int] = set()
        mended = 0  # characters that needed bytes re-inserted
        i = 0
        while i < len(data):
            if self.replace_mode and i in self.run.mandatory and i not in used_gaps:
                candidate = self._best_candidate(i, out)
                if candidate is None or candidate.gap_at != i:
                    return None
            else:
                simple = self._complete_sequence(i)
                if simple is not None:
                    self._track_quotes(simple[0], out[-1] if out else self.prev, simple[1])
                    out.append(simple[0])
                    i = simple[1]
                    continue
                candidate = self._best_candidate(i, out)
                if candidate is None:
                    return None
            self._track_quotes(candidate.char, out[-1] if out else self.prev, candidate.next_index)
            out.append(candidate.char)
            used_gaps.update(offset for offset, _gap in candidate.gaps)
            mended += 1
            self.worst_mend = min(self.worst_mend, candidate.context_score)
            i = candidate.next_index
        if self.replace_mode:
            if len(data) in self.run.mandatory and len(data) not in used_gaps:
                return None
            if set(self.run.mandatory) - used_gaps:
                return None
        return "".join(out), mended

    def _track_quotes(self, char: str, prev: str, index: int) -> None:
        self.open_quote = next_quote_state(self.open_quote, char, prev, self._peek(index))

    def _complete_sequence(self, i: int) -> tuple[str, int] | None:
        data = self.run.data
        byte = data[i]
        if byte < 0x80:
            return chr(byte), i + 1
        need = _utf8_need(byte)
        if need <= 0:
            return None
        end = i + 1 + need
        if end > len(data) or not all(is_continuation(b) for b in data[i + 1 : end]):
            return None
        if self.replace_mode and any(i < gap < end for gap in self.run.mandatory):
            return None
        try:
            return data[i:end].decode("utf-8"), end
        except UnicodeDecodeError:
            return None

    def _best_candidate(self, i: int, out: list[str]) -> _Candidate | None:
        prev = out[-1] if out else self.prev
        before = ("".join(out[-3:]) if len(out) >= 3 else self.prefix_tail + "".join(out))[-3:]
        best: _Candidate | None = None
        for char, next_index, gaps in self._candidates(i):
            # The decoder check is cached and cheap; scoring is not: check first.
            if not all(self._dropped_here(offset, gap) for offset, gap in gaps):
                continue
            inserted = sum(len(gap) for _offset, gap in gaps)
            context_score = char_score(
                char,
                prev,
                self._peek(next_index),
                open_quote=self.open_quote,
                hints=self.hints,
                before=before,
            )
            score = context_score - 0.3 * inserted
            if next_index < len(self.run.data) and is_continuation(self.run.data[next_index]):
                score -= 3.0  # leaves an orphan continuation byte: another gap would be needed
            if best is None or score > best.score:
                best = _Candidate(char, next_index, gaps[0][0], score, gaps, context_score)
        return best

    def _candidates(self, i: int) -> Iterable[_Mend]:
        """(character, next byte index, gaps) for every way to mend offset ``i``.

        ``gaps`` lists the (offset, bytes) insertions: one, or two for a four-byte character that
        lost both its lead and its last byte (emoji read through Shift_JIS).
        """
        need = _utf8_need(self.run.data[i])
        if need > 0:
            yield from self._after_lead_candidates(i, need)
        elif need == 0 and self._gap_allowed(i):
            yield from self._lost_lead_candidates(i)

    def _after_lead_candidates(self, i: int, need: int) -> Iterable[_Mend]:
        """A lead byte at ``i`` whose character lost one or more of the bytes after it."""
        data = self.run.data
        conts = 0
        while conts < need and i + 1 + conts < len(data) and is_continuation(data[i + 1 + conts]):
            conts += 1
        for gap_at in range(i + 1, i + 2 + conts):
            if not self._gap_allowed(gap_at):
                continue
            before = data[i:gap_at]
            for char, encoded in prefix_index().get(before, ()):
                if len(encoded) != need + 1:
                    continue
                after_len = len(encoded) - len(before)
                for gap_len in range(1, after_len + 1):
                    tail = encoded[len(before) + gap_len :]
                    if data[gap_at : gap_at + len(tail)] == tail:
                        gap = encoded[len(before) : len(before) + gap_len]
                        yield char, gap_at + len(tail), ((gap_at, gap),)

    def _lost_lead_candidates(self, i: int) -> Iterable[_Mend]:
        """Continuation bytes at ``i`` whose lead byte was lost (and, for an emoji, its last byte too)."""
        data = self.run.data
        conts = 0
        while conts < 3 and i + conts < len(data) and is_continuation(data[i + conts]):
            conts += 1
        for size in range(conts, 0, -1):
            tail = data[i : i + size]
            for char, encoded in suffix_index().get(tail, ()):
                if len(encoded) - size == 1:  # only the lead byte was lost: more is guesswork
                    yield char, i + size, ((i, encoded[: len(encoded) - size]),)
        if conts >= 2 and self._gap_allowed(i + 2):
            for char, encoded in middle_index().get(data[i : i + 2], ()):
                yield char, i + 2, ((i, encoded[:1]), (i + 2, encoded[3:]))

    def _gap_allowed(self, offset: int) -> bool:
        if self.replace_mode:
            return offset in self.run.mandatory
        return offset in self.boundaries

    def _dropped_here(self, offset: int, gap: bytes) -> bool:
        """Would the suspect decoder really have lost ``gap`` at ``offset``, given what follows?"""
        following = self._following_cache.get(offset)
        if following is None:
            chars = self._following_chars(offset)
            encoded = b"".join(codec_bytes(c, self.path.codec) or b"" for c in chars)
            if self.replace_mode:
                chars = REPLACEMENT * self.run.mandatory.get(offset, 0) + chars
            following = self._following_cache[offset] = (encoded, chars)
        return _decoder_drops(self.path.decoders, self.replace_mode, gap, following[0], following[1])

    def _following_chars(self, offset: int) -> str:
        starts = self.run.starts
        index = next((k for k, start in enumerate(starts) if start >= offset), len(starts))
        chars: list[str] = []
        for char in self.run.chars[index:]:
            if char == REPLACEMENT or len(chars) >= CONTEXT_CHARS:
                break
            chars.append(char)
        if len(chars) < CONTEXT_CHARS and index + len(chars) >= len(self.run.chars):
            for char in self.after[: CONTEXT_CHARS - len(chars)]:
                if codec_bytes(char, self.path.codec) is None:
                    break
                chars.append(char)
        return "".join(chars)

    def _peek(self, index: int) -> str:
        data = self.run.data
        if index >= len(data):
            return self.after[:1]
        byte = data[index]
        if byte < 0x80:
            return chr(byte)
        need = _utf8_need(byte)
        if need <= 0:
            return "x"
        try:
            return data[index : index + 1 + need].decode("utf-8")
        except UnicodeDecodeError:
            pass
        # A character that lost a byte: guess the likeliest one its surviving bytes start.
        end = index + 1
        while end < len(data) and end <= index + need and is_continuation(data[end]):
            end += 1
        return _likeliest_char(data[index:end])


@lru_cache(maxsize=4096)
def _likeliest_char(prefix: bytes) -> str:
    options = prefix_index().get(prefix, ())
    if not options:
        return "x"
    return max(options, key=lambda option: prior_or_floor(option[0]))[0]


@lru_cache(maxsize=16384)
def _decoder_drops(
    decoders: tuple[str, ...], replace: bool, gap: bytes, following: bytes, expected: str
) -> bool:
    """Does one of ``decoders`` turn ``gap + following`` into ``expected`` (the gap lost or replaced)?"""
    errors = "replace" if replace else "ignore"
    return any((gap + following).decode(decoder, errors=errors) == expected for decoder in decoders)


def make_run(chars: str, codec: str) -> Run:
    pieces: list[bytes] = []
    starts: list[int] = []
    mandatory: Counter[int] = Counter()
    offset = 0
    for char in chars:
        starts.append(offset)
        if char == REPLACEMENT:
            mandatory[offset] += 1
            continue
        encoded = codec_bytes(char, codec) or b""
        pieces.append(encoded)
        offset += len(encoded)
    return Run(chars, b"".join(pieces), starts, dict(mandatory))


_NEVER_IN_UTF8 = re.compile(rb"[\xc0\xc1\xf5-\xff]")


def could_be_utf8(data: bytes) -> bool:
    """Inserting bytes cannot mend bytes UTF-8 never uses: genuine CJK text fails here at once."""
    return _NEVER_IN_UTF8.search(data) is None
