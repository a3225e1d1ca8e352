"""The Repairs & Sources panel: in plain words, the damage Offprint left as saved (what needs the reader's
attention), what it repaired, where each metadata field came from (the user's edits marked), and the
evidence weighed for the date and the site.  Examples are the article's own text; dates and times are
written the user's way (their locale and time zone)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.ingest import RepairNote, describe_repairs
from reader.library import StoredArticle

_FIELDS = ("title", "authors", "organizations", "date", "site", "url", "language", "series", "topics")
ATTENTION_COLOUR = "#c0392b"

# Where a value was found, as a reader would say it; a label not listed is shown as it is.
SOURCE_WORDS: dict[str, str] = {
    "json-ld": "the page's structured data (JSON-LD)",
    "dateline-text": "the dateline near the headline",
    "dateline-label": "a date the page labels as its publication date",
    "byline-text": "the byline",
    "byline-element": "the byline",
    "time-element": "a date element near the headline",
    "itemprop-datePublished": "the page's publication-date markup",
    "microformat-published": "the page's publication-date markup",
    "title-tag": "the page title",
    "title-suffix": "the end of the page title",
    "title-prefix": "the start of the page title",
    "url": "the article's address",
    "url-host": "the address's host name",
    "htmldate": "htmldate's reading of the whole page",
    "og:site_name": "the site-name tag (og:site_name)",
    "logo-alt": "the site logo's text",
    "copyright-line": "the copyright line",
    "link:alternate-feed": "the site's feed title",
    "itemprop-publisher": "the publisher block",
    "site-brand": "the site's logo link",
    "first-line": "the first line",
    "first-paragraph": "the first paragraph",
    "text-guess": "a guess from the text",
    "html-lang": "the page's language attribute",
    "saved-from-comment": "the browser's “saved from” note",
    "link:canonical": "the canonical link",
    "series-block": "the series block on the page",
    "topics-block": "the topics block on the page",
    "site-owner": "the site's owner",
    "h1": "the headline",
}


def source_words(label: str) -> str:
    """Plain words for a provenance label ("meta:article:published_time" → "the meta tag …")."""
    if label in SOURCE_WORDS:
        return SOURCE_WORDS[label]
    kind, _, detail = label.partition(":")
    if detail and kind in _SOURCE_KINDS:
        return _SOURCE_KINDS[kind].format(detail)
    return label


# Labels with a detail after the colon ("generator:WordPress 6.6.2"), as a reader would say them.
_SOURCE_KINDS = {
    "meta": "the meta tag {}",
    "json-ld": "the page's structured data (JSON-LD {})",
    "generator": "the page's generator tag ({})",
    "host": "the blog platform in the address ({})",
    "markup": "the page's markup ({})",
    "link": "the page's {} link",
}


def local_date(value: str | None, locale: QLocale | None = None) -> str:
    """``YYYY-MM-DD`` written the user's way ("22 June 2026", "June 22, 2026", "22. Juni 2026"); a
    partial date ("2020-05") as it is."""
    if not value:
        return "—"
    date = QDate.fromString(value[:10], Qt.DateFormat.ISODate)
    if len(value) < 10 or not date.isValid():
        return value
    locale = locale or QLocale()
    return locale.toString(date, _long_date_format(locale))


def local_date_time(value: str, locale: QLocale | None = None) -> str:
    """An ISO timestamp ("2026-12-07T06:15:25+00:00") in the user's time zone, written their way."""
    stamp = QDateTime.fromString(value, Qt.DateFormat.ISODate)
    if not stamp.isValid():
        return value
    locale = locale or QLocale()
    local = stamp.toLocalTime()
    time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return f"{local_date(local.date().toString(Qt.DateFormat.ISODate), locale)}, {time}"


def _long_date_format(locale: QLocale) -> str:
    """The locale's long date format without the weekday ("dddd, d MMMM yyyy" → "d MMMM yyyy")."""
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    return re.sub(r"d{4}[,.]?\s*|\s*[,.]?\s*d{4}", "", pattern).strip(" ,") or pattern


def repairs_html(article: StoredArticle) -> str:
    notes = describe_repairs(article.repairs)
    parts = _damage_section([n for n in notes if n.flagged])
    parts += _repairs_section([n for n in notes if not n.flagged])
    parts += _sources_section(article)
    parts += _evidence_section(article)
    parts.append(
        f"<p style='color:gray'>Imported {html.escape(local_date_time(article.imported_at))} "
        f"from {html.escape(article.source_path)}</p>"
    )
    return "".join(parts)


def _damage_section(notes: list[RepairNote]) -> list[str]:
    if not notes:
        return []
    parts = [f"<h3 style='color:{ATTENTION_COLOUR}'>⚠ Needs your attention</h3>"]
    parts.append(
        "<p>Offprint could not repair these and left them as saved; they are marked in the article "
        "(hover over a mark to see what it is).</p><ul>"
    )
    for note in notes:
        parts.append(f"<li>{html.escape(note.sentence)}{_damage_examples(note)}</li>")
    parts.append("</ul>")
    return parts


def whole_words(excerpt: str) -> str:
    """An excerpt without the word pieces its cut left at either end ("ps referring to the “” allegedly
    reached w" → "referring to the “” allegedly reached"), white space squashed."""
    words = excerpt.split()
    if len(words) > 3:
        words = words[1:-1]
    return " ".join(words)


def _damage_examples(note: RepairNote) -> str:
    shown = []
    for _before, after in note.examples[:2]:
        text = html.escape(whole_words(after))
        for mark in note.marks:
            escaped = html.escape(mark)
            text = text.replace(escaped, f"<b style='color:{ATTENTION_COLOUR}'>{escaped}</b>")
        shown.append(f"<br/>&nbsp;&nbsp;… {text} …")
    return "".join(shown)


def _repairs_section(notes: list[RepairNote]) -> list[str]:
    parts = ["<h3>Repairs</h3>"]
    if not notes:
        parts.append("<p>No repairs were needed: the text was read as saved.</p>")
        return parts
    parts.append("<ul>")
    for note in notes:
        examples = "".join(
            f"<br/>&nbsp;&nbsp;“{html.escape(whole_words(before))}” → “{html.escape(whole_words(after))}”"
            for before, after in note.examples[:2]
        )
        parts.append(f"<li>{html.escape(note.sentence)}{examples}</li>")
    parts.append("</ul>")
    return parts


def _value(field: str, value: object) -> str:
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value) or "—"
    if field == "date" and isinstance(value, str):
        return local_date(value)
    return str(value) if value not in (None, "") else "—"


def _sources_section(article: StoredArticle) -> list[str]:
    esc = html.escape
    parts = ["<h3>Where each field came from</h3><table cellspacing='0' cellpadding='3'>"]
    parts.append(
        "<tr><th align='left'>Field</th><th align='left'>Value</th><th align='left'>Source</th></tr>"
    )
    for field in _FIELDS:
        value = getattr(article, field, None)
        if field in article.edited:
            source = "<b>edited by you</b>"
            extracted = article.extracted.get(field)
            if extracted not in (None, "", []):
                source += f" (extracted: {esc(_value(field, extracted))})"
        else:
            label = article.provenance.get(field)
            source = esc(source_words(label)) if label else ("—" if value in (None, "", []) else "extracted")
        parts.append(f"<tr><td>{field}</td><td>{esc(_value(field, value))}</td><td>{source}</td></tr>")
    parts.append("</table>")
    return parts


def _evidence_section(article: StoredArticle) -> list[str]:
    """The date's claims (chosen, agreeing, set aside, each with why) and a site name that was replaced."""
    esc = html.escape
    parts: list[str] = []
    claims = article.evidence.get("date") or []
    if claims:
        parts.append("<h3>How the date was decided</h3><ul>")
        for claim in claims:
            verdict = claim.get("verdict", "")
            own = (
                claim.get("raw") and claim.get("form") != "second-opinion"
            )  # htmldate's answer is not the page's
            said = f" (the page says “{esc(claim['raw'])}”)" if own else ""
            where = esc(source_words(claim.get("source", "")))
            line = f"{esc(local_date(claim.get('date')))} from {where}{said}"
            reason = f": {esc(claim['reason'])}" if claim.get("reason") else ""
            if verdict == "chosen":
                parts.append(f"<li><b>Chosen</b> — {line}{reason}</li>")
            elif verdict == "agrees":
                parts.append(f"<li>Agrees — {line}</li>")
            else:
                parts.append(f"<li style='color:gray'>Set aside — {line}{reason}</li>")
        parts.append("</ul>")
    sites = article.evidence.get("site") or []
    if sites:
        parts.append("<h3>How the site's name was decided</h3><ul>")
        for entry in sites:
            where = esc(source_words(entry.get("source", "")))
            reason = f": {esc(entry['reason'])}" if entry.get("reason") else ""
            label = "Chosen" if entry.get("verdict") == "chosen" else "Set aside"
            parts.append(f"<li>{label} — “{esc(entry.get('value', ''))}” from {where}{reason}</li>")
        parts.append("</ul>")
    return parts


class RepairsPanel(QTextBrowser):
    """Read-only report for the open article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairsPanel")
        self.setAccessibleName("Repairs and sources")
        self.setOpenLinks(False)
        self.show_article(None)

    def show_article(self, article: StoredArticle | None) -> None:
        if article is None:
            self.setHtml("<p>Select an article to see its repair report.</p>")
        else:
            self.setHtml(repairs_html(article))

    def loadResource(self, kind: int, name: object) -> object:
        return None
