"""When a page was saved (its accessed date) and what kind of publication it is, from the saved file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reader.ingest import extract_bytes, extract_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
BODY = "<h1>Harbour levy</h1>" + "<p>The levy falls on every tonne landed at the harbour this winter.</p>" * 8


def _page(
    head: str = "", *, html_attrs: str = "", before: str = "", after: str = "", body: str = BODY
) -> bytes:
    return (
        f"<!DOCTYPE html>{before}<html {html_attrs}><head><title>Harbour levy</title>{head}</head>"
        f"<body>{body}</body>{after}</html>"
    ).encode()


def _local_day(stamp: dt.datetime) -> str:
    return stamp.astimezone().date().isoformat()


# -- accessed: the saver's notes ----------------------------------------------------------------------------


def test_mhtml_date_header_is_the_accessed_date() -> None:
    article = extract_file(CORPUS / "herald-09-aldenport-sea-wall.mhtml")
    assert (article.accessed, article.provenance["accessed"]) == ("2026-05-02", "mhtml:Date")


def test_singlefile_comment_gives_the_day_in_the_savers_time_zone() -> None:
    note = (
        "<!--\n Page saved with SingleFile \n url: https://quiet-ledger.example/levy \n"
        " saved date: Sun May 03 2026 00:14:08 GMT+0200 (Central European Summer Time)\n-->"
    )
    data = _page(before="", html_attrs="lang=en").replace(b"<head>", note.encode() + b"<head>", 1)
    article = extract_bytes(data, path="levy.html")
    # 22:14 UTC on 2 May, but the person saving it saw 3 May on their calendar
    assert (article.accessed, article.provenance["accessed"]) == ("2026-05-03", "singlefile")


def test_save_page_we_meta_and_webscrapbook_attribute() -> None:
    meta = '<meta name="savepage-date" content="Sat May 02 2026 21:14:08 GMT+0200 (CEST)">'
    article = extract_bytes(_page(meta), path="levy.html")
    assert (article.accessed, article.provenance["accessed"]) == ("2026-05-02", "savepage-we")
    stamp = dt.datetime(2026, 5, 2, 12, 0, 0, tzinfo=dt.UTC)
    article = extract_bytes(_page(html_attrs='data-scrapbook-create="20260502120000123"'), path="levy.html")
    assert (article.accessed, article.provenance["accessed"]) == (_local_day(stamp), "webscrapbook")


@pytest.mark.parametrize(
    ("comment", "label"),
    [
        (
            "<!-- Mirrored from quiet-ledger.example/levy.html by HTTrack Website Copier/3.x [XR&CO'2014], "
            "Sat, 02 May 2026 12:14:08 GMT -->",
            "httrack",
        ),
        ("<!-- Saved from https://ledger.example/levy at 2026-05-02T12:14:08Z using monolith v2.8.1 -->",
         "monolith"),
        (
            "<!-- FILE ARCHIVED ON 10:00:00 Jan 05, 2024 AND RETRIEVED FROM THE INTERNET ARCHIVE ON "
            "12:14:08 May 02, 2026. -->",
            "wayback",
        ),
        ("<!-- Page archived by a script on 2026-05-02 12:14:08 UTC -->", "saver-note"),
    ],
)  # fmt: skip
def test_mirroring_tools_notes(comment: str, label: str) -> None:
    stamp = dt.datetime(2026, 5, 2, 12, 14, 8, tzinfo=dt.UTC)
    for placement in ({"before": comment}, {"after": comment}):
        article = extract_bytes(_page(**placement), path="levy.html")
        assert (article.accessed, article.provenance["accessed"]) == (_local_day(stamp), label), placement


def test_a_dated_url_in_a_save_page_as_comment_is_not_a_save_date() -> None:
    saved_from = "<!-- saved from url=(0045)https://quiet-ledger.example/2024-03-01/levy -->"
    article = extract_bytes(_page(before=saved_from), path="levy.html")
    assert article.accessed is None and "accessed" not in article.provenance


# -- accessed: the file ------------------------------------------------------------------------------------


def test_modification_time_when_the_page_says_nothing(tmp_path: Path) -> None:
    page = tmp_path / "levy.html"
    page.write_bytes(_page())
    stamp = dt.datetime(2025, 11, 30, 9, 30).timestamp()
    os.utime(page, (stamp, stamp))
    article = extract_file(page)
    assert (article.accessed, article.provenance["accessed"]) == ("2025-11-30", "file-mtime")


def test_the_savers_note_wins_over_the_file_and_an_impossible_time_is_ignored(tmp_path: Path) -> None:
    page = tmp_path / "levy.html"
    meta = '<meta name="savepage-date" content="Sat May 02 2026 21:14:08 GMT+0200 (CEST)">'
    page.write_bytes(_page(meta))
    article = extract_file(page)
    assert article.provenance["accessed"] == "savepage-we"
    page.write_bytes(_page())
    os.utime(page, (0, 0))  # 1970: a zeroed clock, not a save date
    assert extract_file(page).accessed is None


def test_an_mhtml_of_a_page_already_on_disk_keeps_the_original_save(tmp_path: Path) -> None:
    note = (
        "<!--\n Page saved with SingleFile \n url: https://x.example/ \n"
        " saved date: Fri Jan 09 2026 10:00:00 GMT+0100 (CET)\n-->"
    )
    html = _page().replace(b"<head>", note.encode() + b"<head>", 1).decode()
    archive = (
        "From: <Saved by Blink>\nSnapshot-Content-Location: file:///home/me/levy.html\n"
        "Date: Sat, 2 May 2026 21:14:08 +0200\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; type="text/html"; boundary="B"\n\n--B\n'
        "Content-Type: text/html\nContent-Location: file:///home/me/levy.html\n\n" + html + "\n--B--\n"
    )
    article = extract_bytes(archive.encode(), path="levy.mhtml")
    assert (article.accessed, article.provenance["accessed"]) == ("2026-01-09", "singlefile")
    from_web = archive.replace("file:///home/me/levy.html", "https://x.example/")
    assert extract_bytes(from_web.encode(), path="levy.mhtml").provenance["accessed"] == "mhtml:Date"


# -- item types --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "item_type", "provenance"),
    [
        ("herald-01-grain-terminal-fire.html", "article-newspaper", "json-ld:NewsArticle"),
        ("ledger-01-harbour-levy.html", "post-weblog", "generator:WordPress 6.6.2"),
        ("inkwell-01-untranslatable-harbour-law.html", "post-weblog", "json-ld:BlogPosting"),
        ("aima-01-saarvik-blockade-legacy.html", "post-weblog", "markup:blog-post"),
        ("lantern-01-last-auctioneer.mhtml", "article-magazine", "site-name"),
        ("shiomi-02-herring-move-north.html", "article-newspaper", "site-name"),
        ("ccpr-01-ostrogard-budget-squeeze.html", None, None),
    ],
)
def test_corpus_pages_get_the_type_their_evidence_shows(
    name: str, item_type: str | None, provenance: str | None
) -> None:
    article = extract_file(CORPUS / name)
    assert (article.item_type, article.provenance.get("item_type")) == (item_type, provenance)


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<script type="application/ld+json">{"@type": "Report", "headline": "Seabed security"}</script>',
         "https://aima.example/r/1", ("report", "json-ld:Report")),
        ('<meta name="citation_technical_report_institution" content="AIMA">', "https://aima.example/r/2",
         ("report", "meta:citation_technical_report_institution")),
        # Medium marks posts up as NewsArticle: the platform wins
        ('<meta property="al:android:app_name" content="Medium"><script type="application/ld+json">'
         '{"@type": "NewsArticle", "headline": "Harbour levy"}</script>', "https://levy.example/p/1",
         ("post-weblog", "meta:al:android:app_name:Medium")),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour levy"}</script>',
         "https://someone.substack.com/p/levy", ("post-weblog", "host:substack.com")),
        ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Harbour levy", '
         '"publisher": {"@id": "#org"}}, {"@id": "#org", "@type": "NewsMediaOrganization", "name": "Kessvik '
         'Post"}]}</script><meta name="generator" content="WordPress 6.5">', "https://kessvik.example/levy",
         ("article-newspaper", "json-ld:publisher NewsMediaOrganization")),
        ('<meta name="generator" content="Blogger">', "https://levy.example/2026/05/levy.html",
         ("post-weblog", "generator:Blogger")),
        ('<meta property="og:type" content="website">', "https://levy.example/about", ("webpage", "og:type")),
        ('<meta property="og:site_name" content="Harbour Monthly">', "https://levy.example/a",
         ("article-magazine", "site-name")),
        ('<meta property="og:site_name" content="Levy">', "https://news.levy.example/a",
         ("article-newspaper", "host")),
    ],
)  # fmt: skip
def test_item_type_evidence_on_a_page(head: str, url: str, expected: tuple[str, str]) -> None:
    article = extract_bytes(_page(head + f'<link rel="canonical" href="{url}">'), path="levy.html")
    assert (article.item_type, article.provenance.get("item_type")) == expected
