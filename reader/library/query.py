"""Offprint's search language, parsed once into a small AST that every engine translates.

Grammar (operators are upper case; lower-case ``and``/``or``/``not`` are words)::

    query   := or ( "OR" or )*          -- and binds tighter than OR
    and     := unary ( ["AND"] unary )*
    unary   := "NOT" unary | "-" atom | atom
    atom    := "(" query ")" | [field ":"] value
    value   := '"' words '"' | word ["*"] | word "~" [1|2] | range

Fields: ``title: author: site: series: topic:`` (text), ``year:2026`` or ``year:2020..2024``,
``date:2025-01..2026-06`` (either end may be left open).  A malformed query raises
:class:`reader.errors.QueryError` naming the query, the column and the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.errors import QueryError

TEXT_FIELDS = {
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "site": "site",
    "series": "series",
    "topic": "topics",
    "topics": "topics",
}
RANGE_FIELDS = ("year", "date")
MAX_FUZZY = 2


@dataclass(frozen=True)
class Term:
    field: str | None  # None: the default fields (title, body, authors, site, series, topics)
    text: str


@dataclass(frozen=True)
class Phrase:
    field: str | None
    words: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    field: str | None
    text: str


@dataclass(frozen=True)
class Fuzzy:
    field: str | None
    text: str
    distance: int


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds as YYYYMMDD integers (a ``year:`` range is a date range too)."""

    low: int | None
    high: int | None


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class MatchAll:
    pass


Node = Term | Phrase | Prefix | Fuzzy | DateRange | And | Or | Not | MatchAll

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<lparen>\()|(?P<rparen>\))|
        (?P<minus>-)(?=[^\s)])|
        (?P<field>[A-Za-z]+):(?=\S)|
        (?P<quote>"[^"]*"?)|
        (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)


@dataclass
class _Token:
    kind: str
    text: str
    column: int


def _tokenise(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(query):
        found = _TOKEN.match(query, pos)
        if not found or found.end() == pos:
            if query[pos:].strip() == "":
                break
            raise _error(query, pos, "unexpected character")
        kind = found.lastgroup or ""
        start = found.start(kind)
        tokens.append(_Token(kind, found.group(kind), start + 1))
        pos = found.end()
    return tokens


def _error(query: str, index: int, problem: str) -> QueryError:
    return QueryError(f"cannot understand the search {query!r}: {problem} at column {index + 1}")


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenise(query)
        self.pos = 0

    def fail(self, problem: str, token: _Token | None = None) -> QueryError:
        column = token.column if token else len(self.query) + 1
        return QueryError(f"cannot understand the search {self.query!r}: {problem} at column {column}")

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def is_operator(self, token: _Token | None, name: str) -> bool:
        return token is not None and token.kind == "word" and token.text == name

    def parse(self) -> Node:
        if not self.tokens:
            return MatchAll()
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise self.fail("a ')' without a matching '('", extra)
        return node

    def parse_or(self) -> Node:
        children = [self.parse_and()]
        while self.is_operator(self.peek(), "OR"):
            operator = self.tokens[self.pos]
            self.pos += 1
            if self.peek() is None or self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise self.fail("OR needs something after it", operator)
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def parse_and(self) -> Node:
        children = [self.parse_unary()]
        while True:
            token = self.peek()
            if token is None or token.kind == "rparen" or self.is_operator(token, "OR"):
                break
            if self.is_operator(token, "AND"):
                self.pos += 1
                following = self.peek()
                if following is None or following.kind == "rparen" or self.is_operator(following, "OR"):
                    raise self.fail("AND needs something after it", token)
            children.append(self.parse_unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.fail("the search ends too early")
        if self.is_operator(token, "NOT"):
            self.pos += 1
            if self.peek() is None or self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise self.fail("NOT needs something after it", token)
            return Not(self.parse_unary())
        if token.kind == "minus":
            self.pos += 1
            return Not(self.parse_atom())
        return self.parse_atom()

    def parse_atom(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.fail("the search ends too early")
        if token.kind == "lparen":
            self.pos += 1
            if self.peek() is not None and self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise self.fail("empty parentheses", token)
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise self.fail("a '(' is never closed", token)
            self.pos += 1
            return node
        if token.kind == "rparen":
            raise self.fail("a ')' without a matching '('", token)
        if token.kind in ("AND", "OR") or self.is_operator(token, "AND") or self.is_operator(token, "OR"):
            raise self.fail(f"{token.text} needs something before it", token)
        field = None
        if token.kind == "field":
            field = token.text.lower()
            self.pos += 1
            value = self.peek()
            if value is None or value.kind not in ("word", "quote"):
                raise self.fail(f"{field}: needs a value", token)
            if field in RANGE_FIELDS:
                self.pos += 1
                return self.range_value(field, value)
            if field not in TEXT_FIELDS:
                known = "title: author: site: series: topic: year: date:"
                raise self.fail(f"unknown field {field}: (known fields: {known})", token)
            field = TEXT_FIELDS[field]
            token = value
        self.pos += 1
        if token.kind == "quote":
            return self.phrase(field, token)
        return self.word(field, token)

    def phrase(self, field: str | None, token: _Token) -> Node:
        if len(token.text) < 2 or not token.text.endswith('"'):
            raise self.fail("a quotation mark is never closed", token)
        words = tuple(token.text[1:-1].split())
        if not words:
            raise self.fail("empty quotation marks", token)
        return Phrase(field, words) if len(words) > 1 else Term(field, words[0])

    def word(self, field: str | None, token: _Token) -> Node:
        text = token.text
        fuzzy = re.fullmatch(r"(.+?)~(\d*)", text)
        if fuzzy:
            distance = int(fuzzy.group(2) or 1)
            if not 1 <= distance <= MAX_FUZZY:
                raise self.fail(f"fuzzy distance must be 1 or 2 (got ~{fuzzy.group(2)})", token)
            return Fuzzy(field, fuzzy.group(1), distance)
        if "~" in text:
            raise self.fail("'~' goes at the end of a word, as in word~ or word~2", token)
        if text.endswith("*"):
            stem = text.rstrip("*")
            if not stem or "*" in stem:
                raise self.fail("'*' goes at the end of a word, as in negoti*", token)
            return Prefix(field, stem)
        if "*" in text:
            raise self.fail("'*' goes at the end of a word, as in negoti*", token)
        return Term(field, text)

    def range_value(self, field: str, token: _Token) -> Node:
        text = token.text.strip('"')
        low_text, dots, high_text = text.partition("..")
        low = date_bound(low_text, field, high=False) if low_text else None
        high = (
            date_bound(high_text if dots else low_text, field, high=True) if (high_text or not dots) else None
        )
        if (
            (low_text and low is None)
            or ((high_text or not dots) and high is None)
            or (not low_text and not high_text)
        ):
            example = "year:2026 or year:2020..2024" if field == "year" else "date:2025-01..2026-06"
            raise self.fail(f"{field}:{text} is not a {field} or range (try {example})", token)
        if low is not None and high is not None and low > high:
            raise self.fail(f"{field}:{text} ends before it starts", token)
        return DateRange(low, high)


_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def date_bound(text: str, field: str, *, high: bool) -> int | None:
    found = _BOUND.match(text)
    if not found or (field == "year" and (found.group(2) or found.group(3))):
        return None
    year = int(found.group(1))
    month = int(found.group(2)) if found.group(2) else None
    day = int(found.group(3)) if found.group(3) else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if high:
        return year * 10000 + (month if month is not None else 99) * 100 + (day if day is not None else 99)
    # A lower bound includes undated parts: 2025-01 starts at 20250100, 2025 at 20250000.
    return year * 10000 + (month or 0) * 100 + (day or 0)


def filter_bound(date: str | None, *, high: bool) -> int | None:
    """A ``Filters.date_from``/``date_to`` value as a YYYYMMDD bound (QueryError if it is not a date)."""
    if not date:
        return None
    value = date_bound(date.strip(), "date", high=high)
    if value is None:
        raise QueryError(f"the date filter {date!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


def parse_query(query: str) -> Node:
    """Parse ``query`` into an AST; ``""`` (or only spaces) is :class:`MatchAll`."""
    return _Parser(query or "").parse()


def positive_terms(node: Node) -> list[Term | Phrase | Prefix | Fuzzy]:
    """The text clauses a match can be highlighted for (negated ones are left out)."""
    if isinstance(node, Term | Phrase | Prefix | Fuzzy):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in positive_terms(child)]
    return []
