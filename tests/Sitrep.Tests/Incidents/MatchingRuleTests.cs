using Sitrep.Incidents;
using Sitrep.Output;

namespace Sitrep.Tests.Incidents;

/// <summary>The matching rules one by one, on events built by hand (places with their real coordinates).</summary>
public sealed class MatchingRuleTests
{
    private static readonly Location Kramatorsk = new("Kramatorsk", "UKR", "Donetsk", 48.72305, 37.55629, "locality", null, null, null);
    private static readonly Location KramatorskSuburb = new("Bilenke", "UKR", "Donetsk", 48.745, 37.59, "locality", null, null, null);
    private static readonly Location Sloviansk = new("Sloviansk", "UKR", "Donetsk", 48.86667, 37.61667, "locality", null, null, null);
    private static readonly Location DonetskProvince = new("Donetsk", "UKR", "Donetsk", 48.0, 37.8, "admin", null, null, null);
    private static readonly Location KhersonProvince = new("Kherson", "UKR", "Kherson", 46.6, 32.6, "admin", null, null, null);
    private static readonly Location Ukraine = new("Ukraine", "UKR", null, 49.0, 32.0, "country", null, null, null);
    private static readonly Location Belgorod = new("Belgorod", "RUS", "Belgorod", 50.6, 36.6, "locality", null, null, null);

    public static TheoryData<string, Location, Location, bool> Places => new()
    {
        { "the same town", Kramatorsk, Kramatorsk, true },
        { "a suburb 3 km away: one outlet names the suburb, another the town", Kramatorsk, KramatorskSuburb, true },
        { "the neighbouring town, 17 km away", Kramatorsk, Sloviansk, false },
        { "a town within its province", Kramatorsk, DonetskProvince, true },
        { "a town and another province", Kramatorsk, KhersonProvince, false },
        { "a town and its country", Kramatorsk, Ukraine, true },
        { "towns across a border", Kramatorsk, Belgorod, false },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Places_agree_within_the_precision_each_has(string phenomenon, Location a, Location b, bool agree)
    {
        Assert.True(agree == PlaceAgreement.Agree(a, b), phenomenon);
        Assert.True(agree == PlaceAgreement.Agree(b, a), phenomenon + " (swapped)");
    }

    [Theory]
    // Outlets name one strike differently; a protest and an air strike are never one.
    [InlineData("Air/drone strike", "Attack", true)]
    [InlineData("Shelling/artillery/missile attack", "Air/drone strike", true)]
    [InlineData("Armed clash", "Non-state actor overtakes territory", true)]
    [InlineData("Suicide bomb", "Remote explosive/landmine/IED", true)]
    [InlineData("Peaceful protest", "Protest with intervention", true)]
    [InlineData("Arrests", "Abduction/forced disappearance", true)]
    [InlineData("Peaceful protest", "Air/drone strike", false)]
    [InlineData("Agreement", "Armed clash", false)]
    [InlineData("Appeal", "Accusation", false)]
    [InlineData("Appeal", "Appeal", true)]
    public void Families_say_which_types_may_be_one_event(string a, string b, bool mayBeOne)
    {
        Assert.Equal(mayBeOne, FamilyTable.Default.MayBeOne(a, b));
        Assert.Equal(mayBeOne, FamilyTable.Default.MayBeOne(b, a));
    }

    [Fact]
    public void A_malformed_family_line_is_named_with_its_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => FamilyTable.Parse(["# comment", "strike\tAir/drone strike"], "families.tsv"));
        Assert.Contains("families.tsv:2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Dates already resolved against publication: ranges that overlap are the same day.
    [InlineData("2025-10-14", "2025-10-14", "2025-10-14", "2025-10-14", true)]
    [InlineData("2025-10-14", "2025-10-14", "2025-10-15", "2025-10-15", false)]
    [InlineData("2025-10-01", "2025-10-31", "2025-10-14", "2025-10-14", true)]
    [InlineData("2025-09-01", "2025-09-30", "2025-10-14", "2025-10-14", false)]
    public void Dates_agree_when_their_ranges_overlap(string aStart, string aEnd, string bStart, string bEnd, bool agree)
    {
        var a = Report("a", "e1", "Air/drone strike", Kramatorsk, aStart, aEnd);
        var b = Report("b", "e1", "Air/drone strike", Kramatorsk, bStart, bEnd);
        Assert.Equal(agree, DateAgreement.Agree(a, b));
    }

    [Theory]
    // Two named armed groups as perpetrators are two raids; a state blamed by one side and the other side blamed by
    // the other is one strike with contradicting claims.
    [InlineData("rebel-group", "Group A", "rebel-group", "Group B", false, true)]
    [InlineData("rebel-group", "Group A", "rebel-group", "Group A", false, false)]
    [InlineData("state-forces", "Military Forces of Russia", "state-forces", "Military Forces of Ukraine", false, false)]
    [InlineData("international-organisation", "United Nations", "international-organisation", "European Union", true, true)]
    public void Actors_contradict_only_when_they_name_different_perpetrators(string kindA, string nameA, string kindB, string nameB, bool statements, bool contradict)
    {
        var a = Record("e1", "Armed clash", Kramatorsk, "2025-10-14", "2025-10-14") with { Actors = [new Actor(nameA, null, kindA, "actor1", 0, 1)] };
        var b = Record("e1", "Armed clash", Kramatorsk, "2025-10-14", "2025-10-14") with { Actors = [new Actor(nameB, null, kindB, "actor1", 0, 1)] };
        Assert.Equal(contradict, ActorAgreement.Contradict(a, b, statements));
    }

    [Fact]
    public void Non_current_events_and_statements_never_join_a_current_incident()
    {
        var matcher = new ReportMatcher(FamilyTable.Default);
        var strike = Report("a", "e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14");
        foreach (var status in new[] { "historical", "future", "hypothetical", "negated" })
        {
            var other = new ReportedEvent(Document("b"), Record("e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14") with { Status = status });
            Assert.False(matcher.MayBeOne(strike, other), status);
        }
        var statement = new ReportedEvent(Document("c"), Record("e1", "Accusation", Kramatorsk, "2025-10-14", "2025-10-14") with { EventType = "Statements" });
        Assert.False(matcher.MayBeOne(strike, statement));
    }

    [Fact]
    public void Two_events_of_one_document_stay_two_incidents()
    {
        // The extraction told them apart (a strike, and the drones shot down the same night); another outlet's
        // report of the strike joins the strike.
        var one = Result("a", "2025-10-14",
            Record("e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14"),
            Record("e2", "Disrupted weapons use", Kramatorsk, "2025-10-14", "2025-10-14"));
        var other = Result("b", "2025-10-14", Record("e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14"));
        var incidents = IncidentCorpus.Fuse([one, other]);
        Assert.Equal(2, incidents.Count);
        Assert.Contains(incidents, i => i.Reports.Select(r => r.Document + "#" + r.Event).SequenceEqual(["a#e1", "b#e1"]));
    }

    [Fact]
    public void A_province_level_report_joins_only_an_uncontested_incident()
    {
        // One drone strike in the province that day: the province report joins it. Add a second, in another town of
        // the province, of the same type: the province report cannot say which, and stays alone.
        var strike = Result("a", "2025-10-14", Record("e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14"));
        var vague = Result("b", "2025-10-14", Record("e1", "Air/drone strike", DonetskProvince, "2025-10-14", "2025-10-14"));
        var other = Result("c", "2025-10-14", Record("e1", "Air/drone strike", Sloviansk, "2025-10-14", "2025-10-14"));
        Assert.Single(IncidentCorpus.Fuse([strike, vague]));
        var contested = IncidentCorpus.Fuse([strike, vague, other]);
        Assert.Equal(3, contested.Count);
        // Of another type, the second strike does not compete.
        var shelling = Result("d", "2025-10-14", Record("e1", "Shelling/artillery/missile attack", Sloviansk, "2025-10-14", "2025-10-14"));
        Assert.Equal(2, IncidentCorpus.Fuse([strike, vague, shelling]).Count);
    }

    [Fact]
    public void A_vaguer_report_never_chains_two_town_precise_incidents()
    {
        // Kramatorsk and Sloviansk agree each with the province but not with each other.
        var a = Result("a", "2025-10-14", Record("e1", "Air/drone strike", Kramatorsk, "2025-10-14", "2025-10-14"));
        var b = Result("b", "2025-10-14", Record("e1", "Air/drone strike", Sloviansk, "2025-10-14", "2025-10-14"));
        var c = Result("c", "2025-10-14", Record("e1", "Air/drone strike", DonetskProvince, "2025-10-14", "2025-10-14"));
        var d = Result("d", "2025-10-14", Record("e1", "Air/drone strike", Ukraine, "2025-10-14", "2025-10-14"));
        var incidents = IncidentCorpus.Fuse([a, b, c, d]);
        Assert.DoesNotContain(incidents, i => i.Reports.Any(r => r.Document == "a") && i.Reports.Any(r => r.Document == "b"));
    }

    internal static ReportedEvent Report(string document, string id, string subEventType, Location place, string start, string end) =>
        new(Document(document), Record(id, subEventType, place, start, end));

    internal static DocumentInfo Document(string id, string? published = "2025-10-14", string? source = null) => new(id, published, "en", null, source ?? "Outlet " + id, null);

    internal static DocumentResult Result(string id, string published, params EventRecord[] events) => new(Document(id, published), [.. events], null, []);

    internal static EventRecord Record(string id, string subEventType, Location place, string start, string end) => new(
        id, "Explosions/Remote violence", subEventType, "current", new DateRange(start, end, start == end ? "day" : "month", null), place, [], null, [], [], [], 0.8);
}
