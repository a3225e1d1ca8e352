"""Hostile and broken inputs: each gives an article or a clear per-file error, never a hang.

Every case here is something a user's folder of saved pages really contains sooner or
later: files that are not pages, damaged bytes, pathological markup, odd file names.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import IngestError
from reader.ingest.pipeline import extract_bytes, extract_file

from .conftest import GOOD_PAGE, HOSTILE, _huge_page

pytestmark = pytest.mark.timeout(180)


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
        failed_names = {Path(f.path).name for f in failures}
        assert {"binary.html", "empty.html", "png-named.html"} <= failed_names
        assert library.check().ok


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
    assert "javascript:" not in article.html
    assert "x.test" not in article.html


def test_good_page_control(tmp_path: Path) -> None:
    """The fixture's good page really is good: the hostile tests above compare against it."""
    path = tmp_path / "good.html"
    path.write_text(GOOD_PAGE, encoding="utf-8")
    assert extract_file(path).title == "A good page"
