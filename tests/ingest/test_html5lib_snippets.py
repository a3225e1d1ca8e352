"""The html5lib tree-construction inputs, each wrapped in an article: the story around it survives.

Each ``#data`` section of ``data/html5lib/tree-construction.dat`` (MIT, from the public html5lib-tests
repository; see the licence file beside it) goes in the middle of a news story.  html5lib, an
implementation of the WHATWG parsing rules independent of the lexbor parser Offprint uses, tells which of
the two paragraphs around the snippet a browser shows; each one it shows must be in the article Offprint
extracts.  A paragraph the snippet swallows into a ``<script>``, a ``<title>`` or a ``<select>`` is not
shown and not required.  Whatever the snippet, the page is read without a crash or a hang, and the reader
HTML keeps to the sanitiser's allow-list.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import lxml.html
import pytest

from reader.ingest import extract_bytes
from reader.ingest.body.sanitize import ALLOWED_TAGS

DATA = Path(__file__).resolve().parent / "data" / "html5lib" / "tree-construction.dat"
SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "dir", "colspan", "rowspan", "start"}
BEFORE = (
    "Before the snippet, the harbour master reported that the tide tables for the winter season were "
    "printed and posted at the quay."
)
AFTER = (
    "After the snippet, the ferry company confirmed that the evening crossings will resume next week "
    "once the new pontoon is in place."
)
LEAD = [
    "The town council met on Monday to discuss the state of the harbour after the autumn storms, which "
    "damaged two of the old wooden jetties and washed away part of the sea wall.",
    "Fishermen told the meeting that the silt in the channel had made the approach dangerous at low "
    "water, and asked for dredging to begin before the herring season.",
]
CLOSE = [
    "The council agreed to publish the engineers' report in full, with the costs of each repair and a "
    "timetable for the work, before the next meeting in January.",
    "Residents may send comments on the plans to the harbour office until the end of the month, by "
    "letter or in person at the office on the quay.",
]
# Where a browser shows no text: the head, raw text a page does not render, form controls' options and
# foreign content (a <select>'s list, an <svg>'s title), and what Offprint never takes from a page.
NOT_SHOWN = {
    "head", "title", "script", "style", "template", "noscript", "noframes", "noembed", "iframe", "textarea",
    "select", "option", "optgroup", "datalist", "svg", "math", "frameset",
}  # fmt: skip


def snippets() -> list[tuple[str, str]]:
    """(id, markup) for every ``#data`` section, the id naming its source file and position."""
    found: list[tuple[str, str]] = []
    source, current = "?", None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            found.append((current, "\n".join(lines)))

    for line in DATA.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#source "):
            close()
            source, current, lines = line.removeprefix("#source ").strip(), None, []
        elif line == "#data":
            close()
            current, lines = f"{source}:{sum(1 for s, _ in found if s.startswith(source)) + 1}", []
        elif current is not None:
            lines.append(line)
    close()
    return [(name, markup.removesuffix("\n")) for name, markup in found]


def wrapped(snippet: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>\n" for text in LEAD)
    closing = "".join(f"<p>{text}</p>\n" for text in CLOSE)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Harbour repairs</title></head>\n<body>\n"
        f"<article>\n<h1>Harbour repairs</h1>\n{paragraphs}<p>{BEFORE}</p>\n{snippet}\n<p>{AFTER}</p>\n"
        f"{closing}</article>\n</body></html>\n"
    )


def shown_text(page: str) -> str:
    """The text a browser shows, by html5lib's reading of the WHATWG rules."""
    import html5lib

    document = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    parts: list[str] = []

    def walk(element: Element) -> None:
        tag = element.tag.rpartition("}")[2].lower() if isinstance(element.tag, str) else ""
        if tag in NOT_SHOWN or not tag:
            parts.append(element.tail or "")
            return
        parts.append(element.text or "")
        for child in element:
            walk(child)
        parts.append(element.tail or "")

    walk(document)
    return " ".join("".join(parts).split())


SNIPPETS = snippets()
# Where html5lib 1.1 follows rules the HTML standard has since changed, its word is not the browser's.
ORACLE_OUT_OF_DATE = {
    # html5lib ignores <plaintext> inside a <select> (the "in select" insertion mode, removed in 2025);
    # browsers and lexbor now let it swallow the rest of the page into the <select>, where it is not shown.
    "tests18.dat:15": AFTER,
}


def test_the_snippets_are_all_read() -> None:
    assert len(SNIPPETS) >= 100
    assert ("tests1.dat:2", "<p>One<p>Two") in SNIPPETS


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("name", "snippet"), SNIPPETS, ids=[name for name, _ in SNIPPETS])
def test_the_story_around_a_snippet_survives_where_a_browser_shows_it(name: str, snippet: str) -> None:
    page = wrapped(snippet)
    article = extract_bytes(page.encode("utf-8"), path=f"{name}.html")
    shown = shown_text(page)
    text = " ".join(article.text.split())
    assert LEAD[0] in text, f"{name}: the start of the story is lost"
    for marker in (BEFORE, AFTER):
        if marker in shown and ORACLE_OUT_OF_DATE.get(name) != marker:
            assert marker in text, f"{name}: a browser shows {marker[:30]!r}…, the article lacks it"
    tree = lxml.html.fragment_fromstring(article.html, create_parent="div")
    for element in tree.iter():
        if isinstance(element.tag, str) and element is not tree:
            assert element.tag in ALLOWED_TAGS, f"{name}: <{element.tag}> in the reader HTML"
            assert set(element.attrib) <= SAFE_ATTRIBUTES, f"{name}: {sorted(element.attrib)}"
