"""File kinds as users save them: text dumps, MHTML archives and "Save page as… complete" folders."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from reader.errors import IngestError
from reader.ingest import extract_bytes, extract_file
from reader.ingest.source.textdump import text_to_html

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
STORY = " ".join(
    ["The quarry pond froze solid for the first time in twenty years, and skaters came from"] * 4
)


def test_hard_wrapped_dump_paragraphs_are_joined_and_whole_lines_kept_apart() -> None:
    wrapped = (
        "Quarry pond freezes over\n\n"
        "The quarry pond froze solid for the first time in twenty years, and\n"
        "skaters came from three villages to try the ice before the thaw that the\n"
        "forecast promised for the weekend.\n\n"
        "Short line one.\nShort line two.\n"
    )
    article = extract_bytes(wrapped.encode(), path="pond.txt", kind="text")
    assert article.title == "Quarry pond freezes over"
    assert "twenty years, and skaters came from three villages" in article.text
    assert "Short line one.\n\nShort line two." in article.text


def test_dump_without_a_headline_keeps_every_line() -> None:
    html = text_to_html("This first line is a sentence of the story, not a title.\n\nAnd a second one.\n")
    assert "<title>" not in html
    assert "This first line is a sentence of the story" in html


def test_dump_bullets_become_a_list() -> None:
    article = extract_bytes(
        f"Skating rules\n\n{STORY}.\n\n  • Stay near the shore\n  • Never skate alone\n".encode(),
        path="rules.txt",
        kind="text",
    )
    assert "<ul><li>Stay near the shore</li><li>Never skate alone</li></ul>" in article.html


def _mhtml(html: str, *, charset: str = "utf-8", encoding: str = "8bit") -> bytes:
    body = html.encode(charset)
    if encoding == "base64":
        body = base64.encodebytes(body)
    return (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="XYZ"\r\n\r\n--XYZ\r\n'
        + f"Content-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n"
        "Content-Location: https://pond.example/news/ice\r\n\r\n".encode()
        + body
        + b"\r\n--XYZ\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://pond.example/img/ice.png\r\n\r\n"
        + base64.encodebytes(PNG)
        + b"\r\n--XYZ--\r\n"
    )


def test_mhtml_base64_part_in_its_declared_charset_with_a_relative_image(tmp_path: Path) -> None:
    html = (
        "<html><head><title>La glace du lac</title></head><body><article>"
        "<p><img src='../img/ice.png' alt='glace'> Le lac a gelé : « une première depuis vingt ans ».</p>"
        f"<p>{STORY}.</p></article></body></html>"
    )
    path = tmp_path / "glace.mht"
    path.write_bytes(_mhtml(html, charset="iso-8859-1", encoding="base64"))
    article = extract_file(path)
    assert article.kind == "mhtml"
    assert "Le lac a gelé : « une première depuis vingt ans »." in article.text
    assert [r.data for r in article.resources] == [PNG]
    assert f'src="{article.resources[0].name}"' in article.html


def test_mhtml_without_a_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "only-image.mhtml"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: image/png\r\n\r\nxx\r\n--B--\r\n"
    )
    with pytest.raises(IngestError, match=r"only-image\.mhtml: MHTML archive without an HTML part"):
        extract_file(path)


def test_saved_folder_images_never_come_from_outside_the_pages_own_folder(tmp_path: Path) -> None:
    (tmp_path / "pond_files").mkdir()
    (tmp_path / "pond_files" / "ice.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(b"not for the reader")
    (tmp_path / "pond_files" / "link.png").symlink_to(tmp_path / "secret.png")
    page = tmp_path / "pond.html"
    page.write_text(
        "<html><head><title>Ice</title></head><body><article>"
        "<p><img src='pond_files/ice.png'><img src='pond_files/link.png'><img src='../secret.png'>"
        f"<img src='{tmp_path / 'secret.png'}'><img src='file://{tmp_path / 'secret.png'}'> {STORY}.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = extract_file(page)
    assert [resource.name for resource in article.resources] == ["pond_files/ice.png"]
    assert article.html.count("<img") == 1
    assert "secret" not in article.html


def test_archive_named_html_and_plain_page_named_mht_are_read_as_what_they_are(tmp_path: Path) -> None:
    archive = tmp_path / "archive.html"
    archive.write_bytes(
        _mhtml(f"<html><head><title>Thin ice</title></head><body><p>{STORY}.</p></body></html>")
    )
    plain = tmp_path / "plain.mht"
    plain.write_text(f"<html><head><title>Thick ice</title></head><body><p>{STORY}.</p></body></html>")
    assert extract_file(archive).title == "Thin ice"
    assert extract_file(plain).title == "Thick ice"


def test_dump_headline_is_found_below_breadcrumbs_and_a_date_line() -> None:
    html = text_to_html(f"Home › News › Weather\n\n12 Feb 2026\n\nQuarry pond freezes over\n\n{STORY}.\n")
    assert "<title>Quarry pond freezes over</title>" in html
    assert "Home › News" not in html
    assert "<p>12 Feb 2026</p>" in html


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_pages_without_a_file_name_are_recognised_as_pages(codec: str) -> None:
    markup = f"<html><head><title>Wide ice</title></head><body><p>{STORY}.</p></body></html>"
    article = extract_bytes(markup.encode(codec), path="wide")
    assert article.title == "Wide ice"
    assert article.text.startswith("The quarry pond froze solid")
