"""Offprint's search language, parsed once into a small AST that every engine translates.

Grammar (operators are upper case; lower-case ``and``/``or``/``not`` are words)::

    query   := or ( "OR" or )*          -- and binds tighter than OR
    and     := unary ( ["AND"] unary )*
    unary   := "NOT" unary | "-" atom | atom
    atom    := "(" query ")" | [field ":"] value
    value   := '"' words '"' | word ["*"] | word "~" [1|2] | range

Fields: ``title: author: site: series: topic:`` (text), ``note:`` (the user's comments and notes),
``collection:`` (a collection's name, or its path ``Arctic/Shipping``), ``year:2026`` or ``year:2020..2024``,
``date:2025-01..2026-06`` (either end may be left open).  A malformed query raises
:class:`reader.errors.QueryError` naming the query, the column and the problem.

Search as you type (``as_you_type=True``, what the app's search field and ``offprint search`` use) reads
a query the user is still typing: the last unquoted word becomes a :class:`Typed` word (the word itself,
or any word it begins, exact matches ranked first); an unclosed quotation is the phrase so far (its last
word also a prefix); unclosed brackets are closed; a trailing ``AND``/``OR``/``NOT``/``-``, a bare
``field:`` or a half-typed ``year:``/``date:`` value is left out.  Only what no further typing could
mend (an unknown field, a ``)`` without its ``(``, ``word~7``…) still raises QueryError.  A finished
query (``as_you_type=False``, ``offprint search --exact``) is read exactly as written.
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
    "note": "notes",  # the user's comments on highlights and notes
    "notes": "notes",
    "collection": "collections",  # the user's collections, by name (the library resolves the names)
    "collections": "collections",
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
    prefix: bool = False  # an unclosed quotation while typing: the last word also matches as a prefix


@dataclass(frozen=True)
class Prefix:
    field: str | None
    text: str


@dataclass(frozen=True)
class Typed:
    """The word being typed: matches the word itself (ranked first) or any word it begins.

    The engines complete it to its most frequent words; ``wide`` asks for many more, everywhere
    (when the usual completions find nothing, so the list does not empty while a word is typed).
    """

    field: str | None
    text: str
    wide: bool = False


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
class Keyword:
    """Articles with any of ``values`` in a keyword field: a facet (``series``, ``topics``, ``authors``,
    ``sites``), ``flags`` (``annotated``) or ``id`` (article ids: a collection's articles).  Never parsed
    from a query: the library makes it of ``collection:NAME``, of the collections and "has annotations"
    filters and of saved searches."""

    field: str
    values: tuple[str, ...]


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


Node = Term | Phrase | Prefix | Typed | Fuzzy | DateRange | Keyword | And | Or | Not | MatchAll
TextClause = Term | Phrase | Prefix | Typed | Fuzzy

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


_BARE_FIELD = re.compile(r"^[A-Za-z]+:$")
_HAS_WORD = re.compile(r"\w")


def _dangling(token: _Token) -> bool:
    """A last token that only makes sense with more typed after it (left out while typing)."""
    if token.kind in ("lparen", "field", "minus"):
        return True
    if token.kind == "quote":
        return not token.text[1:].strip('" ')  # `"` or `""`: nothing quoted yet
    if token.kind == "word":
        return (
            token.text in ("AND", "OR", "NOT")
            or bool(_BARE_FIELD.match(token.text))
            or not _HAS_WORD.search(token.text)
        )
    return False


def _half_typed_range(tokens: list[_Token]) -> bool:
    """``year:20`` or ``date:2025-`` at the end: a date still being typed."""
    if len(tokens) < 2 or tokens[-2].kind != "field":
        return False
    field = tokens[-2].text.lower()
    if field not in RANGE_FIELDS:
        return False
    try:
        _Parser(f"{field}:{tokens[-1].text}").parse()
    except QueryError:
        return True
    return False


def _trim_typing_tail(tokens: list[_Token]) -> list[_Token]:
    tokens = list(tokens)
    while tokens:
        if _dangling(tokens[-1]):
            tokens.pop()
        elif _half_typed_range(tokens):
            del tokens[-2:]
        else:
            break
    return tokens


def _close_brackets(tokens: list[_Token], end_column: int) -> list[_Token]:
    depth = 0
    for token in tokens:
        depth += {"lparen": 1, "rparen": -1}.get(token.kind, 0)
        if depth < 0:
            return tokens  # a ')' without its '(': no typing mends that, the parser says so
    return tokens + [_Token("rparen", "", end_column) for _ in range(depth)]  # "": closed for the user


def _typed_token(tokens: list[_Token]) -> _Token | None:
    """The last token when it is a word (or an open quotation) still being typed, and not negated."""
    real = tokens[: len(tokens) - _virtual_closers(tokens)]
    if not real:
        return None
    last = real[-1]
    before_at = -3 if len(real) > 1 and real[-2].kind == "field" else -2
    before = real[before_at] if len(real) >= -before_at else None
    if before is not None and (before.kind == "minus" or (before.kind == "word" and before.text == "NOT")):
        return None
    if last.kind == "quote":
        return last if _unclosed(last) else None
    if last.kind == "word" and "*" not in last.text and "~" not in last.text:
        return last
    return None


def _virtual_closers(tokens: list[_Token]) -> int:
    count = 0
    for token in reversed(tokens):
        if token.kind != "rparen" or token.text:
            break
        count += 1
    return count


def _unclosed(quote: _Token) -> bool:
    return len(quote.text) < 2 or not quote.text.endswith('"')


def _known_bare_field(token: _Token) -> bool:
    return (
        token.kind == "word"
        and bool(_BARE_FIELD.match(token.text))
        and token.text[:-1].lower() in (*TEXT_FIELDS, *RANGE_FIELDS)
    )


class _Parser:
    def __init__(self, query: str, *, as_you_type: bool = False) -> None:
        self.query = query
        self.tokens = _tokenise(query)
        self.pos = 0
        self.typed: _Token | None = None
        self.lenient = as_you_type
        if as_you_type:
            kept = [t for t in self.tokens if not _known_bare_field(t)]  # `title:` before its value: ignored
            self.tokens = _close_brackets(_trim_typing_tail(kept), len(query) + 1)
            self.typed = _typed_token(self.tokens)

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
                known = "title: author: site: series: topic: note: collection: year: date:"
                raise self.fail(f"unknown field {field}: (known fields: {known})", token)
            field = TEXT_FIELDS[field]
            token = value
        self.pos += 1
        if token.kind == "quote":
            return self.phrase(field, token)
        return self.word(field, token)

    def phrase(self, field: str | None, token: _Token) -> Node:
        if _unclosed(token):
            if not self.lenient:
                raise self.fail("a quotation mark is never closed", token)
            words = tuple(token.text[1:].split())  # the phrase so far
        else:
            words = tuple(token.text[1:-1].split())
        if not words:
            raise self.fail("empty quotation marks", token)
        if token is self.typed:
            return Phrase(field, words, prefix=True) if len(words) > 1 else Typed(field, words[0])
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
        if _known_bare_field(token):
            raise self.fail(f"{text} needs a value right after the colon, as in {text}harbour", token)
        return Typed(field, text) if token is self.typed else Term(field, text)

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


def parse_query(query: str, *, as_you_type: bool = False) -> Node:
    """Parse ``query`` into an AST; ``""`` (or only spaces) is :class:`MatchAll`.

    ``as_you_type``: the query is still being typed (see the module docstring): its last word is
    :class:`Typed`, and an unfinished end is read leniently instead of raising QueryError.
    """
    return _Parser(query or "", as_you_type=as_you_type).parse()


def positive_terms(node: Node) -> list[TextClause]:
    """The text clauses a match can be highlighted for (negated ones are left out)."""
    if isinstance(node, Term | Phrase | Prefix | Typed | Fuzzy):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in positive_terms(child)]
    return []


def widened(node: Node) -> Node:
    """``node`` with every :class:`Typed` word completed widely (see ``Typed.wide``)."""
    if isinstance(node, Typed):
        return Typed(node.field, node.text, wide=True)
    if isinstance(node, And | Or):
        return type(node)(tuple(widened(child) for child in node.children))
    if isinstance(node, Not):
        return Not(widened(node.child))
    return node


def has_typed(node: Node) -> bool:
    """Whether ``node`` has a word still being typed that is not yet completed widely."""
    if isinstance(node, Typed):
        return not node.wide
    if isinstance(node, And | Or):
        return any(has_typed(child) for child in node.children)
    return isinstance(node, Not) and has_typed(node.child)


_FIELD_NAMES = {"authors": "author", "topics": "topic", "notes": "note", "collections": "collection"}


def clause_text(clause: TextClause) -> str:
    """A clause written back as the user would type it (``title:levy``, ``"sea ice"``, ``negoti*``)."""
    if isinstance(clause, Phrase):
        text = '"' + " ".join(clause.words) + '"'
    elif isinstance(clause, Prefix):
        text = clause.text + "*"
    elif isinstance(clause, Fuzzy):
        text = f"{clause.text}~{clause.distance if clause.distance != 1 else ''}"
    else:
        text = clause.text
    if clause.field is None:
        return text
    return f"{_FIELD_NAMES.get(clause.field, clause.field)}:{text}"
