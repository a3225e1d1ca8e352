"""Damage left in the final article text, flagged for the reader: U+FFFD, CJK runs inside non-CJK text,
and mojibake signatures no repair explained."""

from __future__ import annotations

import re

from reader.ingest.model import RepairEntry
from reader.ingest.repair.charmap import CHARMAP_PATHS, signature
from reader.ingest.repair.report import RepairReport, excerpt
from reader.ingest.repair.signatures import CHARMAP_PREFILTER, PREFILTER, suspicious_lines
from reader.ingest.scripts import CJK_CHAR, CJK_CLASS

_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")


def find_unrepaired(text: str) -> list[RepairEntry]:
    """Damage left in (final article) text, as flagged entries: U+FFFD, stray CJK runs, leftover mojibake."""
    report = RepairReport()
    if text.isascii() or not PREFILTER.search(text):
        return []
    for match in re.finditer("\ufffd+", text):
        report.add("replacement-character", len(match.group()), [_flag_example(text, match)], flagged=True)
    # A CJK page is not flagged for being CJK.  (CJK text is dense: a tenth of a page's characters would
    # be a lot for a Latin page, and counting all characters is cheaper than counting letters.)
    if CJK_CHAR.search(text) and len(CJK_CHAR.findall(text)) < 0.1 * len(text):
        for match in _CJK_RUN.finditer(text):
            report.add("cjk-in-latin-text", 1, [_flag_example(text, match)], flagged=True)
    seen: set[int] = set()
    for start, end in suspicious_lines(text, CHARMAP_PREFILTER):
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
    shown = excerpt(text, match.start(), match.end()).replace("\n", " ")
    return shown, shown
