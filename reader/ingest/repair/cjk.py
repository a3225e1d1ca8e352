"""Undo UTF-8 that was read through a CJK codec (GBK/GB18030, Big5, Shift_JIS, EUC-KR), line by line.

Such a decoder pairs UTF-8 bytes into Han, kana or hangul characters and drops (``errors="ignore"``)
or replaces with U+FFFD (``errors="replace"``) the bytes it cannot pair: ``“spirit of Anchorage” has``
becomes ``鈥渟pirit of Anchorage鈥 has``, the last byte of ``”`` lost.  This module finds the runs of a
line that a suspect codec can encode, has :mod:`reader.ingest.repair.cjk_runs` decode each, and keeps
a repair only when the run decodes into plausible Latin/Cyrillic/Greek text with punctuation, so genuine
CJK text is never altered.  One line was read through one codec: the codecs are ranked per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.ingest.repair.cjk_runs import (
    CJK_PATHS,
    CONTEXT_CHARS,
    REPLACEMENT,
    CjkPath,
    RunDecoder,
    codec_bytes,
    could_be_utf8,
    is_continuation,
    make_run,
)
from reader.ingest.repair.priors import prior_or_floor
from reader.ingest.repair.scoring import TypographyHints, open_quote_after
from reader.ingest.scripts import CJK_CHAR, CJK_CLASS, is_cjk

__all__ = [
    "CJK_PATHS",
    "CjkFix",
    "CjkPath",
    "is_punctuation_fix",
    "repair_line",
    "signature_chars",
    "utf8_lead_share",
]


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


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
            ok = bool(char) and (char == REPLACEMENT or codec_bytes(char, path.codec) is not None)
            if ok and start is None:
                start = offset
            elif not ok and start is not None:
                # A run cut out of a longer CJK sequence (its neighbour is CJK the codec cannot encode)
                # is genuine text of another codec, never mojibake of this one.
                cut = (start > match.start() and is_cjk(text[start - 1])) or (char and is_cjk(char))
                if not cut and any(is_cjk(c) for c in text[start:offset]):
                    yield start, offset
                start = None


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
        self.tail = (self.tail + text)[-CONTEXT_CHARS:]


def _try_path(
    text: str, start: int, end: int, path: CjkPath, context: _LineContext, hints: TypographyHints
) -> CjkFix | None:
    chars = text[start:end]
    run = make_run(chars, path.codec)
    if not could_be_utf8(run.data):
        return None
    decoder = RunDecoder(run, path, context.tail[-1:], text[end : end + CONTEXT_CHARS], context.quotes, hints)
    decoder.prefix_tail = context.tail
    result = decoder.decode()
    if result is None:
        return None
    repaired, inferred = result
    if not _acceptable(chars, repaired, inferred, decoder.worst_mend):
        return None
    return CjkFix(start, end, repaired, path, inferred)


_LETTER = re.compile(r"[^\W\d_]")
_CJK_OR_REPLACEMENT = re.compile(f"[{CJK_CLASS}\\ufffd]")


def _cjk_share(line: str) -> float:
    """Share of the line's letters that are CJK (counted with regular expressions: lines can be long)."""
    cjk = len(CJK_CHAR.findall(line))
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
        pieces = [codec_bytes(char, codec) for char in line]
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
    gb = codec_bytes(char, "gb2312")
    big5 = codec_bytes(char, "big5")
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
            encoded = codec_bytes(char, path.codec)
            count += bool(
                encoded and len(encoded) == 2 and 0xC2 <= encoded[0] <= 0xF4 and is_continuation(encoded[1])
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
        order = [path for path in order if could_be_utf8(_line_bytes(line, path.codec) or b"\xff")]
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
        context = _LineContext(tail=line[max(0, start - CONTEXT_CHARS) : start])
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
