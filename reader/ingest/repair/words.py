"""The repair report in plain words, and the damage that puts an article on the "needs attention" list.

The report's kinds are codec names ("utf8-as-gbk", "dropped-bytes-inferred"); a reader wants to know what
happened to the text: "Text saved as UTF-8 was read as Chinese GBK; 24 places restored, 8 of them with
characters the wrong decoder had dropped."  :func:`describe_repairs` says it, one :class:`RepairNote` per
thing that happened, damage left first; :func:`damage_tooltip` is the line the reader shows over a marked
place; :func:`attention_reasons` names the damage an article should be looked at for
(:data:`ATTENTION_REASONS`).  Entries are taken as the report's JSON (what the library stores) or as
:class:`~reader.ingest.model.RepairEntry`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.ingest.model import RepairEntry

#: What each codec a page was wrongly read through is called in plain words.
CODEC_NAMES: dict[str, str] = {
    "utf8-as-gbk": "Chinese GBK",
    "utf8-as-big5": "Chinese Big5",
    "utf8-as-shift-jis": "Japanese Shift JIS",
    "utf8-as-euc-kr": "Korean EUC-KR",
    "utf8-as-cp1252": "Western European (Windows-1252)",
    "utf8-as-cp1252-twice": "Western European (Windows-1252), twice over",
    "utf8-as-latin-1": "Western European (Latin-1)",
    "utf8-as-mac-roman": "Mac Roman",
    "utf8-as-cp1251": "Cyrillic (Windows-1251)",
}
DROPPED = "dropped-bytes-inferred"

#: Damage left in an article, each with the sentence the Repairs tab says and the reader's tooltip.
DAMAGE_WORDS: dict[str, tuple[str, str]] = {
    "cjk-in-latin-text": (
        "{n} run{s} of Chinese or Japanese characters in the middle of the text: spam planted in the page, "
        "or words the repair could not restore",
        "Chinese or Japanese characters in the middle of the text: spam planted in the page, or words "
        "the repair could not restore. Left as saved.",
    ),
    "replacement-character": (
        "{n} character{s} could not be read (shown as �): they were lost before the page was saved",
        "Characters lost before the page was saved (shown as �). Left as saved.",
    ),
    "mojibake-left": (
        "{n} place{s} still look{v} garbled, and no decoder explains how",
        "Garbled characters no decoder explains. Left as saved.",
    ),
    "lost-link-text": (
        "{n} place{s} where the words of a link were lost before the page was saved: empty quotation "
        "marks “” or brackets ( ), or a sentence with a word missing (“treated to a , but”)",
        "The words of a link were lost before the page was saved: only what stood around them is left. "
        "The original page may have them.",
    ),
}
UNKNOWN_DAMAGE = (
    "{n} place{s} of damage Offprint could not repair ({kind})",
    "Damage Offprint could not repair. Left as saved.",
)

#: Why an article needs attention: a reason code and what it means, for the library's filter.
ATTENTION_REASONS: dict[str, str] = {
    "suspected-spam": "Chinese or Japanese characters inside the text (spam, or words not restored)",
    "unreadable-characters": "characters lost before the page was saved",
    "garbled-text": "garbled text no decoder explains",
    "lost-link-text": "link text lost when the page was saved",
    "other-damage": "other damage the repair could not undo",
    "no-text": "no article text found",
}
_REASON_OF_KIND = {
    "cjk-in-latin-text": "suspected-spam",
    "replacement-character": "unreadable-characters",
    "mojibake-left": "garbled-text",
    "lost-link-text": "lost-link-text",
}


@dataclass(frozen=True)
class RepairNote:
    """One thing that happened to the text, in plain words, with examples from the article."""

    kind: str
    sentence: str
    flagged: bool  # damage left as saved (needs the reader's attention), not a repair
    examples: list[tuple[str, str]] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    count: int = 0
    reason: str = ""  # for damage, its code in ATTENTION_REASONS


def describe_repairs(entries: Iterable[RepairEntry | Mapping[str, Any]]) -> list[RepairNote]:
    """The report in plain words: damage left first, then each repair (a dropped-bytes count joined to
    the codec repair it belongs to)."""
    items = [_as_dict(entry) for entry in entries]
    dropped = next((item for item in items if item["kind"] == DROPPED), None)
    damage = [_damage_note(item) for item in items if item["flagged"]]
    repairs: list[RepairNote] = []
    for item in items:
        if item["flagged"] or item["kind"] == DROPPED:
            continue
        extra = dropped if dropped is not None and _is_cjk_codec(item["kind"]) else None
        if extra is not None:
            dropped = None  # told once, with the first CJK repair
        repairs.append(_repair_note(item, extra))
    if dropped is not None:
        repairs.append(_repair_note(dropped, None))
    return damage + repairs


def damage_tooltip(kind: str) -> str:
    """The line the reader shows over a place marked as damaged."""
    return DAMAGE_WORDS.get(kind, UNKNOWN_DAMAGE)[1]


def attention_reasons(entries: Iterable[RepairEntry | Mapping[str, Any]], text: str) -> list[str]:
    """The :data:`ATTENTION_REASONS` codes an article needs attention for, in that table's order."""
    found = {
        _REASON_OF_KIND.get(item["kind"], "other-damage")
        for item in map(_as_dict, entries)
        if item["flagged"]
    }
    if not text.strip():
        found.add("no-text")
    return [reason for reason in ATTENTION_REASONS if reason in found]


def _damage_note(item: dict[str, Any]) -> RepairNote:
    count = int(item["count"])
    template = DAMAGE_WORDS.get(item["kind"], UNKNOWN_DAMAGE)[0]
    sentence = template.format(
        n=count, s="" if count == 1 else "s", v="s" if count == 1 else "", kind=item["kind"]
    )
    reason = _REASON_OF_KIND.get(item["kind"], "other-damage")
    return RepairNote(item["kind"], _sentence(sentence), True, item["examples"], item["marks"], count, reason)


def _repair_note(item: dict[str, Any], dropped: dict[str, Any] | None) -> RepairNote:
    kind, count = item["kind"], int(item["count"])
    places = f"{count} place{'' if count == 1 else 's'} restored"
    if kind in CODEC_NAMES:
        sentence = f"Text saved as UTF-8 was read as {CODEC_NAMES[kind]}; {places}"
    elif kind == DROPPED:
        plural = "" if count == 1 else "s"
        sentence = f"Characters a wrong decoder had dropped were restored in {count} place{plural}"
    else:
        sentence = f"Repaired ({kind}): {places}"
    if dropped is not None:
        lost = int(dropped["count"])
        sentence += f", {lost} of them with characters the wrong decoder had dropped"
    examples = list(item["examples"])
    if dropped is not None:
        examples += [pair for pair in dropped["examples"] if pair not in examples]
    return RepairNote(kind, _sentence(sentence), False, examples[:3], [], count)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _is_cjk_codec(kind: str) -> bool:
    return kind in {"utf8-as-gbk", "utf8-as-big5", "utf8-as-shift-jis", "utf8-as-euc-kr"}


def _as_dict(entry: RepairEntry | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(entry, RepairEntry):
        return {
            "kind": entry.kind,
            "count": entry.count,
            "examples": [tuple(pair) for pair in entry.examples],
            "flagged": entry.flagged,
            "marks": list(entry.marks),
        }
    examples = [tuple(pair)[:2] for pair in entry.get("examples") or [] if len(pair) >= 2]
    return {
        "kind": str(entry.get("kind") or ""),
        "count": int(entry.get("count") or 0),
        "examples": [(str(a), str(b)) for a, b in examples],
        "flagged": bool(entry.get("flagged")),
        "marks": [str(m) for m in entry.get("marks") or []],
    }
