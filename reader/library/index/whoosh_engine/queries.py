"""Our query AST as whoosh queries: the shared walk (:mod:`..translation`) with whoosh's own pieces.

A word in every field, and the word being typed with its completions, become one :class:`TermUnion`
each, so that a query of words alone can skip whoosh's matchers (see :mod:`.word_scores`).  Filters
become queries on the keyword and numeric fields here; the word-only path tests them on the value
columns instead (:mod:`.columns`).  One translator serves one searcher and remembers its last query:
``search()`` and ``facets()`` for the same input arrive back to back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh import query

from reader.library.index.analysis import fold_word, has_no_space_script, stem_heads
from reader.library.index.base import FIELD_BOOSTS, PREFIX_WEIGHT, completion_fields, prefix_cap
from reader.library.index.translation import QueryTranslator, facet_choices, field_boosts
from reader.library.index.whoosh_engine.completions import WHOOSH_PREFIX_CAP, Completions
from reader.library.index.whoosh_engine.id_sets import IdSet
from reader.library.index.whoosh_engine.postings import Postings, TermUnion
from reader.library.index.whoosh_engine.schema import keyword_term
from reader.library.query import Node, Phrase, Typed, filter_bound
from reader.library.types import Filters


class WhooshQueries(QueryTranslator[query.Query]):
    """Translates for one searcher (``reader`` is its index reader); prefixes expand against its terms."""

    engine = "whoosh"

    def __init__(
        self,
        reader: Any,
        stem: Callable[[str], list[str]],
        completion_table: Completions,
        postings: Postings,
    ) -> None:
        self._reader = reader
        self.stem = stem
        self._completion_table = completion_table
        self._postings = postings
        self._query_cache: tuple[str, query.Query] | None = None
        self._main_cache: tuple[str, query.Query] | None = None

    def whole(self, ast: Node, filters: Filters | None) -> query.Query:
        """The whole query: ``ast`` and the filters (translated, and prefixes expanded, once)."""
        key = repr((ast, filters))
        if self._query_cache is not None and self._query_cache[0] == key:
            return self._query_cache[1]
        main = self.main(ast)
        restriction = self._filters(filters)
        translated = main if restriction is None else query.And([main, restriction])
        self._query_cache = (key, translated)
        return translated

    def main(self, ast: Node) -> query.Query:
        """The query without the filters (translated, prefixes expanded, once per query)."""
        key = repr(ast)
        if self._main_cache is not None and self._main_cache[0] == key:
            return self._main_cache[1]
        translated = self.translate(ast) or query.Every()
        self._main_cache = (key, translated)
        return translated

    # -- the pieces of the shared walk ---------------------------------------------------------------

    def everything(self) -> query.Query:
        return query.Every()

    def nothing(self) -> query.Query:
        return query.NullQuery

    def term(self, field: str | None, stem: str) -> query.Query:
        if field is None:  # one word in every field: one pass over its postings per field
            return TermUnion([(f, stem, boost) for f, boost in FIELD_BOOSTS.items()], self._postings)
        return query.Term(field, stem)

    def phrase(self, field: str | None, stems: list[str]) -> query.Query:
        return self._any_field(field, lambda f, b: query.Phrase(f, stems, boost=b))

    def fuzzy(self, field: str | None, stem: str, distance: int) -> query.Query:
        return self._any_field(
            field, lambda f, b: query.FuzzyTerm(f, stem, boost=b, maxdist=distance, prefixlength=0)
        )

    def date_range(self, low: int | None, high: int | None) -> query.Query:
        return query.NumericRange("date", low or 1, high)

    def keyword(self, field: str, values: tuple[str, ...]) -> query.Query:
        if field == "id":  # a collection's articles: thousands of ids, one pass over a column
            return IdSet(frozenset(int(v) for v in values))
        terms = [query.Term(f"k_{field}", keyword_term(v)) for v in values]
        return query.Or(terms) if terms else query.NullQuery

    def negate(self, inner: query.Query) -> query.Query:
        return query.Not(inner)

    def all_of(self, parts: list[query.Query]) -> query.Query:
        if all(isinstance(p, query.Not) for p in parts):
            parts = [query.Every(), *parts]
        return parts[0] if len(parts) == 1 else query.And(parts)

    def any_of(self, parts: list[query.Query]) -> query.Query:
        return parts[0] if len(parts) == 1 else query.Or(parts)

    def typed(self, node: Typed) -> query.Query | None:
        """The word itself (full weight) or any word it begins (less): exact matches rank first."""
        if has_no_space_script(node.text):
            return self.prefix(node.field, node.text)  # a run of bigrams matches inside words already
        stems = self.stem(node.text)
        completions = self._completions(node.field, node.text, exclude=set(stems[:1]), wide=node.wide)
        exact = [(f, stems[0], boost) for f, boost in field_boosts(node.field)] if len(stems) == 1 else []
        terms = exact + [(f, term, boost * PREFIX_WEIGHT) for f, term, boost in completions]
        if len(stems) > 1:  # a word the analyser splits (e.g. "x_y" → a phrase): the phrase, or completions
            phrase = self.words(node.field, [node.text])
            return query.Or([phrase, TermUnion(terms, self._postings)]) if terms and phrase else phrase
        return TermUnion(terms, self._postings) if terms else None

    def completed(self, field: str | None, text: str) -> query.Query | None:
        terms = self._completions(field, text, exclude=set())
        return TermUnion(terms, self._postings) if terms else None

    def phrase_prefix(self, node: Phrase) -> query.Query | None:
        stems = [s for word in node.words[:-1] for s in self.stem(word)]
        last = node.words[-1]
        if not stems or has_no_space_script(last):
            return self.words(node.field, list(node.words))
        alternatives: list[query.Query] = []
        for name, boost in field_boosts(node.field):
            ends = [term for f, term, _ in self._completions(name, last, exclude=set()) if f == name]
            ends += [t for t in self.stem(last)[:1] if t not in ends]
            if ends:
                words = [query.Term(name, stem) for stem in stems]
                last_word = query.Or([query.Term(name, term) for term in ends])
                alternatives.append(query.Sequence([*words, last_word], boost=boost))
        return query.Or(alternatives) if alternatives else None

    # -- whoosh's own ----------------------------------------------------------------------------------

    def _any_field(self, field: str | None, make: Callable[[str, float], query.Query]) -> query.Query:
        if field is not None:
            return make(field, 1.0)
        return query.Or([make(f, boost) for f, boost in FIELD_BOOSTS.items()])

    def _completions(
        self, field: str | None, text: str, exclude: set[str], *, wide: bool = False
    ) -> list[tuple[str, str, float]]:
        """(field, term, boost) of the most frequent indexed terms a word starting with ``text`` may have."""
        prefix = fold_word(text)
        if not prefix:
            return []
        reader = self._reader
        candidates = [*self.stem(text)[:1], *stem_heads(prefix)]
        cap = prefix_cap(prefix, WHOOSH_PREFIX_CAP, wide=wide)
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

    def _filters(self, filters: Filters | None) -> query.Query | None:
        if filters is None or filters.is_empty():
            return None
        parts: list[query.Query] = []
        for facet, values in facet_choices(filters):
            terms = [query.Term(f"k_{facet}", keyword_term(v)) for v in values]
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
