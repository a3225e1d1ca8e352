"""Personal names → CSL name objects: given/family, particles, suffixes, organisations, CJK names.

A byline gives a name as one string ("Ursula von der Leyen", "King, Martin Luther, Jr.",
"王小明").  :func:`person_to_csl` splits it the way a person would type it into Zotero's two
fields (lower-case particles before the surname belong to the family name) and then applies
citeproc-js's own particle parser (:func:`parse_particles`, a port of ``CSL.parseParticles``), so
the object we emit formats exactly as citeproc-js would format the unsplit name, while carrying
the particles explicitly: ``{"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"}``.

Names in Chinese, Japanese or Korean script are written family name first: a space separates the
two when the page has one; otherwise a Chinese or Korean name is split after its surname (one
character, or two for the compound surnames listed below) and a Japanese name is kept whole.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reader.cite.fields import text

_FAMILY_PARTICLE_RE = re.compile(r"^([^ ]+(?:\-|\u02bb|\u2019| |\') *)(.+)$")
_GIVEN_PARTICLE_RE = re.compile(r"^([^ ]+(?:\u02bb |\u2019 | |\' ) *)(.+)$")
_FIRST_CHAR_RE = re.compile(r"^[-'\u02bb\u2019\s]*(.).*$")
_SUFFIX_SPLIT_RE = re.compile(r"(\s*,!*\s*)")

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "4th", "esq", "esq."})

# Two-character Chinese and Korean surnames; every other surname in these scripts is one character.
CHINESE_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "歐陽",
        "司马",
        "司馬",
        "诸葛",
        "諸葛",
        "上官",
        "东方",
        "東方",
        "皇甫",
        "尉迟",
        "尉遲",
        "公孙",
        "公孫",
        "令狐",
        "慕容",
        "长孙",
        "長孫",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "軒轅",
        "端木",
        "独孤",
        "獨孤",
        "南宫",
        "南宮",
        "西门",
        "西門",
        "万俟",
        "闻人",
        "聞人",
        "澹台",
        "澹臺",
        "申屠",
        "太史",
        "呼延",
    ]
)
KOREAN_COMPOUND_SURNAMES = frozenset(["남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"])


def parse_particles(name: dict[str, Any]) -> dict[str, Any]:
    """Split particles and a comma suffix out of ``{family, given}`` exactly as citeproc-js does.

    Port of ``CSL.parseParticles`` (citeproc-js 1.4): lower-case words leading the family name
    become the non-dropping particle, a ``, Jr.`` in the given name the suffix, lower-case words
    ending the given name the dropping particle.  Returns a new dict.
    """
    result = dict(name)
    family = result.get("family")
    if family:
        _, rest, particles = _split_particles(family, from_end=False)
        result["family"] = rest
        non_dropping = _trim_last("".join(particles))
        if non_dropping:
            result["non-dropping-particle"] = non_dropping
    _parse_suffix(result)
    given = result.get("given")
    if given:
        _, rest, particles = _split_particles(given, from_end=True)
        result["given"] = rest
        dropping = "".join(particles).strip()
        if dropping:
            result["dropping-particle"] = dropping
    return result


def _split_particles(value: str, *, from_end: bool) -> tuple[bool, str, list[str]]:
    original = value
    particles: list[str] = []
    has_particle = False
    pattern = _GIVEN_PARTICLE_RE if from_end else _FAMILY_PARTICLE_RE
    if from_end:
        value = value[::-1]
    match = pattern.match(value)
    while match:
        piece = match.group(1)[::-1] if from_end else match.group(1)
        first_char = _FIRST_CHAR_RE.sub(r"\1", piece)
        has_particle = first_char.upper() != first_char
        if not has_particle:
            break
        if from_end:
            particles.append(original[-len(piece) :])
            original = original[: -len(piece)]
        else:
            particles.append(original[: len(piece)])
            original = original[len(piece) :]
        value = match.group(2)
        match = pattern.match(value)
    if from_end:
        value = value[::-1]
        particles.reverse()
        for i in range(1, len(particles)):
            if particles[i][:1] == " ":
                particles[i - 1] += " "
        particles = [p[1:] if p[:1] == " " else p for p in particles]
        value = original[: len(value)]
    else:
        value = original[-len(value) :] if value else original
    return has_particle, value, particles


def _trim_last(text: str) -> str:
    last = text[-1:]
    text = text.strip()
    if last == " " and text[-1:] in ("'", "\u2019"):
        text += " "
    return text


def _parse_suffix(name: dict[str, Any]) -> None:
    given = name.get("given")
    if name.get("suffix") or not given:
        return
    match = _SUFFIX_SPLIT_RE.search(given)
    if not match:
        return
    index = given.index(match.group(1))
    possible_suffix = given[index + len(match.group(1)) :]
    possible_comma = re.sub(r"\s*", "", given[index : index + len(match.group(1))])
    if possible_suffix.replace(".", "") == "et al" and not name.get("dropping-particle"):
        name["dropping-particle"] = possible_suffix
        name["comma-dropping-particle"] = ","
    else:
        if len(possible_comma) == 2:
            name["comma-suffix"] = True
        name["suffix"] = possible_suffix
    name["given"] = given[:index]


# -- splitting a full name ---------------------------------------------------------------------------


def person_to_csl(full_name: str, *, language: str | None = None) -> dict[str, Any] | None:
    """A CSL name object for one person's name as a page prints it, or None for an empty string."""
    name = (text(full_name) or "").strip(" ,;")
    if not name:
        return None
    if _is_east_asian(name):
        return _east_asian_name(name, language)
    if "," in name:
        return _comma_name(name)
    return _spaced_name(name)


def organization_to_csl(name: str) -> dict[str, Any] | None:
    """An organisation as a CSL literal name (never split or abbreviated)."""
    literal = text(name)
    return {"literal": literal} if literal else None


def _comma_name(name: str) -> dict[str, Any]:
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if len(parts) == 1:
        return _spaced_name(parts[0])
    if parts[-1].lower() in SUFFIXES and len(parts) == 2:  # "Martin Luther King, Jr."
        person = _spaced_name(parts[0])
        if "family" in person and "given" in person:
            person["suffix"] = parts[1]
        return person
    family, given = parts[0], parts[1]
    result: dict[str, Any] = {"family": family, "given": given}
    if len(parts) > 2:
        result["suffix"] = ", ".join(parts[2:])
    return parse_particles(result)


def _spaced_name(name: str) -> dict[str, Any]:
    words = name.split(" ")
    suffix = None
    if len(words) > 2 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return {"family": words[0]}
    family_start = len(words) - 1
    # lower-case words just before the surname ("von der", "de", "van") belong to the family name,
    # as someone would type them into Zotero; at least one given name stays.
    while family_start > 1 and _is_particle_word(words[family_start - 1]):
        family_start -= 1
    result: dict[str, Any] = {
        "family": " ".join(words[family_start:]),
        "given": " ".join(words[:family_start]),
    }
    if suffix:
        result["suffix"] = suffix
    return parse_particles(result)


def _is_particle_word(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    return bool(letter) and letter.upper() != letter


def _is_east_asian(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(_script(c) in {"han", "kana", "hangul"} for c in letters)


def _script(char: str) -> str:
    try:
        label = unicodedata.name(char)
    except ValueError:
        return "other"
    if label.startswith("CJK") and "IDEOGRAPH" in label:
        return "han"
    if label.startswith(("HIRAGANA", "KATAKANA")):
        return "kana"
    if label.startswith("HANGUL"):
        return "hangul"
    return "other"


def _east_asian_name(name: str, language: str | None) -> dict[str, Any]:
    parts = name.replace("\u3000", " ").replace("・", " ").split()
    if len(parts) >= 2:
        return {"family": parts[0], "given": " ".join(parts[1:])}
    lang = (language or "").lower()[:2]
    scripts = {_script(c) for c in name if c.isalpha()}
    japanese = lang == "ja" or "kana" in scripts
    if japanese or not 2 <= len(name) <= 4:
        return {"family": name}  # a Japanese surname has no fixed length: never guess the split
    compounds = KOREAN_COMPOUND_SURNAMES if "hangul" in scripts else CHINESE_COMPOUND_SURNAMES
    cut = 2 if len(name) >= 3 and name[:2] in compounds else 1
    return {"family": name[:cut], "given": name[cut:]}
