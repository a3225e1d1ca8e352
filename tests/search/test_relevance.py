"""Ranking you can trust: the relevance set (``relevance_set.py``) over the sample corpus, on both engines.

The sample corpus is imported once per engine with the real extractor.  Each engine must put an
expected article first where one must be first, and keep the mean reciprocal rank and hits@3 of the
whole set above floors a little under what both engines measured when the set was written
(MRR 1.00 and hits@3 1.00 on whoosh and tantivy; 0.44 and 0.44 before search-as-you-type and CJK
bigrams).  ``python tests/search/test_relevance.py LIBRARY`` prints the figures for any library of
the corpus.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from relevance_set import CASES, Case

from reader.library.facade import Library

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MRR_FLOOR = 0.95
HITS_AT_3_FLOOR = 0.95
DEPTH = 20  # a hit below the first page of the list counts as not found


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "whoosh"
    with Library.open(folder) as library:
        results = list(library.import_paths([CORPUS], workers=0))
        assert all(r.status == "imported" for r in results), [r.error for r in results if r.error]
    return folder


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def library(request: pytest.FixtureRequest, corpus_library: Path) -> Iterator[Library]:
    folder = corpus_library.with_name(str(request.param))
    if not folder.exists():
        shutil.copytree(corpus_library, folder)
    lib = Library.open(folder)
    if lib.engine != request.param:
        lib.reindex(str(request.param))
    yield lib
    lib.close()


def slugs(library: Library) -> dict[int, str]:
    """Article id → the corpus file name it came from, without extension."""
    return {i: Path(library.get(i).source_path).name.split(".")[0] for i in library.search_ids("")}


def rank(library: Library, names: dict[int, str], case: Case) -> int | None:
    """1-based rank of the first expected article in the search field's results, None if not in DEPTH."""
    found = [names[i] for i in library.search_ids(case.query)[:DEPTH]]
    return next((n for n, name in enumerate(found, 1) if name in case.relevant), None)


def scores(library: Library) -> tuple[float, float, list[tuple[Case, int | None]]]:
    names = slugs(library)
    ranks = [(case, rank(library, names, case)) for case in CASES]
    mrr = sum(1 / r for _, r in ranks if r) / len(ranks)
    hits = sum(1 for _, r in ranks if r and r <= 3) / len(ranks)
    return mrr, hits, ranks


def test_the_set_covers_every_kind_of_query() -> None:
    kinds = {case.kind for case in CASES}
    assert {"cut word", "word and cut word", "phrase", "author", "CJK run"} <= kinds
    assert len(CASES) >= 30
    every = {name.split(".")[0] for name in (p.name for p in CORPUS.glob("*.expected.json"))}
    assert {name for case in CASES for name in case.relevant} <= every  # no typo in an expected name


def test_mean_reciprocal_rank_and_hits_at_3(library: Library) -> None:
    mrr, hits, ranks = scores(library)
    missed = [(case.query, r) for case, r in ranks if not r or r > 3]
    assert mrr >= MRR_FLOOR, (library.engine, mrr, missed)
    assert hits >= HITS_AT_3_FLOOR, (library.engine, hits, missed)


@pytest.mark.parametrize("case", [c for c in CASES if c.first], ids=lambda c: c.query)
def test_what_must_come_first_comes_first(library: Library, case: Case) -> None:
    names = slugs(library)
    first = [names[i] for i in library.search_ids(case.query)[:1]]
    assert first and first[0] in case.relevant, (library.engine, case.query, first)


if __name__ == "__main__":
    with Library.open(sys.argv[1]) as opened:
        mrr_, hits_, ranks_ = scores(opened)
        print(f"{opened.engine}: MRR {mrr_:.3f}, hits@3 {hits_:.3f} over {len(ranks_)} queries")
        for case_, rank_ in ranks_:
            if rank_ != 1:
                print(f"  {case_.kind:24} {case_.query!r}: rank {rank_}")
