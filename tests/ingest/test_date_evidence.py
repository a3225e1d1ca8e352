"""Publication dates weighed as evidence: the ballot of claims, htmldate's second opinion, and the written
dates of many languages the claims are read from."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from reader.ingest import extract_bytes
from reader.ingest.metadata.date_choice import (
    ADDRESS,
    DECLARED,
    PRINTED,
    SECOND_OPINION,
    STAMP,
    DateClaim,
    choose_date,
)
from reader.ingest.metadata.date_opinion import second_opinion
from reader.ingest.metadata.dates import find_written_date, parse_date

NOW = dt.date(2026, 7, 1)


class Opinion:
    """A stand-in for htmldate that records whether and how it was asked."""

    def __init__(self, date: str | None) -> None:
        self.date = date
        self.asked: list[bool] = []

    def __call__(self, nothing_found: bool) -> DateClaim | None:
        self.asked.append(nothing_found)
        return DateClaim(self.date, "htmldate", self.date, SECOND_OPINION) if self.date else None


def test_a_printed_date_beats_a_utc_stamp_one_day_later() -> None:
    claims = [
        DateClaim("2026-02-11", "json-ld", "2026-02-11T03:20:00Z", STAMP),
        DateClaim("2026-02-10", "dateline-text", "Feb 10, 2026 / 10:20 PM EST", PRINTED),
    ]
    choice = choose_date(claims, Opinion(None))
    assert choice.chosen is not None and choice.chosen.date == "2026-02-10"
    verdicts = {entry["source"]: entry["verdict"] for entry in choice.evidence}
    assert verdicts == {"dateline-text": "chosen", "json-ld": "set aside"}
    assert "another clock" in choice.evidence[1]["reason"]


def test_the_address_gives_the_local_day_of_a_utc_stamp() -> None:
    claims = [
        DateClaim("2026-03-19", "meta:article:published_time", "2026-03-19T04:38:49+00:00", STAMP),
        DateClaim("2026-03-18", "url", "2026/03/18", ADDRESS),
    ]
    assert choose_date(claims, Opinion(None)).chosen == claims[1]


def test_a_stamp_with_its_own_offset_keeps_its_day() -> None:
    # 23:40 at +01:00 is New Year's Eve where the publisher is, whatever a theme prints beside it.
    claims = [
        DateClaim("2025-12-31", "meta:article:published_time", "2025-12-31T23:40:00+01:00", STAMP),
        DateClaim("2026-01-01", "dateline-text", "Thu 1 Jan 2026", PRINTED),
    ]
    assert choose_date(claims, Opinion(None)).chosen == claims[0]


def test_a_confident_answer_never_asks_htmldate() -> None:
    claims = [
        DateClaim("2024-05-02", "json-ld", "2024-05-02", DECLARED),
        DateClaim("2024-05-02", "byline-text", "By Ana Ruiz, 2 May 2024", PRINTED),
    ]
    opinion = Opinion("2019-01-01")
    assert choose_date(claims, opinion).chosen == claims[0]
    assert opinion.asked == []


def test_htmldate_is_asked_for_its_extensive_search_when_the_page_gives_nothing() -> None:
    opinion = Opinion("2013-10-05")
    choice = choose_date([], opinion)
    assert opinion.asked == [True]
    assert choice.chosen is not None and choice.chosen.source == "htmldate"
    assert "htmldate" in choice.evidence[0]["reason"]


def test_htmldate_settles_a_contest_between_two_weak_sources() -> None:
    claims = [
        DateClaim("2019-07-30", "time-element", "2019-07-30", DECLARED),
        DateClaim("2019-06-27", "dateline-text", "27 juin 2019", PRINTED),
    ]
    opinion = Opinion("2019-06-27")
    choice = choose_date(claims, opinion)
    assert opinion.asked == [False]  # the page has its own claims: htmldate's fast reading first
    assert choice.chosen is not None and choice.chosen.date == "2019-06-27"


def test_htmldate_repeating_a_declared_tag_adds_no_vote() -> None:
    claims = [
        DateClaim("2021-01-01", "json-ld", "2021-01-01T11:00:00.000Z", STAMP),
        DateClaim("2023-04-01", "time-element", "2023-04-01 12:00", STAMP),
        DateClaim("2023-04-01", "dateline-text", "01.04.2023, 12:00 Uhr", PRINTED),
    ]
    choice = choose_date(claims, Opinion("2021-01-01"))
    assert choice.chosen is not None and choice.chosen.date == "2023-04-01"


def test_a_january_first_only_htmldate_gives_is_a_year_not_a_date() -> None:
    choice = choose_date([], Opinion("2017-01-01"))
    assert choice.chosen is None
    assert choice.evidence[0]["verdict"] == "set aside"
    assert "only a year" in choice.evidence[0]["reason"]


def test_the_same_words_read_by_two_sources_vote_once() -> None:
    claims = [
        DateClaim("2020-01-03", "json-ld", "2020-01-03T09:48:24+01:00", STAMP),
        DateClaim("2020-01-06", "byline-text", "Monday, 6 January 2020", PRINTED),
        DateClaim("2020-01-06", "dateline-text", "Monday, 6 January 2020", PRINTED),
    ]
    choice = choose_date(claims, Opinion(None))
    assert choice.chosen is not None and choice.chosen.date == "2020-01-03"
    assert len(choice.evidence) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.02.2022", "2022-02-01"),  # dots are written day first, whatever the numbers
        ("4. 2. 2022", "2022-02-04"),
        ("Datum: 18.10.2021 Autor: se", "2021-10-18"),
        ("21. Jan 2022 // Dominik Ricker", "2022-01-21"),
        ("3. Jänner 2022", "2022-01-03"),
        ("12 okt. 2021", "2021-10-12"),
        ("1er janvier 2022", "2022-01-01"),
        ("21 stycznia 2022", "2022-01-21"),
        ("21. ledna 2022", "2022-01-21"),
        ("21 января 2022 г.", "2022-01-21"),
        ("5 Kasım 2021", "2021-11-05"),
        ("KASIM 5, 2021", "2021-11-05"),
        ("21. tammikuuta 2022", "2022-01-21"),
        ("Freitag, 15. April 2016Samstag", "2016-04-15"),  # a date glued to the next word
        ("Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am: 01.11.2023", "2023-11-01"),
        ("Updated: 2023-11-07 15:30 / Written 2023-11-06", "2023-11-06"),
        ("03/04/2026", None),  # March or April: refused rather than guessed
    ],
)
def test_written_dates_in_many_languages(text: str, expected: str | None) -> None:
    assert find_written_date(text, now=NOW) == expected


def test_a_dotted_date_is_day_first_when_parsed_whole() -> None:
    assert parse_date("01.02.2022", now=NOW, loose=True) == "2022-02-01"


def test_htmldate_reads_a_page_without_changing_its_tree() -> None:
    html = (
        "<html><head><title>x</title></head><body><h1>Harbour news</h1>"
        "<p class='date'>Published on 14 March 2019</p><p>Text of the article, long enough.</p>"
        "<script>var x = 1;</script></body></html>"
    )
    tree = lxml.html.fromstring(html)
    before = lxml.html.tostring(tree)
    opinion = second_opinion(tree, nothing_found=True)
    assert opinion is not None and opinion.date == "2019-03-14" and opinion.source == "htmldate"
    assert lxml.html.tostring(tree) == before


def test_the_article_keeps_the_evidence_for_its_date() -> None:
    page = (
        b"<html><head><title>Levy</title>"
        b'<meta property="article:published_time" content="2026-03-19T04:38:49+00:00"></head>'
        b"<body><h1>Levy</h1><p>Wednesday 18 March 2026</p>"
        b"<p>The harbour levy pays for the breakwater and the pilots, and now for dredging too.</p>"
        b"</body></html>"
    )
    article = extract_bytes(page, path="levy.html")
    assert article.date == "2026-03-18"
    assert article.provenance["date"] == "dateline-text"
    assert [e["verdict"] for e in article.evidence["date"]] == ["chosen", "set aside"]
    assert article.to_json()["evidence"]["date"][1]["raw"] == "2026-03-19T04:38:49+00:00"


def _date_of(body: str) -> tuple[str | None, str | None]:
    page = f"<html><head><title>Arbeitsmarkt</title></head><body>{body}</body></html>".encode()
    article = extract_bytes(page, path="page.html")
    return article.date, article.provenance.get("date")


def test_a_date_opening_the_first_paragraph_is_the_dateline() -> None:
    body = (
        "<h1>Arbeitsmarkt</h1><p><strong>01.02.2022</strong> „Der Arbeitsmarkt ist gut in das neue Jahr "
        "gestartet“, sagte die Vorstandsvorsitzende am Dienstag in Nürnberg vor der Presse.</p>"
    )
    assert _date_of(body) == ("2022-02-01", "dateline-text")


def test_a_number_opening_the_first_paragraph_is_no_dateline() -> None:
    body = (
        "<h1>Arbeitsmarkt</h1><p>12 people lost their jobs on 3 March 2021 when the plant closed, and "
        "many more followed in the months after, the union said.</p>"
    )
    assert _date_of(body)[1] != "dateline-text"  # (htmldate may still read the date in the text)


def test_a_label_whose_date_stands_in_the_next_element() -> None:
    body = (
        "<h1>Brave New Woman</h1><hr><br> Veröffentlichung: <a href='/music/'>04.02.2022</a><br> "
        "Label: House of Clio<p>Leslie Clio stellt ihr neues Album vor, das sie in Berlin aufgenommen "
        "hat, mit zwölf neuen Liedern und einem Duett.</p>"
    )
    assert _date_of(body) == ("2022-02-04", "dateline-label")
