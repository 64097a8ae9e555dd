namespace Sitrep.Tests.Extraction;

/// <summary>
/// Wordings of real reports that the engine missed or misread, one phenomenon a row, in English and Romanian
/// sentences written for these tests: a killing told as an assassination, young victims, a monitor's count of
/// projectiles, a gathering that commemorates, deaths from drugs beside a metaphorical war.
/// </summary>
public sealed class ReportWordingTests
{
    private const string Day = "2021-05-04";

    [Theory]
    // an assassination is a killing of a chosen victim
    [InlineData("en", "Gunmen assassinated a village chief near the market on Monday.", "type=Violence against civilians;sub=Attack")]
    [InlineData("ro", "Oameni inarmati au asasinat luni un primar langa piata.", "type=Violence against civilians;sub=Attack")]
    // young people are victims like any civilians
    [InlineData("en", "Militants killed two youths in the village.", "type=Violence against civilians;best=2")]
    [InlineData("en", "Militants killed a teenager in the village.", "type=Violence against civilians;best=1")]
    [InlineData("ro", "Militantii au ucis un tanar in sat.", "type=Violence against civilians;best=1")]
    // a monitoring mission counts projectiles and bursts of fire, not shells or clashes
    [InlineData("en", "The monitors recorded 14 projectiles involving unknown weapons near the village.", "type=Explosions/Remote violence;sub=Shelling/artillery/missile attack")]
    [InlineData("ro", "Observatorii au inregistrat 14 proiectile cu arme necunoscute langa sat.", "type=Explosions/Remote violence;sub=Shelling/artillery/missile attack")]
    [InlineData("en", "The monitors recorded several bursts of fire involving unknown weapons near the village.", "events=1")]
    [InlineData("ro", "Observatorii au inregistrat mai multe rafale de foc cu arme necunoscute langa sat.", "events=1")]
    // a gathering that commemorates is happening now; what it remembers is not
    [InlineData("en", "Hundreds of workers marched in the capital to commemorate Labour Day and demanded higher wages.", "type=Protests;status=current")]
    [InlineData("ro", "Sute de muncitori au manifestat in capitala pentru a comemora Ziua Muncii si au cerut salarii mai mari.", "type=Protests;status=current")]
    public void A_report_worded_so_makes_its_event(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // a monitor's words in a stadium or a speech
    [InlineData("en", "Fans threw projectiles onto the pitch after the final whistle.")]
    [InlineData("ro", "Suporterii au aruncat proiectile pe teren dupa fluierul final.")]
    // deaths from drugs, and a "war on drugs" that is a metaphor, make no violence together
    [InlineData("en", "Lawmakers spoke of a war on dealers. Two students died after consuming a pill bought online.")]
    [InlineData("ro", "Deputatii au vorbit despre un razboi cu dealerii. Doi studenti au murit dupa ce au consumat o pastila cumparata online.")]
    // a game that recreates a historical assassination
    [InlineData("en", "The new video game lets players recreate the assassination of an archduke.")]
    public void A_word_used_otherwise_makes_no_event(string language, string text) =>
        SentenceExpectations.Check(language, text, Day, "none");
}
