"""Article → CSL-JSON: item types, names, dates and access dates as Zotero would record them."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.cite.csl import article_to_csl, date_parts, guess_csl_type
from reader.cite.names import parse_particles, person_to_csl
from reader.ingest import Article
from reader.library.types import StoredArticle


def _stored(**fields: object) -> StoredArticle:
    base: dict[str, object] = dict(
        id=7,
        content_hash="ab" * 32,
        source_path="/tmp/x.html",
        imported_at="2026-11-20T10:00:00+00:00",
        title="Shadow of Anchorage",
        authors=["Pavel K. Baev"],
        organizations=[],
        date="2026-06-22",
        site="PRIO Blogs",
        url="https://www.prio.org/comments/1",
        language="en",
        excerpt=None,
        series=["Ukraine war", "Russia"],
        topics=[],
        accessed=None,
        text="",
        html="",
        repairs=[],
        provenance={},
    )
    base.update(fields)
    return StoredArticle(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ursula von der Leyen", {"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"}),
        ("Ludwig van Beethoven", {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}),
        ("Charles de Gaulle", {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("King, Martin Luther, Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("John Smith III", {"family": "Smith", "given": "John", "suffix": "III"}),
        ("Baev, Pavel K.", {"family": "Baev", "given": "Pavel K."}),
        ("  Pavel   K. Baev ", {"family": "Baev", "given": "Pavel K."}),
        ("王小明", {"family": "王", "given": "小明"}),
        ("欧阳修", {"family": "欧阳", "given": "修"}),
        ("田中 太郎", {"family": "田中", "given": "太郎"}),
        ("김민준", {"family": "김", "given": "민준"}),
        ("bell hooks", {"family": "hooks", "given": "bell"}),
    ],
)
def test_person_names_split_like_zotero_and_citeproc(name: str, expected: dict[str, str]) -> None:
    assert person_to_csl(name) == expected


def test_japanese_name_without_space_is_not_guessed() -> None:
    assert person_to_csl("田中太郎", language="ja") == {"family": "田中太郎"}


def test_particle_parser_matches_citeproc_on_unsplit_names() -> None:
    # what citeproc-js would do itself with Zotero's two fields
    assert parse_particles({"family": "van der Berg", "given": "Anna"}) == {
        "family": "Berg",
        "given": "Anna",
        "non-dropping-particle": "van der",
    }
    assert parse_particles({"family": "Beethoven", "given": "Ludwig van"}) == {
        "family": "Beethoven",
        "given": "Ludwig",
        "dropping-particle": "van",
    }
    assert parse_particles({"family": "d'Alembert", "given": "Jean"})["non-dropping-particle"] == "d'"


def test_stored_article_becomes_a_blog_post_item() -> None:
    item = article_to_csl(_stored())
    assert item == {
        "id": "7",
        "type": "post-weblog",
        "title": "Shadow of Anchorage",
        "author": [{"family": "Baev", "given": "Pavel K."}],
        "container-title": "PRIO Blogs",
        "issued": {"date-parts": [[2026, 6, 22]]},
        "accessed": {"date-parts": [[2026, 11, 20]]},
        "URL": "https://www.prio.org/comments/1",
        "language": "en",
    }


def test_user_access_date_wins_and_series_only_on_request() -> None:
    item = article_to_csl(_stored(accessed="2026-12-01"), item_id="x", include_series=True)
    assert item["id"] == "x"
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert item["collection-title"] == "Ukraine war"
    assert "collection-title" not in article_to_csl(_stored())


def test_ingest_article_without_dates_is_accessed_today() -> None:
    article = Article(path="/tmp/a.html", title="Notes", organizations=["Amnesty International"])
    item = article_to_csl(article)
    today = dt.datetime.now(dt.UTC).date()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert "issued" not in item
    assert item["author"] == [{"literal": "Amnesty International"}]
    assert item["type"] == "webpage"


def test_organisations_are_authors_only_without_a_person() -> None:
    item = article_to_csl(_stored(organizations=["Reuters"]))
    assert item["author"] == [{"family": "Baev", "given": "Pavel K."}]


@pytest.mark.parametrize(
    ("site", "url", "expected"),
    [
        ("PRIO Blogs", "https://www.prio.org/comments/1", "post-weblog"),
        ("Example", "https://example.substack.com/p/x", "post-weblog"),
        ("Example", "https://example.org/blog/2026/x", "post-weblog"),
        ("The Guardian", "https://www.theguardian.com/world/x", "article-newspaper"),
        ("Kyiv News Today", "https://kyiv.example/x", "article-newspaper"),
        ("The New Yorker", "https://www.newyorker.com/x", "article-magazine"),
        ("Lab Magazine", "https://lab.example/x", "article-magazine"),
        ("PRIO", "https://www.prio.org/publications/1", "webpage"),
    ],
)
def test_an_article_stored_without_an_item_type_is_typed_by_its_names(
    site: str, url: str, expected: str
) -> None:
    assert guess_csl_type(_stored(site=site, url=url)) == expected


def test_the_recorded_item_type_wins_over_the_names() -> None:
    # ingest found a NewsArticle on a site whose name says blog; the user made another one a report
    assert guess_csl_type(_stored(site="PRIO Blogs", item_type="article-newspaper")) == "article-newspaper"
    report = article_to_csl(_stored(item_type="report", series=["Policy Briefs"]), include_series=True)
    assert report["type"] == "report" and report["publisher"] == "PRIO Blogs"
    assert "container-title" not in report and report["collection-title"] == "Policy Briefs"
    # a value that is no item type (an old edit, a hand-made record) falls back to the names
    assert guess_csl_type(_stored(site="PRIO Blogs", item_type="video")) == "post-weblog"


def test_topics_become_the_keyword_variable_and_spaces_are_kept() -> None:
    item = article_to_csl(
        _stored(
            topics=["Climate", "Housing "], title="北へ移る\u3000潮見 \t\n at\u00a0sea", accessed="2026-05-02"
        )
    )
    assert item["keyword"] == "Climate, Housing"
    assert item["title"] == "北へ移る\u3000潮見 at\u00a0sea"  # ideographic and no-break spaces stay
    assert item["accessed"] == {"date-parts": [[2026, 5, 2]]}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026", [2026]),
        ("2026-06", [2026, 6]),
        ("2026-06-22", [2026, 6, 22]),
        ("2026-06-22T10:00:00Z", [2026, 6, 22]),
        ("2026-13-01", [2026]),
    ],
)
def test_dates_become_date_parts(value: str, expected: list[int]) -> None:
    assert date_parts(value) == {"date-parts": [expected]}


def test_unparseable_date_is_dropped() -> None:
    assert date_parts("last Tuesday") is None
    assert date_parts(None) is None
