"""The page's publication date, weighed from every source that gives one.

Each source gives at most one :class:`~.date_choice.DateClaim` (the date, where it was found, what the page
wrote there and in what form): the declared dates (JSON-LD, date meta tags; a UTC stamp is brought back
to the publisher's own day when the page also gives the same instant with their offset),
``itemprop=datePublished``, an hAtom/h-entry stamp, the byline's ``<time>`` or written date, a ``<time>``
near the headline, a date piece of the title, a dateline near the headline, and the date in the article's
URL.  :func:`~.date_choice.choose_date` weighs them (a printed date beats a machine clock a day off it),
asking htmldate for a second opinion only when that can change the answer; the chosen claim and the
ones set aside are kept as the date's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import lxml.html

from reader.ingest.metadata.blocks import in_chrome
from reader.ingest.metadata.date_choice import (
    ADDRESS,
    DECLARED,
    PRINTED,
    DateClaim,
    choose_date,
    form_of,
    is_machine_value,
)
from reader.ingest.metadata.date_opinion import second_opinion
from reader.ingest.metadata.dates import find_written_date, local_date_for, parse_date, without_updated
from reader.ingest.metadata.page import Page
from reader.ingest.metadata.scan import DATE_LABEL, DATE_LABEL_ANYWHERE, SKIP_TAGS, short_text
from reader.ingest.metadata.text import fold, heading_text
from reader.ingest.metadata.titles import date_piece, split_title
from reader.ingest.metadata.url import url_path
from reader.ingest.metadata.vocabulary import DATE_METAS

# /2015/03/18/ or /2015-03-18/ in an article URL is the publication day; nothing shorter is trusted.
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
DATE_WORDS = re.compile(
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:am|pm|at|on|published|posted|[A-Z]{2,4}T?)\b",
    re.IGNORECASE,
)
SIDEBAR = re.compile(r"sidebar|recent|popular|related", re.IGNORECASE)
COMMENTS = re.compile(r"comment|kommentar|respon|reply|replies|discussion", re.IGNORECASE)
# How many elements after the headline a dateline may sit, and before it (a date above the headline).
DATELINE_AFTER, DATELINE_BEFORE = 40, 12
MAX_DATELINE_CHARS = 80
MAX_LABELLED_CHARS = 200
OPENING_CHARS = 60
# The opening of a paragraph that starts with its date, after a place name and a separator at most:
# "01.02.2022 „Der …", "BERLIN, 3. März 2022 –", "Genf (sda), 4. Februar 2022:".
OPENING_DATE = re.compile(
    r"^(?:[A-ZÄÖÜ][\w.\-/ ]{0,24}(?:\([^)]{1,12}\))?\s*[,:–—-]\s*)?(?:\w+,\s*)?\d{1,4}[./\-\s]"
)


def decide_date(page: Page) -> None:
    """The publication date weighed from every source's claim, its evidence kept beside it."""
    claims = [claim for source in _DATE_SOURCES if (claim := source(page)) is not None]
    choice = choose_date(claims, lambda nothing_found: second_opinion(page.tree, nothing_found=nothing_found))
    if choice.chosen is not None:
        page.set("date", choice.chosen.date, choice.chosen.source)
    if choice.evidence:
        page.meta.evidence["date"] = choice.evidence


def _claim(
    value: str | None, source: str, *, loose: bool = False, form: str | None = None
) -> DateClaim | None:
    date = parse_date(value, loose=loose)
    if not date or value is None:
        return None
    raw = " ".join(value.split())
    return DateClaim(date, source, raw[:120], form or form_of(raw))


def _declared_date(page: Page) -> DateClaim | None:
    """A date the page declares (JSON-LD, date meta tags), made as precise and as local as they allow."""
    s = page.signals
    declared = [(page.ld.published, "json-ld")] + [(v, f"meta:{n}") for n, v in s.meta_all(*DATE_METAS)]
    given = [(value, source) for value, source in declared if value]
    for index, (value, source) in enumerate(given):
        claim = _claim(value, source)
        if claim is not None:
            return _refined(claim, given[index + 1 :])
    return None


def _refined(claim: DateClaim, later: list[tuple[str, str]]) -> DateClaim:
    """The day of a declared month or year, or the publisher's own day of a UTC stamp, from later sources."""
    if len(claim.date) < 10:
        for value, source in later:
            full = parse_date(value)
            if full and len(full) == 10 and full.startswith(claim.date):
                return DateClaim(full, source, value, form_of(value))
        return claim
    local = local_date_for(claim.raw, [v for v, _ in later])
    if local and local[0] != claim.date:
        # The same instant written with the publisher's own offset gives their calendar date.
        value, source = later[local[1]]
        return DateClaim(local[0], source, value, DECLARED)
    return claim


def _itemprop_date(page: Page) -> DateClaim | None:
    s = page.signals
    for el in s.itemprops.get("datepublished", []) + s.itemprops.get("datecreated", []):
        machine = el.get("datetime") or el.get("content") or el.get("title")
        claim = _claim(machine or heading_text(el), "itemprop-datePublished", loose=True)
        if claim is not None:
            return claim if machine and is_machine_value(machine) else _printed(claim)
    return None


def _byline_date(page: Page) -> DateClaim | None:
    """A ``<time>`` inside the visible byline, else the date written in it."""
    if page.byline is None or not page.byline.elements:
        return None
    for block in page.byline.elements:
        for time_el in block.iter("time"):
            machine = time_el.get("datetime")
            claim = _claim(machine or heading_text(time_el), "time-element", loose=True)
            if claim is not None:
                return claim if machine and is_machine_value(machine) else _printed(claim)
    if page.byline.date:
        raw = short_text(page.byline.elements[0], 200) or page.byline.date
        return DateClaim(page.byline.date, page.byline.source, raw[:120], PRINTED)
    return None


def _microformat_date(page: Page) -> DateClaim | None:
    """An hAtom/h-entry stamp: ``<abbr class="published" title="2016-12-23T05:11:00-05:00">``."""
    for el in page.scan.published:
        ancestors = el.iterancestors()
        if any(a.tag in {"aside", "nav"} or SIDEBAR.search(a.get("class") or "") for a in ancestors):
            continue  # a sidebar list of other posts
        value = el.get("datetime") or el.get("title") or el.get("content")
        claim = _claim(value, "microformat-published") if value else None
        if claim is not None:
            return claim
        text = short_text(el, 60)
        claim = _claim(text, "microformat-published", loose=True) if not value and text else None
        if claim is not None:
            return _printed(claim)
    return None


def _title_date(page: Page) -> DateClaim | None:
    """A date stamped as a piece of the title ("Headline | DW | 19.01.2020")."""
    s = page.signals
    for value, source in ((s.title_tag, "title-tag"), (s.meta("og:title"), "meta:og:title")):
        pieces = split_title(value or "")
        for piece in (pieces[-1], pieces[0]) if len(pieces) > 1 else ():
            date = date_piece(piece)
            if date:
                return DateClaim(date, source, piece, PRINTED)
    return None


def _url_date(page: Page) -> DateClaim | None:
    """/2015/03/18/ in the article's URL."""
    for url in (page.meta.url, page.signals.meta("og:url"), page.signals.canonical):
        match = URL_DATE.search(url_path(url))
        if match:
            claim = _claim("-".join(match.groups()), "url", form=ADDRESS)
            if claim is not None:
                return DateClaim(claim.date, "url", match.group(0).strip("/-"), ADDRESS)
    return None


def _time_element_date(page: Page) -> DateClaim | None:
    """The first <time> near the headline that is not an "updated" stamp."""
    times = page.scan.times
    if not times:
        return None
    after = [el for pos, el in times if pos > page.scan.h1_position][:3]
    for el in after or [times[0][1]]:
        parent = el.getparent()
        label = " ".join(
            filter(
                None,
                (
                    el.get("class"),
                    el.get("itemprop"),
                    parent.get("class") if parent is not None else None,
                ),
            )
        )
        if re.search(r"updat|modif|edit", label, re.IGNORECASE):
            continue
        machine = el.get("datetime")
        value = machine or (heading_text(el) if el.get("pubdate") is not None else None)
        claim = _claim(value, "time-element", loose=True)
        if claim is not None:
            return claim if machine and is_machine_value(machine) else _printed(claim)
    return None


def _labelled_date(page: Page) -> DateClaim | None:
    """A date after a label that says it is the publication's ("Datum: 18.10.2021", "Published on …",
    "Veröffentlicht am …"), outside sidebars, menus and comments."""
    for el in page.scan.date_labels:
        if in_chrome(el) or any(
            COMMENTS.search(a.get("class") or a.get("id") or "") for a in el.iterancestors()
        ):
            continue
        line = _label_line(el)
        match = DATE_LABEL.match(line)
        date = find_written_date(without_updated(line[match.end() :])) if match else None
        if date:
            return DateClaim(date, "dateline-label", line, PRINTED)
    return None


def _label_line(el: lxml.html.HtmlElement) -> str:
    """The line a label starts: the element's text and what follows it ("<h5>Datum:</h5> 03.02.2022"), or
    the text after a ``<br>`` that starts with the label."""
    own = (el.text or "").strip()
    if own and DATE_LABEL.match(own):
        text = (short_text(el, MAX_LABELLED_CHARS) or own) + " " + (el.tail or "")
    else:
        text = el.tail or ""
        after = el.getnext()  # "<br>Veröffentlichung: <a>04.02.2022</a>": the date in the next element
        if after is not None and isinstance(after.tag, str):
            text += " " + (short_text(after, 40) or "")
    return " ".join(text.split())[:MAX_LABELLED_CHARS]


def _dateline_date(page: Page) -> DateClaim | None:
    """A written date in the short lines right after the headline (before the article text starts), else
    in the few lines just above it ("Politik · 24.01.2022" over the headline)."""
    start = _headline_anchor(page)
    if start is None:
        return None
    return _dateline_in(_following(start, DATELINE_AFTER), stop_at_prose=True) or _dateline_in(
        _preceding(start, DATELINE_BEFORE), stop_at_prose=False
    )


def _dateline_in(elements: Iterator[lxml.html.HtmlElement], *, stop_at_prose: bool) -> DateClaim | None:
    for el in elements:
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or el.tag in {"td", "th"}:
            continue  # an infobox cell ("Founded 28 February 1998") is not a dateline
        if stop_at_prose and el.tag == "p" and short_text(el, 200) is None:
            # The article has begun: a date further down is about something else, but one that opens
            # its first paragraph is the agency-style dateline ("01.02.2022 – Der Arbeitsmarkt …").
            return _opening_dateline(el)
        text = short_text(el, MAX_LABELLED_CHARS)
        if not text:
            continue
        text = without_updated(text)
        label = DATE_LABEL_ANYWHERE.search(text)
        date = find_written_date(text[label.end() :]) if label else None
        if date:
            return DateClaim(date, "dateline-label", text.strip(), PRINTED)
        if len(text) > MAX_DATELINE_CHARS:
            continue
        date = find_written_date(text)
        if date and len(DATE_WORDS.sub("", text)) <= 40:  # a dateline, not a sentence mentioning a date
            return DateClaim(date, "dateline-text", text.strip(), PRINTED)
    return None


def _headline_anchor(page: Page) -> lxml.html.HtmlElement | None:
    """The headline element, or the heading that repeats the decided title when the page's h1 does not
    (a screen-reader "Zoll" h1 above the real headline in an h2)."""
    if page.h1 is None and page.meta.provenance.get("title") == "first-line" and page.meta.consumed:
        return page.meta.consumed[0]
    title = fold(page.meta.title or "")
    if page.h1 is not None and (not title or _repeats(fold(heading_text(page.h1)), title)):
        return page.h1
    for count, heading in enumerate(page.body.iter("h1", "h2", "h3")):
        if count >= 20:
            break
        text = short_text(heading, 300)
        if text and _repeats(fold(text), title):
            return heading
    return page.h1


def _repeats(heading: str, title: str) -> bool:
    return len(heading.split()) >= 2 and (heading in title or title in heading)


def _opening_dateline(paragraph: lxml.html.HtmlElement) -> DateClaim | None:
    """A date at the very start of the article's first paragraph (after a place name at most)."""
    opening = ""
    for piece in paragraph.itertext():
        opening += piece
        if len(opening) >= OPENING_CHARS:
            break
    opening = " ".join(opening.split())[:OPENING_CHARS]
    match = OPENING_DATE.match(opening)
    # The date must be the opening itself ("12 people died on 3 March" opens with a number, not a date).
    date = find_written_date(opening[: match.end() + 20]) if match else None
    return DateClaim(date, "dateline-text", opening, PRINTED) if date else None


def _following(el: lxml.html.HtmlElement, limit: int) -> Iterator[lxml.html.HtmlElement]:
    """Up to ``limit`` elements after ``el`` in document order (not its descendants)."""
    count = 0
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None:
                return
            nxt = node.getnext()
        for sub in nxt.iter():
            yield sub
            count += 1
            if count >= limit:
                return
        node = nxt


def _preceding(el: lxml.html.HtmlElement, limit: int) -> Iterator[lxml.html.HtmlElement]:
    """Up to ``limit`` leaf-most elements before ``el``, nearest first (its ancestors' earlier siblings)."""
    count = 0
    node: lxml.html.HtmlElement | None = el
    while node is not None and node.tag not in {"body", "html"}:
        for sibling in node.itersiblings(preceding=True):
            for sub in reversed(list(sibling.iter())):
                yield sub
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def _printed(claim: DateClaim) -> DateClaim:
    return DateClaim(claim.date, claim.source, claim.raw, PRINTED)


# Where a publication date is looked for, most reliable first.
_DATE_SOURCES: tuple[Callable[[Page], DateClaim | None], ...] = (
    _declared_date,
    _itemprop_date,
    _microformat_date,
    _byline_date,
    _labelled_date,
    _time_element_date,
    _title_date,
    _dateline_date,
    _url_date,
)
