"""One contract for every full-text engine: both whoosh and tantivy must pass all of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.index.base import IndexDoc, SearchIndex
from reader.library.index.manager import make_engine
from reader.library.query import parse_query
from reader.library.types import Filters, SortOrder

DOCS = [
    IndexDoc(
        1,
        "Negotiations over the Arctic treaty",
        "Diplomats negotiated late. The council met in Tromsø.",
        ["Pavel Baev"],
        "Eurasia Review",
        ["Polar Politics"],
        ["Arctic", "Diplomacy"],
        "2026-01-15",
        "en",
    ),
    IndexDoc(
        2,
        "Café culture in Vienna",
        "The café is an institution. Negotiating a table takes patience.",
        ["Anna Müller"],
        "Travel Notes",
        [],
        ["Travel"],
        "2025-06-02",
        "en",
    ),
    IndexDoc(
        3,
        "Shipping lanes and sea ice",
        "Sea ice is retreating, opening shipping lanes in the Arctic.",
        ["Pavel Baev", "Ida Berg"],
        "Eurasia Review",
        ["Polar Politics"],
        ["Arctic", "Shipping"],
        "2025-11-20",
        "en",
    ),
    IndexDoc(
        4,
        "A history of treaties",
        "Treaties bind states, the treaty of Westphalia ended a war.",
        ["Jon Smith"],
        "History Today",
        [],
        ["History", "Diplomacy, Law"],
        "2024-03-03",
        "en",
    ),
    IndexDoc(
        5, "Garden notes", "Notes about gardening, tomatoes and sea kale.", [], None, [], [], None, None
    ),
]


@pytest.fixture(params=["whoosh", "tantivy"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    engine = make_engine(request.param, tmp_path / request.param, create=True)
    engine.write(DOCS)
    yield engine
    engine.close()


def ids(
    index: SearchIndex, query: str, filters: Filters | None = None, sort: SortOrder = SortOrder.RELEVANCE
) -> list[int]:
    return index.search(parse_query(query), filters, sort, None).ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("arctic", {1, 3}),
        ("ARCTIC treaty", {1}),  # words combine with AND, any case
        ("negotiate", {1, 2}),  # stemmed: negotiated, negotiating, negotiations
        ("cafe", {2}),  # accent-insensitive
        ("tromso", {1}),
        ('"sea ice"', {3}),
        ('"ice sea"', set()),
        ("arctic OR garden", {1, 3, 5}),
        ("treaty AND NOT history", {1}),
        ("treaty -history", {1}),
        ("-arctic", {2, 4, 5}),
        ("(café OR tomatoes) notes", {2, 5}),  # "Travel Notes" is the site of 2
        ("title:treaty", {1, 4}),
        ("author:baev", {1, 3}),
        ('author:"ida berg"', {3}),
        ("site:eurasia", {1, 3}),
        ('series:"polar politics"', {1, 3}),
        ("topic:shipping", {3}),
        ("year:2025", {2, 3}),
        ("year:2024..2025", {2, 3, 4}),
        ("date:2025-06..2026-01", {1, 2, 3}),
        ("date:..2024-12", {4}),
        ("negoti*", {1, 2}),
        ("tre*", {1, 4}),  # treaty, treaties (not "retreating": a prefix starts a word)
        ("shiping~", {3}),
        ("gardnening~2", {5}),
        ("", {1, 2, 3, 4, 5}),
    ],
)
def test_query_forms(index: SearchIndex, query: str, expected: set[int]) -> None:
    assert set(ids(index, query)) == expected


def test_title_outranks_body(index: SearchIndex) -> None:
    index.write([IndexDoc(6, "Kale", "Nothing else here at all."), IndexDoc(7, "Other", "Kale once.")])
    assert ids(index, "kale")[0] == 6


def test_filters_combine_with_query(index: SearchIndex) -> None:
    assert set(ids(index, "", Filters(series=["Polar Politics"]))) == {1, 3}
    assert set(ids(index, "arctic", Filters(authors=["Ida Berg", "Jon Smith"]))) == {3}
    assert set(ids(index, "", Filters(topics=["Diplomacy, Law"]))) == {4}  # a comma inside a value
    assert set(ids(index, "", Filters(sites=["Eurasia Review"], years=[2026]))) == {1}
    assert set(ids(index, "", Filters(date_from="2025-01-01", date_to="2025-12-31"))) == {2, 3}
    assert ids(index, "garden", Filters(topics=["Arctic"])) == []


def test_sort_by_date_newest_first_undated_last(index: SearchIndex) -> None:
    assert ids(index, "", sort=SortOrder.DATE) == [1, 3, 2, 4, 5]


def test_facets_count_the_result_set(index: SearchIndex) -> None:
    facets = index.facets(parse_query("arctic OR treaty"), None)
    assert facets["series"] == {"Polar Politics": 2}
    assert facets["topics"] == {"Arctic": 2, "Diplomacy": 1, "Diplomacy, Law": 1, "History": 1, "Shipping": 1}
    assert facets["authors"] == {"Pavel Baev": 2, "Ida Berg": 1, "Jon Smith": 1}
    assert facets["sites"] == {"Eurasia Review": 2, "History Today": 1}
    assert facets["years"] == {"2026": 1, "2025": 1, "2024": 1}
    filtered = index.facets(parse_query(""), Filters(years=[2025]))
    assert filtered["sites"] == {"Travel Notes": 1, "Eurasia Review": 1}


def test_paging_and_totals(index: SearchIndex) -> None:
    everything = index.search(parse_query(""), None, SortOrder.DATE, None)
    page = index.search(parse_query(""), None, SortOrder.DATE, 2, 2)
    assert page.total == 5
    assert page.ids == everything.ids[2:4]


def test_update_and_delete(index: SearchIndex) -> None:
    index.write([IndexDoc(2, "Coffee houses", "Nothing about negotiations here.", date="2020-01-01")], [4])
    assert set(ids(index, "cafe")) == set()
    assert set(ids(index, "coffee")) == {2}
    assert ids(index, "westphalia") == []
    assert index.all_ids() == {1, 2, 3, 5}
    assert index.doc_count() == 4
    assert index.facets(parse_query(""), None)["years"] == {"2026": 1, "2025": 1, "2020": 1}


def test_bulk_load_matches_incremental(index: SearchIndex, tmp_path: Path) -> None:
    other = make_engine(index.engine, tmp_path / "bulk", create=True)
    try:
        other.add_many(iter(DOCS))
        for query in ("arctic", '"sea ice"', "negoti*", "author:baev", ""):
            assert sorted(ids(other, query)) == sorted(ids(index, query))
    finally:
        other.close()


def test_stem_folds_case_accents_and_suffixes(index: SearchIndex) -> None:
    assert index.stem("Négotiations") == index.stem("negotiation")
    assert index.stem("") == []


def test_whoosh_one_pass_analyser_matches_the_standard_chain() -> None:
    from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
    from whoosh.support.charset import accent_map

    from reader.library.index.whoosh_engine import make_analyzer

    standard = RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map) | StemFilter(lang="en")
    text = "Négotiations in TROMSØ: the café's naïve owners negotiated 1,200 tomatoes, Straße x_y."
    fast = [(t.text, t.pos) for t in make_analyzer()(text, positions=True)]
    assert fast == [(t.text, t.pos) for t in standard(text, positions=True)]


def test_whoosh_index_names_its_analyser_as_earlier_releases_did(tmp_path: Path) -> None:
    """whoosh pickles the schema into the index, naming the analyser's classes by module: those names
    stay what earlier releases wrote, so an upgrade opens an existing index without rebuilding it (and
    an earlier release still opens ours)."""
    from reader.library.index.whoosh_engine import WhooshIndex

    index = WhooshIndex(tmp_path / "ix", create=True)
    index.write([DOCS[0]])
    index.close()
    toc = next((tmp_path / "ix").glob("_MAIN_*.toc")).read_bytes()
    named = set(re.findall(rb"(reader\.[\w.]+)\n(\w+)\n", toc))
    face = b"reader.library.index.whoosh_engine"
    assert named == {(face, b"FoldingStemTokenizer"), (face, b"FastPositions")}
    reopened = WhooshIndex(tmp_path / "ix")
    assert reopened.search(parse_query("arctic"), None, SortOrder.RELEVANCE, 10).ids == [DOCS[0].id]
    reopened.close()


def test_search_with_facets_agrees_with_search_and_facets(index: SearchIndex) -> None:
    for query in ("arctic OR treaty", "", "negoti*", "year:2025"):
        ast = parse_query(query)
        page, facets = index.search_with_facets(ast, None, SortOrder.RELEVANCE, 2)
        alone = index.search(ast, None, SortOrder.RELEVANCE, 2)
        assert (page.ids, page.total) == (alone.ids, alone.total)
        assert facets == index.facets(ast, None)


SCRIPT_DOCS = [
    IndexDoc(
        11, "潮見港とアルデンポート港、洋上風力で協力協定", "潮見市の潮見港と、北メア共和国の港湾当局。"
    ),
    IndexDoc(12, "ニシン漁場、北へ移る", "潮見市の水産加工会社が、原料となるニシンの確保に苦しんでいる。"),
    IndexDoc(13, "翻译港口法", "我在上海翻译了港口法。宣告潮时是一个新词。"),
    IndexDoc(14, "한국어 항구 소식", "부산항의 새로운 소식입니다."),
    IndexDoc(15, "ข่าวท่าเรือ", "ภาษาไทยไม่มีช่องว่างระหว่างคำ"),
    IndexDoc(16, "Ｆｕｌｌ-width Ｈａｒｂｏｕｒ notes", "Half-width ﾆｼﾝ and full-width ＬＥＶＹ."),
]


@pytest.fixture(params=["whoosh", "tantivy"])
def scripts(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    engine = make_engine(request.param, tmp_path / request.param, create=True)
    engine.write(SCRIPT_DOCS)
    yield engine
    engine.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("潮見", {11, 12}),  # two characters from a Japanese title
        ("見港", {11}),  # from inside a word: bigrams, not word starts
        ("潮見港と", {11}),  # a longer run: its bigrams in a row
        ("港と潮", set()),  # the characters, not in that order
        ("ニシン", {12, 16}),  # katakana; 16 has it in half-width forms
        ("ﾆｼﾝ", {12, 16}),  # and typed in half-width forms
        ("シン", {12, 16}),
        ("港口法", {13}),  # Chinese
        ("潮时", {13}),
        ("국어", {14}),  # Korean, inside a word
        ("부산항", {14}),
        ("ภาษา", {15}),  # Thai
        ("ท่าเรือ", {15}),
        ("港", {11, 13}),  # one character: alone, or starting a bigram
        ("harbour", {16}),  # full-width Latin folds to the usual letters
        ("ｌｅｖｙ", {16}),
        ("title:潮見", {11}),
    ],
)
def test_scripts_without_spaces_are_found_by_any_run(
    scripts: SearchIndex, query: str, expected: set[int]
) -> None:
    assert set(ids(scripts, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("negotia", {1, 2}),  # runs past the stem "negoti" of negotiations, negotiated, negotiating
        ("negotiat", {1, 2}),
        ("trea", {1, 4}),  # treaty, treaties
        ("tromso", {1}),
        ("shippin", {3}),
        ("sea shipp", {3}),  # a whole word, then the one being typed
        ("author:ba", {1, 3}),
        ("westph", {4}),
        ("xyzzy", set()),
        ('"sea ic', {3}),  # an open quotation: the phrase so far, the last word completed
        ('"ice se', set()),  # still a phrase: the words in order
        ("(garden OR arct", {1, 3, 5}),
    ],
)
def test_the_word_being_typed_matches_every_word_it_begins(
    index: SearchIndex, query: str, expected: set[int]
) -> None:
    assert (
        set(index.search(parse_query(query, as_you_type=True), None, SortOrder.RELEVANCE, None).ids)
        == expected
    )


def test_the_word_itself_ranks_above_words_it_begins(index: SearchIndex) -> None:
    index.write(
        [
            IndexDoc(21, "Gallery", "Portrait after portrait of the Portuguese portico, portable portents."),
            IndexDoc(22, "A quiet day", "The ferry reached the port at noon."),
        ]
    )
    found = index.search(parse_query("port", as_you_type=True), None, SortOrder.RELEVANCE, None).ids
    assert found[0] == 22 and 21 in found


def test_title_and_author_matches_rank_above_the_text(index: SearchIndex) -> None:
    index.write(
        [
            IndexDoc(31, "Notes", "Kelp kelp kelp: kelp everywhere, kelp in every bay, kelp at every tide."),
            IndexDoc(32, "Kelp", "One mention only."),
            IndexDoc(33, "Others", "Nothing here.", ["Ada Kelp"]),
        ]
    )
    found = ids(index, "kelp")
    assert set(found[:2]) == {32, 33} and found[2] == 31
