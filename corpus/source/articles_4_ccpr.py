"""Caldrenne Centre for Policy Research: a Blazor app-shell site and text dumps of it (invented)."""

DERKACH = "Мирослава Деркач is Senior Researcher at the Caldrenne Centre for Policy Research."
QARAMAN = "Nadia Qaraman is a Research Fellow at CCPR, working on migration and public health."
SOLBERG = "Henrik Solberg-Ames is Research Director at CCPR."
CHROME = ["Skip to main content", "Caldrenne Centre for Policy Research", "Menu", "Search",
          "Publications    Research areas    Our experts    Events"]

ARTICLES = [
    dict(
        slug="ccpr-01-ostrogard-budget-squeeze",
        template="ccpr",
        url=None,
        tests="Blazor app shell: <app> root, generic <title>, no canonical URL, #blazor-error-ui overlay; author written in Cyrillic",
        title="Ostrogard’s budget squeeze and the limits of the war economy",
        authors=["Мирослава Деркач"],
        date="2024-05-27",
        series=["Valdrin Watch"],
        topics=["Valdrin Federation", "Sanctions", "Energy"],
        caption="The finance ministry building in Ostrogard. Photo: CCPR archive",
        extra={"notes": [DERKACH]},
        body="""
For most of the past two years, the Valdrin Federation’s economy has defied predictions of collapse. Military spending, financed by oil revenue and a compliant central bank, has kept factories running and unemployment low. But the federal budget published in Ostrogard last week suggests that the model is reaching its limits.

## The numbers

The budget projects a deficit of 3.9 per cent of GDP for 2024, nearly double the figure promised in the autumn. Defence and security now account for 38 per cent of federal spending. To fill the gap, the finance ministry plans to raise taxes on exporters, draw down the sovereign reserve fund and — for the first time since 2019 — cut nominal spending on regional health services.

> The government can still pay for its ambitions. It can no longer pay for them without someone noticing.

## Oil is not what it was

The Federation’s budget assumes an average price for its export oil of $71 a barrel. Since the sanctions imposed after the 2023 blockade of the Saarvik Islands, however, Valdrin crude has sold at a growing discount, and much of it now travels on the ageing tankers of the shadow fleet, whose operators take a substantial share of the revenue. Independent estimates put the effective price received by the state closer to $58.

## Who pays

The burden of adjustment is falling unevenly. Large state companies in the defence sector are protected. Exporters of timber and fertiliser, already hit by sanctions, face the new tax. And the regions, especially in the north and east, will see their transfers from Ostrogard frozen in nominal terms, which means they will fall in real terms as inflation runs above 8 per cent.

## What to watch

Three indicators will show whether the squeeze tightens:

- the size of the discount on Valdrin export crude;
- the rate at which the sovereign reserve fund is drawn down;
- any delays in wage payments to public employees in the regions.

None of this means that President Arkady Velmar will change course soon. Autocracies can absorb a great deal of economic pain. But the budget is the first official admission that the war economy has a price, and that the price is rising.
""",
    ),
    dict(
        slug="ccpr-02-migration-vessel-sea",
        template="ccpr",
        tests="Blazor page with a canonical link in the prerendered head; table; no series block",
        title="Who is arriving in Northmere, and why",
        authors=["Nadia Qaraman"],
        date="2024-10-21",
        topics=["Migration", "Housing"],
        caption="New arrivals at the Brackwater ferry terminal. Photo: CCPR",
        extra={"notes": [QARAMAN], "head_title": "Who is arriving in Northmere, and why | CCPR"},
        body="""
Public debate about migration in Northmere often proceeds as if the country were receiving a single, undifferentiated flow of newcomers. The reality, as our analysis of the population register shows, is a set of distinct movements with very different causes — and very different implications for housing, the labour market and public services.

## Four groups, four stories

In the twelve months to June 2024, about 41,000 people moved to Northmere from abroad. They fall into four broad groups.

Table: Immigration to Northmere, July 2023 – June 2024
| Group | Arrivals | Main destination |
| Workers from Calvera | 14,200 | Brackwater, Holm Ferris |
| Islanders from Saarvik | 9,800 | Aldenport |
| Refugees from the Valdrin Federation | 7,600 | Caldrenne, Aldenport |
| Others (students, family, professionals) | 9,400 | Caldrenne |

The largest group, workers from Calvera, come mainly for jobs in the ports and in food processing. Many are young men on temporary contracts, and many return home within three years. Their arrival is closely tied to the grain trade: when the Brackwater terminal expanded, recruitment agencies in Montalba expanded with it.

The second group, Saarvik islanders, are internal migrants in all but name, since islanders have had the right to live and work in Northmere since 1952. Their numbers rose sharply after the 2023 blockade and have not fallen back.

## Refugees and the question of return

Refugees from the Valdrin Federation are the smallest group but receive the most attention. Most are journalists, academics, conscientious objectors and their families. Unlike the other groups, they cannot go back, and they are likely to stay for good.

## Implications

The pattern has consequences that the current debate tends to miss:

- housing pressure is concentrated in Brackwater, where temporary workers compete for rooms in a small rental market;
- the Saarvik arrivals are older than average and place more demands on health services in Aldenport;
- the refugee population is highly educated but underemployed, because their qualifications are slow to be recognised.

Policy that treats all four groups alike will serve none of them well. A housing strategy for Brackwater, a recognition process for refugee qualifications and better funding for Aldenport’s hospitals would each do more than another round of argument about the total.
""",
    ),
    dict(
        slug="ccpr-03-velmar-succession",
        template="ccpr",
        tests="'saved from url' comment is the only URL; two authors, one in Cyrillic, one hyphenated",
        title="Velmar’s succession problem",
        authors=["Мирослава Деркач", "Henrik Solberg-Ames"],
        date="2025-04-14",
        series=["Valdrin Watch"],
        topics=["Valdrin Federation", "Diplomacy"],
        caption="President Arkady Velmar at the Victory Day parade in Ostrogard. Photo: Valdrin state media",
        extra={"notes": [DERKACH, SOLBERG], "saved_from": True},
        body="""
Arkady Velmar turned 73 in March. He has ruled the Valdrin Federation for twenty-two years, longer than any leader since the Federation’s founding, and he has never named a successor. For most of that time, the question of who comes next was treated in Ostrogard as impolite. It is becoming unavoidable.

## A system built around one man

The Federation’s constitution provides that the prime minister acts as president if the office falls vacant, with an election within ninety days. On paper, that is a clear procedure. In practice, the prime minister, Yevgeny Ralin, is a technocrat with no independent base, and few observers believe that he would be allowed to remain in office long.

Real power in Ostrogard is distributed among a small number of groups: the security services, the military-industrial conglomerates, the oil and gas companies, and the presidential administration itself. Velmar’s skill has been to balance them against one another. Without him, the balance would have to be negotiated afresh.

## Three scenarios

We see three broad ways in which a succession could unfold:

1. A managed transfer, in which Velmar chooses an heir and steps back while still able to protect him.
2. A sudden vacancy, followed by a contest among the elites that is decided before any election takes place.
3. A prolonged period of weakness, in which an ailing president remains in office and decisions are taken by those around him.

> In each scenario, the Federation’s neighbours would face a period of unpredictability.

## What it means for the region

For Northmere and the Saarvik Islands, the first scenario would offer the best chance of continuity, and perhaps of a cautious thaw. The second carries the greatest risk, since contenders might seek to prove their strength through confrontation abroad — including in the Vessel Sea. The third, which may already be under way, is the hardest to read.

Governments in the region should prepare for all three. That means keeping channels of communication open with a wider circle in Ostrogard than the president’s immediate entourage, and avoiding policies that would allow any successor to present the West as the cause of the Federation’s problems.
""",
    ),
    dict(
        slug="ccpr-04-island-health",
        template="ccpr",
        tests="Blazor page, single-topic article with ordered list and quotation",
        title="Public health on the islands: the cost of distance",
        authors=["Nadia Qaraman"],
        date="2025-08-25",
        topics=["Public Health"],
        caption="The air ambulance landing pad at Innervik. Photo: CCPR",
        extra={"notes": [QARAMAN]},
        body="""
On the Saarvik Islands, a heart attack is more likely to be fatal than it is in Aldenport, even though islanders smoke less, drink less and walk more than mainlanders. The reason is distance. Our new study of emergency care on the islands finds that the median time between a call for help and arrival at a hospital able to treat a heart attack is 94 minutes on the outer islands, compared with 31 minutes in mainland Northmere.

## Why it takes so long

The Saarvik Islands have one hospital with a cardiac unit, in Kessvik. Patients from the outer islands must reach it by ferry or air ambulance. The ferries do not run at night and are cancelled in storms. The single air ambulance, a helicopter based in Kessvik, is grounded in fog and in winds above 50 knots — conditions that occur on roughly one day in six during the winter months.

> “We can do everything right on the island and still lose the patient on the water,” a nurse in Innervik told us.

Since the ice road to Innervik ceased to function, the island has lost even the option of driving a patient across the sound in winter.

## Closing the gap

The study identifies several measures that could reduce the gap, some of them inexpensive:

1. Equip every island clinic to give clot-dissolving drugs before transfer, as is standard in remote parts of other northern countries.
2. Station a second air ambulance in the northern islands, sharing costs with the Northmere coast guard.
3. Give ambulance crews remote access to cardiologists in Kessvik or Aldenport by video.
4. Guarantee a night ferry on the busiest routes, funded from the harbour levy rather than from the health budget.

The first and third measures could be introduced within a year at a cost of under €3 million. The second and fourth would require political decisions in both Kessvik and Aldenport.

## A question of fairness

Islanders pay the same taxes and hold the same rights as other citizens of the Saarvik Republic, and many hold Northmere passports too. Whether they survive a heart attack should not depend on the weather. The cost of closing the gap is modest. The cost of leaving it open is counted in lives.
""",
    ),
    dict(
        slug="ccpr-05-sanctions-fatigue-tarsholm",
        template="ccpr",
        damage="cp1252moji",
        tests="Blazor shell whose whole page went through cp1252 mojibake (including the 🗙 of the overlay)",
        title="Sanctions fatigue in Tarsholm",
        authors=["Henrik Solberg-Ames"],
        date="2026-06-01",
        series=["Valdrin Watch"],
        topics=["Sanctions", "Central Banking", "Valdrin Federation"],
        caption="The Tarsholm stock exchange on Storgata. Photo: CCPR",
        extra={"notes": [SOLBERG]},
        body="""
Tarsland has never been comfortable with sanctions. For two centuries the small republic has made its living as a neutral banker to its larger neighbours, and its politicians speak of neutrality in the same tone that others reserve for religion. So when Tarsland joined the sanctions imposed on the Valdrin Federation after the 2023 blockade of the Saarvik Islands, it was a break with tradition — and one that a growing part of its political class now wants to reverse.

## The signs of fatigue

In April, the Tarsholm parliament voted narrowly to review the country’s participation in the sanctions regime every six months rather than every two years. The vote was symbolic, but its sponsors made no secret of their aim: to prepare the ground for an exit. Banking associations have lobbied for the change, arguing that the sanctions have cost the sector more than €2 billion in lost business.

> “We are a bank, not a border guard,” one senior banker in Tarsholm told me. It is a line I heard, in different words, several times.

## Why it matters to the region

Tarsland’s participation matters far more than its size suggests. A significant share of the Valdrin Federation’s foreign assets were held in Tarsholm banks before 2023, and the Bank of Tarsland’s cooperation has been essential to freezing them. If Tarsland were to loosen its rules, money could flow back through its banks to Ostrogard, undermining the whole regime.

## What could keep Tarsland on board

Arguments about principle are unlikely to persuade the Tarsholm sceptics. Arguments about interest might. Three would carry weight:

- the risk to Tarsland’s reputation, and to its banks’ access to other markets, if it became known as the back door for sanctioned money;
- the security guarantees that Tarsland has quietly come to rely on since the Skerry Channel incidents, in which its own cable repair ship played a part;
- a shared fund, financed by the region, to support Tarsland’s financial sector through the transition away from Valdrin business.

## The outlook

For now, the sanctions hold. But fatigue is a slow process, and it advances precisely when nothing dramatic is happening. The governments in Aldenport and Kessvik would be wise to treat Tarsland’s wavering as a problem to be solved now, not a surprise to be managed later.
""",
    ),
    dict(
        slug="ccpr-txt-01-velmar-grain-diplomacy",
        template="ccpr_txt",
        url=None,
        tests="plain-text dump (clean UTF-8): site line, 'Posted <weekday>, <d Mon yyyy> by' byline, doubled caption, trailing series/topics blocks, overlay line",
        title="Velmar’s grain diplomacy in the south",
        authors=["Henrik Solberg-Ames"],
        date="2024-08-19",
        series=["Valdrin Watch"],
        topics=["Valdrin Federation", "Agriculture"],
        caption="Grain silos at the port of Montalba. Photo: CCPR",
        extra={"notes": [SOLBERG]},
        body="""
While the Vessel Sea has been preoccupied with the aftermath of the Saarvik blockade, the Valdrin Federation has been quietly pursuing a different kind of influence to the south. Over the past year, Ostrogard has offered Calvera a package of cheap fertiliser, long-term grain purchase agreements and a proposed rail link across the southern mountains that would give Calveran farmers an alternative to the sea route through Brackwater.

The offer is well judged. Calvera’s farmers depend on imported fertiliser, much of which once came from the Federation and became scarce after sanctions were imposed. The Brackwater fire in March reminded Montalba how vulnerable its exports are to a single point of failure in Northmere. And Calvera’s government, led by a coalition that includes an agrarian party with long-standing ties to Ostrogard, is receptive.

What Ostrogard wants in return is less visible but not hard to infer. Calvera is a member of the Vessel Sea Council and has a voice in any decision to extend sanctions or to restrict the shadow fleet. A Calvera that owed its harvest to Valdrin fertiliser and its exports to a Valdrin railway would be much less inclined to take the Federation on.

There are limits to how far this strategy can go. The proposed railway would take a decade to build and would cost far more than the Federation can currently afford. Calvera’s farmers remember the price spikes of 2023, when Ostrogard cut fertiliser exports without warning. And Calvera’s largest customers remain in the north, on the other side of the Vessel Sea.

Still, the episode offers a lesson for Northmere. Influence in the region is not only a matter of navies and sanctions. It is also a matter of who can be relied upon to buy a harvest, supply a fertiliser and keep a port open. A second grain terminal, a reliable fertiliser supply from Tarsland and a seat for Calvera in the discussions about the southern corridor would cost Aldenport relatively little. They would also make Ostrogard’s offer a good deal less tempting.
""",
    ),
    dict(
        slug="ccpr-txt-02-kessvik-quota-gambit",
        template="ccpr_txt",
        url=None,
        damage="gbk",
        tests="text dump like the seed: UTF-8 read as GBK with lost bytes (“word” → 鈥渨ord鈥, ’s → 鈥檚), NBSP → 聽, 🗙 mangled",
        title="The Kessvik talks and Ostrogard’s quota gambit",
        authors=["Henrik Solberg-Ames"],
        date="2025-06-02",
        series=["Valdrin Watch"],
        topics=["Fisheries", "Valdrin Federation", "Diplomacy"],
        caption="Herring boats at the north quay in Kessvik. Photo: CCPR",
        extra={"notes": [SOLBERG, "This text was first published by the Kessvik Review."]},
        body="""
Next week, negotiators from Northmere, the Saarvik Islands and the Valdrin Federation will meet in Kessvik to try to agree a new division of the Vessel Sea’s herring quotas. The talks are about fish.\u00a0They are also, for Ostrogard, about something else.

The facts of the case are not really in dispute. Herring have moved north as the sea has warmed, and most of the stock now spends most of its life in Saarvik waters. The 1987 formula that gives the Federation 30\u00a0per cent of the catch reflects a distribution that no longer exists. Any honest negotiation would reduce the Valdrin share.

Ostrogard’s delegation knows this. Its opening position, leaked to the Kessvik press last week, nonetheless demands that the 1987 shares be kept “as the only legitimate basis” for the next five years. Valdrin officials have also suggested that the scientific surveys showing the herring’s movement are “politically motivated”, since they were carried out by Northmere’s Marine Institute.

Why take such an indefensible position? The answer lies less in the herring than in the precedent. Ostrogard’s broader strategy in the Vessel Sea depends on the claim that the region’s rules were written against it and that any change is an act of hostility. Conceding that a neutral scientific finding should change a quota would undercut that narrative.

There is a deal to be had nonetheless. The Federation’s fishing fleet is small and old, and it rarely catches its full quota anyway. A modest reduction in its share, combined with a joint scientific committee on which Valdrin experts sit as equals, would allow Ostrogard to claim that its concerns about “politicised” science had been met.

If the Kessvik talks succeed on those terms, they will show that the region can still make agreements that include the Federation. If they fail, the Saarvik Islands have made clear that they will set their own quota, and the “spirit of cooperation” that ministers like to invoke will have lost another of its few remaining anchors.
""",
    ),
    dict(
        slug="ccpr-txt-03-election-valdrin-question",
        template="ccpr_txt",
        url=None,
        damage="cp1252moji",
        tests="text dump in cp1252 mojibake, including the Cyrillic byline (Мирослава → ÐœÐ¸Ñ€...)",
        title="Northmere’s election and the Valdrin question",
        authors=["Мирослава Деркач"],
        date="2025-09-22",
        series=["Valdrin Watch"],
        topics=["Elections", "Valdrin Federation"],
        extra={"notes": [DERKACH]},
        body="""
Foreign policy rarely decides elections, and Northmere’s vote on 14 September was no exception. The Civic Alliance won on the cost of living, the state of the ports and a general sense that eight years of Harbour Labour government had run their course. But the result will change how Northmere deals with the Valdrin Federation, and it is worth setting out how.

## Continuity on sanctions

On the central questions, there will be little change. Anselm Kade has said clearly that Northmere will maintain sanctions on the Federation until it gives binding guarantees of free navigation to the Saarvik Islands. The Civic Alliance supported every sanctions package in opposition, and its coalition partner, the Island party, is if anything more hawkish.

## A different tone

What will change is the tone. Johanna Brekke’s government preferred quiet diplomacy and avoided public criticism of President Velmar when it could. Kade is a former harbour pilot who speaks bluntly and likes to be seen on the quays. During the campaign, he called the shadow fleet “a floating insult to every sailor who keeps the rules” — a phrase that was quoted approvingly in Kessvik and angrily in Ostrogard.

> Tone matters in a region where so much depends on reading intentions at sea.

## Three early tests

The new government will face three early tests of its Valdrin policy:

- the response to any further incidents in the Skerry Channel, where the navy’s rules of engagement are under review;
- its position at the Vessel Sea Council’s spring meeting, where the question of the Federation’s suspended membership will return;
- its handling of the refugee community from the Federation, which has grown to more than 20,000 people in Northmere.

## What Ostrogard will do

The Federation’s state media have described Kade as “a sailor with no compass”. That suggests Ostrogard will test the new government early, perhaps through pressure on the herring accord signed in June or through activity around the undersea cables. A steady response, coordinated with Saarvik and Tarsland, would do more to deter such tests than any speech.
""",
    ),
    dict(
        slug="ccpr-txt-04-island-clinics-weekends",
        template="ccpr_txt",
        url=None,
        tests="text dump with several site-chrome lines before the site name (Skip to main content, Menu, Search, nav row); no series block",
        title="Islands of care: why Saarvik’s clinics are closing at weekends",
        authors=["Nadia Qaraman"],
        date="2026-02-16",
        topics=["Public Health", "Migration"],
        caption="The clinic in Innervik, closed on a Saturday in January. Photo: CCPR",
        extra={"notes": [QARAMAN], "chrome": CHROME},
        body="""
Since January, five of the eleven health clinics on the outer Saarvik Islands have closed from Friday evening to Monday morning. Patients who fall ill at the weekend must call a hotline in Kessvik and, if necessary, wait for a ferry or the air ambulance. The islands’ health authority says the closures are temporary. The staff who work in the clinics are less sure.

The immediate cause is a shortage of nurses. The outer island clinics need 46 nurses to stay open seven days a week; at the start of the year they had 31. Recruitment has been difficult for years, but the past eighteen months have made it much harder.

The reason is, in part, migration. Since the blockade of 2023, thousands of Saarvik islanders have moved to mainland Northmere, where they have the right to live and work. Nurses have been among them, drawn by salaries in Aldenport that are about 30 per cent higher than in Kessvik and by the certainty that the ferries will run.

At the same time, the islands’ population is ageing. Those who stay are older and need more care, and the young families who might once have taken nursing jobs in the islands now raise their children on the mainland.

The health authority has tried several remedies. It has offered signing bonuses, free housing and paid travel to the mainland every month. It has recruited nurses from Calvera, with some success, although language remains a barrier. And it has begun training local residents as health assistants who can staff a clinic under remote supervision.

None of this will fill the gap quickly. Three steps could help: a joint recruitment agreement with Northmere’s hospitals, under which nurses rotate between the mainland and the islands; higher pay for island posts, funded in part by Northmere as part of the defence cooperation agreement; and the remote-consultation system that CCPR recommended last summer. Until then, islanders will have to hope that they fall ill on a weekday.
""",
    ),
]
