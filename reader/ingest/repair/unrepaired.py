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
# Brackets count only after a word and a space: a call in code ("print()", "f(a, ())") or a smiley is not.
# Words that say a CJK phrase is quoted on purpose (its language, or saying, writing, naming it).
_GLOSS_CUE = re.compile(
    r"\b(?:chinese|mandarin|cantonese|japanese|korean|kanji|hanzi|hanja|hangul|characters?|word|phrase|"
    r"term|idiom|proverb|saying|says?|said|called|named|wrote|written|writes|reads?|means?|sign|motto|"
    r"chinesisch|japanisch|koreanisch|chinois|japonais|coréen|chino|japonés|coreano|cinese|giapponese)\b"
    r"[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# A clause cannot end on an article, a preposition or an auxiliary: "treated to a , but", "troops are ,
# so", "appears in print on , on Page A1".  The link that stood there lost its words.  (Found from the
# " ," / " ." a page rarely has, then the word before it: a regular expression led by the words would be
# tried at every position of a long article.)
FUNCTION_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "about", "is",
    "are", "was", "were", "be", "its", "their", "his", "her", "our",
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "im", "am", "zum",
    "zur", "vom", "von", "mit", "bei", "auf", "für", "nach", "aus",
    "le", "la", "les", "un", "une", "du", "au", "aux", "par", "pour", "sur", "dans", "avec",
    "el", "los", "las", "una", "del", "al", "con", "por", "para", "il", "lo", "gli", "della", "nel",
    "het", "een", "van", "voor", "bij",
})  # fmt: skip
_SPACE_BEFORE_STOP = re.compile(r" [,.](?=\s|$)")
# … or on a preposition at the very end of the article ("This text was first published by"): its credit
# line lost the link naming the publication.  Marked with the words before it, so the mark is this place
# and not every "by" of the article.  (Inside the article a line may end on one before a list or code.)
_DANGLING_AT_END = re.compile(
    r"(?:[^\W\d_]+ ){2,3}(?:by|of|to|from|with|at|on|in|for|von|bei|mit|par|de|por|van|door)\Z"
)
END_CHARS = 120  # the end of the article the credit line is looked for in
# … or an English determiner straight before a preposition ("which is a for Russian businesses", "His of
# the European elites"): the noun between them was a link's words.  ("her" is a pronoun too, "A" a
# matrix or a variable: left out.)
_DETERMINER_GAP = re.compile(
    r"\b(?:a|an|An|the|The|his|His|its|Its|their|Their|our|Our|my|My|your|Your) "
    r"(?:for|of|to|in|on|at|by|with|from)(?![\w-])"
    # … but in programming prose the keyword is a noun: "the for loop", "a with statement".
    r"(?!\s+(?:loops?|statements?|blocks?|keywords?|clauses?|operators?|expressions?|constructs?|syntax))"
)
_LOST_LINK_TEXT = re.compile(r"“[ \u00a0]*”|„[ \u00a0]*[“”]|«[ \u00a0]*»|\([ \u00a0]*\)")


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
    if "“" in text or "„" in text or "«" in text or "(" in text:
        for match in _LOST_LINK_TEXT.finditer(text):
            if match.group().startswith("(") and not _after_a_word(text, match.start()):
                continue  # "print()", "type('P', (), {…})": code, not a sentence that lost a link
            report.add("lost-link-text", 1, [_flag_example(text, match)], flagged=True, marks=[match.group()])
    found = [(m.start(), m.end()) for m in _DETERMINER_GAP.finditer(text)]
    end = text.rstrip()
    tail = _DANGLING_AT_END.search(end, max(0, len(end) - END_CHARS))
    if tail is not None:
        found.append((tail.start(), tail.end()))
    if " ," in text or " ." in text:
        found += _dangling_words(text)
    for start, stop in sorted(found):
        example = excerpt(text, start, stop).replace("\n", " ")
        report.add("lost-link-text", 1, [(example, example)], flagged=True, marks=[text[start:stop]])


def _after_a_word(text: str, start: int) -> bool:
    """Whether a space and a word stand right before ``start`` ("the report ( ) was")."""
    return start >= 2 and text[start - 1].isspace() and text[start - 2].isalpha()


def _dangling_words(text: str) -> list[tuple[int, int]]:
    """Where a function word stands right before " ," or " ." (the mark: the word and the stop)."""
    spans = []
    for stop in _SPACE_BEFORE_STOP.finditer(text):
        before = text[max(0, stop.start() - 16) : stop.start()]
        word = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
        # In capitals it is an abbreviation or a label ("IM ,", "A ."), not the word.
        if word.lower() in FUNCTION_WORDS and before.endswith(word) and not word.isupper():
            spans.append((stop.start() - len(word), stop.end()))
    return spans


_QUOTES_BEFORE_LETTER = "\u2019\u2018\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a'\""
_NORMAL_AFTER_LETTER = "\u00ab\u00bb\u00a0\u00ad\u2013\u2014\u2026\u00b0"  # soft hyphen: a hyphenation hint


def _looks_like_real_text(pair: str) -> bool:
    """A letter followed by guillemets, a dash or a no-break space is normal in many languages, and so is
    a quotation mark or apostrophe before a letter ("l’école", "d’été", "„Ärger“")."""
    if pair[0] in _QUOTES_BEFORE_LETTER and pair[1].isalpha():
        return True
    return pair[1] in _NORMAL_AFTER_LETTER or (pair[0].isalpha() and pair[1].isalpha())


def _flag_example(text: str, match: re.Match[str]) -> tuple[str, str]:
    shown = excerpt(text, match.start(), match.end()).replace("\n", " ")
    return shown, shown
