"""Exports read back by the tools people import them with: Zotero's rules, LaTeX parsers, biber, RIS.

Each rule of issue 13 is checked on what a reader of the file gets back: topics as keywords, names as
Zotero's importer reads them, series only where accepted, Zotero's current citation keys, titles and names
exactly as stored, ``langid`` only for languages biblatex knows.  The files must parse with bibtexparser
and pybtex, pass biber's data-model check (where biber is installed) and read back with rispy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.database
import pytest
import rispy

from reader.cite.export import folds_back, to_biblatex, to_bibtex, to_csl_json, to_ris, zotero_csl_name
from reader.cite.export_tex import biblatex_language, cite_key

BLOG: dict[str, Any] = {
    "id": "1",
    "type": "post-weblog",
    "title": "Hydrogen at Brackwater: a port bets on the next fuel",
    "author": [
        {"family": "Berg", "given": "Ilse", "non-dropping-particle": "van der"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    ],
    "container-title": "The Quiet Ledger",
    "collection-title": "Harbour Money",
    "issued": {"date-parts": [[2025, 3, 4]]},
    "accessed": {"date-parts": [[2026, 5, 2]]},
    "URL": "https://quiet-ledger.example/2025/03/04/hydrogen/",
    "language": "en-GB",
    "keyword": "Energy, Harbour levy, Trade & shipping",
}
CJK: dict[str, Any] = {
    "id": "2",
    "type": "article-newspaper",
    "title": "北へ移る\u3000潮見のニシン",
    "author": [{"family": "潮見", "given": "太郎"}],
    "container-title": "潮見新報",
    "issued": {"date-parts": [[2026, 3, 5]]},
    "URL": "https://shiomi-shimpo.example/news/1",
    "language": "ja",
    "keyword": "気候変動, 漁業",
}
REPORT: dict[str, Any] = {
    "id": "3",
    "type": "report",
    "title": "Seabed security in the Vessel Sea",
    "author": [{"literal": "Johnson & Johnson Partners"}],
    "publisher": "Aldenport Institute for Maritime Affairs",
    "collection-title": "Vessel Sea Security",
    "issued": {"date-parts": [[2025, 11]]},
    "URL": "https://aima.example/reports/seabed",
    "language": "xx",
}
NEWS: dict[str, Any] = {
    "id": "4",
    "type": "article-newspaper",
    "title": "Les dockers\u00a0de Kessvik",
    "author": [{"family": "Doe", "given": "Jane"}],
    "container-title": "U.S. Harbour News",
    "collection-title": "The Long Thaw",
    "issued": {"date-parts": [[2026, 1, 9]]},
}
ALL = [BLOG, CJK, REPORT, NEWS]


# -- the rules, one by one -------------------------------------------------------------------------------


def test_topics_are_keywords_in_every_format() -> None:
    assert json.loads(to_csl_json([BLOG]))[0]["keyword"] == "Energy, Harbour levy, Trade & shipping"
    bib = bibtexparser.parse_string(to_bibtex([BLOG]))
    assert bib.entries[0]["keywords"] == "Energy, Harbour levy, Trade \\& shipping"
    assert "keywords = {Energy, Harbour levy, Trade \\& shipping}" in to_biblatex([BLOG])
    record = rispy.loads(to_ris([BLOG]))[0]
    assert record["keywords"] == ["Energy", "Harbour levy", "Trade & shipping"]


def test_csl_json_names_are_what_zoteros_importer_reads() -> None:
    exported = json.loads(to_csl_json([BLOG, REPORT]))
    assert exported[0]["author"] == [
        {"family": "van der Berg", "given": "Ilse"},
        {"family": "King", "given": "Martin Luther, Jr."},
    ]
    assert exported[1]["author"] == [{"literal": "Johnson & Johnson Partners"}]
    for name in BLOG["author"]:
        assert set(zotero_csl_name(name)) <= {"family", "given", "literal"}
        assert folds_back(name), name  # citeproc-js splits the folded name back into the same parts
    assert folds_back({"family": "Ambrogio", "given": "Ugo", "non-dropping-particle": "d'"})
    assert zotero_csl_name({"family": "Ambrogio", "given": "Ugo", "non-dropping-particle": "d'"}) == {
        "family": "d'Ambrogio",
        "given": "Ugo",
    }


def test_series_only_where_the_format_and_zotero_keep_it() -> None:
    csl = json.loads(to_csl_json([BLOG, REPORT]))
    assert "collection-title" not in csl[0] and csl[1]["collection-title"] == "Vessel Sea Security"
    bibtex = {e.key: e for e in bibtexparser.parse_string(to_bibtex([BLOG, REPORT])).entries}
    assert "series" not in bibtex[cite_key(BLOG, set())].fields_dict
    report = bibtex[cite_key(REPORT, set())]
    assert report.entry_type == "techreport" and report["series"] == "Vessel {Sea} {Security}"
    assert report["institution"] == "Aldenport Institute for Maritime Affairs"
    biblatex = to_biblatex([BLOG, NEWS, REPORT])
    assert "series = " not in biblatex and "@report{" in biblatex  # biber's model has no series there
    ris = rispy.loads(to_ris([BLOG, NEWS, REPORT]))
    assert [r.get("tertiary_title") for r in ris] == [None, None, None]  # no T3: Zotero makes it a note
    assert ris[0]["secondary_title"] == "The Quiet Ledger"
    assert ris[2]["type_of_reference"] == "RPRT" and ris[2]["secondary_title"] == "Vessel Sea Security"
    assert ris[2]["publisher"] == "Aldenport Institute for Maritime Affairs"


@pytest.mark.parametrize(
    ("item", "key"),
    [
        ({"author": [{"literal": "Johnson & Johnson Partners"}], "title": "Kessvik", "issued": {
            "date-parts": [[2025]]}}, "johnson__johnson_partners_kessvik_2025"),
        ({"author": [{"family": "Doe", "given": "J."}], "title": "U.S. ports"}, "doe_us_nodate"),
        ({"author": [{"family": "潮見"}], "title": "北へ移る", "issued": {"date-parts": [[2026]]}}, "__2026"),
        ({"author": [{"family": "Doe"}], "title": "Les dockers de Kessvik"}, "doe_dockers_nodate"),
        ({"author": [{"family": "Straße"}], "title": "Über Häfen", "issued": {"date-parts": [[2026]]}},
         "strasse_uber_2026"),
        ({"title": "The harbour"}, "noauthor_harbour_nodate"),
        ({"author": [{"family": "Berg", "non-dropping-particle": "van der"}], "title": "x"},
         "van_der_berg_x_nodate"),
    ],
)  # fmt: skip
def test_citation_keys_follow_zoteros_current_rule(item: dict[str, Any], key: str) -> None:
    assert cite_key(item, set()) == key


def test_keys_made_unique_as_zotero_does() -> None:
    taken: set[str] = set()
    assert [cite_key(BLOG, taken) for _ in range(3)] == [
        "van_der_berg_hydrogen_2025",
        "van_der_berg_hydrogen_2025-1",
        "van_der_berg_hydrogen_2025-2",
    ]


def test_titles_keep_ideographic_and_no_break_spaces() -> None:
    assert json.loads(to_csl_json([CJK]))[0]["title"] == "北へ移る\u3000潮見のニシン"
    assert rispy.loads(to_ris([CJK, NEWS]))[0]["title"] == "北へ移る\u3000潮見のニシン"
    assert rispy.loads(to_ris([NEWS]))[0]["title"] == "Les dockers\u00a0de Kessvik"
    for text in (to_bibtex([CJK, NEWS]), to_biblatex([CJK, NEWS])):
        titles = [e["title"] for e in bibtexparser.parse_string(text).entries]
        assert titles == ["北へ移る\u3000潮見のニシン", "Les dockers\u00a0de {Kessvik}"]


@pytest.mark.parametrize(
    ("code", "langid"),
    [("en-GB", "british"), ("en", "english"), ("de-AT", "austrian"), ("pt-BR", "brazil"), ("no", "norsk"),
     ("ja", None), ("zh-CN", None), ("xx", None), ("", None)],
)  # fmt: skip
def test_langid_only_for_languages_biblatex_knows(code: str, langid: str | None) -> None:
    assert biblatex_language(code) == langid


def test_unknown_language_writes_no_langid() -> None:
    entries = bibtexparser.parse_string(to_biblatex(ALL)).entries
    langids = {e.key: e.fields_dict.get("langid") for e in entries}
    assert [f.value if f else None for f in langids.values()] == ["british", None, None, None]


# -- the whole files, read by the tools -----------------------------------------------------------------


def test_bibtex_and_biblatex_parse_with_bibtexparser_and_pybtex() -> None:
    for text in (to_bibtex(ALL), to_biblatex(ALL)):
        library = bibtexparser.parse_string(text)
        assert not library.failed_blocks and len(library.entries) == 4
        parsed = pybtex.database.parse_string(text, "bibtex")
        assert len(parsed.entries) == 4
        first = parsed.entries[cite_key(BLOG, set())]
        people = [
            (p.prelast_names, p.last_names, p.first_names + p.middle_names, p.lineage_names)
            for p in first.persons["author"]
        ]
        assert people == [
            (["van", "der"], ["Berg"], ["Ilse"], []),
            ([], ["King"], ["Martin", "Luther"], ["Jr."]),
        ]
        assert parsed.entries[cite_key(REPORT, set())].persons["author"][0].last_names == [
            "{Johnson \\& Johnson Partners}"
        ]


def test_ris_reads_back_with_rispy() -> None:
    records = rispy.loads(to_ris(ALL))
    assert [r["type_of_reference"] for r in records] == ["BLOG", "NEWS", "RPRT", "NEWS"]
    assert records[0]["authors"] == ["van der Berg, Ilse", "King, Martin Luther, Jr."]
    assert records[0]["access_date"] == "2026/05/02/" and records[0]["language"] == "en-GB"


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (apt-get install biber)")
def test_biblatex_passes_bibers_data_model_check(tmp_path: Path) -> None:
    (tmp_path / "export.bib").write_text(to_biblatex(ALL), encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "export.bib"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    warnings = [line for line in done.stdout.splitlines() if line.startswith(("WARN", "ERROR"))]
    assert warnings == []
    # an undated page lacks a date biblatex requires: missing data, the only thing biber may say
    undated = {k: v for k, v in NEWS.items() if k != "issued"}
    (tmp_path / "undated.bib").write_text(to_biblatex([undated]), encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "undated.bib"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    warnings = [line for line in done.stdout.splitlines() if line.startswith(("WARN", "ERROR"))]
    assert warnings == [
        "WARN - Datamodel: Entry 'doe_dockers_nodate' (undated.bib): Missing mandatory field - one of "
        "'date, year' must be defined"
    ]
