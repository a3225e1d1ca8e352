"""The articles that need attention: damage their repair could not undo (from the repair report) or no
text, stored with each article, listed and counted by reason, kept through a migration, and listed by
``offprint list --needs-attention``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import StorageError
from reader.ingest import Article, RepairEntry
from reader.library import ATTENTION_REASONS, Library
from reader.library.database import _MIGRATIONS


def _article(name: str, text: str, *repairs: RepairEntry) -> Article:
    return Article(
        path=f"/pages/{name}.html",
        title=name.title(),
        text=text,
        html=f"<p>{text}</p>",
        repairs=list(repairs),
        content_hash=name.ljust(64, "0"),
        evidence={"date": [{"date": "2026-02-10", "source": "dateline-text", "verdict": "chosen"}]},
    )


SPAM = RepairEntry(
    "cjk-in-latin-text", 2, [("at 糖心网页版", "at 糖心网页版")], flagged=True, marks=["糖心网页版"]
)
LOST = RepairEntry("lost-link-text", 4, flagged=True, marks=["“”"])
REPAIRED = RepairEntry("utf8-as-gbk", 24)


@pytest.fixture
def stocked(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib")
    with library.store.transaction() as conn:
        for article in (
            _article("clean", "Nothing wrong here.", REPAIRED),
            _article("seed", "Research Professor at 糖心网页版 and the “” plan.", REPAIRED, SPAM, LOST),
            _article("spam", "Professor at 糖心网页版.", SPAM),
            _article("empty", "   "),
        ):
            library.store.insert_article(conn, article, article.path)
    library.index.sync()
    return library


def test_needs_attention_lists_by_reason_and_counts(stocked: Library) -> None:
    ids = {stocked.get(i).title: i for i in stocked.store.all_ids()}
    assert set(stocked.needs_attention()) == {ids["Seed"], ids["Spam"], ids["Empty"]}
    assert set(stocked.needs_attention("suspected-spam")) == {ids["Seed"], ids["Spam"]}
    assert stocked.needs_attention("lost-link-text") == [ids["Seed"]]
    assert stocked.attention_counts() == {"total": 3, "suspected-spam": 2, "lost-link-text": 1, "no-text": 1}
    assert stocked.attention([ids["Seed"], ids["Clean"]]) == {
        ids["Seed"]: ["suspected-spam", "lost-link-text"]
    }
    assert stocked.get(ids["Seed"]).attention == ["suspected-spam", "lost-link-text"]
    assert stocked.get(ids["Clean"]).attention == []
    assert stocked.stats()["needing_attention"] == 3
    with pytest.raises(StorageError, match="unknown attention reason 'spam'"):
        stocked.needs_attention("spam")
    stocked.close()


def test_the_evidence_for_the_date_is_kept(stocked: Library) -> None:
    article = stocked.get(stocked.store.all_ids()[0])
    assert article.evidence["date"][0]["source"] == "dateline-text"
    stocked.close()


def test_a_library_from_before_gets_its_reasons_from_the_stored_reports(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    for script in _MIGRATIONS[:3]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 3")
    row = "INSERT INTO articles (content_hash, source_path, imported_at, updated_at, extracted, provenance,"
    row += " effective, text, html, repairs) VALUES (?, 'p', 't', 't', '{}', '{}', '{}', ?, '', ?)"
    conn.execute(row, ("a" * 64, "Professor at 糖心网页版.", json.dumps([SPAM.to_json()])))
    conn.execute(row, ("b" * 64, "", "[]"))
    conn.execute(row, ("c" * 64, "Fine.", json.dumps([REPAIRED.to_json()])))
    conn.commit()
    conn.close()
    library = Library.open(tmp_path)
    assert library.attention() == {1: ["suspected-spam"], 2: ["no-text"]}
    assert library.get(3).evidence == {}
    library.close()


def test_offprint_list_needs_attention(stocked: Library, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(stocked.folder)
    stocked.close()
    assert main(["list", "--library", folder, "--needs-attention", "lost-link-text"]) == 0
    out, err = capsys.readouterr()
    assert "Seed" in out and "Spam" not in out
    assert (
        f"needs attention: {ATTENTION_REASONS['suspected-spam']}; {ATTENTION_REASONS['lost-link-text']}"
        in out
    )
    assert err.strip() == "1 article(s)"
    assert main(["list", "--library", folder, "--needs-attention", "--json"]) == 0
    rows = json.loads(capsys.readouterr()[0])
    assert sorted(row["title"] for row in rows) == ["Empty", "Seed", "Spam"]
    assert all(row["attention"] for row in rows)
