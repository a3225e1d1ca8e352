"""The extraction pipeline as a user meets it: safe reader HTML, clear errors, the ``extract`` command."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main as cli_main
from reader.errors import IngestError
from reader.ingest import extract_bytes, extract_file

STORY = "".join(
    f"<p>Paragraph {n}: the ferry timetable changes in May, when the summer boats return to the islands "
    f"and the evening crossing moves half an hour later to meet the last train.</p>"
    for n in range(6)
)


def page(body: str, head: str = "<title>Ferry timetable changes</title>") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()
    )


def test_reader_html_carries_no_code_handlers_or_remote_resources() -> None:
    hostile = (
        "<article><h1>Ferry timetable changes</h1>"
        "<p onmouseover='steal()'>Timetables <a href='javascript:alert(1)'>here</a> and "
        "<a href='JaVaScRiPt:evil()'>there</a> and <a href='data:text/html,boo'>data</a>.</p>"
        "<img src='https://tracker.example/pixel.gif' onerror='steal()'>"
        "<iframe src='https://ads.example/frame'></iframe><object data='x.swf'></object>"
        "<svg><script>steal()</script></svg><style>p{}</style>"
        "<p><a href='https://ferries.example/times' style='color:red'>The new times</a></p>"
        f"{STORY}</article>"
    )
    article = extract_bytes(page(hostile), path="hostile.html")
    html = article.html.lower()
    for forbidden in ("<script", "onmouseover", "onerror", "javascript:", "<iframe", "<object", "<style",
                      "tracker.example", "ads.example", "data:text", "style="):  # fmt: skip
        assert forbidden not in html, forbidden
    assert '<a href="https://ferries.example/times">' in article.html
    assert "Paragraph 5: the ferry timetable" in article.text


def test_relative_links_are_resolved_against_the_page_url() -> None:
    link = "<a href='/timetables/summer'>the summer timetable</a>"
    body = f"<article><p>See {link} for details.</p>{STORY}</article>"
    head = "<title>Ferry</title><link rel='canonical' href='https://ferries.example/news/may'>"
    article = extract_bytes(page(body, head), path="links.html")
    assert 'href="https://ferries.example/timetables/summer"' in article.html


def test_text_puts_one_blank_line_between_paragraphs_headings_and_items() -> None:
    body = (
        "<article><h1>Ferry timetable changes</h1><h2>Summer</h2>"
        f"{STORY}<ul><li>First boat at six</li><li>Last boat at ten</li></ul></article>"
    )
    article = extract_bytes(page(body), path="text.html")
    blocks = article.text.split("\n\n")
    assert "Summer" in blocks
    assert "First boat at six" in blocks and "Last boat at ten" in blocks
    assert all(block.strip() == block and block for block in blocks)
    assert "\n\n\n" not in article.text


def test_content_hash_is_the_sha256_of_the_original_bytes() -> None:
    import hashlib

    data = page(f"<article>{STORY}</article>")
    assert extract_bytes(data, path="hash.html").content_hash == hashlib.sha256(data).hexdigest()


def test_errors_name_the_file_and_the_problem(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match=r"empty\.html: empty file"):
        extract_file(empty)
    with pytest.raises(IngestError, match=r"missing\.html: cannot read: no such file"):
        extract_file(tmp_path / "missing.html")
    with pytest.raises(IngestError, match=r"notes\.docx: not a saved page"):
        (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
        extract_file(tmp_path / "notes.docx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_says_permission_denied(tmp_path: Path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_bytes(page(STORY))
    locked.chmod(0)
    try:
        with pytest.raises(IngestError, match=r"locked\.html: cannot read: permission denied"):
            extract_file(locked)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_extract_json_gives_one_line_per_path_in_order_with_errors_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "b-good.html"
    good.write_bytes(page(f"<article>{STORY}</article>"))
    bad = tmp_path / "a-bad.html"
    bad.write_bytes(b"")
    folder = tmp_path / "folder"
    (folder / "story_files").mkdir(parents=True)
    (folder / "story.htm").write_bytes(page(f"<article>{STORY}</article>"))
    (folder / "story_files" / "frame.html").write_bytes(page("resource, not a page"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")

    status = cli_main(["extract", "--json", str(good), str(bad), str(folder)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert status == 0
    assert [Path(row["path"]).name for row in rows] == ["b-good.html", "a-bad.html", "story.htm"]
    assert rows[0]["error"] is None and rows[0]["title"] == "Ferry timetable changes"
    assert "empty file" in rows[1]["error"] and rows[1]["title"] is None and rows[1]["authors"] == []
    for key in ("path", "title", "authors", "date", "site", "url", "language", "excerpt", "series", "topics",
                "text", "html", "repairs", "provenance", "error"):  # fmt: skip
        assert all(key in row for row in rows), key


def test_extract_fails_only_when_every_file_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    assert cli_main(["extract", str(bad)]) != 0
    assert "empty file" in capsys.readouterr().out


def test_extract_summary_is_readable(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(page(f"<article>{STORY}</article>"))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(good)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "title:   Ferry timetable changes" in out.stdout
    assert "words:" in out.stdout


def test_deeply_nested_and_attribute_heavy_pages_finish_with_an_article_or_an_error() -> None:
    deep = ("<html><body>" + "<div><span>" * 20_000 + "deep" + "</span></div>" * 20_000).encode()
    heavy = ("<html><body><p " + " ".join(f"a{i}='{i}'" for i in range(200_000)) + ">x</p>" + STORY).encode()
    for name, data in (("deep.html", deep), ("heavy.html", heavy)):
        try:
            article = extract_bytes(data, path=name)
        except IngestError as exc:
            assert name in str(exc)
        else:
            assert isinstance(article.text, str)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), kind=st.sampled_from([None, "html", "xhtml", "mhtml", "text"]))
def test_extract_bytes_raises_only_ingest_errors_on_arbitrary_bytes(data: bytes, kind: str | None) -> None:
    try:
        article = extract_bytes(data, path="fuzz.bin", kind=kind)
    except IngestError as exc:
        assert "fuzz.bin" in str(exc)
    else:
        assert isinstance(article.text, str) and isinstance(article.html, str)


def test_right_to_left_pages_stay_right_to_left() -> None:
    body = (
        "<article><p>"
        + "نص عربي طويل عن جدول العبارات الجديد في الصيف، ومواعيد القوارب. " * 12
        + "</p></article>"
    )
    data = f"<html dir='rtl' lang='ar'><head><title>العبارات</title></head><body>{body}</body></html>"
    article = extract_bytes(data.encode(), path="rtl.html")
    assert article.html.startswith('<div dir="rtl">')
    assert "جدول العبارات" in article.text


def test_a_second_extractor_is_asked_when_the_first_finds_next_to_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.ingest.body.dom import new_element
    from reader.ingest.body.readability import Readability

    def finds_a_crumb(self: Readability, root: object) -> object:
        crumb = new_element("div")
        crumb.text = "Share"
        return crumb

    monkeypatch.setattr(Readability, "run", finds_a_crumb)
    article = extract_bytes(page(f"<article>{STORY * 3}</article>"), path="fallback.html")
    assert "Paragraph 3: the ferry timetable changes in May" in article.text


def test_book_length_pages_skip_scoring_and_keep_their_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ingest.body import choose

    monkeypatch.setattr(choose, "HUGE_PAGE_CHARS", 500)
    article = extract_bytes(page(f"<nav>Menu</nav><article>{STORY}</article>"), path="book.html")
    assert "Paragraph 5: the ferry timetable" in article.text
    assert "Menu" not in article.text


def test_malformed_urls_lose_their_link_not_the_article() -> None:
    head = "<title>Ferry</title><link rel='canonical' href='http://[broken'>"
    odd = "<a href='http://[::1'>odd link</a> <img src='http://[zz'>"
    body = f"<article><p>{odd} kept words.</p>{STORY}</article>"
    article = extract_bytes(page(body, head), path="urls.html")
    assert "odd link kept words." in article.text
    assert "[::1" not in article.html and "<img" not in article.html


ATTRIBUTES = st.sampled_from(
    ["href", "src", "colspan", "rowspan", "start", "style", "dir", "class", "id", "hidden"]
)
TAGS = st.sampled_from(["a", "img", "td", "ol", "p", "div", "figure", "pre", "table", "section", "br"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TAGS, ATTRIBUTES, st.text(max_size=12), st.text(max_size=30)), max_size=25))
def test_any_attribute_values_give_an_article_or_an_ingest_error(
    parts: list[tuple[str, str, str, str]],
) -> None:
    markup = "".join(f"<{tag} {name}='{value}'>{text}</{tag}>" for tag, name, value, text in parts)
    try:
        article = extract_bytes(page(markup + STORY), path="attributes.html")
    except IngestError as exc:
        pytest.fail(f"a page with odd attributes was refused: {exc}")
    assert "Paragraph 0" in article.text or "Paragraph 5" in article.text


def test_every_field_metadata_decides_reaches_the_article_with_its_type() -> None:
    from dataclasses import fields

    from reader.ingest import Article
    from reader.ingest.metadata.page import Metadata
    from reader.ingest.pipeline import SHARED_FIELDS

    article_types = {f.name: f.type for f in fields(Article)}
    decided = [f for f in fields(Metadata) if f.name != "consumed"]  # consumed: elements for the cleaner
    assert [f.name for f in decided] == list(SHARED_FIELDS)
    assert all(article_types[f.name] == f.type for f in decided)

    head = "<title>Ferry timetable changes</title><meta name='author' content='Ines Moorcroft'>"
    article = extract_bytes(page(f"<article>{STORY}</article>", head), path="fields.html")
    assert article.authors == ["Ines Moorcroft"] and article.provenance["authors"] == "meta:author"
