"""Search as people type, in every script: the library and ``offprint search`` read a query the same way.

A library of fifty articles (so "the first 20 hits" means something), on both engines: words cut
while typing, a whole word then a cut one, runs of Chinese, Japanese and Korean, half-typed queries
read leniently, finished malformed ones rejected, and the words that found nothing named.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import import_all, write_page

from reader.cli import main as cli_main
from reader.errors import QueryError
from reader.library import importer
from reader.library.facade import Library

FAKE_EXTRACTOR = "library_fake_extract:extract_file"  # tests/library's stand-in for the real extractor
FILLER = [
    *("council", "harbour", "winter", "ferry", "island", "fishing", "report", "budget", "market"),
    *("weather", "coast", "village", "school", "road", "bridge", "station", "museum", "festival"),
    *("election", "minister", "tourism", "summer", "storm"),
]
ARTICLES = {
    "permafrost.html": (
        "Highland ground is thawing",
        "Permafrost under the plateau thaws faster every year.",
    ),
    "interconnector.html": ("The missing cable", "An interconnector would carry offshore wind power south."),
    "auctioneer.html": ("Last of the trade", "The auctioneer sold herring at dawn for forty years."),
    "levy.html": ("What the harbour levy pays for", "The levy is a tax on every tonne crossing the quay."),
    "negotiations.html": ("Talks resume", "Negotiations between the fishing nations resumed in spring."),
    "shiomi.html": (
        "潮見港とアルデンポート港、洋上風力で協力協定",
        "潮見市の潮見港と港湾当局は協定を結んだ。",
    ),
    "nishin.html": ("ニシン漁場、北へ移る", "水産加工会社が原料となるニシンの確保に苦しんでいる。"),
    "chinese.html": ("港口法的翻译", "我在上海翻译了北梅尔港口法，宣告潮时是新词。"),
    "korean.html": ("부산항 새 소식", "한국어 기사입니다. 항구의 겨울 이야기."),
}


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def typed_library(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp(f"typed-{request.param}")
    pages = folder / "pages"
    rng = random.Random(11)
    paths = [write_page(pages, name, title, text) for name, (title, text) in ARTICLES.items()]
    for number in range(41):  # filler sharing the common words, so a cut word has company
        words = " ".join(rng.choices(FILLER, k=60))
        paths.append(
            write_page(pages, f"filler-{number}.html", " ".join(rng.sample(FILLER, 4)).title(), words)
        )
    library = Library.open(folder / "lib")
    if library.engine != request.param:
        library.reindex(str(request.param))
    with pytest.MonkeyPatch.context() as patch:  # the conftest's own patch is per test; this is per module
        patch.setattr(importer, "DEFAULT_EXTRACTOR", FAKE_EXTRACTOR)
        results = import_all(library, paths, workers=0)
    assert all(r.status == "imported" for r in results), results
    yield library
    library.close()


def article_id(library: Library, name: str) -> int:
    title = ARTICLES[name][0]
    return next(h.id for h in library.search("", limit=100, snippets=False).hits if h.title == title)


def first_20(library: Library, query: str) -> list[int]:
    return [hit.id for hit in library.search(query, limit=20).hits]


def cli_ids(library: Library, capsys: pytest.CaptureFixture[str], *args: str) -> list[int]:
    capsys.readouterr()
    code = cli_main(["search", "--library", str(library.folder), "--json", "--limit", "20", *args])
    assert code == 0
    return [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]]


CUT_WORDS = [
    ("permafrost.html", "permafrost"),
    ("interconnector.html", "interconnector"),
    ("auctioneer.html", "auctioneer"),
    ("negotiations.html", "negotiations"),
]


@pytest.mark.parametrize(("name", "word"), CUT_WORDS)
@pytest.mark.parametrize("cut", [5, 6, 7])
def test_a_word_cut_after_5_to_7_letters_finds_its_article(
    typed_library: Library, capsys: pytest.CaptureFixture[str], name: str, word: str, cut: int
) -> None:
    wanted = article_id(typed_library, name)
    assert wanted in first_20(typed_library, word[:cut])
    assert wanted in cli_ids(typed_library, capsys, word[:cut])


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("levy.html", "harbour lev"),
        ("levy.html", "harbour levy"),
        ("negotiations.html", "fishing negotia"),  # past the stem "negoti" the index holds
        ("auctioneer.html", "herring auctio"),
        ("permafrost.html", "plateau permafr"),
    ],
)
def test_a_whole_word_and_a_cut_one_find_their_article(
    typed_library: Library, capsys: pytest.CaptureFixture[str], name: str, query: str
) -> None:
    wanted = article_id(typed_library, name)
    assert first_20(typed_library, query)[:1] == [wanted]
    assert cli_ids(typed_library, capsys, query)[:1] == [wanted]


def test_every_letter_of_a_word_keeps_its_article_in_the_list(typed_library: Library) -> None:
    wanted = article_id(typed_library, "negotiations.html")
    for end in range(2, len("negotiations") + 1):
        assert wanted in first_20(typed_library, "negotiations"[:end]), "negotiations"[:end]


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("shiomi.html", "潮見"),  # from a Japanese title
        ("shiomi.html", "見港"),  # inside a word, not its start
        ("shiomi.html", "洋上風"),
        ("shiomi.html", "港湾"),  # from the text
        ("nishin.html", "ニシン"),
        ("nishin.html", "ｼﾝ"),  # half-width katakana finds the full-width text
        ("nishin.html", "加工"),
        ("chinese.html", "港口"),  # Chinese
        ("chinese.html", "潮时"),
        ("korean.html", "부산"),  # Korean
        ("korean.html", "국어"),
    ],
)
def test_a_run_of_chinese_japanese_or_korean_finds_its_article(
    typed_library: Library, capsys: pytest.CaptureFixture[str], name: str, run: str
) -> None:
    wanted = article_id(typed_library, name)
    assert wanted in first_20(typed_library, run)
    assert wanted in cli_ids(typed_library, capsys, run)
    assert wanted in cli_ids(typed_library, capsys, run, "--exact")


def test_the_matched_run_is_highlighted_in_snippets_and_in_the_article(typed_library: Library) -> None:
    wanted = article_id(typed_library, "shiomi.html")
    [hit] = [h for h in typed_library.search("見港").hits if h.id == wanted]
    assert "潮<b>見港</b>と" in hit.snippet
    text = typed_library.get(wanted).text
    assert [text[m.start : m.end] for m in typed_library.matches(wanted, "見港")] == ["見港"]
    assert [text[m.start : m.end] for m in typed_library.matches(wanted, "潮見")] == ["潮見", "潮見"]
    nishin = article_id(typed_library, "nishin.html")
    text = typed_library.get(nishin).text
    assert {text[m.start : m.end] for m in typed_library.matches(nishin, "ﾆｼﾝ")} == {"ニシン"}


def test_the_word_being_typed_is_highlighted_whole(typed_library: Library) -> None:
    wanted = article_id(typed_library, "negotiations.html")
    text = typed_library.get(wanted).text
    assert [text[m.start : m.end] for m in typed_library.matches(wanted, "negotia")] == ["Negotiations"]
    [hit] = [h for h in typed_library.search("fishing negotia").hits if h.id == wanted]
    assert "<b>Negotiations</b>" in hit.snippet and "<b>fishing</b>" in hit.snippet


@pytest.mark.parametrize(
    ("typing", "name"),
    [
        ('"harbour le', "levy.html"),  # an open quotation: the phrase so far
        ("(harbour OR quay", "levy.html"),  # an open bracket
        ("levy title:", "levy.html"),  # a bare field before its value
        ("levy AND", "levy.html"),
        ("levy year:20", "levy.html"),  # a year half typed
    ],
)
def test_unfinished_queries_while_typing_return_results(
    typed_library: Library, capsys: pytest.CaptureFixture[str], typing: str, name: str
) -> None:
    wanted = article_id(typed_library, name)
    assert wanted in first_20(typed_library, typing)
    assert wanted in cli_ids(typed_library, capsys, typing)
    with pytest.raises(QueryError):
        typed_library.search(typing, as_you_type=False)  # the same query, finished, is malformed
    capsys.readouterr()
    assert cli_main(["search", "--library", str(typed_library.folder), "--exact", typing]) == 2
    assert "cannot understand the search" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["colour:red", "levy)", "levy~7"])
def test_what_no_typing_mends_is_an_error_even_while_typing(typed_library: Library, query: str) -> None:
    with pytest.raises(QueryError):
        typed_library.search(query)


def test_a_search_that_finds_nothing_names_the_words_no_article_has(typed_library: Library) -> None:
    result = typed_library.search("harbour xyzzy")
    assert result.total == 0 and result.unmatched == ["xyzzy"]
    assert typed_library.unmatched_words("潮見 qwfp") == ["qwfp"]
    assert typed_library.search("harbour 潮見").unmatched == []  # each is somewhere, never together
    assert typed_library.search("harbour").unmatched == []


def test_library_default_and_facets_follow_the_same_rule(typed_library: Library) -> None:
    wanted = article_id(typed_library, "interconnector.html")
    assert wanted in typed_library.search_ids("interco")
    assert typed_library.facets("interco")["years"] == typed_library.facets("interconnector")["years"]
    assert typed_library.search_ids("interco", as_you_type=False) == []


def test_cli_prints_which_word_found_nothing(
    typed_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert cli_main(["search", "--library", str(typed_library.folder), "harbour xyzzy"]) == 0
    assert capsys.readouterr().out.strip() == "No articles match “harbour xyzzy”: “xyzzy” is in no article."


def test_the_corpus_titles_runs_are_all_findable(typed_library: Library) -> None:
    """Every 2- and 3-character run of a Japanese title finds its article."""
    wanted = article_id(typed_library, "nishin.html")
    title = "ニシン漁場"
    for size in (2, 3):
        for start in range(len(title) - size + 1):
            assert wanted in first_20(typed_library, title[start : start + size]), title[start : start + size]


def test_a_short_prefix_looks_in_the_text_when_titles_alone_find_nothing(
    library: Library, tmp_path: Path
) -> None:
    """One or two letters complete in titles, authors and topics first; when that finds nothing
    with the other words, the text is searched too, so the list does not empty mid-word."""
    pages = [
        write_page(tmp_path, "a.html", "Levels of the sea", "Nothing about ports here."),
        write_page(tmp_path, "b.html", "Quay report", "The harbour levy was raised again."),
    ]
    import_all(library, pages, workers=0)
    [quay] = [hit.id for hit in library.search("quay").hits]
    for typing in ("harbour l", "harbour le", "harbour lev", "harbour levy"):
        assert library.search_ids(typing) == [quay], typing
        assert library.search(typing).total == 1
        assert library.facets(typing)["years"] == library.facets("harbour levy")["years"]


def test_an_index_of_an_older_schema_is_rebuilt_on_open(library: Library, tmp_path: Path) -> None:
    """A library indexed before runs of scripts without spaces were bigrams rebuilds itself once."""
    from reader.library.index.base import SCHEMA_VERSION
    from reader.library.index.manager import META_NAME

    import_all(library, [write_page(tmp_path, "n.html", "ニシン漁場", "水産加工会社の話。")], workers=0)
    folder, engine = library.folder, library.engine
    library.close()
    meta_path = library.index.folder / META_NAME
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "schema": SCHEMA_VERSION - 1}), encoding="utf-8")
    with Library.open(folder) as reopened:
        assert reopened.engine == engine
        assert any("rebuilt" in notice for notice in reopened.notices), reopened.notices
        assert reopened.search("シン").total == 1
