"""Inkwell: a Medium-style blogging platform (invented)."""

LIN_BIO = "Translator between Chinese and the Northmere languages. Lives in Caldrenne. Writes about words, ferries and weather."
KWAME_BIO = "Data scientist. Formerly at the Northmere Statistics Office. Maps, models and the occasional rant."

ARTICLES = [
    dict(
        slug="inkwell-01-untranslatable-harbour-law",
        template="inkwell",
        handle="linxiaolan",
        tests="Medium-style post: clap/share bars, Follow button, reading time, 'Written by' footer; author name in Chinese script",
        title="The untranslatable words of Northmere’s harbour law",
        dek="Notes from a translator who spent a year inside a statute about quays, tides and tonnes",
        authors=["林晓岚"],
        date="2024-01-22",
        time="14:03",
        topics=["Culture", "Shipping"],
        teasers=["Ferry diaries: six crossings to Kessvik in winter", "On translating weather"],
        extra={"bio": LIN_BIO, "followers": "1.1K", "claps": "842", "responses": 17},
        body="""
Last year a shipping company in Shanghai asked me to translate Northmere’s Harbour Act into Chinese. It is not a long law — 114 sections, about forty pages — and I said I would need three months. It took me eleven. This post is about why.

## Words that mean a tide

The first problem was *flodmål*. In the Act it appears in the definition of a berth: a place where a ship may lie “at every flodmål”. My dictionary gave “tide level”, which is wrong. A flodmål is not a level; it is a moment in the tidal cycle that the harbour master declares, which may be earlier or later than the astronomical tide depending on the wind. Northmere’s harbour masters have been declaring them since the seventeenth century. There is no word for this in Chinese, because Chinese harbour masters do not do it.

In the end I wrote 宣告潮时, “declared tide time”, and added a footnote. I added 212 footnotes in total.

## Words that mean a person

The second problem was people. The Act distinguishes between a *losmann*, a *havnelos* and a *kystlos*, all of which English translations render as “pilot”. They are not the same. A losmann is anyone licensed to pilot a ship; a havnelos is a pilot employed by a particular harbour; a kystlos is a pilot who may take a ship along the coast but not into a harbour. The difference matters enormously when something goes wrong, because it decides who pays.

> Every language draws its map of the world with a different pen. Law is where the lines have to meet.

## Words that mean money

The third problem was the harbour levy itself, which the Act calls *havnepengar* — literally “harbour money”. It is a tax, but the Act never uses the word tax. This is deliberate: in Northmere, a tax must be approved by the Storting every year, while harbour money is set by regulation. The distinction has kept the levy out of politics for thirty years. My Shanghai clients were baffled. “Is it a tax or not?” they kept asking. The honest answer is: it depends who is asking, and why.

## What I learned

Translating a law is not like translating a novel. A novel can survive a few imprecise words; a law cannot. But the two have something in common: in both, the untranslatable words are where the culture lives. After eleven months with the Harbour Act, I know more about how Northmere thinks about the sea than I learned in six years of living here.
""",
    ),
    dict(
        slug="inkwell-02-brackwater-housing-data",
        template="inkwell",
        handle="kwame.ab",
        tests="byline with an honorific ('Dr.') in the title tag, meta author, JSON-LD and visible byline: the person is cited without it",
        title="The data says Northmere’s housing crisis is a Brackwater crisis",
        dek="I merged three public datasets to see where rents have really gone up. One city stands out",
        authors=["Kwame Adjei-Brennan"],
        date="2024-07-09",
        time="08:41",
        topics=["Housing", "Migration"],
        teasers=["Why your rent index is lying to you", "A beginner’s guide to the Northmere population register"],
        extra={"bio": KWAME_BIO, "shown_author": "Dr. Kwame Adjei-Brennan", "ld_author": "Dr. Kwame Adjei-Brennan",
               "followers": "5.8K", "claps": "3.4K", "responses": 96},
        body="""
Every Northmere politician agrees that there is a housing crisis. They disagree about almost everything else, including where it is. Aldenport politicians talk about Aldenport. Caldrenne students talk about Caldrenne. I wanted to know what the data actually say, so I spent a few weekends merging three public datasets: the rental register, the population register and the building permits database.

## What I did

The rental register records every new tenancy contract, with the rent and the size of the home. I took all contracts signed between 2019 and 2024, computed the median rent per square metre for each municipality and each year, and adjusted for inflation. Then I compared the change in rent with the change in population and the number of new homes completed.

The code and the cleaned data are on my GitHub-style repository, linked at the end. The methods are simple on purpose; anyone can check them.

## What I found

Real rents rose in almost every municipality, but not evenly:

- In Aldenport, real rents per square metre rose 9 per cent in five years.
- In Caldrenne, they rose 12 per cent.
- In Brackwater, they rose 31 per cent.

Brackwater is not a city people usually mention in the housing debate. It is an industrial port with a reputation for cheap, if unlovely, flats. But its population grew by 11 per cent over the period, mostly because of new jobs at the port, while the number of homes grew by barely 3 per cent. The result is simple arithmetic.

## Who is renting

The register also shows who signs the contracts. In Brackwater, the share of new tenancies signed by companies — not individuals — rose from 8 per cent to 27 per cent. These are, almost certainly, staffing agencies renting flats and rooms for port workers. That matches what Marcus O'Dell has described in his reporting on the city’s “hostel economy”.

## Why this matters

If I am right, the national debate is aiming at the wrong target. Rent controls in Aldenport or student housing in Caldrenne will do little for the place where rents are rising fastest. Brackwater needs homes — and, more specifically, homes for people who work shifts at the port.

I am a data scientist, not a housing expert, and I would love to be corrected. But the numbers are hard to argue with.
""",
    ),
    dict(
        slug="inkwell-03-ferry-diaries",
        template="inkwell",
        handle="linxiaolan",
        tests="second post by the same non-Latin author; personal essay with headings per crossing",
        title="Ferry diaries: six crossings to Kessvik in winter",
        dek="What you learn about a country from the deck of its slowest ferry",
        authors=["林晓岚"],
        date="2025-01-30",
        time="21:17",
        topics=["Culture", "Climate"],
        teasers=["The untranslatable words of Northmere’s harbour law"],
        extra={"bio": LIN_BIO, "followers": "1.3K", "claps": "511", "responses": 9},
        body="""
This winter I took the ferry from Aldenport to Kessvik six times, for work and, if I am honest, for the pleasure of it. The crossing takes five and a half hours in good weather and anything up to nine in bad. Here are some notes from the deck.

## First crossing, November

The ferry is called the *Saga Nord*. It was built in 2021 and runs partly on batteries, which the crew mention often and with pride. The cafeteria sells fish soup, waffles and a coffee so strong that a man at the next table told me it was “how the islanders keep the mainlanders away”.

## Second crossing, December

A storm. The captain announced, in a voice of perfect calm, that the crossing would take “somewhat longer than planned”. It took eight hours and forty minutes. Nobody complained. A group of schoolchildren from Innervik played cards on the floor of the lounge the whole way, and I learned three words of island dialect that I will not repeat here.

## Third crossing, January

Clear and cold. The sea was grey-blue and perfectly flat, and for the first hour the ferry was followed by a white-tailed eagle. An old man standing beside me at the rail said that when he was a boy, the sound between Kessvik and Innervik froze every winter and you could drive across it. “Now the eagle has the only road,” he said.

## Fourth and fifth crossings

Routine, which on this route means a lorry driver asleep across three chairs, a family with a dog in a crate and a nurse on her way back to a clinic on the outer islands. She told me she commutes this way every two weeks. She did not sound as if she enjoyed it.

## Sixth crossing, February

The last one. I have grown fond of the *Saga Nord*, of its fish soup and its patient crew. But I have also come to understand why islanders talk about the ferry the way other people talk about the weather: as something that shapes every plan, that nobody controls, and that you complain about only because it is there.

In Chinese we say 同舟共济 — “crossing the river in the same boat”. It means to face difficulty together. I never understood it so well as on this route.
""",
    ),
    dict(
        slug="inkwell-04-shadow-fleet-tracker",
        template="inkwell",
        handle="kwame.ab",
        tests="visible date without a year ('Dec 3') as platforms show for the current year; the year comes from metadata",
        title="I built a tracker for the shadow fleet with public data. Here’s what it shows",
        dek="Ship positions are public. Put together, they tell a story the tankers would rather you didn’t read",
        authors=["Kwame Adjei-Brennan"],
        date="2025-12-03",
        time="18:22",
        topics=["Maritime Security", "Technology", "Sanctions"],
        teasers=["The data says Northmere’s housing crisis is a Brackwater crisis"],
        extra={"bio": KWAME_BIO, "shown_author": "Dr. Kwame Adjei-Brennan", "ld_author": "Dr. Kwame Adjei-Brennan",
               "shown_date": "Dec 3", "followers": "6.1K", "claps": "7.9K", "responses": 212},
        body="""
Ships at sea broadcast their position every few seconds using a system called AIS. The signals are public, and several websites collect them. Over the past six months I have been using that data to follow the tankers that carry Valdrin Federation oil through the Vessel Sea in breach of sanctions — the so-called shadow fleet. This post explains how, and what I have found.

## How it works

The method is simple in outline:

1. Collect every AIS position for tankers in the Vessel Sea, using a free data feed.
2. Flag ships whose registered owner is a company less than two years old, whose flag has changed more than once since 2023, or whose insurer is unknown.
3. Look for suspicious behaviour: long periods with the transponder switched off, meetings with other tankers in open water, and unusually slow passages over known cable routes.

None of these signals proves anything on its own. Together, they make a reasonable watch list.

## What I found

Between June and November, my watch list contained 61 tankers. Together they made 214 passages through the Skerry Channel. Of those passages:

- 38 involved the transponder going dark for more than six hours;
- 23 included a meeting with another tanker in open water south of the Saarvik Islands;
- 7 showed a tanker slowing to under three knots directly above a known undersea cable.

That last number surprised me. I reported the seven cases to the Northmere Coastal Authority in October. I do not know what, if anything, it did with them.

## What I did not find

I did not find proof of sabotage. A ship can slow down over a cable for many innocent reasons, from engine trouble to waiting for a pilot. Anyone who tells you that public AIS data can prove intent is overselling it.

## Why share this

Because the data is public, and the more people look at it, the harder it is for anyone to pretend that nothing is happening. All the code is open. If you improve it, please tell me.

*Update, 5 December: several readers have asked whether the January cable incident appeared in my data. It did not — that happened after the period covered here. I will publish a follow-up.*
""",
    ),
    dict(
        slug="inkwell-05-five-charts-crown",
        template="inkwell",
        handle="ilsevdberg",
        tests="an author who also writes on another site (facet across sites); list-heavy post with a figure",
        title="Five charts that explain the Northmere crown",
        dek="Why a small currency in a big neighbourhood behaves the way it does",
        authors=["Ilse van der Berg"],
        date="2026-07-14",
        time="06:50",
        topics=["Central Banking", "Trade"],
        teasers=["A ledger for the new government"],
        extra={"bio": "Economist. Writes The Quiet Ledger, a blog about money and harbours.", "shown_date": "Jul 14",
               "followers": "3.0K", "claps": "1.9K", "responses": 44},
        body="""
I usually write about the Northmere crown on my own blog, where the audience is small and forgiving. Here I want to try something different: five charts, each with a short explanation, for anyone who has ever wondered why the crown does what it does. You will have to imagine the charts slightly, because I have described them in words for accessibility.

## 1. The crown follows the euro, loosely

Over the past decade, the crown has moved within about 6 per cent either side of its average against the euro. That is not a peg, but it is not a free float either. The Bank of Northmere says it targets inflation, not the exchange rate; in practice, it watches the euro very closely.

! crown-euro-2016-2026.png | The crown against the euro, 2016–2026, monthly averages. | Chart: Ilse van der Berg

## 2. Oil and fish move it more than you think

When prices for North Sea crude and for Vessel Sea herring rise together, the crown strengthens. Northmere exports both, and the market knows it. The correlation is not perfect, but it is stronger than for most small currencies.

## 3. Tarsholm matters

The Bank of Tarsland’s interest rate is a better predictor of the crown in the short run than the Bank of Northmere’s own rate. That is because a large share of the money flowing in and out of the crown passes through Tarsholm’s banks.

## 4. Crises push it down, briefly

The crown fell sharply in three episodes: the 2023 blockade of the Saarvik Islands, the Brackwater fire in 2024 and the Skerry Channel cable incidents this winter. Each time, it recovered within about two months.

## 5. The election barely registered

Despite all the campaign talk, the crown moved less than 1 per cent in the week of the September 2025 election. Markets cared more about the Bank than about the Storting.

## So what?

If there is a single lesson, it is that the crown is a regional currency that behaves like a commodity currency and is managed by a central bank that will not say it manages it. Governor Hedda Marlowe once told an audience in Caldrenne that the crown “has a mind of its own, and we try to be good company for it”. That is as good a summary as any.
""",
    ),
]
