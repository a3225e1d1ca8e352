"""The repair report: one entry per kind of repair (or of damage left), with a count and a few examples."""

from __future__ import annotations

from collections.abc import Iterable

from reader.ingest.model import RepairEntry

MAX_EXAMPLES = 3
EXCERPT_WIDTH = 20


class RepairReport:
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


def excerpt(line: str, start: int, end: int) -> str:
    return line[max(0, start - EXCERPT_WIDTH) : end + EXCERPT_WIDTH]
