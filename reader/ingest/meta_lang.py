"""Language tags: normalising declared languages to BCP 47 and guessing one from the text.

Owns ``normalise_language`` ("EN_us" -> "en-US", "zh-hans-cn" -> "zh-Hans-CN") and a cheap
guess from the script and the commonest words of a text when the page declares nothing.
"""

from __future__ import annotations

import re
from collections import Counter

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
STOPWORDS: dict[str, set[str]] = {
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "that",
        "it",
        "was",
        "for",
        "with",
        "as",
        "on",
        "are",
        "this",
    },
    "fr": {
        "le",
        "la",
        "les",
        "et",
        "des",
        "est",
        "une",
        "dans",
        "que",
        "pour",
        "qui",
        "pas",
        "sur",
        "du",
        "au",
    },
    "de": {
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "mit",
        "den",
        "ein",
        "eine",
        "zu",
        "sich",
        "auf",
        "für",
    },
    "es": {
        "el",
        "la",
        "los",
        "las",
        "y",
        "que",
        "en",
        "del",
        "por",
        "con",
        "una",
        "para",
        "es",
        "se",
        "como",
    },
    "pt": {"o", "os", "e", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "dos", "das", "é"},
    "it": {
        "il",
        "di",
        "che",
        "è",
        "la",
        "per",
        "un",
        "una",
        "non",
        "con",
        "del",
        "della",
        "sono",
        "gli",
        "le",
    },
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "ook"},
    "sv": {"och", "att", "det", "som", "en", "är", "på", "för", "med", "inte", "av", "till", "den", "har"},
    "pl": {"i", "w", "nie", "na", "się", "że", "to", "jest", "do", "z", "jak", "dla", "co", "od", "przez"},
    "cs": {"a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jsou", "jak", "ale", "by", "pro"},
}


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
