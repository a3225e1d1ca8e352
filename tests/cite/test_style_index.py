"""Every installed style, listed and searched; a user's .csl file added, or refused with a clear error."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from reader.cite import style_index
from reader.cite.facade import Citer
from reader.cite.style_index import packaged_index, search_styles
from reader.cite.styles import CORE_STYLES, packaged_styles_dir
from reader.errors import CitationError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(style_index.CACHE_ENV, str(folder))
    monkeypatch.setattr(style_index, "_LOADED", {})
    return folder


def _count(folder: Path) -> int:
    return sum(1 for name in os.listdir(folder) if name.endswith(".csl"))


def test_every_independent_and_dependent_style_is_listed_and_cached(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = packaged_styles_dir()
    entries = packaged_index(root)
    assert len({e.id for e in entries}) == len(entries) == _count(root) + _count(root / "dependent")
    assert len(entries) > 10_000
    dependent = next(e for e in entries if e.id == "2d-materials")
    assert (dependent.parent, dependent.format, dependent.fields) == (
        "institute-of-physics-numeric",
        "numeric",
        ("physics",),
    )
    assert next(e for e in entries if e.id == "chicago-notes-bibliography-17th-edition").note_style
    # a second process reads the cache instead of 10,000 files
    monkeypatch.setattr(style_index, "_LOADED", {})
    monkeypatch.setattr(style_index, "_build", lambda folders: pytest.fail("the index was rebuilt"))
    assert packaged_index(root) == entries
    assert len(list(cache.glob("styles-*.json"))) == 1


def test_a_damaged_cache_is_rebuilt(cache: Path) -> None:
    root = packaged_styles_dir()
    entries = packaged_index(root)
    [cached] = cache.glob("styles-*.json")
    cached.write_text('{"styles": [["x"]]}', encoding="utf-8")
    style_index._LOADED.clear()
    os.environ.pop("OFFPRINT_STRICT", None)  # the damaged file is logged and skipped, not an error
    try:
        assert packaged_index(root) == entries
    finally:
        os.environ["OFFPRINT_STRICT"] = "1"


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("nature", "nature"),
        ("NATURE", "nature"),
        ("vancouver", "nlm-citation-sequence"),  # the core style known as Vancouver first
        ("francais nature", "bourgogne-franche-comte-nature"),  # accents folded, every word must match
        ("apa", "apa"),  # the core style before its dependents
    ],
)
def test_search_matches_every_word_of_title_id_field_and_format(query: str, expected_first: str) -> None:
    results = Citer().search_styles(query, first=[style_id for style_id, _alias in CORE_STYLES])
    assert results and results[0].id == expected_first


def test_search_by_field_and_format_narrows_the_list() -> None:
    entries = packaged_index(packaged_styles_dir())
    numeric_medicine = search_styles(entries, "medicine numeric")
    assert 100 < len(numeric_medicine) < len(search_styles(entries, "medicine"))
    assert all("medicine" in e.haystack and "numeric" in e.haystack for e in numeric_medicine)
    assert sum(e.format == "numeric" and "medicine" in e.fields for e in numeric_medicine) > 100
    assert search_styles(entries, "zzqx nothing") == []
    assert len(search_styles(entries, "")) == len(entries)


# -- adding a style from a file ------------------------------------------------------------------------------

DEPENDENT = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-DE">
  <info>
    <title>Lab style (APA, German)</title>
    <id>http://www.zotero.org/styles/lab-apa-de</id>
    <link href="http://www.zotero.org/styles/{parent}" rel="independent-parent"/>
  </info>
</style>
"""


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<style>not CSL at all", "not a CSL style: the XML is malformed"),
        ("<html><body>a web page</body></html>", "its root is not <style> in the CSL namespace"),
        ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"><info><title>Old</title>'
         "<id>old</id></info></style>", "a CSL 0.8 style"),
        ('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>x</title></info></style>',
         "its <info> has no <id> or no <title>"),
        (DEPENDENT.format(parent="no-such-parent"),
         "a dependent style of 'no-such-parent', which is not installed"),
        ('<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>x</title><id>x</id>'
         "</info></style>", "it has no <citation> layout"),
    ],
)  # fmt: skip
def test_a_bad_style_file_is_a_clear_error_naming_it_and_nothing_changes(
    tmp_path: Path, content: str, problem: str
) -> None:
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "mine.csl").write_text(DEPENDENT.format(parent="apa"), encoding="utf-8")
    bad = tmp_path / "downloads" / "bad.csl"
    bad.parent.mkdir()
    bad.write_text(content, encoding="utf-8")
    citer = Citer([styles])
    with pytest.raises(CitationError) as raised:
        citer.add_style_file(bad)
    assert str(raised.value).startswith(f"{bad}: ") and problem in str(raised.value)
    assert sorted(p.name for p in styles.iterdir()) == ["mine.csl"]
    assert [s.id for s in citer.styles() if s.user] == ["mine"]


def test_a_style_the_engine_cannot_use_is_taken_back(tmp_path: Path) -> None:
    styles = tmp_path / "styles"
    bad = tmp_path / "odd.csl"
    bad.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info>'
        "<title>Odd</title><id>http://example.org/odd</id></info><citation><layout><footnote/></layout>"
        "</citation></style>",
        encoding="utf-8",
    )
    with pytest.raises(CitationError, match=r"odd\.csl: the citation engine cannot use this style"):
        Citer([styles]).add_style_file(bad)
    assert not (styles / "odd.csl").exists()


def test_a_good_style_file_is_added_under_its_id_and_formats(
    tmp_path: Path, prio_item: dict[str, Any]
) -> None:
    styles = tmp_path / "styles"
    source = tmp_path / "Downloads" / "lab style (1).csl"
    source.parent.mkdir()
    source.write_text(DEPENDENT.format(parent="apa"), encoding="utf-8")
    citer = Citer([styles])
    added = citer.add_style_file(source)
    assert (added.id, added.title, added.user) == ("lab-apa-de", "Lab style (APA, German)", True)
    assert (styles / "lab-apa-de.csl").is_file()
    assert citer.citation([{k: v for k, v in prio_item.items() if k != "issued"}], "lab-apa-de") == (
        "(Baev, o.\u00a0J.)"
    )
    assert "lab-apa-de" in [s.id for s in citer.styles()]
