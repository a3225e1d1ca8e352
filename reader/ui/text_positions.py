"""Between the article's text and the reader's document: character offsets one way, positions the other.

The library anchors a highlight (and finds a search hit) by character offsets into
``StoredArticle.text``; the reader shows a ``QTextDocument`` rendered from the article's HTML, under a
header (title, byline, chips).  The two hold the same words but not the same characters: the text puts a
blank line between paragraphs and `` | `` between table cells, the document has block separators, table
markers and object characters for images.  :class:`TextPositions` aligns the two on their visible
characters (everything but white space and Qt's markers), so a highlight lands on its words and a
selection in the reader becomes the offsets the library stores.

Where the two agree (nearly always) the alignment is two slices; where they differ it walks past the
characters only one side has, a few at a time, and matches the rest again.  Pure Python, no Qt: the
caller passes the document's raw text (``QTextDocument.toRawText()``, whose indexes are positions).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

# White space of either side and the characters Qt puts in a document for structure: the block and line
# separators, an image's object character, table cell and frame markers, the soft hyphen.
_INVISIBLE = r"\s\u2028\u2029\ufffc\ufdd0\ufdd1\u00ad"
_INVISIBLE_SPLIT = re.compile(f"([{_INVISIBLE}]+)")
_CHUNK = 256  # characters compared at once while two runs agree
_LOOKAHEAD = 12  # how far past a difference a side is searched for the other's next characters
_CONFIRM = 4  # characters that must agree after a skip for it to count as the way back in step


@dataclass(frozen=True)
class Span:
    """Document positions ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int


class TextPositions:
    """The alignment of one article's text with the document that shows it (see the module docstring)."""

    def __init__(self, text: str, document_text: str, body_start: int = 0) -> None:
        self.text_length = len(text)
        self.body_start = body_start
        self._text = _Visible(text)
        self._doc = _Visible(document_text, body_start)
        self._pairs = _Alignment(self._text.joined, self._doc.joined)

    def span(self, start: int, end: int) -> Span | None:
        """The document span showing ``text[start:end]`` (trimmed to its visible characters); None when it
        holds none or lies outside the text."""
        first = self._text.index_at(max(0, start))
        last = self._text.index_at(min(end, self.text_length)) - 1
        if first > last or not self._doc.count:
            return None
        doc_first, doc_last = self._pairs.b_of(first, forward=True), self._pairs.b_of(last, forward=False)
        if doc_last < doc_first:
            return None
        return Span(self._doc.position(doc_first), self._doc.position(doc_last) + 1)

    def offsets(self, start: int, end: int) -> tuple[int, int] | None:
        """The text offsets of the document selection ``start``..``end`` (trimmed to visible characters);
        None when it holds no character of the article's text (e.g. only the title above it)."""
        first = self._doc.index_at(max(start, self.body_start))
        last = self._doc.index_at(end) - 1
        if first > last or not self._text.count:
            return None
        text_first, text_last = self._pairs.a_of(first, forward=True), self._pairs.a_of(last, forward=False)
        if text_last < text_first:
            return None
        return self._text.position(text_first), self._text.position(text_last) + 1


class _Visible:
    """The visible characters of a string, numbered 0, 1, 2…: their positions kept as runs (words)."""

    def __init__(self, text: str, start: int = 0) -> None:
        # Split into alternating visible and invisible pieces (the first may be empty) and add up their
        # lengths in C: a Python loop over a long article's words costs tens of milliseconds.
        pieces = _INVISIBLE_SPLIT.split(text[start:])
        ends = list(accumulate(map(len, pieces), initial=start))
        visible = pieces[0::2]
        self.starts: list[int] = ends[0::2][: len(visible)]  # where each visible run begins
        self.firsts: list[int] = list(
            accumulate(map(len, visible), initial=0)
        )  # its first character's number
        self.count = self.firsts.pop()
        self.joined = "".join(visible)  # the visible characters alone
        if visible and not visible[0]:  # the string starts with white space: no empty first run
            del self.starts[0], self.firsts[0]

    def position(self, index: int) -> int:
        """Where visible character number ``index`` is in the string."""
        run = bisect_right(self.firsts, index) - 1
        return self.starts[run] + index - self.firsts[run]

    def index_at(self, position: int) -> int:
        """The number of the first visible character at or after ``position``."""
        run = bisect_right(self.starts, position) - 1
        if run < 0:
            return 0
        end_of_run = self.firsts[run + 1] if run + 1 < len(self.firsts) else self.count
        return min(self.firsts[run] + position - self.starts[run], end_of_run)


class _Alignment:
    """Runs of characters two strings share, in order; the characters between them have no partner."""

    def __init__(self, a: str, b: str) -> None:
        self.len_a, self.len_b = len(a), len(b)
        self.a_starts: list[int] = []
        self.b_starts: list[int] = []
        self.lengths: list[int] = []
        i = j = 0
        while i < len(a) and j < len(b):
            run = _common_run(a, i, b, j)
            if run:
                self.a_starts.append(i)
                self.b_starts.append(j)
                self.lengths.append(run)
                i, j = i + run, j + run
            elif (k := _rejoin(a, i, b, j)) is not None:  # ``b`` has characters ``a`` lacks: j..k
                j = k
            elif (k := _rejoin(b, j, a, i)) is not None:  # ``a`` has characters ``b`` lacks: i..k
                i = k
            else:  # one character each that differ (a letter changed)
                i, j = i + 1, j + 1

    def b_of(self, i: int, *, forward: bool) -> int:
        """The partner in ``b`` of ``a[i]``; for one without a partner, the next (``forward``) or the
        previous partnered character's."""
        return _partner(i, self.a_starts, self.b_starts, self.lengths, self.len_b, forward)

    def a_of(self, j: int, *, forward: bool) -> int:
        return _partner(j, self.b_starts, self.a_starts, self.lengths, self.len_a, forward)


def _partner(
    index: int, starts: list[int], others: list[int], lengths: list[int], other_length: int, forward: bool
) -> int:
    run = bisect_right(starts, index) - 1
    if run >= 0 and index < starts[run] + lengths[run]:
        return others[run] + index - starts[run]
    if forward:
        return others[run + 1] if run + 1 < len(others) else other_length
    return others[run] + lengths[run] - 1 if run >= 0 else -1


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share from their start."""
    run = 0
    while True:
        chunk_a, chunk_b = a[i + run : i + run + _CHUNK], b[j + run : j + run + _CHUNK]
        if chunk_a == chunk_b and chunk_a:
            run += len(chunk_a)
            continue
        limit = min(len(chunk_a), len(chunk_b))
        extra = 0
        while extra < limit and chunk_a[extra] == chunk_b[extra]:
            extra += 1
        return run + extra


def _rejoin(a: str, i: int, b: str, j: int) -> int | None:
    """The index in ``b`` past ``j`` where ``a[i:]`` continues (a few characters agreeing), if near."""
    wanted = a[i : i + _CONFIRM]
    found = b.find(wanted, j + 1, j + 1 + _LOOKAHEAD + len(wanted))
    return found if found != -1 else None
