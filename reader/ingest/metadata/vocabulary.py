"""The words metadata extraction recognises: every word list of ``reader.ingest.metadata`` in one place.

Grouped by the question they answer.  Lists are written several entries to a line (``fmt: skip``) so the
vocabulary reads as lists, not as a column.  Regular expressions stay beside the code that matches them.
"""

from __future__ import annotations

# --- meta tags and schema.org types: where a page declares its metadata ------------------------------------

# (meta name, provenance) for the title, most reliable first.
TITLE_METAS: tuple[tuple[str, str], ...] = (
    ("citation_title", "meta:citation_title"), ("dc:title", "meta:dc.title"),
    ("dc.title", "meta:dc.title"), ("dcterms.title", "meta:dcterms.title"), ("og:title", "meta:og:title"),
    ("twitter:title", "meta:twitter:title"), ("parsely-title", "meta:parsely-title"),
    ("sailthru.title", "meta:sailthru.title"), ("title", "meta:title"), ("headline", "meta:headline"),
)  # fmt: skip

AUTHOR_METAS: tuple[str, ...] = (
    "citation_author", "dc:creator", "dc.creator", "dcterms.creator", "author", "article:author",
    "parsely-author", "sailthru.author", "byl", "og:article:author", "citation_authors",
    "cxenseparse:author",
)  # fmt: skip

# Sources that hold one person per value: "Ó Briain, Séamus" there is one inverted name, not two.
ONE_PERSON_SOURCES: frozenset[str] = frozenset({
    "json-ld", "meta:citation_author", "meta:dc:creator", "meta:dc.creator", "meta:dcterms.creator",
})  # fmt: skip

DATE_METAS: tuple[str, ...] = (
    "article:published_time", "citation_publication_date", "citation_date", "citation_online_date",
    "dc.date.issued", "dc.date", "dc:date", "dcterms.issued", "dcterms.created", "dcterms.date",
    "datepublished", "og:published_time", "article.published", "published_time", "publish-date",
    "publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date", "date",
    "dc.date.created", "article:published", "og:article:published_time", "created", "displaydate",
    "originalpublicationdate", "article:publicationdate", "publication_date", "publication-date",
    "date.available", "citation_cover_date", "prism.publicationdate", "dc.date.available", "eprints.date",
    "bt:pubdate", "cxenseparse:recs:publishtime",
)  # fmt: skip

SITE_METAS: tuple[tuple[str, str], ...] = (
    ("og:site_name", "og:site_name"), ("citation_journal_title", "meta:citation_journal_title"),
    ("application-name", "meta:application-name"), ("al:ios:app_name", "meta:al:ios:app_name"),
    ("apple-mobile-web-app-title", "meta:apple-mobile-web-app-title"),
)  # fmt: skip

# schema.org @type names (lower case) of the page's own work, its page, its publisher and its series.
ARTICLE_TYPES: frozenset[str] = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "report",
    "techarticle", "socialmediaposting", "liveblogposting", "creativework", "posting", "review",
    "medicalscholarlyarticle", "discussionforumposting", "askpublicnewsarticle", "satiricalarticle",
    "advertisercontentarticle", "howto", "recipe",
})  # fmt: skip
PAGE_TYPES: frozenset[str] = frozenset({
    "webpage", "itempage", "aboutpage", "profilepage", "collectionpage", "qapage",
})  # fmt: skip
ORG_TYPES: frozenset[str] = frozenset({
    "organization", "newsmediaorganization", "corporation", "educationalorganization",
    "governmentorganization", "ngo", "researchorganization", "collegeoruniversity", "localbusiness",
})  # fmt: skip
# What an isPartOf may name that is a series (a plain WebSite or WebPage is the site, not a series).
SERIES_TYPES: frozenset[str] = frozenset({"creativeworkseries", "bookseries", "podcastseries", "tvseries"})
# Objects that are never the article itself, whatever else they carry.
NOT_WORK_TYPES: frozenset[str] = ORG_TYPES | frozenset({
    "website", "person", "breadcrumblist", "listitem", "imageobject", "searchaction",
    "sitenavigationelement", "wpheader", "wpfooter", "itemlist",
})  # fmt: skip

# --- names: who wrote it --------------------------------------------------------------------------------

# Words of a role written beside a name ("Senior Correspondent").
ROLE_WORDS: frozenset[str] = frozenset({
    "writer", "reporter", "correspondent", "editor", "columnist", "contributor", "staff", "producer",
    "photographer", "analyst", "director", "professor", "fellow", "researcher", "intern", "chief",
    "senior", "associate", "contributing", "special", "investigative", "political", "foreign", "national",
    "business", "science", "health", "technology", "tech", "news", "deputy", "managing", "executive",
    "author", "journalist", "freelance", "freelancer", "guest", "opinion", "commentator", "host", "anchor",
    "blogger", "student", "lecturer", "president", "ceo", "founder", "head", "manager", "culture",
    "sports", "travel", "environment", "economics", "affairs", "defence", "defense", "diplomatic", "data",
    "desk", "bureau", "edited", "photos", "illustration", "video", "videos", "research", "assistant",
    "partner", "member", "technologist", "scientist", "engineer", "economist", "strategist", "officer",
    "coordinator", "specialist", "attorney", "counsel", "advocate", "designer", "developer", "consultant",
    "adviser", "advisor", "critic", "historian", "scholar", "lawyer", "physician", "doctor", "nurse",
    "expert", "lead", "principal", "vice", "general", "staffer", "correspondents", "reporters", "writers",
    "editors", "contributors", "visiting", "adjunct", "emeritus", "distinguished", "resident",
    "nonresident", "non-resident", "program", "programme", "operations", "communications", "marketing",
    "sales", "product", "policy", "strategy",
})  # fmt: skip

# The nouns that end a role written after a name ("… Staff Writer"); "News" or "Health" end bodies' names.
ROLE_NOUNS: frozenset[str] = frozenset({
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
    "columnist", "contributor", "producer", "photographer", "journalist", "intern", "freelancer",
    "blogger", "critic", "analyst",
})  # fmt: skip

# Degrees and post-nominals ("Jane Doe, PhD"), folded.
CREDENTIALS: frozenset[str] = frozenset({
    "ma", "md", "phd", "ph.d.", "mph", "rn", "msc", "bsc", "mba", "jd", "dds", "do", "facp", "ms", "bs",
    "ba", "rd", "ld", "cpt", "ret", "esq", "cfa", "cpa", "llm", "dphil",
})  # fmt: skip

# Titles before a name, which a citation leaves out ("Dr. Kwame Adjei-Brennan").
HONORIFICS: frozenset[str] = frozenset({
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.",
    "dott.", "dott", "ing.", "herr", "frau", "m.", "mme", "mme.", "sra.", "sr.", "rev.", "rev",
})  # fmt: skip

# Month and day names, which a byline's date leaves behind and which are no names.
MONTHS_AND_DAYS: frozenset[str] = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
})  # fmt: skip

# What bylines credit that names no author.
GENERIC_NON_NAMES: frozenset[str] = frozenset({
    "admin", "administrator", "editor", "editors", "staff", "guest", "anonymous", "unknown", "author",
    "follow author", "follow", "the editors", "redaktion", "rédaction", "redacción", "web desk", "desk",
    "user", "webmaster", "root", "nobody", "contributor", "contributors", "team", "by", "share", "more",
    "posted", "written", "none", "null", "undefined", "about", "home", "news", "outbrain", "taboola",
    "readers", "google", "facebook", "twitter", "wordpress", "disqus", "getty images", "shutterstock",
})  # fmt: skip

# News agencies credited as authors: organisations, never persons.
WIRE_AGENCIES: frozenset[str] = frozenset({
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
    "agence france presse", "dpa", "deutsche presse-agentur", "ansa", "efe", "agencia efe", "bloomberg",
    "bloomberg news", "upi", "united press international", "pa", "pa media", "press association", "xinhua",
    "tass", "ria novosti", "kyodo", "kyodo news", "yonhap", "aap", "australian associated press",
    "cnn wire", "apa", "sda", "ats", "ani", "pti", "ians", "anp", "belga", "ctk", "čtk", "tt", "ntb",
    "stt", "lusa", "interfax", "ukrinform", "anadolu", "anadolu agency", "wire", "wires", "news wires",
    "wire services", "bloomberg opinion", "the canadian press", "canadian press", "cp", "nyt",
    "new york times",
})  # fmt: skip

# Lower-case particles inside personal names ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al",
    "el", "ter", "ten", "dos", "das", "do", "zu", "y", "st.", "mac", "ap",
})  # fmt: skip

# Words a personal name never holds ("of" is common in organisations' names; "A." is a middle initial).
FUNCTION_WORDS: frozenset[str] = frozenset({
    "the", "a", "an", "is", "are", "was", "this", "that", "our", "your", "my", "with", "to", "for", "in",
    "on", "of",
})  # fmt: skip

# --- sites: who published it --------------------------------------------------------------------------

# Hosts of publications, folded: the publication is cited, not its host.
HOSTING_PLATFORMS: frozenset[str] = frozenset({
    "medium", "substack", "wordpress", "wordpress com", "blogger", "blogspot", "tumblr", "ghost", "wix",
    "squarespace", "hashnode", "dev community", "linkedin", "typepad", "naver blog", "tistory",
    "livejournal", "hatena blog",
})  # fmt: skip
# The same, written in their own script (folded where they are compared).
HOSTING_PLATFORMS_OWN_SCRIPT: tuple[str, ...] = (
    "네이버 블로그", "はてなブログ", "アメーバブログ",
)  # fmt: skip

# What a title or brand says that names no site.
GENERIC_SITE_NAMES: frozenset[str] = frozenset({
    "home", "homepage", "home page", "index", "untitled", "default", "site", "website", "web site", "blog",
    "my blog", "my site", "my website", "new site", "just another wordpress site", "welcome", "news",
})  # fmt: skip
# Texts of a logo or brand link that name no site.
GENERIC_BRANDS: frozenset[str] = frozenset({
    "home", "menu", "logo", "skip to content", "skip to main content", "toggle navigation", "search",
})  # fmt: skip
# Small words an abbreviation may leave out ("WSJ": The Wall Street Journal; "BMFSFJ": … für … und …).
ACRONYM_SKIPPABLE_WORDS: frozenset[str] = frozenset({
    "the", "of", "for", "and", "on", "in", "at", "a", "an", "de", "du", "la", "le", "les", "des", "di",
    "del", "della", "von", "van", "für", "und", "der", "die", "das", "y", "e", "et", "i", "og", "och",
})  # fmt: skip
# Words of a section's generic label ("News Center", "U.S.", "World Edition"), folded.
SECTION_WORDS: frozenset[str] = frozenset({
    "news", "center", "centre", "newsroom", "room", "blog", "blogs", "home", "edition", "world",
    "international", "us", "u", "s", "uk", "latest", "stories", "press", "media", "online", "hub",
    "insights", "features", "opinion", "the", "and", "&",
})  # fmt: skip
# Small words a publication's name keeps in lower case ("Centre for Policy Research").
NAME_SMALL_WORDS: frozenset[str] = frozenset({
    "for", "of", "the", "and", "on", "in", "at", "de", "du", "la", "le", "des", "di", "von", "&",
})  # fmt: skip

# --- dates and languages ---------------------------------------------------------------------------------

# Month names and their usual abbreviations -> English, for the languages whose dates are written day (or
# month) then year: French, German (with Austria's Jänner), Spanish, Portuguese, Italian, Dutch, the
# Scandinavian languages, Finnish, Romanian, Turkish, and the genitive forms Polish, Czech, Russian and
# Ukrainian write in a date ("21 stycznia 2022", "21. ledna 2022", "21 января 2022").  Abbreviations that
# are common words elsewhere ("set", "out", "gen", "ago") are left out.
FOREIGN_MONTHS: dict[str, str] = {
    # French
    "janvier": "january", "janv": "january", "février": "february", "fevrier": "february",
    "févr": "february", "fév": "february", "mars": "march", "avril": "april", "avr": "april",
    "mai": "may", "juin": "june", "juillet": "july", "juil": "july", "août": "august", "aout": "august",
    "septembre": "september", "octobre": "october", "novembre": "november", "décembre": "december",
    "déc": "december",
    # German
    "januar": "january", "jänner": "january", "jän": "january", "februar": "february",
    "feber": "february", "märz": "march", "mär": "march", "mrz": "march", "juni": "june", "juli": "july",
    "oktober": "october", "okt": "october", "dezember": "december", "dez": "december",
    # Spanish
    "enero": "january", "ene": "january", "febrero": "february", "marzo": "march", "abril": "april",
    "abr": "april", "mayo": "may", "junio": "june", "julio": "july", "agosto": "august",
    "septiembre": "september", "setiembre": "september", "octubre": "october", "noviembre": "november",
    "diciembre": "december", "dic": "december",
    # Portuguese
    "janeiro": "january", "fevereiro": "february", "fev": "february", "março": "march", "maio": "may",
    "junho": "june", "julho": "july", "setembro": "september", "outubro": "october",
    "novembro": "november", "dezembro": "december",
    # Italian
    "gennaio": "january", "febbraio": "february", "aprile": "april", "maggio": "may", "giugno": "june",
    "giu": "june", "luglio": "july", "lug": "july", "settembre": "september", "ottobre": "october",
    "ott": "october", "dicembre": "december",
    # Dutch
    "januari": "january", "februari": "february", "maart": "march", "mrt": "march", "mei": "may",
    "augustus": "august",
    # Swedish, Danish, Norwegian
    "marts": "march", "maj": "may", "augusti": "august", "desember": "december",
    # Finnish (the partitive a date uses)
    "tammikuuta": "january", "helmikuuta": "february", "maaliskuuta": "march", "huhtikuuta": "april",
    "toukokuuta": "may", "kesäkuuta": "june", "heinäkuuta": "july", "elokuuta": "august",
    "syyskuuta": "september", "lokakuuta": "october", "marraskuuta": "november", "joulukuuta": "december",
    # Romanian
    "ianuarie": "january", "februarie": "february", "martie": "march", "aprilie": "april",
    "iunie": "june", "iulie": "july", "septembrie": "september", "octombrie": "october",
    "noiembrie": "november", "decembrie": "december",
    # Turkish
    "ocak": "january", "şubat": "february", "mart": "march", "nisan": "april", "mayıs": "may",
    "haziran": "june", "temmuz": "july", "ağustos": "august", "eylül": "september", "ekim": "october",
    "kasım": "november", "aralık": "december",
    # … and as written without Turkish letters (and in capitals: "KASIM" does not fold to "kasım")
    "subat": "february", "mayis": "may", "agustos": "august", "eylul": "september", "kasim": "november",
    "aralik": "december",
    # Polish (genitive)
    "stycznia": "january", "lutego": "february", "marca": "march", "kwietnia": "april", "maja": "may",
    "czerwca": "june", "lipca": "july", "sierpnia": "august", "września": "september",
    "października": "october", "listopada": "november", "grudnia": "december",
    # Czech (genitive)
    "ledna": "january", "února": "february", "března": "march", "dubna": "april", "května": "may",
    "června": "june", "července": "july", "srpna": "august", "září": "september", "října": "october",
    "listopadu": "november", "prosince": "december",
    # Russian (genitive)
    "января": "january", "февраля": "february", "марта": "march", "апреля": "april", "мая": "may",
    "июня": "june", "июля": "july", "августа": "august", "сентября": "september",
    "октября": "october", "ноября": "november", "декабря": "december",
    # Ukrainian (genitive)
    "січня": "january", "лютого": "february", "березня": "march", "квітня": "april",
    "травня": "may", "червня": "june", "липня": "july", "серпня": "august", "вересня": "september",
    "жовтня": "october", "листопада": "november", "грудня": "december",
}  # fmt: skip

# Labels saying the date after them is the publication's, in the languages of FOREIGN_MONTHS.
PUBLISHED_LABELS: tuple[str, ...] = (
    "published", "publication date", "date published", "date of publication", "posted", "written",
    "date", "datum", "veröffentlicht", "veröffentlichung", "veröffentlichungsdatum", "erscheinungsdatum",
    "geschrieben",
    "erstellt", "erschienen", "publié", "publiée", "date de publication", "publicado", "publicada",
    "fecha", "fecha de publicación", "pubblicato", "pubblicata", "data", "data di pubblicazione",
    "data de publicação", "gepubliceerd", "publicatiedatum", "publicerad", "publiceret", "publisert",
    "udgivet", "julkaistu", "opublikowano", "data publikacji", "publikováno", "datum vydání",
    "опубликовано", "дата публикации", "опубліковано", "yayınlanma", "yayın tarihi", "publicat",
)  # fmt: skip

# Words saying a date is when the page was changed, not first published.
UPDATED_WORDS: tuple[str, ...] = (
    "last updated", "updated", "last modified", "modified", "edited", "letzte änderung",
    "zuletzt geändert", "zuletzt aktualisiert", "aktualisiert", "geändert", "mis à jour", "actualizado",
    "actualización", "atualizado", "aggiornato", "bijgewerkt", "uppdaterad", "opdateret", "oppdatert",
    "päivitetty", "zaktualizowano", "aktualizováno", "обновлено", "güncellendi",
)  # fmt: skip

# The commonest words of each language, for a guess when the page declares none.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "with", "as", "on", "are",
        "this",
    }),
    "fr": frozenset({
        "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas", "sur", "du",
        "au",
    }),
    "de": frozenset({
        "der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "sich", "auf",
        "für",
    }),
    "es": frozenset({
        "el", "la", "los", "las", "y", "que", "en", "del", "por", "con", "una", "para", "es", "se", "como",
    }),
    "pt": frozenset({
        "o", "os", "e", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "dos", "das", "é",
    }),
    "it": frozenset({
        "il", "di", "che", "è", "la", "per", "un", "una", "non", "con", "del", "della", "sono", "gli",
        "le",
    }),
    "nl": frozenset({
        "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "ook",
    }),
    "sv": frozenset({
        "och", "att", "det", "som", "en", "är", "på", "för", "med", "inte", "av", "till", "den", "har",
    }),
    "pl": frozenset({
        "i", "w", "nie", "na", "się", "że", "to", "jest", "do", "z", "jak", "dla", "co", "od", "przez",
    }),
    "cs": frozenset({
        "a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jsou", "jak", "ale", "by", "pro",
    }),
}  # fmt: skip
