"""The words and names :mod:`.item_type` decides a page's kind of publication from.

Kept beside its one reader rather than in :mod:`.vocabulary` so that the item-type evidence reads as one
table: schema.org types, blog platforms and generators, blog markup, news and magazine names and hosts.
"""

from __future__ import annotations

# The CSL item types ingest records (Zotero's blogPost, newspaperArticle, magazineArticle, webpage, report).
ITEM_TYPES: tuple[str, ...] = ("post-weblog", "article-newspaper", "article-magazine", "webpage", "report")

# schema.org @type (lower case) → CSL type.  LiveBlogPosting is a news site's live coverage.
JSONLD_TYPES: dict[str, str] = {
    "report": "report",
    "blogposting": "post-weblog",
    "newsarticle": "article-newspaper",
    "reportagenewsarticle": "article-newspaper",
    "analysisnewsarticle": "article-newspaper",
    "opinionnewsarticle": "article-newspaper",
    "backgroundnewsarticle": "article-newspaper",
    "reviewnewsarticle": "article-newspaper",
    "askpublicnewsarticle": "article-newspaper",
    "liveblogposting": "article-newspaper",
}
# A publisher of these types publishes news (an Article it publishes is a newspaper article).
NEWS_PUBLISHER_TYPES: frozenset[str] = frozenset({"newsmediaorganization"})

# Hosted blog platforms, by host: a page there is a blog post whatever its JSON-LD says (Medium and
# Substack mark every post up as a NewsArticle).
BLOG_PLATFORM_HOSTS: tuple[str, ...] = (
    "blogspot.com", "wordpress.com", "medium.com", "substack.com", "typepad.com", "tumblr.com",
    "livejournal.com", "ghost.io", "hypotheses.org", "hashnode.dev", "write.as", "over-blog.com",
    "blog.hu", "blogs.fr", "canalblog.com", "hatenablog.com", "hatenablog.jp", "ameblo.jp", "naver.com",
    "tistory.com", "weebly.com", "wixsite.com", "bearblog.dev", "micro.blog", "posthaven.com",
)  # fmt: skip
# Generators (meta name=generator, lower case prefix) of hosted blog platforms: decisive like the hosts.
BLOG_PLATFORM_GENERATORS: tuple[str, ...] = ("blogger", "medium", "substack", "tumblr", "typepad", "ghost")
# Self-hosted blog software: a blog post unless the site is a newspaper or magazine (news sites run
# WordPress too).  Zotero's Embedded Metadata translator reads the first three the same way.
BLOG_GENERATORS: tuple[str, ...] = (
    "wordpress", "wooframework", "blogger", "movable type", "jekyll", "hugo", "hexo", "octopress",
    "pelican", "dotclear", "serendipity", "b2evolution", "textpattern", "nikola", "zola", "eleventy",
)  # fmt: skip
# Meta tags that name a blog platform's app (Medium on custom domains).
BLOG_APP_METAS: tuple[str, ...] = ("al:android:app_name", "al:ios:app_name", "twitter:app:name:iphone")
BLOG_APP_NAMES: frozenset[str] = frozenset({"medium", "substack", "tumblr", "blogger"})
# Class tokens of <body> or <article> that blog software writes for a post.
BLOG_CLASSES: frozenset[str] = frozenset({
    "single-post", "type-post", "post-template-default", "blog-post", "blogpost", "blog-entry",
    "blog-article", "page-blog", "single-blog", "blog-single", "post-outer", "h-entry", "postid",
})  # fmt: skip

# Site names: a word that names a newspaper or a magazine (whole words, any case).
NEWS_NAME_WORDS: tuple[str, ...] = (
    "news", "times", "post", "herald", "tribune", "gazette", "telegraph", "daily", "chronicle", "observer",
    "courier", "zeitung", "press", "reuters", "associated press", "independent", "standard", "inquirer",
    "dispatch", "bulletin", "guardian", "journal", "mercury", "examiner", "sentinel", "register",
    "nachrichten", "tagblatt", "anzeiger", "kurier", "rundschau", "presse", "quotidien", "gazzetta",
    "corriere", "periódico", "diario", "jornal", "dagblad", "avis", "tidning", "sanomat", "gazeta",
    "novosti", "izvestia",
)  # fmt: skip
# Newspaper words of Chinese, Japanese and Korean mastheads (matched anywhere in the name).
NEWS_NAME_CJK: tuple[str, ...] = (
    "新聞", "新报", "新報", "日报", "日報", "晚报", "晚報", "时报", "時報", "신문", "일보",
)  # fmt: skip
MAGAZINE_NAME_WORDS: tuple[str, ...] = (
    "magazine", "magazin", "revue", "quarterly", "weekly", "monthly", "wochenschrift", "illustrated",
)  # fmt: skip
MAGAZINE_NAME_CJK: tuple[str, ...] = ("週刊", "周刊", "月刊", "雑誌", "杂志", "雜誌", "주간", "월간")

# Hosts of well-known newspapers and magazines (and their sub-domains).
NEWS_HOSTS: frozenset[str] = frozenset({
    "nytimes.com", "washingtonpost.com", "wsj.com", "theguardian.com", "guardian.co.uk", "bbc.co.uk",
    "bbc.com", "reuters.com", "apnews.com", "cnn.com", "nbcnews.com", "cbsnews.com", "abcnews.go.com",
    "foxnews.com", "npr.org", "usatoday.com", "latimes.com", "bloomberg.com", "ft.com", "telegraph.co.uk",
    "independent.co.uk", "thetimes.co.uk", "dailymail.co.uk", "mirror.co.uk", "aljazeera.com",
    "politico.com", "politico.eu", "axios.com", "thehill.com", "news.sky.com", "lemonde.fr", "lefigaro.fr",
    "liberation.fr", "spiegel.de", "zeit.de", "faz.net", "sueddeutsche.de", "welt.de", "elpais.com",
    "elmundo.es", "corriere.it", "repubblica.it", "nzz.ch", "derstandard.at", "aftenposten.no", "nrk.no",
    "vg.no", "dn.se", "svd.se", "yle.fi", "hs.fi", "dr.dk", "theglobeandmail.com", "cbc.ca", "abc.net.au",
    "smh.com.au", "scmp.com", "japantimes.co.jp", "asahi.com", "nikkei.com", "hindustantimes.com",
    "thehindu.com", "timesofindia.indiatimes.com", "kyivindependent.com", "kyivpost.com", "pravda.com.ua",
    "meduza.io", "themoscowtimes.com", "rferl.org", "dw.com", "france24.com", "euronews.com", "haaretz.com",
    "timesofisrael.com", "straitstimes.com", "irishtimes.com", "rte.ie", "bostonglobe.com",
    "chicagotribune.com", "sfchronicle.com", "nypost.com", "news.yahoo.com", "afp.com", "tass.com",
})  # fmt: skip
MAGAZINE_HOSTS: frozenset[str] = frozenset({
    "newyorker.com", "theatlantic.com", "economist.com", "wired.com", "time.com", "newsweek.com",
    "foreignaffairs.com", "foreignpolicy.com", "newstatesman.com", "spectator.co.uk", "thenation.com",
    "newrepublic.com", "vanityfair.com", "rollingstone.com", "harpers.org", "forbes.com", "fortune.com",
    "nationalreview.com", "motherjones.com", "prospectmagazine.co.uk", "nationalgeographic.com",
    "scientificamerican.com", "smithsonianmag.com", "theweek.com", "slate.com", "salon.com",
})  # fmt: skip
