"""Weighing the page's date claims: which one is the publication date, and why the others were set aside.

A claim is a date one source gives (:class:`DateClaim`), in one of five forms: a machine ``STAMP`` with a
clock time ("2020-01-20T03:10:00Z": its calendar day depends on the clock it was written in), a machine
date without one (``DECLARED``), a date ``PRINTED`` for the reader to see (a byline, a dateline), the date
in the article's ``ADDRESS``, and htmldate's ``SECOND_OPINION``.  The claims vote:

1. Each source votes for its date with the weight of its trust (:data:`SOURCE_WEIGHTS`: what a page
   declares for machines first, then what it prints, then its address and its title).  The same words
   read by two sources (a byline that is also the dateline) vote once.
2. A machine date one day off a printed one (else off the date in the article's address) is the same
   day on another clock (a story posted at 9 pm in New York is stamped the next day in UTC; some pages
   label their local clock as UTC): its votes go to the printed date, the publisher's own day.  A stamp
   written with its own non-UTC offset ("…T23:40:00+01:00") already gives the publisher's day: it keeps
   its votes.
3. The date with the most votes wins; a tie goes to the most trusted source.
4. htmldate is asked (:mod:`.date_opinion`) only when its vote could change the answer: when no source
   gives a date, or the winner's lead is no more than htmldate's weight.  Its vote counts only for what
   it adds: repeating a date the page declares for machines, it has read the same tag; a January 1st no
   source of the page's own gives is its guess from a lone year (a copyright line), not a day.

The evidence lists every claim with its verdict (``chosen``, ``agrees``, ``set aside``) and the reason,
for the Repairs & Sources tab.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.ingest.metadata.dates import local_offset_stamp

STAMP, DECLARED, PRINTED, ADDRESS, SECOND_OPINION = (
    "stamp",
    "declared",
    "printed",
    "address",
    "second-opinion",
)
MACHINE_FORMS = frozenset({STAMP, DECLARED})
_CLOCK = re.compile(r"\d{1,2}:\d\d")
_MACHINE_VALUE = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\d{4}-\d\d\s*$|\d{4}\s*$|\d{8}(?:T|\s*$)|\d{10,13}\s*$)")

#: The weight of each source's vote; a ``meta:`` tag not named here weighs as much as JSON-LD.
SOURCE_WEIGHTS: dict[str, float] = {
    "json-ld": 3.0,
    "itemprop-datePublished": 2.5,
    "microformat-published": 2.0,
    "byline-text": 2.0,
    "byline-element": 2.0,
    "time-element": 2.0,
    "dateline-label": 2.0,
    "dateline-text": 1.5,
    "url": 1.5,
    "title-tag": 1.0,
    "meta:og:title": 1.0,
    "htmldate": 1.0,
}
DECLARED_META_WEIGHT = 3.0
OTHER_WEIGHT = 1.0


@dataclass(frozen=True)
class DateClaim:
    """One source's answer: ``date`` (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``), where it was found
    (``source``, the provenance label), what the page wrote (``raw``) and in what form."""

    date: str
    source: str
    raw: str
    form: str

    @property
    def weight(self) -> float:
        if self.source in SOURCE_WEIGHTS:
            return SOURCE_WEIGHTS[self.source]
        return DECLARED_META_WEIGHT if self.source.startswith("meta:") else OTHER_WEIGHT

    def as_evidence(self, verdict: str, reason: str = "") -> dict[str, str]:
        entry = {"date": self.date, "source": self.source, "raw": self.raw, "form": self.form}
        entry["verdict"] = verdict
        if reason:
            entry["reason"] = reason
        return entry


@dataclass
class DateChoice:
    """The chosen claim (None: the page gives no date) and the evidence for the record."""

    chosen: DateClaim | None
    evidence: list[dict[str, str]] = field(default_factory=list)


def form_of(machine_value: str) -> str:
    """``STAMP`` when a machine-readable value carries a clock time, else ``DECLARED``."""
    return STAMP if _CLOCK.search(machine_value) else DECLARED


def is_machine_value(value: str) -> bool:
    """Whether an attribute's value is written for machines ("2015-12-24T17:00Z"), not a printed date put
    in an attribute ("17:00, 24 December 2015")."""
    return bool(_MACHINE_VALUE.match(value))


def days_apart(first: str, second: str) -> int | None:
    """Whole days between two ``YYYY-MM-DD`` dates; None when either is partial or malformed."""
    try:
        return abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)
    except ValueError:
        return None


def choose_date(
    claims: list[DateClaim], ask_second_opinion: Callable[[bool], DateClaim | None]
) -> DateChoice:
    """The publication date among ``claims`` (in order of trust), by the rules in the module docstring.

    ``ask_second_opinion(nothing_found)`` is called at most once, when its answer could change the result.
    """
    claims = _distinct(claims)
    ballot = _Ballot(claims)
    if ballot.lead() <= SOURCE_WEIGHTS["htmldate"]:
        opinion = ask_second_opinion(not claims)
        if opinion is not None:
            claims.append(opinion)
            ballot = _Ballot(claims)
    chosen = ballot.winner()
    return DateChoice(chosen, _evidence(claims, chosen, ballot))


def _distinct(claims: list[DateClaim]) -> list[DateClaim]:
    """The claims without repeats: the same words read twice (a byline that is also the dateline, one
    line holding another) are one claim."""
    kept: list[DateClaim] = []
    for claim in claims:
        if not any(k.date == claim.date and (k.raw in claim.raw or claim.raw in k.raw) for k in kept):
            kept.append(claim)
    return kept


class _Ballot:
    """The votes for each date, with a machine date's moved to the printed date a day off it."""

    def __init__(self, claims: list[DateClaim]) -> None:
        self.claims = claims
        self.moved: dict[int, DateClaim] = {}  # index of a machine claim -> the printed claim it yields to
        # The publisher's own day: printed for readers, else in the article's address (/2026/03/18/).
        local_days = [c for c in claims if c.form == PRINTED and len(c.date) == 10]
        local_days += [c for c in claims if c.form == ADDRESS]
        for index, claim in enumerate(claims):
            if (
                claim.form in MACHINE_FORMS
                and not local_offset_stamp(claim.raw)
                and not any(p.date == claim.date for p in local_days)
            ):
                local = next((p for p in local_days if days_apart(p.date, claim.date) == 1), None)
                if local is not None:
                    self.moved[index] = local
        self.votes: dict[str, float] = {}
        self.first: dict[str, int] = {}
        declared = {c.date for c in claims if c.form in MACHINE_FORMS}
        for index, claim in enumerate(claims):
            date = self.moved[index].date if index in self.moved else claim.date
            # htmldate reads the page's date tags too: repeating one, it adds no evidence of its own.
            if claim.form == SECOND_OPINION and (claim.date in declared or _year_guess(claim, claims)):
                continue  # htmldate repeating the page's own tag, or guessing from a lone year: no vote
            self.votes[date] = self.votes.get(date, 0.0) + claim.weight
            self.first.setdefault(date, index)

    def ranked(self) -> list[str]:
        return sorted(self.votes, key=lambda date: (-self.votes[date], self.first[date]))

    def lead(self) -> float:
        """How far the winner is ahead of the runner-up (of nothing, when it stands alone)."""
        ranked = self.ranked()
        if not ranked:
            return 0.0
        second = self.votes[ranked[1]] if len(ranked) > 1 else 0.0
        return self.votes[ranked[0]] - second

    def winner(self) -> DateClaim | None:
        ranked = self.ranked()
        if not ranked:
            return None
        # The winning date as its most trusted claim gives it (the printed day for a moved stamp).
        first = self.claims[self.first[ranked[0]]]
        return self.moved.get(self.first[ranked[0]], first)


def _year_guess(opinion: DateClaim, claims: list[DateClaim]) -> bool:
    """A January 1st only htmldate gives: its answer when all it found was a year ("© 2017")."""
    return opinion.date.endswith("-01-01") and not any(
        c.date == opinion.date for c in claims if c.form != SECOND_OPINION
    )


def _evidence(claims: list[DateClaim], chosen: DateClaim | None, ballot: _Ballot) -> list[dict[str, str]]:
    if chosen is None:
        return [claim.as_evidence("set aside", _unchosen_reason(claim, claims)) for claim in claims]
    entries = [chosen.as_evidence("chosen", _chosen_reason(chosen, claims, ballot))]
    for index, claim in enumerate(claims):
        if claim is chosen:
            continue
        if claim.date == chosen.date:
            entries.append(claim.as_evidence("agrees"))
        elif ballot.moved.get(index) is not None and ballot.moved[index].date == chosen.date:
            entries.append(
                claim.as_evidence(
                    "set aside",
                    "a machine clock one day off the date the page prints: the same day on another clock",
                )
            )
        elif claim.form == SECOND_OPINION and _year_guess(claim, claims):
            entries.append(claim.as_evidence("set aside", _unchosen_reason(claim, claims)))
        elif claim.form == SECOND_OPINION and any(
            c.date == claim.date for c in claims if c.form in MACHINE_FORMS
        ):
            entries.append(
                claim.as_evidence("set aside", "htmldate repeats a date tag of the page: no more weight")
            )
        else:
            entries.append(claim.as_evidence("set aside", _outweighed(chosen, claims)))
    return entries


def _outweighed(chosen: DateClaim, claims: list[DateClaim]) -> str:
    if sum(1 for c in claims if c.date == chosen.date) > 1:
        return "outweighed by the sources that agree on the date chosen"
    return "outweighed by a more trusted source"


def _unchosen_reason(claim: DateClaim, claims: list[DateClaim]) -> str:
    if claim.form == SECOND_OPINION and _year_guess(claim, claims):
        return "htmldate found only a year (a copyright line, most often), not the day of publication"
    return ""


def _chosen_reason(chosen: DateClaim, claims: list[DateClaim], ballot: _Ballot) -> str:
    supporters = sum(1 for c in claims if c.date == chosen.date) + sum(
        1 for i in ballot.moved if ballot.moved[i].date == chosen.date
    )
    if any(ballot.moved[i].date == chosen.date for i in ballot.moved):
        return "the date the page prints; a machine stamp one day off it is the same day on another clock"
    if chosen.form == SECOND_OPINION and supporters == 1:
        return "no source of the page's own gives a date; htmldate found this one in its text"
    if len(claims) == 1:
        return "the only source that gives a date"
    if supporters > 1:
        return f"{supporters} sources agree"
    return "the most trusted source that gives a date"
