"""UTF-8 read through windows-1252 or Latin-1 (once or twice), undone by ftfy where its signature shows.

Typography is kept exactly as published: ftfy is configured not to straighten quotes, expand ligatures,
narrow full-width characters or normalise.  ftfy's cost grows fast with the length of what it is given,
so a long line (a minified page is one line of 1 MB) is repaired segment by segment.
"""

from __future__ import annotations

import re

import ftfy
from ftfy.badness import badness

from reader.ingest.repair.report import RepairReport, excerpt
from reader.ingest.repair.signatures import C1, WESTERN
from reader.ingest.scripts import CJK_CHAR

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
FTFY_SEGMENT = 2000
_SEGMENT_END = re.compile(r"\s")


def repair_western(line: str, report: RepairReport) -> str:
    """ftfy for UTF-8 read as windows-1252 or Latin-1, segment by segment in a long line."""
    if not WESTERN.search(line) and not C1.search(line):
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


def _repair_western_segment(line: str, report: RepairReport) -> str:
    """ftfy for UTF-8 read as windows-1252 or Latin-1 (once or twice), where its signature shows."""
    matches = list(WESTERN.finditer(line))
    if not matches and not C1.search(line):
        return line
    fixed, explanation = ftfy.fix_and_explain(line, FTFY_CONFIG)
    if fixed == line or not explanation or badness(fixed) >= badness(line):
        return line
    if CJK_CHAR.search(fixed) and not CJK_CHAR.search(line):
        return line  # ftfy guessed a CJK decode for Latin text: not a repair we trust
    encodes = [step for action, step in explanation if action == "encode"]
    kind = "utf8-as-latin-1" if C1.search(line) and encodes[:1] == ["latin-1"] else "utf8-as-cp1252"
    if len(encodes) >= 2:
        kind = "utf8-as-cp1252-twice"
    elif encodes[:1] == ["macroman"]:
        kind = "utf8-as-mac-roman"
    elif encodes[:1] == ["sloppy-windows-1251"]:
        kind = "utf8-as-cp1251"
    first = matches[0] if matches else C1.search(line)
    examples = []
    if first is not None:
        before = excerpt(line, first.start(), first.end())
        examples.append((before, ftfy.fix_text(before, FTFY_CONFIG)))
    report.add(kind, max(1, len(matches)), examples)
    return fixed
