"""Turning byline strings into person names, and telling persons from organisations.

Owns: stripping "By"/"Written by", roles, dates, handles and e-mails from a byline;
splitting "A, B and C"; reordering "Last, First"; recognising wire agencies and
organisations; de-duplicating names.
"""

from __future__ import annotations

import re
import unicodedata

from reader.ingest.metadata.text import fold
from reader.ingest.metadata.vocabulary import (
    CREDENTIALS,
    FUNCTION_WORDS,
    GENERIC_NON_NAMES,
    HONORIFICS,
    MONTHS_AND_DAYS,
    NAME_PARTICLES,
    ROLE_NOUNS,
    ROLE_WORDS,
    WIRE_AGENCIES,
)
from reader.ingest.scripts import CJK_LETTERS

BY_PREFIX = re.compile(
    r"^\s*(?:(?:posted|published|written|written\s+and\s+edited|reported|story|text|words|report|"
    r"photos?|interview|compiled|edited|updated)\s+)?"
    r"(?:by|from|par|por|von|door|av|af|przez)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)

# Italian/Portuguese "di Mario Rossi", "da Ana Costa": only in lower case ("De Niro" is a name).
LOWER_PREFIX = re.compile(r"^\s*(?:di|da|de)\s+(?=[A-ZÀ-Þ])")
LABEL_PREFIX = re.compile(
    r"^\s*(?:authors?|autor(?:in|en)?|auteur|autore|writer|written|byline|posted|reporter|text|words|reporting|"
    r"автор|текст|作者|文|记者|記者|撰文|来源|來源|글|기자)\s*[:\-–—]\s*",
    re.IGNORECASE,
)
EMAIL = re.compile(r"\S+@\S+\.\w+")
HANDLE = re.compile(r"(?<!\w)@\w+")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")

# "Martin Untersinger (avec Damien Leloup et Morgane Tual)": co-authors written in parentheses.
WITH_PARENS = re.compile(r"\s*\(\s*(?:with|avec|mit|con|com|met)\s+([^)]+)\)", re.IGNORECASE)

# A byline often continues with a date, a time or a reading hint: everything from there goes.
TAIL = re.compile(
    r"\s*(?:[|•·]|\b(?:updated|published|posted|last\s+updated|on\s+(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?:at|@)\s+\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?m\b)|"
    r"on\s+(?:the\s+)?\d|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+\d{1,2}\b|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+\s+min(?:ute)?s?\s+read|\d{1,2}:\d{2})).*$",
    re.IGNORECASE,
)
PART_LABEL = re.compile(r"^([^\W\d][\w ]{0,18}?)\s*:\s+", re.UNICODE)
NON_AUTHOR_LABEL = re.compile(
    r"^(?:photos?|photography|fotos?|images?|pictures?|illustrations?|graphics?|video|design|"
    r"edited|editing|editor|translation|translated)\b",
    re.IGNORECASE,
)
PROSE_VERB = re.compile(r"\b(?:is|was|has|are|were|writes|covers|reports|lives|works)\b")
SPECIAL_TO = re.compile(r"^(?:special|exclusive)\s+(?:to|for)\s", re.IGNORECASE)
FOR_PUBLICATION = re.compile(r"\s+(?:for|at|of|in)\s+(?:the\s+)?[A-Z].*$")
SEPARATORS = re.compile(
    r"\s*(?:,|;|\s&\s|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+og\s+|\s+en\s+|"
    r"、|，|/)\s*",
    re.IGNORECASE,
)
SEPARATORS_CAPTURING = re.compile(
    r"(\s*(?:,|;|\s&\s|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+og\s+|\s+en\s+|、|，|/)\s*)",
    re.IGNORECASE,
)

# Japanese/Chinese/Korean bylines put the role after the name: 記者 (reporter), 特派員, 編集委員, 通信員 …
CJK_ROLE_SUFFIX = re.compile(
    r"\s*(?:記者|特派員|编辑|編集委員|編集部|通信員|撮影|写真|记者|特约记者|实习生|通讯员|기자|특파원)\s*$"
)
ORG_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|llp|plc|gmbh|ag|co|corp|corporation|company|institute|institution|university|"
    r"foundation|staff|board|editorial|newsroom|news|team|press|agency|association|council|committee|"
    r"department|ministry|group|media|magazine|times|post|journal|review|society|centre|center|office|"
    r"service|services|network|project|projects|contributors|editors|desk|bureau|wire|reporters|"
    r"organization|organisation|government|commission|authority|school|college|library|museum|"
    r"laboratory|lab|labs|partners|holdings|trust|fund|club|union|federation|alliance|initiative|"
    r"programme|program|blog|online|tv|radio|channel|daily|weekly|gazette|tribune|herald|observer|"
    r"telegraph|chronicle|courier|dispatch|wikipedia|wikimedia|developers|newsdesk)\b\.?",
    re.IGNORECASE,
)
DOMAIN = re.compile(r"\.(?:com|org|net|co\.uk|de|fr|io)\b", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_INITIAL = re.compile(r"^[A-Z]\.$")
CJK_ORG_END = re.compile(
    r"(?:网|網|社|报|報|台|局|部|会|會|院|所|组|組|新闻|新聞|编辑部|編輯部|频道|頻道|通信|新聞社|"
    r"ニュース|編集部|신문|뉴스|방송)\s*$"
)
_WIRE_KEYS = frozenset(fold(w) for w in WIRE_AGENCIES)


def is_wire_agency(name: str) -> bool:
    return fold(name) in _WIRE_KEYS


def is_organization(name: str, site: str | None = None) -> bool:
    """Whether a credited name is an organisation or agency rather than a person."""
    key = fold(name)
    if not key:
        return False
    if is_wire_agency(name):
        return True
    if CJK_LETTERS.search(name) and CJK_ORG_END.search(name):
        return True
    personal = looks_like_person(name) and (len(name.split()) >= 2 or bool(CJK_LETTERS.search(name)))
    if site and key == fold(site) and not personal:
        return (
            True  # "The Guardian" credited as author; a personal blog named after its author stays a person
        )
    words = name.split()
    if (
        len(words) >= 2
        and not name.isupper()
        and any(len(w) >= 3 and w.isupper() and w.isalpha() for w in words)
    ):
        return True  # "ACLU Speech", "NASA Team": an acronym beside other words names a body, not a person
    return bool(ORG_WORDS.search(name) or DOMAIN.search(name))


def clean_byline(text: str) -> str:
    """A byline string without its "By", date/time tail, handles, e-mails, URLs and parentheses."""
    text = unicodedata.normalize("NFKC", text)
    text = " ".join(text.split())
    whole = re.fullmatch(r"\(([^()]+)\)", text)
    if whole:
        text = whole.group(1)  # "（山田太郎）": a byline written wholly in brackets
    # "Jane DoeUpdated 3:45 PM", "Lucas Nolan22 Dec 2016": a date glued to the name by the page's markup.
    text = GLUED_STAMP.sub(" ", text)
    text = WITH_PARENS.sub(r" and \1", text)
    text = PARENS.sub(" ", text)
    text = URL.sub(" ", text)
    text = EMAIL.sub(" ", text)
    text = HANDLE.sub(" ", text)
    for _ in range(2):
        text = LABEL_PREFIX.sub("", text)
        text = BY_PREFIX.sub("", text)
        text = LOWER_PREFIX.sub("", text)
    text = TAIL.sub("", text)
    text = BY_PREFIX.sub("", text)
    text = UI_WORDS.sub("", text)  # "Jane Doe Follow", "Follow Jane Doe": buttons beside the name
    return " ".join(text.split()).strip(" ,;:-–—|·•/")


GLUED_STAMP = re.compile(
    r"(?<=[a-z\u00e0-\u00ff])(?=(?:Updated|Published|Posted|Last\s+updated|Modified|Follow)\b|\d)"
)
UI_WORDS = re.compile(
    r"^(?:(?:follow|unfollow|subscribe\s+to|view\s+profile\s+of|more\s+(?:from|by))\s+)+|"
    r"(?:\s+(?:follow|unfollow|subscribe|contact|e-?mail|twitter|facebook|linkedin|instagram|bio|profile))+\s*$",
    re.IGNORECASE,
)

# A reviewer or fact-checker credited beside the byline is not an author of the article.
NOT_AUTHOR_BY = re.compile(
    r"^(?:medically\s+)?(?:reviewed|fact[\s-]?checked|checked|verified)\s+by\b", re.IGNORECASE
)


def split_names(text: str, *, site: str | None = None, single: bool = False) -> tuple[list[str], list[str]]:
    """Split a byline into ``(persons, organizations)``.

    >>> split_names("By Jane Doe and John Smith, Staff Writers")
    (['Jane Doe', 'John Smith'], [])
    """
    text = clean_byline(text)
    if not text:
        return [], []
    reordered = _reorder_last_first(text, single=single)
    pieces = [("", reordered)] if reordered else _split_with_separators(text)
    persons: list[str] = []
    orgs: list[str] = []
    several = len(pieces) > 1
    after_role = False
    for separator, part in pieces:
        if after_role and separator == ",":
            break  # "Jane Doe, Senior Technologist, ACLU Speech, Privacy …": the rest is affiliation
        after_role = False
        if NOT_AUTHOR_BY.match(part.strip()):
            break  # "…; Reviewed by John Roe, MD": the rest credits the reviewer
        cleaned = _clean_part(part)
        if cleaned is None:
            continue
        part = cleaned
        if persons and separator == ",":
            part = _after_credential(part)  # "Brenda Goodman, MA WebMD Health News": MA is hers
        stripped = _strip_role(part)
        if not stripped:
            after_role = bool(persons and part)
            continue
        part = stripped
        if is_organization(part, site):
            orgs.append(part)
        elif looks_like_person(part) and not (
            several and len(part.split()) == 1 and not CJK_LETTERS.search(part)
        ):
            persons.append(normalise_case(part))
    return dedupe(persons), dedupe(orgs)


def _after_credential(part: str) -> str:
    """A part that opens with the previous name's degree keeps only what follows it."""
    words = part.split()
    if len(words) > 1 and (fold(words[0]) in CREDENTIALS or fold(words[0]).replace(" ", "") in CREDENTIALS):
        return " ".join(words[1:])
    return part


def _split_with_separators(text: str) -> list[tuple[str, str]]:
    """``[(separator before, part), …]`` with the separator reduced to "," or "and"."""
    pieces = SEPARATORS_CAPTURING.split(text)
    out = [("", pieces[0])]
    for index in range(1, len(pieces) - 1, 2):
        separator = "," if pieces[index].strip() in {",", ";", "，", "、"} else "and"
        out.append((separator, pieces[index + 1]))
    return out


def _clean_part(part: str) -> str | None:
    """One name's worth of byline without its label, publication or prose; None when it credits no author."""
    part = BY_PREFIX.sub("", part).strip(" .,;:-–—|")
    label = PART_LABEL.match(part)
    if label:
        if NON_AUTHOR_LABEL.match(label.group(1)):
            return None  # "photos: Ola Nordmann" credits the photographer, not an author
        part = part[label.end() :]
    if PROSE_VERB.search(part) or SPECIAL_TO.match(part):
        return None  # "Jane Doe is a senior fellow at …", "Special to The Times"
    person = FOR_PUBLICATION.sub("", part)  # "John Roe for The Guardian"; "Institute of Technology" stays
    if person != part and looks_like_person(person) and not is_organization(person):
        part = person
    return part.strip(" .,;:-–—|") or None


def _reorder_last_first(text: str, *, single: bool = False) -> str | None:
    """ "Baev, Pavel K." -> "Pavel K. Baev"; None when the text is not one inverted name.

    ``single``: the text is known to name one person, so a multi-word family name is allowed.
    """
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) != 2 or not all(pieces):
        return None
    last, first = pieces
    if SEPARATORS.search(last) or SEPARATORS.search(first) or is_organization(first) or _is_role(first):
        return None
    if fold(first) in CREDENTIALS or fold(first).replace(" ", "") in CREDENTIALS:
        return None
    last_words, first_words = last.split(), first.split()
    if len(last_words) > 1:
        # "Ó Briain, Séamus" / "van der Berg, Anna": one inverted name; "Jane Doe, John Smith": two names.
        particle = last_words[0].lower() in NAME_PARTICLES or len(last_words[0].strip(".'’")) <= 2
        if not single or not (len(first_words) == 1 or particle):
            return None
    if len(last_words) <= 3 and 1 <= len(first_words) <= 3 and _capitalised(last) and _capitalised(first):
        return f"{first} {last}"
    return None


def _capitalised(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words)


def _is_role(text: str) -> bool:
    words = [w.strip(".,").lower() for w in text.split()]
    return (
        bool(words)
        and all(w in ROLE_WORDS or w in {"of", "the", "at", "for", "and", "in"} for w in words)
        and any(w in ROLE_WORDS for w in words)
    )


def _strip_role(part: str) -> str:
    """Drop a role written beside a name ("Jane Doe, Staff Writer", "Senior Correspondent Jane Doe")."""
    if _is_role(part):
        return ""
    if fold(part).replace(" ", "") in CREDENTIALS or fold(part) in CREDENTIALS:
        return ""
    for sep in (" - ", " – ", " — ", " | "):
        if sep in part:
            head, _, tail = part.partition(sep)
            if _is_role(tail):
                return head.strip()
            if _is_role(head):
                return tail.strip()
    part = CJK_ROLE_SUFFIX.sub("", part)  # 山岸玲奈記者 -> 山岸玲奈
    words = part.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]  # "Dr. Kwame Adjei-Brennan": the title is not part of the name a citation gives
    # Leading role words ("Staff Writer Jane Doe") when what follows still looks like a name.
    lead = 0
    while lead < len(words) - 2 and words[lead].lower().strip(".,") in ROLE_WORDS:
        lead += 1
    if lead:
        words = words[lead:]
    # Trailing ones ("Jane Doe Staff Writer", a line break lost between name and role).
    if len(words) > 2 and words[-1].lower().strip(".,") in ROLE_NOUNS and words[-1][:1].isupper():
        words = words[:-1]
        while len(words) > 2 and words[-1].lower().strip(".,") in ROLE_WORDS and words[-1][:1].isupper():
            words = words[:-1]
    return " ".join(words)


def looks_like_person(name: str) -> bool:
    """Plausibly a personal name: letters, 1-6 words, no digits, not a generic label."""
    if not name or len(name) > 70 or any(ch.isdigit() for ch in name):
        return False
    if fold(name) in GENERIC_NON_NAMES or fold(name) in MONTHS_AND_DAYS:
        return False
    if CJK_LETTERS.search(name):
        return len(name.replace(" ", "")) <= 12
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    if not _LETTER.search(name):
        return False
    if any(
        not _INITIAL.match(w)  # "Scott A. Celinski": a middle initial is not the article "a"
        and w.lower().strip(".,") in FUNCTION_WORDS
        for w in words
    ):
        # "of" is common in organisation names; "Ursula von der Leyen" uses particles instead.
        return False
    capitals = [w for w in words if w[:1].isupper()]
    lower_non_particles = [w for w in words if not w[:1].isupper() and w.lower() not in NAME_PARTICLES]
    if lower_non_particles and not capitals:
        return False  # "status", "volcanism": lower-case words are not how names are bylined
    return not lower_non_particles or len(lower_non_particles) < len(capitals)


def normalise_case(name: str) -> str:
    """Title-case a name written in capitals ("JOE HILDEBRAND" -> "Joe Hildebrand"); keep other names."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) > 3 and all(ch.isupper() for ch in letters) and not CJK_LETTERS.search(name):
        return " ".join(_title_word(w) for w in name.split())
    return name


def _title_word(word: str) -> str:
    if len(word) <= 2 and word.endswith("."):
        return word
    parts = re.split(r"([-'’])", word.lower())
    return "".join(p[:1].upper() + p[1:] if p not in "-'’" else p for p in parts)


def dedupe(items: list[str]) -> list[str]:
    """Drop case/punctuation-insensitive duplicates, keeping the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = fold(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out
