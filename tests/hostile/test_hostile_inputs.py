"""Hostile and broken inputs: each gives an article or a clear per-file error, never a hang.

Every case here is something a user's folder of saved pages really contains sooner or
later: files that are not pages, damaged bytes, pathological markup, odd file names.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import IngestError
from reader.ingest import Article, extract_bytes, extract_file

from .conftest import GOOD_PAGE, HOSTILE, _huge_page

pytestmark = pytest.mark.timeout(180)

SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "dir", "colspan", "rowspan", "start"}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_gives_an_article_or_an_error_naming_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name]())
    try:
        article = extract_file(path)
    except IngestError as exc:
        assert name in str(exc), f"the error must name the file: {exc}"
        assert len(str(exc)) > len(str(path)) + 5, f"the error must say what is wrong: {exc}"
    else:
        assert isinstance(article.text, str)
        assert "<script" not in article.html.lower()


def test_gzipped_page_is_read_as_the_page_inside(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_bytes(HOSTILE["gzipped.html"]())
    article = extract_file(path)
    assert article.title == "A good page"
    assert "harbour cranes" in article.text


def test_utf16_text_dump_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(HOSTILE["utf16.txt"]())
    article = extract_file(path)
    assert "harbour master’s notes" in article.text


def test_nul_bytes_and_invalid_utf8_keep_the_readable_text(tmp_path: Path) -> None:
    for name in ("nul-bytes.html", "invalid-utf8.html"):
        path = tmp_path / name
        path.write_bytes(HOSTILE[name]())
        article = extract_file(path)
        assert "Paragraph 3 of a perfectly" in article.text
        assert "\x00" not in article.text and "\x00" not in article.html


def test_binary_file_named_html_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(HOSTILE["png-named.html"]())
    with pytest.raises(IngestError, match=r"photo\.html"):
        extract_file(path)


def test_empty_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"empty"):
        extract_file(path)


def test_a_hostile_folder_imports_the_good_pages_and_reports_every_bad_one(
    tmp_path: Path, hostile_folder: Path
) -> None:
    from reader.library.facade import Library
    from reader.library.types import ImportStatus

    with Library.open(tmp_path / "lib") as library:
        results = list(library.import_paths([hostile_folder], workers=2))
        titles = {r.title for r in results if r.status is ImportStatus.IMPORTED}
        failures = [r for r in results if r.status is ImportStatus.FAILED]
        assert "A good page" in titles
        assert "Newline name" in titles
        for failure in failures:
            assert failure.error, f"{failure.path} failed without a reason"
            assert Path(failure.path).name in failure.error, f"the error must name the file: {failure.error}"
        failed_names = {Path(f.path).name for f in failures}
        assert {
            "binary.html",
            "empty.html",
            "png-named.html",
            "gzip-bomb.html",
        } <= failed_names
        assert "deep-nesting.html" not in failed_names  # its text lies 100,000 levels down: it is kept
        assert {"a-fifo.html", "dangling.html", "self-link.html"} <= failed_names  # reported, never opened
        if os.geteuid() != 0:
            assert "unreadable.html" in failed_names
        assert len({r.path for r in results}) == len(results), "a file was reported twice (a symlink loop?)"
        assert library.count() == sum(r.status is ImportStatus.IMPORTED for r in results)
        assert library.check().ok


@pytest.mark.slow
def test_a_50_megabyte_page_imports_with_bounded_memory(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(_huge_page(50))
    script = textwrap.dedent(
        f"""
        import json, resource
        from reader.library.facade import Library
        with Library.open({str(tmp_path / "lib")!r}) as lib:
            results = list(lib.import_paths([{str(page)!r}], workers=1))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({{"status": results[0].status.value, "error": results[0].error,
                           "peak_mb": max(peak_mb, kids_mb)}}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=170)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["status"] in {"imported", "failed"}
    if report["status"] == "failed":
        assert "huge.html" in report["error"]
    assert report["peak_mb"] < 2048, f"a 50 MB page took {report['peak_mb']:.0f} MB"


HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<head>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<table><tr><td>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<meta charset='shift_jis'>",
        "<meta charset='utf-16'>",
        "<?xml version='1.0' encoding='big5'?>",
        "<title>",
        "</title>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "&bogus;",
        "<a href='javascript:alert(1)'>",
        "<img src=//x.test/t.gif>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [null, 3]}</script>',
        "鈥渟pirit鈥",
        "Ã©",
        "\x00",
        "\ufeff",
        "\ud7ff",
        "word ",
        "\n\n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=60), st.binary(max_size=64))
def test_markup_soup_never_raises_anything_but_an_ingest_error(pieces: list[str], tail: bytes) -> None:
    data = "".join(pieces).encode("utf-8", errors="surrogatepass") + tail
    try:
        article = extract_bytes(data, path="soup.html")
    except IngestError:
        return
    assert_only_safe_attributes(article.html)


def assert_only_safe_attributes(html: str) -> None:
    """Reader HTML may *say* "javascript:" or name a host in its text; its attributes may not use them.

    Links go to http(s), mailto or in-page targets; images are saved resources or inline data only.
    """
    if not html.strip():
        return
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler kept: {name}={value!r}"
            assert name in SAFE_ATTRIBUTES, f"attribute {name!r} is not on the allow-list (<{element.tag}>)"
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            assert not squeezed.startswith(("javascript:", "vbscript:", "data:text")), f"{name}={value!r}"
            if name == "href":
                assert squeezed.startswith(("http://", "https://", "mailto:", "#")), f"href={value!r}"
            if name == "src":
                assert squeezed.startswith("data:image/") or not re.match(
                    r"^([a-z][a-z0-9+.-]*:|//)", squeezed
                ), f"remote or foreign image source kept: {value!r}"


def test_good_page_control(tmp_path: Path) -> None:
    """The fixture's good page really is good: the hostile tests above compare against it."""
    path = tmp_path / "good.html"
    path.write_text(GOOD_PAGE, encoding="utf-8")
    assert extract_file(path).title == "A good page"


def _extract_fixture(tmp_path: Path, name: str) -> Article:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name]())
    return extract_file(path)


@pytest.mark.parametrize("name", ["script-only.html", "only-tags.html"])
def test_pages_with_nothing_to_read_are_refused_not_imported_empty(tmp_path: Path, name: str) -> None:
    with pytest.raises(IngestError, match=rf"{re.escape(name)}: no article found"):
        _extract_fixture(tmp_path, name)


def test_text_nested_100000_levels_deep_is_read_not_cut(tmp_path: Path) -> None:
    # libxml2 stopped at 256 levels and the page came out empty; browsers show the text.
    assert _extract_fixture(tmp_path, "deep-nesting.html").text == "deep text"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("gzip-bomb.html", "too large"), ("gzip-truncated.html", "truncated"), ("broken-mhtml.mhtml", "MHTML")],
)
def test_damaged_or_oversized_archives_are_refused_clearly(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(IngestError, match=re.escape(name)) as caught:
        _extract_fixture(tmp_path, name)
    assert reason in str(caught.value)


@pytest.mark.parametrize("name", ["utf16-page.html", "mhtml-named.html", "nul-everywhere.html"])
def test_odd_but_honest_pages_give_the_good_article(tmp_path: Path, name: str) -> None:
    article = _extract_fixture(tmp_path, name)
    assert article.title == "A good page"
    assert "Paragraph 11 of a perfectly ordinary article" in article.text


def test_a_utf16_text_dump_without_bom_is_decoded(tmp_path: Path) -> None:
    assert "harbour master’s notes" in _extract_fixture(tmp_path, "utf16-no-bom.txt").text


def test_a_utf8_page_with_some_broken_bytes_stays_utf8(tmp_path: Path) -> None:
    """A few damaged bytes must not turn every good character of a UTF-8 page into mojibake."""
    good = (
        "<html><head><meta charset='utf-8'><title>Café crème — “quoted” naïve</title></head><body><article>"
        + "".join(
            f"<p>Paragraph {i}: the café’s naïve crème brûlée, “quoted” – déjà vu.</p>" for i in range(12)
        )
        + "</article></body></html>"
    ).encode()
    damaged = good.replace(b"Paragraph 3", b"Paragraph \xff3").replace(b"Paragraph 7", b"Para\xc3\x28graph 7")
    for data in (damaged, damaged.replace(b"<meta charset='utf-8'>", b"")):
        article = extract_bytes(data, path="damaged.html")
        assert article.encoding == "utf-8"
        assert article.title == "Café crème — “quoted” naïve"
        assert "Paragraph 11: the café’s naïve crème brûlée, “quoted” – déjà vu." in article.text


def test_bidi_controls_and_combining_marks_pass_through_as_text(tmp_path: Path) -> None:
    article = _extract_fixture(tmp_path, "bidi-and-zalgo.html")
    assert "paragraph 9 about tides" in article.text
    assert_only_safe_attributes(article.html)


PREFIXES = st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b\x08\x00", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n",
     b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n",
     b"<?xml version='1.0'?>"]
)  # fmt: skip


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    PREFIXES, st.binary(max_size=2048), st.sampled_from(["page.html", "page.txt", "page.mhtml", "page.xhtml"])
)
def test_arbitrary_bytes_under_any_page_name_give_an_article_or_an_ingest_error(
    prefix: bytes, body: bytes, name: str
) -> None:
    try:
        article = extract_bytes(prefix + body, path=name, kind=None)
    except IngestError as exc:
        assert str(exc).startswith(f"{name}: "), exc
        return
    assert "\x00" not in article.text
    assert_only_safe_attributes(article.html)


NAME_BYTES = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NAME_BYTES)
def test_any_file_name_is_read_and_reported_printably(tmp_path: Path, stem: bytes) -> None:
    from reader.library.importer import discover, shown

    folder = tmp_path / "names"
    folder.mkdir(exist_ok=True)
    raw = os.fsencode(str(folder)) + b"/" + stem + b".html"
    try:
        with open(raw, "wb") as handle:
            handle.write(GOOD_PAGE.encode())
    except OSError:  # a name this filesystem refuses (too long, reserved): nothing to import
        return
    try:
        found, failures = discover([folder])
        assert failures == []
        assert [os.fsencode(p) for p in found] == [raw] or stem.startswith(b".")
        for path in found:
            assert extract_file(path).title == "A good page"
            shown(path).encode("utf-8")  # always printable and storable
    finally:
        os.unlink(raw)
