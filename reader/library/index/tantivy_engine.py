"""The tantivy engine (official Python bindings): for large libraries.

Same fields as the whoosh engine, analysed by a registered ``offprint`` tokenizer
(split on non-alphanumerics, lower-case, ASCII-fold, English snowball stemmer).
Facet values live in raw, fast text fields and are counted by a terms
aggregation; dates are a fast integer used for ranges, sorting and years.  Text is
indexed, never stored.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import tantivy

from reader.errors import SearchIndexError
from reader.library.index.analysis import FACET_LIMIT, fold_word, ordered_counts
from reader.library.index.base import PREFIX_EXPANSION_CAP, IndexDoc, IndexPage, break_ties, sorts_by_date
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

TOKENIZER = "offprint"
DEFAULT_FIELDS = {"title": 3.0, "body": 1.0, "authors": 1.0, "site": 1.0, "series": 1.0, "topics": 1.0}
PREFIX_FIELDS = ("title", "body")  # an unfielded prefix (search-as-you-type) looks in title and text
FACET_FIELDS = ("series", "topics", "authors", "sites")


def make_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def make_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    for name in DEFAULT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=TOKENIZER, index_option="position")
    for facet in FACET_FIELDS:
        builder.add_text_field(
            f"k_{facet}", stored=False, fast=True, tokenizer_name="raw", index_option="basic"
        )
    builder.add_unsigned_field("date", indexed=True, fast=True)
    builder.add_unsigned_field("order", fast=True)
    builder.add_unsigned_field("year", indexed=True, fast=True)
    builder.add_text_field("language", stored=False, tokenizer_name="raw", index_option="basic")
    return builder.build()


def _document(doc: IndexDoc) -> tantivy.Document:
    document = tantivy.Document()
    document.add_unsigned("id", doc.id)
    document.add_unsigned("date", doc.date_key)
    document.add_unsigned("order", doc.order_key)
    document.add_unsigned("year", doc.year or 0)
    texts: dict[str, list[str]] = {
        "title": [doc.title],
        "body": [doc.body],
        "authors": doc.authors,
        "site": [doc.site or ""],
        "series": doc.series,
        "topics": doc.topics,
        "language": [doc.language or ""],
        "k_series": doc.series,
        "k_topics": doc.topics,
        "k_authors": doc.authors,
        "k_sites": [doc.site] if doc.site else [],
    }
    for name, values in texts.items():
        for value in values:
            if value:
                document.add_text(name, value)
    return document


class TantivyIndex:
    """:class:`~reader.library.index.base.SearchIndex` over a tantivy folder."""

    engine = "tantivy"

    def __init__(self, folder: Path, *, create: bool = False) -> None:
        self.folder = folder
        self._analyzer = make_analyzer()
        try:
            if create or not tantivy.Index.exists(str(folder)):
                if folder.exists():
                    shutil.rmtree(folder)
                folder.mkdir(parents=True)
                self._ix = tantivy.Index(make_schema(), path=str(folder), reuse=False)
            else:
                self._ix = tantivy.Index.open(str(folder))
            self._ix.register_tokenizer(TOKENIZER, self._analyzer)
            self._schema = self._ix.schema
            self._searcher = self._ix.searcher()
        except (ValueError, OSError) as exc:
            raise SearchIndexError(f"cannot open the tantivy index in {folder}: {exc}") from exc
        self._writer: tantivy.IndexWriter | None = None
        self._stems: dict[str, list[str]] = {}

    # -- writing -------------------------------------------------------------------------------------

    def _get_writer(self, heap: int = 50_000_000, threads: int = 1) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self._ix.writer(heap_size=heap, num_threads=threads)
        return self._writer

    def write(self, upserts: Sequence[IndexDoc] = (), deletes: Sequence[int] = ()) -> None:
        if not upserts and not deletes:
            return
        writer = self._get_writer()
        try:
            doomed = sorted({*deletes, *(d.id for d in upserts)})
            if doomed:
                # by query: a bare Python int given to delete_documents_by_term is not the u64 id term
                writer.delete_documents_by_query(tantivy.Query.term_set_query(self._schema, "id", doomed))
            for doc in upserts:
                writer.add_document(_document(doc))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        self._refresh()

    def add_many(self, docs: Iterable[IndexDoc], on_batch: Callable[[int], None] | None = None) -> None:
        self._release_writer()
        writer = self._get_writer(heap=400_000_000, threads=0)
        for count, doc in enumerate(docs, 1):
            writer.add_document(_document(doc))
            if on_batch and count % 5000 == 0:
                on_batch(count)
        writer.commit()
        self._release_writer()
        self._refresh()

    def _release_writer(self) -> None:
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    def _refresh(self) -> None:
        self._ix.reload()
        self._searcher = self._ix.searcher()

    def _current(self) -> tantivy.Searcher:
        # Cheap: picks up commits by another process (a reader beside the writer) as soon as they land.
        self._ix.reload()
        self._searcher = self._ix.searcher()
        return self._searcher

    # -- reading -------------------------------------------------------------------------------------

    def stem(self, word: str) -> list[str]:
        cached = self._stems.get(word)
        if cached is None:
            cached = self._analyzer.analyze(word)
            if len(self._stems) < 200_000:
                self._stems[word] = cached
        return cached

    def search(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int | None, offset: int = 0
    ) -> IndexPage:
        searcher = self._current()
        q = self._query(ast, filters)
        if limit is None:
            counted = searcher.search(q, limit=1, count=True)
            limit, offset = max(counted.count or 0, 1), 0  # type: ignore[attr-defined]  # stubs lack .count
        return self._page(searcher, q, sorts_by_date(ast, sort), limit, offset, count=True)

    def search_with_facets(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int, offset: int = 0
    ) -> tuple[IndexPage, dict[str, dict[str, int]]]:
        # The top hits without counting (lets tantivy skip blocks), then one aggregation pass for the
        # facets and the total: two passes over the postings instead of three.
        searcher = self._current()
        q = self._query(ast, filters)
        page = self._page(searcher, q, sorts_by_date(ast, sort), limit, offset, count=False)
        answer = searcher.aggregate(q, self._aggregations(with_total=True))
        page.total = int(answer.get("total", {}).get("value") or 0)
        return page, self._counts(answer)

    def _page(
        self,
        searcher: tantivy.Searcher,
        q: tantivy.Query,
        by_date: bool,
        limit: int,
        offset: int,
        *,
        count: bool,
    ) -> IndexPage:
        options: dict[str, Any] = {"limit": limit, "count": count, "offset": offset}
        if by_date:
            options.update(order_by_field="order", order=tantivy.Order.Desc)
        result = searcher.search(q, **options)
        addresses = [address for _, address in result.hits]
        ids = [int(cast(int, v)) for v in searcher.fast_field_values("id", addresses)] if addresses else []
        scores = [0.0 if by_date else float(score) for score, _ in result.hits]
        if not by_date:
            ids, scores = break_ties(ids, scores)
        total = int(result.count or 0) if count else len(ids)  # type: ignore[attr-defined]  # stubs lack .count
        return IndexPage(ids=ids, scores=scores, total=total)

    def facets(self, ast: Node, filters: Filters | None) -> dict[str, dict[str, int]]:
        answer = self._current().aggregate(self._query(ast, filters), self._aggregations())
        return self._counts(answer)

    @staticmethod
    def _aggregations(*, with_total: bool = False) -> dict[str, Any]:
        aggregations: dict[str, Any] = {
            facet: {"terms": {"field": f"k_{facet}", "size": FACET_LIMIT}} for facet in FACET_FIELDS
        }
        aggregations["years"] = {"terms": {"field": "year", "size": 5000}}
        if with_total:
            aggregations["total"] = {"value_count": {"field": "order"}}
        return aggregations

    @staticmethod
    def _counts(answer: dict[str, Any]) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for facet in (*FACET_FIELDS, "years"):
            buckets = answer.get(facet, {}).get("buckets", [])
            pairs = [(_bucket_key(b["key"]), int(b["doc_count"])) for b in buckets]
            if facet == "years":
                pairs = [(k, n) for k, n in pairs if k not in ("0", "")]
            counts[facet] = ordered_counts(dict(pairs), facet=facet)
        return counts

    def doc_count(self) -> int:
        return int(self._searcher.num_docs)

    def all_ids(self) -> set[int]:
        page = self.search(MatchAll(), None, SortOrder.RELEVANCE, None)
        return set(page.ids)

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    def close(self) -> None:
        self._release_writer()

    # -- translating our AST -------------------------------------------------------------------------

    def _query(self, ast: Node, filters: Filters | None) -> tantivy.Query:
        main = self._translate(ast) or tantivy.Query.all_query()
        restriction = self._filters(filters)
        if restriction is None:
            return main
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, main), (tantivy.Occur.Must, restriction)])

    def _translate(self, node: Node) -> tantivy.Query | None:
        occur = tantivy.Occur
        if isinstance(node, MatchAll):
            return tantivy.Query.all_query()
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
                lambda f: tantivy.Query.fuzzy_term_query(
                    self._schema, f, stems[0], distance=node.distance, transposition_cost_one=True
                ),
            )
        if isinstance(node, DateRange):
            return self._date_range(node.low, node.high)
        if isinstance(node, Not):
            inner = self._translate(node.child)
            if inner is None:
                return None
            return tantivy.Query.boolean_query(
                [(occur.Must, tantivy.Query.all_query()), (occur.MustNot, inner)]
            )
        if isinstance(node, And | Or):
            parts = [q for q in (self._translate(c) for c in node.children) if q is not None]
            if not parts:
                return None
            if len(parts) == 1:
                return parts[0]
            kind = occur.Must if isinstance(node, And) else occur.Should
            return tantivy.Query.boolean_query([(kind, part) for part in parts])
        raise SearchIndexError(f"the tantivy engine cannot translate {node!r}")

    def _any_field(self, field: str | None, make: Callable[[str], tantivy.Query]) -> tantivy.Query:
        if field is not None:
            return make(field)
        return tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, make(f) if boost == 1.0 else tantivy.Query.boost_query(make(f), boost))
                for f, boost in DEFAULT_FIELDS.items()
            ]
        )

    def _words(self, field: str | None, words: list[str]) -> tantivy.Query | None:
        stems = [s for word in words for s in self.stem(word)]
        if not stems:
            return None
        if len(stems) == 1:
            return self._any_field(field, lambda f: tantivy.Query.term_query(self._schema, f, stems[0]))
        phrase: list[str | tuple[int, str]] = list(stems)
        return self._any_field(field, lambda f: tantivy.Query.phrase_query(self._schema, f, phrase))

    def _prefix(self, node: Prefix) -> tantivy.Query:
        prefix = fold_word(node.text)
        stem = self.stem(node.text)
        names = [node.field] if node.field else list(PREFIX_FIELDS)
        alternatives: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for name in names:
            found = dict(self._searcher.terms_with_prefix(name, prefix, limit=4096))
            if stem and stem[0] not in found:
                frequency = self._searcher.doc_freq(name, stem[0])
                if frequency:
                    found[stem[0]] = frequency
            top = sorted(found, key=found.__getitem__, reverse=True)[:PREFIX_EXPANSION_CAP]
            if not top:
                continue
            terms = tantivy.Query.term_set_query(self._schema, name, top)
            boost = DEFAULT_FIELDS.get(name, 1.0) if node.field is None else 1.0
            alternatives.append((tantivy.Occur.Should, tantivy.Query.boost_query(terms, boost)))
        return tantivy.Query.boolean_query(alternatives) if alternatives else tantivy.Query.empty_query()

    def _date_range(self, low: int | None, high: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(
            self._schema,
            "date",
            tantivy.FieldType.Unsigned,
            lower_bound=low or 1,
            upper_bound=high if high is not None else 99_999_999,
        )

    def _filters(self, filters: Filters | None) -> tantivy.Query | None:
        if filters is None or filters.is_empty():
            return None
        occur = tantivy.Occur
        parts: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for facet, values in (
            ("series", filters.series),
            ("topics", filters.topics),
            ("authors", filters.authors),
            ("sites", filters.sites),
        ):
            if values:
                parts.append(
                    (occur.Must, tantivy.Query.term_set_query(self._schema, f"k_{facet}", list(values)))
                )
        if filters.years:
            parts.append(
                (occur.Must, tantivy.Query.term_set_query(self._schema, "year", list(filters.years)))
            )
        if filters.date_from or filters.date_to:
            parts.append(
                (
                    occur.Must,
                    self._date_range(
                        filter_bound(filters.date_from, high=False), filter_bound(filters.date_to, high=True)
                    ),
                )
            )
        return parts[0][1] if len(parts) == 1 else tantivy.Query.boolean_query(parts)


def _bucket_key(key: Any) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
