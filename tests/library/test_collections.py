"""Collections (nested, an article in several) and saved searches in the library core: made, renamed,
moved, deleted and put back (undo); used as filters and as ``collection:`` in queries, with facet counts
that respect them."""

from __future__ import annotations

import pytest
from library_helpers import CORPUS

from reader.errors import QueryError, StorageError
from reader.library import ArticleNotFoundError, Filters, Library


def _id(library: Library, title_word: str) -> int:
    return next(h.id for h in library.search(f"title:{title_word}").hits)


def test_collections_nest_count_their_articles_and_an_article_can_be_in_several(filled: Library) -> None:
    arctic, shipping = _id(filled, "arctic"), _id(filled, "shipping")
    polar = filled.create_collection("Polar reading")
    lanes = filled.create_collection("Shipping lanes", parent=polar.id)
    assert filled.add_to_collection([arctic, shipping], polar.id) == [arctic, shipping]
    assert filled.add_to_collection([shipping, shipping], lanes.id) == [shipping]
    assert filled.add_to_collection([shipping], lanes.id) == []  # already there
    [top] = filled.collections()
    assert (top.name, top.count, [(c.name, c.count) for c in top.children]) == (
        "Polar reading",
        2,
        [("Shipping lanes", 1)],
    )
    assert sorted(filled.article_collections(shipping)) == [polar.id, lanes.id]
    assert filled.find_collections("polar reading/shipping LANES") == [filled.collection(lanes.id)]
    with pytest.raises(StorageError, match="already a collection called"):
        filled.create_collection("polar Reading")
    with pytest.raises(ArticleNotFoundError):
        filled.add_to_collection([9999], polar.id)


def test_a_collection_filters_searches_lists_and_facets(filled: Library) -> None:
    arctic, shipping, cafe = _id(filled, "arctic"), _id(filled, "shipping"), _id(filled, "café")
    polar = filled.create_collection("Polar reading")
    filled.add_to_collection([arctic, shipping], polar.id)
    in_polar = Filters(collections=[polar.id])
    assert sorted(filled.search_ids(filters=in_polar)) == sorted([arctic, shipping])
    assert filled.search_ids("negotiat", filters=in_polar) == [arctic]  # cafe mentions it too: not in it
    assert cafe in filled.search_ids("negotiat")
    assert filled.facets(filters=in_polar)["sites"] == {"Eurasia Review": 2}
    assert sorted(filled.search_ids('collection:"polar reading"')) == sorted([arctic, shipping])
    assert filled.search_ids("collection:polar", as_you_type=True) != []  # a name still being typed
    assert filled.search_ids("collection:nowhere", as_you_type=False) == []
    assert filled.search_ids('-collection:"Polar reading" treaty', as_you_type=False) == [
        _id(filled, "history")
    ]


def test_renaming_moving_and_deleting_a_collection_is_undoable(filled: Library) -> None:
    arctic = _id(filled, "arctic")
    polar = filled.create_collection("Polar")
    inner = filled.create_collection("Treaties", parent=polar.id)
    filled.add_to_collection([arctic], inner.id)
    assert filled.rename_collection(inner.id, "Arctic treaties").name == "Arctic treaties"
    assert filled.search_ids('collection:"arctic treaties"') == [arctic]  # renaming re-indexes nothing
    moved = filled.move_collection(inner.id, None)
    assert moved.parent is None and len(filled.collections()) == 2
    with pytest.raises(StorageError, match="inside itself"):
        filled.move_collection(polar.id, polar.id)
    filled.move_collection(inner.id, polar.id)
    record = filled.delete_collection(polar.id)
    assert filled.collections() == [] and filled.search_ids(filters=Filters(collections=[inner.id])) == []
    assert filled.get(arctic).title  # deleting a collection never deletes an article
    restored = filled.restore_collection(record)
    assert restored.id == polar.id and restored.children[0].id == inner.id
    assert filled.search_ids(filters=Filters(collections=[inner.id])) == [arctic]


def test_a_trashed_article_leaves_the_counts_and_comes_back_in_its_collections(filled: Library) -> None:
    arctic = _id(filled, "arctic")
    polar = filled.create_collection("Polar")
    filled.add_to_collection([arctic], polar.id)
    filled.remove([arctic])
    assert filled.collection(polar.id).count == 0 and filled.collection_articles(polar.id) == []
    filled.restore([arctic])
    assert filled.collection(polar.id).count == 1
    assert filled.remove_from_collection([arctic], polar.id) == [arctic]
    assert filled.collection(polar.id).count == 0 and filled.get(arctic).trashed_at is None


def test_a_saved_search_is_live_and_usable_as_a_filter(filled: Library, tmp_path) -> None:
    saved = filled.save_search("Arctic by Baev", "arctic", Filters(authors=["Pavel Baev"]))
    assert [s.name for s in filled.saved_searches()] == ["Arctic by Baev"]
    first = sorted(filled.search_ids(filters=Filters(saved_search=saved.id)))
    assert first == sorted(filled.search_ids("arctic", Filters(authors=["Pavel Baev"])))
    assert len(first) == 2
    narrowed = filled.search_ids("treaty", Filters(saved_search=saved.id))
    assert narrowed == [_id(filled, "arctic")]
    counts = filled.facets(filters=Filters(saved_search=saved.id))
    assert counts["authors"]["Pavel Baev"] == 2 and "Anna Müller" not in counts["authors"]
    changed = filled.update_saved_search(saved.id, query="café")
    assert changed.query == "café" and filled.search_ids(filters=Filters(saved_search=saved.id)) == []
    record = filled.delete_saved_search(saved.id)
    assert filled.saved_searches() == []
    assert filled.restore_saved_search(record) == changed
    with pytest.raises(QueryError):
        filled.save_search("broken", "title:(unclosed")
    assert len(CORPUS) == filled.count()
