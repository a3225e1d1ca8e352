"""The reading commands through the real CLI: annotate, annotations, notes, collection, and search with
``note:`` and ``collection:`` — the issue's walk: a highlight that survives a newer save and engine
switches both ways, an orphaned one listed and not lost, notes exported with quote, comment and citation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_helpers import write_page

from reader.cli import main

URL = "https://tideline.example/harbour-dues"
FIRST = [
    "The port authority raised harbour dues for the third time this year.",
    "Fishermen say the new dues will drive small boats out of the old harbour.",
    "The council will vote on the proposal in March, after a public hearing.",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _import(capsys: pytest.CaptureFixture[str], folder: str, page: Path) -> str:
    code, out, err = run(capsys, "import", "--library", folder, "--workers", "0", str(page))
    assert code == 0, out + err
    return out


def _page(folder: Path, paragraphs: list[str]) -> Path:
    return write_page(
        folder,
        "harbour.html",
        "Harbour dues rise again",
        "\n\n".join(paragraphs),
        url=URL,
        authors=["Ana Baev"],
        date="2026-03-02",
        site="Tideline",
    )


def _annotations(capsys: pytest.CaptureFixture[str], folder: str, *extra: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "annotations", "--library", folder, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_a_highlight_survives_a_newer_save_and_engine_switches_and_an_orphan_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "lib")
    _import(capsys, folder, _page(tmp_path / "v1", FIRST))
    code, out, _ = run(
        capsys,
        "annotate",
        "--library",
        folder,
        "1",
        "--quote",
        "drive small boats out",
        "--comment",
        "ask about the lobbying",
        "--colour",
        "green",
    )
    assert code == 0 and "highlight 1 on article 1 (green)" in out
    run(capsys, "annotate", "--library", folder, "1", "--quote", "after a public hearing")
    newer = ["Update: the vote was moved to April.", FIRST[0], FIRST[1], "The council will vote in April."]
    out = _import(capsys, folder, _page(tmp_path / "v2", newer))
    assert "updated 1" in out and "1 no longer found in the text" in out
    for engine in ("tantivy", "whoosh"):  # both ways
        assert run(capsys, "reindex", "--library", folder, "--engine", engine)[0] == 0
        kept, orphan = _annotations(capsys, folder, "1")
        code, text, _ = run(capsys, "show", "--library", folder, "1", "--text")
        assert text[int(kept["start"]) : int(kept["end"])] == "drive small boats out"  # type: ignore[call-overload]
        assert (kept["quote"], kept["comment"], kept["colour"], kept["anchored"]) == (
            "drive small boats out",
            "ask about the lobbying",
            "green",
            True,
        )
        assert (orphan["quote"], orphan["anchored"]) == ("after a public hearing", False)
        code, out, _ = run(capsys, "search", "--library", folder, "note:lobbying", "--json")
        assert [hit["id"] for hit in json.loads(out)["hits"]] == [1]
    assert run(capsys, "check", "--library", folder)[0] == 0


def test_a_quote_not_in_the_article_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "lib")
    _import(capsys, folder, _page(tmp_path / "v1", FIRST))
    code, _, err = run(capsys, "annotate", "--library", folder, "1", "--quote", "walrus tusks")
    assert code == 2 and err.strip() == "offprint: article 1 does not contain the passage “walrus tusks”"


def test_notes_export_carries_the_quote_the_comment_and_the_citation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "lib")
    _import(capsys, folder, _page(tmp_path / "v1", FIRST))
    run(
        capsys,
        "annotate",
        "--library",
        folder,
        "1",
        "--quote",
        "third time this year",
        "--comment",
        "a trend",
    )
    code, out, _ = run(capsys, "notes", "add", "--library", folder, "1", "# Reading\n\nFollow the vote.")
    assert code == 0 and "note 1 on article 1: Reading" in out
    code, out, err = run(capsys, "notes", "export", "--library", folder, "1", "--style", "apa")
    assert code == 0, err
    assert "> “third time this year” (Baev, 2026)\n\na trend" in out
    assert "# Reading\n\nFollow the vote." in out
    assert (
        "Baev, A. (2026, March 2). Harbour dues rise again. Tideline. https://tideline.example/harbour-dues"
        in out
    )
    code, _, err = run(capsys, "notes", "export", "--library", folder, "1", "-o", str(tmp_path / "notes.md"))
    assert code == 0 and "“third time this year”" in (tmp_path / "notes.md").read_text(encoding="utf-8")


def test_collections_from_the_command_line_and_in_searches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "lib")
    _import(capsys, folder, _page(tmp_path / "v1", FIRST))
    other = write_page(
        tmp_path / "w", "walrus.html", "Walrus counts", "Walruses on the harbour ice.", url=URL + "/w"
    )
    _import(capsys, folder, other)
    assert run(capsys, "collection", "create", "--library", folder, "Polar")[0] == 0
    code, out, _ = run(capsys, "collection", "create", "--library", folder, "Ice", "--parent", "Polar")
    assert code == 0 and "collection 2: Ice" in out
    code, out, _ = run(capsys, "collection", "add", "--library", folder, "Polar/Ice", "2")
    assert code == 0 and "1 article(s) added to “Ice” (1 in it)" in out
    _, out, _ = run(capsys, "collection", "list", "--library", folder)
    assert out.splitlines() == ["     1  Polar (0)", "     2    Ice (1)"]
    code, out, _ = run(capsys, "search", "--library", folder, "harbour collection:ice", "--json")
    assert [hit["id"] for hit in json.loads(out)["hits"]] == [2]
    code, out, _ = run(capsys, "list", "--library", folder, "--collection", "Ice", "--json")
    assert [hit["id"] for hit in json.loads(out)] == [2]
    code, _, err = run(capsys, "list", "--library", folder, "--collection", "Nowhere")
    assert code == 2 and "no collection called “Nowhere”" in err
    code, out, _ = run(capsys, "collection", "remove", "--library", folder, "Ice", "2")
    assert "1 article(s) removed from “Ice” (0 in it)" in out
