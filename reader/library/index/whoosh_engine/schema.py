"""The whoosh index's fields, the one-pass analyser that fills them, and an article as those fields.

Text is indexed, never stored.  The analyser (:class:`FoldingStemTokenizer`, with
:class:`FastPositions` writing its postings) does in one generator what whoosh's chain of
tokenizer and filters does in four, because analysing text is most of a whoosh import.
Facet values are indexed twice: as keywords (``k_<facet>``) for filters written as queries,
and as value columns (``c_<facet>``) that :mod:`.columns` reads to count and filter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import Token, Tokenizer
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from reader.library.index.analysis import NO_SPACE_RUN, TOKEN, WORD, grams, has_no_space_script
from reader.library.index.base import FACET_FIELDS, USER_KEYWORDS, IndexDoc

VALUE_SEPARATOR = "\x1f"  # between the values of a facet column
_COMMA_STAND_IN = "\u2063"  # keyword values are comma-separated; a comma inside a value becomes this
# An index's table of contents pickles its schema, which names these classes by module.  They are
# pickled under the package's face, where they stay importable whichever file defines them: indexes
# written before this code moved open without a rebuild, and older releases open the indexes we write.
PICKLED_UNDER = "reader.library.index.whoosh_engine"

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


FoldingStemTokenizer.__module__ = FastPositions.__module__ = PICKLED_UNDER


def make_analyzer() -> Any:
    return FoldingStemTokenizer()


def _text_field(analyzer: Any) -> fields.TEXT:
    field = fields.TEXT(analyzer=analyzer, phrase=True)
    field.format = FastPositions(field_boost=field.format.field_boost)
    return field


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


def keyword_term(value: str) -> str:
    """A facet value as its ``k_<facet>`` field indexes it (the term a filter looks for)."""
    return value.replace(",", _COMMA_STAND_IN)


def _keyword(values: Sequence[str]) -> str:
    return ",".join(map(keyword_term, values))


def _column(values: Sequence[str]) -> bytes:
    return VALUE_SEPARATOR.join(values).encode("utf-8")


def fields_of(doc: IndexDoc) -> dict[str, Any]:
    """The article as the schema's fields, for ``add_document``/``update_document``."""
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
