"""Exports read back the way a reference manager would read them: fields, keys, escaping, line endings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reader.cite.export import escape_latex, to_biblatex, to_bibtex, to_csl_json, to_ris

BLOG: dict[str, Any] = {
    "id": "1",
    "type": "post-weblog",
    "title": "Shadow of Anchorage no-deal looms over Ukraine peace no-talks",
    "author": [
        {"family": "Baev", "given": "Pavel K."},
        {"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"},
    ],
    "container-title": "PRIO Blogs",
    "issued": {"date-parts": [[2026, 6, 22]]},
    "accessed": {"date-parts": [[2026, 11, 26]]},
    "URL": "https://www.prio.org/comments/10_2%20x",
    "language": "en",
}
NEWS: dict[str, Any] = {
    "id": "2",
    "type": "article-newspaper",
    "title": "The 100% cost of $5 & #tags_x {braced}",
    "author": [{"literal": "Smith and Sons"}],
    "container-title": "The Guardian",
    "issued": {"date-parts": [[2026]]},
}
PAGE: dict[str, Any] = {"id": "3", "type": "webpage", "title": "Untitled page"}


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(type, key, fields) per entry; values keep their inner braces, macros stay bare."""
    entries = []
    for match in re.finditer(r"@(\w+)\{([^,\n]+),\n(.*?)\n\}", text, re.S):
        fields: dict[str, str] = {}
        for line in match.group(3).split(",\n"):
            name, _, value = line.strip().partition(" = ")
            fields[name] = value[1:-1] if value.startswith("{") else value
        entries.append((match.group(1), match.group(2), fields))
    return entries


def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    records, current = [], []
    for line in text.split("\r\n"):
        if not line:
            continue
        tag, value = line[:2], line[6:]
        assert line[2:6] == "  - ", line
        current.append((tag, value))
        if tag == "ER":
            records.append(current)
            current = []
    return records


def test_bibtex_entries_read_back() -> None:
    entries = parse_bibtex(to_bibtex([BLOG, NEWS, BLOG]))
    assert [(t, k) for t, k, _ in entries] == [
        ("misc", "baev_shadow_2026"),
        ("article", "smith_and_sons_100_2026"),
        ("misc", "baev_shadow_2026-1"),
    ]
    fields = entries[0][2]
    assert fields["title"] == "Shadow of {Anchorage} no-deal looms over {Ukraine} peace no-talks"
    assert fields["author"] == "Baev, Pavel K. and von der Leyen, Ursula"
    assert fields["month"] == "jun" and fields["year"] == "2026"
    assert fields["urldate"] == "2026-11-26"
    assert fields["url"] == BLOG["URL"]  # urls are never escaped
    assert fields["howpublished"] == "PRIO Blogs"
    news = entries[1][2]
    assert news["journal"] == "The Guardian"
    assert news["author"] == "{Smith and Sons}"  # braces keep "and" from splitting names
    assert news["title"] == "The 100\\% cost of \\$5 \\& \\#tags\\_x \\{braced\\}"
    assert "month" not in news


def test_latex_specials_are_escaped() -> None:
    assert (
        escape_latex("a ~ b ^ c \\ d") == "a {\\textasciitilde} b {\\textasciicircum} c {\\textbackslash} d"
    )
    assert escape_latex("50% of $3 & #1_x") == "50\\% of \\$3 \\& \\#1\\_x"
    assert escape_latex("lone { brace") == "lone \\{\\vphantom{\\}} brace"


def test_biblatex_uses_online_date_and_urldate() -> None:
    entries = parse_bibtex(to_biblatex([BLOG, NEWS]))
    kind, key, fields = entries[0]
    assert (kind, key) == ("online", "baev_shadow_2026")
    assert fields["date"] == "2026-06-22" and fields["urldate"] == "2026-11-26"
    assert fields["titleaddon"] == "PRIO Blogs" and fields["langid"] == "english"
    kind, _, fields = entries[1]
    assert (
        kind == "article"
        and fields["journaltitle"] == "The Guardian"
        and fields["entrysubtype"] == "newspaper"
    )


def test_ris_records_with_crlf() -> None:
    text = to_ris([BLOG, NEWS, PAGE])
    assert "\n" not in text.replace("\r\n", "")
    records = parse_ris(text)
    assert [r[0] for r in records] == [("TY", "BLOG"), ("TY", "NEWS"), ("TY", "ELEC")]
    blog = records[0]
    assert ("AU", "Baev, Pavel K.") in blog and ("AU", "von der Leyen, Ursula") in blog
    assert ("TI", BLOG["title"]) in blog and ("T2", "PRIO Blogs") in blog
    assert ("DA", "2026/06/22/") in blog and ("PY", "2026") in blog
    assert ("UR", BLOG["URL"]) in blog and ("Y2", "2026/11/26/") in blog and ("LA", "en") in blog
    assert blog[-1] == ("ER", "")
    assert ("AU", "Smith and Sons") in records[1]


def test_csl_json_is_an_array_zoteros_importer_reads_without_loss() -> None:
    text = to_csl_json([BLOG, NEWS])
    assert text.startswith("[\n\t{")  # tab-indented, as Zotero writes it
    blog, news = json.loads(text)
    assert blog["author"] == [
        {"family": "Baev", "given": "Pavel K."},
        {"family": "von der Leyen", "given": "Ursula"},  # itemFromCSLJSON reads family/given only
    ]
    assert news == NEWS
    assert {k: v for k, v in blog.items() if k != "author"} == {
        k: v for k, v in BLOG.items() if k != "author"
    }


def test_empty_exports() -> None:
    assert to_bibtex([]) == "" and to_ris([]) == "" and json.loads(to_csl_json([])) == []


# -- the one table of formats (the CLI's --format and the app's save dialog) ----------------------------


def test_the_format_table_names_each_export_once_with_its_file_kind() -> None:
    from reader.cite import EXPORT_FORMATS, export_format

    assert [(f.name, f.file_filter) for f in EXPORT_FORMATS] == [
        ("bibtex", "BibTeX (*.bib)"),
        ("biblatex", "BibLaTeX (*.bib)"),
        ("ris", "RIS (*.ris)"),
        ("csl-json", "CSL-JSON (*.json)"),
    ]
    assert export_format("ris").render([BLOG]) == to_ris([BLOG])
    assert export_format("biblatex").render([BLOG]) == to_biblatex([BLOG])


def test_an_unknown_format_or_an_unwritable_file_is_one_clear_error(tmp_path: Path) -> None:
    from reader.cite import CitationError, write_export

    with pytest.raises(
        CitationError, match="unknown export format 'endnote': choose one of bibtex, biblatex"
    ):
        write_export(tmp_path / "out.enw", "endnote", [BLOG])
    with pytest.raises(CitationError, match=r"missing/out\.bib: cannot write the export"):
        write_export(tmp_path / "missing" / "out.bib", "bibtex", [BLOG])


def test_written_ris_keeps_its_crlf_exactly(tmp_path: Path) -> None:
    from reader.cite import write_export

    target = tmp_path / "out.ris"
    write_export(target, "ris", [BLOG, NEWS])
    assert target.read_bytes() == to_ris([BLOG, NEWS]).encode("utf-8")
    assert b"\r\r\n" not in target.read_bytes() and target.read_bytes().count(b"\r\n") > 10
