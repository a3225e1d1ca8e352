"""The search language: every form parses to the AST the engines translate; mistakes get clear messages."""

from __future__ import annotations

import re

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
    Typed,
    clause_text,
    has_typed,
    parse_query,
    positive_terms,
    widened,
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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harb", Typed(None, "harb")),
        ("harbour lev", And((Term(None, "harbour"), Typed(None, "lev")))),
        ("title:harb", Typed("title", "harb")),
        ('"sea ic', Phrase(None, ("sea", "ic"), prefix=True)),  # the phrase so far, its last word completed
        ('"sea', Typed(None, "sea")),
        ('title:"sea ic', Phrase("title", ("sea", "ic"), prefix=True)),
        ("(levy OR harb", Or((Term(None, "levy"), Typed(None, "harb")))),  # the bracket closed for the user
        ("(levy OR", Typed(None, "levy")),
        ("levy AND", Typed(None, "levy")),
        ("levy -", Typed(None, "levy")),
        ("levy title:", Typed(None, "levy")),  # a bare field is left out
        ("title: levy", Typed(None, "levy")),
        ("levy year:20", Typed(None, "levy")),  # a year being typed is left out until it is one
        ("levy date:2025-", Typed(None, "levy")),
        ("levy year:2025", And((Term(None, "levy"), DateRange(20250000, 20259999)))),
        ('levy "', Typed(None, "levy")),
        ("levy -harb", And((Term(None, "levy"), Not(Term(None, "harb"))))),  # a negated word stays exact
        ("levy NOT harb", And((Term(None, "levy"), Not(Term(None, "harb"))))),
        ("negoti*", Prefix(None, "negoti")),  # written operators keep their meaning
        ("harbor~", Fuzzy(None, "harbor", 1)),
        ('"sea ice"', Phrase(None, ("sea", "ice"))),  # a closed phrase is finished
        ("(levy OR harbour)", Or((Term(None, "levy"), Term(None, "harbour")))),
        ("", MatchAll()),
        ('"', MatchAll()),
        ("(", MatchAll()),
        ("NOT", MatchAll()),
    ],
)
def test_as_you_type_reads_the_unfinished_end_leniently(query: str, expected: object) -> None:
    assert parse_query(query, as_you_type=True) == expected


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("colour:red", "unknown field colour:"),
        ("a)", "')' without a matching '('"),
        ("word~7", "fuzzy distance must be 1 or 2"),
        ("ne*go", "'*' goes at the end of a word"),
        ("OR a", "OR needs something before it"),
        ("year:20 levy", "is not a year or range"),  # not at the end: not being typed
        ("()", "empty parentheses"),
    ],
)
def test_as_you_type_still_rejects_what_no_typing_mends(query: str, problem: str) -> None:
    with pytest.raises(QueryError, match=re.escape(problem)):
        parse_query(query, as_you_type=True)


@pytest.mark.parametrize(
    "query", ['"sea ic', "(levy OR harb", "levy AND", "title:", "levy title:", "year:20"]
)
def test_the_same_unfinished_query_is_an_error_once_finished(query: str) -> None:
    parse_query(query, as_you_type=True)
    with pytest.raises(QueryError):
        parse_query(query)


def test_clause_text_writes_a_clause_back_as_typed() -> None:
    clauses = positive_terms(
        parse_query('title:levy "sea ice" negoti* harbor~2 author:baev lev', as_you_type=True)
    )
    assert [clause_text(c) for c in clauses] == [
        "title:levy",
        '"sea ice"',
        "negoti*",
        "harbor~2",
        "author:baev",
        "lev",
    ]


def test_widened_completes_every_typed_word_widely() -> None:
    ast = parse_query("levy -harb (quay OR lev", as_you_type=True)
    assert has_typed(ast) and not has_typed(widened(ast))
    assert widened(ast) == And(
        (Term(None, "levy"), Not(Term(None, "harb")), Or((Term(None, "quay"), Typed(None, "lev", wide=True))))
    )
    assert not has_typed(parse_query("levy quay"))
