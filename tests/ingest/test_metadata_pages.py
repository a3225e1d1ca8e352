"""Citation metadata read from the invented pages in tests/pages (meta-*.html beside meta-*.expected.json).

The pipeline's own runner checks the same pairs through the whole import; these tests call
``extract_metadata`` directly, so a metadata regression shows up here with the field that broke.
"""

from __future__ import annotations

import json
from html import escape as html_escape
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.metadata.orchestrate import extract_metadata
from reader.ingest.metadata.page import Metadata

PAGES = Path(__file__).resolve().parent.parent / "pages"
META_PAGES = sorted(PAGES.glob("meta-*.html"))


def _extract(name: str) -> Metadata:
    path = PAGES / name
    tree = lxml.html.fromstring(path.read_bytes().decode("utf-8"))
    return extract_metadata(tree, path=str(path))


def _consumed_texts(meta: Metadata) -> list[str]:
    return [" ".join(el.text_content().split()) for el in meta.consumed]


def test_there_are_metadata_pages() -> None:
    assert len(META_PAGES) >= 10


@pytest.mark.parametrize("page", META_PAGES, ids=lambda p: p.stem)
def test_page_metadata_matches_expected(page: Path) -> None:
    expected = json.loads((page.parent / (page.stem + ".expected.json")).read_text(encoding="utf-8"))
    meta = _extract(page.name)
    for field, value in expected.items():
        assert getattr(meta, field) == value, f"{page.name}: {field}"


def test_jsonld_graph_resolves_person_references_and_keeps_organisations_apart() -> None:
    meta = _extract("meta-jsonld-graph.html")
    assert meta.provenance["authors"] == "json-ld"
    assert meta.provenance["date"] == "json-ld"
    assert meta.provenance["series"] == "json-ld"
    assert "Ledger Data Desk" not in meta.authors


def test_late_evening_timestamp_keeps_the_publishers_calendar_day_not_utc() -> None:
    # 23:30 at -04:00 is already the next day in UTC; the citation date is the local one.
    assert _extract("meta-jsonld-graph.html").date == "2026-03-14"
    assert _extract("meta-og-twitter.html").date == "2026-01-05"


def test_modified_date_never_wins_over_published() -> None:
    meta = _extract("meta-og-twitter.html")
    assert meta.provenance["date"] == "meta:article:published_time"
    assert meta.date != "2026-02-11"


def test_visible_byline_and_series_topic_blocks_are_consumed() -> None:
    meta = _extract("meta-byline-text.html")
    texts = _consumed_texts(meta)
    assert "Posted Monday, 22 Jun 2026 by Pavel K. Baev" in texts
    assert "Part of the series" in texts and "Related topics" in texts
    assert meta.provenance["authors"] == "byline-text"
    assert meta.provenance["url"] == "saved-from-comment"
    # Body paragraphs are never consumed.
    assert not any(text.startswith("The long-deadlocked war") for text in texts)


def test_only_the_articles_byline_is_consumed_when_a_teaser_has_one_too() -> None:
    meta = _extract("meta-wire-agency.html")
    texts = _consumed_texts(meta)
    assert any(text.startswith("By Jane Doe and Tomás Ruiz") for text in texts)
    assert "By Someone Else" not in texts


def test_inline_series_sentence_and_tag_lines() -> None:
    meta = _extract("meta-series-inline.html")
    assert meta.provenance["series"] == "series-block"
    texts = _consumed_texts(meta)
    assert any(text.startswith("This entry is part 2 of 5") for text in texts)
    assert any(text.startswith("Filed under") for text in texts)


def test_spam_run_is_not_a_site_and_title_tag_without_suffix_stays_whole() -> None:
    meta = _extract("meta-spam-site.html")
    assert meta.site is None
    assert meta.title == "Fishing quotas cut again in the northern sea"


def test_citation_metas_are_preferred_and_inverted_names_turned_round() -> None:
    meta = _extract("meta-citation-metas.html")
    assert meta.provenance["title"] == "meta:citation_title"
    assert meta.provenance["authors"] == "meta:citation_author"
    assert "1947" not in meta.topics and not any("http" in t for t in meta.topics)


def test_plain_text_dump_foot_blocks_become_series_and_topics() -> None:
    # The shape a plain-text dump takes after the tree conversion: one paragraph per line.
    html = (
        "<html><head><title>Shadow of Anchorage no-deal looms over Ukraine peace no-talks</title></head>"
        "<body><article><h1>Shadow of Anchorage no-deal looms over Ukraine peace no-talks</h1>"
        "<p>Posted Monday, 22 Jun 2026 by Pavel K. Baev</p>"
        "<p>The long-deadlocked Ukraine war has from the start of 2026 changed quite drastically.</p>"
        "<ul><li>Pavel K Baev is Research Professor at the institute</li></ul>"
        "<p>Part of the series</p><p>Ukraine War</p><p>Related topics</p><p>Ukraine War</p>"
        "</article></body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html), path="dump.txt")
    assert meta.title == "Shadow of Anchorage no-deal looms over Ukraine peace no-talks"
    assert meta.authors == ["Pavel K. Baev"]
    assert meta.date == "2026-06-22"
    assert meta.series == ["Ukraine War"]
    assert meta.topics == ["Ukraine War"]
    texts = _consumed_texts(meta)
    assert texts.count("Ukraine War") == 2
    assert "Part of the series" in texts and "Related topics" in texts
    assert meta.language == "en"


def test_text_dump_without_headline_markup_takes_the_first_headline_line() -> None:
    html = (
        "<html><body><p>糖心网页版</p><p>Shadow of Anchorage no-deal looms over Ukraine peace no-talks</p>"
        "<p>Posted Monday, 22 Jun 2026 by Pavel K. Baev</p>"
        "<p>The long-deadlocked Ukraine war has changed quite drastically in its tactical dimensions.</p>"
        "</body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html), path="seed.txt")
    assert meta.title == "Shadow of Anchorage no-deal looms over Ukraine peace no-talks"
    assert meta.site is None
    assert meta.date == "2026-06-22"


def test_code_listing_words_are_not_series_labels() -> None:
    html = (
        "<html><body><h1>Anomaly detection in SQL</h1><pre><code><span>WITH</span> <span>series</span>"
        "<span>AS</span> <span>SELECT</span> <span>n</span></code></pre><p>Some prose follows here.</p>"
        "</body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html))
    assert meta.series == []
    assert meta.consumed == []


def test_headline_chosen_among_several_h1_is_the_one_the_title_repeats() -> None:
    html = (
        "<html><head><title>Outside the web: standalone binaries using Emscripten · V8</title></head>"
        "<body><header><h1><a href='/'>V8</a></h1></header>"
        "<article><h1>Outside the web: standalone binaries using Emscripten</h1><p>Text.</p></article>"
        "</body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html))
    assert meta.title == "Outside the web: standalone binaries using Emscripten"
    assert meta.site == "V8"


def test_broken_input_gives_empty_metadata_not_an_exception() -> None:
    tree = lxml.html.fromstring(
        "<html><head><script type='application/ld+json'>{not json</script></head><body><p>x</p></body></html>"
    )
    meta = extract_metadata(tree)
    assert meta.title is None and meta.authors == [] and meta.date is None


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, author=_TEXT, jsonld=_TEXT, date=_TEXT, body=_TEXT)
def test_extract_metadata_never_raises(title: str, author: str, jsonld: str, date: str, body: str) -> None:
    esc = html_escape
    page = (
        f"<html><head><title>{esc(title)}</title><meta name='author' content='{esc(author)}'>"
        f"<meta property='article:published_time' content='{esc(date)}'>"
        f"<script type='application/ld+json'>{esc(jsonld)}</script></head>"
        f"<body><h1>{esc(title)}</h1><p>By {esc(author)}</p><p>{esc(body)}</p>"
        f"<p>Tags: {esc(body)}</p></body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(page))
    assert meta.date is None or len(meta.date) == 10
    assert all(isinstance(name, str) and name for name in meta.authors)


def test_text_dump_whose_first_line_is_the_site_takes_the_headline_above_the_byline() -> None:
    html = (
        "<html><head><title>Lakeland Research Institute</title></head><body><article>"
        "<h1>Lakeland Research Institute</h1><p>Menu</p><p>Search</p><p>Papers    Experts    Events</p>"
        "<p>Why the ferry subsidy keeps rising</p><p>Posted Thursday, 5 Mar 2026 by Amara Okafor</p>"
        "<p>The subsidy paid to the island ferry operator has risen in each of the past six years.</p>"
        "</article></body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html), path="lri.txt")
    assert meta.title == "Why the ferry subsidy keeps rising"
    assert meta.site == "Lakeland Research Institute"
    assert meta.authors == ["Amara Okafor"]
    texts = _consumed_texts(meta)
    assert {"Menu", "Search", "Why the ferry subsidy keeps rising"} <= set(texts)
    assert not any(text.startswith("The subsidy paid") for text in texts)


def test_sidebar_widgets_give_no_topics_and_stay_unconsumed() -> None:
    meta = _extract("meta-wordpress-sidebar.html")
    assert "Fisheries" not in meta.topics and "Anchors" not in meta.topics
    texts = _consumed_texts(meta)
    assert "Categories" not in texts
    assert "Sven from the quay" not in meta.authors


@pytest.mark.parametrize(
    ("snippet", "series"),
    [
        ("<p>This article is part of our series <a href='/s/w'>Rising Water</a>.</p>", ["Rising Water"]),
        (
            "<p>This story is part of our ongoing series on Rising Water. Read more below.</p>",
            ["Rising Water"],
        ),
        ("<p>Part 3 of the series: <a href='/s/w'>Rising Water</a></p>", ["Rising Water"]),
        ("<p><a class='series-link' href='/s/w'>Rising Water</a></p>", ["Rising Water"]),
        (
            "<p><a rel='series' href='/s/w'>Rising Water</a> <a rel='series' href='/s/'>All series</a></p>",
            ["Rising Water"],
        ),
        ("<nav><a class='series-link' href='/series'>Series</a></nav><p>Plain text.</p>", []),
        ("<p>The TV series was renewed for a second season after strong ratings.</p>", []),
    ],
)
def test_series_written_in_the_page(snippet: str, series: list[str]) -> None:
    html = f"<html><body><h1>Sea walls</h1>{snippet}<p>Body text of the article goes here.</p></body></html>"
    assert extract_metadata(lxml.html.fromstring(html)).series == series


def test_visible_byline_completes_a_shorter_author_meta() -> None:
    html = (
        "<html><head><meta name='author' content='Jane Doe'><meta property='og:site_name' content='Home'>"
        "<title>Sea walls | Coast Post</title></head><body><h1>Sea walls</h1>"
        "<p class='byline'>By Jane Doe and John Roe</p><p>Body text of the article.</p></body></html>"
    )
    meta = extract_metadata(lxml.html.fromstring(html))
    assert meta.authors == ["Jane Doe", "John Roe"]
    assert meta.site == "Coast Post"  # "Home" is no publication's name


def test_a_malformed_address_costs_only_itself_not_the_url_date_or_site() -> None:
    """A canonical link that is not a URL ("http://[broken") used to lose the page's URL, and with it
    the date read from the URL and the site taken from a URL-shaped name: the next source now answers."""
    head = (
        '<link rel="canonical" href="http://[broken"><meta property="og:url" '
        'content="https://harbour.example/2024/03/18/ferry-strike">'
        '<meta property="og:site_name" content="http://[also-broken">'
        '<meta name="application-name" content="Harbour Ledger">'
        '<meta property="article:published_time" content="2024-03-19T01:30:00Z">'
    )
    tree = lxml.html.fromstring(f"<html><head>{head}</head><body><h1>Ferry strike</h1></body></html>")
    meta = extract_metadata(tree)
    assert meta.url == "https://harbour.example/2024/03/18/ferry-strike"
    assert meta.site == "Harbour Ledger"
    assert (meta.date, meta.provenance["date"]) == ("2024-03-18", "url")  # the UTC stamp's local day


def test_a_failing_field_costs_that_field_only_and_is_logged_or_in_strict_mode_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from reader.errors import STRICT_ENV
    from reader.ingest.metadata import orchestrate

    def broken_site(page: object) -> None:
        raise KeyError("a bug in the site decision")

    stages = tuple(broken_site if s is orchestrate.decide_site else s for s in orchestrate.FIELD_STAGES)
    monkeypatch.setattr(orchestrate, "FIELD_STAGES", stages)
    with pytest.raises(KeyError):  # the suite's strict mode: a swallowed bug fails the test that meets it
        _extract("meta-jsonld-graph.html")

    monkeypatch.setenv(STRICT_ENV, "0")
    with caplog.at_level("DEBUG", logger="reader.ingest.metadata.orchestrate"):
        meta = _extract("meta-jsonld-graph.html")
    assert meta.title and meta.authors and meta.date == "2026-03-14"
    assert "broken_site" in caplog.text and "a bug in the site decision" in caplog.text  # with its traceback
