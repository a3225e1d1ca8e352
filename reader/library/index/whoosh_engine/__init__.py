"""The whoosh engine (the default): pure Python, comfortable up to ~20,000 articles.

Measured choices: non-compound segments (small memory, fast open and delete), one searcher reused
for every query and replaced after commits, facet counts read from value columns (cached per
searcher) instead of ``groupedby``, a prefix expanded to its most frequent terms only (found
through per-segment tables), the top hits and the whole matching set collected in one pass, idf ×
BM25's saturated term frequency instead of BM25F (no per-posting field-length reads), and a
one-pass analyser (whoosh spends most of an import analysing text).  Text is indexed, never stored.

Search as you type is mostly ORs of many terms over broad postings, whoosh's slowest query: an OR
of terms reads each term's postings a block at a time, decoded postings stay in memory per
segment, and a query of words alone, with its filters tested on the cached columns, never goes
through whoosh's per-document matchers and collector.

By job:

- :mod:`.engine` — :class:`WhooshIndex`, the ``SearchIndex``: opening, writing, searching, facets;
- :mod:`.schema` — the fields, the one-pass analyser, an article as fields;
- :mod:`.queries` — our query AST as whoosh queries (the walk shared with tantivy, in
  :mod:`..translation`), the filters as queries;
- :mod:`.word_scores` — the fast path of a query of words alone, and its ranking;
- :mod:`.postings` — postings read a block at a time, cached per segment; the OR of terms;
- :mod:`.scoring` — idf × BM25's saturated term frequency;
- :mod:`.completions` — a prefix's most frequent completions, per-letter tables per segment;
- :mod:`.columns` — the value columns: facet counts, filters tested on them, the date order;
- :mod:`.id_sets` — a collection's article ids as a query, found from each segment's order column.

An index's table of contents pickles its schema, which names the analyser's classes as
``reader.library.index.whoosh_engine.FoldingStemTokenizer`` and ``...FastPositions``: they must stay
importable here.
"""

from reader.library.index.whoosh_engine.engine import WhooshIndex
from reader.library.index.whoosh_engine.schema import (
    FastPositions,
    FoldingStemTokenizer,
    make_analyzer,
    make_schema,
)

__all__ = ["FastPositions", "FoldingStemTokenizer", "WhooshIndex", "make_analyzer", "make_schema"]
