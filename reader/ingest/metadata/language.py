"""The page's language: the declared one normalised to BCP 47, else a guess from the text.

Owns :func:`decide_language`, ``normalise_language`` ("EN_us" -> "en-US", "zh-hans-cn" -> "zh-Hans-CN")
and a cheap guess from the script and the commonest words of a text when the page declares nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.ingest.metadata.page import Page
from reader.ingest.metadata.vocabulary import STOPWORDS

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def decide_language(page: Page) -> None:
    """The declared language (html lang, meta, og:locale, JSON-LD), else a guess from the text."""
    s = page.signals
    for value, source in (
        (s.html_lang, "html-lang"),
        (s.meta("content-language"), "meta:content-language"),
        (s.meta("og:locale"), "meta:og:locale"),
        (page.ld.language, "json-ld"),
        (s.meta("language", "dc.language", "dc:language"), "meta:language"),
    ):
        lang = normalise_language(value)
        if lang:
            page.set("language", lang, source)
            return
    guessed = guess_language(page.body_text or _sample_text(page))
    if guessed:
        page.set("language", guessed, "text-guess")


def _sample_text(page: Page) -> str:
    parts: list[str] = []
    total = 0
    for el in page.body.iter("p"):
        text = el.text_content()
        parts.append(text)
        total += len(text)
        if total > 3000:
            break
    return " ".join(parts)


def normalise_language(value: str | None) -> str | None:
    """A BCP 47 tag from a declared language ("en_US", "EN-gb", "pt-br"), or None when it is not one."""
    if not value:
        return None
    value = value.strip().split(",")[0].split(";")[0].strip()
    if not _TAG.match(value):
        return None
    parts = re.split(r"[-_]", value)
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    if out[0] in {"x", "i"} or len(out[0]) > 3:
        return None
    return "-".join(out)


def guess_language(text: str | None) -> str | None:
    """A language from the script or the commonest words of ``text`` (first few thousand characters)."""
    if not text:
        return None
    sample = text[:4000]
    script = _script_language(sample)
    if script:
        return script
    words = Counter(w.lower() for w in _WORD.findall(sample))
    if sum(words.values()) < 8:
        return None
    scores = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    total = sum(words.values())
    return best if scores[best] >= max(3, total * 0.05) else None


_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("han", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("cyr", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_LETTERS = re.compile(r"[^\W\d_]")


def _script_language(sample: str) -> str | None:
    if sample.isascii():
        return None
    counts = {kind: len(pattern.findall(sample)) for kind, pattern in _SCRIPTS}
    letters = len(_LETTERS.findall(sample))
    kind = max(counts, key=lambda k: counts[k])
    count = counts[kind]
    if not count or not letters:
        return None
    if count + (counts["han"] if kind == "ja" else 0) < letters * 0.3:
        return None
    if kind == "han":
        return "ja" if counts["ja"] > count * 0.05 else "zh"
    if kind == "cyr":
        return "uk" if re.search(r"[їєґі]", sample) else "ru"
    return kind
