"""Duplicates: the same story re-saved, sent out on the wire or under another banner is found, merged,
and the merge undone; different stories of one site and one series are never proposed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from duplicate_pages import CORPUS, true_pairs, write_labelled_set

from reader.library import ImportStatus, Library, importer
from reader.library.duplicates import page_key
from reader.library.signatures import LIKENESS, signature

STORIES = [
    CORPUS / f"{name}.html"
    for name in (
        "herald-01-grain-terminal-fire",
        "herald-04-kessvik-accord",
        "ledger-01-harbour-levy",
        "ledger-04-levy-reform-round-two",
    )
]


@pytest.fixture(autouse=True)
def real_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "DEFAULT_EXTRACTOR", "reader.ingest:extract_file")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    pages = write_labelled_set(tmp_path / "pages", STORIES)
    opened = Library.open(tmp_path / "lib")
    results = list(opened.import_paths([tmp_path / "pages"], workers=0))
    assert [r.error for r in results if r.status is ImportStatus.FAILED] == []
    opened.pages = pages  # type: ignore[attr-defined]
    yield opened
    opened.close()


def _path_ids(library: Library) -> dict[Path, int]:
    return {Path(library.get(i).source_path).resolve(): i for i in library.search_ids()}


def test_every_copy_is_found_and_no_two_stories_are_joined(library: Library) -> None:
    ids = _path_ids(library)
    found = {frozenset(pair) for s in library.duplicate_sets() for pair in itertools.combinations(s.ids, 2)}
    expected = {frozenset(ids[p.resolve()] for p in pair) for pair in true_pairs(library.pages)}
    assert found == expected  # the two levy articles and the two herald ones stay apart


def test_an_import_says_what_a_new_article_looks_like(tmp_path: Path) -> None:
    pages = write_labelled_set(tmp_path / "pages", STORIES[:1])
    with Library.open(tmp_path / "lib") as library:
        (first,) = library.import_paths([pages[0].path], workers=0)
        (wire,) = library.import_paths([next(p.path for p in pages if p.kind == "wire")], workers=0)
        assert wire.status is ImportStatus.IMPORTED
        assert wire.note.startswith(f"looks like a duplicate of article {first.article_id} (“Brackwater")


def test_a_merge_keeps_one_records_the_others_and_is_undone_whole(library: Library) -> None:
    (herald,) = [s for s in library.duplicate_sets() if "grain" in library.get(s.ids[0]).title.lower()]
    keep, *others = herald.ids
    library.update(others[0], topics=["fires"])  # a value only a duplicate has
    before = library.get(keep)
    library.merge_duplicates(keep, others)
    kept = library.get(keep)
    assert "fires" in kept.topics and set(before.topics) <= set(kept.topics)
    assert {t.id: t.merged_into for t in library.trashed()} == dict.fromkeys(others, keep)
    assert len(library.store.kept_originals(keep)) == len(others)  # the others' files are its sources
    assert library.duplicate_sets() != [] and keep not in {i for s in library.duplicate_sets() for i in s.ids}
    assert library.check().ok
    library.empty_trash()  # the merged articles go for good; their files stay, as the kept one's sources
    assert library.check().ok and len(set(library.originals.stored_hashes())) == library.count() + len(others)


def test_unmerge_brings_the_duplicates_back_as_they_were(library: Library) -> None:
    (herald,) = [s for s in library.duplicate_sets() if "grain" in library.get(s.ids[0]).title.lower()]
    keep, *others = herald.ids
    before = library.get(keep)
    merge = library.merge_duplicates(keep, others, {"title": "Grain terminal fire"})
    assert library.get(keep).title == "Grain terminal fire"
    library.unmerge(merge)
    after = library.get(keep)
    assert (after.title, after.edited) == (before.title, before.edited)
    assert library.trashed() == [] and library.store.kept_originals(keep) == []
    assert herald in library.duplicate_sets()
    assert library.check().ok


def test_articles_called_different_are_not_proposed_again(library: Library) -> None:
    first = library.duplicate_sets()[0]
    library.mark_not_duplicates(first.ids)
    assert first.ids[0] not in {i for s in library.duplicate_sets() for i in s.ids}


def test_a_change_made_by_another_process_is_seen_by_the_next_scan(library: Library, tmp_path: Path) -> None:
    # The sets are kept until the store changes; a change through another connection counts too.
    with Library.open(tmp_path / "lib", read_only=True) as other:
        first = other.duplicate_sets()[0]
        library.mark_not_duplicates(first.ids)
        assert first.ids[0] not in {i for s in other.duplicate_sets() for i in s.ids}


def test_one_page_under_tracking_and_amp_urls_is_one_key() -> None:
    key = page_key("https://www.example.org/news/story/")
    assert page_key("http://example.org/news/story?utm_source=x&fbclid=1") == key
    assert page_key("https://example.org/news/story/amp") == key
    assert page_key("https://example.org/news/story?page=2") != key


def test_likeness_estimates_follow_the_shingles() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    same, other = signature(text), signature(" ".join(f"term{i}" for i in range(400)))
    half = signature(" ".join(f"word{i}" for i in range(200)) + " " + " ".join(f"x{i}" for i in range(200)))
    assert same is not None and other is not None and half is not None
    assert same.likeness(same) == 1.0 and same.likeness(other) < 0.05
    # 196 of the ~400 shingles of each are shared: Jaccard 196/600, containment 196/400
    assert 0.2 < same.likeness(half) < 0.45 < LIKENESS and 0.35 < same.containment(half) < 0.65
    assert signature("") is None
