"""The Northmere Herald: a daily news site with JSON-LD NewsArticle metadata (invented)."""

THAW = ["On the Saarvik ice road, the last winter may already have come",
        "Herring follow the cold water north, and the fleet follows the herring",
        "Permafrost under the Northmere highlands is thawing faster than models predicted"]

ARTICLES = [
    dict(
        slug="herald-01-grain-terminal-fire",
        template="herald",
        tests="JSON-LD @graph NewsArticle, Person author with role in the byline, cookie banner, newsletter box mid-article",
        title="Brackwater grain terminal fire: what we know so far",
        dek="Fire crews fought through the night at the port’s largest grain store; no one was killed but exports from Calvera face weeks of delay",
        authors=["Tomas Reyhaven"],
        roles=["Defence and security editor"],
        date="2024-03-08",
        time="06:15",
        modified="2024-03-09",
        section="News",
        topics=["Agriculture", "Shipping", "Trade"],
        caption="Smoke over the north basin of Brackwater port on Friday morning.",
        credit="Photograph: Sindre Voll/The Northmere Herald",
        teasers=["Calvera asks Northmere to open emergency grain berths", "Port insurers brace for record claim"],
        body="""
A fire that broke out late on Thursday at the largest grain terminal in Brackwater burned for more than nine hours before it was brought under control, fire officials said on Friday morning. No one was killed. Two workers were treated in hospital for smoke inhalation and have since been released.

The blaze started in a conveyor gallery on the north side of the terminal at about 22.40, according to the Brackwater fire service, and spread along the gallery into two of the terminal’s six storage silos. Around 90 firefighters and four fire boats were deployed.

## What caused it

Investigators have not yet determined the cause. Grain dust is highly combustible, and fires in conveyor systems are among the most common accidents at bulk terminals. A spokesperson for Vessel Bulk Terminals, which operates the site, said the company was “cooperating fully” with the investigation and that maintenance records would be handed over on Friday.

Union representatives said workers had raised concerns about dust levels in the north gallery in January.

> “We were told the extraction fans would be replaced in the spring,” said one shift supervisor, who asked not to be named. “Spring came early, I suppose.”

## What it means for exports

The terminal handles roughly 40 per cent of the grain shipped from Calvera through the Vessel Sea, most of it bound for the Saarvik Islands and for markets further north. With two silos destroyed and the conveyor gallery closed, its capacity will be cut by at least half for several weeks.

- Three bulk carriers waiting in the anchorage have been told to expect delays of up to ten days.
- Calvera’s agriculture ministry said it was “studying alternative routes”, including the smaller terminal at Holm Ferris.
- Grain futures in Tarsholm rose 3.1 per cent in early trading.

## What happens next

The Coastal Authority has closed the inner north basin to traffic while divers inspect the quay wall, which was exposed to intense heat. The transport minister, Eirik Sande, is due to visit the site on Friday afternoon.

Local residents were advised to keep windows closed overnight, but air quality readings in the city centre were normal by 8am, the municipality said.
""",
    ),
    dict(
        slug="herald-02-saarvik-ice-road",
        template="herald",
        damage="gbk",
        tests="whole page UTF-8 read as GBK with lost bytes (like the seed), saved as UTF-8; JSON-LD isPartOf series",
        title="On the Saarvik ice road, the last winter may already have come",
        dek="For a century, islanders drove across the frozen sound each February. This year the ice never came",
        authors=["Aurelia Castaneda-Moreau"],
        roles=["Climate correspondent"],
        date="2024-12-02",
        time="07:00",
        modified="2024-12-03",
        section="Climate",
        series=["The Long Thaw"],
        topics=["Climate", "Fisheries"],
        caption="The marker poles of the old ice road, standing in open water off Innervik.",
        credit="Photograph: Aurelia Castaneda-Moreau",
        teasers=THAW[1:],
        body="""
Every winter since 1921, the people of Innervik have marked out a road across the sound that separates their island from Kessvik. When the ice reached 40 centimetres, the harbour master drove a lorry across it and, if nothing cracked, declared the road open. In a good year it carried cars, school buses and the occasional wedding party for six or seven weeks.

The road did not open last winter, or the winter before. Islanders I spoke to this autumn no longer talk about when it will open again. They talk about whether it ever will.

## A road measured in days

Records kept by the Innervik harbour office tell the story more clearly than any model. In the 1960s the ice road was open for an average of 51\u00a0days a year. In the 1990s it was 33. Between 2010 and 2019 it was 12, and since 2020 it has been zero.

> “My grandfather crossed it with a horse,” said Gunnhild Aas, 74, who runs the island’s only shop. “I crossed it with my children. My grandchildren have only seen the poles.”

The marker poles are still there, planted in the seabed each October by volunteers who have not been able to bring themselves to stop.

## What replaced it

Since the ice failed, Innervik has depended on a small ferry that runs four times a day and stops entirely in storms. A return ticket costs €14, and the crossing takes 25 minutes — far longer than the eight-minute drive the ice once allowed. For the island’s 600 residents, that has changed where they shop, which school their children attend and how quickly an ambulance can reach them.

The fishermen have their own worries. Warmer water in the sound has brought mackerel where there used to be cod, and the island’s two remaining boats have had to buy new gear.

## The wider thaw

Innervik is a small place, but it is a useful thermometer. Across the Vessel Sea, winters are shortening faster than the regional average for northern Europe, scientists at the University of Caldrenne reported in October. This series, The Long Thaw, will follow what that means for the people who live on its shores: fishers, farmers, engineers and the islanders who are learning to live without ice.
""",
    ),
    dict(
        slug="herald-03-herring-follow-cold-water",
        template="herald",
        damage="double",
        tests="double cp1252 mojibake (UTF-8 → cp1252 twice) across the whole page; two Person authors in order",
        title="Herring follow the cold water north, and the fleet follows the herring",
        dek="As the Vessel Sea warms, the region’s most valuable fish is moving — and taking the fishing towns’ futures with it",
        authors=["Tomas Reyhaven", "Aurelia Castaneda-Moreau"],
        date="2025-03-17",
        time="05:30",
        modified="2025-03-18",
        section="Climate",
        series=["The Long Thaw"],
        topics=["Climate", "Fisheries"],
        caption="Herring being landed at Kessvik’s north quay in February.",
        credit="Photograph: Sindre Voll/The Northmere Herald",
        teasers=[THAW[0], THAW[2]],
        body="""
Ten years ago, the herring fleet based in Holm Ferris fished within a day’s steaming of home. This winter, its boats spent most of the season 300 kilometres to the north, off the Saarvik Islands, landing their catch at Kessvik and sending it south by lorry.

The reason is temperature. Herring in the Vessel Sea spawn and feed in water between 4C and 9C, and that band has been moving north at an average of 19 kilometres a decade since the 1990s, according to survey data published by the Northmere Marine Institute in January. In the past five years the shift has accelerated.

## Towns left behind

For Holm Ferris, the consequences are already visible. Two of the town’s four processing plants have closed since 2021. The harbour, which once handled 60,000 tonnes of herring a year, handled fewer than 18,000 tonnes last year.

> “We did everything right,” said Jorunn Tveit, who chairs the town’s fishing association. “We kept to the quotas, we modernised the boats. Nobody told us the fish would simply leave.”

Kessvik, meanwhile, is struggling to cope with success. Its cold stores are full, and island officials say the ferry to the mainland cannot carry all the lorries that now need to cross.

## The quota question

The northward shift also raises a diplomatic problem. Herring quotas in the Vessel Sea are divided between Northmere, the Saarvik Islands and the Valdrin Federation according to where the fish were found in the 1980s. If the herring now spend most of their lives in Saarvik waters, islanders argue, Saarvik should receive a larger share.

Negotiators from the three countries are due to meet in Kessvik in June. Northmere’s fisheries minister, Lars Brun, has said the government is “open to a fair adjustment”, but officials in Ostrogard have so far refused to discuss any change.

## What scientists expect

Researchers at the Marine Institute expect the shift to continue. Their central projection puts the southern edge of the herring’s range north of Holm Ferris by 2040 — which would make the town’s fleet, in effect, a long-distance one.
""",
    ),
    dict(
        slug="herald-04-kessvik-accord",
        template="herald",
        tests="article credited to a wire agency (organisation, no person): authors [] and organizations [agency]",
        title="Kessvik Accord sets herring quotas for five years",
        dek="Northmere, the Saarvik Islands and the Valdrin Federation agree a new split after three days of talks",
        organizations=["Vessel Press Agency"],
        date="2025-06-12",
        time="18:05",
        tz="+02:00",
        section="World",
        topics=["Fisheries", "Diplomacy"],
        teasers=["Herring follow the cold water north, and the fleet follows the herring"],
        body="""
Northmere, the Saarvik Islands and the Valdrin Federation agreed on Thursday to a new five-year division of herring quotas in the Vessel Sea, ending a dispute that had threatened to close the fishery.

Under the agreement, signed in Kessvik after three days of talks, the Saarvik Islands’ share of the total allowable catch rises from 22 per cent to 31 per cent. Northmere’s share falls from 48 to 43 per cent and the Valdrin Federation’s from 30 to 26 per cent. The total catch for 2026 will be cut by 8 per cent to allow stocks to recover.

## Reactions

The Saarvik president, Liv Østergaard, called the accord “a recognition that the fish have moved, and the rules must move with them”. She said the islands would use part of the increased quota to support young fishers entering the industry.

Northmere’s fisheries minister, Lars Brun, said the deal was “painful but fair”. He announced a compensation fund of €40 million for fishing communities on the southern coast, including Holm Ferris, whose fleet has seen catches fall sharply as herring moved north.

The Valdrin delegation did not hold a press conference. A statement issued in Ostrogard described the accord as “a temporary arrangement” and said the Federation reserved the right to review it if “scientific data are found to have been politicised”.

## Key points of the accord

- A joint scientific committee will set the total catch each year, with members from all three countries and one independent chair.
- Quotas will be reviewed in 2030 on the basis of where herring are found during the spawning season.
- Vessels from each country may fish in the others’ waters up to their national quota, subject to licensing.
- Landings must be reported electronically within 24 hours.

## Background

Herring quotas in the Vessel Sea were last divided in 1987, according to the distribution of stocks at the time. Scientists say warming waters have since pushed the fish north, into Saarvik’s exclusive economic zone. The islands had threatened to set a unilateral quota if no agreement was reached this year.

Environmental groups welcomed the cut to the total catch but said it did not go far enough. “An 8 per cent reduction is a start, not a recovery plan,” said a spokesperson for the Vessel Sea Conservation Trust.
""",
    ),
    dict(
        slug="herald-05-civic-alliance-wins",
        template="herald",
        tests="publication time just after midnight local time: JSON-LD +02:00 gives 15 Sep, article:published_time in UTC gives 14 Sep; og:url with tracking query; canonical is the clean URL",
        title="Civic Alliance wins Northmere election as Kade promises ‘a fair deal for working harbours’",
        dek="Johanna Brekke concedes after eight years in office; turnout highest since 1998",
        authors=["Tomas Reyhaven", "Nadia Qaraman"],
        date="2025-09-15",
        time="00:40",
        tz="+02:00",
        modified="2025-09-15",
        section="Politics",
        topics=["Elections"],
        caption="Anselm Kade addresses supporters in Aldenport shortly after midnight.",
        credit="Photograph: Mira Lindholt/The Northmere Herald",
        extra={"published_utc": "2025-09-14T22:40:00Z", "og_suffix": "?CMP=share_btn_link",
               "shown_time": "Mon 15 Sep 2025 00.40 CEST"},
        teasers=["Who is Anselm Kade? The harbour pilot turned party leader", "Live: Northmere election results"],
        body="""
The centre-right Civic Alliance has won Northmere’s general election, ending eight years of government led by Johanna Brekke and the Harbour Labour party. With 97 per cent of votes counted shortly after midnight, the Alliance had 38.4 per cent of the vote and was projected to win 71 of the 150 seats in the Storting, enough to govern with the support of the small Island party.

Brekke conceded just before midnight in a short speech to supporters in Brackwater. “The voters have spoken, and they have spoken clearly,” she said. “We will be a strong opposition.”

## A campaign fought on the quays

The Alliance leader, Anselm Kade, a former harbour pilot who entered politics only seven years ago, told a crowd in Aldenport that his government would deliver “a fair deal for working harbours”. He promised to bring forward the reform of the harbour levy, to cut the ferry fares paid by island residents and to build “homes that dockers can afford”.

> “This country lives from the sea,” Kade said. “For too long the people who work on it have been told to wait. The waiting is over.”

The campaign was dominated by the cost of living, the future of the fishing towns in the south and the government’s handling of last year’s grain terminal fire in Brackwater, which opposition parties said had exposed years of underinvestment in port safety.

## Turnout and the smaller parties

Turnout was 81.2 per cent, the highest since 1998. The Greens gained four seats, largely in Caldrenne and Aldenport, while the agrarian Heartland party lost half of its representation. The Island party, which campaigns for the Saarvik-facing northern constituencies, won six seats and is expected to play a decisive role.

- Civic Alliance: 71 seats (+19)
- Harbour Labour: 49 seats (−16)
- Greens: 14 seats (+4)
- Island party: 6 seats (+2)
- Heartland: 5 seats (−5)
- Others: 5 seats (−4)

## What comes next

Kade is expected to begin formal talks with the Island party on Monday. Under Northmere’s constitution, the new government must be presented to the Storting within 21 days. Markets reacted calmly in early Asian trading, with the crown little changed against the euro.
""",
    ),
    dict(
        slug="herald-06-vessel-sea-council-opinion",
        template="herald",
        tests="Opinion column; author with accented given name (É) in JSON-LD and byline",
        title="The Vessel Sea Council needs a secretariat that can say no",
        dek="The region’s only common institution has spent thirty years agreeing on nothing. It is time to give it teeth",
        authors=["Élodie Fairweather"],
        date="2025-11-20",
        time="17:00",
        section="Opinion",
        topics=["Diplomacy", "Maritime Security"],
        teasers=["The Kessvik Accord shows what the region can do when it must"],
        body="""
The Vessel Sea Council was founded in 1994 with a modest ambition: to give the states around our sea a room in which to talk. On that measure it has succeeded. Every spring, ministers from Northmere, the Saarvik Islands, Calvera, Tarsland and — until 2023 — the Valdrin Federation gather in a different port, issue a communiqué and go home.

What the Council has never had is the ability to act. Its secretariat in Tarsholm employs 34 people, most of them translators. It cannot inspect a ship, fine a polluter or publish a report that any member state objects to. In thirty years, it has never said no to anyone.

## Three crises, no answer

That weakness has been exposed three times in as many years. When the Brackwater grain terminal burned in 2024, the Council had no mechanism to coordinate rerouting of Calveran grain; each state improvised. When the herring quota dispute threatened to close the fishery, the talks that produced the Kessvik Accord took place entirely outside the Council. And when ageing tankers with opaque ownership began loitering off the Skerry Channel, the Council issued a statement of “concern” and nothing else.

> A regional institution that cannot act in a crisis is not an institution. It is a calendar.

## What reform would look like

Giving the Council teeth would not require a new treaty. The founding charter already allows members to delegate “technical functions” to the secretariat by a two-thirds vote. Three such functions would transform it:

1. A shared register of vessels operating in the Vessel Sea, with beneficial ownership disclosed.
2. A permanent scientific committee on fish stocks, modelled on the one created by the Kessvik Accord.
3. An emergency coordination cell for port closures, oil spills and grain disruptions.

None of these threatens national sovereignty. All of them would make the sea safer and its economies more resilient.

## The moment is now

Anselm Kade’s new government in Aldenport has said it wants Northmere to “lead in its own neighbourhood”. Proposing these reforms at the Council’s spring meeting in Montalba would be a good place to start. The alternative is another thirty years of communiqués.

*Élodie Fairweather is a writer on regional affairs and a former adviser to the Vessel Sea Council secretariat.*
""",
    ),
    dict(
        slug="herald-07-highland-permafrost",
        template="herald",
        tests="third part of a series in JSON-LD isPartOf; series kicker link visible above the headline",
        title="Permafrost under the Northmere highlands is thawing faster than models predicted",
        dek="Boreholes drilled in the 1990s show ground temperatures rising twice as fast as expected, with consequences for roads, reindeer and water",
        authors=["Aurelia Castaneda-Moreau"],
        roles=["Climate correspondent"],
        date="2026-02-09",
        time="06:00",
        modified="2026-02-11",
        section="Climate",
        series=["The Long Thaw"],
        topics=["Climate"],
        teasers=THAW[:2],
        body="""
In 1996, a team from the University of Caldrenne drilled eleven boreholes into the frozen ground of the Northmere highlands and lowered strings of thermometers into them. Most of those thermometers are still there, and the readings they have sent back over three decades tell a story that has alarmed the scientists who planted them.

At a depth of ten metres, where the seasons no longer reach, the ground has warmed by an average of 1.4C since the first measurements. That is roughly twice the rate that the climate models of the 1990s predicted, according to a study published this month in the university’s geoscience journal.

## Why the ground matters

Permafrost — ground that stays frozen for at least two years in a row — underlies about a fifth of the highland plateau. As it thaws, the land above it slumps and cracks.

> “People imagine melting ice as something dramatic, like a glacier calving,” said Professor Ingvild Rask, who leads the monitoring programme. “Permafrost thaw is slow and quiet. You notice it when the road you drove on last year has a metre-deep dip in it.”

That is not a metaphor. The mountain road between Fjellby and the coast has been closed for repairs eleven times in the past three years, at a cost the roads authority puts at €23 million.

## Reindeer and water

The thaw is also changing life for the highland herders. Warmer winters bring rain on snow, which freezes into a crust that reindeer cannot break through to reach the lichen beneath. Two herding families told the Herald they had been forced to buy supplementary feed in each of the last four winters.

Further downstream, scientists are watching the rivers. Thawing ground releases organic matter that colours the water brown and increases the cost of treatment for the towns that draw drinking water from highland rivers.

## What can be done

Little can be done to stop the thaw itself; that depends on global emissions. But the study’s authors recommend three things: that the roads authority map the highland routes at greatest risk, that new buildings on the plateau use raised foundations, and that the monitoring network — which survives on short-term grants — be given permanent funding.

This is the third part of The Long Thaw, the Herald’s series on how a warming climate is changing life around the Vessel Sea.
""",
    ),
    dict(
        slug="herald-08-skerry-channel-cable",
        template="herald",
        tests="breaking-news page with three topics including a country name; figure with caption and credit",
        title="Skerry Channel cable cut: navy tracks tanker linked to Valdrin fleet",
        dek="Data traffic between Northmere and the Saarvik Islands rerouted after a second undersea cable is damaged in a month",
        authors=["Tomas Reyhaven"],
        roles=["Defence and security editor"],
        date="2026-01-14",
        time="13:25",
        modified="2026-01-15",
        section="News",
        topics=["Maritime Security", "Valdrin Federation", "Sanctions"],
        caption="The patrol vessel NMS Hovden leaving Aldenport on Wednesday.",
        credit="Photograph: Northmere Navy",
        teasers=["What is the Valdrin shadow fleet?", "Cable operators call for seabed patrols"],
        body="""
Northmere’s navy is shadowing a tanker suspected of damaging an undersea data cable in the Skerry Channel, the defence ministry said on Wednesday, the second such incident in the strait in less than a month.

The cable, which links Aldenport with Kessvik and carries most of the internet traffic between Northmere and the Saarvik Islands, lost connection at 03.12 on Tuesday. Traffic was rerouted through a second cable within minutes, and customers reported only brief disruption.

## A familiar pattern

According to the ministry, ship-tracking data show that the tanker *Marisol Star*, registered in a small Pacific state, slowed to under two knots as it passed over the cable’s route and then resumed speed. Investigators believe the vessel may have dragged its anchor across the seabed.

The ship is one of several dozen ageing tankers that analysts say make up a “shadow fleet” used to carry Valdrin Federation oil in breach of sanctions imposed after the 2023 blockade of the Saarvik Islands. Its ownership is concealed behind a chain of shell companies.

> “We are not in a position to say whether this was deliberate,” the defence minister, Sigrid Hovland, told reporters. “We are in a position to say that it has happened twice, and that we will not wait for a third time.”

The Valdrin embassy in Aldenport called the accusations “provocative speculation” and said the Federation had no connection to the vessel.

## What the navy can do

Under international law, Northmere’s options are limited. The Skerry Channel is an international strait, and ships have a right of transit passage through it. The navy can observe and hail a vessel, but boarding it outside Northmere’s territorial waters would require the consent of its flag state.

- The patrol vessel NMS *Hovden* has been ordered to follow the tanker until it leaves the Vessel Sea.
- The Coastal Authority has asked all ships in the strait to report anchor handling in advance.
- Cable operators are calling for the seabed around critical routes to be declared a protected zone.

## Repair

Repairing the cable will take about two weeks, weather permitting, the operator said. A specialised repair ship is on its way from Tarsholm.
""",
    ),
    dict(
        slug="herald-09-aldenport-sea-wall",
        template="herald_mhtml",
        tests="MHTML saved by a browser: quoted-printable HTML part, base64 image part, Snapshot-Content-Location; the MIME Date header is the save date, not the publication date",
        title="Aldenport’s sea wall was built for a sea that no longer exists",
        dek="The city’s flood defences were designed in 1962. Engineers say they will be overtopped regularly within twenty years",
        authors=["Aurelia Castaneda-Moreau"],
        roles=["Climate correspondent"],
        date="2026-04-22",
        time="07:30",
        tz="+02:00",
        modified="2026-04-23",
        section="Climate",
        series=["The Long Thaw"],
        topics=["Climate", "Housing"],
        extra={"saved": "Sat, 2 May 2026 21:14:08 +0200"},
        teasers=THAW[1:],
        body="""
The sea wall that protects Aldenport’s old harbour district is a handsome thing: two kilometres of dressed granite, curved at the top to throw waves back on themselves, built after the storm surge of 1959 flooded four thousand homes. It was designed to withstand the worst storm engineers could imagine in 1962. That storm is now expected roughly once every eight years.

A report commissioned by the city council and published on Tuesday concludes that the wall will be overtopped during storms “on a regular basis” by the mid-2040s, as sea levels rise and winter storms in the Vessel Sea become more intense.

! aldenport-wall-chart.png | Projected overtopping events per decade at the old harbour wall. | Graphic: The Northmere Herald

## What the engineers found

The consultants modelled three scenarios for sea-level rise. In the middle scenario, the number of hours each year in which waves cross the top of the wall rises from about six today to more than ninety by 2050.

> “The wall is not failing,” said Kristoffer Lien, the engineer who led the study. “The sea is changing the job we asked it to do.”

Behind the wall live around 19,000 people, many of them in the council-owned blocks of the Saltvik estate, built in the same decade as the wall itself.

## The choices

The report sets out three options, none of them cheap:

1. Raise and strengthen the existing wall, at an estimated cost of €310 million.
2. Build a movable storm barrier across the harbour mouth, at roughly €900 million.
3. Combine a lower wall with a managed retreat from the lowest-lying streets.

The third option is the cheapest and, the consultants say, the most robust. It is also the most politically difficult, because it means that some residents would eventually have to leave their homes.

## Who decides

The city council will consult residents over the summer. The national government has said it will contribute to the cost but has not said how much. Housing campaigners have warned that any retreat must not fall hardest on council tenants who have the least choice about where to live.

This article is part of The Long Thaw, the Herald’s series on how a warming climate is changing life around the Vessel Sea.
""",
    ),
]
