"""Mojibake repair of a whole decoded document: :func:`repair_text`.

Each line that shows a signature is repaired in turn by the Western code pages (ftfy), then cp1251 and
mac-roman (and windows-1252 where ftfy declined), then the CJK codecs; the CJK votes and typography
hints are shared across the document.  When the document holds too little strong evidence of CJK
mojibake, its weak CJK repairs are not trusted and the pass runs again without them.  Clean text comes
back as the very same string; a repair bug never costs the user the article.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass

from reader.errors import swallowed
from reader.ingest.model import RepairEntry
from reader.ingest.repair.charmap import CHARMAP_PATHS, repair_charmap_line
from reader.ingest.repair.cjk import CJK_PATHS, CjkFix, repair_line, utf8_lead_share
from reader.ingest.repair.report import RepairReport
from reader.ingest.repair.scoring import TypographyHints
from reader.ingest.repair.signatures import CJK_SIGNATURE, GENUINE_CJK_PREFILTER, PREFILTER, suspicious_lines
from reader.ingest.repair.western import repair_western
from reader.ingest.scripts import CJK_CHAR

logger = logging.getLogger(__name__)

GENUINE_SAMPLE = 3000  # CJK characters looked at to tell a CJK page from a page of CJK mojibake


@dataclass
class Repaired:
    """Repaired text and one entry per kind of repair made."""

    text: str
    entries: list[RepairEntry]


def repair_text(text: str) -> Repaired:
    """Undo mojibake in ``text``; never raises, and clean text comes back as the very same string."""
    if text.isascii() or not PREFILTER.search(text):
        return Repaired(text, [])
    try:
        return _repair(text)
    except Exception:  # a repair bug must never cost the user the article: keep the text as decoded
        swallowed(logger, "mojibake repair (the text is kept as decoded)")
        return Repaired(text, [])


def _repair(text: str) -> Repaired:
    repaired, cjk = _repair_pass(text, allow_weak=True)
    if cjk.fixes and not cjk.weak_allowed():
        # Too little evidence in the document to trust the weak CJK repairs: again, without them.
        repaired, _cjk = _repair_pass(text, allow_weak=False, genuine=cjk.genuine)
    return repaired


def _repair_pass(text: str, *, allow_weak: bool, genuine: bool | None = None) -> tuple[Repaired, _CjkPass]:
    """One pass over the suspicious lines: Western code pages, then cp1251/mac-roman, then CJK codecs
    (``genuine``: whether the text is a CJK page, when an earlier pass has found out)."""
    report = RepairReport()
    cjk = _CjkPass(text, allow_weak=allow_weak, genuine=genuine)
    pieces: list[str] = []
    cursor = 0
    for start, end in suspicious_lines(text, cjk.prefilter):
        line = text[start:end]
        repaired = _repair_charmaps(repair_western(line, report), report)
        if CJK_CHAR.search(repaired):
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

    def __init__(self, text: str, *, allow_weak: bool = True, genuine: bool | None = None) -> None:
        self.text = text
        self.allow_weak = allow_weak
        self.hints: TypographyHints | None = None
        self.votes: dict[str, int] = {}
        self.fixes: list[CjkFix] = []
        self.genuine = _genuine_cjk_document(text) if genuine is None else genuine
        # On a page of genuine CJK text only lines with the signature of UTF-8 punctuation are looked at
        # (its thousands of CJK runs would cost seconds and could only yield false repairs).
        self.prefilter = GENUINE_CJK_PREFILTER if self.genuine else PREFILTER

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

    def report(self, report: RepairReport) -> None:
        _report_cjk(self.fixes, report)


def _genuine_cjk_document(text: str) -> bool:
    """Is this a page of real CJK text (many CJK characters, hardly any of them mojibake signatures)?"""
    cjk = len(CJK_CHAR.findall(text))
    if cjk < 200 or len(CJK_SIGNATURE.findall(text)) >= 0.05 * cjk:
        return False
    sample = itertools.islice((m.group() for m in CJK_CHAR.finditer(text)), GENUINE_SAMPLE)
    return utf8_lead_share(sample) < 0.3


def _repair_charmaps(line: str, report: RepairReport) -> str:
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


def _report_cjk(fixes: list[CjkFix], report: RepairReport) -> None:
    for fix in fixes:
        report.add(fix.path.kind, 1, [fix.example])
    inferred = [fix for fix in fixes if fix.inferred]
    if inferred:
        report.add("dropped-bytes-inferred", sum(f.inferred for f in inferred), [f.example for f in inferred])
