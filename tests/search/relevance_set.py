"""What a person searching the sample corpus expects to see first (importable as ``relevance_set``).

Each case: the query as typed into the search field, and the articles (by file name in ``corpus/``)
a reader would count as right answers, best first where it matters.  ``first`` marks the cases where
one of the answers must be the very first hit.  Queries cover words cut while typing, a whole word
and a cut one, phrases, authors (Latin, Cyrillic and Chinese names), runs of Japanese and Chinese,
and plain topical searches.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    query: str
    relevant: tuple[str, ...]
    first: bool = True  # one of ``relevant`` must be the first hit
    kind: str = ""


def _cases(
    kind: str, rows: list[tuple[str, tuple[str, ...]] | tuple[str, tuple[str, ...], bool]]
) -> list[Case]:
    return [Case(row[0], row[1], row[2] if len(row) > 2 else True, kind) for row in rows]  # type: ignore[misc]


CASES = [
    *_cases(
        "cut word",
        [
            ("permafro", ("herald-07-highland-permafrost",)),
            ("reinde", ("fathom-04-counting-reindeer-from-space",)),
            ("seabir", ("fathom-02-seabirds-field-guide",)),
            ("hydrog", ("aima-06-brackwater-hydrogen",)),
            ("interconn", ("aima-02-missing-interconnector",)),
            ("auctione", ("lantern-01-last-auctioneer", "ledger-03-kessvik-fish-auction")),
            ("successi", ("ccpr-03-velmar-succession",)),
            ("secretar", ("herald-06-vessel-sea-council-opinion",)),
            ("untransl", ("inkwell-01-untranslatable-harbour-law",)),
            ("tarsho", ("ccpr-05-sanctions-fatigue-tarsholm",)),
            ("kel", ("fathom-01-saarvik-kelp",)),
            ("reme", ("fathom-03-what-the-peat-remembers",), False),
        ],
    ),
    *_cases(
        "word and cut word",
        [
            ("harbour lev", ("ledger-01-harbour-levy", "ledger-04-levy-reform-round-two")),
            ("grain term", ("herald-01-grain-terminal-fire",)),
            ("shadow fle", ("aima-03-shadow-fleet-environment", "inkwell-04-shadow-fleet-tracker")),
            ("ice ro", ("herald-02-saarvik-ice-road",)),
            ("sea wal", ("herald-09-aldenport-sea-wall",)),
            ("fish auct", ("ledger-03-kessvik-fish-auction", "lantern-01-last-auctioneer")),
            ("night fer", ("lantern-03-winter-without-ferry",)),
            ("budget squ", ("ccpr-01-ostrogard-budget-squeeze",)),
            ("housing cri", ("inkwell-02-brackwater-housing-data",)),
            ("kessvik acc", ("herald-04-kessvik-accord",)),
            ("seabed secu", ("aima-07-seabed-security",)),
        ],
    ),
    *_cases(
        "phrase",
        [
            ('"harbour levy"', ("ledger-01-harbour-levy", "ledger-04-levy-reform-round-two")),
            ('"shadow fleet"', ("aima-03-shadow-fleet-environment", "inkwell-04-shadow-fleet-tracker")),
            ('"ice road"', ("herald-02-saarvik-ice-road",)),
            ('"sea wall"', ("herald-09-aldenport-sea-wall",)),
            ('"vessel sea council"', ("herald-06-vessel-sea-council-opinion",)),
            ('"civic alliance"', ("herald-05-civic-alliance-wins",)),
            ('"grain terminal', ("herald-01-grain-terminal-fire",)),  # still typing the phrase
        ],
    ),
    *_cases(
        "author",
        [
            (
                "lindqvist",
                (
                    "aima-01-saarvik-blockade-legacy",
                    "aima-03-shadow-fleet-environment",
                    "aima-05-kade-coalition-defence",
                    "aima-07-seabed-security",
                ),
            ),
            (
                "sigrun tallow",
                (
                    "fathom-01-saarvik-kelp",
                    "fathom-02-seabirds-field-guide",
                    "fathom-03-what-the-peat-remembers",
                ),
            ),
            (
                "castaneda",
                (
                    "herald-02-saarvik-ice-road",
                    "herald-03-herring-follow-cold-water",
                    "herald-07-highland-permafrost",
                    "herald-09-aldenport-sea-wall",
                ),
            ),
            (
                "Деркач",
                (
                    "ccpr-01-ostrogard-budget-squeeze",
                    "ccpr-03-velmar-succession",
                    "ccpr-txt-03-election-valdrin-question",
                ),
            ),
            ("林晓岚", ("inkwell-01-untranslatable-harbour-law", "inkwell-03-ferry-diaries")),
            (
                "author:ashgrove",
                (
                    "aima-02-missing-interconnector",
                    "aima-03-shadow-fleet-environment",
                    "aima-06-brackwater-hydrogen",
                ),
            ),
            (
                "fairweath",
                (
                    "herald-06-vessel-sea-council-opinion",
                    "lantern-01-last-auctioneer",
                    "lantern-03-winter-without-ferry",
                ),
            ),
            ("tuva herm", ("fathom-04-counting-reindeer-from-space",)),
        ],
    ),
    *_cases(
        "CJK run",
        [
            ("潮見", ("shiomi-01-offshore-wind-accord", "shiomi-02-herring-move-north")),
            ("ニシン", ("shiomi-02-herring-move-north",)),
            ("見港", ("shiomi-01-offshore-wind-accord",)),
            ("洋上風力", ("shiomi-01-offshore-wind-accord",)),
            ("水産", ("shiomi-02-herring-move-north",)),
            ("漁場", ("shiomi-02-herring-move-north",)),
            ("晓岚", ("inkwell-01-untranslatable-harbour-law", "inkwell-03-ferry-diaries")),
            ("ﾆｼﾝ", ("shiomi-02-herring-move-north",)),  # typed in half-width katakana
        ],
    ),
    *_cases(
        "one word, many articles",  # those with the word in the title (or as author) first
        [
            ("herring", ("herald-03-herring-follow-cold-water", "herald-04-kessvik-accord")),
            (
                "ferry",
                (
                    "inkwell-03-ferry-diaries",
                    "lantern-03-winter-without-ferry",
                    "ledger-02-crown-rate-ferry",
                ),
            ),
            (
                "ferr",
                (
                    "inkwell-03-ferry-diaries",
                    "lantern-03-winter-without-ferry",
                    "ledger-02-crown-rate-ferry",
                ),
            ),
            (
                "electi",
                (
                    "herald-05-civic-alliance-wins",
                    "ccpr-txt-03-election-valdrin-question",
                    "aima-05-kade-coalition-defence",
                ),
            ),
            ("crown", ("inkwell-05-five-charts-crown", "ledger-02-crown-rate-ferry")),
            ("ledger", ("ledger-06-ledger-new-government",)),
            (
                "saarvik",
                (
                    "aima-01-saarvik-blockade-legacy",
                    "herald-02-saarvik-ice-road",
                    "fathom-01-saarvik-kelp",
                    "ccpr-txt-04-island-clinics-weekends",
                ),
            ),
            (
                "kessv",
                (
                    "herald-04-kessvik-accord",
                    "ccpr-txt-02-kessvik-quota-gambit",
                    "lantern-01-last-auctioneer",
                    "lantern-03-winter-without-ferry",
                    "ledger-03-kessvik-fish-auction",
                    "inkwell-03-ferry-diaries",
                ),
            ),
            ("velmar", ("ccpr-03-velmar-succession", "ccpr-txt-01-velmar-grain-diplomacy")),
        ],
    ),
    *_cases(
        "topic",
        [
            ("herring quotas", ("herald-04-kessvik-accord", "ccpr-txt-02-kessvik-quota-gambit")),
            ("cable cut", ("herald-08-skerry-channel-cable", "aima-07-seabed-security")),
            ("clinics weekends", ("ccpr-txt-04-island-clinics-weekends",)),
            ("calveran novel", ("lantern-02-calveran-novel",)),
            ("hydrogen brackwater", ("aima-06-brackwater-hydrogen",)),
            ("grain diplomacy", ("ccpr-txt-01-velmar-grain-diplomacy", "aima-04-calvera-southern-corridor")),
            ("sanctions fatigue", ("ccpr-05-sanctions-fatigue-tarsholm",)),
        ],
    ),
]
