"""Undo UTF-8 that was read through a CJK codec (GBK/GB18030, Big5, Shift_JIS, EUC-KR).

Such a decoder pairs UTF-8 bytes into Han, kana or hangul characters and drops (``errors="ignore"``)
or replaces with U+FFFD (``errors="replace"``) the bytes it cannot pair: ``“spirit of Anchorage” has``
becomes ``鈥渟pirit of Anchorage鈥 has``, the last byte of ``”`` lost.  This module finds runs of
characters the suspect codec can encode, re-encodes them to the UTF-8 bytes that survived and decodes
those again, re-inserting dropped bytes where UTF-8 needs them.  A candidate byte is accepted only if
the suspect decoder would really have dropped it there, and candidates are ranked by context (quote
pairing, apostrophes inside words, dashes between spaces).  Runs that do not decode into plausible
Latin/Cyrillic/Greek text with punctuation are left alone, so genuine CJK text is never altered.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from reader.ingest.mojibake_score import (
    TypographyHints,
    char_score,
    is_cjk,
    middle_index,
    next_quote_state,
    open_quote_after,
    prefix_index,
    prior_or_floor,
    suffix_index,
)

__all__ = [
    "CJK_PATHS",
    "CjkFix",
    "CjkPath",
    "is_punctuation_fix",
    "repair_line",
    "signature_chars",
    "utf8_lead_share",
]

REPLACEMENT = "\ufffd"
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Bytes of context after a gap that the drop check decodes (a few characters suffice: the decoders are
# stateless between characters).
_CONTEXT_CHARS = 3


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
class CjkFix:
    """One repaired run: where it was in the line, what it became, how many bytes were inferred."""

    start: int
    end: int
    replacement: str
    path: CjkPath
    inferred: int  # dropped byte sequences re-inserted
    example: tuple[str, str] = ("", "")  # short excerpt of the line before and after
    strong: bool = False  # evidence of mojibake on its own (see _is_strong)


@dataclass
class _Run:
    chars: str
    data: bytes
    starts: list[int]  # byte offset of each character (U+FFFD has no bytes)
    mandatory: dict[int, int] = field(default_factory=dict)  # byte offset -> U+FFFD count there


@dataclass(eq=False)
class _Candidate:
    char: str
    next_index: int
    gap_at: int
    score: float
    gaps: tuple[tuple[int, bytes], ...] = ()  # every (offset, inserted bytes) the candidate needs
    context_score: float = 0.0  # the score without the cost of inserted bytes


@lru_cache(maxsize=65536)
def _encoded(char: str, codec: str) -> bytes | None:
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


def _is_cont(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


class _RunDecoder:
    """Decodes one run's surviving bytes as UTF-8, re-inserting bytes the CJK decoder lost."""

    def __init__(
        self, run: _Run, path: CjkPath, prev: str, after: str, open_quote: str, hints: TypographyHints
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
        if end > len(data) or not all(_is_cont(b) for b in data[i + 1 : end]):
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
            if next_index < len(self.run.data) and _is_cont(self.run.data[next_index]):
                score -= 3.0  # leaves an orphan continuation byte: another gap would be needed
            if best is None or score > best.score:
                best = _Candidate(char, next_index, gaps[0][0], score, gaps, context_score)
        return best

    def _candidates(self, i: int) -> Iterable[tuple[str, int, tuple[tuple[int, bytes], ...]]]:
        """(character, next byte index, gaps) for every way to mend offset ``i``.

        ``gaps`` lists the (offset, bytes) insertions: one, or two for a four-byte character that
        lost both its lead and its last byte (emoji read through Shift_JIS).
        """
        data = self.run.data
        need = _utf8_need(data[i])
        if need > 0:
            conts = 0
            while conts < need and i + 1 + conts < len(data) and _is_cont(data[i + 1 + conts]):
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
        elif need == 0 and self._gap_allowed(i):
            conts = 0
            while conts < 3 and i + conts < len(data) and _is_cont(data[i + conts]):
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
            encoded = b"".join(_encoded(c, self.path.codec) or b"" for c in chars)
            if self.replace_mode:
                chars = REPLACEMENT * self.run.mandatory.get(offset, 0) + chars
            following = self._following_cache[offset] = (encoded, chars)
        return _decoder_drops(self.path.decoders, self.replace_mode, gap, following[0], following[1])

    def _following_chars(self, offset: int) -> str:
        starts = self.run.starts
        index = next((k for k, start in enumerate(starts) if start >= offset), len(starts))
        chars: list[str] = []
        for char in self.run.chars[index:]:
            if char == REPLACEMENT or len(chars) >= _CONTEXT_CHARS:
                break
            chars.append(char)
        if len(chars) < _CONTEXT_CHARS and index + len(chars) >= len(self.run.chars):
            for char in self.after[: _CONTEXT_CHARS - len(chars)]:
                if _encoded(char, self.path.codec) is None:
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
        while end < len(data) and end <= index + need and _is_cont(data[end]):
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


def _split_runs(text: str, path: CjkPath, candidates: list[re.Match[str]]) -> Iterable[tuple[int, int]]:
    """Maximal spans of characters ``path.codec`` encodes (or U+FFFD) that hold at least one CJK char.

    ``candidates`` are the line's non-ASCII runs that hold a CJK character or U+FFFD.
    """
    for match in candidates:
        chunk = match.group()
        if "\ufffd" not in chunk:
            try:
                chunk.encode(path.codec)
            except UnicodeEncodeError:
                pass
            else:
                if any(is_cjk(c) for c in chunk):
                    yield match.start(), match.end()
                continue
        start = None
        for offset in range(match.start(), match.end() + 1):
            char = text[offset] if offset < match.end() else ""
            ok = bool(char) and (char == REPLACEMENT or _encoded(char, path.codec) is not None)
            if ok and start is None:
                start = offset
            elif not ok and start is not None:
                # A run cut out of a longer CJK sequence (its neighbour is CJK the codec cannot encode)
                # is genuine text of another codec, never mojibake of this one.
                cut = (start > match.start() and is_cjk(text[start - 1])) or (char and is_cjk(char))
                if not cut and any(is_cjk(c) for c in text[start:offset]):
                    yield start, offset
                start = None


def _make_run(chars: str, codec: str) -> _Run:
    pieces: list[bytes] = []
    starts: list[int] = []
    mandatory: Counter[int] = Counter()
    offset = 0
    for char in chars:
        starts.append(offset)
        if char == REPLACEMENT:
            mandatory[offset] += 1
            continue
        encoded = _encoded(char, codec) or b""
        pieces.append(encoded)
        offset += len(encoded)
    return _Run(chars, b"".join(pieces), starts, dict(mandatory))


_NEVER_IN_UTF8 = re.compile(rb"[\xc0\xc1\xf5-\xff]")


def _could_be_utf8(data: bytes) -> bool:
    """Inserting bytes cannot mend bytes UTF-8 never uses: genuine CJK text fails here at once."""
    return _NEVER_IN_UTF8.search(data) is None


# A character decoded from bytes that all survived may be rarer than one whose bytes were inferred.
MIN_DECODED_PRIOR = -5.0
MIN_MENDED_SCORE = -3.5


def _acceptable(original: str, repaired: str, inferred: int, worst_mend: float) -> bool:
    """A run's repair is kept only when it reads as text: no CJK left, no rare symbols, typical mends."""
    if repaired == original or not repaired:
        return False
    non_ascii = 0
    previous = ""
    for char in repaired:
        if ord(char) >= 0x80:
            non_ascii += 1
            if is_cjk(char) or prior_or_floor(char) < MIN_DECODED_PRIOR:
                return False
        elif not char.isalnum() or (
            previous and (previous.isascii() or unicodedata.category(previous)[0] == "S")
        ):
            # ASCII inside a run was a CJK character's trail byte: in mojibake of real text it is a
            # letter or digit after a letter or punctuation (’s, “the, „Wir), never after a symbol.
            return False
        previous = char
    if len({_script(c) for c in repaired if ord(c) >= 0x80 and c.isalpha()}) > 1:
        return False  # Latin and Cyrillic letters out of one run: a lucky decode, not text
    return inferred <= max(1, non_ascii) and worst_mend >= MIN_MENDED_SCORE


@dataclass
class _LineContext:
    """What the (repaired) line shows before the run being decoded, kept up to date as runs are fixed."""

    quotes: str = ""  # open quotation marks, innermost last
    tail: str = ""  # the last few characters

    def advance(self, text: str, hints: TypographyHints) -> None:
        if not text:
            return
        self.quotes = open_quote_after(text, self.quotes)
        hints.observe(text)
        self.tail = (self.tail + text)[-_CONTEXT_CHARS:]


def _try_path(
    text: str, start: int, end: int, path: CjkPath, context: _LineContext, hints: TypographyHints
) -> CjkFix | None:
    chars = text[start:end]
    run = _make_run(chars, path.codec)
    if not _could_be_utf8(run.data):
        return None
    decoder = _RunDecoder(
        run, path, context.tail[-1:], text[end : end + _CONTEXT_CHARS], context.quotes, hints
    )
    decoder.prefix_tail = context.tail
    result = decoder.decode()
    if result is None:
        return None
    repaired, inferred = result
    if not _acceptable(chars, repaired, inferred, decoder.worst_mend):
        return None
    return CjkFix(start, end, repaired, path, inferred)


_CJK_CHAR = re.compile(
    "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u1100-\u11ff\ua960-\ua97f\U00020000-\U0003ffff]"
)
_LETTER = re.compile(r"[^\W\d_]")
_CJK_OR_REPLACEMENT = re.compile(f"[{_CJK_CHAR.pattern[1:-1]}\\ufffd]")


def _cjk_share(line: str) -> float:
    """Share of the line's letters that are CJK (counted with regular expressions: lines can be long)."""
    cjk = len(_CJK_CHAR.findall(line))
    if 4 * cjk < len(line):
        return cjk / len(line)  # at most a quarter of the characters: no need to count the letters
    letters = len(_LETTER.findall(line))
    return min(1.0, cjk / letters) if letters else 0.0


def _line_bytes(line: str, codec: str) -> bytes | None:
    """The line in ``codec`` (U+FFFD left out), or None when a character has no byte form there."""
    line = line.replace(REPLACEMENT, "")
    try:
        return line.encode(codec)
    except UnicodeEncodeError:
        pieces = [_encoded(char, codec) for char in line]
        return None if None in pieces else b"".join(p for p in pieces if p is not None)


@lru_cache(maxsize=1)
def signature_chars() -> str:
    """What the lead bytes of UTF-8 punctuation, box drawing and emoji (E2 80..E2 9F, E2 94, F0 9F)
    become through each CJK codec: 鈥 窶 鈹 馃...  Genuine CJK text almost never uses them."""
    chars: set[str] = set()
    pairs = [bytes([0xE2, second]) for second in range(0x80, 0xA0)] + [b"\xf0\x9f"]
    for path in CJK_PATHS:
        for pair in pairs:
            decoded = pair.decode(path.codec, errors="ignore")
            if len(decoded) == 1 and is_cjk(decoded) and not _common_hanzi(decoded):
                chars.add(decoded)
    return "".join(sorted(chars))


def _common_hanzi(char: str) -> bool:
    """In the frequent half of GB2312 (level 1) or Big5: a character genuine text uses every day (站)."""
    gb = _encoded(char, "gb2312")
    big5 = _encoded(char, "big5")
    return bool(gb and 0xB0 <= gb[0] <= 0xD7) or bool(big5 and 0xA4 <= big5[0] <= 0xC6)


def utf8_lead_share(cjk_chars: Iterable[str]) -> float:
    """Share of CJK characters whose bytes (in the likeliest codec) look like a UTF-8 lead byte and its
    continuation: nearly all of them in mojibake (``Ã©`` → 茅, ``Ð¾`` → 芯), about a tenth in real text."""
    sample = list(cjk_chars)
    if not sample:
        return 0.0
    best = 0
    for path in CJK_PATHS:
        count = 0
        for char in sample:
            encoded = _encoded(char, path.codec)
            count += bool(
                encoded and len(encoded) == 2 and 0xC2 <= encoded[0] <= 0xF4 and _is_cont(encoded[1])
            )
        best = max(best, count)
    return best / len(sample)


def is_punctuation_fix(fix: CjkFix) -> bool:
    """The repair restored punctuation, a symbol or an emoji: the one repair a CJK page can trust."""
    return any(0x2000 <= ord(c) < 0x2C00 or ord(c) >= 0x1F000 or c == "\u00a0" for c in fix.replacement)


def repair_line(
    line: str,
    paths: Iterable[CjkPath],
    hints: TypographyHints,
    *,
    allow_weak: bool = True,
    punctuation_only: bool = False,
) -> tuple[str, list[CjkFix]]:
    """Repair every CJK-mojibake run of one line (a paragraph); the line is returned as is if none.

    With ``allow_weak`` False, only repairs that are evidence of mojibake on their own are made (the
    document shows no other evidence, and a lone CJK character decoding to a letter proves nothing).
    With ``punctuation_only`` (a page of genuine CJK text), only repairs restoring punctuation are made.
    """
    order = list(paths)
    fixes: list[CjkFix] = []
    pieces: list[str] = []
    cursor = 0
    taken_until = 0
    mostly_cjk = _cjk_share(line) >= 0.5
    if mostly_cjk:
        # Every run must decode: a codec whose bytes for the line include ones UTF-8 never uses is out.
        # (Every character must then be one the codec encodes, or that run could not be mojibake.)
        order = [path for path in order if _could_be_utf8(_line_bytes(line, path.codec) or b"\xff")]
        if not order:
            return line, []
    # Non-ASCII runs with a CJK character or U+FFFD in them: where CJK-codec mojibake can be.
    candidates = [m for m in _NON_ASCII_RUN.finditer(line) if _CJK_OR_REPLACEMENT.search(m.group())]
    spans: dict[tuple[int, int], list[CjkPath]] = {}
    for path in order:
        for span in _split_runs(line, path, candidates):
            spans.setdefault(span, []).append(path)
    ordered_spans = sorted(spans.items(), key=lambda item: (item[0][0], -item[0][1]))
    rank = _line_path_rank(line, ordered_spans, order, hints)  # also starts the line's hints
    context = _LineContext()
    for (start, end), span_paths in ordered_spans:
        if start < taken_until:
            continue
        context.advance(line[cursor:start], hints)
        cursor = start
        ranked_paths = sorted(span_paths, key=rank.__getitem__)
        fix = _best_fix(line, start, end, ranked_paths, context, hints)
        if fix is None and not mostly_cjk:
            fix = _fix_tail(line, start, end, ranked_paths, context, hints)
        if fix is not None:
            fix.strong = _is_strong(line, fix)
            if not (fix.strong or allow_weak) or (punctuation_only and not is_punctuation_fix(fix)):
                fix = None
        if fix is None:
            if mostly_cjk:
                return line, []
            continue
        if fix.start > cursor:
            context.advance(line[cursor : fix.start], hints)
        pieces.append(line[taken_until : fix.start])
        pieces.append(fix.replacement)
        context.advance(fix.replacement, hints)
        fix.example = _excerpts(line, fix)
        cursor = taken_until = fix.end
        fixes.append(fix)
    if not fixes:
        return line, []
    pieces.append(line[taken_until:])
    repaired = "".join(pieces)
    if mostly_cjk and (_cjk_share(repaired) > 0.0 or not _reads_as_paragraph(repaired, fixes)):
        # A mostly-CJK paragraph is only mojibake if every run of it decodes: genuine text never does.
        return line, []
    return repaired, fixes


# Longest run whose tail is tried on its own when the whole run does not decode.
_MAX_SPLIT_RUN = 40
_TYPOGRAPHY = frozenset("\u2019\u201c\u201d\u2018\u2013\u2014\u2026\u00a0")


def _fix_tail(
    line: str, start: int, end: int, order: list[CjkPath], context: _LineContext, hints: TypographyHints
) -> CjkFix | None:
    """Mojibake glued to genuine CJK (``惭辞蝉肠辞飞鈥檚``): repair the longest tail that decodes.

    Only a tail that brings typographic punctuation back is trusted, so a genuine CJK name never loses
    its last character to a lucky decode.
    """
    if end - start > _MAX_SPLIT_RUN:
        return None
    for split in range(start + 1, end):
        fix = _best_fix(line, split, end, order, context, hints)
        if fix is not None and _GLUED_TAIL.match(fix.replacement):
            return fix
    return None


# What mojibake glued to a genuine CJK run can be: a possessive or contraction, or closing quotes.
_GLUED_TAIL = re.compile("(\u2019[a-z]{0,2}|[\u201d\u2019]{1,2})$")


def _is_strong(line: str, fix: CjkFix) -> bool:
    """Is this repair evidence of mojibake on its own?

    Punctuation, symbols and emoji (three- and four-byte UTF-8, and the no-break space and Latin-1
    signs of ``聽`` ``掳``) are; so are accented letters inside a
    Latin word (``caf茅``) and words of two or more letters of one script.  A lone CJK character that
    decodes to a lone letter is not: genuine text does that too (``一`` is valid UTF-8 for ``һ``).
    """
    text = fix.replacement
    if fix.inferred and fix.end - fix.start == 1:
        # One CJK character and guessed bytes: only the signature of UTF-8 punctuation or emoji (E2 80...
        # read as 鈥 or 窶, F0 9F... as 泅) is enough to go on.
        return len(text) == 1 and (0x2000 <= ord(text) < 0x2C00 or ord(text) >= 0x1F000 or text == "\u00a0")
    if any(0x2000 <= ord(c) < 0x2C00 or ord(c) >= 0x1F000 or 0xA0 <= ord(c) < 0xC0 for c in text):
        return True
    letters = [c for c in text if ord(c) >= 0x80 and c.isalpha()]
    if not letters:
        return False
    scripts = {_script(c) for c in letters}
    if len(scripts) != 1:
        return False
    attached = line[fix.start - 1 : fix.start].isalpha() or line[fix.end : fix.end + 1].isalpha()
    if attached:
        neighbours = line[fix.start - 1 : fix.start] + line[fix.end : fix.end + 1]
        return scripts == {_script(next(c for c in neighbours if c.isalpha()))}
    return len(letters) >= 2


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _line_path_rank(
    line: str,
    spans: list[tuple[tuple[int, int], list[CjkPath]]],
    order: list[CjkPath],
    hints: TypographyHints,
) -> dict[CjkPath, int]:
    """Rank the paths by how many runs of the line each repairs: one line was read through one codec.

    The runs the best path decodes without guessing also tell which language the line is in (Czech
    ů, Polish ł...), which the guesses of the real pass then favour.
    """
    wins: Counter[CjkPath] = Counter()
    decoded: dict[CjkPath, list[str]] = {}
    several = len({path for _span, paths in spans for path in paths}) > 1
    for (start, end), span_paths in spans:
        context = _LineContext(tail=line[max(0, start - _CONTEXT_CHARS) : start])
        for path in span_paths if several else span_paths[:1]:
            fix = _try_path(line, start, end, path, context, hints)
            if fix is not None:
                wins[path] += end - start
                if not fix.inferred:
                    decoded.setdefault(path, []).append(fix.replacement)
    ranked = sorted(order, key=lambda path: -wins[path])
    hints.start_line()
    if ranked and ranked[0] in decoded:
        hints.observe_decoded(" ".join(decoded[ranked[0]]))
    return {path: index for index, path in enumerate(ranked)}


def _reads_as_paragraph(repaired: str, fixes: list[CjkFix]) -> bool:
    """A whole line of mojibake decodes to real text: each run is evidence, and words or rules appear."""
    weak = [fix for fix in fixes if not fix.strong]
    if any(fix.inferred for fix in weak) or 3 * len(weak) > len(fixes) - len(weak):
        return False  # (one-letter words like Russian «о» are weak but decode without guessing)
    letters = sum(1 for c in repaired if c.isalpha())
    return letters >= 4 or all(0x2000 <= ord(c) < 0x2C00 for fix in fixes for c in fix.replacement)


def _excerpts(line: str, fix: CjkFix, width: int = 20) -> tuple[str, str]:
    left = line[max(0, fix.start - width) : fix.start]
    right = line[fix.end : fix.end + width]
    return left + line[fix.start : fix.end] + right, left + fix.replacement + right


def _best_fix(
    line: str, start: int, end: int, order: list[CjkPath], context: _LineContext, hints: TypographyHints
) -> CjkFix | None:
    """The repair of one run by the first path (in the line's order) that makes sense of it."""
    for path in order:
        fix = _try_path(line, start, end, path, context, hints)
        if fix is not None:
            return fix
    return None
