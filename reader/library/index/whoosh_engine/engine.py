"""The whoosh engine's :class:`~reader.library.index.base.SearchIndex`: opening, writing, searching.

One searcher is reused for every query and replaced after commits (``refresh()`` would keep stale
deletions); what is read through it (the value columns, the translated query, the last matching
set) belongs to it and goes with it, while what is learnt per segment (postings, completion tables)
is kept for the segments that remain.  A query of words alone is scored without whoosh's collector
(:mod:`.word_scores`); anything else is collected by whoosh, the top hits and the whole matching
set in one pass.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from whoosh import collectors, index

from reader.errors import SearchIndexError
from reader.library.index.base import ORDER_ID_SPAN, IndexDoc, IndexPage, break_ties, sorts_by_date
from reader.library.index.whoosh_engine.columns import Columns
from reader.library.index.whoosh_engine.completions import Completions
from reader.library.index.whoosh_engine.postings import Postings, segment_id
from reader.library.index.whoosh_engine.queries import WhooshQueries
from reader.library.index.whoosh_engine.schema import fields_of, make_schema
from reader.library.index.whoosh_engine.scoring import WEIGHTING
from reader.library.index.whoosh_engine.word_scores import ranked_page, word_scores, word_unions
from reader.library.query import Node
from reader.library.types import Filters, SortOrder


class _TopAndAll(collectors.TopCollector):  # type: ignore[misc]
    """The top N by score, and the set of every matching document, in one pass."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)  # no block skipping: every match is seen

    def _collect(self, global_docnum: int, score: float) -> float:
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)  # type: ignore[no-any-return]


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
            self._searcher = self._ix.searcher(weighting=WEIGHTING)
        except Exception as exc:  # whoosh raises many kinds on damaged folders
            raise SearchIndexError(f"cannot open the whoosh index in {folder}: {exc}") from exc
        self._analyzer = self._ix.schema["body"].analyzer
        self._completion_table = Completions()
        self._postings = Postings()
        self._stems: dict[str, list[str]] = {}
        self._start_searcher()

    # -- writing -------------------------------------------------------------------------------------

    def write(self, upserts: Sequence[IndexDoc] = (), deletes: Sequence[int] = ()) -> None:
        if not upserts and not deletes:
            return
        writer = self._ix.writer(limitmb=128, compound=False)
        try:
            for article_id in deletes:
                writer.delete_by_term("id", str(article_id))
            for doc in upserts:
                writer.update_document(**fields_of(doc))
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
                writer.add_document(**fields_of(doc))
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
        self._searcher = self._ix.searcher(weighting=WEIGHTING)
        self._start_searcher()

    def _start_searcher(self) -> None:
        """What is read through the searcher starts afresh with it; per-segment caches keep the
        segments it still has."""
        reader = self._searcher.reader()
        segments = {segment_id(leaf) for leaf, _ in reader.leaf_readers()}
        self._completion_table.forget_all_but(segments)
        self._postings.forget_all_but(segments)
        self._columns = Columns(reader)
        self._queries = WhooshQueries(reader, self.stem, self._completion_table, self._postings)
        self._docset_cache: tuple[str, Collection[int]] | None = None
        self._scores_cache: tuple[str, dict[int, float] | None] | None = None

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
            return ranked_page(scores, self._columns.orders(), by_date=by_date, wanted=wanted, offset=offset)
        q = self._queries.whole(ast, filters)
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
        orders = self._columns.orders()
        ids = [orders[docnum] % ORDER_ID_SPAN for _, docnum in top]
        scores_ = [0.0 if by_date else float(score) for score, _ in top]
        if not by_date:
            ids, scores_ = break_ties(ids, scores_)
        return IndexPage(ids=ids, scores=scores_, total=len(collector.docset))

    def _word_scores(self, ast: Node, filters: Filters | None) -> dict[int, float] | None:
        """Every match with its score when the query is words alone (see :mod:`.word_scores`); None for
        anything else.  The last answer is kept: the app asks for the ids, then the facet counts, of
        the same query."""
        key = repr((ast, filters))
        if self._scores_cache is not None and self._scores_cache[0] == key:
            return self._scores_cache[1]
        unions = word_unions(self._queries.main(ast))
        scores = (
            None
            if unions is None
            else word_scores(unions, self._searcher, self._columns.filter_test(filters))
        )
        self._scores_cache = (key, scores)
        return scores

    def search_with_facets(
        self, ast: Node, filters: Filters | None, sort: SortOrder, limit: int, offset: int = 0
    ) -> tuple[IndexPage, dict[str, dict[str, int]]]:
        page = self.search(ast, filters, sort, limit, offset)
        return page, self.facets(ast, filters)  # shares the matching set search() computed

    def facets(
        self, ast: Node, filters: Filters | None, *, every_value: bool = False
    ) -> dict[str, dict[str, int]]:
        self._up_to_date()
        return self._columns.facet_counts(self._docset(ast, filters), every_value=every_value)

    def _docset(self, ast: Node, filters: Filters | None) -> Collection[int]:
        key = repr((ast, filters))
        if self._docset_cache is not None and self._docset_cache[0] == key:
            return self._docset_cache[1]
        scores = self._word_scores(ast, filters)
        docs: Collection[int] = (
            scores.keys()
            if scores is not None
            else set(self._searcher.docs_for_query(self._queries.whole(ast, filters)))
        )
        self._docset_cache = (key, docs)
        return docs

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
