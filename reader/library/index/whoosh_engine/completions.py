"""The words a prefix may complete to in the whoosh index: its most frequent terms, per segment, remembered.

whoosh has no ordered-by-frequency view of its terms, and expanding a prefix to every term it begins
is whoosh's slowest query: so a prefix expands to its most frequent terms only, at most
:data:`WHOOSH_PREFIX_CAP` of them (fewer for the first letters, see ``base.prefix_cap``).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator
from typing import Any

from reader.library.index.whoosh_engine.postings import segment_id

# whoosh scores every posting of every expanded term in Python: a smaller cap than tantivy's keeps a
# short prefix (search-as-you-type) fast at 10,000 articles.
WHOOSH_PREFIX_CAP = 16


class Completions:
    """The most frequent terms of a field that start with a prefix, per segment, remembered.

    Finding the most frequent completions of a prefix reads the term info of every term that starts
    with it, ~3 µs each.  That is nothing for "harbo" and hundreds of milliseconds for "h" in a large
    vocabulary.  So the first time a letter starts a prefix, one pass over that letter's terms records
    the top completions of the letter and of each two-letter prefix under it; longer prefixes are few
    terms and read directly.  Segments never change once written, so what is learnt of one lasts
    until a merge replaces it.
    """

    KEEP = WHOOSH_PREFIX_CAP + 8  # per short prefix and segment: enough for the cap after merging segments
    SHORT = 2  # prefixes up to this long come from the letter's table

    def __init__(self) -> None:
        self._short: dict[tuple[str, str, str], dict[str, list[tuple[int, str]]]] = {}

    def top(self, reader: Any, field: str, prefix: str, cap: int) -> list[str]:
        """The ``cap`` most frequent terms of ``field`` that start with ``prefix``, over every segment."""
        counts: Counter[str] = Counter()
        for segment_reader, _ in reader.leaf_readers():
            for frequency, term in self._segment_top(segment_reader, field, prefix):
                counts[term] += frequency
        return [term for term, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:cap]]

    def forget_all_but(self, segment_ids: set[str]) -> None:
        for key in [key for key in self._short if key[0] not in segment_ids]:
            del self._short[key]

    def _segment_top(self, segment_reader: Any, field: str, prefix: str) -> list[tuple[int, str]]:
        if len(prefix) > self.SHORT:
            return heapq.nlargest(self.KEEP, _frequencies(segment_reader, field, prefix))
        key = (segment_id(segment_reader), field, prefix[0])
        table = self._short.get(key)
        if table is None:
            table = self._short[key] = self._letter_table(segment_reader, field, prefix[0])
        return table.get(prefix, [])

    def _letter_table(self, segment_reader: Any, field: str, letter: str) -> dict[str, list[tuple[int, str]]]:
        by_prefix: dict[str, list[tuple[int, str]]] = {}
        for frequency, term in _frequencies(segment_reader, field, letter):
            for length in range(1, min(len(term), self.SHORT) + 1):
                best = by_prefix.setdefault(term[:length], [])
                if len(best) < self.KEEP:
                    heapq.heappush(best, (frequency, term))
                elif frequency > best[0][0]:
                    heapq.heapreplace(best, (frequency, term))
        return by_prefix


def _frequencies(segment_reader: Any, field: str, prefix: str) -> Iterator[tuple[int, str]]:
    """(document frequency, term) of every term of ``field`` in one segment that starts with ``prefix``."""
    if field not in segment_reader.schema:
        return
    for text, info in segment_reader.iter_prefix(field, prefix):
        yield int(info.doc_frequency()), text.decode("utf-8") if isinstance(text, bytes) else text
