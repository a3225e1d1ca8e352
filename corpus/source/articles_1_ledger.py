"""The Quiet Ledger: Ilse van der Berg's WordPress blog on money and harbours (invented)."""

SERIES_TITLES = [
    "What the harbour levy actually pays for",
    "The crown, the rate and the ferry fare",
    "Levy reform, round two: who wins and who pays",
    "A ledger for the new government",
]
RECENT = ["A ledger for the new government", "Housing the harbour workers", "Why Kessvik’s fish auction moved online"]

ARTICLES = [
    dict(
        slug="ledger-01-harbour-levy",
        template="wordpress",
        damage="win1252",
        tests="windows-1252 declared, curly quotes and dashes in 0x80–0x9F, € sign; WordPress series box",
        title="What the harbour levy actually pays for",
        authors=["Ilse van der Berg"],
        date="2024-02-11",
        time="08:12",
        series=["Harbour Money"],
        topics=["Trade", "Shipping"],
        extra={"part": (1, 4), "series_titles": SERIES_TITLES, "recent": RECENT},
        comments=[
            ("Harald P.", "Finally someone explains the dredging line. I had assumed it was a slush fund."),
            ("Mette from Brackwater", "The pilotage figure looks low to me. Is that net of the state grant?"),
        ],
        body="""
Every few months someone at a dinner party tells me that the harbour levy is “a tax on nothing”. It is not. It is a tax on every tonne that crosses a quay in Aldenport, Brackwater or Holm Ferris, and it raised €412 million last year — a little more than the Republic spends on its universities. This is the first post in a short series about harbour money: where it comes from, where it goes, and why the arguments about it are about to get louder.

## Where the money comes from

The levy has three parts. Ships pay a tonnage charge when they berth; cargo owners pay a throughput charge per tonne moved; and passengers pay a small fee folded into every ferry ticket. The throughput charge is the big one. It was set in 1994, when Northmere still exported more timber than containers, and it has been adjusted only twice since.

Table: Harbour levy receipts, 2023 (€ million)
| Part | Receipts | Share |
| Tonnage charge | 71 | 17% |
| Throughput charge | 298 | 72% |
| Passenger fee | 43 | 11% |

## Where it goes

Here the story gets more interesting. By law, the levy is “earmarked for the maintenance and improvement of the national harbours”, which sounds tidy until you read the budget lines. Roughly half goes to dredging, because the Vessel Sea silts up faster than anyone planned for. A quarter pays for pilotage and traffic control. The rest is split between quay repairs and a fund that the Coastal Authority describes, with admirable vagueness, as “strategic development”.

- Dredging: about €205 million
- Pilotage and vessel traffic services: about €101 million
- Quay and lock repairs: about €64 million
- Strategic development fund: about €42 million

That last line is where the politics lives. The strategic fund paid for the new grain berths at Brackwater, which was sensible, and for a ferry terminal at Holm Ferris that handles four sailings a day, which was less so.

## Why it matters now

The levy was designed for a port system that no longer exists. Container ships are larger and call less often; grain from Calvera arrives in bursts; and the ferries are half empty in winter. A charge per tonne rewards nobody for using the harbours efficiently. In the next post I will look at how the levy interacts with the Bank of Northmere’s interest rate — a connection that is stranger than it sounds.
""",
    ),
    dict(
        slug="ledger-02-crown-rate-ferry",
        template="wordpress",
        damage="nodecl",
        tests="UTF-8 with no charset declared anywhere (detection needed); series part 2",
        title="The crown, the rate and the ferry fare",
        authors=["Ilse van der Berg"],
        date="2024-06-30",
        time="19:45",
        series=["Harbour Money"],
        topics=["Central Banking", "Shipping"],
        extra={"part": (2, 4), "series_titles": SERIES_TITLES, "recent": RECENT},
        comments=[("Jonas Ekker", "Great piece. The chart of fares against the policy rate deserves a post of its own.")],
        body="""
When the Bank of Northmere raised its policy rate to 4.25 per cent in March, nobody at the ferry companies expected to feel it. Ferry fares are regulated, after all, and the harbour levy is fixed in euros per passenger. Three months later, the price of a return crossing from Aldenport to Kessvik has risen by nine per cent. This post, the second in the series on harbour money, tries to explain why.

## The chain of cause and effect

The short answer is debt. Both big ferry operators bought new hybrid vessels in 2021 and 2022, financed with loans tied to the Bank’s rate. When the rate went up, so did their interest bills. The regulator allows operators to pass on “unavoidable cost increases”, and a rising interest bill counts.

> “We did not raise the fares; the fares were raised for us,” one operator’s finance director told me, which is a very Northmere way of describing a decision.

The longer answer involves the crown. A stronger Northmere crown makes imported fuel cheaper, which should offset some of the interest costs. But the crown has barely moved against the euro this year, because the Bank of Tarsland raised its own rates at the same time. So the operators got the pain of higher rates without the relief of a stronger currency.

## Who pays

Islanders pay most. A household on the Saarvik Islands that travels to the mainland twice a month for hospital appointments and shopping now spends around €60 more a year on crossings. That is not ruinous, but it is regressive: the islands are poorer than the mainland, and the fare rise is the same for everyone.

There is a simple fix that nobody in Aldenport wants to talk about. The passenger part of the harbour levy raises €43 million a year. Waiving it for island residents would cost about €6 million, less than the strategic development fund spent on one underused terminal. Governor Hedda Marlowe cannot set ferry fares, but the finance ministry can set the levy, and it has chosen not to.

In the next post, I will look at the levy reform that the government has promised before the 2025 election — and at who is lobbying to shape it.
""",
    ),
    dict(
        slug="ledger-03-kessvik-fish-auction",
        template="wordpress",
        tests="WordPress chrome: sidebar widgets, comments, share bar, cookie bar; post outside any series",
        title="Why Kessvik’s fish auction moved online",
        authors=["Ilse van der Berg"],
        date="2024-11-17",
        time="10:03",
        topics=["Fisheries", "Technology"],
        extra={"recent": RECENT},
        comments=[
            ("Aud Kvale", "My father sold at the old hall for forty years. He would have hated the app and loved the prices."),
            ("Peder", "The point about the buyers from Tarsholm is the real story here."),
        ],
        body="""
For two hundred years, fish landed in Kessvik were sold in a cold hall beside the north quay, by an auctioneer who spoke faster than anyone could write. Since September, they have been sold on a tablet. I went to the Saarvik Islands to find out whether anything had been lost besides the noise.

## The old way

The hall auction was a Dutch auction, which means the price started high and fell until someone shouted. Buyers had to be physically present at five in the morning, which favoured the three big processing firms on the islands and shut out everyone else. A restaurant owner in Aldenport who wanted Kessvik cod had to buy it from a processor, at a mark-up.

## The new way

The new system, run by the Saarvik Harbour Commission, is still a falling-price auction, but the clock now runs on a screen and bids arrive from anywhere. In its first ten weeks, the number of registered buyers rose from 31 to 118. Forty of them are in mainland Northmere, and nine are in Tarsland.

> “The fish are the same, the boats are the same, but the buyers are not,” said Runa Haldorsen, who manages the auction for the Commission. “Prices for the best cod are up by about a fifth.”

Not everyone is pleased. The processors argue that they now pay more for raw fish while the islands lose jobs, because some of the catch leaves unprocessed. That is a fair point, and it is one the Commission has not yet answered.

## What the numbers say

The early data suggest three things:

- average prices for first-grade cod and haddock have risen by between 15 and 22 per cent;
- the share of the catch bought by island processors has fallen from 84 to 61 per cent;
- fishers’ incomes have risen, but so has the number of lorries on the ferry to Aldenport.

Economists like me tend to cheer when a market becomes more open. But the Kessvik auction is also a reminder that a market is a place, and that the people who lived around the old one are entitled to ask what the new one is for. I will come back to this when the Kessvik quota talks resume next year.
""",
    ),
    dict(
        slug="ledger-04-levy-reform-round-two",
        template="wordpress",
        damage="cp1252moji",
        tests="cp1252 mojibake of the whole page (’ → â€™, — → â€”, € → â‚¬), undefined bytes kept as C1 controls",
        title="Levy reform, round two: who wins and who pays",
        authors=["Ilse van der Berg"],
        date="2025-05-04",
        time="07:30",
        modified="2025-05-06",
        tz="+02:00",
        series=["Harbour Money"],
        topics=["Trade", "Elections"],
        extra={"part": (3, 4), "series_titles": SERIES_TITLES, "recent": RECENT},
        comments=[("Ola B.", "The box carriers’ lobby must be delighted with clause seven.")],
        body="""
The government published its harbour levy reform on Thursday, four months before the election and eighteen months after it first promised to. I have now read all 96 pages so you don’t have to. The short version: the reform is better than the current levy, worse than it could have been, and very carefully designed not to upset anyone who owns a container terminal.

## What changes

The per-tonne throughput charge — the part that raises almost three quarters of the money — would be replaced by a charge per ship call, scaled by the vessel’s size and its emissions class. Ferries would pay a flat annual fee instead of a per-passenger charge. And the “strategic development fund” would be abolished, with its money folded into the dredging budget.

All three changes are sensible. A charge per call gives operators a reason to consolidate cargo onto fewer, fuller ships. The emissions scaling nudges the fleet towards cleaner engines. And abolishing the strategic fund removes the temptation to build ferry terminals in marginal constituencies.

## Who wins

The winners are the large container lines. Because they already call less often with bigger ships, a per-call charge cuts their bill by about €31 million a year, according to the finance ministry’s own annex. Grain shippers from Calvera also gain, because their ships are large and arrive in concentrated seasons.

## Who pays

The losers are small coastal traders and the fishing fleet, which make many short calls with small vessels. The annex estimates that coastal shipping will pay €9 million more a year. That is small in aggregate, but large relative to the margins of a family-owned coaster.

> “The reform treats a forty-metre coaster like a small container ship,” said Brita Lunde of the Coastal Traders’ Association. “It is not. It is a lorry that floats.”

## What’s missing

There is no relief for island residents, which I argued for in [the previous post](https://quietledger.example/2024/06/30/the-crown-the-rate-and-the-ferry-fare/). There is no independent review clause. And the reform would not take effect until 2027, which means the next government — whoever it is — will be the one to implement it. The final post in this series will appear after the election.
""",
    ),
    dict(
        slug="ledger-05-housing-harbour-workers",
        template="wordpress",
        tests="guest author with an apostrophe in his name; WordPress post with a figure",
        title="Housing the harbour workers",
        authors=["Marcus O'Dell"],
        date="2025-10-19",
        time="11:20",
        tz="+02:00",
        topics=["Housing", "Migration"],
        extra={"recent": RECENT, "prev": "Levy reform, round two: who wins and who pays"},
        comments=[("Sanna", "As someone who lived in the Brackwater hostels in 2019: this is exactly right.")],
        body="""
*Ilse writes: Marcus O'Dell is a housing researcher in Brackwater and an occasional guest on this blog. I asked him to write about the part of the harbour economy that my spreadsheets leave out.*

Brackwater’s port employs about eleven thousand people, and perhaps a third of them did not grow up in Northmere. They come from Calvera, from the Saarvik Islands and, in smaller numbers, from across the Vessel Sea. Most of them work on quays that are busier than ever. Many of them live in rooms that would fail any inspection the city cared to make.

## The hostel economy

When the grain terminal expanded after the 2024 fire, the operators needed night-shift workers quickly. Agencies filled the gap, and with the agencies came what residents call “the hostels”: former offices and warehouses converted into dormitories, let by the bed rather than the room. A bed in one of them costs around €420 a month, deducted from wages before they are paid.

! brackwater-hostels.jpg | Former customs offices on Dock Street, now let by the bed. | Photo: Marcus O'Dell

None of this is illegal. The hostels are licensed as “temporary worker accommodation”, a category created in 2009 for seasonal fruit pickers and never updated. Inspections are announced in advance. Fire exits exist on paper.

## What the city could do

There are three things Brackwater could do without waiting for the national government:

1. Require agencies to separate rent from wages, so that a worker can leave a bad bed without losing a job.
2. Carry out unannounced inspections, funded by the licence fees the hostels already pay.
3. Use the port’s own land — the city is a part-owner — to build staff housing at cost.

The third idea is the most ambitious, and the least likely. But it has a precedent: in the 1950s, the harbour board built the terraces on Saltmarket Row for dockers and their families. Those houses still stand, and they are still among the most sought-after in the city.

## A question for the new government

Prime Minister Anselm Kade campaigned on “a fair deal for working harbours”. If that phrase means anything, it should mean that the people who move the country’s grain and containers can sleep somewhere safe. The levy reform his government inherits says nothing about housing. It should.
""",
    ),
    dict(
        slug="ledger-06-ledger-new-government",
        template="wordpress",
        tests="series finale (part 4 of 4); list and table; dates across the year boundary",
        title="A ledger for the new government",
        authors=["Ilse van der Berg"],
        date="2026-01-25",
        time="09:05",
        series=["Harbour Money"],
        topics=["Central Banking", "Elections", "Trade"],
        extra={"part": (4, 4), "series_titles": SERIES_TITLES, "recent": RECENT[1:]},
        comments=[("Harald P.", "Point three will never happen, but I admire the optimism.")],
        body="""
Four months after the Civic Alliance won the September election, Anselm Kade’s government has set out its economic plans in a budget that is cautious in most places and bold in one. This is the last post in my series on harbour money, and I want to use it to keep score: what the new government has done with the levy reform it inherited, and what it has left undone.

## The bold part

The government has kept the per-call charge at the centre of the reform but brought forward its start to July 2026. That is six months earlier than the previous government planned and will please the large shippers, who gain most. It has also — and this surprised me — added a rebate for coastal vessels under 60 metres, which answers most of the complaint from small traders that I wrote about last spring.

## The cautious part

On everything else, the budget waits. There is no decision on the ferry levy for island residents. There is no new money for Brackwater, despite the housing problems my guest [Marcus O'Dell described](https://quietledger.example/2025/10/19/housing-the-harbour-workers/) in October. And the dredging budget, which absorbs the former strategic fund, is not ring-fenced.

Table: The levy reform, before and after the election
| Measure | Brekke plan (2025) | Kade budget (2026) |
| Per-call charge | from 2027 | from July 2026 |
| Coastal rebate | none | vessels under 60 m |
| Island ferry relief | none | under review |
| Strategic fund | abolished | abolished |

## Three things to watch

- Whether the Bank of Northmere cuts rates in March, as markets expect. Governor Hedda Marlowe has said she wants to see “two more quarters of evidence” first.
- Whether the per-call charge actually shortens queues at Brackwater, or whether the shipping lines simply pocket the savings.
- Whether anyone in Aldenport notices that the islands are still paying more for ferries than they did in 2023.

I started this series two years ago arguing that the harbour levy was a tax designed for a port system that no longer existed. The reform is an honest attempt to design one for the port system that does. It is not finished, and neither, I suspect, is this blog’s interest in it.
""",
    ),
]
