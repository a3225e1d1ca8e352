"""The whoosh engine (the default): pure Python, comfortable up to ~20,000 articles.

Measured choices: non-compound segments (small memory, fast open and delete), one
searcher reused for every query and replaced after commits (``refresh()`` would keep
stale deletions), facet counts read from value columns (cached per searcher) instead
of ``groupedby``, a prefix expanded to its most frequent terms only (found through
per-segment tables, :class:`_Completions`), the top hits and the whole matching set
collected in one pass, idf × BM25's saturated term frequency instead of BM25F (no
per-posting field-length reads), and a one-pass analyser (whoosh spends most of an
import analysing text).  Text is indexed, never stored.

Search as you type is mostly ORs of many terms over broad postings, whoosh's slowest
query.  An OR of terms (:class:`_TermUnion`) reads each term's postings a block at a
time into a dict, and decoded postings stay in memory per segment (:class:`_Postings`);
a query of words alone, with its filters tested on the cached columns, never goes
through whoosh's per-document matchers and collector (``_word_scores``).
"""

from __future__ import annotations

import heapq
import shutil
import unicodedata
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import accumulate, chain
from pathlib import Path
from typing import Any

from whoosh import collectors, columns, fields, formats, index, matching, query, scoring
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.lang import stemmer_for_language
from whoosh.matching.wrappers import FilterMatcher
from whoosh.support.charset import accent_map

from reader.errors import SearchIndexError
from reader.library.index.analysis import (
    FACET_LIMIT,
    NO_SPACE_RUN,
    TOKEN,
    WORD,
    fold_word,
    grams,
    has_no_space_script,
    is_lone_character,
    ordered_counts,
    stem_heads,
)
from reader.library.index.base import (
    FIELD_BOOSTS,
    ORDER_ID_SPAN,
    PREFIX_WEIGHT,
    USER_KEYWORDS,
    WIDE_FACTOR,
    IndexDoc,
    IndexPage,
    break_ties,
    completion_fields,
    prefix_cap,
    sorts_by_date,
)
from reader.library.query import (
    And,
    DateRange,
    Fuzzy,
    Keyword,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Typed,
    filter_bound,
)
from reader.library.types import Filters, SortOrder

# whoosh scores every posting of every expanded term in Python: a smaller cap than tantivy's keeps a
# short prefix (search-as-you-type) fast at 10,000 articles.
WHOOSH_PREFIX_CAP = 16
FACET_FIELDS = {"series": "series", "topics": "topics", "authors": "authors", "sites": "site"}
# BM25's saturation of repeated words (k1 = 1.2), not its length normalisation: BM25F reads each matching
# document's field length from disk, one seek and read per posting, which was most of the time of a broad
# query (a short prefix) at 10,000 articles.  A word ten times in the text weighs about twice a word
# once, so a title match (boost 3) outranks any number of mentions in the text.
_K1 = 1.2
_SEP = "\x1f"
_COMMA_STAND_IN = "\u2063"  # keyword values are comma-separated; a comma inside a value becomes this


_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_LIMIT = 500_000
_stem_english = stemmer_for_language("en")


def _stem_word(word: str) -> str:
    """One word of a script with spaces as its term: NFKC, lower case, accents folded, stemmed (cached)."""
    text = _STEM_CACHE.get(word)
    if text is None:
        normal = word if word.isascii() else unicodedata.normalize("NFKC", word)
        text = _stem_english(normal.lower().translate(accent_map))
        if len(_STEM_CACHE) < _STEM_CACHE_LIMIT:
            _STEM_CACHE[word] = text
    return text


def _terms(value: str) -> Iterator[tuple[str, int, int]]:
    """Each term of ``value`` with the character span it came from, in order (one position each)."""
    if not has_no_space_script(value):
        for found in WORD.finditer(value):
            yield _stem_word(found.group()), found.start(), found.end()
        return
    for found in TOKEN.finditer(value):
        token, start = found.group(), found.start()
        if NO_SPACE_RUN.match(token):
            for offset, gram in enumerate(grams(token)):
                yield gram, start + offset, min(found.end(), start + offset + len(gram))
        else:
            yield _stem_word(token), start, found.end()


def _term_texts(value: str) -> Iterable[str]:
    if not has_no_space_script(value):
        return map(_stem_word, WORD.findall(value))  # the common case, without spans
    return (term for term, _, _ in _terms(value))


class FoldingStemTokenizer(Tokenizer):  # type: ignore[misc]
    """Words NFKC-folded, lower-cased, accent-folded and stemmed (English snowball) in one pass; runs of
    scripts without spaces as overlapping bigrams (see :mod:`..analysis`).

    For text without such runs, the same tokens as ``RegexTokenizer(r"\\w+") | LowercaseFilter() |
    CharsetFilter(accent_map) | StemFilter(lang="en")`` at about twice the speed (one generator
    instead of four, a plain dict as the stem cache): indexing is whoosh's bottleneck during imports.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FoldingStemTokenizer)

    def __hash__(self) -> int:
        return hash(FoldingStemTokenizer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        spans = _terms(value) if tokenize else iter(((_stem_word(value), 0, len(value)),))
        for number, (text, start, end) in enumerate(spans, start_pos):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = number
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class FastPositions(formats.Positions):  # type: ignore[misc]
    """whoosh's ``Positions`` format, indexing text through our tokenizer without Token objects.

    The same postings, in the same order, with the same encoded values as ``Positions`` (only the way
    they are computed differs): indexing is most of a whoosh import, and most of that was passing one
    Token per word through generators.  Anything but plain text through our tokenizer takes the
    general path.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if (
            not isinstance(analyzer, FoldingStemTokenizer)
            or not isinstance(value, str)
            or not kwargs.get("tokenize", True)
        ):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        poses: dict[str, list[int]] = {}
        for number, text in enumerate(_term_texts(value), kwargs.get("start_pos", 0)):
            found = poses.get(text)
            if found is None:
                poses[text] = [number]
            else:
                found.append(number)
        boost = self.field_boost
        for text, positions in poses.items():
            # every token weighs 1.0, so a word's weight is its count (as a float, like whoosh's sum)
            yield text, len(positions), float(len(positions)) * boost, self.encode(positions)


def _round4(value: float) -> float:
    return round(value, 4)


def _saturated(weight: float) -> float:
    return weight * (_K1 + 1) / (weight + _K1)


class _SaturatedScorer(scoring.BaseScorer):  # type: ignore[misc]
    def __init__(self, idf: float) -> None:
        self.idf = idf

    def score(self, matcher: Any) -> float:
        return self.idf * _saturated(matcher.weight())

    def max_quality(self) -> float:
        return self.idf * (_K1 + 1)


class _SaturatedTF(scoring.WeightingModel):  # type: ignore[misc]
    """idf × tf·(k1+1)/(tf+k1)."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> _SaturatedScorer:
        return _SaturatedScorer(searcher.get_parent().idf(fieldname, text))


_WEIGHTING = _SaturatedTF()


class _TermUnion(query.Query):  # type: ignore[misc]
    """An OR of weighted terms (a word in several fields, a prefix's completions), read a block at a time.

    A document scores the best of its terms in each field, summed over the fields: one word counts
    once per field however many of its completions the text has, so "port" itself outranks a text
    with portrait, portal and portion.  whoosh's own ``Or`` advances every term's postings one
    document at a time in Python, the slowest part of a search-as-you-type query; this reads each
    term's postings whole, keeps the scores in a dict and hands whoosh the result as one list.
    """

    def __init__(self, terms: Sequence[tuple[str, str, float]], postings: _Postings) -> None:
        self.terms = list(terms)  # (field, term, boost)
        self.postings = postings
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"_TermUnion({self.terms!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _TermUnion) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(tuple(self.terms))

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return int(sum(ixreader.doc_frequency(field, term) for field, term, _ in self.terms))

    def estimate_min_size(self, ixreader: Any) -> int:
        return int(max((ixreader.doc_frequency(field, term) for field, term, _ in self.terms), default=0))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        scores = self.scores(searcher)
        if not scores:
            return matching.NullMatcher()
        ids = sorted(scores)
        return _ScoredList(ids, [scores[i] for i in ids])

    def scores(self, searcher: Any) -> dict[int, float]:
        """Every matching document of one segment (``searcher`` a leaf searcher) with its score."""
        reader = searcher.reader()
        parent = searcher.get_parent()
        scores: dict[int, float] = {}
        by_field: dict[str, list[tuple[str, float]]] = {}
        for field, term, boost in self.terms:
            if (field, term) in reader:
                by_field.setdefault(field, []).append((term, boost))
        for field, terms in by_field.items():
            best: dict[int, float] = {}
            for term, boost in terms:
                ids, weights = self.postings.read(reader, field, term)
                _keep_best(best, ids, weights, parent.idf(field, term) * boost)
            if not scores:
                scores = best
                continue
            get = scores.get
            for docnum, value in best.items():
                scores[docnum] = get(docnum, 0.0) + value
        if reader.has_deletions():
            for docnum in [d for d in scores if reader.is_deleted(d)]:
                del scores[docnum]
        return scores


class _IdSet(query.Query):  # type: ignore[misc]
    """The documents of a set of article ids (a collection's articles), found from each segment's ``order``
    column (the article id is its low digits): an OR of a thousand id terms took 130 ms a keystroke at
    10,000 articles, this a few.  Every match weighs the same, so it filters without reordering."""

    def __init__(self, ids: frozenset[int]) -> None:
        self.ids = ids
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"_IdSet({sorted(self.ids)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IdSet) and self.ids == other.ids

    def __hash__(self) -> int:
        return hash(self.ids)

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.ids)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.ids or reader.doc_count_all() == 0:
            return matching.NullMatcher()
        key = (_segment_id(reader), reader.doc_count(), self.ids)
        docs = _ID_SET_DOCS.get(key)
        if (
            docs is None
        ):  # typing inside a collection asks for the same set at every key: kept (segments never change)
            ids, span = self.ids, ORDER_ID_SPAN
            docs = [
                n for n, order in enumerate(reader.column_reader("order")) if int(order or 0) % span in ids
            ]
            if reader.has_deletions():
                docs = [n for n in docs if not reader.is_deleted(n)]
            if len(_ID_SET_DOCS) >= 16:
                _ID_SET_DOCS.pop(next(iter(_ID_SET_DOCS)))
            _ID_SET_DOCS[key] = docs
        return matching.ListMatcher(docs, all_weights=1.0) if docs else matching.NullMatcher()


_ID_SET_DOCS: dict[tuple[str, int, frozenset[int]], list[int]] = {}


class _ScoredList(matching.ListMatcher):  # type: ignore[misc]
    """Documents with their scores; the best score computed once (whoosh's list matcher recomputes it
    at every step of an AND)."""

    _best: float | None = None

    def block_max_weight(self) -> float:
        if self._best is None:
            self._best = float(max(self._weights))
        return self._best


def _keep_best(best: dict[int, float], ids: Sequence[int], weights: Sequence[float], idf: float) -> None:
    """Each document's best score so far, against this term's (``idf`` × saturated frequency)."""
    value_of = {weight: idf * _saturated(weight) for weight in set(weights)}
    if not best:
        best.update(zip(ids, map(value_of.__getitem__, weights), strict=True))
        return
    get = best.get
    for docnum, weight in zip(ids, weights, strict=True):
        value = value_of[weight]
        if get(docnum, 0.0) < value:
            best[docnum] = value


class _Postings:
    """Decoded postings (document numbers and weights) of the terms read lately, per segment.

    Reading a term's postings is most of a search-as-you-type query in whoosh (every block is a
    compressed pickle that includes the positions), and the keys typed one after another expand
    to mostly the same frequent terms: "h", "ha", "har", "harb" all complete to "harbour".
    Segments never change once written, so a term's postings stay right until a merge drops them.
    """

    LIMIT = 4_000_000  # postings kept (~40 MB at most); least recently used terms go first

    def __init__(self) -> None:
        self._terms: OrderedDict[tuple[str, str, str], tuple[array[int], array[float]]] = OrderedDict()
        self._size = 0

    def read(self, segment_reader: Any, field: str, term: str) -> tuple[array[int], array[float]]:
        key = (_segment_id(segment_reader), field, term)
        found = self._terms.get(key)
        if found is not None:
            self._terms.move_to_end(key)
            return found
        ids, weights = array("I"), array("f")
        postings = segment_reader.postings(field, term)
        leaf = postings.child if isinstance(postings, FilterMatcher) else postings  # deletions: the caller's
        for block_ids, block_weights in _blocks(leaf):
            start = len(ids)
            ids.extend(block_ids)
            if isinstance(block_weights, Sequence):
                weights.extend(block_weights)
            else:
                weights.extend([float(block_weights)] * (len(ids) - start))
        self._terms[key] = (ids, weights)
        self._size += len(ids)
        while self._size > self.LIMIT and len(self._terms) > 1:
            _, (dropped, _) = self._terms.popitem(last=False)
            self._size -= len(dropped)
        return ids, weights

    def forget_all_but(self, segment_ids: set[str]) -> None:
        for key in [key for key in self._terms if key[0] not in segment_ids]:
            self._size -= len(self._terms.pop(key)[0])


class _Completions:
    """The most frequent terms of a field that start with a prefix, per segment, remembered.

    whoosh has no ordered-by-frequency view of its terms: finding the most frequent completions of
    a prefix reads the term info of every term that starts with it, ~3 µs each.  That is nothing for
    "harbo" and hundreds of milliseconds for "h" in a large vocabulary.  So the first time a letter
    starts a prefix, one pass over that letter's terms records the top completions of the letter and
    of each two-letter prefix under it; longer prefixes are few terms and read directly.
    Segments never change once written, so what is learnt of one lasts until a merge replaces it.
    """

    KEEP = WHOOSH_PREFIX_CAP + 8  # per short prefix and segment: enough for the cap after merging segments
    SHORT = 2  # prefixes up to this long come from the letter's table

    def __init__(self) -> None:
        self._short: dict[tuple[str, str, str], dict[str, list[tuple[int, str]]]] = {}

    def top(self, reader: Any, field: str, prefix: str, cap: int) -> list[str]:
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
        key = (_segment_id(segment_reader), field, prefix[0])
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


def _segment_id(segment_reader: Any) -> str:
    segment = getattr(segment_reader, "segment", lambda: None)()
    return str(segment.segment_id()) if segment is not None else ""


def _frequencies(segment_reader: Any, field: str, prefix: str) -> Iterator[tuple[int, str]]:
    """(document frequency, term) of every term of ``field`` in one segment that starts with ``prefix``."""
    if field not in segment_reader.schema:
        return
    for text, info in segment_reader.iter_prefix(field, prefix):
        yield int(info.doc_frequency()), text.decode("utf-8") if isinstance(text, bytes) else text


def _has_any(values: Sequence[tuple[Any, ...]], wanted: set[Any]) -> Callable[[int], bool]:
    return lambda docnum: not wanted.isdisjoint(values[docnum])


def _blocks(leaf: Any) -> Iterator[tuple[Iterable[int], Sequence[float] | float]]:
    """A term's postings as (doc numbers, weights) a block at a time (weights a float when all equal).

    Reads whoosh 2.7's block format directly (``W3LeafMatcher``: a pickled tuple of delta-encoded
    ids, weights and values per block of up to 128 postings); anything else a posting at a time.
    """
    if not isinstance(leaf, W3LeafMatcher) or leaf._byteids:
        while leaf.is_active():
            yield (leaf.id(),), (leaf.weight(),)
            leaf.next()
        return
    while leaf.is_active():
        leaf._read_data()
        raw_ids, weights = leaf._data[0], leaf._data[1]
        yield accumulate(raw_ids), (1.0 if weights is None else weights)
        leaf._next_block()


def make_analyzer() -> Any:
    return FoldingStemTokenizer()


def _text_field(analyzer: Any) -> fields.TEXT:
    field = fields.TEXT(analyzer=analyzer, phrase=True)
    field.format = FastPositions(field_boost=field.format.field_boost)
    return field


class _TopAndAll(collectors.TopCollector):  # type: ignore[misc]
    """The top N by score, and the set of every matching document, in one pass."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)  # no block skipping: every match is seen

    def _collect(self, global_docnum: int, score: float) -> float:
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)  # type: ignore[no-any-return]


def make_schema() -> fields.Schema:
    text = make_analyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=_text_field(text),
        body=_text_field(text),
        authors=_text_field(text),
        site=_text_field(text),
        series=_text_field(text),
        topics=_text_field(text),
        notes=_text_field(text),
        date=fields.NUMERIC(int, bits=32, signed=False, sortable=True),
        order=fields.NUMERIC(int, bits=64, signed=False, sortable=True, stored=False),
        added=fields.NUMERIC(int, bits=64, signed=False, sortable=True, stored=False),
        language=fields.ID(),
    )
    for facet in FACET_FIELDS:
        schema.add(f"k_{facet}", fields.KEYWORD(commas=True, lowercase=False))
        schema.add(f"c_{facet}", fields.COLUMN(columns.VarBytesColumn()))
    for name in USER_KEYWORDS:
        schema.add(f"k_{name}", fields.KEYWORD(commas=True, lowercase=False))
    return schema


def _keyword(values: Sequence[str]) -> str:
    return ",".join(v.replace(",", _COMMA_STAND_IN) for v in values)


def _column(values: Sequence[str]) -> bytes:
    return _SEP.join(values).encode("utf-8")


def _fields_of(doc: IndexDoc) -> dict[str, Any]:
    facet_values = {
        "series": doc.series,
        "topics": doc.topics,
        "authors": doc.authors,
        "sites": [doc.site] if doc.site else [],
    }
    record: dict[str, Any] = {
        "id": str(doc.id),
        "title": doc.title,
        "body": doc.body,
        "authors": "\n".join(doc.authors),
        "site": doc.site or "",
        "series": "\n".join(doc.series),
        "topics": "\n".join(doc.topics),
        "date": doc.date_key,
        "order": doc.order_key,
        "added": doc.added,
        "language": doc.language or "",
        "notes": doc.notes,
        "k_flags": _keyword(doc.flags),
    }
    for facet, values in facet_values.items():
        record[f"k_{facet}"] = _keyword(values)
        record[f"c_{facet}"] = _column(values)
    return record


class WhooshIndex:
    """:class:`~reader.library.index.base.SearchIndex` over a whoosh folder."""

    engine = "whoosh"

    def __init__(self, folder: Path, *, create: bool = False) -> None:
        self.folder = folder
        try:
            if create or not index.exists_in(str(folder)):
                if folder.exists():
                    shutil.rmtree(folder)
                folder.mkdir(parents=True)
                self._ix = index.create_in(str(folder), make_schema())
            else:
                self._ix = index.open_dir(str(folder))
            self._searcher = self._ix.searcher(weighting=_WEIGHTING)
        except Exception as exc:  # whoosh raises many kinds on damaged folders
            raise SearchIndexError(f"cannot open the whoosh index in {folder}: {exc}") from exc
        self._analyzer = self._ix.schema["body"].analyzer
        self._completion_table = _Completions()
        self._postings = _Postings()
        self._stems: dict[str, list[str]] = {}
        self._facet_cache: dict[str, list[tuple[str, ...]]] = {}
        self._date_cache: list[int] | None = None
        self._added_cache: list[int] | None = None
        self._added_key_cache: list[str] | None = None
        self._year_cache: list[int] | None = None
        self._order_cache: list[int] | None = None
        self._live_cache: set[int] | None = None
        self._all_counts: dict[str, Counter[str]] | None = None
        self._docset_cache: tuple[str, Collection[int]] | None = None
        self._query_cache: tuple[str, query.Query] | None = None
        self._main_cache: tuple[str, query.Query] | None = None
        self._scores_cache: tuple[str, dict[int, float] | None] | None = None

    # -- writing -------------------------------------------------------------------------------------

    def write(self, upserts: Sequence[IndexDoc] = (), deletes: Sequence[int] = ()) -> None:
        if not upserts and not deletes:
            return
        writer = self._ix.writer(limitmb=128, compound=False)
        try:
            for article_id in deletes:
                writer.delete_by_term("id", str(article_id))
            for doc in upserts:
                writer.update_document(**_fields_of(doc))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._refresh()

    def add_many(self, docs: Iterable[IndexDoc], on_batch: Callable[[int], None] | None = None) -> None:
        batch = 5000
        writer = self._ix.writer(limitmb=256, compound=False)
        count = 0
        try:
            for doc in docs:
                writer.add_document(**_fields_of(doc))
                count += 1
                if count % batch == 0:
                    writer.commit(merge=False)
                    writer = self._ix.writer(limitmb=256, compound=False)
                    if on_batch:
                        on_batch(count)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._refresh()

    def _refresh(self) -> None:
        # One searcher serves every query until the index changes.  Not searcher.refresh(): it reuses
        # segment readers whose deletions changed and keeps showing deleted documents.  A new searcher
        # is cheap with non-compound segments.
        self._searcher.close()
        self._searcher = self._ix.searcher(weighting=_WEIGHTING)
        self._clear_caches()

    def _clear_caches(self) -> None:
        segments = {_segment_id(reader) for reader, _ in self._searcher.reader().leaf_readers()}
        self._completion_table.forget_all_but(segments)
        self._postings.forget_all_but(segments)
        self._facet_cache.clear()
        self._date_cache = None
        self._added_cache = None
        self._added_key_cache = None
        self._year_cache = None
        self._order_cache = None
        self._live_cache = None
        self._all_counts = None
        self._docset_cache = None
        self._query_cache = None
        self._main_cache = None
        self._scores_cache = None

    # -- reading -------------------------------------------------------------------------------------

    def stem(self, word: str) -> list[str]:
        cached = self._stems.get(word)
        if cached is None:
            cached = [token.text for token in self._analyzer(word)]
            if len(self._stems) < 200_000:
                self._stems[word] = cached
        return cached

    def _up_to_date(self) -> None:
        if not self._searcher.up_to_date():  # another process (the writer) committed
            self._refresh()

    def search(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int | None, offset: int = 0
    ) -> IndexPage:
        self._up_to_date()
        by_date = sorts_by_date(ast, sort)
        wanted = None if limit is None else offset + limit
        scores = self._word_scores(ast, filters)
        if scores is not None:
            self._docset_cache = (repr((ast, filters)), scores.keys())
            return self._page(scores, by_date, wanted, offset)
        q = self._query(ast, filters)
        searcher = self._searcher
        if by_date:
            collector = searcher.collector(limit=wanted, sortedby="order", reverse=True)
        elif wanted is None:
            collector = searcher.collector(limit=None)
        else:
            collector = _TopAndAll(wanted)
        searcher.search_with_collector(q, collector)
        results = collector.results()
        # Every collector here records the whole matching set in the same pass: no second pass for
        # the total and the facet counts (the slowest part of a whoosh search was doing it twice).
        self._docset_cache = (repr((ast, filters)), collector.docset)
        top = results.top_n[offset:]
        orders = self._orders()
        ids = [orders[docnum] % ORDER_ID_SPAN for _, docnum in top]
        scores_ = [0.0 if by_date else float(score) for score, _ in top]
        if not by_date:
            ids, scores_ = break_ties(ids, scores_)
        return IndexPage(ids=ids, scores=scores_, total=len(collector.docset))

    def _page(self, scores: dict[int, float], by_date: bool, wanted: int | None, offset: int) -> IndexPage:
        """The page of ``scores`` (every match with its score), ranked or newest first."""
        orders = self._orders()
        if by_date:
            top = (
                sorted(scores, key=orders.__getitem__, reverse=True)
                if wanted is None
                else heapq.nlargest(wanted, scores, key=orders.__getitem__)
            )
            ids, values = [orders[docnum] % ORDER_ID_SPAN for docnum in top], [0.0] * len(top)
        else:
            if wanted is not None and wanted < len(scores):  # only what can reach the page is sorted
                floor = heapq.nlargest(wanted, scores.values())[-1] - 1e-4
                candidates = [docnum for docnum, value in scores.items() if value >= floor]
            else:
                candidates = list(scores)
            # equal scores newest import first, as break_ties orders them (tuples compare in C)
            ranked = sorted(
                zip(
                    map(_round4, map(scores.__getitem__, candidates)),
                    [orders[docnum] % ORDER_ID_SPAN for docnum in candidates],
                    map(scores.__getitem__, candidates),
                    strict=True,
                ),
                reverse=True,
            )[:wanted]
            ids, values = [row[1] for row in ranked], [row[2] for row in ranked]
        return IndexPage(ids=ids[offset:], scores=values[offset:], total=len(scores))

    def _word_scores(self, ast: Node, filters: Filters | None) -> dict[int, float] | None:
        """Every match with its score when the query is words alone (the search field's usual query):
        from the postings and the cached columns, without whoosh's per-document collector, the slowest
        part of a broad query.  None for anything else (phrases, ranges, NOT…).  The last answer is
        kept: the app asks for the ids, then the facet counts, of the same query."""
        key = repr((ast, filters))
        if self._scores_cache is not None and self._scores_cache[0] == key:
            return self._scores_cache[1]
        scores = self._compute_word_scores(ast, filters)
        self._scores_cache = (key, scores)
        return scores

    def _compute_word_scores(self, ast: Node, filters: Filters | None) -> dict[int, float] | None:
        main = self._main(ast)
        if isinstance(main, _TermUnion):
            unions = [main]
        elif isinstance(main, query.And) and all(isinstance(part, _TermUnion) for part in main.subqueries):
            unions = list(main.subqueries)
        else:
            return None
        keep = self._filter_test(filters)
        every = sorted((self._union_scores(union) for union in unions), key=len)
        scores = every[0]
        for other in every[1:]:
            scores = {docnum: value + other[docnum] for docnum, value in scores.items() if docnum in other}
        if keep is not None:
            scores = {docnum: value for docnum, value in scores.items() if keep(docnum)}
        return scores

    def _union_scores(self, union: _TermUnion) -> dict[int, float]:
        scores: dict[int, float] = {}
        for searcher, base in self._searcher.leaf_searchers():
            found = union.scores(searcher)
            if base == 0 and not scores:
                scores = found
            else:
                scores.update((docnum + base, value) for docnum, value in found.items())
        return scores

    def _filter_test(self, filters: Filters | None) -> Callable[[int], bool] | None:
        """A test of a document against ``filters`` on the cached columns (None: no filters)."""
        if filters is None or filters.is_empty():
            return None
        tests: list[Callable[[int], bool]] = []
        for facet in FACET_FIELDS:
            if getattr(filters, facet):
                tests.append(_has_any(self._facet_values(facet), set(getattr(filters, facet))))
        if filters.years:
            years, wanted_years = self._years(), set(filters.years)
            tests.append(lambda docnum: years[docnum] in wanted_years)
        if filters.date_from or filters.date_to:
            low = filter_bound(filters.date_from, high=False) or 1
            high = filter_bound(filters.date_to, high=True) or 99_999_999
            dates = self._dates()
            tests.append(lambda docnum: low <= dates[docnum] <= high)
        if filters.added_since is not None:
            since, added = filters.added_since, self._added()
            tests.append(lambda docnum: added[docnum] >= since)
        return lambda docnum: all(test(docnum) for test in tests)

    def search_with_facets(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int, offset: int = 0
    ) -> tuple[IndexPage, dict[str, dict[str, int]]]:
        page = self.search(ast, filters, sort, limit, offset)
        return page, self.facets(ast, filters)  # shares the matching set search() computed

    def _docset(self, ast: Node, filters: Filters | None) -> Collection[int]:
        key = repr((ast, filters))
        if self._docset_cache is not None and self._docset_cache[0] == key:
            return self._docset_cache[1]
        scores = self._word_scores(ast, filters)
        docs: Collection[int] = (
            scores.keys()
            if scores is not None
            else set(self._searcher.docs_for_query(self._query(ast, filters)))
        )
        self._docset_cache = (key, docs)
        return docs

    def facets(
        self, ast: Node, filters: Filters | None, *, every_value: bool = False
    ) -> dict[str, dict[str, int]]:
        self._up_to_date()
        raw = self._raw_counts(self._docset(ast, filters))
        limit = None if every_value else FACET_LIMIT
        counts = {facet: ordered_counts(dict(raw[facet]), facet=facet, limit=limit) for facet in FACET_FIELDS}
        years = raw["years"]
        years.pop("0", None)  # undated
        counts["years"] = ordered_counts(dict(years), facet="years")
        counts["added"] = dict(raw["added"])  # per second: the library makes Date Added windows of them
        return counts

    def _raw_counts(self, docs: Collection[int]) -> dict[str, Counter[str]]:
        """How many of ``docs`` have each facet value.  A search-as-you-type query often matches most of
        the library: then the library's counts (kept) less those of the few documents left out."""
        live = self._live()
        if len(docs) <= len(live) // 2:
            return self._count(docs)
        if self._all_counts is None:
            self._all_counts = self._count(live)
        left_out = live.difference(docs)
        counts = {facet: Counter(counter) for facet, counter in self._all_counts.items()}
        for facet, counter in self._count(left_out).items():
            counts[facet].subtract(counter)
            counts[facet] = +counts[facet]  # drop the values no document has any more
        return counts

    def _count(self, docs: Collection[int]) -> dict[str, Counter[str]]:
        counts = {
            facet: Counter(chain.from_iterable(map(self._facet_values(facet).__getitem__, docs)))  # in C
            for facet in FACET_FIELDS
        }
        counts["years"] = Counter(map(str, map(self._years().__getitem__, docs)))
        counts["added"] = Counter(map(self._added_keys().__getitem__, docs))
        return counts

    def _live(self) -> set[int]:
        """Every document number that is not deleted."""
        if self._live_cache is None:
            reader = self._searcher.reader()
            self._live_cache = set(reader.all_doc_ids())
        return self._live_cache

    def _facet_values(self, facet: str) -> list[tuple[str, ...]]:
        cached = self._facet_cache.get(facet)
        if cached is None:
            column = self._column(f"c_{facet}")
            cached = [tuple(raw.decode("utf-8").split(_SEP)) if raw else () for raw in column]
            self._facet_cache[facet] = cached
        return cached

    def _dates(self) -> list[int]:
        """Each document's date as YYYYMMDD (0: undated)."""
        if self._date_cache is None:
            self._date_cache = [int(value or 0) for value in self._column("date")]
        return self._date_cache

    def _added(self) -> list[int]:
        """When each document was added to the library, Unix seconds (0: unknown)."""
        if self._added_cache is None:
            self._added_cache = [int(value or 0) for value in self._column("added")]
        return self._added_cache

    def _added_keys(self) -> list[str]:
        """When each document was added, as the "added" counts key it."""
        if self._added_key_cache is None:
            self._added_key_cache = [str(added) for added in self._added()]
        return self._added_key_cache

    def _years(self) -> list[int]:
        if self._year_cache is None:
            self._year_cache = [date // 10000 for date in self._dates()]
        return self._year_cache

    def _orders(self) -> list[int]:
        """Each document's ``order`` (its date and article id): ids without reading stored fields."""
        if self._order_cache is None:
            self._order_cache = [int(value or 0) for value in self._column("order")]
        return self._order_cache

    def _column(self, name: str) -> Any:
        reader = self._searcher.reader()
        if reader.doc_count_all() == 0:
            return []  # an empty index has no column readers
        return reader.column_reader(name)

    def doc_count(self) -> int:
        self._up_to_date()
        return int(self._searcher.doc_count())

    def all_ids(self) -> set[int]:
        self._up_to_date()
        return {int(fields_["id"]) for fields_ in self._searcher.all_stored_fields()}

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()

    # -- translating our AST -------------------------------------------------------------------------

    def _query(self, ast: Node, filters: Filters | None) -> query.Query:
        # search() and facets() for the same input arrive back to back: translate (and expand prefixes) once
        key = repr((ast, filters))
        if self._query_cache is not None and self._query_cache[0] == key:
            return self._query_cache[1]
        translated = self._build_query(ast, filters)
        self._query_cache = (key, translated)
        return translated

    def _build_query(self, ast: Node, filters: Filters | None) -> query.Query:
        main = self._main(ast)
        restriction = self._filters(filters)
        return main if restriction is None else query.And([main, restriction])

    def _main(self, ast: Node) -> query.Query:
        """The query without the filters (translated, prefixes expanded, once per query)."""
        key = repr(ast)
        if self._main_cache is not None and self._main_cache[0] == key:
            return self._main_cache[1]
        translated = self._translate(ast) or query.Every()
        self._main_cache = (key, translated)
        return translated

    def _translate(self, node: Node) -> query.Query | None:
        if isinstance(node, MatchAll):
            return query.Every()
        if isinstance(node, Term):
            return self._words(node.field, [node.text])
        if isinstance(node, Phrase):
            return self._phrase_prefix(node) if node.prefix else self._words(node.field, list(node.words))
        if isinstance(node, Typed):
            return self._typed(node)
        if isinstance(node, Prefix):
            return self._prefix(node.field, node.text)
        if isinstance(node, Fuzzy):
            stems = self.stem(node.text)
            if not stems:
                return None
            return self._any_field(
                node.field,
                lambda f, b: query.FuzzyTerm(f, stems[0], boost=b, maxdist=node.distance, prefixlength=0),
            )
        if isinstance(node, DateRange):
            return query.NumericRange("date", node.low or 1, node.high)
        if isinstance(node, Keyword):
            if node.field == "id":  # a collection's articles: thousands of ids, one pass over a column
                return _IdSet(frozenset(int(v) for v in node.values))
            terms = [query.Term(f"k_{node.field}", v.replace(",", _COMMA_STAND_IN)) for v in node.values]
            return query.Or(terms) if terms else query.NullQuery
        if isinstance(node, Not):
            inner = self._translate(node.child)
            return query.Not(inner) if inner is not None else None
        if isinstance(node, And | Or):
            return self._compound(node)
        raise SearchIndexError(f"the whoosh engine cannot translate {node!r}")

    def _compound(self, node: And | Or) -> query.Query | None:
        parts = [q for q in (self._translate(c) for c in node.children) if q is not None]
        if not parts:
            return None
        if isinstance(node, And):
            if all(isinstance(p, query.Not) for p in parts):
                parts.insert(0, query.Every())
            return parts[0] if len(parts) == 1 else query.And(parts)
        return parts[0] if len(parts) == 1 else query.Or(parts)

    def _any_field(self, field: str | None, make: Callable[[str, float], query.Query]) -> query.Query:
        if field is not None:
            return make(field, 1.0)
        return query.Or([make(f, boost) for f, boost in FIELD_BOOSTS.items()])

    def _words(self, field: str | None, words: list[str]) -> query.Query | None:
        stems = [s for word in words for s in self.stem(word)]
        if not stems:
            return None
        if len(stems) == 1 and is_lone_character(stems[0]):
            return self._prefix(field, stems[0])  # indexed only alone or in bigrams: find both
        if len(stems) == 1:
            if field is None:  # one word in every field: one pass over its postings per field
                return _TermUnion([(f, stems[0], boost) for f, boost in FIELD_BOOSTS.items()], self._postings)
            return query.Term(field, stems[0])
        return self._any_field(field, lambda f, b: query.Phrase(f, stems, boost=b))

    def _typed(self, node: Typed) -> query.Query | None:
        """The word itself (full weight) or any word it begins (less): exact matches rank first."""
        if has_no_space_script(node.text):
            return self._prefix(node.field, node.text)  # a run of bigrams matches inside words already
        stems = self.stem(node.text)
        completions = self._completions(node.field, node.text, exclude=set(stems[:1]), wide=node.wide)
        exact = [(f, stems[0], boost) for f, boost in self._boosts(node.field)] if len(stems) == 1 else []
        terms = exact + [(f, term, boost * PREFIX_WEIGHT) for f, term, boost in completions]
        if len(stems) > 1:  # a word the analyser splits (e.g. "x_y" → a phrase): the phrase, or completions
            phrase = self._words(node.field, [node.text])
            return query.Or([phrase, _TermUnion(terms, self._postings)]) if terms and phrase else phrase
        return _TermUnion(terms, self._postings) if terms else None

    def _boosts(self, field: str | None) -> list[tuple[str, float]]:
        return [(field, 1.0)] if field is not None else list(FIELD_BOOSTS.items())

    def _prefix(self, field: str | None, text: str) -> query.Query | None:
        if has_no_space_script(text) and len(self.stem(text)) > 1:
            return self._words(field, [text])  # two or more characters: their bigrams, anywhere in a word
        terms = self._completions(field, text, exclude=set())
        return _TermUnion(terms, self._postings) if terms else query.NullQuery

    def _completions(
        self, field: str | None, text: str, exclude: set[str], *, wide: bool = False
    ) -> list[tuple[str, str, float]]:
        """(field, term, boost) of the most frequent indexed terms a word starting with ``text`` may have."""
        prefix = fold_word(text)
        if not prefix:
            return []
        reader = self._searcher.reader()
        candidates = [*self.stem(text)[:1], *stem_heads(prefix)]
        cap = prefix_cap(prefix, WHOOSH_PREFIX_CAP) * (WIDE_FACTOR if wide else 1)
        first, fallback = ((field,), ()) if field else completion_fields(prefix, wide=wide)
        found: list[tuple[str, str, float]] = []
        for names in (first, fallback):
            for name in names:
                # the most frequent only: an unbounded expansion of a short prefix is whoosh's slowest query
                top = self._completion_table.top(reader, name, prefix, cap)
                top += [t for t in candidates if t not in top and reader.doc_frequency(name, t)]
                boost = 1.0 if field else FIELD_BOOSTS[name]
                found += [(name, term, boost) for term in top if term not in exclude]
            if found:
                break
        return found

    def _phrase_prefix(self, node: Phrase) -> query.Query | None:
        """An unclosed quotation while typing: the words so far in order, the last one completed."""
        stems = [s for word in node.words[:-1] for s in self.stem(word)]
        last = node.words[-1]
        if not stems or has_no_space_script(last):
            return self._words(node.field, list(node.words))
        alternatives: list[query.Query] = []
        for name, boost in self._boosts(node.field):
            ends = [term for f, term, _ in self._completions(name, last, exclude=set()) if f == name]
            ends += [t for t in self.stem(last)[:1] if t not in ends]
            if ends:
                words = [query.Term(name, stem) for stem in stems]
                last_word = query.Or([query.Term(name, term) for term in ends])
                alternatives.append(query.Sequence([*words, last_word], boost=boost))
        return query.Or(alternatives) if alternatives else None

    def _filters(self, filters: Filters | None) -> query.Query | None:
        if filters is None or filters.is_empty():
            return None
        parts: list[query.Query] = []
        for facet, values in (
            ("series", filters.series),
            ("topics", filters.topics),
            ("authors", filters.authors),
            ("sites", filters.sites),
        ):
            if values:
                terms = [query.Term(f"k_{facet}", v.replace(",", _COMMA_STAND_IN)) for v in values]
                parts.append(terms[0] if len(terms) == 1 else query.Or(terms))
        if filters.years:
            years = [query.NumericRange("date", y * 10000, y * 10000 + 9999) for y in filters.years]
            parts.append(years[0] if len(years) == 1 else query.Or(years))
        if filters.date_from or filters.date_to:
            low = filter_bound(filters.date_from, high=False)
            high = filter_bound(filters.date_to, high=True)
            parts.append(query.NumericRange("date", low or 1, high))
        if filters.added_since is not None:
            parts.append(query.NumericRange("added", filters.added_since, None))
        return parts[0] if len(parts) == 1 else query.And(parts)
