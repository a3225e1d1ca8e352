"""Bytes to text: the decode step of ingest.

Owns :func:`decode_bytes`, which picks the character encoding of a saved page the way a careful
browser would: a byte-order mark first, unless the bytes after it contradict it, then the charset the
page (or its MHTML part header) declares, verified against the bytes rather than trusted, then detection,
and last a fallback that never fails.  UTF-8 with Windows-1252 bytes mixed in (a quote pasted from a
word processor into a UTF-8 page) is read as both.  It never raises, whatever the bytes; what it had to
set right is reported in :attr:`Decoded.entries`.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field

from reader.errors import swallowed
from reader.ingest.model import RepairEntry

__all__ = ["Decoded", "decode_bytes", "normalize_charset"]

logger = logging.getLogger(__name__)

# Declarations are only looked for near the top of the page, as browsers do (1024 bytes there; we are
# a little more generous for pages with long comments before <head>).
SNIFF_BYTES = 4096
# charset-normalizer is slow on whole pages; a sample rich in non-ASCII bytes is enough to tell.
DETECT_SAMPLE_BYTES = 64 * 1024
# A page is read as damaged UTF-8 when it holds at least this many valid multi-byte characters and at
# most one invalid sequence for every MOSTLY_UTF8_RATIO of them.
MOSTLY_UTF8_MIN_CHARACTERS = 20
MOSTLY_UTF8_RATIO = 20
# A page is read as UTF-8 with Windows-1252 bytes mixed in when it holds at least this many valid
# multi-byte characters and at most MIXED_RATIO invalid sequences for each of them (in a Windows-1252
# page a valid UTF-8 character is a coincidence, such as "Ã©", and rare).
MIXED_MIN_CHARACTERS = 3
MIXED_RATIO = 2
WRONG_BOM = "wrong-byte-order-mark"
MIXED_ENCODINGS = "mixed-utf8-windows-1252"

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers map to another codec (WHATWG Encoding Standard): Latin-1 and ASCII mean
# windows-1252, the Chinese, Japanese and Korean labels mean the Microsoft supersets.
LABEL_ALIASES: dict[str, str] = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso_8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "l1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "cp819": "windows-1252",
    "ibm819": "windows-1252",
    "iso-8859-9": "windows-1254",
    "latin5": "windows-1254",
    "iso-8859-11": "windows-874",
    "tis-620": "windows-874",
    "gb2312": "gbk",
    "gb_2312-80": "gbk",
    "chinese": "gbk",
    "csgb2312": "gbk",
    "x-gbk": "gbk",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "windows-949": "cp949",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    # A page that says UTF-16 in a <meta> was necessarily read as ASCII-compatible bytes.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

# Names we report for Python codec names (the contract's examples: "utf-8", "windows-1252", "shift_jis").
REPORTED_NAMES: dict[str, str] = {
    "utf_8": "utf-8",
    "cp1252": "windows-1252",
    "cp1251": "windows-1251",
    "cp1250": "windows-1250",
    "cp1253": "windows-1253",
    "cp1254": "windows-1254",
    "cp1255": "windows-1255",
    "cp1256": "windows-1256",
    "cp1257": "windows-1257",
    "cp1258": "windows-1258",
    "cp874": "windows-874",
    "cp932": "shift_jis",
    "shift_jis": "shift_jis",
    "cp949": "euc-kr",
    "euc_kr": "euc-kr",
    "euc_jp": "euc-jp",
    "gbk": "gbk",
    "gb2312": "gbk",
    "gb18030": "gb18030",
    "big5hkscs": "big5",
    "big5": "big5",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "utf_32_le": "utf-32-le",
    "utf_32_be": "utf-32-be",
    "mac_roman": "mac-roman",
    "koi8_r": "koi8-r",
    "koi8_u": "koi8-u",
}

# Encodings web pages really use: detection results outside this list are not trusted.
WEB_CODECS = frozenset(
    codecs.lookup(name).name
    for name in " ".join(
        (
            "utf-8 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 iso8859-2 iso8859-5",
            "iso8859-7 iso8859-15 koi8-r koi8-u gbk gb18030 big5 big5hkscs shift_jis cp932 euc_jp euc_kr",
            "cp949 mac_roman",
        )
    ).split()
)

LATIN_LOOKALIKES = frozenset(
    {"cp1250", "cp1257", "cp1254", "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13"}
    | {"iso8859_14", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437", "cp1258", "latin_1"}
    | {"iso8859_15"}
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:+-]{1,40})""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:+-]{1,40})["']""", re.I)
# Any UTF-8 multi-byte sequence: if the non-ASCII bytes decode as UTF-8, the page is UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_NON_ASCII_CHARACTER = re.compile("[^\x00-\x7f]")


@dataclass
class Decoded:
    """The text of a page and how it was obtained."""

    text: str
    encoding: str  # codec actually used, e.g. "utf-8", "windows-1252", "shift_jis"
    source: str  # "bom" | "declared" | "detected" | "default"
    entries: list[RepairEntry] = field(default_factory=list)  # a wrong BOM ignored, mixed bytes read


def decode_bytes(data: bytes, *, kind: str = "html", declared: str | None = None) -> Decoded:
    """Decode a saved page (``kind`` "html", "xhtml" or "text"); ``declared`` comes from outside (MHTML).

    Never raises: undecodable bytes become U+FFFD and NUL bytes are dropped.
    """
    try:
        decoded = _decode(bytes(data), kind=kind, declared=declared)
    except Exception:  # a codec bug must not stop an import; the fallback below cannot fail
        swallowed(logger, "the page's encoding (its bytes are read as UTF-8 instead)")
        decoded = Decoded(bytes(data).decode("utf-8", errors="replace"), "utf-8", "default")
    if "\x00" in decoded.text:
        decoded.text = decoded.text.replace("\x00", "")
    return decoded


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label as found in pages, or None when unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = LABEL_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name


def reported_name(codec: str) -> str:
    """The name we show for a Python codec name ("cp1252" -> "windows-1252")."""
    name = codecs.lookup(codec).name
    return REPORTED_NAMES.get(name.replace("-", "_"), name.replace("_", "-"))


def _decode(data: bytes, *, kind: str, declared: str | None) -> Decoded:
    if not data:
        return Decoded("", "utf-8", "default")
    by_bom = _decode_bom(data)
    if by_bom is not None:
        if _bom_fits(data, by_bom.encoding):
            return by_bom
        decoded = _decode(data[_bom_length(data) :], kind=kind, declared=declared)
        note = RepairEntry(WRONG_BOM, 1, [(_BOM_NAMES[by_bom.encoding], decoded.encoding)])
        decoded.entries.insert(0, note)
        return decoded
    if kind == "text" or b"\x00" in data[:SNIFF_BYTES]:
        utf16 = _guess_utf16(data)
        if utf16 is not None:
            return Decoded(data.decode(utf16, errors="replace"), reported_name(utf16), "detected")
    label = declared or (_sniff_declaration(data[:SNIFF_BYTES]) if kind != "text" else None)
    codec = normalize_charset(label)
    if codec is not None:
        verified = _verify_declared(data, codec)
        if verified is not None:
            return verified
    return _detect(data)


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, errors="replace"), codec, "bom")
    return None


_BOM_NAMES = {
    "utf-8": "UTF-8 byte-order mark",
    "utf-16-le": "UTF-16 (little-endian) byte-order mark",
    "utf-16-be": "UTF-16 (big-endian) byte-order mark",
    "utf-32-le": "UTF-32 (little-endian) byte-order mark",
    "utf-32-be": "UTF-32 (big-endian) byte-order mark",
}


def _bom_length(data: bytes) -> int:
    return next(len(bom) for bom, _codec in BOMS if data.startswith(bom))


def _bom_fits(data: bytes, codec: str) -> bool:
    """Do the bytes after a byte-order mark read in its encoding?  ``\xff\xfe`` before UTF-8 does not.

    Markup in UTF-16 or UTF-32 is full of NUL bytes (the high bytes of ASCII); bytes without a single
    NUL that read as UTF-8 are UTF-8 whatever mark precedes them.
    """
    rest = data[_bom_length(data) :]
    if codec == "utf-8":
        return _is_utf8(rest) or _mixed_utf8(rest) or not _UTF8_MULTIBYTE.search(rest)
    sample = rest[:SNIFF_BYTES]
    return b"\x00" in sample or not (_is_utf8(rest) or _mixed_utf8(rest))


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM (Windows "Unicode" .txt files): NUL bytes on one side of most pairs."""
    sample = data[:SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _sniff_declaration(head: bytes) -> str | None:
    xml = _XML_DECL.match(head)
    if xml:
        return xml.group(1).decode("ascii", errors="replace")
    meta = _META_CHARSET.search(head)
    if meta:
        return meta.group(1).decode("ascii", errors="replace")
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A page cut in the middle of a character is still UTF-8.
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes: many valid multi-byte characters, hardly any invalid sequences.

    Reading such a page in a single-byte code page would turn every good character into mojibake
    (and some, like the 0x9D of a closing quote, beyond repair) to save the few damaged ones.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid < MOSTLY_UTF8_MIN_CHARACTERS:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return invalid * MOSTLY_UTF8_RATIO <= valid


def _mixed_utf8(data: bytes) -> bool:
    """UTF-8 with invalid bytes mixed in: enough valid multi-byte characters, not too many bad bytes."""
    if not _UTF8_MULTIBYTE.search(data):
        return False
    text = data.decode("utf-8", errors="replace")
    valid = len(_NON_ASCII_CHARACTER.findall(text)) - text.count("\ufffd")
    if valid < MIXED_MIN_CHARACTERS:
        return False
    return _count_errors(data, "utf-8") <= MIXED_RATIO * valid


def _utf8_with_windows_1252(data: bytes, source: str) -> Decoded:
    """UTF-8, each byte sequence that is not UTF-8 read as Windows-1252 (U+FFFD where that is undefined).

    beautifulsoup4's ``UnicodeDammit.detwingle`` does this for Windows-1252 punctuation, but it takes any
    UTF-8 lead byte for the start of a character: "São" in Windows-1252 (``S\xe3o``) makes its result
    invalid UTF-8, so the decoder checks each sequence itself.
    """
    view = memoryview(data)
    parts: list[str] = []
    fixes: list[tuple[int, int]] = []  # (offset in the text, length) of each sequence read as Windows-1252
    done = length = 0
    while True:
        try:
            parts.append(str(view[done:], "utf-8"))
            break
        except UnicodeDecodeError as exc:
            good = str(view[done : done + exc.start], "utf-8")
            bad = bytes(view[done + exc.start : done + exc.end]).decode("cp1252", errors="replace")
            parts += (good, bad)
            fixes.append((length + len(good), len(bad)))
            length += len(good) + len(bad)
            done += exc.end
    decoded = Decoded("".join(parts), "utf-8", source)
    if fixes:
        examples = [_fix_example(decoded.text, offset, size) for offset, size in fixes[:3]]
        decoded.entries.append(RepairEntry(MIXED_ENCODINGS, len(fixes), examples))
    return decoded


def _fix_example(text: str, offset: int, size: int) -> tuple[str, str]:
    """The words around one fix as they would have read (U+FFFD) and as they read now, markup left out."""
    before, after = (
        _words(text[max(0, offset - 80) : offset], -1),
        _words(text[offset + size : offset + size + 80], 1),
    )
    fixed = text[offset : offset + size]
    return before + "\ufffd" * size + after, before + fixed + after


_MARKUP = re.compile(r"<[^<>]*>|^[^<]*>|<[^>]*$")


def _words(context: str, side: int) -> str:
    """About 24 characters of text on one side (-1: before, 1: after) of a fix, tags removed."""
    plain = re.sub(r"\s+", " ", _MARKUP.sub(" ", context))
    return plain[-24:] if side < 0 else plain[:24]


def _verify_declared(data: bytes, codec: str) -> Decoded | None:
    """Decode with the declared codec unless the bytes prove it wrong; None means "detect instead"."""
    if codec == "utf_8" or codec == "utf-8":
        if _is_utf8(data) or _mostly_utf8(data) or _mixed_utf8(data):
            return _utf8_with_windows_1252(data, "declared")
        return None
    if data.isascii():
        return Decoded(data.decode("ascii"), reported_name(codec), "declared")
    # Valid UTF-8 with multi-byte sequences is almost never text in another encoding: browsers would
    # show mojibake, but the author meant UTF-8 (the usual "iso-8859-1" template on a UTF-8 site).
    if _UTF8_MULTIBYTE.search(data) and _is_utf8(data):
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "detected")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codecs.lookup(codec).name in {"cp1252", "windows-1252"}:
            # windows-1252 leaves five bytes undefined; browsers show them as C1 controls.
            return Decoded(data.decode("latin-1"), "windows-1252", "declared")
        bad = _count_errors(data, codec)
        if bad > max(8, len(data) // 200):
            return None  # the declaration is wrong; detection will do better
        return Decoded(data.decode(codec, errors="replace"), reported_name(codec), "declared")
    except LookupError:
        return None
    return Decoded(text, reported_name(codec), "declared")


def _count_errors(data: bytes, codec: str) -> int:
    return data.decode(codec, errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")


def _detect(data: bytes) -> Decoded:
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8", "default")
    if _is_utf8(data) or _mostly_utf8(data) or _mixed_utf8(data):
        return _utf8_with_windows_1252(data, "detected")
    detected = _charset_normalizer_guess(data)
    if detected is not None:
        return Decoded(data.decode(detected, errors="replace"), reported_name(detected), "detected")
    return Decoded(data.decode("cp1252", errors="replace"), "windows-1252", "default")


def _detection_sample(data: bytes) -> bytes:
    """Up to DETECT_SAMPLE_BYTES, starting near the first non-ASCII byte (the head is often all ASCII)."""
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    match = _NON_ASCII_BYTE.search(data)
    first = match.start() if match else 0
    start = max(0, min(first - 256, len(data) - DETECT_SAMPLE_BYTES))
    return data[start : start + DETECT_SAMPLE_BYTES]


_WESTERN_PUNCTUATION = frozenset("“”‘’–—…«»°€£§©®·\u00a0")
# Accented letters frequent in the languages of each group (lower case; capitals are folded).
_WESTERN_LETTERS = frozenset("éèàçêôâîûùëïüöäßñáíóúãõåøæœ")
_OTHER_LATIN_LETTERS = frozenset("ąęłśćńżźóčřšžěůýáíéúőűășțşğıāēīūļķņėįųľĺŕňťď")


def _reads_as_western(data: bytes, other: str) -> bool:
    """Do these bytes read at least as naturally in windows-1252 as in the detector's Latin code page?"""
    sample = _detection_sample(data)
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    odd = sum(1 for c in western if ord(c) >= 0x80 and not (c.isalpha() or c in _WESTERN_PUNCTUATION))
    if odd > 0.05 * max(1, sum(1 for c in western if ord(c) >= 0x80)):
        return False  # ³ ¹ ¿ where Polish has ł ą ż
    other_text = sample.decode(other, errors="replace")
    return _typical_share(western, _WESTERN_LETTERS) >= _typical_share(other_text, _OTHER_LATIN_LETTERS)


def _typical_share(text: str, typical: frozenset[str]) -> float:
    letters = [c.lower() for c in text if ord(c) >= 0x80 and c.isalpha()]
    return sum(c in typical for c in letters) / len(letters) if letters else 0.0


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        matches = list(from_bytes(_detection_sample(data)))
    except Exception:  # the detector's failure leaves the fallback code page
        swallowed(logger, "charset detection (the page is read as windows-1252)")
        return None
    if not matches or not matches[0].encoding:
        return None
    best = matches[0]
    codec = normalize_charset(best.encoding)
    if codec in LATIN_LOOKALIKES and _reads_as_western(data, codec):
        # Latin code pages differ in a few letters; the detector's pick among them is close to a coin toss
        # on Western text, and windows-1252 is what the web (and browsers' fallback) mostly means.
        return "cp1252"
    if codec is None or codecs.lookup(codec).name not in WEB_CODECS:
        return None  # exotic guesses (cp1006, UTF-16 without NULs...) on short or odd text are noise
    return codec
