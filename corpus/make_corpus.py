"""Build the sample corpus: render every invented article into its site's template.

This script owns the generated pages in ``corpus/``: it reads the article sources in
``corpus/source/articles_*.py`` (text and true metadata of each invented article), renders each
one through the template of its invented site (WordPress blog, JSON-LD news site, think-tank blog,
Blazor app shell, plain-text dump, Medium-style post, "Save page as… complete" folder, MHTML, a
Japanese news site), applies the page's encoding or damage (windows-1252, Shift_JIS, no charset
declared, UTF-8 read as GBK with lost bytes, cp1252 mojibake, double mojibake) and writes the page
beside ``NAME.expected.json``, the metadata a careful human would cite.

The outputs are the corpus; they are committed.  Re-run with ``python corpus/make_corpus.py`` after
editing a source; the output is deterministic.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import json
import quopri
import re
import struct
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE_EXTS = (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt")

OVERLAY = (
    "An error has occurred. This application may no longer respond until reloaded. "
    "An unhandled exception has occurred. See browser dev tools for details."
)


# --------------------------------------------------------------------------- the article record


@dataclass
class Art:
    slug: str
    template: str
    title: str
    body: str
    authors: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    date: str | None = None
    time: str = "09:00"
    tz: str = "+01:00"
    modified: str | None = None
    lang: str = "en"
    series: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    dek: str = ""
    caption: str = ""
    credit: str = ""
    damage: str = "utf8"
    url: str | None = "auto"
    section: str = "News"
    handle: str = ""
    roles: list[str] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    contains: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    tests: str = ""

    def __post_init__(self) -> None:
        # Central European summer time for the invented northern sites unless a page says otherwise.
        if self.tz == "+01:00" and self.date and 4 <= Date.fromisoformat(self.date).month <= 10:
            self.tz = "+02:00"


# --------------------------------------------------------------------------- body markup


@dataclass
class Block:
    kind: str  # p h2 h3 quote ul ol fig table
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    src: str = ""
    credit: str = ""


def parse_body(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        first = lines[0]
        if first.startswith("### "):
            blocks.append(Block("h3", first[4:]))
        elif first.startswith("## "):
            blocks.append(Block("h2", first[3:]))
        elif first.startswith("> "):
            blocks.append(Block("quote", " ".join(ln.lstrip("> ") for ln in lines)))
        elif first.startswith("- "):
            blocks.append(Block("ul", items=[ln[2:] for ln in lines]))
        elif re.match(r"\d+\. ", first):
            blocks.append(Block("ol", items=[re.sub(r"^\d+\. ", "", ln) for ln in lines]))
        elif first.startswith("! "):
            parts = [p.strip() for p in first[2:].split("|")]
            blocks.append(
                Block("fig", src=parts[0], text=parts[1], credit=parts[2] if len(parts) > 2 else "")
            )
        elif first.startswith("Table: ") or first.startswith("|"):
            caption = first[7:] if first.startswith("Table: ") else ""
            rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines if ln.startswith("|")]
            blocks.append(Block("table", text=caption, rows=rows))
        else:
            blocks.append(Block("p", " ".join(lines)))
    return blocks


LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def inline_html(text: str) -> str:
    out = html.escape(text, quote=False)
    out = LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", out)


def inline_text(text: str) -> str:
    out = LINK.sub(lambda m: m.group(1), text)
    out = re.sub(r"\*\*(.+?)\*\*", r"\1", out)
    return re.sub(r"\*(.+?)\*", r"\1", out)


def fig_html(b: Block, img_src: str, *, double: bool = False) -> str:
    credit = f' <span class="credit">{inline_html(b.credit)}</span>' if b.credit else ""
    out = (
        f'<figure class="wp-block-image">\n<img src="{img_src}" alt="{html.escape(inline_text(b.text))}"'
        f' width="640" height="400" loading="lazy">\n'
        f"<figcaption>{inline_html(b.text)}{credit}</figcaption>\n</figure>\n"
    )
    if double:
        out += f'<p class="image-caption">{inline_html(b.text)}{credit}</p>\n'
    return out


def blocks_html(blocks: list[Block], img_src=lambda s: s, double_captions: bool = False) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if b.kind == "p":
            out.append(f"<p>{inline_html(b.text)}</p>\n")
        elif b.kind in ("h2", "h3"):
            out.append(f"<{b.kind}>{inline_html(b.text)}</{b.kind}>\n")
        elif b.kind == "quote":
            out.append(f"<blockquote><p>{inline_html(b.text)}</p></blockquote>\n")
        elif b.kind in ("ul", "ol"):
            items = "".join(f"<li>{inline_html(i)}</li>\n" for i in b.items)
            out.append(f"<{b.kind}>\n{items}</{b.kind}>\n")
        elif b.kind == "fig":
            out.append(fig_html(b, img_src(b.src), double=double_captions))
        elif b.kind == "table":
            head, *rows = b.rows
            cap = f"<caption>{inline_html(b.text)}</caption>\n" if b.text else ""
            th = "".join(f"<th>{inline_html(c)}</th>" for c in head)
            trs = "".join("<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in r) + "</tr>\n" for r in rows)
            out.append(f"<table>\n{cap}<thead><tr>{th}</tr></thead>\n<tbody>\n{trs}</tbody>\n</table>\n")
    return out


def blocks_text(blocks: list[Block]) -> list[str]:
    """Plain text as a reader should get it back (used for text_contains and for the .txt dumps)."""
    out: list[str] = []
    for b in blocks:
        if b.kind in ("p", "h2", "h3", "quote"):
            out.append(inline_text(b.text))
        elif b.kind in ("ul", "ol"):
            out.append("\n".join(inline_text(i) for i in b.items))
        elif b.kind == "fig":
            out.append(inline_text(b.text) + (" " + inline_text(b.credit) if b.credit else ""))
        elif b.kind == "table":
            out.append("\n".join("\t".join(inline_text(c) for c in r) for r in b.rows))
    return out


def word_count(a: Art) -> int:
    text = " ".join(blocks_text(parse_body(a.body)))
    if a.lang == "ja":
        return len(re.sub(r"\s", "", text)) // 2  # roughly two characters a word
    return len(text.split())


# --------------------------------------------------------------------------- dates and urls

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def d(a: Art) -> Date:
    return Date.fromisoformat(a.date)


def iso(a: Art, day: str | None = None, time: str | None = None) -> str:
    return f"{day or a.date}T{time or a.time}:00{a.tz}"


def long_date(day: Date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def posted_date(day: Date) -> str:  # "Monday, 22 Jun 2026" like the seed
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def name_list(names: list[str], joiner: str = " and ") -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + joiner + names[-1]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# --------------------------------------------------------------------------- sites

SITES = {
    "wordpress": "The Quiet Ledger",
    "herald": "The Northmere Herald",
    "aima": "Aldenport Institute for Maritime Affairs",
    "ccpr": "Caldrenne Centre for Policy Research",
    "ccpr_txt": "Caldrenne Centre for Policy Research",
    "inkwell": "Inkwell",
    "fathom": "Field & Fathom",
    "lantern": "Lantern Weekly",
    "herald_mhtml": "The Northmere Herald",
    "shiomi": "潮見新報",
}

EXT = {"ccpr_txt": ".txt", "lantern": ".mhtml", "herald_mhtml": ".mhtml"}


def default_url(a: Art) -> str | None:
    day = d(a) if a.date else None
    slug = a.slug.split("-", 2)[-1]
    t = a.template
    if t == "wordpress":
        return f"https://quietledger.example/{day:%Y/%m/%d}/{slug}/"
    if t in ("herald", "herald_mhtml"):
        return f"https://www.northmere-herald.example/{slugify(a.section)}/{day:%Y/%b/%d}/{slug}".lower()
    if t == "aima":
        return f"https://www.aima-aldenport.example/blog/{day:%Y}/{slug}"
    if t == "ccpr":
        return f"https://www.ccpr-caldrenne.example/publications/{slug}"
    if t == "inkwell":
        tail = zlib.crc32(slug.encode()) & 0xFFFFFFFFFFFF
        return f"https://inkwell.example/@{a.handle}/{slug}-{tail:012x}"
    if t == "fathom":
        return f"https://fieldandfathom.example/features/{slug}"
    if t == "lantern":
        return f"https://lanternweekly.example/{slugify(a.section)}/{day:%Y/%m}/{slug}"
    if t == "shiomi":
        return f"https://www.shiomi-shimpo.example/articles/{day:%Y%m%d}/{a.extra['kiji']}.html"
    return None


# --------------------------------------------------------------------------- templates


def charset_meta(a: Art, default: str = '<meta charset="utf-8">') -> str:
    if a.damage == "win1252":
        return '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    if a.damage == "sjis":
        return '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    if a.damage == "nodecl":
        return ""
    return default


def tpl_wordpress(a: Art, url: str) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    post_id = 300 + zlib.crc32(a.slug.encode()) % 600
    category = a.topics[0]
    tag_links = ", ".join(
        f'<a href="https://quietledger.example/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in a.topics
    )
    series_box = ""
    if a.series:
        part, total = a.extra.get("part", (1, 4))
        others = "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in a.extra.get("series_titles", []))
        series_box = (
            f'<div class="seriesmeta">This entry is part {part} of {total} in the series '
            f'<a href="https://quietledger.example/series/{slugify(a.series[0])}/" class="series-{post_id}" '
            f'title="{esc(a.series[0])}">{esc(a.series[0])}</a></div>\n'
            f'<div class="seriesbox"><div class="center">{esc(a.series[0])}</div><ul class="serieslist-ul">'
            f"{others}</ul></div>\n"
        )
    comments = ""
    if a.comments:
        items = "".join(
            f'<li id="comment-{i + 880}" class="comment even thread-even depth-1">'
            f'<article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
            f'<b class="fn">{esc(who)}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><time datetime="{iso(a)}">{long_date(day)} at 21:0{i}</time>'
            f'</div></footer><div class="comment-content"><p>{esc(said)}</p></div>'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div>'
            f"</article></li>\n"
            for i, (who, said) in enumerate(a.comments)
        )
        n = len(a.comments)
        comments = (
            f'<div id="comments" class="comments-area">\n<h2 class="comments-title">{n} thoughts on '
            f'&ldquo;{esc(a.title)}&rdquo;</h2>\n<ol class="comment-list">\n{items}</ol>\n'
            '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">'
            'Leave a Reply</h3><form action="https://quietledger.example/wp-comments-post.php" '
            'method="post" id="commentform"><p class="comment-notes">Your email address will not be '
            'published. Required fields are marked *</p><textarea id="comment" name="comment">'
            '</textarea><input name="submit" type="submit" value="Post Comment"></form></div>\n</div>\n'
        )
    recent = "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in a.extra.get("recent", []))
    author = a.authors[0]
    author_slug = slugify(author)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
{charset_meta(a, '<meta charset="UTF-8">')}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} &#8211; The Quiet Ledger</title>
<meta name='robots' content='max-image-preview:large'>
<link rel="alternate" type="application/rss+xml" title="The Quiet Ledger &raquo; Feed" href="https://quietledger.example/feed/">
<link rel='stylesheet' id='ledger-style-css' href='https://quietledger.example/wp-content/themes/ledger/style.css?ver=6.6.2' media='all'>
<script src="https://quietledger.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="canonical" href="{url}">
<link rel='shortlink' href='https://quietledger.example/?p={post_id}'>
<meta name="generator" content="WordPress 6.6.2">
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="https://quietledger.example/" rel="home">The Quiet Ledger</a></p>
<p class="site-description">Notes on money, harbours and the people between them</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu">Menu</button>
<ul id="primary-menu" class="menu"><li><a href="https://quietledger.example/">Home</a></li><li><a href="https://quietledger.example/about/">About Ilse</a></li><li><a href="https://quietledger.example/archives/">Archives</a></li><li><a href="https://quietledger.example/reading-list/">Reading list</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry category-{slugify(category)}">
<header class="entry-header">
<span class="cat-links"><a href="https://quietledger.example/category/{slugify(category)}/" rel="category tag">{esc(category)}</a></span>
<h1 class="entry-title">{esc(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{url}" rel="bookmark"><time class="entry-date published" datetime="{iso(a)}">{long_date(day)}</time><time class="updated" datetime="{iso(a, a.modified or a.date, "18:40")}">{long_date(Date.fromisoformat(a.modified or a.date))}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://quietledger.example/author/{author_slug}/">{esc(author)}</a></span></span></div>
</header>
<div class="entry-content">
{series_box}{"".join(blocks_html(blocks, lambda s: f"https://quietledger.example/wp-content/uploads/{day:%Y/%m}/{s}"))}<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">
<h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-x"><a rel="nofollow noopener" class="share-x sd-button" href="{url}?share=x" target="_blank"><span>Share on X (Opens in new window)</span></a></li>
<li class="share-facebook"><a rel="nofollow noopener" class="share-facebook sd-button" href="{url}?share=facebook" target="_blank"><span>Share on Facebook (Opens in new window)</span></a></li>
<li class="share-email"><a rel="nofollow noopener" class="share-email sd-button" href="mailto:?subject=%5BShared%20Post%5D"><span>Email a link to a friend</span></a></li>
</ul></div></div></div>
<div class="wpl-likebox"><span class="wpl-count">Like this:</span> <a class="like" href="#">Like</a> <span>Loading...</span></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tagged {tag_links}</span> <span class="edit-link"></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">
<div class="nav-previous"><a href="#" rel="prev"><span class="meta-nav">Previous post:</span> {esc(a.extra.get("prev", "Ledger notes, week 12"))}</a></div></div></nav>
{comments}</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://quietledger.example/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li class="cat-item"><a href="https://quietledger.example/category/central-banking/">Central Banking</a> (14)</li><li class="cat-item"><a href="https://quietledger.example/category/fisheries/">Fisheries</a> (6)</li><li class="cat-item"><a href="https://quietledger.example/category/housing/">Housing</a> (9)</li><li class="cat-item"><a href="https://quietledger.example/category/trade/">Trade</a> (11)</li></ul></section>
<section id="text-3" class="widget widget_text"><h2 class="widget-title">Subscribe by email</h2><div class="textwidget"><p>Get new posts from the Ledger in your inbox, about twice a month. No spam, ever.</p></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a><span class="sep"> | </span>Theme: Ledger by Harbourline Themes.</div></footer>
</div>
<div id="cookie-law-info-bar" data-nosnippet="true"><span>This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. <a role="button" class="cli_settings_button">Cookie settings</a> <a role="button" id="cookie_action_close_header" class="cli-plugin-button">ACCEPT</a></span></div>
<script src="https://stats.quietledger.example/e-202547.js" defer></script>
</body>
</html>
"""


def herald_byline(a: Art) -> str:
    if a.organizations and not a.authors:
        return f'By <span class="byline-org">{esc(a.organizations[0])}</span>'
    links = [
        f'<a rel="author" class="contributor" href="https://www.northmere-herald.example/profile/{slugify(n)}">'
        f"{esc(n)}</a>"
        for n in a.authors
    ]
    role = f'<span class="role">{esc(a.roles[0])}</span>' if a.roles else ""
    return "By " + name_list(links) + (f", {role}" if role else "")


def herald_jsonld(a: Art, url: str) -> str:
    base = "https://www.northmere-herald.example"
    if a.authors:
        authors = [{"@type": "Person", "name": n, "url": f"{base}/profile/{slugify(n)}"} for n in a.authors]
    else:
        authors = [{"@type": "Organization", "name": n} for n in a.organizations]
    article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "headline": a.title,
        "description": a.dek,
        "datePublished": iso(a),
        "dateModified": iso(a, a.modified or a.date, "17:45"),
        "author": authors,
        "publisher": {"@id": f"{base}/#organization"},
        "mainEntityOfPage": {"@id": url},
        "image": [f"https://i.northmere-herald.example/img/{d(a):%Y}/{a.slug}/master/1200.jpg"],
        "articleSection": a.section,
        "keywords": a.topics,
        "inLanguage": "en-GB",
    }
    if a.series:
        article["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": a.series[0],
            "url": f"{base}/series/{slugify(a.series[0])}",
        }
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            article,
            {
                "@type": "Organization",
                "@id": f"{base}/#organization",
                "name": "The Northmere Herald",
                "url": f"{base}/",
                "logo": {"@type": "ImageObject", "url": f"{base}/static/logo-600.png"},
            },
            {
                "@type": "WebSite",
                "@id": f"{base}/#website",
                "name": "The Northmere Herald",
                "url": f"{base}/",
            },
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{base}/"},
                    {
                        "@type": "ListItem",
                        "position": 2,
                        "name": a.section,
                        "item": f"{base}/{slugify(a.section)}",
                    },
                ],
            },
        ],
    }
    return json.dumps(graph, ensure_ascii=False, indent=1)


def tpl_herald(a: Art, url: str) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    parts = blocks_html(blocks, lambda s: f"https://i.northmere-herald.example/img/{day:%Y}/{a.slug}/{s}")
    newsletter = (
        '<aside class="newsletter-signup" data-component="newsletter">\n<h3>Sign up to Morning Tide</h3>\n'
        "<p>Our free daily briefing on Northmere and the Vessel Sea, in your inbox before the first ferry "
        'leaves.</p>\n<form><input type="email" placeholder="Your email address"><button>Sign up'
        '</button></form>\n<p class="small">We will not share your address. See our privacy notice.'
        "</p>\n</aside>\n"
    )
    parts.insert(min(3, len(parts)), newsletter)
    kicker = ""
    if a.series:
        kicker = (
            f'<div class="kicker"><a href="https://www.northmere-herald.example/series/'
            f'{slugify(a.series[0])}">{esc(a.series[0])}</a></div>\n'
        )
    topics = "".join(
        f'<li><a href="https://www.northmere-herald.example/{slugify(t)}">{esc(t)}</a></li>' for t in a.topics
    )
    teasers = "".join(f'<li><a href="#">{esc(t)}</a></li>\n' for t in a.teasers)
    og_url = url + a.extra.get("og_suffix", "")
    pub_utc = a.extra.get("published_utc", iso(a))
    tags = "\n".join(f'<meta property="article:tag" content="{esc(t)}">' for t in a.topics)
    caption = ""
    if a.caption:
        caption = (
            f'<figure class="lead-media"><img src="https://i.northmere-herald.example/img/{day:%Y}/{a.slug}/'
            f'master/1200.jpg" alt="{esc(a.caption)}"><figcaption><span class="caption">{esc(a.caption)}'
            f'</span> <span class="credit">{esc(a.credit)}</span></figcaption></figure>\n'
        )
    shown = a.extra.get(
        "shown_time",
        f"{day:%a} {day.day} {day:%b} {day.year} {a.time.replace(':', '.')} {'CEST' if a.tz == '+02:00' else 'CET'}",
    )
    return f"""<!doctype html>
<html lang="en-GB" class="js">
<head>
{charset_meta(a)}
<title>{esc(a.title)} | {esc(a.section)} | The Northmere Herald</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="{esc(a.dek)}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(a.dek)}">
<meta property="og:url" content="{og_url}">
<meta property="og:site_name" content="The Northmere Herald">
<meta property="og:image" content="https://i.northmere-herald.example/img/{day:%Y}/{a.slug}/master/1200.jpg">
<meta property="article:published_time" content="{pub_utc}">
<meta property="article:modified_time" content="{iso(a, a.modified or a.date, "17:45")}">
<meta property="article:section" content="{esc(a.section)}">
{tags}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@NorthmereHerald">
<script type="application/ld+json">
{herald_jsonld(a, url)}
</script>
<link rel="stylesheet" href="https://assets.northmere-herald.example/css/story.9f2c1.css">
<script async src="https://cdn.adsquare-tracker.example/tag.js?site=nmh"></script>
</head>
<body class="story section-{slugify(a.section)}">
<div id="consent-banner" class="cmp-banner" role="dialog" aria-label="Cookie consent">
<p>We and our 214 partners use cookies and similar technologies to store and access information on your device, to personalise ads and content, and to measure audiences. You can change your choices at any time under Privacy settings.</p>
<button class="cmp-accept">Accept all cookies</button> <button class="cmp-manage">Manage preferences</button>
</div>
<header class="masthead"><a class="logo" href="https://www.northmere-herald.example/">The Northmere Herald</a>
<nav class="sections" aria-label="Sections"><ul>
<li><a href="https://www.northmere-herald.example/news">News</a></li><li><a href="https://www.northmere-herald.example/politics">Politics</a></li><li><a href="https://www.northmere-herald.example/business">Business</a></li><li><a href="https://www.northmere-herald.example/climate">Climate</a></li><li><a href="https://www.northmere-herald.example/opinion">Opinion</a></li><li><a href="https://www.northmere-herald.example/culture">Culture</a></li>
</ul></nav>
<a class="subscribe-cta" href="https://www.northmere-herald.example/subscribe">Subscribe from €1 a week</a>
</header>
<main id="maincontent">
<article class="story-article">
{kicker}<h1 class="headline">{esc(a.title)}</h1>
<p class="standfirst">{esc(a.dek)}</p>
<div class="meta">
<p class="byline">{herald_byline(a)}</p>
<p class="dateline"><time datetime="{iso(a)}">{shown}</time> · <span class="modified">Last modified on {long_date(Date.fromisoformat(a.modified or a.date))}</span></p>
</div>
<div class="share-tools" aria-label="Share this article"><button class="share">Share</button> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a> <button class="copy">Copy link</button> <span class="comments-count">412 comments</span></div>
{caption}<div class="article-body" itemprop="articleBody">
{"".join(parts)}</div>
<div class="story-topics"><h4>Explore more on these topics</h4><ul>{topics}</ul></div>
</article>
<section class="related onward"><h2>More on this story</h2><ul>
{teasers}</ul></section>
<section class="most-viewed"><h2>Most viewed</h2><ol><li><a href="#">Ferry timetable chaos as Brackwater strike enters third day</a></li><li><a href="#">The best walks on the Saarvik coast this winter</a></li><li><a href="#">Crossword 18,442</a></li></ol></section>
</main>
<footer class="site-footer"><ul><li><a href="#">About us</a></li><li><a href="#">Privacy policy</a></li><li><a href="#">Terms and conditions</a></li><li><a href="#">Contact the newsroom</a></li></ul>
<p>© {day.year} Herald Media Group Ltd. All rights reserved.</p></footer>
<script src="https://assets.northmere-herald.example/js/story.bundle.4d1e.js" defer></script>
<img src="https://pixel.adsquare-tracker.example/p.gif?u=nmh" width="1" height="1" alt="">
</body>
</html>
"""


def foot_blocks(a: Art) -> tuple[str, str]:
    series = "".join(f'<li><a href="/series/{slugify(s)}">{esc(s)}</a></li>' for s in a.series)
    topics = "".join(f'<li><a href="/topics/{slugify(t)}">{esc(t)}</a></li>' for t in a.topics)
    return series, topics


def tpl_aima(a: Art, url: str) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    src = lambda s: f"https://www.aima-aldenport.example/media/{day:%Y}/{s}"  # noqa: E731
    body = "".join(blocks_html(blocks, src, double_captions=True))
    lead = ""
    if a.caption:
        lead = fig_html(Block("fig", text=a.caption, credit=a.credit), src(a.slug + ".jpg"), double=True)
    byline = name_list([f'<a href="/people/{slugify(n)}">{esc(n)}</a>' for n in a.authors])
    notes = "".join(f"<li>{esc(n)}</li>" for n in a.extra.get("notes", []))
    series, topics = foot_blocks(a)
    series_block = (
        f'<section class="post-series"><h3>Part of the series</h3><ul>{series}</ul></section>\n'
        if a.series
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{charset_meta(a)}
<title>{esc(a.title)} - Aldenport Institute for Maritime Affairs</title>
<meta name="description" content="{esc(a.dek)}">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:site_name" content="Aldenport Institute for Maritime Affairs">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/assets/aima.css">
<script src="https://www.aima-aldenport.example/assets/site.js"></script>
</head>
<body class="page-blog">
<div class="topbar"><a class="brand" href="/">AIMA</a>
<ul class="mainnav"><li><a href="/publications">Publications</a></li><li><a href="/experts">Experts</a></li><li><a href="/events">Events</a></li><li><a href="/about">About the Institute</a></li><li><a href="/search">Search</a></li></ul></div>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/blog">Blog</a></div>
<main>
<article class="blog-post">
<h1>{esc(a.title)}</h1>
<p class="post-byline">Posted {posted_date(day)} by {byline}</p>
{lead}<div class="post-body">
{body}</div>
<ul class="author-notes">{notes}</ul>
{series_block}<section class="post-topics"><h3>Related topics</h3><ul>{topics}</ul></section>
</article>
<aside class="newsletter-box"><h2>Sign up for AIMA Briefings</h2><p>Analysis of the Vessel Sea region from our researchers, once a month.</p><form><input type="email" name="email"><button type="submit">Subscribe</button></form></aside>
</main>
<footer class="site-footer"><p>Aldenport Institute for Maritime Affairs · Kaiplassen 4 · 1150 Aldenport</p><p>© Aldenport Institute for Maritime Affairs. Views expressed are the authors' own.</p><p><a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></p></footer>
</body>
</html>
"""


def tpl_ccpr(a: Art, url: str | None) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    src = lambda s: f"https://cdn.ccpr-caldrenne.example/images/{s}"  # noqa: E731
    body = "".join(blocks_html(blocks, src, double_captions=True))
    lead = ""
    if a.caption:
        lead = fig_html(Block("fig", text=a.caption, credit=a.credit), src(a.slug + ".jpg"), double=True)
    byline = name_list([f'<a href="experts/{slugify(n)}">{esc(n)}</a>' for n in a.authors])
    notes = "".join(f"<li>{esc(n)}</li>" for n in a.extra.get("notes", []))
    series, topics = foot_blocks(a)
    saved = f"<!-- saved from url=({len(url):04d}){url} -->\n" if url and a.extra.get("saved_from") else ""
    canonical = f'<link rel="canonical" href="{url}" />\n' if url and not a.extra.get("saved_from") else ""
    head_title = a.extra.get("head_title", "CCPR")
    series_block = (
        f'<div class="tag-block"><h3>Part of the series</h3><ul>{series}</ul></div>\n' if a.series else ""
    )
    return f"""<!DOCTYPE html>
{saved}<html lang="en">
<head>
{charset_meta(a)}
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{esc(head_title)}</title>
<base href="/" />
{canonical}<link rel="stylesheet" href="css/bootstrap/bootstrap.min.css" />
<link href="css/app.css" rel="stylesheet" />
<link href="Ccpr.Web.styles.css" rel="stylesheet" />
<!--Blazor:{{"type":"server","prerenderId":"{zlib.crc32(a.slug.encode()):08x}","key":{{"locationHash":"77D12F14A8105320B1AAED6AE7E689DA0EC4483270A645E84079EAA0FFDF550D:0"}}}}-->
</head>
<body>
<app>
<div class="page">
<div class="sidebar">
<div class="top-row ps-3 navbar navbar-dark"><div class="container-fluid"><a class="navbar-brand" href="">Caldrenne Centre for Policy Research</a><button title="Navigation menu" class="navbar-toggler"><span class="navbar-toggler-icon"></span></button></div></div>
<div class="nav-scrollable"><nav class="flex-column">
<div class="nav-item px-3"><a href="" class="nav-link">Home</a></div>
<div class="nav-item px-3"><a href="publications" class="nav-link">Publications</a></div>
<div class="nav-item px-3"><a href="research-areas" class="nav-link">Research areas</a></div>
<div class="nav-item px-3"><a href="experts" class="nav-link">Our experts</a></div>
<div class="nav-item px-3"><a href="events" class="nav-link">Events</a></div>
</nav></div>
</div>
<main>
<div class="top-row px-4"><a href="search">Search</a> <a href="about">About CCPR</a> <a href="newsletter">Newsletter</a></div>
<article class="content px-4">
<div class="publication">
<h1>{esc(a.title)}</h1>
<p class="byline">Posted {posted_date(day)} by {byline}</p>
{lead}<div class="publication-body">
{body}</div>
<ul class="notes">{notes}</ul>
{series_block}<div class="tag-block"><h3>Related topics</h3><ul>{topics}</ul></div>
</div>
</article>
<footer class="app-footer px-4">© {day.year} Caldrenne Centre for Policy Research · Vestre Allé 12 · Caldrenne · <a href="privacy">Privacy</a></footer>
</main>
</div>
</app>
<div id="blazor-error-ui">
    An error has occurred. This application may no longer respond until reloaded. An unhandled exception has occurred. See browser dev tools for details.
    <a href="" class="reload">Reload</a>
    <a class="dismiss">🗙</a>
</div>
<script src="_framework/blazor.server.js"></script>
</body>
</html>
"""


def tpl_ccpr_txt(a: Art, url: str | None) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    lines: list[str] = []
    lines += a.extra.get("chrome", ["Caldrenne Centre for Policy Research"])
    lines += ["", a.title, "", f"Posted {posted_date(day)} by {name_list(a.authors)}", ""]
    if a.caption:
        cap = f"{a.caption} {a.credit}".strip()
        lines += [cap, cap, ""]
    for b, text in zip(blocks, blocks_text(blocks), strict=True):
        if b.kind == "ul":
            lines += ["  • " + ln for ln in text.splitlines()] + [""]
        elif b.kind == "fig":
            lines += [text, text, ""]
        else:
            lines += [text, ""]
    lines += ["  • " + n for n in a.extra.get("notes", [])]
    lines += [""]
    if a.series:
        lines += ["Part of the series", "", *a.series, ""]
    lines += ["Related topics", "", *a.topics]
    lines.append(OVERLAY + " Reload 🗙")
    return "\n".join(lines)


def tpl_inkwell(a: Art, url: str) -> str:
    day = d(a)
    author = a.authors[0]
    blocks = parse_body(a.body)
    body = "".join(blocks_html(blocks, lambda s: f"https://miro.inkwell.example/v2/resize:fit:1400/{s}"))
    minutes = max(2, round(word_count(a) / 230))
    shown = a.extra.get("shown_date", f"{day:%b} {day.day}, {day.year}")
    tags = "".join(
        f'<a class="tag" href="https://inkwell.example/tag/{slugify(t)}">{esc(t)}</a>' for t in a.topics
    )
    ld = {
        "@context": "http://schema.org",
        "@type": "BlogPosting",
        "headline": a.title,
        "description": a.dek,
        "url": url,
        "datePublished": f"{a.date}T{a.time}:11.482Z",
        "dateModified": f"{a.modified or a.date}T20:03:51.117Z",
        "author": {
            "@type": "Person",
            "name": a.extra.get("ld_author", author),
            "url": f"https://inkwell.example/@{a.handle}",
        },
        "publisher": {"@type": "Organization", "name": "Inkwell", "url": "https://inkwell.example"},
        "mainEntityOfPage": url,
        "image": [f"https://miro.inkwell.example/v2/resize:fit:1200/{a.slug}.jpeg"],
    }
    clapbar = (
        '<div class="pw-multi-vote"><button data-testid="headerClapButton" aria-label="clap">'
        f'<span>👏</span></button><p class="clap-count">{a.extra.get("claps", "1.2K")}</p>'
        f'<button aria-label="responses"><span>💬</span> {a.extra.get("responses", 38)}</button>'
        '<button aria-label="Add to list">Save</button><button aria-label="Listen">Listen</button>'
        '<button aria-label="Share">Share</button></div>\n'
    )
    shown_author = a.extra.get("shown_author", author)
    teasers = "".join(
        f'<div class="teaser"><h3>{esc(t)}</h3><p>{minutes + 2} min read</p></div>' for t in a.teasers
    )
    return f"""<!doctype html>
<html lang="{a.lang}">
<head>
{charset_meta(a)}
<title>{esc(a.title)} | by {esc(shown_author)} | Inkwell</title>
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{esc(a.dek)}">
<meta property="og:site_name" content="Inkwell">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(a.dek)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{a.date}T{a.time}:11.482Z">
<meta name="author" content="{esc(shown_author)}">
<meta property="article:author" content="https://inkwell.example/@{a.handle}">
<meta name="twitter:data1" content="{minutes} min read">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.__APOLLO_STATE__ = {{"ROOT_QUERY":{{"viewer":null}},"Post:{zlib.crc32(a.slug.encode()):x}":{{"clapCount":1204}}}}</script>
</head>
<body>
<div id="root">
<div class="metabar"><a href="https://inkwell.example/" aria-label="Homepage">Inkwell</a> <a href="https://inkwell.example/new-story">Write</a> <a href="https://inkwell.example/m/signin">Sign up</a> <a href="https://inkwell.example/m/signin">Sign in</a></div>
<div class="banner-top">Get the Inkwell app</div>
<article>
<div class="section-inner">
<h1 data-testid="storyTitle" class="pw-post-title">{esc(a.title)}</h1>
<h2 class="pw-subtitle-paragraph">{esc(a.dek)}</h2>
<div class="author-bar"><a href="https://inkwell.example/@{a.handle}"><img alt="{esc(shown_author)}" src="https://miro.inkwell.example/v2/resize:fill:88:88/{a.handle}.jpeg" width="44" height="44"></a>
<div><span data-testid="authorName"><a href="https://inkwell.example/@{a.handle}">{esc(shown_author)}</a></span> · <button class="follow">Follow</button></div>
<div><span data-testid="storyReadTime">{minutes} min read</span> · <span data-testid="storyPublishDate">{shown}</span></div></div>
{clapbar}<section class="pw-post-body-paragraph">
{body}</section>
<div class="tags">{tags}</div>
{clapbar}</div>
</article>
<div class="author-footer"><h2>Written by {esc(shown_author)}</h2><p class="followers">{a.extra.get("followers", "2.4K")} Followers</p><p class="bio">{esc(a.extra.get("bio", ""))}</p><button class="follow">Follow</button></div>
<div class="more-from"><h2>More from {esc(shown_author)}</h2>{teasers}</div>
<div class="recommended"><h2>Recommended from Inkwell</h2><div class="teaser"><h3>I quit my job to sail the Skerry Channel. Here is what it cost.</h3><p>11 min read</p></div><div class="teaser"><h3>Ten tools every freelance analyst should know</h3><p>5 min read</p></div></div>
<footer class="inkwell-footer"><a href="#">Help</a> <a href="#">Status</a> <a href="#">About</a> <a href="#">Careers</a> <a href="#">Privacy</a> <a href="#">Terms</a></footer>
</div>
<script src="https://cdn-client.inkwell.example/lite/static/js/main.8c2f1a.js"></script>
</body>
</html>
"""


def tpl_fathom(a: Art, url: str, files: str) -> str:
    blocks = parse_body(a.body)
    body = "".join(blocks_html(blocks, lambda s: f"./{files}/{s}"))
    dated = ""
    metas = ""
    if a.date:
        day = d(a)
        dated = (
            f'<time class="pubdate" datetime="{a.date}">{MONTHS[day.month - 1]} {day.day}, {day.year}</time>'
        )
        metas = f'<meta property="article:published_time" content="{iso(a)}">\n'
    tags = "\n".join(f'<meta property="article:tag" content="{esc(t)}">' for t in a.topics)
    filed = " · ".join(
        f'<a href="https://fieldandfathom.example/topics/{slugify(t)}" rel="tag">{esc(t)}</a>'
        for t in a.topics
    )
    lead = ""
    if a.caption:
        lead = (
            f'<figure class="hero"><img src="./{files}/hero.jpg" alt="{esc(a.caption)}" width="96" '
            f'height="64"><figcaption>{esc(a.caption)} <span class="credit">{esc(a.credit)}</span>'
            "</figcaption></figure>\n"
        )
    author_meta = "".join(f'<meta name="author" content="{esc(n)}">\n' for n in a.authors)
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} — Field &amp; Fathom</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="Field &amp; Fathom">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:type" content="article">
{metas}{tags}
{author_meta}<link rel="stylesheet" href="./{files}/fathom.css">
<script src="./{files}/consent.js"></script>
<script async="" src="https://www.googletagmanager.example/gtag/js?id=G-F4THOM22"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-F4THOM22');</script>
</head>
<body class="feature">
<div class="cookie-notice" id="cookie-notice"><p>Field &amp; Fathom uses cookies for analytics and to remember your preferences. <a href="https://fieldandfathom.example/privacy">Cookie settings</a> <button>Got it</button></p></div>
<header class="site-head"><a href="https://fieldandfathom.example/" class="wordmark"><img src="./{files}/logo.svg" alt="Field &amp; Fathom" width="120" height="24"></a>
<nav><a href="https://fieldandfathom.example/oceans">Oceans</a> <a href="https://fieldandfathom.example/land">Land</a> <a href="https://fieldandfathom.example/climate">Climate</a> <a href="https://fieldandfathom.example/field-notes">Field notes</a> <a href="https://fieldandfathom.example/donate" class="donate">Donate</a></nav></header>
<main><article class="feature-article">
<p class="rubric">{esc(a.section)}</p>
<h1 class="feature-title">{esc(a.title)}</h1>
<p class="dek">{esc(a.dek)}</p>
<p class="byline">{"By " + esc(name_list(a.authors)) if a.authors else ""} {dated}</p>
{lead}<div class="feature-body">
{body}</div>
<p class="filed">Filed under: {filed}</p>
</article>
<aside class="support-box"><h2>Support independent science journalism</h2><p>Field &amp; Fathom is reader-funded. A gift of any size keeps our reporters in the field.</p><a href="https://fieldandfathom.example/donate">Give today</a></aside>
<aside class="related"><h2>Read more</h2><ul><li><a href="https://fieldandfathom.example/features/storm-petrels">The storm petrels that came back</a></li><li><a href="https://fieldandfathom.example/features/peat-fires">Why the peat keeps burning</a></li></ul></aside>
</main>
<footer class="site-foot"><p>© Field &amp; Fathom Foundation. Registered charity no. 4410287.</p></footer>
<img src="https://pixel.adnet-metrics.example/collect?cid=ff-2291&amp;ev=pageview" width="1" height="1" alt="" style="display:none">
<iframe src="https://ads.adnet-metrics.example/frame?slot=ff-side" width="300" height="250" title="Advertisement"></iframe>
</body></html>
"""


def tpl_lantern(a: Art, url: str) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    base = "https://lanternweekly.example/media/"
    body = "".join(blocks_html(blocks, lambda s: base + s))
    cites = "".join(f'<meta name="citation_author" content="{esc(n)}">\n' for n in a.authors)
    series = ""
    if a.series:
        series = (
            f'<p class="series-flag">Part of our series <a href="https://lanternweekly.example/series/'
            f'{slugify(a.series[0])}">{esc(a.series[0])}</a></p>\n'
        )
    tags = "".join(
        f'<li><a href="https://lanternweekly.example/tag/{slugify(t)}" rel="tag">{esc(t)}</a></li>'
        for t in a.topics
    )
    keywords = ", ".join(a.topics)
    teasers = "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in a.teasers)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{esc(a.title)} · Lantern Weekly</title>
<meta name="citation_title" content="{esc(a.title)}">
{cites}<meta name="citation_publication_date" content="{day:%Y/%m/%d}">
<meta name="citation_journal_title" content="Lantern Weekly">
<meta name="keywords" content="{esc(keywords)}">
<meta property="og:site_name" content="Lantern Weekly">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<style>body{{font-family:Georgia,serif}} .paywall-nag{{position:fixed;bottom:0}}</style>
</head><body>
<div class="paywall-nag">You have read 2 of 3 free articles this month. <a href="https://lanternweekly.example/subscribe">Subscribe to Lantern</a> for unlimited access.</div>
<div class="consent">Lantern Weekly uses cookies to keep you signed in and to understand how our site is used. <button>OK</button></div>
<header><a href="https://lanternweekly.example/" class="masthead-logo"><img src="{base}lantern-logo.png" alt="Lantern Weekly" width="32" height="32"></a>
<nav><a href="https://lanternweekly.example/culture">Culture</a> | <a href="https://lanternweekly.example/society">Society</a> | <a href="https://lanternweekly.example/books">Books</a> | <a href="https://lanternweekly.example/letters">Letters</a></nav></header>
<main><article>
{series}<h1>{esc(a.title)}</h1>
<p class="dek">{esc(a.dek)}</p>
<p class="byline">Words by {esc(name_list(a.authors))} · {day.day} {MONTHS[day.month - 1]} {day.year}</p>
<div class="article-text">
{body}</div>
<ul class="tags">{tags}</ul>
</article>
<aside class="read-next"><h2>Read next</h2><ul>{teasers}</ul></aside>
</main>
<footer><p>Lantern Weekly is published by Lantern Press Cooperative, Caldrenne.</p></footer>
</body></html>
"""


def tpl_shiomi(a: Art, url: str) -> str:
    day = d(a)
    blocks = parse_body(a.body)
    body = "".join(blocks_html(blocks, lambda s: f"https://www.shiomi-shimpo.example/img/{s}"))
    tags = "".join(f'<li><a href="/tag/{i}">{esc(t)}</a></li>' for i, t in enumerate(a.topics))
    metas = "\n".join(f'<meta property="article:tag" content="{esc(t)}">' for t in a.topics)
    hh, mm = a.time.split(":")
    teasers = "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in a.teasers)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
{charset_meta(a)}
<title>{esc(a.title)}｜潮見新報</title>
<meta name="description" content="{esc(a.dek)}" />
<meta property="og:title" content="{esc(a.title)}" />
<meta property="og:site_name" content="潮見新報" />
<meta property="og:url" content="{url}" />
<meta property="article:published_time" content="{iso(a)}" />
{metas}
<link rel="canonical" href="{url}" />
<script type="text/javascript" src="/js/common.js"></script>
</head>
<body>
<div id="header"><p class="logo"><a href="/">潮見新報</a></p>
<ul id="gnavi"><li><a href="/">トップ</a></li><li><a href="/local/">地域</a></li><li><a href="/economy/">経済</a></li><li><a href="/sports/">スポーツ</a></li><li><a href="/opinion/">オピニオン</a></li></ul></div>
<div id="main"><div class="article">
<h1>{esc(a.title)}</h1>
<p class="date">{day.year}年{day.month}月{day.day}日 {int(hh)}時{mm}分</p>
<p class="author">{esc(a.authors[0])}記者</p>
<div class="sns-share">この記事をシェア <a href="#">ポスト</a> <a href="#">シェア</a> <a href="#">LINEで送る</a></div>
<div class="article-body">
{body}</div>
<div class="tags"><p>関連タグ</p><ul>{tags}</ul></div>
</div>
<div class="related"><h2>関連記事</h2><ul>{teasers}</ul></div></div>
<div id="footer"><p>潮見新報社　〒790-0000 潮見市港町1-2-3</p><p>掲載記事・写真の無断転載を禁じます。Copyright © 潮見新報社 All rights reserved.</p></div>
</body>
</html>
"""


# --------------------------------------------------------------------------- encodings and damage


def sloppy_cp1252(data: bytes) -> str:
    """Decode bytes as a browser does windows-1252: the five undefined bytes become C1 controls."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def damage_text(text: str, damage: str) -> tuple[str, bytes]:
    """The page text after the damage, and the bytes written to disk."""
    if damage == "gbk":  # like the seed: a scraper read UTF-8 as GBK and dropped what GBK refused
        bad = text.encode("utf-8").decode("gbk", errors="ignore")
        return bad, bad.encode("utf-8")
    if damage == "cp1252moji":
        bad = sloppy_cp1252(text.encode("utf-8"))
        return bad, bad.encode("utf-8")
    if damage == "double":
        bad = sloppy_cp1252(sloppy_cp1252(text.encode("utf-8")).encode("utf-8"))
        return bad, bad.encode("utf-8")
    if damage == "win1252":
        return text, text.encode("cp1252", errors="xmlcharrefreplace")
    if damage == "sjis":
        return text, text.encode("shift_jis", errors="xmlcharrefreplace")
    return text, text.encode("utf-8")


MOJIBAKE_MARKERS = {"gbk": ["鈥"], "cp1252moji": ["â€"], "double": ["Ã¢â‚¬", "â€"]}


# --------------------------------------------------------------------------- images


def png_bytes(width: int, height: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> bytes:
    rows = b""
    for y in range(height):
        t = y / max(1, height - 1)
        px = bytes(round(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        rows += b"\x00" + px * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def jpeg_file(path: Path, top: str, bottom: str) -> None:
    """A small real JPEG (a vertical gradient) drawn with Qt; kept when it exists (outputs are committed)."""
    if path.exists():
        return
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter  # only needed to create new images

    image = QImage(96, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 0, 64)
    gradient.setColorAt(0, QColor(top))
    gradient.setColorAt(1, QColor(bottom))
    painter.fillRect(0, 0, 96, 64, gradient)
    painter.end()
    if not image.save(str(path), "JPEG", 70):
        sys.exit(f"could not write {path}")


def svg_chart(title: str, bars: list[tuple[str, float]]) -> str:
    width = 40 * len(bars) + 40
    peak = max(v for _, v in bars)
    rects = "".join(
        f'<rect x="{30 + i * 40}" y="{110 - 90 * v / peak:.1f}" width="28" height="{90 * v / peak:.1f}" '
        f'fill="#2a6f97"/><text x="{44 + i * 40}" y="125" font-size="9" text-anchor="middle">{html.escape(k)}'
        "</text>"
        for i, (k, v) in enumerate(bars)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="130" viewBox="0 0 {width} 130">'
        f"<title>{html.escape(title)}</title>{rects}</svg>\n"
    )


# --------------------------------------------------------------------------- expected metadata


SENTENCE = re.compile(r"(?<=[.!?”’])(?<!\bDr\.)(?<!\bMr\.)(?<!\bSt\.)\s+(?=[A-Z“‘\"])")


def pick_contains(a: Art) -> list[str]:
    if a.contains:
        return a.contains
    blocks = parse_body(a.body)
    paras = [inline_text(b.text) for b in blocks if b.kind == "p"]
    if a.lang == "ja":
        sents = [s + "。" for p in paras for s in p.split("。") if len(s) > 12]
        return [sents[0], sents[len(sents) // 2], sents[-1]]
    firsts = SENTENCE.split(paras[0])
    picks = [firsts[0]]
    every = [s for p in paras[1:-1] for s in SENTENCE.split(p)]
    fancy = [s for s in every if re.search(r"[“”‘’—–…é€£à-ÿ]", s) and 40 < len(s) < 260]
    plain = [s for s in every if 40 < len(s) < 220]
    if fancy:
        picks.append(fancy[len(fancy) // 2])
    if plain:
        picks.append(plain[len(plain) // 3])
    closing = [c for c in SENTENCE.split(paras[-1]) if len(c) >= 30] or [paras[-1]]
    picks.append(closing[-1])
    items = [inline_text(i) for b in blocks if b.kind in ("ul", "ol") for i in b.items]
    heads = [inline_text(b.text) for b in blocks if b.kind in ("h2", "h3")]
    if heads:
        picks.append(heads[0])
    elif items:
        picks.append(items[0])
    seen: list[str] = []
    for p in picks:
        if p not in seen:
            seen.append(p)
    return seen[:5]


CHROME_EXCLUDES = {
    "wordpress": [
        "Skip to content",
        "Share this:",
        "Leave a Reply",
        "Proudly powered by WordPress",
        "This website uses cookies to improve your experience",
        "Recent Posts",
        "This entry is part",
        "Subscribe by email",
        "Post Comment",
        "Previous post:",
    ],
    "herald": [
        "We and our 214 partners",
        "Accept all cookies",
        "Sign up to Morning Tide",
        "Explore more on these topics",
        "Most viewed",
        "Herald Media Group Ltd",
        "Subscribe from €1 a week",
        "Copy link",
        "Ferry timetable chaos",
    ],
    "aima": [
        "Part of the series",
        "Related topics",
        "Sign up for AIMA Briefings",
        "About the Institute",
        "Kaiplassen 4",
    ],
    "ccpr": [
        "Part of the series",
        "Related topics",
        "An error has occurred",
        "This application may no longer respond until reloaded",
        "See browser dev tools",
        "Research areas",
        "Our experts",
        "🗙",
        "Vestre Allé 12",
    ],
    "ccpr_txt": [
        "Part of the series",
        "Related topics",
        "An error has occurred",
        "This application may no longer respond until reloaded",
        "See browser dev tools",
        "🗙",
        "Skip to main content",
        "Research areas",
    ],
    "inkwell": [
        "Recommended from Inkwell",
        "min read",
        "Followers",
        "Get the Inkwell app",
        "Sign in",
        "I quit my job to sail the Skerry Channel",
    ],
    "fathom": [
        "Filed under",
        "Support independent science journalism",
        "uses cookies for analytics",
        "Field & Fathom is reader-funded",
        "The storm petrels that came back",
    ],
    "lantern": [
        "You have read 2 of 3 free articles",
        "Subscribe to Lantern",
        "uses cookies to keep you signed in",
        "Read next",
        "Lantern Press Cooperative",
        "Part of our series",
    ],
    "herald_mhtml": [
        "We and our 214 partners",
        "Accept all cookies",
        "Sign up to Morning Tide",
        "Explore more on these topics",
        "Most viewed",
        "Herald Media Group Ltd",
    ],
    "shiomi": ["この記事をシェア", "関連記事", "無断転載を禁じます", "関連タグ", "LINEで送る"],
}


def expected(a: Art, url: str | None) -> dict:
    excludes = list(CHROME_EXCLUDES[a.template]) + MOJIBAKE_MARKERS.get(a.damage, []) + a.excludes
    excludes += [t for t in a.teasers]
    if a.template in ("aima", "ccpr", "ccpr_txt"):
        excludes.append(f"Posted {posted_date(d(a))} by")  # the byline is metadata, not article text
    elif a.template == "wordpress":
        excludes.append("Posted on")
    elif a.template in ("herald", "herald_mhtml"):
        excludes.append("Last modified on")
    if a.template == "wordpress":
        excludes += [said for _, said in a.comments[:1]]
    if a.damage in ("gbk",):
        excludes.append("聽")
    # The series navigation box lists the other parts: navigation, not this article's text.
    excludes += [t for t in a.extra.get("series_titles", []) if t != a.title]
    once = []
    for b in parse_body(a.body):
        if b.kind == "fig" and a.template in ("aima", "ccpr", "ccpr_txt"):
            once.append(inline_text(b.text))
    if a.caption and a.template in ("aima", "ccpr", "ccpr_txt"):
        once.append(a.caption)
    out = {
        "title": a.title,
        "authors": a.authors,
        "organizations": a.organizations,
        "date": a.date,
        "site": SITES[a.template],
        "url": url,
        "language": a.lang,
        "series": a.series,
        "topics": a.topics,
        "text_contains": pick_contains(a),
        "text_excludes": excludes,
    }
    if once:
        out["text_once"] = once
    return out


# --------------------------------------------------------------------------- MHTML


def encoded_words(text: str) -> str:
    """An RFC 2047 Q-encoded header value, folded into words of at most ~70 characters as Blink writes it."""
    words, current = [], ""
    for ch in text:
        piece = (
            "_"
            if ch == " "
            else ch
            if ch.isascii() and ch.isalnum()
            else "".join(f"={b:02X}" for b in ch.encode("utf-8"))
        )
        if len(current) + len(piece) > 58:
            words.append(current)
            current = ""
        current += piece
    words.append(current)
    return "\r\n ".join(f"=?utf-8?Q?{w}?=" for w in words)


def mhtml(page_html: str, url: str, title: str, saved: str, images: dict[str, bytes]) -> bytes:
    boundary = "----MultipartBoundary--" + f"{zlib.crc32(url.encode()):08x}" + "Rk3sT9vQ2mLx----"
    subject = encoded_words(title)
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {saved}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
    )
    qp = quopri.encodestring(page_html.replace("\n", "\r\n").encode("utf-8")).decode("ascii")
    parts = [
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-{zlib.crc32(title.encode()):08X}@mhtml.blink>"
        f"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n{qp}\r\n\r\n"
    ]
    for loc, data in images.items():
        b64 = base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")
        kind = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
        parts.append(
            f"--{boundary}\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: {loc}\r\n\r\n{b64}\r\n"
        )
    return (head + "".join(parts) + f"--{boundary}--\r\n").encode("ascii")


# --------------------------------------------------------------------------- driver


def load_articles() -> list[Art]:
    arts: list[Art] = []
    for src in sorted((HERE / "source").glob("articles_*.py")):
        spec = importlib.util.spec_from_file_location(src.stem, src)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        arts += [Art(**kw) for kw in module.ARTICLES]
    return arts


def render(a: Art) -> tuple[dict, list[str]]:
    url = default_url(a) if a.url == "auto" else a.url
    name = a.slug
    notes: list[str] = []
    if a.template == "fathom":
        files = f"{name}_files"
        folder = HERE / files
        folder.mkdir(exist_ok=True)
        jpeg_file(folder / "hero.jpg", "#1d4e63", "#8fc1c9")
        (folder / "logo.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="24"><text x="0" y="18" '
            'font-family="Georgia" font-size="16">Field &amp; Fathom</text></svg>\n',
            encoding="utf-8",
        )
        (folder / "fathom.css").write_text(
            "body{font-family:Georgia,serif;max-width:40em;margin:auto}\n", encoding="utf-8"
        )
        (folder / "consent.js").write_text(
            "/* consent manager stub saved with the page */\n"
            "document.documentElement.classList.add('cm-ready');\n",
            encoding="utf-8",
        )
        for b in parse_body(a.body):
            if b.kind == "fig" and b.src.endswith(".png"):
                (folder / b.src).write_bytes(png_bytes(48, 32, (233, 196, 106), (42, 111, 151)))
            elif b.kind == "fig" and b.src.endswith(".svg"):
                (folder / b.src).write_text(svg_chart(b.text, a.extra["chart"]), encoding="utf-8")
            elif b.kind == "fig" and b.src.endswith(".jpg"):
                jpeg_file(folder / b.src, "#3b2f2f", "#d9b38c")
        page = tpl_fathom(a, url, files)
        path = HERE / f"{name}.html"
        path.write_bytes(page.encode("utf-8"))
    elif a.template in ("lantern", "herald_mhtml"):
        if a.template == "lantern":
            page = tpl_lantern(a, url)
            images = {
                "https://lanternweekly.example/media/lantern-logo.png": png_bytes(
                    32, 32, (250, 200, 80), (120, 60, 20)
                )
            }
        else:
            page = tpl_herald(a, url)
            images = {}
        for b in parse_body(a.body):
            if b.kind == "fig":
                loc = re.search(rf'src="([^"]*{re.escape(b.src)})"', page).group(1)
                images[loc] = png_bytes(64, 40, (200, 220, 230), (30, 60, 90))
        path = HERE / f"{name}.mhtml"
        path.write_bytes(mhtml(page, url, f"{a.title} · {SITES[a.template]}", a.extra["saved"], images))
    else:
        renderer = {
            "wordpress": tpl_wordpress,
            "herald": tpl_herald,
            "aima": tpl_aima,
            "ccpr": tpl_ccpr,
            "ccpr_txt": tpl_ccpr_txt,
            "inkwell": tpl_inkwell,
            "shiomi": tpl_shiomi,
        }[a.template]
        page = renderer(a, url)
        _, data = damage_text(page, a.damage)
        path = HERE / f"{name}{a.extra.get('ext', EXT.get(a.template, '.html'))}"
        path.write_bytes(data)
    exp = expected(a, url)
    (HERE / f"{name}.expected.json").write_text(
        json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    words = word_count(a)
    if not 300 <= words <= 900:
        notes.append(f"{name}: {words} words")
    return exp, notes


README_TABLE = re.compile(r"(<!-- table:start -->\n).*?(<!-- table:end -->)", re.S)
TEMPLATE_NAMES = {
    "wordpress": "WordPress blog",
    "herald": "news site, JSON-LD",
    "aima": "think-tank blog",
    "ccpr": "Blazor app shell",
    "ccpr_txt": "plain-text dump",
    "inkwell": "Medium-style post",
    "fathom": "saved complete (`_files/`)",
    "lantern": "MHTML",
    "herald_mhtml": "MHTML (news, JSON-LD)",
    "shiomi": "Japanese news site",
}
DAMAGE_NAMES = {
    "utf8": "UTF-8 declared",
    "nodecl": "UTF-8, nothing declared",
    "win1252": "windows-1252 declared",
    "sjis": "Shift_JIS declared",
    "gbk": "UTF-8 read as GBK, bytes lost",
    "cp1252moji": "cp1252 mojibake",
    "double": "double cp1252 mojibake",
}


def write_readme_table(arts: list[Art]) -> None:
    readme = HERE / "README.md"
    if not readme.exists():
        return
    rows = ["| page | template | encoding / damage | what it tests |", "|---|---|---|---|"]
    for a in arts:
        ext = (
            ".mhtml"
            if a.template in ("lantern", "herald_mhtml")
            else a.extra.get("ext", EXT.get(a.template, ".html"))
        )
        rows.append(
            f"| `{a.slug}{ext}` | {TEMPLATE_NAMES[a.template]} | {DAMAGE_NAMES[a.damage]} | {a.tests} |"
        )
    text = README_TABLE.sub(
        lambda m: m.group(1) + "\n".join(rows) + "\n" + m.group(2), readme.read_text("utf-8")
    )
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    arts = load_articles()
    slugs = [a.slug for a in arts]
    assert len(slugs) == len(set(slugs)), "duplicate slugs"
    for old in HERE.iterdir():
        if old.suffix in PAGE_EXTS or old.name.endswith(".expected.json"):
            old.unlink()
    warnings: list[str] = []
    for a in arts:
        _, notes = render(a)
        warnings += notes
    write_readme_table(arts)
    for w in warnings:
        print("warning:", w)
    print(f"{len(arts)} pages written")


if __name__ == "__main__":
    main()
