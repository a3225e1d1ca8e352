"""How plausible a character is in repaired text: the small character model mojibake repair scores with.

Owns the script classes (CJK, Latin, punctuation...), the inventory of characters a repair may
produce, their prior weights and the context rules that pick between candidates when a decoder
dropped bytes (“…” pairing, apostrophes inside words, dashes between spaces).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "TypographyHints",
    "char_score",
    "is_cjk",
    "is_plausible_repair_char",
    "middle_index",
    "next_quote_state",
    "open_quote_after",
    "prefix_index",
    "prior_or_floor",
    "suffix_index",
]

# Characters that text in Latin, Cyrillic or Greek script uses often, with a prior weight (higher is
# likelier).  Everything else a repair may produce gets a weight by its block below.
COMMON_PRIORS: dict[str, float] = {
    "\u2019": 0.0,  # ’
    "\u201c": -0.6,  # “
    "\u201d": -0.6,  # ”
    "\u2013": -1.0,  # –
    "\u2014": -1.0,  # —
    "\u00a0": -1.2,  # no-break space
    "\u2026": -1.6,  # …
    "\u2018": -2.0,  # ‘
    "\u2022": -2.5,  # •
    **dict.fromkeys("éèàáâäçíóúüöñêôãõ", -1.5),
    "\u00b0": -3.0,
    "\u20ac": -3.0,
    "\u00ab": -2.5,
    "\u00bb": -2.5,
    "\u2122": -3.5,
    "\u00a9": -3.5,
    "\u00ae": -3.5,
    "\u2032": -4.0,
    "\u2033": -4.0,
    "\u2009": -4.0,
    "\u202f": -4.0,
    "\u200b": -4.5,
    "\u201e": -2.5,  # „
    "\u2011": -3.5,  # non-breaking hyphen
    "\u2010": -4.0,
    "\u201a": -4.0,  # ‚
    "\u2039": -4.0,  # ‹
    "\u203a": -4.0,  # ›
    "\u2020": -4.5,  # †
    "\u2021": -4.5,  # ‡
    "\u2030": -4.5,  # ‰
    "\u2015": -4.5,  # ―
    "\u2012": -4.5,  # ‒
    "\u2502": -3.0,  # │ (console tables)
    "\u2500": -3.0,  # ─
}


def _words(*chunks: str) -> frozenset[str]:
    return frozenset(" ".join(chunks).split())


def _frequency_priors(letters: str, base: float) -> dict[str, float]:
    """Priors for letters listed from most to least frequent: each step a little less likely."""
    return {letter: base - 0.08 * rank for rank, letter in enumerate(letters)}


# Letter frequencies of the languages whose letters mojibake most often loses a byte of.
LETTER_PRIORS: dict[str, float] = {
    **_frequency_priors("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё", -1.5),  # Russian
    **_frequency_priors("іїєґ", -2.5),  # Ukrainian
    **_frequency_priors("αοιετσνηυρπκμλςωγδάέίόήύθχώφβξζψ", -1.5),  # Greek
    **_frequency_priors("ąęłśćńżźóčřšžěůőűăşţșțğıāēīūõãñçł", -2.0),  # Central/Eastern European and others
    **_frequency_priors("ŁŚŻŹĆŃČŘŠŽİŞĀ", -2.8),
    **_frequency_priors("ươșțǎǐǒǔƯƠȘȚ", -2.0),  # Vietnamese, Romanian, pinyin
    # Vietnamese lowercase letters with two diacritics, by rough frequency.
    **_frequency_priors("ếềộạủựấảờớểốồệậọịụừứữợởầắặẩổỏỉẻửẽỗễẫằẳẵỳỷỹỵẹ", -1.8),
    **_frequency_priors("≤≥≠≈×÷±→←↑↓", -3.0),
    **_frequency_priors("ﬁﬂ", -3.0),
}

# Frequent last letters of Russian words, most frequent first.
CYRILLIC_ENDINGS = "яиьыеоаймтхюу"

# Common Vietnamese words (or word endings) that end in a letter with two diacritics: a decoder that
# drops the last byte before a space leaves only the letter's first two bytes.
VIETNAMESE_FINALS = _words(
    "để từ về ở tế của phủ dự tổ bộ độ cả thể hộ sẽ lễ kể sự chủ thủ trữ đủ bố số hệ lệ đề thế nữ",
    "mở bị bỏ nhỏ trẻ vẻ rẻ mẹ nhẹ lạ chỉ ý kỷ hỗ trợ mỗ cụ nợ chợ vợ lớ sở cổ rõ họ phố hạ",
    "ể ừ ở ế ự ổ ủ ề ẽ ộ ả ệ ị ữ ớ ờ ợ ụ ố ồ ỏ ọ ạ",
)

# (first code point, last code point, prior) for blocks a repair may produce.
PLAUSIBLE_BLOCKS: tuple[tuple[int, int, float], ...] = (
    (0x00A0, 0x00FF, -2.5),  # Latin-1 supplement
    (0x0100, 0x017F, -4.0),  # Latin Extended-A (its frequent letters are in LETTER_PRIORS)
    (0x0180, 0x024F, -5.5),  # Latin Extended-B (its frequent letters are in LETTER_PRIORS)
    (0x0250, 0x02FF, -5.5),  # IPA, spacing modifiers
    (0x0370, 0x03FF, -4.0),  # Greek
    (0x0400, 0x045F, -3.5),  # Cyrillic
    (0x0460, 0x04FF, -5.5),  # Cyrillic for other languages (Ukrainian ґ is in LETTER_PRIORS)
    (0x0500, 0x052F, -6.0),
    (0x0590, 0x06FF, -5.5),  # Hebrew, Arabic (never produced by CJK repair: too easy to hit by chance)
    (0x1E00, 0x1EFF, -3.5),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F, -5.0),  # General Punctuation
    (0x2070, 0x209F, -5.5),
    (0x20A0, 0x20BF, -4.0),  # currency
    (0x2100, 0x214F, -5.0),
    (0x2150, 0x218F, -5.0),
    (0x2190, 0x21FF, -4.5),  # arrows
    (0x2200, 0x22FF, -5.0),  # maths
    (0x2300, 0x23FF, -5.5),
    (0x2460, 0x24FF, -5.5),
    (0x2500, 0x257F, -3.5),  # box drawing
    (0x2580, 0x25FF, -4.5),
    (0x2600, 0x27BF, -4.0),  # symbols, dingbats
    (0x2B00, 0x2BFF, -5.5),
    (0xFB00, 0xFB06, -5.0),  # Latin ligatures
    (0xFE0F, 0xFE0F, -3.0),  # emoji presentation selector
    (0x1F000, 0x1FAFF, -1.5),  # emoji (symbols get 1.5 less than letters: -3.0)
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


def is_cjk(char: str) -> bool:
    """Han, kana, hangul, CJK punctuation and full/half-width forms: what CJK mojibake is made of."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or 0x1100 <= code <= 0x11FF
        or 0xA960 <= code <= 0xA97F
    )


@lru_cache(maxsize=8192)
def block_prior(char: str) -> float | None:
    """The prior weight of a character a repair may produce; None when no repair should produce it."""
    if char in COMMON_PRIORS:
        return COMMON_PRIORS[char]
    if char in LETTER_PRIORS:
        return LETTER_PRIORS[char]
    code = ord(char)
    if code < 0x80:
        return 0.0
    if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn", "Mn", "Me"}:
        return None  # controls, surrogates, private use, unassigned, lone combining marks
    for first, last, prior in PLAUSIBLE_BLOCKS:
        if first <= code <= last:
            if unicodedata.category(char).startswith("L"):
                return prior
            return prior - 1.5
    return None


def prior_or_floor(char: str) -> float:
    """The prior of ``char``, or a floor far below any plausible character's."""
    prior = block_prior(char)
    return -100.0 if prior is None else prior


def is_plausible_repair_char(char: str) -> bool:
    return block_prior(char) is not None


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


def char_score(
    char: str, prev: str, nxt: str, *, open_quote: str, hints: TypographyHints, before: str = ""
) -> float:
    """Prior plus context: how likely ``char`` is between ``prev`` and ``nxt`` ("" at a line edge).

    ``open_quote`` is the innermost quotation mark still open before ``char`` ("" when none).
    """
    open_quote = open_quote[-1:]
    prior = block_prior(char)
    if prior is None:
        return -100.0
    before_word, after_word = _is_word(prev), _is_word(nxt)
    before_space = prev == "" or prev in SPACES or prev in OPENERS
    after_space = nxt == "" or nxt in SPACES
    after_punct = nxt != "" and not after_word and not after_space
    score = prior
    if char == "\u2026":
        if nxt == "" or (before_word and after_space):
            score += 2.0
    elif char == APOSTROPHE:
        closes_single = open_quote == OPEN_SINGLE and (before_word or prev in ".,!?") and not after_word
        if (prev.isalpha() and nxt.isalpha()) or closes_single:
            score += 3.0
        elif before_word and nxt == "":
            score -= 0.5
        elif before_word and (after_space or after_punct):
            # Plural possessive (the Traders’ Association) follows an s; after other letters it is
            # rather a closing quote or an ellipsis.
            score += -1.5 if open_quote else (0.5 if prev in "sSzx" else -1.0)
        else:
            score -= 2.5
    elif open_quote == LOW_DOUBLE and char in (OPEN_DOUBLE, CLOSE_DOUBLE):
        # German and Czech close „…“ with the English opening mark, Polish and Hungarian with ”.
        closing = (before_word or (prev and prev in ".,!?…")) and not after_word
        score += (3.0 if char == hints.low_quote_closer else 2.0) if closing else -3.0
    elif char in (OPEN_DOUBLE, OPEN_SINGLE):
        if before_space and (after_word or (nxt != "" and nxt in "\u2018\u201d'\"\u2026([")):
            score += 2.5 if open_quote not in (OPEN_DOUBLE, LOW_DOUBLE) or char == OPEN_SINGLE else 1.0
        else:
            score -= 3.0
    elif char == CLOSE_DOUBLE:
        if prev == OPEN_DOUBLE:
            score += 2.5  # empty quotes where link text was lost
        elif (before_word or (prev and prev in ".,!?…’)")) and not after_word:
            score += 3.0 if open_quote == OPEN_DOUBLE else 0.0
        else:
            score -= 3.0
    elif char in (EN_DASH, EM_DASH):
        if prev.isdigit() and nxt.isdigit():
            score += 2.0 if char == EN_DASH else -1.0
        elif nxt == "":
            pass  # a dash does not end a paragraph; an ellipsis does
        elif before_space and after_space:
            score += 2.0 if char == hints.spaced_dash() else 0.5
        elif before_word and after_word:
            score += 1.0 if char == EM_DASH else -0.5
    elif char == "\u00a0":
        score += 0.5 if (after_space or nxt.isdigit() or before_word) else -1.0
    elif char == "\u2500":
        score += 1.0 if _is_box(prev) or _is_box(nxt) else -2.0
    elif char == "\u2502":
        score += 1.0 if (before_space and after_space) or _is_box(prev) or _is_box(nxt) else -1.0
    elif char.isalpha():
        score += hints.favoured.get(char, 0.0)
        if not _is_word(nxt) and (before + char)[-3:].lower() in VIETNAMESE_FINALS:
            score += 2.5
        elif not _is_word(nxt) and (before + char)[-2:].lower() in VIETNAMESE_FINALS:
            score += 2.0
        if char.isupper() and prev.islower():
            score -= 2.0
        if (char == "ς" and after_word) or (char == "σ" and not after_word and before_word):
            score -= 3.0
        elif char == "ς" and before_word:
            score += 2.0
        if not after_word and before_word and char in CYRILLIC_ENDINGS:
            score += 0.3 * (len(CYRILLIC_ENDINGS) - CYRILLIC_ENDINGS.index(char))
        if before_word or after_word:
            score += 1.0
        elif char in STANDALONE_LETTERS:
            score += 0.5
        else:
            score -= 0.5
    return score


@lru_cache(maxsize=1)
def _inventory() -> tuple[tuple[str, bytes], ...]:
    chars = []
    for first, last, _prior in PLAUSIBLE_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if block_prior(char) is not None:
                chars.append((char, char.encode("utf-8")))
    return tuple(chars)


# Context moves a score by a few points at most: candidates this far below the best prior never win.
PRIOR_MARGIN = 7.0
MAX_OPTIONS = 64


def _by_prior(option: tuple[str, bytes]) -> float:
    return -prior_or_floor(option[0])


def _prune(index: dict[bytes, list[tuple[str, bytes]]]) -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    pruned = {}
    for key, options in index.items():
        best = max(prior_or_floor(char) for char, _ in options)
        kept = sorted((o for o in options if prior_or_floor(o[0]) >= best - PRIOR_MARGIN), key=_by_prior)
        pruned[key] = tuple(kept[:MAX_OPTIONS])
    return pruned


@lru_cache(maxsize=1)
def prefix_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible characters by each proper prefix (lead byte first) of their UTF-8 form."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        for size in range(1, len(encoded)):
            index.setdefault(encoded[:size], []).append((char, encoded))
    return _prune(index)


@lru_cache(maxsize=1)
def suffix_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible characters by each proper suffix (continuation bytes) of their UTF-8 form."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        for size in range(1, len(encoded)):
            index.setdefault(encoded[-size:], []).append((char, encoded))
    return _prune(index)


@lru_cache(maxsize=1)
def middle_index() -> dict[bytes, tuple[tuple[str, bytes], ...]]:
    """Plausible four-byte characters (emoji) by their two middle bytes."""
    index: dict[bytes, list[tuple[str, bytes]]] = {}
    for char, encoded in _inventory():
        if len(encoded) == 4:
            index.setdefault(encoded[1:3], []).append((char, encoded))
    return {key: tuple(value) for key, value in index.items()}
