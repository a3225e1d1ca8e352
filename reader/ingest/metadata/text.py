"""Text keys and clean-ups every metadata module shares: white space squashed, names folded for comparison,
an element's text as a heading or a byline shows it."""

from __future__ import annotations

import re
import unicodedata

import lxml.html

# Runs of whitespace except the ideographic space, which CJK headlines use as punctuation.
_SQUASH = re.compile(r"[^\S\u3000]+")


def squash(text: str) -> str:
    """Whitespace runs collapsed to one space and the ends trimmed; U+3000 inside CJK text is kept."""
    return _SQUASH.sub(" ", text).strip(" ")


def fold(text: str) -> str:
    """A comparison key: case-folded, accents kept, punctuation and spacing removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def heading_text(el: lxml.html.HtmlElement) -> str:
    """A heading's or label's text: white space squashed, a trailing pilcrow or anchor mark gone."""
    return squash(el.text_content()).rstrip("¶#§ ").strip()
