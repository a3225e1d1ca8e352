"""The clipboard a copied bibliography gives: blocks a word processor keeps apart, layout, plain text."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

import lxml.html
import pytest

from reader.cite.clipboard import context_object, inner_html, parse_fragment
from reader.cite.facade import Citer
from reader.cite.fields import zotero_name


def _record(title: str, family: str, day: int, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "post-weblog",
        "title": title,
        "author": [{"family": family, "given": "Ilse"}],
        "container-title": "The Quiet Ledger",
        "issued": {"date-parts": [[2025, 3, day]]},
        "accessed": {"date-parts": [[2026, 5, 2]]},
        "URL": f"https://quiet-ledger.example/{day}?a=1&b=2",
    }
    item.update(extra)
    return item


THREE = [
    _record("Harbour levy, explained", "Aaltonen", 1),
    _record(
        "The crown rate and the ferry",
        "Berg",
        2,
        author=[{"family": "Berg", "given": "Ilse", "non-dropping-particle": "van der"}],
    ),
    _record("Fish auction at Kessvik", "Castell", 3),
]


def _blocks(markup: str) -> list[lxml.html.HtmlElement]:
    body = lxml.html.fragment_fromstring(markup, create_parent="body")
    roots = body.findall("div")
    assert len(roots) == 1 and roots[0].get("class") == "csl-bib-body", markup
    return roots[0].findall("div")


def test_three_entries_are_three_blocks_with_spacing_and_hanging_indent(citer: Citer) -> None:
    copied = citer.copy_bibliography(THREE, "apa")
    entries = _blocks(copied.html)
    assert [e.get("class") for e in entries] == ["csl-entry"] * 3
    texts = [" ".join(e.text_content().split()) for e in entries]
    assert [t.split(",")[0] for t in texts] == ["Aaltonen", "Castell", "van der Berg"]  # APA's order
    root_style = lxml.html.fragment_fromstring(copied.html, create_parent="body")[0].get("style")
    assert root_style == "line-height: 2; margin-left: 2em; text-indent:-2em;"
    # the plain text: one line per entry, as Zotero writes it
    assert copied.text.splitlines() == [citer.bibliography(THREE, "apa")[i] for i in range(3)]
    assert copied.text.endswith("\n")


def test_one_apa_entry_keeps_its_hanging_indent(citer: Citer) -> None:
    copied = citer.copy_bibliography(THREE[:1], "apa")
    assert copied.html.startswith(
        '<div class="csl-bib-body" style="line-height: 2; margin-left: 2em; text-indent:-2em;">'
    )
    assert len(_blocks(copied.html)) == 1


@pytest.mark.parametrize("style", ["ieee", "vancouver"])
def test_numbered_styles_keep_the_number_beside_the_entry(citer: Citer, style: str) -> None:
    copied = citer.copy_bibliography(THREE, style)
    entries = _blocks(copied.html)
    assert len(entries) == 3
    for number, entry in enumerate(entries, start=1):
        assert entry.get("style").startswith("clear: left; ")
        label, text = entry.findall("div")
        assert label.get("class") == "csl-left-margin"
        assert re.fullmatch(rf"\[?{number}\]?\.?", label.text_content().strip())
        assert label.get("style").startswith("float: left; padding-right: 0.5em;")
        assert text.get("class") == "csl-right-inline"
        assert text.get("style").startswith("margin: 0 .4em 0 ")
    # the number and its entry share a line in the plain text too
    assert [line.split()[0] for line in copied.text.splitlines()] in (
        ["[1]", "[2]", "[3]"],
        ["1.", "2.", "3."],
    )


def test_urls_are_links_and_markup_from_pages_stays_text(citer: Citer) -> None:
    item = _record("Tom & Jerry <script>x</script> at the\u00a0port", "Aaltonen", 1)
    copied = citer.copy_bibliography([item], "apa")
    assert '<a href="https://quiet-ledger.example/1?a=1&amp;b=2">' in copied.html
    assert "Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt; at the&nbsp;port" in copied.html
    assert "Tom & Jerry <script>x</script> at the\u00a0port" in copied.text


def test_each_entry_carries_zoteros_coins_span(citer: Citer) -> None:
    copied = citer.copy_bibliography(THREE, "apa")
    spans = lxml.html.fragment_fromstring(copied.html, create_parent="body").findall(
        ".//span[@class='Z3988']"
    )
    assert len(spans) == 3
    fields = dict(parse_qsl(spans[2].get("title")))
    assert fields["rft.aulast"] == "van der Berg" and fields["rft.type"] == "blogPost"


def test_a_note_style_without_a_bibliography_copies_a_numbered_list(citer: Citer) -> None:
    copied = citer.copy_bibliography(THREE, "agora")
    assert copied.html.startswith("<ol>\n\t<li>") and copied.html.count("<li>") == 3
    assert [line[:3] for line in copied.text.split("\r\n") if line] == ["1. ", "2. ", "3. "]


def test_copy_citation_is_one_cluster_for_several_articles(citer: Citer) -> None:
    copied = citer.copy_citation(THREE, "apa")
    assert copied.text == "(Aaltonen, 2025; Castell, 2025; van der Berg, 2025)"
    assert copied.html == copied.text


# -- the serialiser and the ContextObject, on their own ---------------------------------------------------


def test_fragment_serialises_as_a_browser_serialises_inner_html() -> None:
    markup = '<div class="a" title="x &#38; &quot;y&quot;">R&#38;D &#60;b&#62;\u00a0<br/>end</div><!-- c -->'
    assert inner_html(parse_fragment(markup)) == (
        '<div class="a" title="x &amp; &quot;y&quot;">R&amp;D &lt;b&gt;&nbsp;<br>end</div><!-- c -->'
    )


def test_context_object_for_a_report_and_for_an_organisation() -> None:
    report = {
        "type": "report",
        "title": "Seabed security",
        "publisher": "AIMA",
        "collection-title": "Vessel Sea Security",
        "author": [{"literal": "Aldenport Institute"}],
        "issued": {"date-parts": [[2025, 11]]},
    }
    fields = parse_qsl(context_object(report))
    assert ("rft.genre", "report") in fields and ("rft.series", "Vessel Sea Security") in fields
    assert ("rft.btitle", "Seabed security") in fields and ("rft.date", "2025-11") in fields
    assert ("rft.au", "Aldenport Institute") in fields
    assert zotero_name({"family": "King", "given": "Martin Luther", "suffix": "Jr."}) == (
        "Martin Luther, Jr.",
        "King",
    )
    assert zotero_name({"family": "Ambrogio", "given": "Ugo", "non-dropping-particle": "d'"}) == (
        "Ugo",
        "d'Ambrogio",
    )
