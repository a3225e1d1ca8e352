"""The repair report: one entry per kind of repair (or of damage left), with a count and a few examples.

Repairs are made on the whole decoded document, page clutter included; :func:`examples_in_article`
keeps, once the article's text is known, the examples that come from it (a repair inside a stripped
"Subscribe" link is no example a reader can find).
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.ingest.model import RepairEntry

MAX_EXAMPLES = 3
# Examples gathered per kind before the article is known: enough that some come from its own text.
MAX_CANDIDATE_EXAMPLES = 12
MAX_MARKS = 40
EXCERPT_WIDTH = 20


class RepairReport:
    """Collects repairs by kind: a count, the first few examples and (for damage) the damaged strings."""

    def __init__(self) -> None:
        self.entries: dict[str, RepairEntry] = {}

    def add(
        self,
        kind: str,
        count: int,
        examples: Iterable[tuple[str, str]],
        flagged: bool = False,
        marks: Iterable[str] = (),
    ) -> None:
        entry = self.entries.setdefault(kind, RepairEntry(kind=kind, flagged=flagged))
        entry.count += count
        for example in examples:
            if len(entry.examples) < MAX_CANDIDATE_EXAMPLES and example not in entry.examples:
                entry.examples.append(example)
        for mark in marks:
            if len(entry.marks) < MAX_MARKS and mark not in entry.marks:
                entry.marks.append(mark)

    def as_list(self) -> list[RepairEntry]:
        return list(self.entries.values())


def excerpt(line: str, start: int, end: int) -> str:
    return line[max(0, start - EXCERPT_WIDTH) : end + EXCERPT_WIDTH]


def examples_in_article(entries: Iterable[RepairEntry], text: str) -> list[RepairEntry]:
    """The entries with at most :data:`MAX_EXAMPLES` examples each, those whose repaired side stands in
    the article's ``text`` first; an example from markup or stripped clutter is shown only when the
    article holds none (and never one that is markup)."""
    flat = " ".join(text.split())
    kept: list[RepairEntry] = []
    for entry in entries:
        found = [pair for pair in entry.examples if " ".join(pair[1].split()).strip() in flat]
        clutter = [pair for pair in entry.examples if pair not in found and not _markup(pair[1])]
        examples = (found or clutter)[:MAX_EXAMPLES]
        kept.append(RepairEntry(entry.kind, entry.count, examples, entry.flagged, list(entry.marks)))
    return kept


def _markup(text: str) -> bool:
    return "<" in text or ">" in text or '="' in text
