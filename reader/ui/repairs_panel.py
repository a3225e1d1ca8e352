"""The Repairs panel: what Offprint repaired in the article, what damage it left flagged, and where
each metadata field came from (with the user's edits marked)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.library import StoredArticle

_FIELDS = ("title", "authors", "organizations", "date", "site", "url", "language", "series", "topics")


def _value(value: object) -> str:
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value) or "—"
    return str(value) if value not in (None, "") else "—"


def repairs_html(article: StoredArticle) -> str:
    esc = html.escape
    parts = ["<h3>Repairs</h3>"]
    if not article.repairs:
        parts.append("<p>No repairs were needed: the text was read as saved.</p>")
    else:
        parts.append("<table cellspacing='0' cellpadding='3'>")
        parts.append(
            "<tr><th align='left'>Repair</th><th align='right'>Count</th><th align='left'>Example</th></tr>"
        )
        for entry in article.repairs:
            kind = esc(str(entry.get("kind", "")))
            if entry.get("flagged"):
                kind = f"<span style='color:#c0392b'>⚠ {kind} (left as is)</span>"
            examples = entry.get("examples") or []
            example = ""
            if examples:
                before, after = [*list(examples[0]), "", ""][:2]
                example = f"<code>{esc(str(before))}</code> → <code>{esc(str(after))}</code>"
            parts.append(
                f"<tr><td>{kind}</td><td align='right'>{int(entry.get('count') or 0)}</td>"
                f"<td>{example}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h3>Where each field came from</h3><table cellspacing='0' cellpadding='3'>")
    parts.append(
        "<tr><th align='left'>Field</th><th align='left'>Value</th><th align='left'>Source</th></tr>"
    )
    for field in _FIELDS:
        value = getattr(article, field, None)
        if field in article.edited:
            source = "<b>edited by you</b>"
            extracted = article.extracted.get(field)
            if extracted not in (None, "", []):
                source += f" (extracted: {esc(_value(extracted))})"
        else:
            source = esc(article.provenance.get(field, "—" if value in (None, "", []) else "extracted"))
        parts.append(f"<tr><td>{field}</td><td>{esc(_value(value))}</td><td>{source}</td></tr>")
    parts.append("</table>")
    parts.append(
        f"<p style='color:gray'>Imported {esc(article.imported_at)} from {esc(article.source_path)}</p>"
    )
    return "".join(parts)


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
