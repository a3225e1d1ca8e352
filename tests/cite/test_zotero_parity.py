"""Offprint's citations against citeproc-js configured as Zotero configures it (the oracle).

``oracle/zotero_oracle.js`` runs the same citeproc_commonjs.js under Node the way Zotero's
``getCiteProc`` sets it up (its own system object with ``uppercase_subtitles`` for APA and its kin,
``wrap_url_and_doi``, ``parse_names = false``, a dependent style's locale forced) and builds the clipboard
HTML as ``makeFormattedBibliography`` does, on parse5's HTML parser and serialiser.  For every core style
and a few dependent ones, with one record and with several, the bibliography text and HTML, Zotero's
clipboard text and HTML, and the citation cluster in text and HTML must be identical strings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.cite import clipboard
from reader.cite.engine import clean_entry, find_citeproc_js
from reader.cite.facade import Citer
from reader.cite.styles import CORE_STYLES, locales_dir

ORACLE = Path(__file__).parent / "oracle"
NODE_MODULES = ORACLE / "node_modules" / "parse5"

BLOG = {
    "id": "blog",
    "type": "post-weblog",
    "title": "Hydrogen at Brackwater: a port bets on the next fuel",
    "author": [{"family": "Berg", "given": "Ilse", "non-dropping-particle": "van der"}],
    "container-title": "The Quiet Ledger",
    "issued": {"date-parts": [[2025, 3, 4]]},
    "accessed": {"date-parts": [[2026, 5, 2]]},
    "URL": "https://quiet-ledger.example/2025/03/04/hydrogen-at-brackwater/?utm=a&b=c",
    "language": "en",
}
NEWS = {
    "id": "news",
    "type": "article-newspaper",
    "title": "Aldenport’s sea wall was built for a sea that no longer exists",
    "author": [
        {"family": "Castaneda-Moreau", "given": "Aurelia"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    ],
    "container-title": "The Northmere Herald",
    "issued": {"date-parts": [[2026, 4, 22]]},
    "accessed": {"date-parts": [[2026, 5, 2]]},
    "URL": "https://www.northmere-herald.example/climate/2026/apr/22/aldenport-sea-wall",
    "language": "en-GB",
}
CJK = {
    "id": "cjk",
    "type": "article-newspaper",
    "title": "北へ移る\u3000潮見のニシン",
    "author": [{"family": "潮見", "given": "太郎"}],
    "container-title": "潮見新報",
    "issued": {"date-parts": [[2026, 3, 5]]},
    "accessed": {"date-parts": [[2026, 3, 9]]},
    "URL": "https://shiomi-shimpo.example/news/20260305",
    "language": "ja",
}
PAGE = {
    "id": "page",
    "type": "webpage",
    "title": "Tom & Jerry <b>draft</b> policy",
    "author": [{"literal": "Caldrenne Centre for Policy Research"}],
    "container-title": "CCPR",
    "accessed": {"date-parts": [[2025, 11, 30]]},
    "URL": "https://ccpr.example/policy",
}
REPORT = {
    "id": "report",
    "type": "report",
    "title": "Seabed security in the Vessel Sea",
    "author": [{"family": "de la Cruz", "given": "Inés"}, {"family": "Marlowe", "given": "Hedda"}],
    "publisher": "Aldenport Institute for Maritime Affairs",
    "collection-title": "Vessel Sea Security",
    "issued": {"date-parts": [[2025, 11]]},
    "accessed": {"date-parts": [[2026, 1, 10]]},
    "URL": "https://aima.example/reports/seabed",
}
RECORD_SETS = {"one": [BLOG], "three": [BLOG, NEWS, CJK], "five": [NEWS, PAGE, REPORT, BLOG, CJK]}
# Dependent styles: an APA dependent (subtitles capitalised through its parent), a German dependent of a
# note style (its locale forced), and a note style with no bibliography (Zotero's list of notes).
EXTRA_STYLES = ("accounting-forum", "abi-technik", "agora")
STYLES = tuple(style_id for style_id, _alias in CORE_STYLES) + EXTRA_STYLES
FORMS = (
    "bibliography_text",
    "bibliography_html",
    "clipboard_text",
    "clipboard_html",
    "citation_text",
    "citation_html",
)


def _case(citer: Citer, style_id: str, records: list[dict[str, Any]], name: str) -> dict[str, Any]:
    catalog = citer._catalog
    style = catalog.resolve(style_id)
    source = catalog.formatting_file(style)
    packaged_locale = source.default_locale or style.default_locale
    return {
        "name": name,
        "styleId": f"http://www.zotero.org/styles/{style.id}",
        "parentId": f"http://www.zotero.org/styles/{style.parent_id}" if style.parent_id else None,
        "dependentLocale": style.default_locale if style.parent_id else None,
        # Cite Them Right's current official release declares en-GB; the packaged file lost it
        "declaredLocale": None if packaged_locale else catalog.declared_locale(style),
        "userLocale": "en-US",
        "xml": catalog.style_xml(style),
        "items": records,
        "coins": {r["id"]: clipboard.context_object(r) for r in records},
    }


@pytest.fixture(scope="module")
def oracle(citer: Citer) -> dict[str, dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not NODE_MODULES.is_dir():
        pytest.fail(
            f"the Zotero oracle needs Node.js and parse5: run `make venv` (`npm ci --prefix {ORACLE}`)",
            pytrace=False,
        )
    cases = [
        _case(citer, style, records, f"{style}/{size}")
        for style in STYLES
        for size, records in RECORD_SETS.items()
    ]
    payload = {"enginePath": str(find_citeproc_js()), "localesDir": str(locales_dir()), "cases": cases}
    done = subprocess.run(
        [node, str(ORACLE / "zotero_oracle.js")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout))


def _offprint(citer: Citer, style: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    copied = citer.copy_bibliography(records, style)
    return {
        "bibliography_text": citer.bibliography(records, style, "text"),
        "bibliography_html": citer.bibliography(records, style, "html"),
        "clipboard_text": copied.text,
        "clipboard_html": copied.html,
        "citation_text": citer.citation(records, style, "text"),
        "citation_html": citer.citation(records, style, "html"),
    }


def _expected(made: dict[str, Any]) -> dict[str, Any]:
    entries = {fmt: made[f"entries_{fmt}"] for fmt in ("text", "html")}
    return {
        # Offprint's per-entry lists are the entries on one line each (no wrapper, no newline)
        "bibliography_text": [clean_entry(e, "text") for e in entries["text"]] if entries["text"] else None,
        "bibliography_html": [clean_entry(e, "html") for e in entries["html"]] if entries["html"] else None,
        "clipboard_text": made["bibliography_text"],
        "clipboard_html": made["bibliography_html"],
        "citation_text": made["citation_text"],
        "citation_html": made["citation_html"],
    }


def _pairs(citer: Citer, oracle: dict[str, dict[str, Any]]) -> Iterator[tuple[str, str, Any, Any]]:
    for style in STYLES:
        for size, records in RECORD_SETS.items():
            ours = _offprint(citer, style, records)
            theirs = _expected(oracle[f"{style}/{size}"])
            for form in FORMS:
                if theirs[form] is None:  # no bibliography: Offprint lists notes, compared as the clipboard
                    continue
                yield style, f"{size}:{form}", ours[form], theirs[form]


def test_every_core_and_sample_dependent_style_matches_zotero(
    citer: Citer, oracle: dict[str, dict[str, Any]]
) -> None:
    differences = [
        f"{style} {what}:\n  offprint: {ours!r}\n  zotero:   {theirs!r}"
        for style, what, ours, theirs in _pairs(citer, oracle)
        if ours != theirs
    ]
    assert not differences, "\n".join(differences[:8])


def test_the_oracle_really_sees_zoteros_configuration(oracle: dict[str, dict[str, Any]]) -> None:
    """The comparison above would be empty if both sides ran plain citeproc-js: check the three options
    show in the oracle's own output."""
    apa = oracle["apa/one"]
    assert ": A port bets on the next fuel" in apa["bibliography_text"]  # uppercase_subtitles
    assert '<a href="https://quiet-ledger.example/' in apa["bibliography_html"]  # wrap_url_and_doi
    chicago = oracle["chicago-author-date-17th-edition/five"]["bibliography_text"]
    assert "de la Cruz, Inés" in chicago  # parse_names = false: not parsed into "Cruz, Inés de la"
    assert oracle["accounting-forum/one"]["bibliography_text"].count(": A port") == 1  # through its parent
