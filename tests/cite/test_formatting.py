"""Formatted citations as a user pastes them: the issue's expected strings and the tricky records."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from reader.cite.facade import Citer
from reader.errors import CitationError, UnknownStyleError

PRIO_URL = "https://www.prio.org/comments/XXXX"


def _post(title: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "post-weblog",
        "title": title,
        "container-title": "PRIO Blogs",
        "issued": {"date-parts": [[2026, 3, 1]]},
        "URL": "https://example.org/x",
    }
    item.update(extra)
    return item


# -- the three expected strings ---------------------------------------------------------------


def test_apa_entry_and_in_text(citer: Citer, prio_item: dict[str, Any]) -> None:
    assert citer.bibliography([prio_item], "apa") == [
        "Baev, P. K. (2026, June 22). Shadow of Anchorage no-deal looms over Ukraine peace no-talks. "
        f"PRIO Blogs. {PRIO_URL}"
    ]
    assert citer.citation([prio_item], "apa") == "(Baev, 2026)"


def test_apa_html_italicises_only_the_blog_name_and_links_the_url(
    citer: Citer, prio_item: dict[str, Any]
) -> None:
    entry = citer.bibliography([prio_item], "apa", "html")[0]
    assert re.findall(r"<i>(.*?)</i>", entry) == ["PRIO Blogs"]
    # Zotero's wrap_url_and_doi: the URL is a live link in a rich paste
    assert entry.endswith(f'<a href="{PRIO_URL}">{PRIO_URL}</a>')
    assert re.sub(r"</?i>|<a [^>]*>|</a>", "", entry) == citer.bibliography([prio_item], "apa")[0]


def test_apa_capitalises_the_subtitle_as_zotero_does(citer: Citer, prio_item: dict[str, Any]) -> None:
    item = dict(prio_item, title="Hydrogen at Brackwater: a port bets on the next fuel")
    assert ": A port bets on the next fuel." in citer.bibliography([item], "apa")[0]
    # not a Zotero-named style: the subtitle is left as the page wrote it
    assert "Brackwater: a port bets on the next fuel," in citer.bibliography([item], "ieee")[0]


def test_chicago_author_date_17th(citer: Citer, prio_item: dict[str, Any]) -> None:
    assert citer.bibliography([prio_item], "chicago-author-date-17th-edition") == [
        "Baev, Pavel K. 2026. “Shadow of Anchorage No-Deal Looms over Ukraine Peace No-Talks.” PRIO Blogs, "
        f"June 22, 2026. {PRIO_URL}."
    ]
    assert citer.citation([prio_item], "chicago") == "(Baev 2026)"


def test_mla(citer: Citer, prio_item: dict[str, Any]) -> None:
    assert citer.bibliography([prio_item], "mla") == [
        "Baev, Pavel K. “Shadow of Anchorage No-Deal Looms over Ukraine Peace No-Talks.” PRIO Blogs, "
        f"22 June 2026, {PRIO_URL}."
    ]
    assert citer.citation([prio_item], "modern-language-association") == "(Baev)"


def test_note_style_gives_a_full_note(citer: Citer, prio_item: dict[str, Any]) -> None:
    note = citer.note([prio_item], "chicago-note")
    assert note.startswith("Pavel K. Baev, “Shadow of Anchorage")
    assert citer.resolve_style("chicago-note").note_style


# -- tricky records ------------------------------------------------------------------------------------


def test_no_author_prints_the_title_once(citer: Citer) -> None:
    item = _post("A post nobody signed")
    for style in ("apa", "chicago", "mla", "harvard"):
        entry = citer.bibliography([item], style)[0]
        assert entry.lower().count("a post nobody signed") == 1, (style, entry)


def test_no_date_is_nd(citer: Citer) -> None:
    item = _post("Undated", author=[{"family": "Baev", "given": "Pavel K."}])
    del item["issued"]
    assert "(n.d.)" in citer.bibliography([item], "apa")[0]
    assert citer.citation([item], "apa") == "(Baev, n.d.)"


def test_two_posts_by_one_author_in_one_year_get_a_and_b(citer: Citer) -> None:
    author = [{"family": "Baev", "given": "Pavel K."}]
    later = _post("Zebra crossings", author=author)
    earlier = _post("Anchors aweigh", author=author, issued={"date-parts": [[2026, 1, 5]]})
    entries = citer.bibliography([later, earlier], "apa")
    assert [e.split(")")[0] for e in entries] == [
        "Baev, P. K. (2026a, January 5",
        "Baev, P. K. (2026b, March 1",
    ]
    assert citer.citation([later, earlier], "apa") == "(Baev, 2026a, 2026b)"
    # each record on its own knows nothing of the other
    assert citer.format_each([later, earlier], "apa", form="citation") == ["(Baev, 2026)", "(Baev, 2026)"]


def test_particle_name_sorts_and_prints_as_citeproc_does(citer: Citer) -> None:
    item = _post(
        "State of the Union",
        author=[{"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"}],
    )
    assert citer.bibliography([item], "apa")[0].startswith("von der Leyen, U. (2026")
    assert citer.citation([item], "apa") == "(von der Leyen, 2026)"
    assert citer.bibliography([item], "mla")[0].startswith("von der Leyen, Ursula.")


def test_organisation_author_is_never_abbreviated(citer: Citer) -> None:
    item = _post("Annual report", author=[{"literal": "World Health Organization"}])
    assert citer.bibliography([item], "apa")[0].startswith("World Health Organization. (2026")
    assert citer.citation([item], "apa") == "(World Health Organization, 2026)"


def test_chinese_name_is_family_first_without_comma_or_initials(citer: Citer) -> None:
    item = _post("关于和平的思考", author=[{"family": "王", "given": "小明"}], language="zh-CN")
    entry = citer.bibliography([item], "apa")[0]
    assert entry.startswith("王小明")
    assert citer.citation([item], "apa") == "(王, 2026)"


def test_html_escapes_markup_from_saved_titles(citer: Citer) -> None:
    item = _post("Tom & Jerry <script>alert(1)</script>")
    html = citer.bibliography([item], "apa", "html")[0]
    assert "<script>" not in html and "&#60;script&#62;" in html
    assert "&#38;" in html and " & " not in html
    text = citer.bibliography([item], "apa")[0]
    assert "<i>" not in text and "&#" not in text and "Tom & Jerry" in text


def test_quotes_inside_a_title_are_nested(citer: Citer) -> None:
    item = _post('Why "peace" talks stall', author=[{"family": "Baev", "given": "Pavel K."}])
    entry = citer.bibliography([item], "chicago")[0]
    assert "“Why ‘Peace’ Talks Stall.”" in entry


def test_passage_with_citation(citer: Citer, prio_item: dict[str, Any]) -> None:
    text = citer.passage('  "No deal  looms."\n', prio_item, "apa")
    quote, entry = text.split("\n\n")
    assert quote == "“No deal looms.” (Baev, 2026)"
    assert entry == citer.bibliography([prio_item], "apa")[0]
    html = citer.passage("a < b", prio_item, "apa", "html")
    assert "a &lt; b" in html and "<i>PRIO Blogs</i>" in html


def test_calls_leave_the_callers_items_unchanged(citer: Citer, prio_item: dict[str, Any]) -> None:
    before = copy.deepcopy(prio_item)
    citer.bibliography([prio_item, prio_item], "ieee")
    assert prio_item == before


def test_every_core_style_formats_text_and_html(citer: Citer, prio_item: dict[str, Any]) -> None:
    for info in citer.styles():
        for fmt in ("text", "html"):
            entry = citer.bibliography([prio_item], info.id, fmt)[0]
            assert "Baev" in entry and "\n" not in entry, (info.id, fmt, entry)
            assert citer.citation([prio_item], info.id, fmt)


def test_dependent_style_uses_its_parent(citer: Citer, prio_item: dict[str, Any]) -> None:
    # "2d-materials" is a dependent of the IOP numeric style: numbered entries
    assert citer.bibliography([prio_item], "2d-materials")[0].startswith("[1]")


# -- styles -----------------------------------------------------------------------------------------------


def test_unknown_style_is_a_clear_error(citer: Citer, prio_item: dict[str, Any]) -> None:
    with pytest.raises(UnknownStyleError, match=r"unknown citation style 'no-such-style'.*offprint styles"):
        citer.bibliography([prio_item], "no-such-style")


def test_unknown_format_is_a_clear_error(citer: Citer, prio_item: dict[str, Any]) -> None:
    with pytest.raises(CitationError, match="unknown citation format 'rtf'"):
        citer.bibliography([prio_item], "apa", "rtf")


def test_core_styles_have_their_aliases() -> None:
    citer = Citer()
    by_alias = {s.alias: s.id for s in citer.styles()}
    assert by_alias == {
        "apa": "apa",
        "chicago": "chicago-author-date-17th-edition",
        "chicago-note": "chicago-notes-bibliography-17th-edition",
        "mla": "modern-language-association",
        "harvard": "harvard-cite-them-right",
        "ieee": "ieee",
        "vancouver": "nlm-citation-sequence",
    }
    assert citer.resolve_style("MLA").id == "modern-language-association"
    assert citer.resolve_style("chicago-fullnote-bibliography").note_style


def test_user_csl_file_joins_the_list_and_formats(tmp_path: Path, prio_item: dict[str, Any]) -> None:
    apa = Citer()._catalog.find("apa")
    assert apa is not None
    xml = apa.path.read_text(encoding="utf-8")
    xml = xml.replace("<title>APA Style 7th edition</title>", "<title>My Lab Style</title>", 1)
    (tmp_path / "my-lab.csl").write_text(xml, encoding="utf-8")
    (tmp_path / "broken.csl").write_text("not a style", encoding="utf-8")
    with Citer([tmp_path]) as citer:
        listed = {s.id: s.title for s in citer.styles()}
        assert listed["my-lab"] == "My Lab Style" and "broken" not in listed
        assert citer.bibliography([prio_item], "my-lab")[0].startswith("Baev, P. K. (2026, June 22).")
