"""Damage the repair cannot undo, found in the article's text and said in plain words: stray CJK runs (spam
or unrestorable text), lost link text, U+FFFD; the repair report's examples taken from the article itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import attention_reasons, damage_tooltip, describe_repairs, extract_bytes, extract_file
from reader.ingest.model import RepairEntry
from reader.ingest.repair.report import examples_in_article
from reader.ingest.repair.unrepaired import find_unrepaired

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_1b0a2cb007f1a454.txt"
PADDING = " The rest of the paragraph is ordinary English prose about harbours and tides." * 4


def _flags(text: str, known: tuple[str, ...] = ()) -> dict[str, list[str]]:
    return {entry.kind: entry.marks for entry in find_unrepaired(text + PADDING, known)}


def test_a_cjk_run_in_english_prose_is_flagged_with_the_run_to_mark() -> None:
    assert _flags("Pavel K Baev is Research Professor at 糖心网页版") == {"cjk-in-latin-text": ["糖心网页版"]}


@pytest.mark.parametrize(
    "text",
    [
        "In Chinese we say 同舟共济 — “crossing the river in one boat”.",
        "In the end I wrote 宣告潮时, “declared tide times”, on the board.",
        "The harbour master’s sign read “港口” in red paint.",
        "The term 潮汐 (tide) appears in every log.",
    ],
)
def test_a_cjk_phrase_quoted_on_purpose_is_not_damage(text: str) -> None:
    assert _flags(text) == {}


def test_a_cjk_name_the_page_gives_as_its_author_is_not_damage() -> None:
    assert _flags("A note from 林晓岚 about the crossing.", known=("林晓岚",)) == {}


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Putin keeps referring to the “” allegedly reached with Trump.", "“”"),
        ("Le texte cite « » sans rien dire.", "« »"),
        ("The report ( ) was never published.", "( )"),
    ],
)
def test_lost_link_text_is_flagged(text: str, mark: str) -> None:
    assert _flags(text) == {"lost-link-text": [mark]}


def test_a_call_in_code_is_not_lost_link_text() -> None:
    assert _flags("Call print() and then main() to run it.") == {}


def test_examples_come_from_the_article_not_from_stripped_clutter() -> None:
    entry = RepairEntry(
        "utf8-as-cp1252-twice",
        88,
        [
            ('ibe">Subscribe from Ã¢â€šÂ¬1 a week</a>', 'ibe">Subscribe from €1 a week</a>'),
            ("Cookie banner Ã¢â‚¬â„¢s", "Cookie banner’s"),
            ("the regionÃ¢â‚¬â„¢s most", "the region’s most"),
        ],
    )
    (kept,) = examples_in_article([entry], "As the sea warms, the region’s most valuable fish move north.")
    assert kept.examples == [("the regionÃ¢â‚¬â„¢s most", "the region’s most")]
    assert kept.count == 88


def test_the_report_in_plain_words() -> None:
    entries = [
        RepairEntry("utf8-as-gbk", 24, [("the 鈥渟pirit", "the “spirit")]),
        RepairEntry("dropped-bytes-inferred", 8, [("鈥渒ill-zone鈥", "“kill-zone”")]),
        RepairEntry(
            "cjk-in-latin-text", 2, [("at 糖心网页版", "at 糖心网页版")], flagged=True, marks=["糖心网页版"]
        ),
    ]
    notes = describe_repairs(entries)
    assert [note.flagged for note in notes] == [True, False]  # damage first, the dropped bytes joined
    assert notes[0].sentence.startswith("2 runs of Chinese or Japanese characters")
    assert notes[1].sentence == (
        "Text saved as UTF-8 was read as Chinese GBK; 24 places restored, "
        "8 of them with characters the wrong decoder had dropped."
    )
    assert ("the 鈥渟pirit", "the “spirit") in notes[1].examples
    assert "spam" in damage_tooltip("cjk-in-latin-text")
    # The stored (JSON) form of the report says the same.
    assert describe_repairs([e.to_json() for e in entries]) == notes


def test_attention_reasons_follow_the_damage() -> None:
    flagged = [RepairEntry("lost-link-text", 1, flagged=True), RepairEntry("utf8-as-gbk", 3)]
    assert attention_reasons(flagged, "some text") == ["lost-link-text"]
    assert attention_reasons([], "   ") == ["no-text"]
    assert attention_reasons([RepairEntry("new-kind", 1, flagged=True)], "x") == ["other-damage"]


def test_a_page_with_only_a_lost_link_is_flagged_end_to_end() -> None:
    page = (
        "<html><head><title>Levy</title></head><body><h1>Levy</h1>"
        "<p>The minister called it “” in a speech that nobody recorded, and the harbour board agreed.</p>"
        "</body></html>"
    ).encode()
    article = extract_bytes(page, path="levy.html")
    assert [(e.kind, e.marks) for e in article.repairs if e.flagged] == [("lost-link-text", ["“”"])]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed page is not on this machine")
def test_the_seed_shows_its_spam_and_lost_link_text_and_explains_its_repair() -> None:
    article = extract_file(SEED)
    flagged = {entry.kind: entry for entry in article.repairs if entry.flagged}
    assert set(flagged["cjk-in-latin-text"].marks) == {"糖心网页版", "惭辞蝉肠辞飞"}
    assert {"“”", "a ,", "are ,"} <= set(flagged["lost-link-text"].marks)
    assert attention_reasons(article.repairs, article.text) == ["suspected-spam", "lost-link-text"]
    sentences = [note.sentence for note in describe_repairs(article.repairs)]
    assert any(s.startswith("Text saved as UTF-8 was read as Chinese GBK;") for s in sentences)
    for entry in article.repairs:  # every example is the article's own text
        for _before, after in entry.examples:
            assert " ".join(after.split()) in " ".join(article.text.split())


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("He was treated to a , but not to the promised summit.", "a ,"),
        ("This version of this article appears in print on , on Page A22.", "on ,"),
        ("Der Bericht erschien in der , und niemand las ihn.", "der ,"),
    ],
)
def test_a_clause_ending_on_an_article_or_preposition_is_lost_link_text(text: str, mark: str) -> None:
    assert _flags(text) == {"lost-link-text": [mark]}


def test_a_space_before_a_comma_after_an_ordinary_word_is_not_damage() -> None:
    assert (
        _flags("Die Renderings wurden veröffentlicht , die das kommende Modell zeigen. A smiley ^&*() too.")
        == {}
    )


@pytest.mark.parametrize(
    "text",
    [
        "Avoid the for loop here and write a with statement instead of try and finally.",
        "Point = type('Point', (), {'__slots__': ('x', 'y')}) builds the class at run time.",
        "The clinic codes for IM , AM . and A , follow the hospital's own list of departments.",
        "C’est l’école d’été, et „Ärger“ gab es nicht.",
    ],
)
def test_programming_prose_abbreviations_and_apostrophes_are_not_damage(text: str) -> None:
    assert _flags(text) == {}
