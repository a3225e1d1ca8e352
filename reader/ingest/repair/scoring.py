"""How likely a character is where a repair would put it: its prior plus the context rules that pick
between candidates when a decoder dropped bytes (“…” pairing, apostrophes inside words, dashes between
spaces, the letters of the language the document shows).

:func:`char_score` looks the character's context rule up in :data:`CONTEXT_RULES` (letters share one
rule); :class:`TypographyHints` carries what the document itself shows (its dashes, its quotes, its
language's letters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.ingest.repair.priors import block_prior

__all__ = [
    "TypographyHints",
    "char_score",
    "next_quote_state",
    "open_quote_after",
]


def _words(*chunks: str) -> frozenset[str]:
    return frozenset(" ".join(chunks).split())


# Frequent last letters of Russian words, most frequent first.
CYRILLIC_ENDINGS = "яиьыеоаймтхюу"

# Common Vietnamese words (or word endings) that end in a letter with two diacritics: a decoder that
# drops the last byte before a space leaves only the letter's first two bytes.
VIETNAMESE_FINALS = _words(
    "để từ về ở tế của phủ dự tổ bộ độ cả thể hộ sẽ lễ kể sự chủ thủ trữ đủ bố số hệ lệ đề thế nữ",
    "mở bị bỏ nhỏ trẻ vẻ rẻ mẹ nhẹ lạ chỉ ý kỷ hỗ trợ mỗ cụ nợ chợ vợ lớ sở cổ rõ họ phố hạ",
    "ể ừ ở ế ự ổ ủ ề ẽ ộ ả ệ ị ữ ớ ờ ợ ụ ố ồ ỏ ọ ạ",
)
OPEN_DOUBLE = "\u201c"
CLOSE_DOUBLE = "\u201d"
APOSTROPHE = "\u2019"
OPEN_SINGLE = "\u2018"
LOW_DOUBLE = "\u201e"

# (letters that mark a language, the letters it uses most): once a document shows the markers, a byte
# lost from one of these letters is restored as that language's letter (Czech ě rather than Polish ą).
# The letters are listed most frequent first.
LANGUAGE_LETTERS: tuple[tuple[str, str], ...] = (
    ("ůřěťďň", "ěíáéýščřžůúťďňĚŠČŘŽÝÁÍÉŮ"),  # Czech, Slovak
    ("łąęśźżń", "ąęłóśżćńźĄĘŁŚŹŻŃĆÓ"),  # Polish
    ("őű", "éáőöüóíúűŐŰÁÉÍÓÖÜÚ"),  # Hungarian
    ("ășțşţ", "ăîșțâşţĂÂÎȘȚŞŢ"),  # Romanian
    ("ğış", "ıüşçğöĞİŞÇÖÜ"),  # Turkish
    ("āēīūļķņ", "āēīūšžčļķņĀĒĪŪĻĶŅŠŽČ"),  # Latvian, Māori
)
_LANGUAGE_MARKERS = tuple(re.compile(f"[{markers}]") for markers, _letters in LANGUAGE_LETTERS)

# Letters of languages that close „…” with the English closing mark (Polish, Hungarian, Romanian).
LOW_QUOTE_CLOSE_DOUBLE_LETTERS = "ąęłśźżćńőűășțĄĘŁŚŹŻĆŃŐŰĂȘȚ"
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CLOSE_DOUBLE_LANGUAGES = re.compile(f"[{LOW_QUOTE_CLOSE_DOUBLE_LETTERS}]")
CURLY = "\u2018\u2019\u201c\u201d"
_CURLY = re.compile(f"[{CURLY}]")
QUOTE_MARKS = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
EN_DASH = "\u2013"
EM_DASH = "\u2014"
SPACES = " \t\n\u00a0"
OPENERS = "([{<\u00ab\u201e"
STANDALONE_LETTERS = "\u00e0\u00e9\u00f3"  # à é ó are words of their own in French, Spanish, Portuguese


class TypographyHints:
    """Which dash the document uses between spaces (learned from dashes it shows intact)."""

    def __init__(self, text: str = "") -> None:
        self.spaced_en = text.count(" \u2013 ")
        self.spaced_em = text.count(" \u2014 ")
        self.cyrillic = False  # set per line: Russian and Ukrainian typography uses spaced em dashes
        self.low_quote_closer = OPEN_DOUBLE  # „…“ (German, Czech) unless the line is Polish/Hungarian/…
        self.favoured: dict[str, float] = {}  # letters of the language the document shows -> bonus
        self.curly = False  # set per line: curly quotes or apostrophes seen
        self.decoded_em = self.decoded_en = 0  # dashes repaired without a guess, in the whole document

    def start_line(self) -> None:
        self.curly = False
        self.cyrillic = False
        self.low_quote_closer = OPEN_DOUBLE

    def observe(self, text: str) -> None:
        """Learn the per-line hints from (repaired) text of the line, in order."""
        if not self.cyrillic and _CYRILLIC.search(text):
            self.cyrillic = True
        if self.low_quote_closer == OPEN_DOUBLE and _CLOSE_DOUBLE_LANGUAGES.search(text):
            self.low_quote_closer = CLOSE_DOUBLE
        self.observe_language(text)

    def observe_decoded(self, text: str) -> None:
        """Learn from characters decoded without any guess (whole UTF-8 sequences)."""
        # Dashes decoded whole (an unspaced em dash survives the CJK decoders) show the house style.
        self.decoded_em += text.count(EM_DASH)
        self.decoded_en += text.count(EN_DASH)
        self.observe_language(text)

    def observe_language(self, text: str) -> None:
        """Favour the letters of a language whose marker letters ``text`` shows (and note curly quotes)."""
        if text.isascii():
            return
        if not self.curly and _CURLY.search(text):
            self.curly = True

        for (_markers, letters), pattern in zip(LANGUAGE_LETTERS, _LANGUAGE_MARKERS, strict=True):
            if letters[0] not in self.favoured and pattern.search(text):
                for rank, letter in enumerate(letters):
                    self.favoured[letter] = max(self.favoured.get(letter, 0.0), 2.0 - 0.1 * rank)

    def spaced_dash(self) -> str:
        """The dash between spaces whose last byte was lost (en and em differ only in that byte)."""
        if self.spaced_em != self.spaced_en:
            return EM_DASH if self.spaced_em > self.spaced_en else EN_DASH
        if self.decoded_em != self.decoded_en:
            return EM_DASH if self.decoded_em > self.decoded_en else EN_DASH
        # Without a dash to go by: Russian typography uses em dashes, and so do most sites that also
        # set curly quotes (news, magazines); a bare "Title – Subtitle" is far likelier an en dash.
        return EM_DASH if self.cyrillic or self.curly else EN_DASH


def _is_box(char: str) -> bool:
    return bool(char) and 0x2500 <= ord(char) <= 0x257F


def _is_word(char: str) -> bool:
    return bool(char) and char.isalnum()


def open_quote_after(text: str, stack: str = "") -> str:
    """The quotation marks still open after ``text``, innermost last ("" when none): “ „ ‘ or «."""
    for match in _QUOTE_MARK.finditer(text):
        index = match.start()
        stack = next_quote_state(stack, match.group(), text[index - 1 : index], text[index + 1 : index + 2])
    return stack


def next_quote_state(stack: str, char: str, prev: str, nxt: str) -> str:
    """The open-quotes stack after ``char`` (between ``prev`` and ``nxt``)."""
    top = stack[-1:]
    if (char == OPEN_DOUBLE and top == LOW_DOUBLE) or char in "\u201d\u00bb":
        return stack[:-1] if top in (OPEN_DOUBLE, LOW_DOUBLE, "\u00ab") else stack
    if char in "\u201c\u201e\u00ab":
        return (stack + char)[-8:]
    if char == OPEN_SINGLE and not _is_word(prev):
        return (stack + char)[-8:]
    if char == APOSTROPHE and top == OPEN_SINGLE and not _is_word(nxt):
        return stack[:-1]
    return stack


@dataclass(slots=True)
class Around:
    """Where a candidate character would stand: its neighbours ("" at a line edge) and the document's hints.

    ``open_quote`` is the innermost quotation mark still open before the character ("" when none);
    ``before`` the few characters before it.
    """

    char: str
    prev: str
    nxt: str
    open_quote: str
    hints: TypographyHints
    before: str
    before_word: bool
    after_word: bool
    before_space: bool
    after_space: bool
    after_punct: bool


def char_score(
    char: str, prev: str, nxt: str, *, open_quote: str, hints: TypographyHints, before: str = ""
) -> float:
    """Prior plus context: how likely ``char`` is between ``prev`` and ``nxt`` ("" at a line edge).

    ``open_quote`` is the innermost quotation mark still open before ``char`` ("" when none).
    """
    prior = block_prior(char)
    if prior is None:
        return -100.0
    rule = CONTEXT_RULES.get(char) or (_letter if char.isalpha() else None)
    if rule is None:
        return prior
    before_word, after_word = _is_word(prev), _is_word(nxt)
    after_space = nxt == "" or nxt in SPACES
    around = Around(
        char=char,
        prev=prev,
        nxt=nxt,
        open_quote=open_quote[-1:],
        hints=hints,
        before=before,
        before_word=before_word,
        after_word=after_word,
        before_space=prev == "" or prev in SPACES or prev in OPENERS,
        after_space=after_space,
        after_punct=nxt != "" and not after_word and not after_space,
    )
    return rule(around, prior)


# Each rule takes the score so far and gives it back adjusted for the character's context.


def _ellipsis(a: Around, score: float) -> float:
    if a.nxt == "" or (a.before_word and a.after_space):
        score += 2.0
    return score


def _apostrophe(a: Around, score: float) -> float:
    closes_single = a.open_quote == OPEN_SINGLE and (a.before_word or a.prev in ".,!?") and not a.after_word
    if (a.prev.isalpha() and a.nxt.isalpha()) or closes_single:
        score += 3.0
    elif a.before_word and a.nxt == "":
        score -= 0.5
    elif a.before_word and (a.after_space or a.after_punct):
        # Plural possessive (the Traders’ Association) follows an s; after other letters it is
        # rather a closing quote or an ellipsis.
        score += -1.5 if a.open_quote else (0.5 if a.prev in "sSzx" else -1.0)
    else:
        score -= 2.5
    return score


def _closing_low_quote(a: Around, score: float) -> float:
    # German and Czech close „…“ with the English opening mark, Polish and Hungarian with ”.
    closing = (a.before_word or (a.prev and a.prev in ".,!?…")) and not a.after_word
    score += (3.0 if a.char == a.hints.low_quote_closer else 2.0) if closing else -3.0
    return score


def _opening_quote(a: Around, score: float) -> float:
    if a.before_space and (a.after_word or (a.nxt != "" and a.nxt in "\u2018\u201d'\"\u2026([")):
        score += 2.5 if a.open_quote not in (OPEN_DOUBLE, LOW_DOUBLE) or a.char == OPEN_SINGLE else 1.0
    else:
        score -= 3.0
    return score


def _open_double(a: Around, score: float) -> float:
    return _closing_low_quote(a, score) if a.open_quote == LOW_DOUBLE else _opening_quote(a, score)


def _close_double(a: Around, score: float) -> float:
    if a.open_quote == LOW_DOUBLE:
        return _closing_low_quote(a, score)
    if a.prev == OPEN_DOUBLE:
        score += 2.5  # empty quotes where link text was lost
    elif (a.before_word or (a.prev and a.prev in ".,!?…’)")) and not a.after_word:
        score += 3.0 if a.open_quote == OPEN_DOUBLE else 0.0
    else:
        score -= 3.0
    return score


def _dash(a: Around, score: float) -> float:
    if a.prev.isdigit() and a.nxt.isdigit():
        score += 2.0 if a.char == EN_DASH else -1.0
    elif a.nxt == "":
        pass  # a dash does not end a paragraph; an ellipsis does
    elif a.before_space and a.after_space:
        score += 2.0 if a.char == a.hints.spaced_dash() else 0.5
    elif a.before_word and a.after_word:
        score += 1.0 if a.char == EM_DASH else -0.5
    return score


def _no_break_space(a: Around, score: float) -> float:
    score += 0.5 if (a.after_space or a.nxt.isdigit() or a.before_word) else -1.0
    return score


def _box_horizontal(a: Around, score: float) -> float:
    score += 1.0 if _is_box(a.prev) or _is_box(a.nxt) else -2.0
    return score


def _box_vertical(a: Around, score: float) -> float:
    score += 1.0 if (a.before_space and a.after_space) or _is_box(a.prev) or _is_box(a.nxt) else -1.0
    return score


def _letter(a: Around, score: float) -> float:
    char = a.char
    score += a.hints.favoured.get(char, 0.0)
    score = _vietnamese_final(a, score)
    if char.isupper() and a.prev.islower():
        score -= 2.0
    score = _greek_sigma(a, score)
    if not a.after_word and a.before_word and char in CYRILLIC_ENDINGS:
        score += 0.3 * (len(CYRILLIC_ENDINGS) - CYRILLIC_ENDINGS.index(char))
    if a.before_word or a.after_word:
        score += 1.0
    elif char in STANDALONE_LETTERS:
        score += 0.5
    else:
        score -= 0.5
    return score


def _vietnamese_final(a: Around, score: float) -> float:
    """A letter with two diacritics that ends a common Vietnamese word (or word ending)."""
    if not _is_word(a.nxt) and (a.before + a.char)[-3:].lower() in VIETNAMESE_FINALS:
        score += 2.5
    elif not _is_word(a.nxt) and (a.before + a.char)[-2:].lower() in VIETNAMESE_FINALS:
        score += 2.0
    return score


def _greek_sigma(a: Around, score: float) -> float:
    """ς ends a Greek word and σ does not."""
    if (a.char == "ς" and a.after_word) or (a.char == "σ" and not a.after_word and a.before_word):
        score -= 3.0
    elif a.char == "ς" and a.before_word:
        score += 2.0
    return score


#: The characters whose likelihood depends on their neighbours, with the rule that says how.
CONTEXT_RULES: dict[str, Callable[[Around, float], float]] = {
    "\u2026": _ellipsis,
    APOSTROPHE: _apostrophe,
    OPEN_DOUBLE: _open_double,
    OPEN_SINGLE: _opening_quote,
    CLOSE_DOUBLE: _close_double,
    EN_DASH: _dash,
    EM_DASH: _dash,
    "\u00a0": _no_break_space,
    "\u2500": _box_horizontal,
    "\u2502": _box_vertical,
}
