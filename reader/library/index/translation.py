"""The walk from a parsed query (:mod:`reader.library.query`) to an engine's query, one for both engines.

Both engines read the AST the same way, and this is that reading: a word is looked for in every
field, weighted by ``FIELD_BOOSTS``, unless the query names one; a word the analyser makes several
terms of is the phrase of those terms; a lone character of a script without spaces is a prefix (it
is indexed alone and inside bigrams); a prefix of two or more such characters is the phrase of its
bigrams, found anywhere in a word; a fuzzy word is its first term; a keyword clause (a collection's
article ids, a facet value or a flag the library asks for) is the engine's exact-value lookup; NOT of
nothing, and an AND or OR of nothing, are nothing.

Each engine subclasses :class:`QueryTranslator` to build its own query objects, and keeps to itself
what its index does differently: completing the word being typed (whoosh keeps per-letter tables of
frequent terms and scores the exact word and its completions in one pass; tantivy lists terms by
prefix and takes the best completion per field with a disjunction-max), an unclosed phrase, and the
filters (each engine indexes facet values, years and dates its own way).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from reader.errors import SearchIndexError
from reader.library.index.analysis import has_no_space_script, is_lone_character
from reader.library.index.base import FACET_FIELDS, FIELD_BOOSTS
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
)
from reader.library.types import Filters

Q = TypeVar("Q")


def field_boosts(field: str | None) -> list[tuple[str, float]]:
    """Where a word is looked for, with its weight there: the field the query names, or every field."""
    return [(field, 1.0)] if field is not None else list(FIELD_BOOSTS.items())


def facet_choices(filters: Filters) -> list[tuple[str, list[str]]]:
    """(facet, values ticked) of each facet with values ticked in ``filters``."""
    return [(facet, values) for facet in FACET_FIELDS if (values := getattr(filters, facet))]


class QueryTranslator(ABC, Generic[Q]):
    """The AST walk shared by the engines; a subclass builds ``Q``, its engine's query objects."""

    engine: str
    stem: Callable[[str], list[str]]  # the engine's analyser: the indexed terms a word becomes

    def translate(self, node: Node) -> Q | None:
        """``node`` as the engine's query; None where it asks for nothing (no word survives analysis)."""
        if isinstance(node, MatchAll):
            return self.everything()
        if isinstance(node, Term):
            return self.words(node.field, [node.text])
        if isinstance(node, Phrase):
            return self.phrase_prefix(node) if node.prefix else self.words(node.field, list(node.words))
        if isinstance(node, Typed):
            return self.typed(node)
        if isinstance(node, Prefix):
            return self.prefix(node.field, node.text)
        if isinstance(node, Fuzzy):
            stems = self.stem(node.text)
            return self.fuzzy(node.field, stems[0], node.distance) if stems else None
        if isinstance(node, DateRange):
            return self.date_range(node.low, node.high)
        if isinstance(node, Keyword):
            return self.keyword(node.field, node.values)
        if isinstance(node, Not):
            inner = self.translate(node.child)
            return self.negate(inner) if inner is not None else None
        if isinstance(node, And | Or):
            return self._compound(node)
        raise SearchIndexError(f"the {self.engine} engine cannot translate {node!r}")

    def _compound(self, node: And | Or) -> Q | None:
        parts = [q for q in (self.translate(c) for c in node.children) if q is not None]
        if not parts:
            return None
        return self.all_of(parts) if isinstance(node, And) else self.any_of(parts)

    def words(self, field: str | None, words: list[str]) -> Q | None:
        """Words in this order: one term, or the phrase of their terms."""
        stems = [s for word in words for s in self.stem(word)]
        if not stems:
            return None
        if len(stems) == 1 and is_lone_character(stems[0]):
            return self.prefix(field, stems[0])  # indexed only alone or in bigrams: find both
        if len(stems) == 1:
            return self.term(field, stems[0])
        return self.phrase(field, stems)

    def prefix(self, field: str | None, text: str) -> Q:
        """Words that begin with ``text``."""
        if has_no_space_script(text) and len(self.stem(text)) > 1:
            found = self.words(field, [text])  # two or more characters: their bigrams, anywhere in a word
        else:
            found = self.completed(field, text)
        return found if found is not None else self.nothing()

    # -- what each engine builds ---------------------------------------------------------------------

    @abstractmethod
    def everything(self) -> Q:
        """Every document."""

    @abstractmethod
    def nothing(self) -> Q:
        """No document."""

    @abstractmethod
    def term(self, field: str | None, stem: str) -> Q:
        """One indexed term, in ``field`` or (None) in every field."""

    @abstractmethod
    def phrase(self, field: str | None, stems: list[str]) -> Q:
        """Terms next to each other in this order."""

    @abstractmethod
    def fuzzy(self, field: str | None, stem: str, distance: int) -> Q:
        """Terms within ``distance`` edits of ``stem``."""

    @abstractmethod
    def date_range(self, low: int | None, high: int | None) -> Q:
        """Publication dates (YYYYMMDD) from ``low`` to ``high``, inclusive; None: open."""

    @abstractmethod
    def keyword(self, field: str, values: tuple[str, ...]) -> Q:
        """Documents with any of ``values`` in the keyword field ``field``: a facet, a flag of
        ``USER_KEYWORDS``, or ``id`` (article ids); none when ``values`` is empty."""

    @abstractmethod
    def negate(self, inner: Q) -> Q:
        """Every document ``inner`` does not match."""

    @abstractmethod
    def all_of(self, parts: list[Q]) -> Q:
        """Documents every one of ``parts`` matches (one part or more)."""

    @abstractmethod
    def any_of(self, parts: list[Q]) -> Q:
        """Documents any of ``parts`` matches (one part or more)."""

    @abstractmethod
    def typed(self, node: Typed) -> Q | None:
        """The word being typed: itself, or (weighing less) the words it begins."""

    @abstractmethod
    def completed(self, field: str | None, text: str) -> Q | None:
        """The indexed words that begin with ``text`` (their most frequent); None if there are none."""

    @abstractmethod
    def phrase_prefix(self, node: Phrase) -> Q | None:
        """An unclosed quotation while typing: the words so far in order, the last one completed."""
