"""Damage left in the final article text, flagged for the reader: U+FFFD, CJK runs inside non-CJK text
(spam planted in the page, or mojibake no codec explained), mojibake signatures no repair explained, and
link text the page's scraper lost (empty quotation marks “” or brackets ( ) left in the sentence).

Each entry carries the damaged strings (``marks``) so the reader can mark every place they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.ingest.model import RepairEntry
from reader.ingest.repair.charmap import CHARMAP_PATHS, signature
from reader.ingest.repair.report import RepairReport, excerpt
from reader.ingest.repair.signatures import CHARMAP_PREFILTER, PREFILTER, suspicious_lines
from reader.ingest.scripts import CJK_CHAR, CJK_CLASS

_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
# Quotation marks or brackets with nothing between them, where a link's words were (“”, „“, « », ( )).
# A call in code ("print()", "f()") is not one: the brackets follow a name there.
# Words that say a CJK phrase is quoted on purpose (its language, or saying, writing, naming it).
_GLOSS_CUE = re.compile(
    r"\b(?:chinese|mandarin|cantonese|japanese|korean|kanji|hanzi|hanja|hangul|characters?|word|phrase|"
    r"term|idiom|proverb|saying|says?|said|called|named|wrote|written|writes|reads?|means?|sign|motto|"
    r"chinesisch|japanisch|koreanisch|chinois|japonais|coréen|chino|japonés|coreano|cinese|giapponese)\b"
    r"[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
_LOST_LINK_TEXT = re.compile(r"“[ \u00a0]*”|„[ \u00a0]*[“”]|«[ \u00a0]*»|(?<![\w)\]])\([ \u00a0]*\)")


def find_unrepaired(text: str, known: Iterable[str] = ()) -> list[RepairEntry]:
    """Damage left in (final article) text, as flagged entries: U+FFFD, stray CJK runs, leftover mojibake,
    lost link text.  ``known`` are names the page gives (its authors, its site): written in CJK, they are
    no stray run."""
    report = RepairReport()
    _lost_link_text(text, report)
    if text.isascii() or not PREFILTER.search(text):
        return report.as_list()
    for match in re.finditer("\ufffd+", text):
        report.add(
            "replacement-character",
            len(match.group()),
            [_flag_example(text, match)],
            flagged=True,
            marks=[match.group()],
        )
    # A CJK page is not flagged for being CJK.  (CJK text is dense: a tenth of a page's characters would
    # be a lot for a Latin page, and counting all characters is cheaper than counting letters.)
    if CJK_CHAR.search(text) and len(CJK_CHAR.findall(text)) < 0.1 * len(text):
        names = {name for name in known if CJK_CHAR.search(name)}
        for match in _CJK_RUN.finditer(text):
            if match.group() not in names and not _quoted_on_purpose(text, match):
                report.add(
                    "cjk-in-latin-text", 1, [_flag_example(text, match)], flagged=True, marks=[match.group()]
                )
    seen: set[int] = set()
    for start, end in suspicious_lines(text, CHARMAP_PREFILTER):
        for path in CHARMAP_PATHS:
            for match in signature(path.codec).finditer(text, start, end):
                if match.start() not in seen and not _looks_like_real_text(match.group()):
                    seen.add(match.start())
                    report.add(
                        "mojibake-left", 1, [_flag_example(text, match)], flagged=True, marks=[match.group()]
                    )
    return report.as_list()


def _quoted_on_purpose(text: str, match: re.Match[str]) -> bool:
    """A CJK phrase the writer put there: named as such ("In Chinese we say 同舟共济"), glossed right after
    ("宣告潮时, “declared tide times”"), or set in quotation marks or brackets of its own."""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 4]
    if _GLOSS_CUE.search(before):
        return True
    if re.match(r"[\s,:;—–-]*[“«„(（「『\"]", after):
        return True
    return bool(
        before.rstrip()[-1:] in {"“", "«", "„", "(", "（", "「", "『", '"'} and after[:1] in '”»“)）」』"'
    )


def _lost_link_text(text: str, report: RepairReport) -> None:
    if "“" not in text and "„" not in text and "«" not in text and "(" not in text:
        return
    for match in _LOST_LINK_TEXT.finditer(text):
        report.add("lost-link-text", 1, [_flag_example(text, match)], flagged=True, marks=[match.group()])


_NORMAL_AFTER_LETTER = "\u00ab\u00bb\u00a0\u2013\u2014\u2026\u00b0"


def _looks_like_real_text(pair: str) -> bool:
    """A letter followed by guillemets, a dash or a no-break space is normal in many languages."""
    return pair[1] in _NORMAL_AFTER_LETTER or (pair[0].isalpha() and pair[1].isalpha())


def _flag_example(text: str, match: re.Match[str]) -> tuple[str, str]:
    shown = excerpt(text, match.start(), match.end()).replace("\n", " ")
    return shown, shown
