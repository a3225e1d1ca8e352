"""Field & Fathom ("Save page as… complete" folders) and Lantern Weekly (MHTML saves), both invented."""

ARTICLES = [
    dict(
        slug="fathom-01-saarvik-kelp",
        template="fathom",
        section="Oceans",
        tests="'Save page as… complete': NAME.html + NAME_files/ (JPEG hero, PNG map, SVG chart, CSS, JS), remote trackers and an ad iframe to ignore, 'saved from url' comment",
        title="The kelp forests of Saarvik are coming back. Nobody is quite sure why",
        dek="After thirty years of decline, underwater forests off the northern islands are regrowing — and scientists are arguing about the reason",
        authors=["Sigrun Tallow"],
        date="2024-06-14",
        topics=["Climate", "Fisheries"],
        caption="Kelp fronds off the northern coast of the Saarvik Islands.",
        credit="Photo: Sigrun Tallow",
        extra={"chart": [("2014", 12), ("2016", 11), ("2018", 14), ("2020", 19), ("2022", 26), ("2024", 31)]},
        body="""
The first time Runa Haldorsen dived off the northern tip of Innervik, in 1991, she swam through a forest. Kelp stood three metres tall, swaying in the current, thick with fish and crabs. By 2010, when she dived the same site for the last time before retiring from the Saarvik Harbour Commission, the forest had gone. What remained was bare rock, grazed smooth by sea urchins.

Last summer she went back. “I cried in my mask,” she says. “It was there again.”

## A surprising recovery

Haldorsen’s experience is not unique. Surveys by the University of Caldrenne’s marine station show that kelp cover along the northern Saarvik coast has more than doubled since 2016, after three decades of decline. The recovery is patchy — some bays remain barren — but it is unmistakable.

! saarvik-kelp-map.png | Survey sites off the northern Saarvik coast where kelp has returned since 2016. | Map: University of Caldrenne marine station

! kelp-cover-chart.svg | Kelp cover at the survey sites, per cent of seabed, 2014–2024. | Data: University of Caldrenne

That is puzzling, because the Vessel Sea is warming, and warming water is usually bad news for kelp, which prefers the cold.

## Three explanations

Scientists have offered three explanations, and they do not agree on which matters most.

- **Fewer urchins.** A disease outbreak in 2015 killed large numbers of the sea urchins that had grazed the forests bare. Kelp moved into the gap.
- **More predators.** The cod fishery around the islands has been tightly restricted since 2012, and larger cod eat young urchins.
- **Cleaner water.** Improved sewage treatment in Kessvik has reduced the nutrient pollution that favours fast-growing algae over kelp.

“It is probably all three,” says Dr. Maren Solli, who leads the marine station’s survey. “The hard part is knowing how much each contributes, because that tells you what to protect.”

## Why it matters

Kelp forests are nurseries for young fish and absorb large amounts of carbon. A healthy kelp coast is worth more to the islands’ fishers than almost any other habitat. But the recovery is fragile: if the urchins return, or the water grows too warm, the forests could disappear again within a few years.

For now, Haldorsen is simply enjoying them. She has started diving again, and she has brought her granddaughter. “She thinks it has always been like this,” she says. “I am not going to tell her otherwise.”
""",
    ),
    dict(
        slug="fathom-02-seabirds-field-guide",
        template="fathom",
        section="Field notes",
        tests="undated evergreen page (date must be null), complete-page folder with a JPEG figure",
        title="A field guide to the seabirds of the Skerry Channel",
        dek="Eight species to look for from the ferry rail, and how to tell them apart",
        authors=["Sigrun Tallow"],
        date=None,
        topics=["Wildlife", "Climate"],
        body="""
The Skerry Channel is one of the best places in northern Europe to watch seabirds without getting your feet wet. From the rail of the Aldenport–Kessvik ferry you can, on a good day in June, see a dozen species in an hour. This guide covers the eight you are most likely to meet, with tips on how to tell them apart at a distance and in a swell.

! puffin-on-the-rail.jpg | A puffin resting on the water beside the ferry route. | Photo: Sigrun Tallow

## The easy ones

**Gannet.** The largest seabird you will see: brilliant white, with black wingtips and a wingspan of nearly two metres. Watch for them diving from height, folding their wings at the last moment.

**Herring gull.** Grey back, pink legs, and an opinion about your sandwich. Common everywhere, and easy to dismiss, but worth a second look: numbers in the channel have halved since 2000.

**Puffin.** Small, fast and improbably coloured. They fly low over the water with whirring wings, like wind-up toys. Look for them near the Skerry stacks between May and August.

## The tricky ones

**Guillemot and razorbill.** Both are black and white, both sit on the water and both dive for fish. The razorbill has a thick, flat bill with a white line across it; the guillemot’s bill is slim and pointed. At a distance, the razorbill looks blacker.

**Fulmar.** It looks like a gull but glides on stiff, straight wings, barely flapping. Up close, you can see the tube on top of its bill.

**Arctic tern and common tern.** Slender, graceful and very hard to separate. The Arctic tern has a shorter bill that is entirely red; the common tern’s bill has a black tip. Most birdwatchers call them “comic terns” and move on.

## The rare one

**White-tailed eagle.** Not a seabird, strictly speaking, but it hunts over the channel and nests on the Saarvik coast. If you see a bird the size of a door flying over the water, that is what it is.

## A note on change

Seabird numbers in the Vessel Sea have fallen sharply since the 1990s, mostly because the small fish they eat have moved north with warmer water. Counting what you see and reporting it to the Saarvik bird survey helps scientists follow these changes. Bring binoculars, a notebook and a warm hat, even in July.
""",
    ),
    dict(
        slug="fathom-03-what-the-peat-remembers",
        template="fathom",
        section="Land",
        tests="complete-page folder with two authors and an SVG chart; article:tag metas and visible rel=tag links agree",
        title="What the peat remembers",
        dek="Cores drilled from Northmere’s highland bogs hold ten thousand years of climate history. They are also drying out",
        authors=["Sigrun Tallow", "Ingvild Rask"],
        date="2025-04-28",
        topics=["Climate", "Agriculture"],
        caption="Drilling a peat core on the Fjellby plateau.",
        credit="Photo: Ingvild Rask",
        extra={"chart": [("0.5", 3), ("1.0", 8), ("1.5", 14), ("2.0", 21), ("2.5", 27)]},
        body="""
On a cold morning in October, two researchers knelt on the Fjellby plateau and pushed a long steel tube into the bog. When they pulled it out, it held a cylinder of dark, wet peat about a metre long. At the bottom, the peat was roughly four thousand years old.

Peat forms slowly, as plants in waterlogged ground die without fully decaying. Layer by layer, a bog accumulates a record of what grew, what fell from the sky and what the climate was like. For scientists, a peat core is an archive. For the highland farmers who have cut peat for fuel for centuries, it is something more ordinary, and more precious.

## Reading the layers

In the laboratory at the University of Caldrenne, the core is sliced into centimetre-thin sections. Each slice is examined for pollen, which shows which plants grew nearby; for ash, which records volcanic eruptions as far away as Iceland; and for the remains of tiny single-celled organisms whose species reveal how wet the bog was.

! peat-depth-age.svg | Age of the peat against depth in the Fjellby core, in thousands of years. | Data: University of Caldrenne

The Fjellby cores show a plateau that was warmer than today about six thousand years ago, and then gradually cooled. They show the arrival of farming, in a sudden rise of cereal pollen about 2,500 years ago. And they show something new in the topmost layers: the bog is drying.

## A drying archive

Over the past thirty years, the water table in the Fjellby bogs has dropped by an average of 14 centimetres. As the peat dries, it begins to decompose, releasing carbon it has held for millennia. It also becomes vulnerable to fire, as the highland fires of 2022 showed.

> “We are watching the archive burn before we have finished reading it,” says Professor Ingvild Rask.

## What can be done

Restoring a bog is slow but not complicated. Drainage ditches dug in the twentieth century to improve grazing can be blocked, raising the water table again. Several highland farmers have agreed to trials in return for payments from the agriculture ministry. Early results are encouraging: in the restored sites, the water table has risen by 8 centimetres in two years.

The peat will never be the same. But if the bogs can be kept wet, they will go on doing what they have done for ten thousand years: quietly storing carbon, and remembering.
""",
    ),
    dict(
        slug="fathom-04-counting-reindeer-from-space",
        template="fathom",
        section="Land",
        tests="complete-page folder with a PNG figure; a new author; topics shared with the news site",
        title="Counting reindeer from space",
        dek="Satellite images and machine learning are changing how herders and scientists track the highland herds",
        authors=["Tuva Hermansen"],
        date="2026-09-10",
        topics=["Technology", "Climate", "Wildlife"],
        caption="Reindeer crossing the Fjellby plateau in early spring.",
        credit="Photo: Tuva Hermansen",
        body="""
For generations, the only way to count the reindeer of the Northmere highlands was to gather them. Each autumn, herding families drove their animals into corrals, counted and marked them, and let them go. The count was accurate but exhausting, and it happened once a year. Now a team at the University of Caldrenne is trying to count the herds every week, from orbit.

## How it works

The project uses commercial satellite images with a resolution of about 30 centimetres — enough to see an adult reindeer as a cluster of a few pixels against snow. A machine-learning model, trained on thousands of images in which researchers had marked every animal by hand, scans each new image and counts what it finds.

! herd-detection-grid.png | A section of satellite image with detected reindeer outlined, Fjellby plateau, March 2026. | Image: University of Caldrenne

The results are promising. In trials last winter, the model’s counts were within 7 per cent of the herders’ own counts on open snow. In forest, where trees hide the animals, it did much worse.

## What herders think

The herding families were sceptical at first. Some worried that the images would be used by the government to regulate herd sizes; others simply doubted that a computer could do what they had done all their lives.

> “My grandfather could count a herd by listening to it,” says Ánde Rávdna, who herds with his family near Fjellby. “The satellite cannot listen. But it can see the places we cannot reach in a storm.”

After a year of working with the researchers, several families now use the weekly maps to find animals that have strayed onto thin ice or into areas where rain-on-snow has locked the lichen under a crust of ice.

## Beyond counting

The scientists are most excited about what the data might reveal about change. Weekly counts across several winters could show how herds respond to the increasingly frequent rain-on-snow events that come with a warming climate, and whether they are shifting their winter grazing grounds.

## The limits

There are limits. Satellite images cost money, cloud cover blocks the view for days at a time, and the model struggles in forests. The researchers are clear that the technology supports the herders’ knowledge rather than replacing it. The autumn gathering, they say, will continue — and the herders agree.
""",
    ),
    dict(
        slug="lantern-01-last-auctioneer",
        template="lantern",
        section="Culture",
        tests="MHTML (Blink): quoted-printable HTML with citation_* metas, base64 PNG part, Snapshot-Content-Location; paywall nag and consent bar",
        title="The last auctioneer of Kessvik",
        dek="For forty years, Odd Brekkan sold the island’s fish at a speed nobody could follow. Then the auction moved onto a screen",
        authors=["Élodie Fairweather"],
        date="2024-09-14",
        series=["Letters from Kessvik"],
        topics=["Culture", "Fisheries"],
        teasers=["Learning to read the Calveran novel", "The knitters of Innervik"],
        extra={"saved": "Sun, 15 Sep 2024 08:02:44 +0200"},
        body="""
Odd Brekkan still wakes at four. For forty years, that was when he walked down to the cold hall on Kessvik’s north quay, pulled on his white coat and took his place on the wooden platform above the fish. At five o’clock sharp, he began to sell.

“You had to be fast,” he says, sitting in his kitchen above the harbour, where the window still looks down on the hall. “Fast, but clear. If the buyers could not follow, they did not trust you. If they did not trust you, they did not bid.”

## A voice like a tide

Those who heard him describe something between a song and a weather forecast: a rising and falling stream of numbers, box numbers and buyers’ names, delivered at a speed that made visitors laugh and regulars lean forward. A recording made by the Saarvik broadcaster in 1998 clocks him at 280 words a minute.

! odd-brekkan-platform.png | Odd Brekkan on the auction platform in 2003. | Photo: Saarvik Harbour Commission archive

The auction he ran was a Dutch one: the price started high and fell until a buyer shouted. The skill lay in reading the room — knowing which buyer needed haddock that morning, which one was bluffing, when to slow down and when to let the price run.

## The screen

In September last year, the Saarvik Harbour Commission moved the auction online. The falling price now ticks down on a tablet, and buyers can bid from Aldenport or Tarsholm without getting out of bed. Prices have risen. Fishers are happier. The cold hall is used for storage.

Brekkan does not argue with the numbers. “The young ones get a better price,” he says. “That is what an auction is for.” But he misses the room. “On the screen, nobody laughs. Nobody curses. Nobody brings you coffee when you have been shouting for two hours.”

## What is left

On the wall of his kitchen hangs the brass bell he rang to open each sale. His granddaughter, who works on a trawler, has asked for it when he is gone. He has not decided. “Maybe the museum,” he says. “Maybe the boat. A bell should be somewhere it can still be heard.”

This is the first of our Letters from Kessvik, a series about life on the Saarvik Islands as the sea around them changes.
""",
    ),
    dict(
        slug="lantern-02-calveran-novel",
        template="lantern",
        section="Books",
        tests="MHTML essay with a particle author in citation_author; single topic; no series",
        title="Learning to read the Calveran novel",
        dek="A literature of harvests, heat and long silences, and why northern readers have been slow to find it",
        authors=["Jean-Baptiste de la Roche"],
        date="2025-03-02",
        topics=["Culture"],
        teasers=["The last auctioneer of Kessvik"],
        extra={"saved": "Wed, 5 Mar 2025 19:40:10 +0100"},
        body="""
Northern readers who pick up a Calveran novel for the first time often report the same experience: nothing seems to happen, and then, two hundred pages later, they realise that everything has. I had that experience myself, reading Teodora Vasari’s *The Threshing Year* in a bad translation on a train to Montalba. I have been trying to understand it ever since.

## The shape of a harvest

The great Calveran novels of the twentieth century are organised not by plot but by the agricultural year. They open with ploughing, move through sowing and the long anxious summer, and close with harvest and the sale of the grain. What happens to the characters — births, quarrels, a death, an emigration — is folded into that cycle, and given weight by its place in it.

This is a structure that northern readers, raised on novels shaped by crisis and resolution, can find frustrating. A quarrel that would be a climax in a Northmere novel is, in Vasari, a paragraph in July.

## Silence as speech

The second difficulty is silence. Calveran characters say very little, and what they do say is often about the weather or the price of grain. But the silences are eloquent. In Marco Ilari’s *Salt Road*, a father and son who have not spoken for years discuss, for nine pages, whether the rain will hold off until the barley is in. By the end, they have reconciled. Neither has mentioned the quarrel.

> To read a Calveran novel well, you have to listen to what the characters are not saying, and to the fields around them.

## Why now

Calveran literature has been translated into the northern languages only sporadically, and usually by academics. That is changing. A new translation programme funded by the Vessel Sea Council has commissioned twelve novels, the first four of which appear this spring from a small press in Caldrenne.

It is a good moment. The grain from Calvera’s fields feeds much of the north; its fires, droughts and harvests are now part of our news. Its novels can tell us what the news cannot: what it is like to wait all summer for rain, and to measure a life in harvests.
""",
    ),
    dict(
        slug="lantern-03-winter-without-ferry",
        template="lantern",
        section="Society",
        tests="MHTML, second part of a series named in a visible 'Part of our series' flag; the MIME Date header (save date) differs from the publication date",
        title="Letters from Kessvik: a winter without the night ferry",
        dek="When the last evening crossing was cancelled, an island learned how much of its life ran on one boat",
        authors=["Élodie Fairweather"],
        date="2026-01-11",
        series=["Letters from Kessvik"],
        topics=["Culture", "Public Health"],
        teasers=["The last auctioneer of Kessvik"],
        extra={"saved": "Fri, 30 Jan 2026 23:11:52 +0100"},
        body="""
The night ferry from Kessvik to Innervik left the north quay at 22.15 every evening for thirty-one years. It carried, on a typical night, eleven passengers, two cars and a van with the next day’s newspapers. In October, the operator withdrew it, citing rising costs and falling numbers. The island has spent the winter discovering what else it carried.

## What the boat carried

It carried the nurses. The clinic in Innervik was staffed until ten at night by two nurses who lived in Kessvik and went home on the late boat. Without it, the clinic now closes at six.

It carried the young. Teenagers from Innervik who went to the cinema, the sports hall or a friend’s house in Kessvik came home on the night ferry. Now they come home at half past five, or not at all.

It carried the old. Several elderly residents of Innervik visited spouses in the Kessvik care home in the evenings, after the day’s visitors had gone. “It was the quiet hour,” one woman told me. “We could talk. Now I see him in a room full of other people’s grandchildren.”

## What the island did

Innervik did not wait for the authorities. Within a month, a group of residents had organised a rota of private boats for urgent trips, coordinated through a group chat with 240 members. A retired skipper offers the crossing for the cost of fuel. The clinic’s nurses now sleep on the island two nights a week, in a room above the shop.

! innervik-quay-night.png | The empty ferry berth at Innervik, 22.15 on a Tuesday in December. | Photo: Élodie Fairweather

## What the islanders want

They want the ferry back, of course. But they also want something more difficult to provide: to be counted. The operator’s decision was based on ticket sales, which do not record the nurse’s shift, the teenager’s evening or the quiet hour in the care home.

“Nobody asked us,” says Gunnhild Aas, who runs the shop. “If they had asked, we would have told them that the boat was not a bus. It was the island’s evening.”

This is the second of our Letters from Kessvik.
""",
    ),
]
