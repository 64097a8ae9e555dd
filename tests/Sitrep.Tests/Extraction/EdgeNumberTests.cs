using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Readers;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// Numbers and facts at the edges (issue 11): a year is never a count, a headline's toll repeated by the body is
/// one figure, a subset ("including two children") is part of the figure it qualifies, and an agency relaying a
/// claim is kept in `via`. Sentences written for these tests, English and Romanian (published 17 March 2021).
/// </summary>
public sealed class EdgeNumberTests
{
    private const string Day = "2021-03-17";

    private static readonly ExtractionPipeline Pipeline = new();

    [Theory]
    // a year after "din" (since) is a year, even before an outcome word; the dozens are the dead
    [InlineData("ro", "Conflictul din 2023 s-a soldat cu zeci de morti in regiune.", "low=12;best=12;count=null")]
    // a year after "since" before a verb of killing
    [InlineData("en", "Attacks since 2019 killed dozens of villagers in the district.", "count=null;best=12")]
    // a year after "in" opening the sentence, before its victims
    [InlineData("en", "In 2019 militants killed 40 villagers in the district.", "count=40")]
    [InlineData("ro", "In 2019 militantii au ucis 40 de civili in district.", "count=40")]
    // "anul" before the year
    [InlineData("ro", "Atacurile de anul 2022 au ucis 15 civili in sat.", "count=15")]
    // the second year of a range is a year like the first, even before "killed"
    [InlineData("en", "The siege lasted from 1992 to 1996 and killed more than 11,000 people.", "min=11001")]
    [InlineData("ro", "Asediul a durat din 1992 pana in 1996 si a ucis peste 11.000 de oameni.", "min=11001")]
    [InlineData("ro", "Intre 2014 si 2016 au fost ucisi peste 300 de civili in regiune.", "min=301")]
    // four digits counting people with no year word before them stay a count
    [InlineData("en", "Police said 2000 protesters were arrested in the capital.", "count=2000;outcome=arrested")]
    [InlineData("ro", "Politia a anuntat ca 2000 de protestatari au fost arestati.", "count=2000;outcome=arrested")]
    public void A_year_after_a_date_word_is_never_a_count(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // the subset takes the outcome of the figure it qualifies, not the nearer "wounded", and is not added
    [InlineData("en", "Five people were killed, including two children, and ten others were wounded.", "low=5;best=5;high=5")]
    [InlineData("ro", "Cinci oameni au fost ucisi, inclusiv doi copii, iar alti zece au fost raniti.", "low=5;best=5;high=5")]
    // "among them": a subset of the same category is not a rival count
    [InlineData("en", "The blast killed six civilians, among them three women.", "low=6;best=6;high=6")]
    [InlineData("ro", "Explozia a ucis sase civili, printre care trei femei.", "low=6;best=6;high=6")]
    // a single person as the subset
    [InlineData("en", "Gunmen killed four villagers, including a child, near Jos.", "low=4;best=4;high=4")]
    // a subset word right after its amount ("four of them"): the amount is the subset, not a rival lower figure
    [InlineData("en", "Twelve people died in the raid on the village, four of them children, elders said.", "low=12;best=12;high=12")]
    [InlineData("ro", "Doisprezece civili au fost ucisi in atacul armat asupra satului, patru dintre ei copii, au spus batranii.", "low=12;best=12;high=12")]
    [InlineData("en", "Nine soldiers were killed in the ambush, three of whom were officers.", "low=9;best=9;high=9")]
    // "including" only leads its subset: the amount before it stays the figure
    [InlineData("en", "Twelve including four children were killed when the militia stormed the village.", "low=12;best=12;high=12")]
    public void A_subset_is_part_of_the_figure_it_qualifies(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a written compound number is one figure: its last word ("one", "o") is no single person of its own
    [InlineData("en", "Twenty-one people were killed when gunmen stormed the village of Kaura.", "low=21;best=21;high=21")]
    [InlineData("ro", "Douazeci si unu de soldati au fost ucisi in luptele de la Bahmut.", "low=21;best=21;high=21")]
    [InlineData("ro", "O suta de civili au fost ucisi intr-un bombardament asupra orasului Alep.", "low=100;best=100;high=100")]
    public void A_written_compound_number_is_one_figure(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a toll's new figure after a verb of change, the toll named at the start of a long subject
    [InlineData("en", "The death toll from Monday's bombing of a market in Kabul rose to five, officials said.", "type=Explosions/Remote violence;low=5;best=5;high=5")]
    [InlineData("en", "The toll from the militia attack on the camp has risen to at least 40.", "low=40;best=40;count=40;outcome=killed")]
    [InlineData("ro", "Bilantul victimelor atentatului de luni de la Kabul a crescut la cinci, au anuntat oficialii.", "type=Explosions/Remote violence;low=5;best=5;high=5")]
    [InlineData("ro", "Bilantul bombardamentului asupra taberei a ajuns la cel putin 40 de morti.", "low=40;best=40")]
    // a verb of change with no toll before it counts nothing: money, not people
    [InlineData("en", "Fighting near the port went on, and fuel prices rose to 40 in the city.", "low=null")]
    [InlineData("ro", "Luptele de langa port au continuat, iar pretul benzinei a crescut la 40 in oras.", "low=null")]
    public void A_toll_takes_the_figure_after_a_verb_of_change(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // the subset is no figure of its own: no "2 wounded" from the nearer outcome word, no second count of the dead
    [InlineData("en", "Five people were killed, including two children, and ten others were wounded.")]
    [InlineData("ro", "Cinci oameni au fost ucisi, inclusiv doi copii, iar alti zece au fost raniti.")]
    public void A_subset_makes_no_figure_of_its_own(string language, string text)
    {
        var result = Pipeline.Process(new SourceDocument("subset", text, PartialDate.TryParse(Day, out var d) ? d : null, language));
        var casualties = result.Events.SelectMany(e => e.Casualties).ToList();
        Assert.DoesNotContain(casualties, c => c.Count?.Value == 2);
        Assert.Contains(casualties, c => c.Outcome == "killed" && c.Count?.Value == 5);
        Assert.Contains(casualties, c => c.Outcome == "wounded" && c.Count?.Value == 10);
    }

    [Theory]
    // the agency after a comma and a verb of reporting relays the claim
    [InlineData("ro", "Patru soldati au fost ucisi in ambuscada, a relatat Reuters.", "via=Reuters")]
    [InlineData("en", "Four soldiers were killed in the ambush, Reuters reported.", "via=Reuters")]
    // "according to" an agency after a claimant who spoke: the agency passed the claim on
    [InlineData("en", "Four soldiers were killed in the ambush, the army said, according to Reuters.", "via=Reuters;claimant~=Military Forces")]
    [InlineData("ro", "Patru soldati au fost ucisi in ambuscada, a declarat armata, potrivit AFP.", "via=AFP;claimant~=Military Forces")]
    // "potrivit AFP" alone: the agency is the relay of an unnamed source
    [InlineData("ro", "Patru soldati au fost ucisi in ambuscada, potrivit AFP.", "via=AFP")]
    public void A_relaying_agency_is_kept_in_via(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a headline on a line of its own, then the body telling the same toll
    [InlineData("en", "15 killed in attack on market in Maiduguri\n\nGunmen opened fire on a crowded market in Maiduguri on Tuesday, killing 15 people, police said.")]
    [InlineData("ro", "15 morti intr-un atac asupra unei piete din Maiduguri\n\nBarbati inarmati au deschis focul marti intr-o piata din Maiduguri, ucigand 15 persoane, a anuntat politia.")]
    public void A_headline_and_its_body_giving_the_same_toll_are_one_figure(string language, string text)
    {
        var result = Pipeline.Process(new SourceDocument("headline", text, PartialDate.TryParse(Day, out var d) ? d : null, language));
        Assert.Equal(15, result.Events.Sum(e => e.Fatalities?.Best ?? 0));
    }

    [Fact]
    public void A_web_page_whose_headline_repeats_the_toll_counts_it_once()
    {
        const string page = """
            <!DOCTYPE html><html><head><title>15 killed in attack on market in Maiduguri | Daily Example</title>
            <meta property="article:published_time" content="2021-03-17T10:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <h1>15 killed in attack on market in Maiduguri</h1>
            <p>Gunmen opened fire on a crowded market in Maiduguri on Tuesday, killing 15 people, police said.</p>
            <p>Witnesses said the attackers arrived on motorcycles shortly after noon and fled towards the forest.</p>
            <footer>Copyright 2021</footer></body></html>
            """;
        var document = ReaderHarness.Single(page, "page.html");
        var result = Pipeline.Process(document);
        Assert.Equal(15, result.Events.Sum(e => e.Fatalities?.Best ?? 0));
    }

    [Fact]
    public void A_headline_figure_the_body_does_not_repeat_is_kept()
    {
        const string text = "Three soldiers killed near Avdiivka\n\nSeparatist forces shelled positions near Avdiivka on Tuesday, the army said.";
        var result = Pipeline.Process(new SourceDocument("headline", text, PartialDate.TryParse(Day, out var d) ? d : null, "en"));
        Assert.Equal(3, result.Events.Sum(e => e.Fatalities?.Best ?? 0));
    }
}
