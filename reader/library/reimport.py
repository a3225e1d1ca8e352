"""A re-import never makes an article worse: when a newer save of a stored page is.

The importer updates a stored article in place when a newer file has its canonical URL; but a re-save
can be damaged (cut short after ``<head>``, a broken ``</script>`` that swallows the body, an empty
body) or simply thinner.  :func:`worse_than` says why such a file would make the article worse; the
importer then keeps the article as it was, keeps the new file beside it, and reports "kept the earlier
version: …".
"""

from __future__ import annotations

from reader.ingest.model import Article
from reader.library.records import NO_TEXT
from reader.library.types import StoredArticle

#: A newer save with less than this share of the stored article's text is worse.
FAR_LESS_TEXT = 0.5
#: The extracted fields a newer save must not lose.
KEPT_FIELDS = ("title", "authors", "date", "site")


def no_text_note(article: Article) -> str | None:
    """The note of an import whose page gave no article text (the article is marked for attention)."""
    if article.text.strip():
        return None
    return f"{NO_TEXT}: the page gave no article text; it is listed under Needs Attention"


def worse_than(new: Article, earlier: StoredArticle) -> str | None:
    """Why a newer save of a stored page would make the article worse (no text, far less text, lost
    fields), or None when it is as good or better."""
    old_text, new_text = earlier.text.strip(), new.text.strip()
    if old_text and not new_text:
        return "the new file has no article text"
    if len(new_text) < FAR_LESS_TEXT * len(old_text):
        return (
            f"the new file has far less article text ({len(new_text):,} characters instead of "
            f"{len(old_text):,})"
        )
    lost = [name for name in KEPT_FIELDS if earlier.extracted.get(name) and not getattr(new, name)]
    if lost:
        return f"the new file lacks the {', '.join(lost)} the earlier one had"
    return None
