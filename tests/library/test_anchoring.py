"""Placing highlights again on a changed text (pure functions): moved, reworded, cut, repeated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library import Anchoring
from reader.library.anchoring import Moving, Placement, Selector, place, reanchor, selector_at

OLD = (
    "Harbour dues rose again.\n"
    "Fishermen say the new dues will drive small boats out of the old harbour.\n"
    "The council will vote in March.\n"
    "The council will vote in March.\n"
)


def _moving(text: str, quote: str, occurrence: int = 0) -> Moving:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Moving(
        Placement(start, start + len(quote), Anchoring.EXACT), selector_at(text, start, start + len(quote))
    )


def test_a_moved_passage_is_found_exactly_and_the_right_one_of_two_equal_ones_is_kept() -> None:
    new = "A new first paragraph.\n" + OLD
    first, second = _moving(OLD, "vote in March"), _moving(OLD, "vote in March", 1)
    placed = reanchor(OLD, new, [first, second])
    assert [p.anchoring for p in placed] == [Anchoring.EXACT, Anchoring.EXACT]
    shift = len("A new first paragraph.\n")
    assert [p.start for p in placed] == [first.original.start + shift, second.original.start + shift]


def test_a_reworded_passage_is_fuzzy_and_a_cut_one_is_orphaned_with_its_hint() -> None:
    new = (
        OLD.replace("will drive small boats out", "would drive the small boats out")
        .replace("The council will vote in March.\n", "", 1)
        .replace("Harbour dues rose again.\n", "")
    )
    reworded = _moving(OLD, "Fishermen say the new dues will drive small boats out")
    cut = _moving(OLD, "Harbour dues rose again")
    placed, gone = reanchor(OLD, new, [reworded, cut])
    assert placed.anchoring is Anchoring.FUZZY
    assert new[placed.start : placed.end] == "Fishermen say the new dues would drive the small boats out"
    assert gone.anchoring is Anchoring.ORPHANED and (gone.start, gone.end) == (
        cut.original.start,
        cut.original.end,
    )


def test_a_quote_is_placed_by_its_context_where_it_occurs_twice() -> None:
    selector = Selector("vote in March", "The council will ", ".\n", 0, 13)
    second = OLD.rindex("vote in March")
    assert place(OLD, selector, hint=second).start == second
    assert place(OLD, Selector("walrus", "", "", 0, 6)).anchoring is Anchoring.ORPHANED


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="abc \n", max_size=80),
    after=st.text(alphabet="abc \n", max_size=80),
    inserted=st.text(alphabet="abcxyz \n", max_size=40),
)
def test_an_unchanged_passage_is_always_found_exactly_wherever_text_is_added_around_it(
    before: str, after: str, inserted: str
) -> None:
    quote = "Fishermen say the dues will rise"
    old = before + quote + after
    moving = _moving(old, quote)
    for new in (
        inserted + old,
        old + inserted,
        before + inserted + quote + after,
        before + quote + inserted + after,
    ):
        [placed] = reanchor(old, new, [moving])
        assert placed.anchoring is Anchoring.EXACT and new[placed.start : placed.end] == quote
