"""The metadata helpers on varied inputs: title cleaning, name splitting, date parsing, language tags."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest.metadata.dates import find_written_date, local_date_for, parse_date
from reader.ingest.metadata.language import guess_language, normalise_language
from reader.ingest.metadata.names import clean_byline, is_organization, looks_like_person, split_names
from reader.ingest.metadata.site_names import domain_label, plausible_site, site_from_feed_titles, tidy_site
from reader.ingest.metadata.titles import clean_title, date_piece, tidy_headline

NOW = dt.date(2026, 7, 1)


@pytest.mark.parametrize(
    ("raw", "site", "confirm", "expected"),
    [
        ("Night trains return | Rail Weekly", "Rail Weekly", (), "Night trains return"),
        ("Night trains return - Rail Weekly", "Rail Weekly", (), "Night trains return"),
        ("Night trains return :: Rail Weekly", "Rail Weekly", (), "Night trains return"),
        ("Night trains return — Rail Weekly", "Rail Weekly", (), "Night trains return"),
        ("Rail Weekly | Night trains return", "Rail Weekly", (), "Night trains return"),
        ("Night trains return | Europe | Rail Weekly", None, ("Night trains return",), "Night trains return"),
        # Only the site goes: a dash inside the headline stays.
        ("Star Wars - A New Hope turns 50", "Film Notes", (), "Star Wars - A New Hope turns 50"),
        ("Mozilla - Wikipedia", "Wikipedia", (), "Mozilla"),
        # A confirming h1 never leaves a stub in place of the headline.
        (
            "Outside the web: standalone binaries · V8",
            None,
            ("V8",),
            "Outside the web: standalone binaries · V8",
        ),
        ("Night trains return", "Rail Weekly", (), "Night trains return"),
    ],
)
def test_clean_title(raw: str, site: str | None, confirm: tuple[str, ...], expected: str) -> None:
    assert clean_title(raw, site=site, confirmations=confirm)[0] == expected


def test_clean_title_reports_the_removed_site_part() -> None:
    assert clean_title("Night trains return | Rail Weekly", confirmations=("Night trains return",)) == (
        "Night trains return",
        "Rail Weekly",
    )


def test_clean_title_drops_an_author_piece_and_uses_the_domain() -> None:
    title, _ = clean_title(
        "Samantha and the lie | by John C. Welch | Medium",
        authors=("John C. Welch",),
        url="https://medium.com/@x/y",
    )
    assert title == "Samantha and the lie"


def test_title_tag_guess_drops_a_short_trailing_piece_only_after_a_long_headline() -> None:
    assert (
        clean_title("Lorem ipsum dolor sit amet – My website", guess=True)[0] == "Lorem ipsum dolor sit amet"
    )
    assert clean_title("Mozilla - Home", guess=True)[0] == "Mozilla - Home"


@pytest.mark.parametrize(
    ("byline", "persons", "orgs"),
    [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], []),
        ("Written by Jane Doe & John Smith", ["Jane Doe", "John Smith"], []),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], []),
        ("Senior Correspondent Jane Doe", ["Jane Doe"], []),
        ("By Ursula von der Leyen", ["Ursula von der Leyen"], []),
        ("Posted by @janedoe Jane Doe (jane@example.org)", ["Jane Doe"], []),
        (
            "Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42",
            ["Alexandre Hervaud", "Jérémy Piette"],
            [],
        ),
        (
            "Por Steven Lee Myers, Keith Bradsher y Tariq Panja",
            ["Steven Lee Myers", "Keith Bradsher", "Tariq Panja"],
            [],
        ),
        ("By JOE HILDEBRAND", ["Joe Hildebrand"], []),
        ("By Jane Doe, Reuters", ["Jane Doe"], ["Reuters"]),
        ("By Associated Press", [], ["Associated Press"]),
        ("The Editorial Board", [], ["The Editorial Board"]),
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
            [],
        ),
        ("Baev, Pavel K.", ["Pavel K. Baev"], []),
        ("By Brenda Goodman, MA", ["Brenda Goodman"], []),
        ("By Jane Doe | March 3, 2026 | 4 min read", ["Jane Doe"], []),
        ("Анна Петрова", ["Анна Петрова"], []),
        ("肖春芳", ["肖春芳"], []),
        ("By status", [], []),
    ],
)
def test_split_names(byline: str, persons: list[str], orgs: list[str]) -> None:
    assert split_names(byline) == (persons, orgs)


def test_inverted_multiword_family_name_when_the_source_holds_one_person() -> None:
    assert split_names("Ó Briain, Séamus", single=True) == (["Séamus Ó Briain"], [])
    # In a byline the same shape lists two people.
    assert split_names("Stella Kim, Jennifer Jett") == (["Stella Kim", "Jennifer Jett"], [])


def test_site_name_credited_as_author_is_an_organisation_unless_it_is_a_personal_name() -> None:
    assert is_organization("The Guardian", site="The Guardian")
    assert is_organization("Kotaku", site="Kotaku")
    assert not is_organization("Haki Benita", site="Haki Benita")


def test_clean_byline_strips_prefixes_and_tails() -> None:
    assert clean_byline("By: Jane Doe • Updated 3 hours ago") == "Jane Doe"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-06-22T23:30:00-04:00", "2026-06-22"),
        ("2026-06-22T01:30:00+09:00", "2026-06-22"),
        ("2026-06-22", "2026-06-22"),
        ("2026/06/22", "2026-06-22"),
        ("20260622", "2026-06-22"),
        ("June 22, 2026", "2026-06-22"),
        ("22 June 2026", "2026-06-22"),
        ("Mon, 22 Jun 2026 08:00:00 GMT", "2026-06-22"),
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13"),
        ("22. Juni 2026", "2026-06-22"),
        ("22 juin 2026", "2026-06-22"),
        ("2026年6月22日", "2026-06-22"),
        ("22/06/2026", "2026-06-22"),
        ("06/22/2026", "2026-06-22"),
        ("03/04/2026", None),  # March 4 or April 3: refuse to guess
        ("2026-02-30", None),
        ("2027-01-01", None),  # in the future
        ("June 2026", None),  # no day
        ("yesterday", None),
        ("2020-05", "2020-05"),  # a declared month: kept as precise as the page says
        ("2020", "2020"),
        ("2027", None),
        ("", None),
    ],
)
def test_parse_date(raw: str, expected: str | None) -> None:
    assert parse_date(raw, now=NOW) == expected


def test_find_written_date_in_bylines() -> None:
    assert find_written_date("Posted Monday, 22 Jun 2026 by Pavel K. Baev", now=NOW) == "2026-06-22"
    assert find_written_date("Nikhil Marathe wrote on March 11th, 2015 at 08:00", now=NOW) == "2015-03-11"
    assert find_written_date("By Jane Doe", now=NOW) is None
    assert find_written_date("Updated 5 June 2026 | Published 3 June 2026", now=NOW) == "2026-06-03"
    assert find_written_date("Updated 5 June 2026", now=NOW) is None


def test_same_instant_with_local_offset_gives_the_publishers_day() -> None:
    assert local_date_for("2017-02-24T01:18:13Z", ["2017-02-23T17:18:13-08:00"]) == ("2017-02-23", 0)
    assert local_date_for("2017-02-24T01:18:13Z", ["2017-03-23T17:18:13-08:00"]) is None
    assert local_date_for("2017-02-24T01:18:13-08:00", ["2017-02-23T17:18:13-08:00"]) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("en", "en"),
        ("EN-us", "en-US"),
        ("en_GB", "en-GB"),
        ("pt-br", "pt-BR"),
        ("zh-hans-cn", "zh-Hans-CN"),
        ("es-419", "es-419"),
        ("", None),
        ("english please", None),
        ("x-default", None),
    ],
)
def test_normalise_language(raw: str, expected: str | None) -> None:
    assert normalise_language(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council said that it was going to keep the tolls on the bridge for the next ten years.", "en"),
        (
            "Le conseil a dit que les péages sur le pont seront maintenus pour les dix prochaines années.",
            "fr",
        ),
        (
            "Der Rat sagte, dass die Maut auf der Brücke für die nächsten zehn Jahre nicht abgeschafft wird.",
            "de",
        ),
        (
            "El consejo dijo que los peajes del puente se mantendrán para los próximos diez años.",
            "es",
        ),
        ("Совет заявил, что плата за проезд по мосту сохранится на ближайшие десять лет.", "ru"),
        ("市は駅前広場の再開発計画について、来年春に着工する方針を明らかにした。", "ja"),
        ("市政府表示，大桥的通行费将在未来十年内继续征收。", "zh"),
        ("", None),
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


def test_site_names() -> None:
    assert tidy_site("Spiceworks Inc") == "Spiceworks"
    assert tidy_site("Aktuálně.cz - Víte, co se právě děje") == "Aktuálně.cz"
    assert tidy_site("Mozilla Hacks – the Web developer blog") == "Mozilla Hacks – the Web developer blog"
    assert not plausible_site("糖心网页版")
    assert plausible_site("みなと新報", page_is_cjk=True)
    assert not plausible_site("http://www.example.com")


def test_one_person_source_still_splits_two_full_names() -> None:
    assert split_names("Jane Doe, John Smith", single=True) == (["Jane Doe", "John Smith"], [])
    assert split_names("van der Berg, Anna Maria", single=True) == (["Anna Maria van der Berg"], [])


@pytest.mark.parametrize(
    ("byline", "persons"),
    [
        ("by Mira Holm Thu 1 Jan 2026", ["Mira Holm"]),
        ("Dr. Kwame Adjei-Brennan", ["Kwame Adjei-Brennan"]),
        ("Prof. Anna Lindqvist and Mr. Tom Berg", ["Anna Lindqvist", "Tom Berg"]),
        ("山岸玲奈記者", ["山岸玲奈"]),
        ("Thu 12 Jun 2025 18.05 CEST", []),
    ],
)
def test_bylines_lose_weekdays_honorifics_and_cjk_roles(byline: str, persons: list[str]) -> None:
    assert split_names(byline)[0] == persons


@pytest.mark.parametrize(
    ("byline", "persons", "orgs"),
    [
        ("By Jane Doe, Staff Writer and John Roe, Contributor", ["Jane Doe", "John Roe"], []),
        ("Written by Jane Doe on 4 March 2026", ["Jane Doe"], []),
        ("Jane Doe and John Roe for The Guardian", ["Jane Doe", "John Roe"], []),
        ("Jane Doe, Special to The Times", ["Jane Doe"], []),
        ("Jane Doe is a senior fellow at the Institute", [], []),
        ("Text: Anna Berg, photos: Ola Nordmann", ["Anna Berg"], []),
        (
            "By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
            ["Daniel Kahn Gillmor"],
            [],
        ),
        ("Massachusetts Institute of Technology", [], ["Massachusetts Institute of Technology"]),
    ],
)
def test_bylines_with_roles_prose_and_photo_credits(byline: str, persons: list[str], orgs: list[str]) -> None:
    assert split_names(byline) == (persons, orgs)


@pytest.mark.parametrize(
    ("byline", "persons", "orgs"),
    [
        ("di Mario Rossi", ["Mario Rossi"], []),
        ("De Niro Smith", ["De Niro Smith"], []),
        ("（山田太郎）", ["山田太郎"], []),
        ("作者：张三", ["张三"], []),
        ("来源：新华社", [], ["新华社"]),
        ("홍길동 기자", ["홍길동"], []),
        ("Автор: Иван Петров", ["Иван Петров"], []),
        ("Von Max Mustermann, dpa", ["Max Mustermann"], ["dpa"]),
    ],
)
def test_bylines_in_other_languages(byline: str, persons: list[str], orgs: list[str]) -> None:
    assert split_names(byline) == (persons, orgs)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017-03-13|19h18", "2017-03-13"),  # a pipe between day and time
        ("2014-12-29 16:00:27 EST", "2014-12-29"),
        ("20180619T055000+0900", "2018-06-19"),
        ("Wed, 14 Jan 2015 09:42:15 -0500", "2015-01-14"),
        ("2017-03-130", None),  # a fourth digit is not a day
    ],
)
def test_machine_dates_in_the_forms_publishers_write(raw: str, expected: str | None) -> None:
    assert parse_date(raw, now=NOW) == expected


def test_a_middle_initial_is_part_of_a_name_not_an_article() -> None:
    assert looks_like_person("Scott A. Celinski")
    assert split_names("Scott A. Celinski", single=True)[0] == ["Scott A. Celinski"]
    assert not looks_like_person("A Tale of the Harbour")


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["Quiet Harbour Notes » Feed"], "Quiet Harbour Notes"),
        (["Harbour Post » Flux"], "Harbour Post"),
        (["Hélène Tardif RSS Feed"], "Hélène Tardif"),
        (["Quiet Harbour Notes » Going offline Comments Feed"], None),  # one post's comments
        (["RSS"], None),
        (["Aktuelle Meldungen von Hafenblatt"], None),  # no feed word: a description, not a name
    ],
)
def test_the_site_names_itself_in_its_feed_link(titles: list[str], expected: str | None) -> None:
    assert site_from_feed_titles(titles) == expected


@pytest.mark.parametrize(
    ("piece", "expected"),
    [("19.01.2026", "2026-01-19"), ("Jan 19, 2026", "2026-01-19"), ("DW", None), ("Election 2026", None)],
)
def test_a_title_piece_that_is_only_a_date(piece: str, expected: str | None) -> None:
    assert date_piece(piece) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://blogues.lequotidien.example/x", "lequotidien"),
        ("https://www.bbc.co.uk/news/x", "bbc"),
        ("https://reuters.com/article/x", "reuters"),
        (None, ""),
    ],
)
def test_the_registered_name_of_a_host(url: str | None, expected: str) -> None:
    assert domain_label(url) == expected


def test_headline_decorations_go_but_the_words_stay() -> None:
    assert tidy_headline("» Going offline in 1999") == "Going offline in 1999"
    assert (
        tidy_headline("港湾の新ルール　来月から運用開始　（写真＝共同）")
        == "港湾の新ルール　来月から運用開始"
    )
    assert tidy_headline("Ferry strike (video)") == "Ferry strike (video)"
    # A full-width colon inside a CJK headline is punctuation; after a space it separates the site.
    assert clean_title("外国专家：合作共赢符合利益", site="海湾日报网")[0] == "外国专家：合作共赢符合利益"
    assert clean_title("港湾の新ルール　：湾岸経済新聞", site="湾岸経済新聞")[0] == "港湾の新ルール"


@pytest.mark.parametrize(
    ("byline", "persons", "orgs"),
    [
        # A degree after the name is hers; the body after it is an affiliation, not "MA Harbour Health News".
        ("By Brenda Goodwin, MA Harbour Health News", ["Brenda Goodwin"], ["Harbour Health News"]),
        # A date stamp glued to the name by the page's markup.
        ("By Jane DoeUpdated 3:45 PM ET, Mon June 22, 2026", ["Jane Doe"], []),
        ("By Lucas Noland22 Dec 2016651", ["Lucas Noland"], []),
        # Buttons beside the name.
        ("Jane Doe Follow", ["Jane Doe"], []),
        ("Follow Jane Doe", ["Jane Doe"], []),
        # A role on the next line, the line break lost.
        ("Jane Doe\nStaff Writer", ["Jane Doe"], []),
        # A reviewer is not an author.
        ("By Jane Doe; Reviewed by John Roe, MD", ["Jane Doe"], []),
        ("Reviewed by John Roe, MD", [], []),
        # A follow button glued to the name; a blog footer's "at <time>".
        ("Jane DoeFollow", ["Jane Doe"], []),
        ("Posted by Jane Doe at 5:11 AM", ["Jane Doe"], []),
        ("Posted by Jane Doe at 17.05", ["Jane Doe"], []),
    ],
)
def test_bylines_as_pages_really_write_them(byline: str, persons: list[str], orgs: list[str]) -> None:
    assert split_names(byline) == (persons, orgs)


def test_korean_dotted_dates() -> None:
    # Korean pages write "2023. 2. 5." (a space after each dot), often with the time after it.
    assert find_written_date("2023. 2. 5. 11:40") == "2023-02-05"
    assert parse_date("2023. 12. 24.", now=NOW) == "2023-12-24"
    assert find_written_date("In 2019. 3 people came.") is None


def test_a_publication_on_a_blog_platform_is_cited_by_its_own_name() -> None:
    assert tidy_site("Naver Blog | Harbour Notes") == "Harbour Notes"
    assert tidy_site("네이버 블로그 | 항구의 블로그") == "항구의 블로그"
    assert tidy_site("Harbour Ledger | Nachrichten") == "Harbour Ledger | Nachrichten"


def test_a_personal_site_names_its_owner_but_a_magazine_does_not() -> None:
    from reader.ingest.metadata.authors import _site_owner

    assert _site_owner("Gregory Szorc's Digital Home") == "Gregory Szorc"
    assert _site_owner("Ines Moorcroft’s Workshop") == "Ines Moorcroft"
    for magazine in ("Tom's Hardware", "Men's Health", "Harper's Bazaar", "Barron's", "The Editor's Desk"):
        assert _site_owner(magazine) is None
