"""Mojibake repair of decoded text, and the report of what was repaired and what could not be.

Owns :func:`repair_text` (undo UTF-8 read through the wrong codec: ftfy for the Western code
pages, :mod:`reader.ingest.mojibake_charmap` for cp1251 and mac-roman,
:mod:`reader.ingest.mojibake_cjk` for the CJK codecs that dropped bytes) and
:func:`find_unrepaired` (flags U+FFFD, CJK runs inside non-CJK text and leftover mojibake).
Typography is kept exactly as published: ftfy is configured not to straighten quotes, expand
ligatures, narrow full-width characters or normalise.  Clean text comes back as the same string,
and a clean page costs one regular-expression scan.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ftfy
from ftfy.badness import badness

from reader.ingest.model import RepairEntry
from reader.ingest.mojibake_charmap import CHARMAP_PATHS, repair_charmap_line, signature
from reader.ingest.mojibake_cjk import CJK_PATHS, CjkFix, repair_line, signature_chars, utf8_lead_share
from reader.ingest.mojibake_score import TypographyHints

__all__ = ["MAX_EXAMPLES", "Repaired", "find_unrepaired", "repair_text"]

MAX_EXAMPLES = 3
GENUINE_SAMPLE = 3000  # CJK characters looked at to tell a CJK page from a page of CJK mojibake
EXCERPT_WIDTH = 20

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are the HTML parser's business, and "&amp;" in text is text
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=False,  # never swap text for U+FFFD
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,  # ligatures, widths, quotes: typography as published
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)

_CJK_CLASS = (
    "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u1100-\u11ff\ua960-\ua97f\U00020000-\U0003ffff"
)
_CJK = re.compile(f"[{_CJK_CLASS}]")
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_WESTERN = signature("cp1252")
_C1 = re.compile("[\x80-\x9f]")


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
_PREFILTER = re.compile(f"[{_prefilter_chars()}{_CJK_CLASS}]")
_CHARMAP_PREFILTER = re.compile(f"[{_prefilter_chars()}]")
_SIGNATURE = re.compile(f"[{signature_chars()}]")
_GENUINE_CJK_PREFILTER = re.compile(f"[{_prefilter_chars()}{signature_chars()}]")
_SUSPICIOUS = re.compile(
    "|".join([signature(p.codec).pattern for p in CHARMAP_PATHS] + [f"[{_CJK_CLASS}\ufffd]", "[\x80-\x9f]"])
)


def suspicious_lines(text: str, prefilter: re.Pattern[str] = _PREFILTER) -> Iterator[tuple[int, int]]:
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


@dataclass
class Repaired:
    """Repaired text and one entry per kind of repair made."""

    text: str
    entries: list[RepairEntry]


class _Report:
    """Collects repairs by kind: a count and the first few examples."""

    def __init__(self) -> None:
        self.entries: dict[str, RepairEntry] = {}

    def add(self, kind: str, count: int, examples: Iterable[tuple[str, str]], flagged: bool = False) -> None:
        entry = self.entries.setdefault(kind, RepairEntry(kind=kind, flagged=flagged))
        entry.count += count
        for example in examples:
            if len(entry.examples) < MAX_EXAMPLES and example not in entry.examples:
                entry.examples.append(example)

    def as_list(self) -> list[RepairEntry]:
        return list(self.entries.values())


def repair_text(text: str) -> Repaired:
    """Undo mojibake in ``text``; never raises, and clean text comes back as the very same string."""
    if text.isascii() or not _PREFILTER.search(text):
        return Repaired(text, [])
    try:
        return _repair(text)
    except Exception:  # a repair bug must never cost the user the article: keep the text as decoded
        return Repaired(text, [])


def _repair(text: str) -> Repaired:
    repaired, cjk = _repair_pass(text, allow_weak=True)
    if cjk.fixes and not cjk.weak_allowed():
        # Too little evidence in the document to trust the weak CJK repairs: again, without them.
        repaired, _cjk = _repair_pass(text, allow_weak=False)
    return repaired


def _repair_pass(text: str, *, allow_weak: bool) -> tuple[Repaired, _CjkPass]:
    """One pass over the suspicious lines: Western code pages, then cp1251/mac-roman, then CJK codecs."""
    report = _Report()
    cjk = _CjkPass(text, allow_weak=allow_weak)
    pieces: list[str] = []
    cursor = 0
    for start, end in suspicious_lines(text, cjk.prefilter):
        line = text[start:end]
        repaired = _repair_charmaps(_repair_western(line, report), report)
        if _CJK.search(repaired):
            repaired = cjk.repair(repaired)
        if repaired != line:
            pieces.extend((text[cursor:start], repaired))
            cursor = end
    if not pieces:
        return Repaired(text, []), cjk
    cjk.report(report)
    pieces.append(text[cursor:])
    return Repaired("".join(pieces), report.as_list()), cjk


class _CjkPass:
    """CJK-codec repair over a document's lines, with the codec votes and typography hints they share."""

    def __init__(self, text: str, *, allow_weak: bool = True) -> None:
        self.text = text
        self.allow_weak = allow_weak
        self.hints: TypographyHints | None = None
        self.votes: dict[str, int] = {}
        self.fixes: list[CjkFix] = []
        self.genuine = _genuine_cjk_document(text)
        # On a page of genuine CJK text only lines with the signature of UTF-8 punctuation are looked at
        # (its thousands of CJK runs would cost seconds and could only yield false repairs).
        self.prefilter = _GENUINE_CJK_PREFILTER if self.genuine else _PREFILTER

    def repair(self, line: str) -> str:
        self.hints = self.hints or TypographyHints(self.text)
        order = sorted(CJK_PATHS, key=lambda path: -self.votes.get(path.kind, 0))
        fixed, fixes = repair_line(
            line, order, self.hints, allow_weak=self.allow_weak, punctuation_only=self.genuine
        )
        for fix in fixes:
            self.votes[fix.path.kind] = self.votes.get(fix.path.kind, 0) + 1
        self.fixes.extend(fixes)
        return fixed

    def weak_allowed(self) -> bool:
        """Weak repairs stand only in a document with enough strong evidence of the same damage."""
        strong = sum(fix.strong for fix in self.fixes)
        return strong >= 1 and 3 * strong >= len(self.fixes) - strong

    def report(self, report: _Report) -> None:
        _report_cjk(self.fixes, report)


def _genuine_cjk_document(text: str) -> bool:
    """Is this a page of real CJK text (many CJK characters, hardly any of them mojibake signatures)?"""
    cjk = len(_CJK.findall(text))
    if cjk < 200 or len(_SIGNATURE.findall(text)) >= 0.05 * cjk:
        return False
    sample = itertools.islice((m.group() for m in _CJK.finditer(text)), GENUINE_SAMPLE)
    return utf8_lead_share(sample) < 0.3


def _excerpt(line: str, start: int, end: int) -> str:
    return line[max(0, start - EXCERPT_WIDTH) : end + EXCERPT_WIDTH]


# ftfy's cost grows fast with the length of what it is given; minified pages are one line of 1 MB.
FTFY_SEGMENT = 2000
_SEGMENT_END = re.compile(r"\s")


def _repair_western(line: str, report: _Report) -> str:
    """ftfy for UTF-8 read as windows-1252 or Latin-1, segment by segment in a long line."""
    if not _WESTERN.search(line) and not _C1.search(line):
        return line
    if len(line) <= 2 * FTFY_SEGMENT:
        return _repair_western_segment(line, report)
    pieces = []
    start = 0
    while start < len(line):
        cut = _SEGMENT_END.search(line, start + FTFY_SEGMENT)
        end = cut.end() if cut else len(line)
        pieces.append(_repair_western_segment(line[start:end], report))
        start = end
    return "".join(pieces)


def _repair_western_segment(line: str, report: _Report) -> str:
    """ftfy for UTF-8 read as windows-1252 or Latin-1 (once or twice), where its signature shows."""
    matches = list(_WESTERN.finditer(line))
    if not matches and not _C1.search(line):
        return line
    fixed, explanation = ftfy.fix_and_explain(line, FTFY_CONFIG)
    if fixed == line or not explanation or badness(fixed) >= badness(line):
        return line
    if _CJK.search(fixed) and not _CJK.search(line):
        return line  # ftfy guessed a CJK decode for Latin text: not a repair we trust
    encodes = [step for action, step in explanation if action == "encode"]
    kind = "utf8-as-latin-1" if _C1.search(line) and encodes[:1] == ["latin-1"] else "utf8-as-cp1252"
    if len(encodes) >= 2:
        kind = "utf8-as-cp1252-twice"
    elif encodes[:1] == ["macroman"]:
        kind = "utf8-as-mac-roman"
    elif encodes[:1] == ["sloppy-windows-1251"]:
        kind = "utf8-as-cp1251"
    first = matches[0] if matches else _C1.search(line)
    examples = []
    if first is not None:
        before = _excerpt(line, first.start(), first.end())
        examples.append((before, ftfy.fix_text(before, FTFY_CONFIG)))
    report.add(kind, max(1, len(matches)), examples)
    return fixed


def _repair_charmaps(line: str, report: _Report) -> str:
    """cp1251 and mac-roman (ftfy misses most), and windows-1252 where ftfy declined; up to twice."""
    for _round in range(2):
        for path in CHARMAP_PATHS:
            fixed, fix = repair_charmap_line(line, path)
            if fix is not None:
                report.add(fix.path.kind, fix.count, [fix.example])
                line = fixed
                break
        else:
            return line
    return line


def _report_cjk(fixes: list[CjkFix], report: _Report) -> None:
    for fix in fixes:
        report.add(fix.path.kind, 1, [fix.example])
    inferred = [fix for fix in fixes if fix.inferred]
    if inferred:
        report.add("dropped-bytes-inferred", sum(f.inferred for f in inferred), [f.example for f in inferred])


def find_unrepaired(text: str) -> list[RepairEntry]:
    """Damage left in (final article) text, as flagged entries: U+FFFD, stray CJK runs, leftover mojibake."""
    report = _Report()
    if text.isascii() or not _PREFILTER.search(text):
        return []
    for match in re.finditer("\ufffd+", text):
        report.add("replacement-character", len(match.group()), [_flag_example(text, match)], flagged=True)
    # A CJK page is not flagged for being CJK.  (CJK text is dense: a tenth of a page's characters would
    # be a lot for a Latin page, and counting all characters is cheaper than counting letters.)
    if _CJK.search(text) and len(_CJK.findall(text)) < 0.1 * len(text):
        for match in _CJK_RUN.finditer(text):
            report.add("cjk-in-latin-text", 1, [_flag_example(text, match)], flagged=True)
    seen: set[int] = set()
    for start, end in suspicious_lines(text, _CHARMAP_PREFILTER):
        for path in CHARMAP_PATHS:
            for match in signature(path.codec).finditer(text, start, end):
                if match.start() not in seen and not _looks_like_real_text(match.group()):
                    seen.add(match.start())
                    report.add("mojibake-left", 1, [_flag_example(text, match)], flagged=True)
    return report.as_list()


_NORMAL_AFTER_LETTER = "\u00ab\u00bb\u00a0\u2013\u2014\u2026\u00b0"


def _looks_like_real_text(pair: str) -> bool:
    """A letter followed by guillemets, a dash or a no-break space is normal in many languages."""
    return pair[1] in _NORMAL_AFTER_LETTER or (pair[0].isalpha() and pair[1].isalpha())


def _flag_example(text: str, match: re.Match[str]) -> tuple[str, str]:
    excerpt = _excerpt(text, match.start(), match.end()).replace("\n", " ")
    return excerpt, excerpt
