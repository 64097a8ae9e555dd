using Sitrep.Pipeline;
using Sitrep.Documents;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// Words of violence with an everyday sense make an event only with evidence of violence (issue 10: real news).
/// One phenomenon a row, in English and Romanian sentences written for these tests.
/// </summary>
public sealed class ViolentSenseTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // politics borrows the words of war
    [InlineData("en", "The senator fought hard for the nomination and attacked her rival's record on taxes.")]
    [InlineData("ro", "Liderul partidului a spus ca va lupta pentru democratie si a lansat un atac dur la adresa guvernului.")]
    // a debate is a confrontation, not a clash
    [InlineData("en", "The two candidates clashed over pensions in Tuesday's televised debate.")]
    [InlineData("ro", "Confruntarea dintre cei doi candidati a avut loc marti seara intr-o dezbatere televizata.")]
    // an office is occupied, not a town
    [InlineData("en", "She captured the party's leadership after a long campaign.")]
    [InlineData("ro", "Fostul ministru a ocupat functia de consilier prezidential timp de doi ani.")]
    // aircraft of business and travel
    [InlineData("en", "The airline ordered six aircraft and ten regional jets for its new routes.")]
    [InlineData("ro", "Presedintele a cheltuit milioane de euro pe zboruri cu avioane private.")]
    // sport
    [InlineData("en", "The champion beat the Ukrainian in straight sets and advanced to the final.")]
    [InlineData("ro", "Campioana a batut-o pe adversara ei si a cucerit trofeul.")]
    // a legal challenge
    [InlineData("ro", "Avocatii au folosit caile extraordinare de atac impotriva deciziei.")]
    // an oil company and its shells
    [InlineData("en", "Shell agreed to sell two pipelines to a Canadian rival.")]
    // a mere reference to a war is background, not an event
    [InlineData("en", "The minister spoke about the war in the region and the cost of energy.")]
    // a flop and an attack on an institution: "bombing", "atentat" with no sign of violence
    [InlineData("en", "After its bombing at the box office, the studio cut the sequel's budget.")]
    [InlineData("ro", "Un atentat la statul de drept, au spus procurorii si judecatorii despre noua lege.")]
    [InlineData("ro", "Ministrul a vorbit despre razboiul din regiune si despre pretul energiei.")]
    public void A_word_of_violence_used_in_its_everyday_sense_makes_no_current_event(string language, string text) =>
        SentenceExpectations.Check(language, text, Day, "none");

    [Theory]
    // armed people corroborate the word
    [InlineData("en", "Soldiers fought the insurgents for hours near the border.", "type=Battles")]
    [InlineData("ro", "Militarii s-au luptat ore intregi cu insurgentii langa granita.", "type=Battles")]
    // victims hurt corroborate it
    [InlineData("en", "The attack on the village killed five civilians.", "type=Violence against civilians;best=5")]
    [InlineData("ro", "Atacul asupra satului a ucis cinci civili.", "best=5")]
    // a nationality makes "forces" armed
    [InlineData("en", "Israeli forces raided the camp before dawn.", "type=Violence against civilians")]
    [InlineData("ro", "Fortele ruse au atacat localitatea in timpul noptii.", "type=Violence against civilians")]
    // a place right after a blast says it happened there
    [InlineData("en", "The blast in Kabul damaged a school.", "type=Explosions/Remote violence")]
    [InlineData("ro", "Explozia din Kabul a avariat o scoala.", "type=Explosions/Remote violence")]
    // "bombing" and "atentat": a bombing at a place is an explosion
    [InlineData("en", "The bombing in Quetta damaged a police station.", "type=Explosions/Remote violence")]
    [InlineData("ro", "Atentatul de la Quetta a avariat o sectie de politie.", "type=Explosions/Remote violence")]
    // two weaker signs: forces and their positions
    [InlineData("en", "Military forces fired with unknown weapons on the positions of the other side.", "type=Battles")]
    // the story told the sentence before: who did it
    [InlineData("en", "Armed men chased a bus driver through the market. The attack lasted minutes.", "type=Violence against civilians")]
    // an outbreak of violence names fighting with no everyday double
    [InlineData("en", "Inter-clan violence erupted in the district, leaving five people dead.", "type=Battles;best=5")]
    [InlineData("ro", "Au izbucnit violente intre doua clanuri in district.", "type=Battles")]
    // "to death" leaves a word of violence no everyday sense
    [InlineData("en", "A prisoner was tortured to death by the guards, his family said.", "type=Violence against civilians")]
    [InlineData("ro", "Un detinut a fost torturat pana la moarte de gardieni, a spus familia sa.", "type=Violence against civilians")]
    // a side makes "forces" armed
    [InlineData("en", "Pro-Hadi forces were deployed to the island.", "sub=Change to group/activity")]
    public void A_word_of_violence_with_evidence_keeps_its_event(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a wire story's dateline names the agency that relays every claim in it
    [InlineData("en", "KABUL, May 3 (Reuters) - Two soldiers were killed in a roadside bomb blast, the defence ministry said.", "via=Reuters")]
    [InlineData("ro", "BUCURESTI, 5 mai (Agerpres) - Doi soldati au fost ucisi de o bomba, a anuntat ministerul apararii.", "via=Agerpres")]
    public void A_datelines_agency_relays_the_claims_of_the_story(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a storm, an illness, an accident: a toll with no one who caused it
    [InlineData("en", "Nine people died in Florida after the hurricane made landfall.")]
    [InlineData("ro", "Noua oameni au murit in Florida dupa ce uraganul a lovit coasta.")]
    [InlineData("en", "A plane crash killed ten people near the racetrack.")]
    [InlineData("ro", "Trei oameni au murit in accidentul de pe autostrada.")]
    [InlineData("en", "Three patients died of pneumonia at the hospital last week.")]
    [InlineData("ro", "Doi pacienti au murit din cauza unei pneumonii.")]
    public void A_death_that_is_not_violence_makes_no_event(string language, string text) =>
        SentenceExpectations.Check(language, text, Day, "none");

    [Theory]
    [InlineData("en", "Shell reported higher profits and the senator attacked the plan.", 0.0, 0.3)]
    [InlineData("ro", "Partidul a lansat un atac la adresa guvernului.", 0.0, 0.3)]
    [InlineData("en", "Gunmen opened fire on a market in Maiduguri, killing twelve civilians. An airstrike hit a rebel base the next day, killing 20 fighters.", 0.5, 1.0)]
    [InlineData("ro", "Oameni inarmati au deschis focul intr-o piata, ucigand doisprezece civili. O lovitura aeriana a lovit o baza a rebelilor, ucigand 20 de luptatori.", 0.5, 1.0)]
    public void Relevance_is_high_only_for_a_report_of_violence(string language, string text, double min, double max)
    {
        var result = new ExtractionPipeline().Process(new SourceDocument("t", text, Language: language));
        Assert.InRange(result.Document.Relevance!.Value, min, max);
    }

    [Fact]
    public void Events_of_a_document_under_the_relevance_floor_are_left_out_with_a_warning()
    {
        var document = new SourceDocument("t", "Police said the attack on the village killed one civilian.", Language: "en");
        var kept = new ExtractionPipeline().Process(document);
        var floored = new ExtractionPipeline().Process(document, new ExtractionOptions(MinRelevance: 0.99));
        Assert.NotEmpty(kept.Events);
        Assert.Empty(floored.Events);
        Assert.Contains(floored.Warnings, w => w.Contains("--min-relevance", StringComparison.Ordinal));
    }
}
