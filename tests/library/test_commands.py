"""The ``offprint`` library commands, run through the real CLI dispatcher."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from library_helpers import write_corpus, write_page

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = str(tmp_path / "lib")
    write_corpus(tmp_path / "pages")
    code, out, _ = run(capsys, "import", "--library", folder, "--workers", "0", str(tmp_path / "pages"))
    assert code == 0 and "imported 5, updated 0, duplicates 0, failed 0" in out
    return folder


def test_import_twice_reports_duplicates(
    lib_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", "--library", lib_dir, "--workers", "0", str(tmp_path / "pages"))
    assert code == 0 and "imported 0, updated 0, duplicates 5, failed 0 (5 articles" in out


def test_import_exit_status_only_fails_when_nothing_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "lib")
    bad = write_page(tmp_path / "bad", "bad.html", "Bad", "BOOM")
    code, out, _ = run(capsys, "import", "--library", folder, "--workers", "0", str(bad))
    assert code == 1 and "failed 1" in out and "no article found" in out
    good = write_page(tmp_path / "bad", "good.html", "Good", "Fine.")
    code, out, _ = run(capsys, "import", "--library", folder, "--workers", "0", str(bad), str(good))
    assert code == 0 and "imported 1" in out and "failed 1" in out


def test_search_json_has_the_documented_shape(lib_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "search",
        "--library",
        lib_dir,
        "arctic",
        "--series",
        "Polar Politics",
        "--year",
        "2025",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and set(data) == {"total", "hits", "facets"} and data["total"] == 1
    assert set(data["hits"][0]) == {
        "id",
        "title",
        "authors",
        "date",
        "site",
        "series",
        "topics",
        "score",
        "snippet",
    }
    assert data["hits"][0]["title"] == "Shipping lanes and sea ice"
    assert set(data["facets"]) == {"series", "topics", "authors", "sites", "years"}


def test_search_text_output_and_bad_query(lib_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--library", lib_dir, "negotiate", "--sort", "date")
    assert code == 0 and out.startswith("2 article(s) match") and "Negotiating" in out
    code, _, err = run(capsys, "search", "--library", lib_dir, '"sea ice')
    assert code == 2 and err.startswith("offprint: cannot understand the search")


def test_show_edit_list_remove(lib_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--library", lib_dir, "--author", "Pavel Baev", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["title"] for r in rows] == [
        "Negotiations over the Arctic treaty",
        "Shipping lanes and sea ice",
    ]
    article_id = str(rows[0]["id"])
    code, out, _ = run(
        capsys,
        "edit",
        "--library",
        lib_dir,
        article_id,
        "--title",
        "Arctic talks",
        "--author",
        "P. Baev",
        "--author",
        "K. Lee",
        "--topic",
        "Polar",
    )
    assert code == 0 and "edited fields: authors, title, topics" in out
    code, out, _ = run(capsys, "show", "--library", lib_dir, article_id, "--json")
    shown = json.loads(out)
    assert shown["title"] == "Arctic talks" and shown["authors"] == ["P. Baev", "K. Lee"]
    assert shown["extracted"]["title"] == "Negotiations over the Arctic treaty"
    code, out, _ = run(capsys, "show", "--library", lib_dir, article_id, "--text")
    assert out.startswith("Diplomats negotiated")
    code, out, _ = run(capsys, "show", "--library", lib_dir, article_id)
    assert "title: Arctic talks (edited)" in out
    labels = [line.split(":")[0].strip() for line in out.split("\n\n")[0].splitlines()]
    assert labels == [
        "title",
        "authors",
        "date",
        "site",
        "url",
        "language",
        "series",
        "topics",
        "accessed",
        "source",
        "imported",
    ]
    assert "       authors: P. Baev; K. Lee (edited)\n" in out and "        topics: Polar (edited)\n" in out
    code, out, _ = run(capsys, "remove", "--library", lib_dir, article_id)
    assert code == 0 and "removed 1" in out
    code, out, _ = run(capsys, "show", "--library", lib_dir, article_id)
    assert code == 0 and "in trash since: " in out  # still there, in the trash
    code, out, _ = run(capsys, "trash", "--empty", "--library", lib_dir)
    assert code == 0 and "deleted 1" in out
    code, _, err = run(capsys, "show", "--library", lib_dir, article_id)
    assert code == 2 and f"no article {article_id}" in err


def test_check_reindex_and_stats(lib_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--library", lib_dir)
    assert code == 0 and "consistent" in out
    shutil.rmtree(Path(lib_dir) / "originals")
    code, out, _ = run(capsys, "check", "--library", lib_dir)
    assert code == 1 and "missing" in out
    code, out, _ = run(capsys, "check", "--library", lib_dir, "--repair")
    assert code == 0 and "copied it back" in out
    code, out, _ = run(capsys, "reindex", "--library", lib_dir, "--engine", "tantivy")
    assert code == 0 and "tantivy index of 5" in out
    code, out, _ = run(capsys, "stats", "--library", lib_dir, "--json")
    stats = json.loads(out)
    assert stats["engine"] == "tantivy" and stats["articles"] == 5 and stats["index_documents"] == 5
    code, out, _ = run(capsys, "search", "--library", lib_dir, "cafe", "--json")
    assert json.loads(out)["total"] == 1


def test_library_before_or_after_the_command_means_the_same(
    lib_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import build_parser

    code, after, _ = run(capsys, "list", "--library", lib_dir)
    code_before, before, _ = run(capsys, "--library", lib_dir, "list")
    assert code == code_before == 0 and after == before and len(after.splitlines()) == 5
    empty = str(tmp_path / "empty")
    code, out, _ = run(capsys, "--library", empty, "list", "--library", lib_dir)  # the later one wins
    assert code == 0 and out == after
    parser = build_parser()
    assert parser.parse_args(["--library", lib_dir, "gui"]).library == lib_dir
    assert parser.parse_args(["gui", "--library", lib_dir]).library == lib_dir
    assert parser.parse_args(["stats"]).library is None
    assert parser.parse_args([]).library is None


def test_edit_remove_trash_restore_empty_with_check_clean_throughout(
    lib_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def check_clean() -> None:
        code, out, _ = run(capsys, "check", "--library", lib_dir)
        assert code == 0 and "the library is consistent" in out, out

    _, out, _ = run(capsys, "search", "--library", lib_dir, "café", "--json")
    article_id = str(json.loads(out)["hits"][0]["id"])
    code, _, _ = run(
        capsys,
        "edit",
        "--library",
        lib_dir,
        article_id,
        "--title",
        "Viennese cafés",
        "--item-type",
        "post-weblog",
    )
    assert code == 0
    check_clean()
    code, out, _ = run(capsys, "remove", "--library", lib_dir, article_id)
    assert code == 0 and "removed 1 article(s) to the trash" in out
    _, out, _ = run(capsys, "search", "--library", lib_dir, "Viennese", "--json")
    assert json.loads(out)["total"] == 0
    _, out, _ = run(capsys, "list", "--library", lib_dir, "--json")
    assert int(article_id) not in [hit["id"] for hit in json.loads(out)]
    _, out, _ = run(capsys, "export", "--library", lib_dir, "--format", "csl-json")
    assert "Viennese" not in out
    check_clean()
    code, out, _ = run(capsys, "trash", "--library", lib_dir, "--json")
    (trashed,) = json.loads(out)
    assert trashed["id"] == int(article_id) and trashed["title"] == "Viennese cafés"
    code, out, _ = run(capsys, "restore", "--library", lib_dir, article_id)
    assert code == 0 and "restored 1" in out
    _, out, _ = run(capsys, "show", "--library", lib_dir, article_id, "--json")
    shown = json.loads(out)
    assert shown["title"] == "Viennese cafés" and shown["item_type"] == "post-weblog"
    assert shown["trashed_at"] is None
    _, out, _ = run(capsys, "search", "--library", lib_dir, "Viennese", "--json")
    assert json.loads(out)["total"] == 1
    check_clean()
    run(capsys, "remove", "--library", lib_dir, article_id)
    code, out, _ = run(capsys, "trash", "--library", lib_dir, "--empty")
    assert code == 0 and "deleted 1 article(s) for good" in out
    _, out, _ = run(capsys, "trash", "--library", lib_dir, "--json")
    assert json.loads(out) == []
    check_clean()
    code, _, err = run(capsys, "restore", "--library", lib_dir, article_id)
    assert code == 1 and f"no article {article_id}" in err


def test_a_bad_item_type_or_date_is_refused_by_name(lib_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "edit", "--library", lib_dir, "1", "--date", "2025-13")
    assert code == 2 and "date '2025-13' of article 1 is not a date" in err
