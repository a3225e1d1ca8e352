"""The Library facade as the CLI and the app use it: search, edits, duplicates, rebuilds, locks."""

from __future__ import annotations

import errno
import shutil
import threading
from pathlib import Path

import pytest
from library_helpers import CORPUS, import_all, write_corpus, write_page

from reader.errors import (
    ArticleNotFoundError,
    CorruptLibraryError,
    LibraryLockedError,
    QueryError,
    ReadOnlyLibraryError,
    StorageError,
)
from reader.ingest import Article, Resource
from reader.library import facade, importer
from reader.library.facade import Library
from reader.library.lock import WriterLock
from reader.library.types import Filters, ImportStatus, SortOrder

# Behaviour that does not depend on the engine runs once; the engine contract runs on both.
ONE_ENGINE = pytest.mark.parametrize("engine", ["whoosh"])

QUERIES = ["arctic", "negotiate", '"sea ice"', "negoti*", "author:baev", "year:2025", "cafe -vienna", ""]


def snapshot(library: Library) -> list[object]:
    return [library.search(q).to_json() for q in QUERIES]


def by_title(library: Library, title: str) -> int:
    return next(h.id for h in library.search(f'title:"{title}"').hits)


# -- search -------------------------------------------------------------------------------------------


def test_search_returns_hits_with_metadata_snippets_and_facets(filled: Library) -> None:
    result = filled.search("arctic", Filters(years=[2026]))
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title == "Negotiations over the Arctic treaty"
    assert hit.authors == ["Pavel Baev"] and hit.site == "Eurasia Review" and hit.date == "2026-01-15"
    assert hit.series == ["Polar Politics"] and hit.topics == ["Arctic", "Diplomacy"]
    assert "<b>Arctic</b>" in hit.snippet
    assert result.facets["years"] == {"2026": 1}
    assert set(result.facets) == {"series", "topics", "authors", "sites", "years", "added"}


def test_snippets_highlight_stemmed_and_accent_folded_words(filled: Library) -> None:
    [hit] = filled.search("tromso negotiating").hits
    assert "<b>negotiated</b>" in hit.snippet and "<b>Tromsø</b>" in hit.snippet
    [hit] = filled.search('"sea ice"').hits
    assert "<b>Sea ice</b>" in hit.snippet
    assert "&lt;" not in hit.snippet or "<b>" in hit.snippet  # text is escaped, markup is ours


def test_matches_are_every_hit_in_order(filled: Library) -> None:
    article_id = by_title(filled, "Negotiations over the Arctic treaty")
    text = filled.get(article_id).text
    matches = filled.matches(article_id, "arctic OR negotiate -tromso")
    assert [text[m.start : m.end] for m in matches] == ["negotiated", "Arctic"]
    assert filled.matches(article_id, "westphalia") == []


@ONE_ENGINE
def test_malformed_query_raises_query_error(filled: Library) -> None:
    with pytest.raises(QueryError, match="never closed"):
        filled.search('"sea ice', as_you_type=False)
    with pytest.raises(QueryError, match="unknown field"):
        filled.search("colour:red")  # no more typing could mend it


@ONE_ENGINE
def test_sorts_and_paging(filled: Library) -> None:
    dates = [h.date for h in filled.search("", sort=SortOrder.DATE).hits]
    assert dates == ["2026-01-15", "2025-11-20", "2025-06-02", "2024-03-03", None]
    titles = [h.title for h in filled.search("", sort=SortOrder.TITLE).hits]
    assert titles == sorted(titles, key=str.casefold)
    authors = [h.authors for h in filled.search("", sort=SortOrder.AUTHOR, limit=2).hits]
    assert authors == [["Pavel Baev", "Ida Berg"], ["Pavel Baev"]] or authors[0][0] == "Pavel Baev"
    page = filled.search("", sort=SortOrder.DATE, limit=2, offset=1)
    assert page.total == 5 and [h.date for h in page.hits] == ["2025-11-20", "2025-06-02"]
    assert filled.search_ids("", sort=SortOrder.DATE) == [h.id for h in filled.search("", sort="date").hits]


def test_summaries_keep_the_given_order(filled: Library) -> None:
    ids = list(reversed(filled.search_ids("")))
    rows = filled.summaries(ids, query="arctic")
    assert [r.id for r in rows] == ids
    assert any("<b>" in r.snippet for r in rows)


def test_facets_follow_the_query_and_filters(filled: Library) -> None:
    assert filled.facets("", Filters(series=["Polar Politics"]))["authors"] == {
        "Pavel Baev": 2,
        "Ida Berg": 1,
    }
    assert filled.facets("treaty")["topics"] == {"Diplomacy": 2, "Arctic": 1, "History": 1}


# -- edits, duplicates, removal ----------------------------------------------------------------------


@ONE_ENGINE
def test_a_page_that_tells_no_save_date_is_accessed_on_its_import_day(filled: Library) -> None:
    article = filled.get(by_title(filled, "Café culture in Vienna"))
    assert article.accessed == article.imported_at[:10]
    assert article.provenance["accessed"] == "import-date" and article.extracted["accessed"] is None


def test_edits_apply_everywhere_and_survive_reimport(filled: Library, tmp_path: Path) -> None:
    article_id = by_title(filled, "Café culture in Vienna")
    edited = filled.update(article_id, title="Coffee houses of Vienna", authors=["A. Müller"], topics="Food")
    assert edited.title == "Coffee houses of Vienna" and edited.edited == {"title", "authors", "topics"}
    assert edited.extracted["title"] == "Café culture in Vienna"
    assert filled.search("title:coffee").hits[0].id == article_id
    assert filled.facets("")["topics"].get("Food") == 1
    # a newer copy of the page (same URL, different bytes) updates the article in place, edit kept
    spec = dict(CORPUS[1])
    write_page(
        tmp_path / "newer",
        "b.html",
        spec["title"],
        spec["text"] + "\n\nA new paragraph on strudel.",
        authors=spec["authors"],
        date=spec["date"],
        site=spec["site"],
        url=spec["url"],
    )
    [result] = import_all(filled, [tmp_path / "newer"], workers=0)
    assert result.status == ImportStatus.UPDATED and result.article_id == article_id
    article = filled.get(article_id)
    assert article.title == "Coffee houses of Vienna" and "strudel" in article.text
    assert filled.search("strudel").total == 1 and filled.count() == 5
    reverted = filled.revert(article_id, ["title"])
    assert reverted.title == "Café culture in Vienna" and "title" not in reverted.edited


@ONE_ENGINE
def test_editing_unknown_fields_or_articles_fails_clearly(filled: Library) -> None:
    with pytest.raises(StorageError, match="editable fields"):
        filled.update(1, colour="red")
    with pytest.raises(ArticleNotFoundError, match="no article 999"):
        filled.update(999, title="x")
    with pytest.raises(ArticleNotFoundError):
        filled.get(999)


@ONE_ENGINE
def test_reimport_reports_duplicates_and_keeps_count(filled: Library, tmp_path: Path) -> None:
    results = import_all(filled, [tmp_path / "pages"], workers=0)
    assert [r.status for r in results] == [ImportStatus.DUPLICATE] * len(CORPUS)
    assert all(r.article_id for r in results)
    assert filled.count() == len(CORPUS)


def test_remove_moves_to_the_trash_and_emptying_it_drops_the_original(filled: Library) -> None:
    article_id = next(h.id for h in filled.search("tomatoes").hits)
    content_hash = filled.get(article_id).content_hash
    assert filled.remove([article_id, 12345]) == 1
    assert filled.search("tomatoes").total == 0 and filled.count() == len(CORPUS) - 1
    assert filled.originals.has(content_hash)  # in the trash: restorable, file and all
    assert [t.id for t in filled.trashed()] == [article_id]
    assert filled.check().ok
    assert filled.empty_trash() == 1
    assert not filled.originals.has(content_hash) and filled.trashed() == []
    assert filled.check().ok


@ONE_ENGINE
def test_original_bytes_and_resources(library: Library, tmp_path: Path) -> None:
    [page] = write_corpus(tmp_path / "pages")[:1]
    [result] = import_all(library, [page], workers=0)
    assert library.original_bytes(result.article_id) == page.read_bytes()
    article = Article(
        path="x.html",
        title="With image",
        text="Pictures.",
        content_hash="ab" * 32,
        resources=[Resource("x_files/a.png", "image/png", b"\x89PNG...")],
    )
    with library.store.transaction() as conn:
        article_id = library.store.insert_article(conn, article, "x.html")
    library.index.sync()
    assert library.resource(article_id, "x_files/a.png") == b"\x89PNG..."
    assert library.get(article_id).resources == {"x_files/a.png": "image/png"}
    assert library.resource(article_id, "missing.png") is None


# -- the index is derived ----------------------------------------------------------------------------


def test_deleted_index_is_rebuilt_with_identical_results(filled: Library) -> None:
    before = snapshot(filled)
    folder, index_folder = filled.folder, filled.index.folder
    filled.close()
    shutil.rmtree(index_folder)
    with Library.open(folder) as reopened:
        assert any("index rebuilt" in n for n in reopened.notices)
        assert snapshot(reopened) == before


def test_damaged_index_files_are_rebuilt(filled: Library) -> None:
    before = snapshot(filled)
    folder, index_folder = filled.folder, filled.index.folder
    filled.close()
    for path in index_folder.iterdir():
        if path.is_file() and path.name != "offprint-index.json":  # our meta file still says "in step"
            path.write_bytes(b"\x00garbage")
    with Library.open(folder) as reopened:
        assert any("index rebuilt" in n for n in reopened.notices)
        assert snapshot(reopened) == before


def test_store_ahead_of_index_is_detected_and_rebuilt(filled: Library) -> None:
    folder = filled.folder
    # a crash after the store committed but before the index did
    article = Article(
        path="late.html", title="Late arrival", text="Walruses on the ice.", content_hash="cd" * 32
    )
    with filled.store.transaction() as conn:
        filled.store.insert_article(conn, article, "late.html")
    filled.close()
    with Library.open(folder) as reopened:
        assert any("behind the store" in n for n in reopened.notices)
        assert reopened.search("walrus").total == 1


def test_engine_switch_gives_the_same_results(filled: Library) -> None:
    before = snapshot(filled)
    other = "tantivy" if filled.engine == "whoosh" else "whoosh"
    filled.reindex(other)
    assert filled.engine == other and filled.stats()["engine"] == other
    after = snapshot(filled)
    strip = lambda results: [{**r, "hits": [{**h, "score": 0} for h in r["hits"]]} for r in results]  # noqa: E731
    assert [sorted(h["id"] for h in r["hits"]) for r in after] == [
        sorted(h["id"] for h in r["hits"]) for r in before
    ]
    assert [r["facets"] for r in strip(after)] == [r["facets"] for r in strip(before)]
    folder = filled.folder
    filled.close()
    with Library.open(folder) as reopened:
        assert reopened.engine == other and not reopened.notices


# -- locks, read-only, damage ------------------------------------------------------------------------


def test_one_writer_and_readers_beside_it(filled: Library) -> None:
    with pytest.raises(LibraryLockedError, match="open for writing by another"):
        Library.open(filled.folder)
    with Library.open(filled.folder, read_only=True) as reader:
        assert reader.read_only and reader.search("arctic").total == 2
        with pytest.raises(ReadOnlyLibraryError):
            reader.update(1, title="x")
        with pytest.raises(ReadOnlyLibraryError):
            list(reader.import_paths(["/nonexistent"]))
        filled.update(1, title="Edited by the writer")
        assert reader.get(1).title == "Edited by the writer"  # sees the writer's commits
        assert reader.search("title:edited").total == 1


def test_missing_library_opens_read_only_as_empty(tmp_path: Path) -> None:
    with Library.open(tmp_path / "nowhere", read_only=True) as library:
        assert library.count() == 0 and library.search("anything").total == 0
    assert not (tmp_path / "nowhere").exists()


@ONE_ENGINE
def test_unwritable_folder_opens_read_only_with_notice(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = filled.folder
    filled.close()
    monkeypatch.setattr(facade, "_writable", lambda path: False)
    with Library.open(folder) as library:
        assert library.read_only
        assert any("read-only" in n for n in library.notices)
        assert library.search("arctic").total == 2
        with pytest.raises(ReadOnlyLibraryError, match="read-only"):
            library.remove([1])


@ONE_ENGINE
def test_read_only_mount_opens_read_only_with_notice(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = filled.folder
    filled.close()

    def refuse(self: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(WriterLock, "acquire", refuse)
    with Library.open(folder) as library:
        assert library.read_only and "Read-only file system" in " ".join(library.notices)
        assert library.search("arctic").total == 2


def test_damaged_database_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    database = folder / "library.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    before = database.read_bytes()
    with pytest.raises(CorruptLibraryError, match="backup"):
        Library.open(folder)
    assert database.read_bytes() == before
    # the lock was released: a second attempt fails the same way, not with "locked"
    with pytest.raises(CorruptLibraryError):
        Library.open(folder)


def test_check_finds_and_repairs_problems(filled: Library, tmp_path: Path) -> None:
    assert filled.check().ok
    victim = filled.get(1)
    filled.originals.delete(victim.content_hash)
    filled.originals.put("ef" * 32, b"orphan")
    filled.index.engine.write(deletes=[2])
    report = filled.check()
    assert not report.ok and len(report.problems) == 3
    repaired = filled.check(repair=True)
    assert len(repaired.repaired) == 3 and repaired.ok
    assert filled.original_bytes(1) == Path(victim.source_path).read_bytes()
    assert filled.check().ok and filled.search("shipping").total == 1


def test_stats_suggest_tantivy_for_large_whoosh_libraries(
    filled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facade, "WHOOSH_COMFORT_LIMIT", 3)
    stats = filled.stats()
    assert stats["articles"] == 5 and stats["index_documents"] == 5
    assert ("suggestion" in stats) == (filled.engine == "whoosh")


@ONE_ENGINE
def test_styles_folder_lives_in_the_library(library: Library) -> None:
    assert library.styles_folder() == library.folder / "styles" and library.styles_folder().is_dir()


def test_library_folder_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFPRINT_LIBRARY", str(tmp_path / "from-env"))
    with Library.open() as library:
        assert library.folder == (tmp_path / "from-env").resolve()
        assert (tmp_path / "from-env" / "library.sqlite3").exists()


@ONE_ENGINE
def test_cancel_stops_and_keeps_what_was_committed(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_SIZE", 1)  # commit (and report) every file
    for number in range(12):
        write_page(tmp_path / "many", f"p{number:02}.html", f"Page {number}", f"Text number {number}.")
    cancel = threading.Event()
    results = []
    for result in library.import_paths([tmp_path / "many"], workers=0, cancel=cancel):
        results.append(result)
        if len(results) == 3:
            cancel.set()
    assert 3 <= len(results) < 12
    assert library.count() == len([r for r in results if r.status == ImportStatus.IMPORTED])
    rerun = import_all(library, [tmp_path / "many"], workers=0)
    assert library.count() == 12
    assert sum(r.status == ImportStatus.IMPORTED for r in rerun) == 12 - len(results)
