"""Plain-text page dumps (a page copied or saved as text) turned into HTML the pipeline treats like a page.

Blocks separated by blank lines become paragraphs; a block's lines stay separate paragraphs unless they
look hard-wrapped.  Bullet lines ("• item", "- item") become list items.  The first line that reads like
a headline becomes ``<h1>`` and ``<title>``; site chrome before it (a lone foreign-script line inside an
English dump, "Skip to content", "Menu"…) and app error overlay lines anywhere are dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙●○■□–]|[-*+](?=\s))\s*")
_CHROME_LINE = re.compile(
    r"^(?:skip to (?:main )?content|menu|search|home|sign in|log ?in|subscribe|share|close|"
    r"toggle navigation|accept(?: all)?(?: cookies)?|advertisement)$",
    re.I,
)
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/|\|)\s")  # "Home › News › Politics"
OVERLAY_LINE = re.compile(
    r"an (?:unhandled )?error has occurred\. this application may no longer respond|"
    r"an unhandled exception has occurred\. see browser dev tools|"
    r"^\s*(?:please )?enable javascript to (?:run|view|use) this (?:app|site|page)|"
    r"you need to enable javascript to run this app",
    re.I,
)
_WRAP_MIN = 55  # lines at least this long that stop short of sentence ends look hard-wrapped
_TITLE_MAX = 200
_ABOVE_TITLE_MAX = 60


def text_to_html(text: str) -> str:
    """A whole HTML document for a plain-text dump."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if not OVERLAY_LINE.search(line)]
    latin_text = is_mostly_latin(text)
    blocks = split_blocks(lines)
    title, above, blocks = take_title(blocks, latin_text)
    blocks, lead_caption = take_lead_caption(blocks)
    body = [f"<p>{html.escape(line)}</p>" for line in above]
    if title:
        body.append(f"<h1>{html.escape(title)}</h1>")
    for block in blocks:
        body.extend(render_block(block))
        if lead_caption and any(is_prose(line) for line in block):
            # The story opens the article; the lost lead image's caption follows its first paragraph.
            body.append(f"<figure><figcaption>{html.escape(lead_caption)}</figcaption></figure>")
            lead_caption = None
    head = f"<title>{html.escape(title)}</title>" if title else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
        f"<body><article>{''.join(body)}</article></body></html>"
    )


def split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def take_lead_caption(blocks: list[list[str]]) -> tuple[list[list[str]], str | None]:
    """Take out a line dumped twice in a row (the image's alt text, then its caption) before the story.

    In a text dump the lead image is gone and only that pair is left.  The caption is kept once, as a
    caption, after the story's first paragraph, so the text opens with the story.  Later doubled lines
    are kept once by the cleaner.
    """
    for block_index, block in enumerate(blocks):
        for line_index, line in enumerate(block):
            if is_prose(line):
                return blocks, None
            following = block[line_index + 1] if line_index + 1 < len(block) else None
            if following is not None and following.strip() == line.strip():
                trimmed = block[:line_index] + block[line_index + 2 :]
                rest = blocks[:block_index] + ([trimmed] if trimmed else []) + blocks[block_index + 1 :]
                return rest, line.strip()
    return blocks, None


def is_prose(line: str) -> bool:
    """A line that reads like a paragraph of the story (long, ends like a sentence)."""
    return len(line.split()) >= 15 and line.rstrip().endswith((".", "!", "?", "”", '"', ")", "…"))


def take_title(blocks: list[list[str]], latin_text: bool) -> tuple[str | None, list[str], list[list[str]]]:
    """The headline, the few short lines above it (a kicker, a date), and the blocks after it.

    Chrome lines before the headline are dropped.  A long line before any headline means the dump has
    none: then only leading chrome goes.
    """
    above: list[str] = []
    for block_index, block in enumerate(blocks[:8]):
        for line_index, line in enumerate(block):
            candidate = line.strip()
            if is_chrome_line(candidate, latin_text):
                continue
            if is_headline(candidate):
                rest = block[line_index + 1 :]
                return candidate, above, ([rest] if rest else []) + blocks[block_index + 1 :]
            if len(candidate) > _ABOVE_TITLE_MAX or len(above) >= 3:
                return None, [], _without_chrome(blocks, latin_text)
            above.append(candidate)
    return None, [], _without_chrome(blocks, latin_text)


def _without_chrome(blocks: list[list[str]], latin_text: bool) -> list[list[str]]:
    """Drop leading chrome lines when the dump has no headline."""
    while blocks and blocks[0] and is_chrome_line(blocks[0][0].strip(), latin_text):
        blocks = [blocks[0][1:], *blocks[1:]] if blocks[0][1:] else blocks[1:]
    return blocks


def is_chrome_line(line: str, latin_text: bool) -> bool:
    if _CHROME_LINE.match(line) or len(_BREADCRUMB.findall(line)) >= 2:
        return True
    # A short line in another script inside a Latin-script dump is a site name or spam banner, not a title.
    has_letters = any(ch.isalpha() for ch in line)
    return latin_text and has_letters and len(line) <= 40 and not is_mostly_latin(line)


def is_headline(line: str) -> bool:
    if not line or len(line) > _TITLE_MAX or _BULLET.match(line):
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    words = line.split()
    letters = sum(ch.isalpha() for ch in line)
    if sum(ch.isdigit() for ch in line) * 3 > len(line):  # a date or time stamp, not a headline
        return False
    return letters >= 3 and (len(words) >= 2 or not is_mostly_latin(line)) and len(words) <= 30


def is_mostly_latin(text: str) -> bool:
    """True when most letters are Latin-script (ASCII or accented)."""
    latin = other = 0
    for ch in text[:20000]:
        if not ch.isalpha():
            continue
        if ch.isascii() or "LATIN" in unicodedata.name(ch, ""):
            latin += 1
        else:
            other += 1
    return latin > 0 and latin >= 4 * other


def render_block(block: list[str]) -> list[str]:
    """HTML for one blank-line-separated block: a list, hard-wrapped prose, or one paragraph per line."""
    out: list[str] = []
    items: list[str] = []
    for line in merge_wrapped(block):
        bullet = _BULLET.match(line)
        if bullet and line[bullet.end() :].strip():
            items.append(f"<li>{html.escape(line[bullet.end() :].strip())}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        out.append(f"<p>{html.escape(line.strip())}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return out


def merge_wrapped(block: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped paragraph; keep lines that are whole paragraphs apart."""
    if len(block) < 2 or any(_BULLET.match(line) for line in block):
        return block
    long_lines = [line for line in block[:-1] if len(line) >= _WRAP_MIN]
    lengths = {len(line) for line in block[:-1]}
    wrapped = len(long_lines) == len(block) - 1 and max(lengths) - min(lengths) <= 25 and max(lengths) <= 100
    if not wrapped:
        return block
    return [" ".join(line.strip() for line in block)]
