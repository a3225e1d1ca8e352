"""Saved pages we wrote ourselves, each beside the article a user should get from it.

``tests/pages/NAME.html`` (or ``.htm``, ``.xhtml``, ``.mhtml``, ``.txt``) sits beside
``NAME.expected.json``, which holds any subset of the Article fields (compared exactly) and these checks:

* ``FIELD_contains`` / ``FIELD_excludes`` for a text field (``text``, ``html``, ``excerpt``…): lists of
  substrings; ``FIELD_startswith``: its opening;
* ``text_max_count``: ``{substring: most times it may appear in the text}``;
* ``FIELD_include`` for a list field (``topics_include``…): items that must be in it;
* ``repairs_include``: repair kinds the report must list; ``resources``: resource names the article keeps;
  ``resources_count``: how many;
* ``error_contains``: the page must be refused with an IngestError whose message says this.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.errors import IngestError
from reader.ingest import PAGE_SUFFIXES, Article, extract_file

PAGES = Path(__file__).resolve().parents[1] / "pages"
# The shared folder sits beside the checkout (and beside CI's clone).
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_1b0a2cb007f1a454.txt"


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for expected in sorted(PAGES.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        pages = [
            PAGES / f"{stem}{suffix}" for suffix in PAGE_SUFFIXES if (PAGES / f"{stem}{suffix}").exists()
        ]
        assert pages, f"{expected.name} has no page beside it"
        cases.append((pages[0], expected))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("page", "expected_file"), CASES, ids=[page.name for page, _ in CASES])
def test_page_gives_the_expected_article(page: Path, expected_file: Path) -> None:
    expected: dict[str, Any] = json.loads(expected_file.read_text(encoding="utf-8"))
    if "error_contains" in expected:
        with pytest.raises(IngestError) as caught:
            extract_file(page)
        assert page.name in str(caught.value)
        assert expected["error_contains"] in str(caught.value)
        return
    article = extract_file(page)
    problems = list(_check(article, expected))
    assert not problems, f"{page.name}:\n  " + "\n  ".join(problems)


def _check(article: Article, expected: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    fields = article.to_json()
    for key, want in expected.items():
        field_name, _, check = key.rpartition("_")
        if check in ("contains", "excludes", "startswith") and field_name in fields:
            problems += _check_text(key, fields[field_name] or "", want)
        else:
            problems += _check_field(article, fields, key, want)
    return problems


def _check_text(key: str, have: str, want: Any) -> list[str]:
    """``FIELD_contains`` / ``FIELD_excludes`` (lists of snippets) and ``FIELD_startswith``."""
    field_name, _, check = key.rpartition("_")
    if check == "contains":
        return [f"{key}: {item!r} missing" for item in want if item not in have]
    if check == "excludes":
        return [f"{key}: {item!r} present" for item in want if item in have]
    return [] if have.startswith(want) else [f"{field_name} starts {have[:80]!r}, expected {want!r}"]


def _check_field(article: Article, fields: dict[str, Any], key: str, want: Any) -> list[str]:
    if key == "text_max_count":
        return [
            f"{item!r} appears {article.text.count(item)} times (at most {most})"
            for item, most in want.items()
            if article.text.count(item) > most
        ]
    if key == "repairs_include":
        kinds = {entry.kind for entry in article.repairs}
        return [f"repair kind {kind!r} not reported ({sorted(kinds)})" for kind in want if kind not in kinds]
    if key == "resources":
        names = [resource.name for resource in article.resources]
        return [f"resource {name!r} missing ({names})" for name in want if name not in names]
    if key == "resources_count":
        count = len(article.resources)
        return [] if count == want else [f"{count} resources, expected {want}"]
    if key.endswith("_include"):
        have = fields[key.removesuffix("_include")]
        return [f"{key}: {item!r} missing from {have!r}" for item in want if item not in have]
    if key in fields:
        return [] if fields[key] == want else [f"{key} is {fields[key]!r}, expected {want!r}"]
    return [f"unknown expectation {key!r}"]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed page is not on this machine")
def test_the_seed_dump_reads_as_the_published_article() -> None:
    article = extract_file(SEED)
    assert article.title == "Shadow of Anchorage no-deal looms over Ukraine peace no-talks"
    assert article.text.startswith("The long-deadlocked Ukraine war")
    for phrase in ("“spirit of Anchorage”", "“kill-zone”", "Ukraine’s"):
        assert phrase in article.text
    assert "聽" not in article.text
    for chrome in ("An error has occurred", "Reload", "Part of the series", "Related topics"):
        assert chrome not in article.text
    assert article.text.count("Illustration photo") <= 1
    assert article.site != "糖心网页版"
    assert any(entry.flagged for entry in article.repairs), "the unrestorable CJK runs must be flagged"
    assert any(not entry.flagged and entry.count for entry in article.repairs), "the repairs must be listed"
    assert len(article.content_hash) == 64
