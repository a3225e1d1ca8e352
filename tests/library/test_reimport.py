"""A re-import never makes an article worse; a page with no article text is never a silent success.

These use the real extractor on a sample-corpus page and damaged re-saves of it, as a user's disk holds
them: cut short after ``<body``, cut short after ``<head>``, a damaged ``</script>`` that swallows the
rest of the page into a script, an empty body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import cli
from reader.library import ImportStatus, Library, importer

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "corpus" / "herald-01-grain-terminal-fire.html"
URL = "https://www.northmere-herald.example/news/2024/mar/08/grain-terminal-fire"


@pytest.fixture(autouse=True)
def real_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", "reader.ingest:extract_file")


def _damaged(kind: str) -> bytes:
    page = PAGE.read_bytes()
    body = page.index(b"<body")
    if kind == "cut after <body":
        return page[: body + len(b"<body")]
    if kind == "</script> damaged":
        return page.replace(b"</script>", b"</scr ipt>")
    if kind == "empty body":
        return page[:body] + b"<body></body></html>"
    if kind == "far less text":
        paragraphs = page.split(b"<p>")
        return b"<p>".join(paragraphs[:3]) + b"</article></body></html>"
    raise AssertionError(kind)


def _import(library: Library, path: Path) -> list:
    return list(library.import_paths([path], workers=0))


@pytest.mark.parametrize("kind", ["cut after <body", "</script> damaged", "empty body", "far less text"])
def test_a_worse_resave_keeps_the_article_and_both_originals(tmp_path: Path, kind: str) -> None:
    first = tmp_path / "first" / "grain.html"
    first.parent.mkdir()
    first.write_bytes(PAGE.read_bytes())
    worse = tmp_path / "later" / "grain.html"
    worse.parent.mkdir()
    worse.write_bytes(_damaged(kind))
    with Library.open(tmp_path / "lib") as library:
        (imported,) = _import(library, first)
        article = library.get(imported.article_id)
        assert article.url == URL and len(article.text) > 1000
        (result,) = _import(library, worse)
        assert result.status is ImportStatus.KEPT and result.article_id == article.id
        assert result.error is None and result.note.startswith("kept the earlier version: the new file ")
        kept = library.get(article.id)
        assert kept.text == article.text and kept.content_hash == article.content_hash
        assert library.original_bytes(article.id) == PAGE.read_bytes()
        stored = set(library.originals.stored_hashes())
        assert article.content_hash in stored and len(stored) == 2  # the new file is kept beside it
        assert library.check().ok
        (again,) = _import(library, worse)  # the same bad file again is a duplicate, not another copy
        assert again.status is ImportStatus.DUPLICATE and again.article_id == article.id


def test_a_resave_cut_after_head_fails_by_name_and_leaves_the_article_alone(tmp_path: Path) -> None:
    page = PAGE.read_bytes()
    cut = tmp_path / "later" / "grain.html"
    cut.parent.mkdir()
    cut.write_bytes(page[: page.index(b"<head>") + len(b"<head>")])
    with Library.open(tmp_path / "lib") as library:
        (imported,) = _import(library, PAGE)
        (result,) = _import(library, cut)
        assert result.status is ImportStatus.FAILED and str(cut) in result.error
        assert "no article found" in result.error
        assert library.get(imported.article_id).text == library.get(imported.article_id).text.strip() != ""
        assert library.original_bytes(imported.article_id) == page and library.count() == 1
        assert library.check().ok


def test_the_summary_says_why_the_earlier_version_was_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "grain.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "b" / "grain.html").write_bytes(_damaged("empty body"))
    library = str(tmp_path / "lib")
    assert cli.main(["import", "--library", library, "--workers", "0", str(tmp_path / "a")]) == 0
    capsys.readouterr()
    assert cli.main(["import", "--library", library, "--workers", "0", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "kept the earlier version 1" in out
    assert "note: " in out and "kept the earlier version: the new file has no article text" in out
    assert cli.main(["check", "--library", library]) == 0


def test_a_first_import_without_text_is_marked_for_attention_or_fails(tmp_path: Path) -> None:
    empty = tmp_path / "pages" / "empty.html"
    empty.parent.mkdir()
    empty.write_bytes(_damaged("empty body"))
    headless = tmp_path / "pages" / "head.html"
    page = PAGE.read_bytes()
    headless.write_bytes(page[: page.index(b"<head>") + len(b"<head>")])
    with Library.open(tmp_path / "lib") as library:
        results = {Path(r.path).name: r for r in _import(library, tmp_path / "pages")}
        marked = results["empty.html"]
        assert marked.status is ImportStatus.IMPORTED and marked.note.startswith("no text found")
        assert library.attention_ids() == [marked.article_id]
        assert library.get(marked.article_id).attention == ["no-text"]
        failed = results["head.html"]
        assert failed.status is ImportStatus.FAILED and "head.html" in failed.error
        report = library.check()
        assert report.ok and any("no article text" in note for note in report.notes)
        (better,) = _import(library, PAGE)  # a good save of the same page later fills it in
        assert better.status is ImportStatus.UPDATED and library.attention_ids() == []
