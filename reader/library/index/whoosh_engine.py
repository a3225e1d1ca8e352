"""The whoosh engine (the default): pure Python, comfortable up to ~20,000 articles.

Measured choices: non-compound segments (small memory, fast open and delete), one
searcher reused for every query and replaced after commits (``refresh()`` would keep
stale deletions), facet counts read from value columns (cached per searcher) instead
of ``groupedby``, a prefix expanded to its most frequent terms only, the top hits and
the whole matching set collected in one pass, TF-IDF instead of BM25F (no per-posting
field-length reads), and a one-pass analyser (whoosh spends most of an import
analysing text).  Text is indexed, never stored.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from whoosh import collectors, columns, fields, formats, index, query, scoring
from whoosh.analysis import Token, Tokenizer
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from reader.errors import SearchIndexError
from reader.library.index.analysis import WORD, fold_word, ordered_counts
from reader.library.index.base import IndexDoc, IndexPage, break_ties, sorts_by_date
from reader.library.query import (
    And,
    DateRange,
    Fuzzy,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    filter_bound,
)
from reader.library.types import Filters, SortOrder

DEFAULT_FIELDS = {"title": 3.0, "body": 1.0, "authors": 1.0, "site": 1.0, "series": 1.0, "topics": 1.0}
# An unfielded prefix (search-as-you-type) expands in the title and the text only: every extra field
# multiplies the terms whoosh must score.
PREFIX_FIELDS = ("title", "body")
# whoosh scores every posting of every expanded term in Python: a smaller cap than tantivy's keeps a
# short prefix (search-as-you-type) near 100 ms at 10,000 articles.
WHOOSH_PREFIX_CAP = 16
FACET_FIELDS = {"series": "series", "topics": "topics", "authors": "authors", "sites": "site"}
# TF-IDF, not whoosh's default BM25F: BM25 reads each matching document's field length from disk, one
# seek and read per posting, which was most of the time of a broad query (a short prefix) at 10,000 articles.
_WEIGHTING = scoring.TF_IDF()
_SEP = "\x1f"
_COMMA_STAND_IN = "\u2063"  # keyword values are comma-separated; a comma inside a value becomes this


_STEM_CACHE: dict[str, str] = {}
_STEM_CACHE_LIMIT = 500_000
_stem_english = stemmer_for_language("en")


class FoldingStemTokenizer(Tokenizer):  # type: ignore[misc]
    """Words, lower-cased, accent-folded and stemmed (English snowball) in one pass.

    The same tokens as ``RegexTokenizer(r"\\w+") | LowercaseFilter() | CharsetFilter(accent_map) |
    StemFilter(lang="en")`` at about twice the speed (one generator instead of four, a plain dict as
    the stem cache): indexing is whoosh's bottleneck during imports.
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
        spans = (
            ((m.group(), m.start(), m.end()) for m in WORD.finditer(value))
            if tokenize
            else ((value, 0, len(value)),)
        )
        cache = _STEM_CACHE
        for number, (word, start, end) in enumerate(spans, start_pos):
            text = cache.get(word)
            if text is None:
                text = _stem_english(word.lower().translate(accent_map))
                if len(cache) < _STEM_CACHE_LIMIT:
                    cache[word] = text
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = number
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def _stem_word(word: str) -> str:
    """What :class:`FoldingStemTokenizer` makes of one word (through the same cache)."""
    text = _STEM_CACHE.get(word)
    if text is None:
        text = _stem_english(word.lower().translate(accent_map))
        if len(_STEM_CACHE) < _STEM_CACHE_LIMIT:
            _STEM_CACHE[word] = text
    return text


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
        for number, word in enumerate(WORD.findall(value), kwargs.get("start_pos", 0)):
            text = _stem_word(word)
            found = poses.get(text)
            if found is None:
                poses[text] = [number]
            else:
                found.append(number)
        boost = self.field_boost
        for text, positions in poses.items():
            # every token weighs 1.0, so a word's weight is its count (as a float, like whoosh's sum)
            yield text, len(positions), float(len(positions)) * boost, self.encode(positions)


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
        date=fields.NUMERIC(int, bits=32, signed=False, sortable=True),
        order=fields.NUMERIC(int, bits=64, signed=False, sortable=True, stored=False),
        language=fields.ID(),
    )
    for facet in FACET_FIELDS:
        schema.add(f"k_{facet}", fields.KEYWORD(commas=True, lowercase=False))
        schema.add(f"c_{facet}", fields.COLUMN(columns.VarBytesColumn()))
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
        "language": doc.language or "",
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
        self._stems: dict[str, list[str]] = {}
        self._facet_cache: dict[str, list[tuple[str, ...]]] = {}
        self._date_cache: list[int] | None = None
        self._docset_cache: tuple[str, set[int]] | None = None
        self._query_cache: tuple[str, query.Query] | None = None

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
        self._facet_cache.clear()
        self._date_cache = None
        self._docset_cache = None
        self._query_cache = None

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
        q = self._query(ast, filters)
        searcher = self._searcher
        wanted = None if limit is None else offset + limit
        by_date = sorts_by_date(ast, sort)
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
        ids = [int(searcher.stored_fields(docnum)["id"]) for _, docnum in top]
        scores = [0.0 if by_date else float(score) for score, _ in top]
        if not by_date:
            ids, scores = break_ties(ids, scores)
        return IndexPage(ids=ids, scores=scores, total=len(collector.docset))

    def search_with_facets(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int, offset: int = 0
    ) -> tuple[IndexPage, dict[str, dict[str, int]]]:
        page = self.search(ast, filters, sort, limit, offset)
        return page, self.facets(ast, filters)  # shares the matching set search() computed

    def _docset(self, ast: Node, filters: Filters | None, q: query.Query | None = None) -> set[int]:
        key = repr((ast, filters))
        if self._docset_cache is not None and self._docset_cache[0] == key:
            return self._docset_cache[1]
        q = q if q is not None else self._query(ast, filters)
        docs = set(self._searcher.docs_for_query(q))
        self._docset_cache = (key, docs)
        return docs

    def facets(self, ast: Node, filters: Filters | None) -> dict[str, dict[str, int]]:
        self._up_to_date()
        docs = self._docset(ast, filters)
        counts: dict[str, dict[str, int]] = {}
        for facet in FACET_FIELDS:
            values = self._facet_values(facet)
            counter = Counter(chain.from_iterable(map(values.__getitem__, docs)))  # counted in C
            counts[facet] = ordered_counts(dict(counter), facet=facet)
        years = Counter(map(self._years().__getitem__, docs))
        years.pop(0, None)  # undated
        counts["years"] = ordered_counts({str(year): n for year, n in years.items()}, facet="years")
        return counts

    def _facet_values(self, facet: str) -> list[tuple[str, ...]]:
        cached = self._facet_cache.get(facet)
        if cached is None:
            column = self._column(f"c_{facet}")
            cached = [tuple(raw.decode("utf-8").split(_SEP)) if raw else () for raw in column]
            self._facet_cache[facet] = cached
        return cached

    def _years(self) -> list[int]:
        if self._date_cache is None:
            column = self._column("date")
            self._date_cache = [int(value or 0) // 10000 for value in column]
        return self._date_cache

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
        main = self._translate(ast)
        if main is None:
            main = query.Every()
        restriction = self._filters(filters)
        return main if restriction is None else query.And([main, restriction])

    def _translate(self, node: Node) -> query.Query | None:
        if isinstance(node, MatchAll):
            return query.Every()
        if isinstance(node, Term):
            return self._words(node.field, [node.text])
        if isinstance(node, Phrase):
            return self._words(node.field, list(node.words))
        if isinstance(node, Prefix):
            return self._prefix(node)
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
        if isinstance(node, Not):
            inner = self._translate(node.child)
            return query.Not(inner) if inner is not None else None
        if isinstance(node, And | Or):
            parts = [q for q in (self._translate(c) for c in node.children) if q is not None]
            if not parts:
                return None
            if isinstance(node, And):
                if all(isinstance(p, query.Not) for p in parts):
                    parts.insert(0, query.Every())
                return parts[0] if len(parts) == 1 else query.And(parts)
            return parts[0] if len(parts) == 1 else query.Or(parts)
        raise SearchIndexError(f"the whoosh engine cannot translate {node!r}")

    def _any_field(self, field: str | None, make: Callable[[str, float], query.Query]) -> query.Query:
        if field is not None:
            return make(field, 1.0)
        return query.Or([make(f, boost) for f, boost in DEFAULT_FIELDS.items()])

    def _words(self, field: str | None, words: list[str]) -> query.Query | None:
        stems = [s for word in words for s in self.stem(word)]
        if not stems:
            return None
        if len(stems) == 1:
            return self._any_field(field, lambda f, b: query.Term(f, stems[0], boost=b))
        return self._any_field(field, lambda f, b: query.Phrase(f, stems, boost=b))

    def _prefix(self, node: Prefix) -> query.Query:
        prefix = fold_word(node.text)
        reader = self._searcher.reader()
        stem = self.stem(node.text)
        field_names = [node.field] if node.field else list(PREFIX_FIELDS)
        alternatives: list[query.Query] = []
        for name in field_names:
            # the most frequent terms only: an unbounded expansion of a short prefix is whoosh's slowest query
            top = [term for _, term in reader.most_frequent_terms(name, WHOOSH_PREFIX_CAP, prefix)]
            if stem and stem[0] not in top and reader.doc_frequency(name, stem[0]):
                top.append(stem[0])
            if not top:
                continue
            boost = DEFAULT_FIELDS.get(name, 1.0) if node.field is None else 1.0
            # (not ConstantScoreQuery: an Or of those loses matches with a top-N collector in whoosh 2.7.5)
            alternatives += [query.Term(name, term, boost=boost) for term in top]
        return query.Or(alternatives) if alternatives else query.NullQuery

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
        return parts[0] if len(parts) == 1 else query.And(parts)
