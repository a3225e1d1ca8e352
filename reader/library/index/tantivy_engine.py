"""The tantivy engine (official Python bindings): for large libraries.

Same fields as the whoosh engine, analysed by a registered ``offprint`` tokenizer
(split on non-alphanumerics, lower-case, ASCII-fold, English snowball stemmer) over
text we prepare first: NFKC-folded, with every run of a script without spaces
replaced by its bigrams between spaces (:func:`..analysis.spaced_grams`), so the
tokenizer indexes the same bigrams the whoosh engine does.  Queries are built from
terms analysed the same way, never parsed by tantivy, on the walk of the query AST both
engines share (:mod:`..translation`).
Facet values live in raw, fast text fields and are counted by a terms
aggregation; dates are a fast integer used for ranges, sorting and years.  Text is
indexed, never stored.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy

from reader.errors import SearchIndexError
from reader.library.index.analysis import (
    FACET_LIMIT,
    fold_word,
    has_no_space_script,
    ordered_counts,
    spaced_grams,
    stem_heads,
)
from reader.library.index.base import (
    FACET_FIELDS,
    FIELD_BOOSTS,
    PREFIX_EXPANSION_CAP,
    PREFIX_WEIGHT,
    USER_KEYWORDS,
    IndexDoc,
    IndexPage,
    break_ties,
    completion_fields,
    prefix_cap,
    sorts_by_date,
)
from reader.library.index.translation import QueryTranslator, facet_choices, field_boosts
from reader.library.query import MatchAll, Node, Phrase, Typed, filter_bound
from reader.library.types import Filters, SortOrder

TOKENIZER = "offprint"
# "Every value" of a facet, in tantivy's terms aggregation (its buckets are capped in all): more than a
# sidebar can list, fewer than the cap.
EVERY_VALUE_LIMIT = 10_000
TEXT_FIELDS = ("title", "body", "authors", "site", "series", "topics", "notes")


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
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=TOKENIZER, index_option="position")
    for facet in FACET_FIELDS:
        builder.add_text_field(
            f"k_{facet}", stored=False, fast=True, tokenizer_name="raw", index_option="basic"
        )
    for name in USER_KEYWORDS:
        builder.add_text_field(f"k_{name}", stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("date", indexed=True, fast=True)
    builder.add_unsigned_field("order", fast=True)
    builder.add_unsigned_field("year", indexed=True, fast=True)
    builder.add_unsigned_field("added", indexed=True, fast=True)
    builder.add_text_field("language", stored=False, tokenizer_name="raw", index_option="basic")
    return builder.build()


def prepare(text: str) -> str:
    """Text as the tokenizer must see it: NFKC-folded, runs of scripts without spaces as spaced bigrams."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    return spaced_grams(text) if has_no_space_script(text) else text


def _document(doc: IndexDoc) -> tantivy.Document:
    document = tantivy.Document()
    document.add_unsigned("id", doc.id)
    document.add_unsigned("date", doc.date_key)
    document.add_unsigned("order", doc.order_key)
    document.add_unsigned("year", doc.year or 0)
    document.add_unsigned("added", doc.added)
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
        "notes": [doc.notes],
        "k_flags": doc.flags,
    }
    for name, values in texts.items():
        for value in values:
            if value:
                document.add_text(name, prepare(value) if name in TEXT_FIELDS else value)
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
            cached = self._analyzer.analyze(prepare(word))
            if len(self._stems) < 200_000:
                self._stems[word] = cached
        return cached

    def search(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int | None, offset: int = 0
    ) -> IndexPage:
        searcher = self._current()
        q = self._query(ast, filters)
        if limit is None:
            limit, offset = max(_count(searcher.search(q, limit=1, count=True)), 1), 0
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
        ids = [int(v or 0) for v in searcher.fast_field_values("id", addresses)] if addresses else []
        scores = [0.0 if by_date else float(score) for score, _ in result.hits]
        if not by_date:
            ids, scores = break_ties(ids, scores)
        return IndexPage(ids=ids, scores=scores, total=_count(result) if count else len(ids))

    def facets(
        self, ast: Node, filters: Filters | None, *, every_value: bool = False
    ) -> dict[str, dict[str, int]]:
        size = EVERY_VALUE_LIMIT if every_value else FACET_LIMIT
        answer = self._current().aggregate(self._query(ast, filters), self._aggregations(size=size))
        return self._counts(answer, limit=None if every_value else FACET_LIMIT)

    @staticmethod
    def _aggregations(*, with_total: bool = False, size: int = FACET_LIMIT) -> dict[str, Any]:
        aggregations: dict[str, Any] = {
            facet: {"terms": {"field": f"k_{facet}", "size": size}} for facet in FACET_FIELDS
        }
        aggregations["years"] = {"terms": {"field": "year", "size": 5000}}
        aggregations["added"] = {
            "histogram": {"field": "added", "interval": 1, "min_doc_count": 1}  # per second, as whoosh
        }
        if with_total:
            aggregations["total"] = {"value_count": {"field": "order"}}
        return aggregations

    @staticmethod
    def _counts(answer: dict[str, Any], limit: int | None = FACET_LIMIT) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for facet in (*FACET_FIELDS, "years"):
            buckets = answer.get(facet, {}).get("buckets", [])
            pairs = [(_bucket_key(b["key"]), int(b["doc_count"])) for b in buckets]
            if facet == "years":
                pairs = [(k, n) for k, n in pairs if k not in ("0", "")]
            counts[facet] = ordered_counts(dict(pairs), facet=facet, limit=limit)
        seconds = answer.get("added", {}).get("buckets", [])  # the library makes Date Added windows of them
        counts["added"] = {str(int(b["key"])): int(b["doc_count"]) for b in seconds}
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

    def _query(self, ast: Node, filters: Filters | None) -> tantivy.Query:
        return TantivyQueries(self._schema, self.stem, self._searcher).whole(ast, filters)


class TantivyQueries(QueryTranslator[tantivy.Query]):
    """Our query AST as tantivy queries, built from terms analysed as the index analyses text (never
    parsed by tantivy); prefixes expand against ``searcher``'s terms."""

    engine = "tantivy"

    def __init__(
        self, schema: tantivy.Schema, stem: Callable[[str], list[str]], searcher: tantivy.Searcher
    ) -> None:
        self._schema = schema
        self.stem = stem
        self._searcher = searcher

    def whole(self, ast: Node, filters: Filters | None) -> tantivy.Query:
        """The whole query: ``ast`` and the filters."""
        main = self.translate(ast) or tantivy.Query.all_query()
        restriction = self._filters(filters)
        if restriction is None:
            return main
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, main), (tantivy.Occur.Must, restriction)])

    # -- the pieces of the shared walk ---------------------------------------------------------------

    def everything(self) -> tantivy.Query:
        return tantivy.Query.all_query()

    def nothing(self) -> tantivy.Query:
        return tantivy.Query.empty_query()

    def term(self, field: str | None, stem: str) -> tantivy.Query:
        return self._any_field(field, lambda f: tantivy.Query.term_query(self._schema, f, stem))

    def phrase(self, field: str | None, stems: list[str]) -> tantivy.Query:
        phrase: list[str | tuple[int, str]] = list(stems)
        return self._any_field(field, lambda f: tantivy.Query.phrase_query(self._schema, f, phrase))

    def fuzzy(self, field: str | None, stem: str, distance: int) -> tantivy.Query:
        return self._any_field(
            field,
            lambda f: tantivy.Query.fuzzy_term_query(
                self._schema, f, stem, distance=distance, transposition_cost_one=True
            ),
        )

    def date_range(self, low: int | None, high: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(
            self._schema,
            "date",
            tantivy.FieldType.Unsigned,
            lower_bound=low or 1,
            upper_bound=high if high is not None else 99_999_999,
        )

    def keyword(self, field: str, values: tuple[str, ...]) -> tantivy.Query:
        if not values:
            return tantivy.Query.empty_query()
        if field == "id":
            return tantivy.Query.term_set_query(self._schema, "id", [int(v) for v in values])
        return tantivy.Query.term_set_query(self._schema, f"k_{field}", list(values))

    def negate(self, inner: tantivy.Query) -> tantivy.Query:
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.all_query()), (tantivy.Occur.MustNot, inner)]
        )

    def all_of(self, parts: list[tantivy.Query]) -> tantivy.Query:
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, part) for part in parts])

    def any_of(self, parts: list[tantivy.Query]) -> tantivy.Query:
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, part) for part in parts])

    def typed(self, node: Typed) -> tantivy.Query | None:
        """The word itself (full weight) or any word it begins (less): exact matches rank first."""
        if has_no_space_script(node.text):
            return self.prefix(node.field, node.text)  # a run of bigrams matches inside words already
        exact = self.words(node.field, [node.text])
        completions = self._completions(node.field, node.text, weight=PREFIX_WEIGHT, wide=node.wide)
        parts = [q for q in (exact, completions) if q is not None]
        return _should(parts) if parts else None

    def completed(self, field: str | None, text: str) -> tantivy.Query | None:
        return self._completions(field, text, weight=1.0)

    def phrase_prefix(self, node: Phrase) -> tantivy.Query | None:
        stems = [s for word in node.words[:-1] for s in self.stem(word)]
        last = node.words[-1]
        if not stems or has_no_space_script(last):
            return self.words(node.field, list(node.words))
        alternatives: list[tantivy.Query] = []
        for name, boost in field_boosts(node.field):
            ends = self._completion_terms(name, last) or self.stem(last)[:1]
            if ends:
                pattern = "(?:" + "|".join(re.escape(term) for term in ends) + ")"
                words: list[str | tuple[int, str]] = [re.escape(stem) for stem in stems]
                words.append(pattern)
                phrase = tantivy.Query.regex_phrase_query(self._schema, name, words)
                alternatives.append(_boosted(phrase, boost))
        return _should(alternatives) if alternatives else None

    # -- tantivy's own ---------------------------------------------------------------------------------

    def _any_field(self, field: str | None, make: Callable[[str], tantivy.Query]) -> tantivy.Query:
        if field is not None:
            return make(field)
        return _should([_boosted(make(f), boost) for f, boost in FIELD_BOOSTS.items()])

    def _completions(
        self, field: str | None, text: str, *, weight: float, wide: bool = False
    ) -> tantivy.Query | None:
        """The most frequent indexed terms a word starting with ``text`` may have: in each field a
        document scores its best one (as the whoosh engine does), so a rare completion counts more
        than a common one and many completions count no more than one."""
        alternatives: list[tantivy.Query] = []
        first, fallback = ((field,), ()) if field else completion_fields(fold_word(text), wide=wide)
        for names in (first, fallback):
            for name in names:
                top = self._completion_terms(name, text, wide=wide)
                if top:
                    terms = [tantivy.Query.term_query(self._schema, name, term) for term in top]
                    best = terms[0] if len(terms) == 1 else tantivy.Query.disjunction_max_query(terms)
                    alternatives.append(_boosted(best, (1.0 if field else FIELD_BOOSTS[name]) * weight))
            if alternatives:
                break
        return _should(alternatives) if alternatives else None

    def _completion_terms(self, name: str, text: str, *, wide: bool = False) -> list[str]:
        prefix = fold_word(text)
        if not prefix:
            return []
        found = dict(self._searcher.terms_with_prefix(name, prefix, limit=4096))
        for candidate in (*self.stem(text)[:1], *stem_heads(prefix)):
            if candidate not in found:
                frequency = self._searcher.doc_freq(name, candidate)
                if frequency:
                    found[candidate] = frequency
        cap = prefix_cap(prefix, PREFIX_EXPANSION_CAP, wide=wide)
        return sorted(found, key=found.__getitem__, reverse=True)[:cap]

    def _filters(self, filters: Filters | None) -> tantivy.Query | None:
        if filters is None or filters.is_empty():
            return None
        occur = tantivy.Occur
        parts: list[tuple[tantivy.Occur, tantivy.Query]] = [
            (occur.Must, tantivy.Query.term_set_query(self._schema, f"k_{facet}", list(values)))
            for facet, values in facet_choices(filters)
        ]
        if filters.years:
            parts.append(
                (occur.Must, tantivy.Query.term_set_query(self._schema, "year", list(filters.years)))
            )
        if filters.date_from or filters.date_to:
            low = filter_bound(filters.date_from, high=False)
            parts.append((occur.Must, self.date_range(low, filter_bound(filters.date_to, high=True))))
        if filters.added_since is not None:
            since = tantivy.Query.range_query(
                self._schema, "added", tantivy.FieldType.Unsigned, filters.added_since, 2**63
            )
            parts.append((occur.Must, since))
        return parts[0][1] if len(parts) == 1 else tantivy.Query.boolean_query(parts)


def _count(result: tantivy.SearchResult) -> int:
    """How many documents matched (``count`` is missing from the bindings' type stubs)."""
    return int(getattr(result, "count", None) or 0)


def _boosted(q: tantivy.Query, boost: float) -> tantivy.Query:
    return q if boost == 1.0 else tantivy.Query.boost_query(q, boost)


def _should(parts: list[tantivy.Query]) -> tantivy.Query:
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, part) for part in parts])


def _bucket_key(key: Any) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
