"""Text analysis shared by both engines: words, scripts without spaces, folding, highlighting.

Words are runs of letters and digits (``\\w``), NFKC-folded (full-width Latin, half-width katakana),
lower-cased, accent-folded and stemmed by the engine.  Scripts written without spaces between
words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) are cut into their own runs and indexed as
overlapping bigrams, as Lucene's CJKAnalyzer does (``潮見港`` → ``潮見 見港``; a character alone
is kept as a unigram): any run of two or more characters inside a word is then a term or a phrase
of terms, so ``見港`` finds ``潮見港``.  :func:`grams` is the one definition both engines index
and query with.

The index never stores article text, so snippets and the hits inside one article
are computed here from the text in SQLite.  A :class:`Highlighter` is built from a
parsed query and the engine's own ``stem`` function, so it finds exactly the words
the engine matched (same stemming, case and accent folding).  To stay fast it
first scans a folded copy of the text with one regular expression for words that
could match, and stems only those; runs of the scripts without spaces are found by
substring search in their NFKC-folded form.
"""

from __future__ import annotations

import heapq
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from reader.library.query import Fuzzy, Node, Phrase, Prefix, Term, TextClause, Typed, positive_terms

WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Hangul Jamo, CJK radicals,
# 々〆〇 and Hangzhou numerals, kana (without the middle dot ・, punctuation), Bopomofo, Hangul, CJK
# ideographs and compatibility ideographs, half-width katakana, and the supplementary ideographs.
_NO_SPACE = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029"
    "\u3031-\u3035\u3038-\u303c\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3100-\u312f\u3131-\u318f"
    "\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)
NO_SPACE_RUN = re.compile(f"[{_NO_SPACE}]+")
# Words of the other scripts, and runs of the scripts without spaces, each token wholly one or the other.
TOKEN = re.compile(f"[{_NO_SPACE}]+|[^\\W{_NO_SPACE}]+")
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
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """Lower-case, accent-free text with the same length (and offsets) as ``text``."""
    folded = text.lower()
    if len(folded) != len(text):  # a few letters lower-case to two characters (İ → i̇): one at a time
        return "".join((c.translate(_FOLD).lower() or c)[:1] for c in text)
    if folded.isascii():
        return folded
    # only the letters that need it, found by one regular expression (str.translate looks up every one)
    return _FOLDABLE.sub(lambda letter: _FOLD[ord(letter.group())], folded)


def fold_word(word: str) -> str:
    """A whole word folded the way the engines fold it (used for prefixes)."""
    if NO_SPACE_RUN.search(word):
        return fold_run(word)  # no accents to strip: NFKD would split kana from their voicing marks
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def fold_run(run: str) -> str:
    """NFKC and lower case: full-width and half-width forms become the usual ones (``ﾆｼﾝ`` → ``ニシン``)."""
    return (run if run.isascii() else unicodedata.normalize("NFKC", run)).lower()


def has_no_space_script(text: str) -> bool:
    return NO_SPACE_RUN.search(text) is not None


def is_lone_character(term: str) -> bool:
    """A term that is one character of a script without spaces: in the index alone or inside bigrams."""
    return len(term) == 1 and has_no_space_script(term)


def grams(run: str) -> list[str]:
    """The terms a run of a script without spaces is indexed by: overlapping bigrams, or the run alone."""
    folded = fold_run(run)
    if len(folded) < 3:
        return [folded] if folded else []
    return [folded[i : i + 2] for i in range(len(folded) - 1)]


def spaced_grams(text: str) -> str:
    """``text`` with every run of a script without spaces replaced by its bigrams between spaces.

    What the tantivy engine hands its word tokenizer, which then splits the bigrams apart.
    """
    return NO_SPACE_RUN.sub(lambda run: " " + " ".join(grams(run.group())) + " ", text)


# Endings the English snowball stemmer cuts off, and what stays of them while they are being typed: a
# typed prefix that runs past a word's stem into one of these still belongs to that word ("negotia" is
# the start of "negotiations", whose indexed stem is "negoti", which does not start with "negotia").
_STEM_ENDINGS = (
    "able",
    "ably",
    "al",
    "alism",
    "alist",
    "ality",
    "ally",
    "ance",
    "ances",
    "ant",
    "ants",
    "ate",
    "ated",
    "ates",
    "ating",
    "ation",
    "ational",
    "ations",
    "ative",
    "ator",
    "ators",
    "e",
    "ed",
    "edly",
    "ement",
    "ements",
    "ence",
    "ences",
    "ent",
    "ents",
    "er",
    "ers",
    "es",
    "est",
    "ful",
    "fully",
    "fulness",
    "ible",
    "ibly",
    "ic",
    "ical",
    "ically",
    "ied",
    "ies",
    "ily",
    "iness",
    "ing",
    "ingly",
    "ings",
    "ion",
    "ions",
    "ise",
    "ised",
    "ises",
    "ising",
    "ism",
    "isms",
    "ist",
    "ists",
    "ity",
    "ities",
    "ive",
    "ively",
    "iveness",
    "ize",
    "ized",
    "izes",
    "izing",
    "ization",
    "ly",
    "ment",
    "ments",
    "ness",
    "or",
    "ors",
    "ous",
    "ously",
    "ousness",
    "s",
    "y",
)
_ENDING_STARTS = frozenset(ending[:cut] for ending in _STEM_ENDINGS for cut in range(1, len(ending) + 1))
MIN_STEM = 3


def stem_heads(prefix: str) -> list[str]:
    """Stems shorter than ``prefix`` that a word starting with ``prefix`` may be indexed under.

    ``negotia`` → ``negoti`` (negotiations), ``hoppi`` → ``hop`` (hopping), ``happine`` → ``happi``.
    The engines keep the ones that are terms of the index.
    """
    heads: list[str] = []
    for cut in range(len(prefix) - 1, MIN_STEM - 1, -1):
        head, rest = prefix[:cut], prefix[cut:]
        doubled = rest[0] == head[-1] and (len(rest) == 1 or rest[1:] in _ENDING_STARTS)
        if rest in _ENDING_STARTS or doubled:
            heads.append(head)
            if head.endswith("y"):
                heads.append(head[:-1] + "i")  # happy → happi
    return heads


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
        self.heads: set[str] = set()  # stems a typed prefix runs past (see stem_heads)
        self.fuzzies: list[tuple[str, int]] = []
        self.runs: set[str] = set()  # folded runs of scripts without spaces, found as substrings
        for clause in positive_terms(query):
            if clause.field is not None:
                continue  # a fielded clause (title:, author:…) matched metadata, not the text
            self._add(clause)
        self._candidate = self._candidate_pattern()
        self._phrase_starts = {phrase[0] for phrase in self.phrases}
        self._verdicts: dict[str, tuple[bool, str]] = {}

    def _add(self, clause: TextClause) -> None:
        words = clause.words if isinstance(clause, Phrase) else (clause.text,)
        if any(has_no_space_script(word) for word in words):
            self._add_mixed(clause, words)
        elif isinstance(clause, Term):
            self._add_words((clause.text,))
        elif isinstance(clause, Phrase):
            self._add_words(clause.words[:-1] if clause.prefix else clause.words)
            if clause.prefix:
                self._add_prefix(clause.words[-1], exact_too=True)
        elif isinstance(clause, Prefix | Typed):
            self._add_prefix(clause.text, exact_too=isinstance(clause, Typed))
        elif isinstance(clause, Fuzzy):
            stems = self._stem(clause.text)
            if stems:
                self.fuzzies.append((stems[0], clause.distance))

    def _add_words(self, words: tuple[str, ...]) -> None:
        stems = tuple(s for word in words for s in self._stem(word))
        if len(stems) == 1:
            self.singles.add(stems[0])
        elif stems:
            self.phrases.append(stems)

    def _add_prefix(self, text: str, *, exact_too: bool) -> None:
        prefix = fold_word(text)
        if not prefix:
            return
        self.prefixes.append(prefix)
        self.heads.update(stem_heads(prefix))
        if exact_too:
            self._add_words((text,))

    def _add_mixed(self, clause: TextClause, words: tuple[str, ...]) -> None:
        """A clause with runs of a script without spaces: the runs as substrings, other words one by one."""
        for word in words:
            for token in TOKEN.findall(word):
                if has_no_space_script(token):
                    self.runs.add(fold_run(token))
                elif isinstance(clause, Prefix | Typed):
                    self._add_prefix(token, exact_too=isinstance(clause, Typed))
                else:
                    self._add_words((token,))

    def _candidate_pattern(self) -> re.Pattern[str] | None:
        if self.fuzzies:
            return WORD  # an edit can be anywhere: every word is a candidate
        starts = {_likely_start(s) for s in self.singles | self.heads}
        starts |= {_likely_start(p[0]) for p in self.phrases}
        starts |= set(self.prefixes)
        starts.discard("")
        if not starts:
            return None
        alternatives = "|".join(re.escape(s) for s in sorted(starts, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})\w*")

    @property
    def empty(self) -> bool:
        return self._candidate is None and not self.runs

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every hit as (start, end) character offsets, in order, overlaps merged."""
        return _merge(list(self._iter_spans(text)))

    def _iter_spans(self, text: str) -> Iterator[tuple[int, int]]:
        if not self.runs:
            return self._word_spans(text)
        return heapq.merge(self._word_spans(text), self._run_spans(text))

    def _run_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the query's runs of scripts without spaces occur inside the text's runs."""
        spans: list[tuple[int, int]] = []
        for found in NO_SPACE_RUN.finditer(text):
            folded, starts, ends = _fold_run_with_offsets(found.group())
            base = found.start()
            for target in self.runs:
                at = folded.find(target)
                while at >= 0:
                    spans.append((base + starts[at], base + ends[at + len(target) - 1]))
                    at = folded.find(target, at + 1)
        spans.sort()
        return spans

    def _word_spans(self, text: str) -> Iterator[tuple[int, int]]:
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
        if stem in self.singles or stem in self.heads:
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


def ordered_counts(counts: dict[str, int], *, facet: str, limit: int | None = FACET_LIMIT) -> dict[str, int]:
    """Facet values most frequent first (ties by name), the first ``limit`` (None: all of them); years
    newest first."""
    if facet == "years":
        return dict(sorted(counts.items(), key=lambda item: item[0], reverse=True))
    if limit is not None and len(counts) > limit:
        counts = dict(heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0])))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0])))


_VOICING_MARKS = ("\u3099", "\u309a")  # what half-width ﾞ and ﾟ become alone under NFKC


def _fold_run_with_offsets(run: str) -> tuple[str, list[int], list[int]]:
    """:func:`fold_run` of ``run``, with each folded character's start and end offsets in ``run``."""
    folded = fold_run(run)
    if len(folded) == len(run) and (run.isascii() or unicodedata.is_normalized("NFKC", run)):
        offsets = list(range(len(run)))
        return folded, offsets, [i + 1 for i in offsets]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(run):
        normal = unicodedata.normalize("NFKC", char).lower()
        if normal in _VOICING_MARKS and chars:
            joined = unicodedata.normalize("NFC", chars[-1] + normal)  # ｶﾞ → ガ, as NFKC of the run does
            if len(joined) == 1:
                chars[-1], ends[-1] = joined, index + 1
                continue
        for piece in normal:
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return "".join(chars), starts, ends


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
