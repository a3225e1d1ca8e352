"""The sample corpus read back: every page of ``corpus/`` gives the metadata and text its expected.json says.

Each ``corpus/NAME.expected.json`` holds what a careful human would cite for the page beside it
(``NAME.html``, ``.mhtml``, ``.txt``…): the expected values are the truth, never the extractor's
current output.  A page fails with the list of every field that differs, so one run diagnoses it.

Field rules: ``authors`` compared in order; ``organizations``, ``series`` and ``topics`` as sets;
title, date, site and url exactly (case-sensitive) once whitespace runs are collapsed; ``language`` by
its primary subtag (``en-GB`` cites as ``en``); ``text_contains`` / ``text_excludes`` / ``text_once``
against the article text with all whitespace runs (NBSP included) collapsed to one space.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PAGE_EXTS = (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt")
EXACT_FIELDS = ("title", "date", "site", "url")
SET_FIELDS = ("organizations", "series", "topics")
MIN_SERIES_IN_FACET = 4


def _page_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    for ext in PAGE_EXTS:
        page = expected.with_name(stem + ext)
        if page.is_file():
            return page
    raise FileNotFoundError(f"{expected.name}: no page beside it with one of {PAGE_EXTS}")


EXPECTED = sorted(CORPUS.glob("*.expected.json"))
PAGES = [(_page_for(e), e) for e in EXPECTED]


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _primary_language(tag: str | None) -> str | None:
    return re.split(r"[-_]", tag)[0].lower() if tag else None


@cache
def _extract(page: Path) -> Any:
    from reader.ingest import extract_file  # imported late: the extractor is still growing

    return extract_file(page)


def _field_problems(article: Any, want: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for name in EXACT_FIELDS:
        got = getattr(article, name)
        got = _squash(got) if isinstance(got, str) else got
        if got != (_squash(want[name]) if isinstance(want[name], str) else want[name]):
            problems.append(f"{name}: expected {want[name]!r}, got {got!r}")
    if list(article.authors) != want["authors"]:
        problems.append(f"authors: expected {want['authors']!r} (in order), got {list(article.authors)!r}")
    for name in SET_FIELDS:
        got = set(getattr(article, name))
        if got != set(want[name]):
            missing, extra = sorted(set(want[name]) - got), sorted(got - set(want[name]))
            problems.append(f"{name}: missing {missing!r}, unexpected {extra!r}")
    if _primary_language(article.language) != _primary_language(want["language"]):
        problems.append(f"language: expected {want['language']!r}, got {article.language!r}")
    return problems


def _text_problems(text: str, want: dict[str, Any]) -> list[str]:
    body = _squash(text)
    problems = [f"text lacks {s!r}" for s in want["text_contains"] if _squash(s) not in body]
    problems += [f"text has boilerplate {s!r}" for s in want["text_excludes"] if _squash(s) in body]
    for s in want.get("text_once", []):
        count = body.count(_squash(s))
        if count != 1:
            problems.append(f"text has {s!r} {count} times (expected once)")
    return problems


def test_corpus_is_big_and_varied_enough() -> None:
    """What the app's facets need: enough pages, series, topics and authors that recur."""
    wants = [json.loads(e.read_text(encoding="utf-8")) for e in EXPECTED]
    series = {s for w in wants for s in w["series"]}
    topics = [t for w in wants for t in w["topics"]]
    authors = [a for w in wants for a in w["authors"]]
    years = {w["date"][:4] for w in wants if w["date"]}
    assert len(PAGES) >= 40
    assert len(series) >= MIN_SERIES_IN_FACET
    assert len(set(topics)) >= 10 and len(set(authors)) >= 10
    assert sum(topics.count(t) >= 3 for t in set(topics)) >= 6, "topics must recur across pages"
    assert {"2024", "2025", "2026"} <= years
    assert any(w["date"] is None for w in wants) and any(w["organizations"] for w in wants)


@pytest.mark.parametrize(("page", "expected"), PAGES, ids=[p.name for p, _ in PAGES])
def test_page_reads_as_a_careful_human_would_cite_it(page: Path, expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    article = _extract(page)
    problems = _field_problems(article, want) + _text_problems(article.text, want)
    assert not problems, f"{page.name}:\n  " + "\n  ".join(problems)


def test_importing_the_corpus_folder_gives_one_article_per_page(tmp_path: Path) -> None:
    from reader.library.facade import Library  # imported late: the library is still growing
    from reader.library.types import ImportStatus

    with Library.open(tmp_path / "library") as library:
        results = list(library.import_paths([CORPUS]))
        failed = [r.error for r in results if r.status is ImportStatus.FAILED]
        imported = [r for r in results if r.status is ImportStatus.IMPORTED]
        assert not failed, failed
        assert len(imported) == len(PAGES), sorted(r.path for r in imported)
        assert library.count() == len(PAGES)
        series_facet = library.facets()["series"]
        expected_series = {s for _, e in PAGES for s in json.loads(e.read_text(encoding="utf-8"))["series"]}
        assert len(series_facet) >= MIN_SERIES_IN_FACET, series_facet
        assert set(series_facet) == expected_series
