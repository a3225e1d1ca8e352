"""Aldenport Institute for Maritime Affairs: a think-tank blog with series/topic blocks (invented)."""

OSKAR = "Oskar Lindqvist-Hale is Senior Fellow at the Aldenport Institute for Maritime Affairs."
PERNILLE = "Pernille Ashgrove leads the Institute’s energy and environment programme."
JB = "Jean-Baptiste de la Roche is a Visiting Researcher at AIMA."

ARTICLES = [
    dict(
        slug="aima-01-saarvik-blockade-legacy",
        template="aima",
        tests="think-tank blog: 'Posted <weekday>, <d Mon yyyy> by' byline, doubled lead caption, series and topics blocks at the foot",
        title="Why the Saarvik blockade still shapes Vessel Sea security",
        dek="A year on, the Valdrin blockade of the Saarvik Islands has rewritten the region's security assumptions.",
        authors=["Oskar Lindqvist-Hale"],
        date="2024-04-15",
        series=["Vessel Sea Security"],
        topics=["Maritime Security", "Valdrin Federation"],
        caption="Patrol boats in Kessvik harbour during the 2023 blockade. Photo: Saarvik Coast Guard",
        extra={"notes": [OSKAR]},
        body="""
In the spring of 2023, the Valdrin Federation closed the sea lanes into Kessvik for forty-one days. It called the operation a “customs inspection regime”; everyone else called it a blockade. Food and fuel ran short on the Saarvik Islands, a hospital postponed operations for lack of oxygen cylinders, and the ferries from Aldenport sat idle at their berths. Then, as suddenly as it began, the blockade was lifted, and Ostrogard declared that the inspections had “achieved their purpose”.

A year later, it is worth asking what that purpose was, and what the episode has changed.

## Three lessons the region learned

The first lesson is that the Vessel Sea’s economic interdependence is not a shield. For two decades, officials in Aldenport and Tarsholm assumed that the Valdrin Federation’s dependence on Vessel Sea ports for its own exports would deter it from disrupting shipping. The blockade showed that Ostrogard was willing to accept losses for political effect.

The second lesson is that small states need partners before a crisis, not during one. Saarvik’s appeals to the Vessel Sea Council produced a statement of concern within a week but nothing more. The blockade was eased only after Northmere and Tarsland began organising escorted convoys — an improvised arrangement with no legal foundation.

The third lesson is that the sea itself has become a battlefield of ambiguity. The Valdrin vessels conducting the inspections were coast guard ships, not warships; the cargoes they held back were delayed, not seized. Every step was designed to remain below the threshold at which a military response would look proportionate.

## What has changed since

Northmere has since increased its defence budget by 18 per cent, most of it for maritime patrol aircraft and offshore patrol vessels. The Saarvik Islands have signed a defence cooperation agreement with Northmere that, for the first time, allows Northmere warships to be based at Kessvik. And the Vessel Sea Council has suspended the Valdrin Federation’s membership.

> The blockade ended, but the assumptions it destroyed have not been rebuilt.

What has not changed is the region’s dependence on a handful of narrow straits and a few undersea cables. Those are the vulnerabilities that a future grey-zone campaign would target, and this series will examine them one by one.
""",
    ),
    dict(
        slug="aima-02-missing-interconnector",
        template="aima",
        tests="second series of the same site; table inside the article body",
        title="Offshore wind and the grid: Northmere’s missing interconnector",
        dek="Northmere is building wind farms faster than it is building the cables to use them.",
        authors=["Pernille Ashgrove"],
        date="2024-09-03",
        series=["Energy Transition Watch"],
        topics=["Energy", "Technology"],
        caption="Turbine foundations waiting on the quay at Brackwater. Photo: AIMA",
        extra={"notes": [PERNILLE]},
        body="""
Northmere will have more than four gigawatts of offshore wind capacity in the Vessel Sea by the end of 2026, up from barely one gigawatt in 2020. That is a remarkable achievement for a country of six million people. It is also a problem, because on windy nights Northmere already produces more electricity than it can use — and it has almost nowhere to send it.

## The bottleneck

The country has only two high-voltage links to its neighbours: a 700-megawatt cable to Tarsland, completed in 2011, and a smaller link to the Saarvik Islands. When the wind blows hard, grid operators must pay wind farms to switch off, a practice known as curtailment. Last year, curtailment payments reached €96 million.

Table: Offshore wind capacity and curtailment in Northmere
| Year | Installed capacity (GW) | Curtailed output (TWh) |
| 2021 | 1.3 | 0.2 |
| 2022 | 1.9 | 0.5 |
| 2023 | 2.6 | 1.1 |
| 2024 (estimate) | 3.2 | 1.8 |

## The Calvera link

The obvious solution is a new interconnector to Calvera, whose solar-heavy grid needs power in exactly the hours — winter evenings — when Northmere’s wind farms are most productive. A 1.4-gigawatt cable along the southern seabed has been studied since 2018. It has not been built, for three reasons:

- the two transmission operators disagree on how to share the cost;
- the route crosses fishing grounds, and fishers’ associations in Holm Ferris have objected;
- the Valdrin blockade of 2023 made investors nervous about any infrastructure on the Vessel Sea floor.

None of these obstacles is insurmountable. A cost-sharing formula based on who benefits — as used for interconnectors elsewhere in Europe — would settle the first. Compensation and route adjustments would address the second.

## Why it matters now

The third obstacle is the hardest, and it links energy policy to security policy in a way that Aldenport has been slow to recognise. Every new cable is both an asset and a target. A serious interconnector strategy therefore needs a serious plan to protect it. This series will return to that question.
""",
    ),
    dict(
        slug="aima-03-shadow-fleet-environment",
        template="aima",
        tests="two authors joined with 'and' in a visible byline; three topics",
        title="The shadow fleet is an environmental problem too",
        dek="Old tankers with murky ownership are a security risk. They are also an oil spill waiting to happen.",
        authors=["Pernille Ashgrove", "Oskar Lindqvist-Hale"],
        date="2025-02-20",
        series=["Vessel Sea Security"],
        topics=["Maritime Security", "Sanctions", "Climate"],
        caption="A tanker at anchor off the Skerry Channel, January 2025. Photo: AIMA",
        extra={"notes": [PERNILLE, OSKAR]},
        body="""
Most discussion of the so-called shadow fleet — the ageing tankers that carry Valdrin Federation oil in defiance of sanctions — treats it as a question of sanctions enforcement. How much oil gets through? Who profits? How can the loopholes be closed? Those are important questions. But there is another one that the region’s coastal communities are starting to ask: what happens when one of these ships breaks down?

## Old ships, thin insurance

The average tanker in the shadow fleet is more than twenty years old, compared with about eleven for the global tanker fleet. Many have changed name and flag several times in the past two years. Few carry insurance from the established mutual clubs, which means that if a vessel spills its cargo, there may be nobody able to pay for the clean-up.

The Vessel Sea is particularly exposed. It is shallow, its water is exchanged with the ocean only slowly, and its coastlines include some of the most important seabird colonies in northern Europe. A spill of the size of a single laden tanker would, by the Coastal Authority’s own estimates, cost more than €1 billion to clean up.

## Near misses

There have already been warnings. In the past eighteen months:

- a tanker lost engine power in the Skerry Channel and drifted for six hours before a tug reached it;
- another ran aground briefly on a sandbank off Holm Ferris, without a spill;
- at least four ship-to-ship transfers of oil have been observed in open water south of the Saarvik Islands.

> “We are relying on luck,” a senior Coastal Authority official told us. “Luck is not a strategy.”

## What can be done

Coastal states cannot simply turn these ships away: the right of innocent passage applies to them as it does to any other vessel. But states can require proof of valid insurance from ships entering their territorial waters, as several Baltic and Nordic states already do. They can pre-position oil-recovery vessels near the busiest straits. And they can share tracking data through the Vessel Sea Council, as Élodie Fairweather and others have proposed.

None of this will stop the shadow fleet. It might stop the shadow fleet’s next accident from becoming a disaster.
""",
    ),
    dict(
        slug="aima-04-calvera-southern-corridor",
        template="aima",
        tests="author with a two-word particle ('de la'); think-tank post with topics but no series block",
        title="Calvera’s grain and the politics of the southern corridor",
        dek="The grain route from Montalba to the north is a lifeline, a business and a diplomatic bargaining chip.",
        authors=["Jean-Baptiste de la Roche"],
        date="2025-07-08",
        topics=["Agriculture", "Trade", "Diplomacy"],
        caption="Bulk carriers loading at Montalba in June. Photo: Port of Montalba",
        extra={"notes": [JB]},
        body="""
Every autumn, a procession of bulk carriers leaves the Calveran port of Montalba loaded with wheat and barley, crosses the southern Vessel Sea and unloads in Brackwater, Holm Ferris and Kessvik. The southern corridor, as officials call it, carries some 6.5 million tonnes of grain a year. For Calvera, it is the country’s largest source of export revenue. For the Saarvik Islands, it is most of what they eat.

## A route with few alternatives

Calvera has no northern coast of its own and no rail link across the mountains to the north. The corridor is therefore not one route among many; it is the route. That gives whoever controls its chokepoints — the Brackwater terminals, the Montalba loading berths and the narrow passage south of the Skerry Channel — considerable leverage.

The fire at Brackwater in March 2024 showed how fragile the arrangement is. With the terminal’s capacity halved, ships queued for weeks, and Calvera’s agriculture minister, Rosalía Ferrante, publicly accused Northmere of “treating our harvest as an afterthought”.

## Diplomacy by the tonne

Since then, grain has become a theme in almost every conversation between Montalba and Aldenport. Calvera wants guaranteed berth capacity at Brackwater during the harvest season. Northmere wants Calvera’s support for a tougher line on the Valdrin shadow fleet within the Vessel Sea Council, where Montalba has so far been cautious.

> “Everything is connected to everything else,” one Calveran diplomat told me, with a shrug. “The grain is simply the part you can weigh.”

## What could go wrong

Three risks stand out:

1. Another terminal accident at Brackwater, for which there is still no backup arrangement.
2. A grey-zone disruption in the southern passage, similar to the 2023 blockade of Kessvik.
3. A drought in Calvera, which would reduce supply just as northern buyers have come to depend on it.

The first two risks are in Northmere’s hands to reduce. A second grain terminal — at Holm Ferris, where the fishing harbour has spare capacity since the herring moved north — would be a sensible investment in the region’s food security, and a gesture towards a neighbour whose goodwill Aldenport increasingly needs.
""",
    ),
    dict(
        slug="aima-05-kade-coalition-defence",
        template="aima",
        damage="gbk",
        tests="think-tank page as UTF-8 read through GBK with bytes lost (curly quotes eat the next letter, NBSPs become 聽)",
        title="After the election: what Kade’s coalition means for defence",
        dek="The new government has promised to spend more on defence. The question is what it will buy.",
        authors=["Oskar Lindqvist-Hale"],
        date="2025-10-06",
        series=["Vessel Sea Security"],
        topics=["Elections", "Maritime Security"],
        caption="The Storting in Aldenport on the day of the vote of confidence. Photo: AIMA",
        extra={"notes": [OSKAR]},
        body="""
Anselm Kade’s Civic Alliance government took office last week with the support of the Island party and a programme that mentions the word “sea” forty-one times. Defence features prominently: the coalition agreement commits Northmere to raising military spending to 2.5 per cent of GDP by 2029, up from 2.1\u00a0per cent today. That is roughly €1.1 billion a year in additional spending. What should it buy?

## The Island party’s price

The Island party, whose six seats give Kade his majority, has secured two commitments that will shape the answer. The first is a permanent naval presence at Kessvik, building on the cooperation agreement signed after the 2023 blockade. The second is a new coast guard station on the northern Saarvik coast, where fishing communities complain that rescue helicopters take more than an hour to arrive.

Both commitments are sensible. Both are also expensive in a way that coalition agreements tend to overlook: they require people. Northmere’s navy is already short of about 400 sailors, and the coast guard cannot fill its vacancies in the north.

## Platforms or people

There is a familiar temptation, when defence budgets rise, to spend the money on things that can be unveiled at a ceremony: ships, aircraft, missiles. Kade’s coalition will feel that temptation too. But the security problems that the Vessel Sea has faced over the past three years — a blockade, a grain terminal fire, cables cut by dragged anchors — have been problems of presence and awareness, not firepower.

A better balance would put the first years of new money into:

- recruitment and retention, including housing for naval personnel in Kessvik;
- maritime patrol aircraft and drones to watch the Skerry Channel around the clock;
- a joint operations centre with the Saarvik Islands and Tarsland.

## A test of seriousness

The coalition’s first budget, due in January, will show whether it has absorbed these lessons. If most of the new money is earmarked for a second frigate programme, the answer will be no. If it goes to the unglamorous work of seeing what happens on and under the sea, Northmere will be safer — and its neighbours will notice.
""",
    ),
    dict(
        slug="aima-06-brackwater-hydrogen",
        template="aima",
        tests="in-body figure whose caption the page repeats (doubled caption inside the article, not only the lead)",
        title="Hydrogen at Brackwater: a port bets on the next fuel",
        dek="Brackwater wants to become the Vessel Sea's hub for green hydrogen. The numbers are harder than the slogans.",
        authors=["Pernille Ashgrove"],
        date="2026-03-12",
        series=["Energy Transition Watch"],
        topics=["Energy", "Shipping"],
        extra={"notes": [PERNILLE]},
        body="""
Brackwater’s port authority unveiled a plan last month to turn a disused section of the south basin into a production site for green hydrogen, using surplus electricity from offshore wind farms that would otherwise be switched off. The ambition is to supply hydrogen-based fuels to ferries and coastal ships, and eventually to export them. It is the most concrete proposal yet for solving the curtailment problem I described in this series in 2024.

! brackwater-south-basin.jpg | The disused south basin at Brackwater, where the electrolysers would stand. | Photo: Port of Brackwater

## The case for

The logic is appealing. Northmere already pays wind farms to stop producing electricity on windy nights. An electrolyser plant could absorb that surplus, turning it into hydrogen that can be stored. Ships that call at Brackwater could refuel there, and the port would gain a new industry just as the grain and herring trades become less predictable.

## The case against

The difficulty lies in utilisation. An electrolyser that runs only when power is cheap runs perhaps a third of the time, which makes each kilogram of hydrogen expensive. The port’s own feasibility study assumes the plant would run 55 per cent of the time, which would require buying power at ordinary prices for part of the year.

> “Hydrogen from surplus power is cheap in a slide deck and expensive in a balance sheet,” one energy economist told me.

There is also the question of customers. The two ferry operators on the Aldenport–Kessvik route have said they are “interested” but have not committed to buying hydrogen-powered vessels. Without them, the plant would depend on exports, for which there is, as yet, no pipeline and no ship.

## What would make it work

The project would become far more credible with three things: a long-term purchase agreement from at least one ferry operator; a grid connection that lets the plant buy power when prices are low anywhere in the region, not only in Northmere; and public support for the first years of operation, set out clearly rather than hidden in the harbour levy. Brackwater has the space and the wind. It now needs a business case.
""",
    ),
    dict(
        slug="aima-07-seabed-security",
        template="aima",
        tests="two authors, one with a particle; five-part series finale; list of recommendations",
        title="Seabed security after the Skerry Channel incidents",
        dek="Two cables cut in one winter have forced the region to think about what lies beneath.",
        authors=["Oskar Lindqvist-Hale", "Jean-Baptiste de la Roche"],
        date="2026-05-18",
        series=["Vessel Sea Security"],
        topics=["Maritime Security", "Technology", "Valdrin Federation"],
        caption="A cable repair ship working in the Skerry Channel in February. Photo: Northmere Navy",
        extra={"notes": [OSKAR, JB]},
        body="""
In December 2025 and again in January 2026, data cables on the floor of the Skerry Channel were severed by ships dragging their anchors. In both cases, the vessels involved were tankers associated with the Valdrin shadow fleet. In both cases, the damage was repaired within weeks, and in both cases, nobody was held responsible. The incidents have done more to concentrate minds in Aldenport than any strategy paper. This final post in our series on Vessel Sea security asks what a serious response would look like.

## The problem of attribution

The first difficulty is proof. An anchor dragged across a cable leaves a scar on the seabed and a gap in the data traffic; it does not leave a signature. The crews involved have said that the anchors deployed accidentally in bad weather, and it is hard to show otherwise. This is precisely what makes such acts attractive to a state that wishes to cause harm without inviting retaliation.

## From protection to resilience

Because attribution will often be impossible, the most effective measures are those that reduce the damage a cut can do. We recommend four:

1. Build redundancy: at least three independent cable routes between the mainland and the Saarvik Islands, with landing points far apart.
2. Pre-position repair capacity in the region, rather than relying on a single repair ship based in Tarsholm.
3. Require vessels transiting the Skerry Channel to keep their automatic identification systems switched on and to report anchor use.
4. Create a seabed monitoring network of acoustic sensors along critical routes, shared between Northmere, Saarvik and Tarsland.

> Resilience is less satisfying than retaliation. It is also far more likely to work.

## The legal gap

International law offers coastal states little help in a strait used for international navigation. Northmere should nonetheless work with its neighbours on a regional agreement, perhaps under the Vessel Sea Council, that sets common rules on anchoring and reporting in the Skerry Channel. Such rules would not stop a determined saboteur, but they would make the accidental explanation much harder to sustain.

Since this series began two years ago, the Vessel Sea has seen a blockade, a fire, a quota war narrowly averted and now an undeclared campaign on the seabed. The region’s security has been tested in ways few foresaw. It has held — but only just.
""",
    ),
]
