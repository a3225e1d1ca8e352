"""Placing highlights on an article's text, and placing them again when the text changes.

A highlight is kept as the W3C Web Annotation model keeps one on text: a TextQuoteSelector (the exact
text, with up to :data:`CONTEXT` characters before and after it) and a TextPositionSelector (character
offsets), the position being only a hint.  When an article's text changes (a newer save of the page, a
better extraction) every highlight is placed again, as hypothes.is anchors (with diff-match-patch):

1. the old text is diffed against the new once, and each highlight's place is carried across the diff;
   the quote found there is the highlight, exactly;
2. else the quote is looked for anywhere: every exact occurrence is scored by how well the text before
   and after it matches the prefix and suffix, and how near it is to the hint, and the best one wins;
3. else the passage is looked for approximately: its ends carried across the diff, or the text between
   its prefix and suffix, is accepted when it is close enough to the quote (an edit distance of at most
   :data:`FUZZY_SHARE` of its length): the highlight is placed fuzzily.  Without an old text to diff (a
   highlight moved to another article by a merge, put back by undo, or found off its passage by
   ``check``) its first and last 32 characters are found by diff-match-patch's bitap ``match_main`` near
   where the prefix puts it, and the span between them is judged the same way;
4. else it is orphaned: kept, with its quote and its last place, never dropped.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from reader.library.types import Anchoring

#: How many characters of context a quote selector keeps before and after the quote.
CONTEXT = 32
#: A passage found approximately is the highlight when its edit distance to the quote is at most this share
#: of the quote's length.
FUZZY_SHARE = 0.34
#: Quotes shorter than this are too common to be found approximately (an exact occurrence only).
MIN_FUZZY = 8
#: The most exact occurrences of a quote that are scored (a one-letter highlight in a long text).
MAX_OCCURRENCES = 2000
#: How long diffing the old text against the new may take, in seconds; past it the diff is coarser
#: (still right, less precise), and the quotes themselves do the rest.
DIFF_TIMEOUT = 0.05
# Weights of a candidate's score (hypothes.is's): the text before it, after it, and its nearness to the hint.
_PREFIX_WEIGHT, _SUFFIX_WEIGHT, _POSITION_WEIGHT = 20.0, 20.0, 2.0
_SLICE = 32  # diff-match-patch's bitap searches for at most 32 characters at a time


@dataclass(frozen=True)
class Selector:
    """Where a highlight is: a quote with its context, and its offsets in the text (a hint)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Placement:
    """Where a highlight is placed on a text, and how (``ORPHANED``: not placed; the offsets are its hint)."""

    start: int
    end: int
    anchoring: Anchoring


def selector_at(text: str, start: int, end: int) -> Selector:
    """The selector of ``text[start:end]`` (its quote, context and offsets)."""
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def place(text: str, selector: Selector, hint: int | None = None) -> Placement:
    """Place one highlight on ``text`` (``hint``: where it probably starts; default its own offset)."""
    hint = selector.start if hint is None else hint
    exact = selector.exact
    if not exact:
        return Placement(selector.start, selector.end, Anchoring.ORPHANED)
    if text.startswith(exact, hint) and hint >= 0:
        return Placement(hint, hint + len(exact), Anchoring.EXACT)
    found = best_occurrence(text, selector, hint)
    if found is not None:
        return Placement(found, found + len(exact), Anchoring.EXACT)
    span = approximate(text, selector, hint)
    if span is not None:
        return Placement(span[0], span[1], Anchoring.FUZZY)
    return Placement(selector.start, selector.end, Anchoring.ORPHANED)


def best_occurrence(text: str, selector: Selector, hint: int) -> int | None:
    """The start of the exact occurrence of the quote whose context and place fit best, or None."""
    exact = selector.exact
    whole = text.find(selector.prefix + exact + selector.suffix)
    if whole != -1 and (selector.prefix or selector.suffix):  # found with all its context: one search in C
        second = text.find(selector.prefix + exact + selector.suffix, whole + 1)
        if second == -1 or abs(whole - hint) <= abs(second - hint):
            return whole + len(selector.prefix)
    best, best_score = None, -1.0
    position = text.find(exact)
    count = 0
    while position != -1 and count < MAX_OCCURRENCES:
        score = context_score(text, position, position + len(exact), selector, hint)
        if score > best_score:
            best, best_score = position, score
        position = text.find(exact, position + 1)
        count += 1
    return best


def context_score(text: str, start: int, end: int, selector: Selector, hint: int) -> float:
    """How well an occurrence of a quote at ``start``–``end`` fits the selector's context and ``hint``."""
    prefix, suffix = selector.prefix, selector.suffix
    before = (
        _common_suffix(text[max(0, start - len(prefix)) : start], prefix) / len(prefix) if prefix else 1.0
    )
    after = _common_prefix(text[end : end + len(suffix)], suffix) / len(suffix) if suffix else 1.0
    nearness = 1.0 - min(abs(start - hint), len(text)) / max(len(text), 1)
    return _PREFIX_WEIGHT * before + _SUFFIX_WEIGHT * after + _POSITION_WEIGHT * nearness


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def approximate(text: str, selector: Selector, hint: int) -> tuple[int, int] | None:
    """The span of ``text`` that is the quote with a few changes, near where its context says, or None."""
    exact = selector.exact
    if len(exact) < MIN_FUZZY or not text:
        return None
    for span in (_between_context(text, selector, hint), _by_bitap(text, selector, hint)):
        if span is not None and close_enough(exact, text[span[0] : span[1]]):
            return _trimmed(text, span)
    return None


def _between_context(text: str, selector: Selector, hint: int) -> tuple[int, int] | None:
    """The text between the prefix and the suffix, both found exactly, when it is about the quote's length."""
    prefix, suffix = selector.prefix, selector.suffix
    if len(prefix) < MIN_FUZZY or len(suffix) < MIN_FUZZY:
        return None
    starts = _all(text, prefix)
    if not starts:
        return None
    length = len(selector.exact)
    best: tuple[int, int] | None = None
    for found in sorted(starts, key=lambda p: abs(p + len(prefix) - hint))[:20]:
        start = found + len(prefix)
        end = text.find(suffix, start)
        if end != -1 and length // 2 <= end - start <= length * 2:
            best = (start, end)
            break
    return best


def _all(text: str, part: str, limit: int = 200) -> list[int]:
    found: list[int] = []
    position = text.find(part)
    while position != -1 and len(found) < limit:
        found.append(position)
        position = text.find(part, position + 1)
    return found


def _by_bitap(text: str, selector: Selector, hint: int) -> tuple[int, int] | None:
    """The quote's first and last 32 characters found by diff-match-patch near the hint (as
    dom-anchor-text-quote does): the span from one to the other."""
    exact = selector.exact
    matcher = _matcher(distance=max(1000, len(exact) * 2))
    loc = max(0, min(hint, len(text)))
    if selector.prefix:
        found = _match(matcher, text, selector.prefix[-_SLICE:], max(0, loc - len(selector.prefix)))
        if found != -1:
            loc = found + len(selector.prefix[-_SLICE:])
    head, tail = exact[:_SLICE], exact[-_SLICE:]
    start = _match(matcher, text, head, loc)
    if start == -1:
        return None
    if len(exact) <= _SLICE:
        return start, min(len(text), start + len(exact))
    matcher.Match_Distance = max(64, len(exact))
    tail_at = _match(matcher, text, tail, start + len(exact) - len(tail))
    if tail_at == -1 or tail_at + len(tail) <= start:
        return None
    return start, tail_at + len(tail)


def _match(matcher: diff_match_patch, text: str, pattern: str, loc: int) -> int:
    try:
        return int(matcher.match_main(text, pattern, min(max(loc, 0), len(text))))
    except ValueError:  # diff-match-patch refuses a pattern longer than its bitap can hold
        return -1


def close_enough(quote: str, candidate: str) -> bool:
    """Whether ``candidate`` is ``quote`` with few enough changes to be the same passage."""
    if not candidate.strip():
        return False
    if abs(len(candidate) - len(quote)) > FUZZY_SHARE * len(quote):
        return False
    matcher = _matcher()
    diffs = matcher.diff_main(quote, candidate, False)
    return int(matcher.diff_levenshtein(diffs)) <= FUZZY_SHARE * len(quote)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _matcher(distance: int = 1000) -> diff_match_patch:
    matcher = diff_match_patch()
    matcher.Diff_Timeout = DIFF_TIMEOUT
    matcher.Match_Distance = distance
    matcher.Match_Threshold = 0.4
    return matcher


# -- a text that changed -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moving:
    """One highlight to place again: where it is on the old text (``current``, None when it is orphaned)
    and the selector it was made with (``original``)."""

    current: Placement | None
    original: Selector


def reanchor(old_text: str, new_text: str, highlights: Sequence[Moving]) -> list[Placement]:
    """Place highlights of ``old_text`` on ``new_text`` (see the module's docstring), in order."""
    if old_text == new_text:
        return [h.current or place(new_text, h.original) for h in highlights]
    mapper = _PositionMap(old_text, new_text) if highlights else None
    placed: list[Placement] = []
    for highlight in highlights:
        assert mapper is not None
        placed.append(_reanchor_one(old_text, new_text, highlight, mapper))
    return placed


def _reanchor_one(old_text: str, new_text: str, highlight: Moving, mapper: _PositionMap) -> Placement:
    current = highlight.current
    if current is None or current.anchoring is Anchoring.ORPHANED:
        return place(new_text, highlight.original, mapper.new_position(highlight.original.start))
    now = selector_at(old_text, current.start, current.end)
    hint = mapper.new_position(current.start)
    if new_text.startswith(now.exact, hint):
        return Placement(hint, hint + len(now.exact), current.anchoring)
    found = best_occurrence(new_text, now, hint)
    if found is not None:
        return Placement(found, found + len(now.exact), current.anchoring)
    carried = (hint, mapper.new_position(current.end))
    # The diff is the authority on where text went: the passage carried across it (or between its context)
    # is the highlight when it is close to the quote; no search of the whole text is needed.
    for span in (carried, _between_context(new_text, now, hint)):
        if _close_span(new_text, span, now.exact):
            assert span is not None
            start, end = _trimmed(new_text, span)
            return Placement(start, end, Anchoring.FUZZY)
    original = highlight.original
    if original.exact != now.exact:
        found = best_occurrence(new_text, original, hint)
        if found is not None:
            return Placement(found, found + len(original.exact), Anchoring.EXACT)
    return Placement(current.start, current.end, Anchoring.ORPHANED)


def _close_span(text: str, span: tuple[int, int] | None, quote: str) -> bool:
    if span is None or len(quote) < MIN_FUZZY or span[1] <= span[0]:
        return False
    return close_enough(quote, text[span[0] : span[1]])


class _PositionMap:
    """Carries offsets of the old text to the new one.

    The texts are aligned line by line first (``difflib``'s matcher: fast on texts that are mostly the
    same, as a re-save is), so an offset in an unchanged paragraph moves exactly; inside a paragraph that
    changed, diff-match-patch diffs the old lines against the new ones (small: one changed block at a
    time, on first need) and carries the offset across that diff.
    """

    def __init__(self, old_text: str, new_text: str) -> None:
        old_lines, new_lines = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
        self._old_starts = _starts(old_lines)
        self._new_starts = _starts(new_lines)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
        self._blocks = [op for op in matcher.get_opcodes() if op[0] != "insert"]
        self._block_starts = [self._old_starts[op[1]] for op in self._blocks]
        self._old_text, self._new_text = old_text, new_text
        self._diffs: dict[int, list[tuple[int, str]]] = {}
        self._matcher = _matcher()

    def new_position(self, old_position: int) -> int:
        number = bisect.bisect_right(self._block_starts, old_position) - 1
        if number < 0:
            return old_position
        kind, i1, i2, j1, j2 = self._blocks[number]
        old_start, new_start = self._old_starts[i1], self._new_starts[j1]
        if kind == "equal":
            return new_start + (old_position - old_start)
        if kind == "delete":
            return new_start
        if i2 - i1 == j2 - j1:  # as many lines as before: each one changed in place, diffed alone
            line = min(max(bisect.bisect_right(self._old_starts, old_position) - 1, i1), i2 - 1)
            i1, i2, j1, j2 = line, line + 1, j1 + line - i1, j1 + line - i1 + 1
            old_start, new_start = self._old_starts[i1], self._new_starts[j1]
        diffs = self._diffs.get(i1)
        if diffs is None:
            old_block = self._old_text[old_start : self._old_starts[i2]]
            new_block = self._new_text[new_start : self._new_starts[j2]]
            diffs = self._diffs[i1] = self._matcher.diff_main(old_block, new_block, False)
        return new_start + int(self._matcher.diff_xIndex(diffs, old_position - old_start))


def _starts(lines: list[str]) -> list[int]:
    """Where each line starts, and (last) where the text ends."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts
