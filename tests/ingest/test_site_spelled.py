"""Site names as the publication spells them: abbreviations, domains, sections and taglines replaced by the
name the page gives itself elsewhere (the publisher block, the logo, the copyright line, the feed)."""

from __future__ import annotations

import pytest

from reader.ingest import extract_bytes
from reader.ingest.metadata.site_names import site_from_feed_titles
from reader.ingest.metadata.site_spelled import is_abbreviation, spells_acronym


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("WSJ", "The Wall Street Journal", True),
        ("hpd", "Humanistischer Pressedienst", True),  # a compound word gives two letters
        ("BMFSFJ", "Bundesministerium für Familie, Senioren, Frauen und Jugend", True),
        ("CNN", "Cable News Network", True),
        ("NAR", "Northmere Agricultural Review", True),
        ("BBC", "Blick auf den Kabinettssaal", False),
        ("WSJ", "Wall Street", False),  # a letter left over
        ("NAR", "north american rail", False),  # not written as a name
    ],
)
def test_an_abbreviation_and_the_name_it_stands_for(acronym: str, name: str, expected: bool) -> None:
    assert spells_acronym(acronym, name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("BMFSFJ", True), ("WSJ", True), ("hpd", True), ("Reuters", False), ("news", False), ("Vox", False)],
)
def test_what_reads_as_an_abbreviation(name: str, expected: bool) -> None:
    assert is_abbreviation(name) is expected


def test_feed_titles_that_name_the_site_after_a_preposition() -> None:
    assert site_from_feed_titles(["RSS Feed for Tim Ferriss' Blog"]) == "Tim Ferriss' Blog"
    assert site_from_feed_titles(["Posts on 'Web Ink Now' (Atom)"]) == "Web Ink Now"


def _site(head: str, body: str = "", url: str = "https://www.computerbild.example/artikel/1") -> tuple:
    page = (
        f'<html><head><link rel="canonical" href="{url}">{head}</head><body>{body}'
        "<h1>Cloud gaming tested</h1><p>Four services, one slow connection and a long weekend of testing "
        "later, the differences are smaller than the prices suggest.</p></body></html>"
    ).encode()
    article = extract_bytes(page, path="page.html")
    return article.site, article.provenance.get("site"), article.evidence.get("site")


def test_a_lower_case_domain_becomes_the_name_the_publisher_writes() -> None:
    site, source, evidence = _site(
        '<title>Cloud gaming tested - COMPUTER BILD</title><meta property="og:site_name" '
        'content="computerbild.example">'
    )
    assert (site, source) == ("COMPUTER BILD", "title-suffix")
    assert evidence[1] == {"value": "computerbild.example", "source": "og:site_name", "verdict": "set aside"}


def test_a_brand_written_as_an_address_stays() -> None:
    site, _, evidence = _site(
        '<title>Cloud gaming tested</title><meta property="og:site_name" content="IT-Learner.de">',
        body="<footer>© 2024 IT-Learner</footer>",
        url="https://it-learner.example/cloud",
    )
    assert site == "IT-Learner.de" and evidence is None


def test_a_section_label_gives_way_to_the_name_that_spells_the_address() -> None:
    site, _, _ = _site(
        '<title>Cloud gaming tested - U.S. News</title><meta property="og:site_name" content="U.S. News">',
        body='<div class="masthead"><img class="logo" src="/l.png" alt="NBCNews.com"></div>',
        url="http://usnews.nbcnews.example/news/1",
    )
    assert site == "NBCNews.com"


def test_a_tagline_goes_when_the_page_also_names_itself_without_it() -> None:
    head = '<title>Gallery</title><meta property="og:site_name" content="Fone Arena – The Mobile Blog">'
    site, _, _ = _site(head, body="<p>Copyright 2004-2010. Fone Arena. All rights reserved</p>")
    assert site == "Fone Arena"
    site, _, _ = _site(head)  # nothing says where the name ends: kept whole
    assert site == "Fone Arena – The Mobile Blog"
