"""Highlights, comments and notes in the library core: made, edited, deleted and put back (undo), listed in
reading order, searchable by comment, kept by the trash and placed again when a newer save arrives."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import import_all, write_page

from reader.errors import StorageError
from reader.library import COLOURS, Anchoring, ArticleNotFoundError, Filters, Library

PARAGRAPHS = [
    "The port authority raised harbour dues for the third time this year.",
    "Fishermen say the new dues will drive small boats out of the old harbour.",
    "The council will vote on the proposal in March, after a public hearing.",
]
URL = "https://tideline.example/harbour-dues"


def _harbour(library: Library, folder: Path, paragraphs: list[str], name: str = "harbour.html") -> int:
    page = write_page(folder, name, "Harbour dues rise again", "\n\n".join(paragraphs), url=URL)
    [result] = import_all(library, [page], workers=0)
    assert result.article_id is not None, result.error
    return result.article_id


def _walrus(library: Library, folder: Path) -> int:
    page = write_page(
        folder, "walrus.html", "Walrus counts", "Walruses haul out on the ice floes.", url=URL + "/w"
    )
    [result] = import_all(library, [page], workers=0)
    assert result.article_id is not None, result.error
    return result.article_id


def _offsets(library: Library, article_id: int, passage: str) -> tuple[int, int]:
    text = library.get(article_id).text
    start = text.index(passage)
    return start, start + len(passage)


def test_a_selection_becomes_a_highlight_with_its_quote_context_colour_and_comment(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    start, end = _offsets(library, article_id, "drive small boats out")
    made = library.annotate(article_id, start, end, colour="green", comment="the cost to fishermen")
    assert (made.quote, made.exact, made.colour, made.comment) == (
        "drive small boats out",
        "drive small boats out",
        "green",
        "the cost to fishermen",
    )
    assert made.prefix.endswith("the new dues will ") and made.suffix.startswith(" of the old harbour")
    assert made.anchored and made.anchoring is Anchoring.EXACT
    assert library.annotations(article_id) == [made]
    assert library.annotation(made.id) == made


def test_a_selection_loses_the_spaces_at_its_ends_and_an_empty_one_is_refused(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    start, end = _offsets(library, article_id, " harbour dues ")
    assert library.annotate(article_id, start, end).quote == "harbour dues"
    with pytest.raises(StorageError, match="choose some text"):
        library.annotate(article_id, 5, 5)
    with pytest.raises(StorageError, match="colour"):
        library.annotate(article_id, start, end, colour="mauve")
    with pytest.raises(ArticleNotFoundError):
        library.annotate(9999, 0, 3)


def test_a_quote_is_found_across_line_breaks_and_a_missing_one_is_a_clear_error(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    made = library.annotate_quote(article_id, "third time\n this year", colour="purple")
    assert made.quote == "third time this year" and made.colour == "purple"
    with pytest.raises(
        StorageError, match=rf"article {article_id} does not contain the passage “walrus tusks”"
    ):
        library.annotate_quote(article_id, "walrus tusks")


def test_highlights_are_listed_in_reading_order_and_filtered_by_colour_and_tag(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    late = library.annotate_quote(article_id, "public hearing", colour="blue", tags=["politics"])
    early = library.annotate_quote(article_id, "harbour dues", colour="yellow")
    middle = library.annotate_quote(article_id, "small boats", colour="blue")
    assert [a.id for a in library.annotations(article_id)] == [early.id, middle.id, late.id]
    assert [a.id for a in library.annotations(colour="blue")] == [middle.id, late.id]
    assert [a.id for a in library.annotations(tag="politics")] == [late.id]
    assert set(COLOURS) == {"yellow", "red", "green", "blue", "purple"}


def test_editing_and_deleting_a_highlight_are_undone_by_putting_the_record_back(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    made = library.annotate_quote(article_id, "small boats", comment="first thought")
    edited = library.update_annotation(made.id, colour="red", comment="second thought", tags=["cost"])
    assert (edited.colour, edited.comment, edited.tags) == ("red", "second thought", ("cost",))
    assert library.restore_annotation(made) == made  # undo the edit
    deleted = library.delete_annotation(made.id)
    assert deleted == made and library.annotations(article_id) == []
    newer = library.annotate_quote(article_id, "harbour dues")
    assert newer.id != made.id  # a deleted highlight's id is never given to another
    assert library.restore_annotation(deleted) == made  # undo the deletion: the same id, the same place
    assert [a.id for a in library.annotations(article_id)] == [newer.id, made.id]


def test_a_comment_is_found_by_note_and_by_a_plain_query_after_the_text(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    other = _walrus(library, tmp_path / "other")
    assert library.search("note:lobbying").total == 0
    made = library.annotate_quote(article_id, "small boats", comment="ask about the lobbying")
    assert library.search_ids("note:lobbying") == [article_id]
    assert library.search_ids("lobbying") == [article_id]  # plain queries match comments too
    library.update_annotation(made.id, comment="ask the harbour master")
    assert library.search("note:lobbying").total == 0
    library.add_note(other, "Walrus counts: compare with the harbour article.")
    assert library.search_ids("note:walrus") == [other]
    # a word in the text outranks the same word in someone's comment on another article
    library.annotate_quote(other, "ice floes", comment="fishermen")
    assert library.search_ids("fishermen", as_you_type=False)[0] == article_id


def test_has_annotations_filters_and_counts_facets(library: Library, tmp_path: Path) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    _walrus(library, tmp_path / "other")
    assert library.search_ids(filters=Filters(has_annotations=True)) == []
    made = library.annotate_quote(article_id, "small boats")
    assert library.search_ids(filters=Filters(has_annotations=True)) == [article_id]
    assert sum(library.facets(filters=Filters(has_annotations=True))["added"].values()) >= 1
    assert library.search(filters=Filters(has_annotations=True)).total == 1
    library.delete_annotation(made.id)
    assert library.search_ids(filters=Filters(has_annotations=True)) == []


def test_notes_are_added_edited_deleted_and_put_back(library: Library, tmp_path: Path) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    note = library.add_note(article_id, "# Dues\n\nThird rise: check the *minutes*.")
    assert note.title == "Dues" and library.notes(article_id) == [note]
    changed = library.update_note(note.id, "# Dues\n\nFourth rise?")
    assert changed.text.endswith("Fourth rise?") and changed.created == note.created
    deleted = library.delete_note(note.id)
    assert library.notes(article_id) == []
    assert library.restore_note(deleted) == changed
    loose = library.add_note(None, "A note on no article")
    assert library.notes() == [loose] and library.notes(article_id) == [changed]


def test_highlights_and_notes_stay_while_trashed_and_go_when_the_trash_is_emptied(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    made = library.annotate_quote(article_id, "small boats", comment="keep me")
    library.add_note(article_id, "a note")
    library.remove([article_id])
    assert library.annotations() == []  # the library's list leaves the trash out…
    assert library.annotations(article_id) == [made]  # …the article keeps them
    assert library.search("note:keep").total == 0
    library.restore([article_id])
    assert library.annotations() == [made] and library.search_ids("note:keep") == [article_id]
    library.remove([article_id])
    library.empty_trash()
    assert library.annotations() == [] and library.notes() == []
    count = library.store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert count == 0 and library.check().ok


def test_a_highlight_stays_on_its_passage_after_a_newer_save_adds_a_paragraph_before_it(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "v1", PARAGRAPHS)
    made = library.annotate_quote(article_id, "drive small boats out", comment="cost")
    edited = [
        "Update: the vote was moved to April after protests at the quay.",
        *PARAGRAPHS[:1],
        "Fishermen say the new dues will drive small boats out of the old harbour for good.",
        PARAGRAPHS[2],
    ]
    assert _harbour(library, tmp_path / "v2", edited) == article_id  # UPDATED in place
    [moved] = library.annotations(article_id)
    text = library.get(article_id).text
    assert text[moved.start : moved.end] == "drive small boats out" == moved.quote
    assert moved.start > made.start and moved.anchoring is Anchoring.EXACT
    assert (moved.id, moved.comment, moved.exact) == (made.id, "cost", made.exact)


def test_a_highlight_whose_passage_was_reworded_is_placed_fuzzily_and_one_that_is_gone_is_kept_orphaned(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "v1", PARAGRAPHS)
    reworded = library.annotate_quote(article_id, "Fishermen say the new dues will drive small boats out")
    gone = library.annotate_quote(article_id, "after a public hearing", comment="was there a hearing?")
    newer = [
        PARAGRAPHS[0],
        "Fishermen said the new dues would drive small boats out of the old harbour.",
        "The council will vote on the proposal in March. A long and detailed third paragraph follows.",
    ]
    [result] = import_all(
        library, [write_page(tmp_path / "v2", "h.html", "Harbour", "\n\n".join(newer), url=URL)]
    )
    assert (
        result.note is not None
        and "1 no longer found" in result.note
        and "1 placed on a changed" in result.note
    )
    placed, orphaned = library.annotations(article_id)
    assert placed.id == reworded.id and placed.anchoring is Anchoring.FUZZY
    assert placed.quote == "Fishermen said the new dues would drive small boats out"
    assert orphaned.id == gone.id and not orphaned.anchored and orphaned.anchoring is Anchoring.ORPHANED
    assert (orphaned.quote, orphaned.comment) == ("after a public hearing", "was there a hearing?")
    assert library.check().ok


def test_a_merge_moves_highlights_notes_and_collections_to_the_kept_article_and_unmerge_moves_them_back(
    library: Library, tmp_path: Path
) -> None:
    keep = _harbour(library, tmp_path / "v1", PARAGRAPHS)
    copy_text = "\n\n".join(["Wire copy, 12 March.", *PARAGRAPHS])
    page = write_page(tmp_path / "wire", "wire.html", "Harbour dues rise", copy_text, url=URL + "?wire")
    [result] = import_all(library, [page], workers=0)
    other = result.article_id
    assert other is not None and other != keep
    highlight = library.annotate_quote(other, "public hearing", comment="from the wire copy")
    note = library.add_note(other, "wire note")
    reading = library.create_collection("Harbour reading")
    library.add_to_collection([other], reading.id)
    merge = library.merge_duplicates(keep, [other])
    [moved] = library.annotations(keep)
    text = library.get(keep).text
    assert (moved.id, moved.comment) == (highlight.id, "from the wire copy")
    assert text[moved.start : moved.end] == "public hearing" and moved.anchored
    assert [n.id for n in library.notes(keep)] == [note.id]
    assert library.collection_articles(reading.id) == [keep]
    assert library.search_ids("note:wire") == [keep]
    library.unmerge(merge)
    assert library.annotations(keep) == [] and library.notes(keep) == []
    assert library.annotations(other) == [highlight] and library.notes(other) == [note]
    assert library.collection_articles(reading.id) == [other]
    assert library.search_ids("note:wire") == [other] and library.check().ok


def test_check_finds_a_highlight_off_its_passage_and_repair_places_it_again(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    made = library.annotate_quote(article_id, "public hearing")
    library.store.conn.execute("UPDATE annotations SET start = 3, end = 17 WHERE id = ?", (made.id,))
    report = library.check()
    assert not report.ok and any("not on the passage they quote" in p for p in report.problems)
    repaired = library.check(repair=True)
    assert repaired.repaired and library.check().ok
    assert library.annotation(made.id) == made


def test_extracting_again_with_a_better_extractor_keeps_highlights_on_their_passages(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import reextract

    article_id = _harbour(library, tmp_path / "pages", PARAGRAPHS)
    library.update(article_id, title="My title")
    made = library.annotate_quote(article_id, "drive small boats out", comment="cost")
    list(library.reextract([article_id]))  # the real extractor (the library tests import with a stand-in)
    [same] = list(library.reextract([article_id]))  # … finds the same article a second time
    assert same.status == "kept" and same.note == "unchanged"
    made = library.annotation(made.id)

    def better(data: bytes, **kwargs: object) -> object:  # one that also finds the lede the first missed
        article = reextract_real(data, **kwargs)
        article.text = "A lede the old extractor missed.\n\n" + article.text
        return article

    reextract_real = reextract.extract_bytes
    monkeypatch.setattr(reextract, "extract_bytes", better)
    [result] = list(library.reextract([article_id]))
    after = library.get(article_id)
    assert result.status == "updated" and after.text.startswith("A lede") and after.title == "My title"
    [moved] = library.annotations(article_id)
    assert after.text[moved.start : moved.end] == "drive small boats out" and moved.id == made.id
    assert moved.start > made.start and library.check().ok


def test_undoing_a_deletion_after_a_newer_save_puts_the_highlight_on_the_new_text(
    library: Library, tmp_path: Path
) -> None:
    article_id = _harbour(library, tmp_path / "v1", PARAGRAPHS)
    deleted = library.delete_annotation(library.annotate_quote(article_id, "public hearing", colour="red").id)
    _harbour(library, tmp_path / "v2", ["A new lede paragraph arrives first.", *PARAGRAPHS])
    back = library.restore_annotation(deleted)
    text = library.get(article_id).text
    assert text[back.start : back.end] == "public hearing" and back.start > deleted.start
    assert (back.id, back.colour, back.anchoring) == (deleted.id, "red", Anchoring.EXACT)
    stats = library.stats()
    assert (stats["highlights"], stats["orphaned_highlights"], stats["notes"]) == (1, 0, 0)
