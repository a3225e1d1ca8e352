"""No code, no leaks: the reader HTML allow-list, ``_files/`` containment and escaped citation HTML.

The sanitiser is tested directly with a page holding every dangerous construct we know of;
the saved-page folder reader is tested with references and links that try to climb out of
the page's own ``_files`` folder; the citation engine is fed titles that are markup.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import lxml.html
import pytest

from reader.ingest import Resource, extract_bytes, extract_file
from reader.ingest.body.render import to_html
from reader.ingest.body.sanitize import ALLOWED_TAGS, SanitizeContext, sanitize
from reader.ingest.parse import parse_html

from .test_hostile_inputs import SAFE_ATTRIBUTES, assert_only_safe_attributes

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
DATA_PNG = "data:image/png;base64," + base64.b64encode(PNG).decode()
SVG_WITH_SCRIPT = (
    "data:image/svg+xml;base64," + base64.b64encode(b"<svg><script>alert(1)</script></svg>").decode()
)

EVERY_DANGER = f"""
<article onclick="steal()" style="background:url(https://evil.test/bg)">
<h1 onmouseover="x()">Harbour dues</h1>
<script>fetch('https://evil.test/s')</script><script src="https://evil.test/s.js"></script>
<style>@import 'https://evil.test/a.css'; p {{ background: url(https://evil.test/p) }}</style>
<link rel="stylesheet" href="https://evil.test/l.css"><meta http-equiv="refresh" content="0;url=https://evil.test">
<base href="https://evil.test/"><noscript><img src="https://evil.test/noscript.gif"></noscript>
<template><img src="https://evil.test/template.gif"></template>
<iframe src="https://evil.test/frame"></iframe><frameset><frame src="https://evil.test/f"></frameset>
<object data="https://evil.test/o"></object><embed src="https://evil.test/e"><applet code="x"></applet>
<form action="https://evil.test/form"><input type="image" src="https://evil.test/i.png" formaction="https://e.test">
<button formaction="https://evil.test/b">b</button><textarea>t</textarea><select><option>o</option></select></form>
<svg onload="x()"><script>alert(1)</script><image href="https://evil.test/svg.png"/>
<a xlink:href="javascript:x">s</a></svg>
<math><mtext><img src="https://evil.test/math.png"></mtext></math>
<video src="https://evil.test/v.mp4" poster="https://evil.test/p.jpg"><source src="https://evil.test/s.mp4">
<track src="https://evil.test/t.vtt"></video><audio src="https://evil.test/a.mp3"></audio><canvas></canvas>
<p style="color:red;background-image:url(https://evil.test/inline)" class="x" id="y" data-x="1" tabindex="1">
The port authority raised harbour dues for the third time in a year, citing dredging costs and wages.</p>
<p><img src="https://evil.test/remote.jpg" srcset="https://evil.test/2x.jpg 2x" onerror="x()" alt="remote">
<img src="//evil.test/protocol-relative.jpg"><img src="file:///etc/passwd"><img src="{SVG_WITH_SCRIPT}">
<img src="data:text/html;base64,PHNjcmlwdD4="><img src="page_files/ok.png" onload="x()" style="x" alt="kept">
<img src="{DATA_PNG}" alt="inline"><img data-src="https://evil.test/lazy.jpg"><img src="../secret.png"></p>
<p><a href="javascript:alert(1)">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> <a href="java&#x09;script:x">c</a>
<a href="&#106;avascript:x">d</a> <a href="vbscript:x">e</a> <a href="data:text/html,<script>x</script>">f</a>
<a href="file:///etc/passwd">g</a> <a href="ftp://evil.test/x">h</a> <a href="https://ok.example/a" ping="https://evil.test/p"
target="_blank" onclick="x()" rel="opener">ok link</a> <a href="mailto:editor@ok.example">mail</a>
<a href="#notes">notes</a> <a href="/relative/path">relative</a></p>
<table background="https://evil.test/t.png"><tr><td background="https://evil.test/td.png" colspan="2"
onclick="x()">Shipowners said the rise would be passed on to passengers and freight customers alike.
</td></tr></table>
<marquee>old</marquee><isindex action="https://evil.test/isindex"><portal src="https://evil.test/portal"></portal>
<p>Writing javascript: in a sentence, or naming evil.test, is only text and stays.</p>
</article>"""


def _sanitised(markup: str) -> str:
    ok = Resource(name="page_files/ok.png", media_type="image/png", data=PNG)
    context = SanitizeContext(resolve_image=lambda ref: ok if ref == ok.name else None)
    tree = parse_html(markup, "danger.html").find(".//article")  # the parse the pipeline does
    return to_html(sanitize(tree, context))


def test_the_sanitiser_keeps_only_allow_listed_tags_and_attributes() -> None:
    html = _sanitised(f"<html><body>{EVERY_DANGER}</body></html>")
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)} - {"div"}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert_only_safe_attributes(html)
    images = [img.get("src") for img in tree.iter("img")]
    assert images == ["page_files/ok.png", DATA_PNG], images
    links = [a.get("href") for a in tree.iter("a") if a.get("href")]
    assert links == ["https://ok.example/a", "mailto:editor@ok.example", "#notes"], links
    assert "evil.test" not in " ".join(f"{k}={v}" for e in tree.iter() for k, v in e.attrib.items())
    for dropped in ("script", "style", "iframe", "object", "embed", "form", "svg", "video", "textarea"):
        assert f"<{dropped}" not in html
    assert "third time in a year" in html and "passed on to passengers" in html
    assert "Writing javascript: in a sentence, or naming evil.test, is only text" in html


def test_content_after_an_embed_or_source_is_kept() -> None:
    """libxml2 treats HTML5 void elements as containers; dropping one must not drop what follows."""
    body = "".join(
        f"<p>Paragraph {i} on harbour dues and the dredging of the outer channel.</p>" for i in range(6)
    )
    for void in (
        "<embed src='https://evil.test/e'>",
        "<source src='https://evil.test/s.mp4'>",
        "<track src=x>",
    ):
        article_markup = f"<article><p>Lead.</p>{void}{body}</article>"
        page = f"<html><head><title>Dues</title></head><body>{article_markup}</body></html>"
        article = extract_bytes(page.encode(), path="embed.html")
        assert "Paragraph 5 on harbour dues" in article.text, (void, article.text)
        assert "evil.test" not in article.html


def test_the_whole_pipeline_applies_the_same_allow_list() -> None:
    page = f"<!doctype html><html><head><title>Harbour dues</title></head><body>{EVERY_DANGER}</body></html>"
    article = extract_bytes(page.encode(), path="danger.html")
    assert_only_safe_attributes(article.html)
    tree = lxml.html.fragment_fromstring(article.html, create_parent="div")
    assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} - {"div"} <= ALLOWED_TAGS
    assert all(not (img.get("src") or "").startswith(("http", "//", "file")) for img in tree.iter("img"))
    assert "third time in a year" in article.text
    assert set(SAFE_ATTRIBUTES) >= {k for e in tree.iter() for k in e.attrib}


# -- _files/ containment -----------------------------------------------------------------------------


def _saved_page(root: Path) -> tuple[Path, Path]:
    """``root/site/page.html`` with ``page_files/``, plus a folder of private images outside it."""
    private = root / "private"
    private.mkdir(parents=True)
    (private / "secret.png").write_bytes(PNG + b"secret")
    (private / "nested").mkdir()
    (private / "nested" / "deep.png").write_bytes(PNG + b"deep")
    site = root / "site"
    files = site / "page_files"
    (files / "sub").mkdir(parents=True)
    (files / "ok.png").write_bytes(PNG)
    (files / "sub" / "inner.png").write_bytes(PNG + b"inner")
    (files / "link-out.png").symlink_to(private / "secret.png")
    (files / "dir-out").symlink_to(private / "nested", target_is_directory=True)
    (site / "beside.png").write_bytes(PNG + b"beside")
    references = [
        "page_files/ok.png",
        "page_files/sub/inner.png",
        "page_files/../beside.png",
        "../private/secret.png",
        "page_files/../../private/secret.png",
        str(private / "secret.png"),
        (private / "secret.png").as_uri(),
        "page_files/link-out.png",
        "page_files/dir-out/deep.png",
        "page_files/%2e%2e/beside.png",
        "page_files\\..\\beside.png",
    ]
    imgs = "".join(
        f'<p>Figure {i}: <img src="{ref}" alt="figure {i}"></p>' for i, ref in enumerate(references)
    )
    body = "".join(f"<p>Paragraph {i} on harbour dues, dredging and the autumn storms.</p>" for i in range(8))
    page = site / "page.html"
    page.write_text(
        f"<html><head><title>Saved complete</title></head><body><article>{body}{imgs}</article></body></html>"
    )
    return page, private


def test_page_files_resolve_only_inside_the_pages_own_folder(tmp_path: Path) -> None:
    page, _ = _saved_page(tmp_path)
    article = extract_file(page)
    names = sorted(r.name for r in article.resources)
    assert names == ["page_files/ok.png", "page_files/sub/inner.png"], names
    leaked = [
        r.name for r in article.resources if b"secret" in r.data or b"deep" in r.data or b"beside" in r.data
    ]
    assert leaked == []
    srcs = [
        img.get("src") for img in lxml.html.fragment_fromstring(article.html, create_parent="div").iter("img")
    ]
    assert sorted(srcs) == names


def test_a_page_files_folder_that_is_a_link_elsewhere_is_not_read(tmp_path: Path) -> None:
    private = tmp_path / "pictures"
    private.mkdir()
    (private / "holiday.png").write_bytes(PNG + b"private")
    site = tmp_path / "site"
    site.mkdir()
    (site / "page_files").symlink_to(private, target_is_directory=True)
    page = site / "page.html"
    body = "".join(f"<p>Paragraph {i} on harbour dues and the storms of the autumn.</p>" for i in range(8))
    page.write_text(f"<html><body><article>{body}<img src='page_files/holiday.png'></article></body></html>")
    article = extract_file(page)
    assert article.resources == [] and "<img" not in article.html


def test_the_library_serves_only_the_pages_own_resources(tmp_path: Path) -> None:
    from reader.library.facade import Library

    page, _ = _saved_page(tmp_path)
    with Library.open(tmp_path / "lib") as library:
        [result] = list(library.import_paths([page], workers=1))
        assert result.article_id is not None, result.error
        assert library.resource(result.article_id, "page_files/ok.png") == PNG
        for name in (
            "../private/secret.png",
            "page_files/link-out.png",
            "/etc/passwd",
            "page_files/../beside.png",
        ):
            assert library.resource(result.article_id, name) is None


# -- citations ---------------------------------------------------------------------------------------


def test_citation_html_escapes_titles_names_and_urls() -> None:
    pytest.importorskip("reader.cite.facade")
    from reader.cite.facade import Citer

    item = {
        "id": "x",
        "type": "article-newspaper",
        "title": '<script>alert("t")</script> Tides & <img src=x onerror=alert(1)> Harbours',
        "author": [{"family": "O'Brien <b onclick=x()>", "given": "A&B"}],
        "container-title": "Tides & <Times>",
        "URL": "https://e.example/?a=1&b=<2>",
        "issued": {"date-parts": [[2024, 1, 2]]},
    }
    citer = Citer()
    outputs = [
        *citer.bibliography([item], "apa", "html"),
        citer.citation([item], "apa", "html"),
        citer.passage('a <script>x</script> & "passage"', item, "apa", "html"),
    ]
    for html in outputs:
        assert " & " not in html, f"an unescaped ampersand: {html}"
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
        for element in tree.iter():  # markup in a title is shown as text, never becomes markup
            assert element.tag in {"div", "p", "i", "b", "span", "sup", "sub", "a"}, html
            if element.tag == "a":  # Zotero's wrap_url_and_doi: the article's own address, as a link
                assert set(element.attrib) == {"href"} and element.get("href") == item["URL"], html
            elif element.get("class") == "Z3988":  # Zotero's COinS: metadata in a title, never markup
                assert set(element.attrib) == {"class", "title"} and not len(element), html
            else:
                assert set(element.attrib) <= {"style", "class"}, html
    shown = lxml.html.fragment_fromstring(outputs[0], create_parent="div").text_content()
    assert '<script>alert("t")</script>' in shown.replace("“", '"').replace("”", '"')
    assert (
        "Tides & <img src=x onerror=alert(1)> Harbours" in shown
        and "O'Brien <b onclick=x()>" in shown.replace("’", "'")
    )


def test_a_script_address_never_becomes_a_link_in_a_citation() -> None:
    pytest.importorskip("reader.cite.facade")
    from reader.cite import article_to_csl
    from reader.cite.facade import Citer
    from reader.ingest import Article

    for url in ("javascript:alert(1)", "data:text/html,<script>x</script>", "JavaScript:void(0)"):
        item = article_to_csl(Article(path="x.html", title="Harbours", site="Tides", url=url))
        assert "URL" not in item
        html = Citer().copy_bibliography([item], "apa").html
        assert "<a " not in html and "javascript" not in html.lower()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_an_image_in_page_files_is_not_opened(tmp_path: Path) -> None:
    page, _ = _saved_page(tmp_path)
    os.mkfifo(page.parent / "page_files" / "pipe.png")  # opening it would block forever
    assert "page_files/ok.png" in {r.name for r in extract_file(page).resources}
