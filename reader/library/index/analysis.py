"""Text analysis shared by both engines: folding, and highlighting over the store's text.

The index never stores article text, so snippets and the hits inside one article
are computed here from the text in SQLite.  A :class:`Highlighter` is built from a
parsed query and the engine's own ``stem`` function, so it finds exactly the words
the engine matched (same stemming, case and accent folding).  To stay fast it
first scans a folded copy of the text with one regular expression for words that
could match, and stems only those.
"""

from __future__ import annotations

import heapq
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from reader.library.query import Fuzzy, Node, Phrase, Prefix, Term, positive_terms

WORD = re.compile(r"\w+")
SNIPPET_CHARS = 220
SNIPPET_LEAD = 60
# Facet counts list at most this many values per facet (the most frequent); a UI shows far fewer.
FACET_LIMIT = 200
# Single-letter stand-ins keep the folded text aligned 1:1 with the original.
_EXTRA_FOLDS = {
    "ß": "s",
    "æ": "a",
    "Æ": "a",
    "œ": "o",
    "Œ": "o",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "þ": "t",
    "Þ": "t",
    "ı": "i",
}


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base != char and base.isascii():
            table[code] = base
    table.update({ord(k): v for k, v in _EXTRA_FOLDS.items()})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case, accent-free text with the same length (and offsets) as ``text``."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join((c.translate(_FOLD).lower() or c)[:1] for c in text)


def fold_word(word: str) -> str:
    """A whole word folded the way the engines fold it (used for prefixes)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions cost one), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


_NO = (False, "")


class Highlighter:
    """Finds where a query's (non-negated, unfielded) words occur in an article's text."""

    def __init__(self, query: Node, stem: Callable[[str], list[str]]) -> None:
        self._stem = lru_cache(maxsize=8192)(lambda word: tuple(stem(word)))
        self.singles: set[str] = set()
        self.phrases: list[tuple[str, ...]] = []
        self.prefixes: list[str] = []
        self.fuzzies: list[tuple[str, int]] = []
        for clause in positive_terms(query):
            if clause.field is not None:
                continue  # a fielded clause (title:, author:…) matched metadata, not the text
            self._add(clause)
        self._candidate = self._candidate_pattern()
        self._phrase_starts = {phrase[0] for phrase in self.phrases}
        self._verdicts: dict[str, tuple[bool, str]] = {}

    def _add(self, clause: Term | Phrase | Prefix | Fuzzy) -> None:
        if isinstance(clause, Term):
            stems = self._stem(clause.text)
            if len(stems) == 1:
                self.singles.add(stems[0])
            elif stems:
                self.phrases.append(stems)
        elif isinstance(clause, Phrase):
            stems = tuple(s for word in clause.words for s in self._stem(word))
            if stems:
                self.phrases.append(stems)
        elif isinstance(clause, Prefix):
            prefix = fold_word(clause.text)
            if prefix:
                self.prefixes.append(prefix)
        elif isinstance(clause, Fuzzy):
            stems = self._stem(clause.text)
            if stems:
                self.fuzzies.append((stems[0], clause.distance))

    def _candidate_pattern(self) -> re.Pattern[str] | None:
        if self.fuzzies:
            return WORD  # an edit can be anywhere: every word is a candidate
        starts = {_likely_start(s) for s in self.singles}
        starts |= {_likely_start(p[0]) for p in self.phrases}
        starts |= set(self.prefixes)
        starts.discard("")
        if not starts:
            return None
        alternatives = "|".join(re.escape(s) for s in sorted(starts, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})\w*")

    @property
    def empty(self) -> bool:
        return self._candidate is None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every hit as (start, end) character offsets, in order, overlaps merged."""
        return _merge(list(self._iter_spans(text)))

    def _iter_spans(self, text: str) -> Iterator[tuple[int, int]]:
        if self._candidate is None or not text:
            return
        folded = fold(text)
        verdicts = self._verdicts
        phrase_starts = self._phrase_starts
        for found in self._candidate.finditer(folded):
            start, end = found.span()
            word = text[start:end]
            verdict = verdicts.get(word)
            if verdict is None:
                verdict = verdicts[word] = self._judge(word, folded[start:end])
            if verdict is _NO:
                continue
            matches, stem = verdict
            if matches:
                yield start, end
            if stem in phrase_starts:
                for phrase in self.phrases:
                    if stem == phrase[0]:
                        phrase_end = self._phrase_end(text, end, phrase[1:])
                        if phrase_end is not None:
                            yield start, phrase_end

    def _judge(self, word: str, folded_word: str) -> tuple[bool, str]:
        """Whether a word of the text is a hit by itself, and its stem (remembered per surface form)."""
        stems = self._stem(word)
        if not stems:
            return _NO
        stem = stems[0]
        matches = self._matches_word(stem, folded_word)
        return (matches, stem) if matches or stem in self._phrase_starts else _NO

    def _matches_word(self, stem: str, folded_word: str) -> bool:
        if stem in self.singles:
            return True
        if any(folded_word.startswith(p) or stem.startswith(p) for p in self.prefixes):
            return True
        return any(edit_distance(stem, target, distance) <= distance for target, distance in self.fuzzies)

    def _phrase_end(self, text: str, pos: int, rest: tuple[str, ...]) -> int | None:
        if not rest:
            return pos
        words = WORD.finditer(text, pos)
        for expected in rest:
            following = next(words, None)
            if following is None or self._stem(following.group())[:1] != (expected,):
                return None
            pos = following.end()
        return pos

    def snippet(self, text: str, *, fallback: str = "") -> str:
        """A short HTML excerpt around the first hit, matched words in ``<b>``."""
        hits = self._iter_spans(text) if text else iter(())
        first = next(hits, None)
        if first is None:
            source = text or fallback
            return html.escape(_cut(source, 0, SNIPPET_CHARS)[0])
        window_start = _word_start(text, max(0, first[0] - SNIPPET_LEAD))
        window_end = _word_end(text, min(len(text), window_start + SNIPPET_CHARS))
        spans = [first]
        for span in hits:  # only the hits inside the window: the rest of a long text is never scanned
            if span[0] >= window_end:
                break
            spans.append(span)
        parts: list[str] = ["…" if window_start > 0 else ""]
        pos = window_start
        for start, end in _merge(spans):
            if end <= pos:
                continue
            start, end = max(start, pos), min(end, window_end)
            parts.append(html.escape(_flat(text[pos:start])))
            parts.append(f"<b>{html.escape(_flat(text[start:end]))}</b>")
            pos = end
        parts.append(html.escape(_flat(text[pos:window_end])))
        if window_end < len(text):
            parts.append("…")
        return "".join(parts).strip()


def ordered_counts(counts: dict[str, int], *, facet: str) -> dict[str, int]:
    """Facet values most frequent first (ties by name), the first FACET_LIMIT; years newest first."""
    if facet == "years":
        return dict(sorted(counts.items(), key=lambda item: item[0], reverse=True))
    if len(counts) > FACET_LIMIT:
        counts = dict(heapq.nsmallest(FACET_LIMIT, counts.items(), key=lambda item: (-item[1], item[0])))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0])))


def _likely_start(stem: str) -> str:
    # Stemming only rewrites the end of a word, so a word with this stem starts with all but its last letter.
    return stem[:-1] if len(stem) > 2 else stem


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _word_start(text: str, pos: int) -> int:
    if pos == 0:
        return 0
    space = text.rfind(" ", max(0, pos - 20), pos)
    if space >= 0:
        return space + 1
    return 0 if pos <= 20 else pos


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos, pos + 20)
    return space if space >= 0 else pos


_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text)


def _cut(text: str, start: int, length: int) -> tuple[str, bool]:
    end = _word_end(text, min(len(text), start + length))
    piece = _flat(text[start:end]).strip()
    cut = end < len(text)
    return (piece + "…" if cut else piece), cut
