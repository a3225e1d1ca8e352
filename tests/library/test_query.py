"""The search language: every form parses to the AST the engines translate; mistakes get clear messages."""

from __future__ import annotations

import pytest

from reader.errors import QueryError
from reader.library.query import (
    And,
    DateRange,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    parse_query,
    positive_terms,
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", MatchAll()),
        ("   ", MatchAll()),
        ("arctic", Term(None, "arctic")),
        ("sea ice", And((Term(None, "sea"), Term(None, "ice")))),
        ("sea AND ice", And((Term(None, "sea"), Term(None, "ice")))),
        ('"sea ice"', Phrase(None, ("sea", "ice"))),
        ("a OR b c", Or((Term(None, "a"), And((Term(None, "b"), Term(None, "c")))))),
        ("NOT a", Not(Term(None, "a"))),
        ("-a b", And((Not(Term(None, "a")), Term(None, "b")))),
        ("(a OR b) c", And((Or((Term(None, "a"), Term(None, "b"))), Term(None, "c")))),
        ("title:ice", Term("title", "ice")),
        ('author:"Pavel Baev"', Phrase("authors", ("Pavel", "Baev"))),
        ("site:x series:y topic:z", And((Term("site", "x"), Term("series", "y"), Term("topics", "z")))),
        ("negoti*", Prefix(None, "negoti")),
        ("title:neg*", Prefix("title", "neg")),
        ("word~", Fuzzy(None, "word", 1)),
        ("word~2", Fuzzy(None, "word", 2)),
        ("year:2026", DateRange(20260000, 20269999)),
        ("year:2020..2022", DateRange(20200000, 20229999)),
        ("date:2025-01..2026-06", DateRange(20250100, 20260699)),
        ("date:2025-03-04", DateRange(20250304, 20250304)),
        ("date:..2020", DateRange(None, 20209999)),
        ("date:2020..", DateRange(20200000, None)),
        ("and or not", And((Term(None, "and"), Term(None, "or"), Term(None, "not")))),
    ],
)
def test_parses(query: str, expected: object) -> None:
    assert parse_query(query) == expected


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ('"sea ice', "quotation mark is never closed"),
        ("(a OR b", "'(' is never closed"),
        ("a)", "')' without a matching '('"),
        ("a AND", "AND needs something after it"),
        ("OR a", "OR needs something before it"),
        ("a OR", "OR needs something after it"),
        ("NOT", "NOT needs something after it"),
        ("colour:red", "unknown field colour:"),
        ("date:2025-13", "is not a date or range"),
        ("year:twenty", "is not a year or range"),
        ("date:2026..2020", "ends before it starts"),
        ("word~7", "fuzzy distance must be 1 or 2"),
        ("ne*go", "'*' goes at the end of a word"),
        ('""', "empty quotation marks"),
        ("()", "empty parentheses"),
    ],
)
def test_malformed_queries_say_what_and_where(query: str, problem: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    message = str(caught.value)
    assert problem in message
    assert repr(query) in message and "column" in message


def test_negated_words_are_not_highlighted() -> None:
    terms = positive_terms(parse_query('arctic -ice "sea lanes" OR NOT treaty'))
    assert terms == [Term(None, "arctic"), Phrase(None, ("sea", "lanes"))]
