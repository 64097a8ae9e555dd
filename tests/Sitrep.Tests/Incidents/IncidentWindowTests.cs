using Sitrep.Incidents;
using Sitrep.Output;
using static Sitrep.Tests.Incidents.MatchingRuleTests;

namespace Sitrep.Tests.Incidents;

/// <summary>
/// <see cref="WindowedIncidentFusion"/>: incidents a window behind the newest publication are handed out and their
/// reports dropped; within the window, the result is the whole fusion's, in any order that keeps to the window.
/// </summary>
public sealed class IncidentWindowTests
{
    private static readonly Location Kramatorsk = new("Kramatorsk", "UKR", "Donetsk", 48.72305, 37.55629, "locality", null, null, null);
    private static readonly Location Kherson = new("Kherson", "UKR", "Kherson", 46.63542, 32.61687, "locality", null, null, null);

    [Fact]
    public void Two_reports_of_one_strike_inside_the_window_are_one_incident()
    {
        // A wire the day of the strike, a weekly's report of the same strike 20 days later; then the stream moves on.
        var fusion = new WindowedIncidentFusion(windowDays: 30, holdEvents: 0);
        var handedOut = new List<Incident>();
        handedOut.AddRange(fusion.Add(Result("wire", "2025-03-01", Record("e1", "Air/drone strike", Kramatorsk, "2025-03-01", "2025-03-01"))));
        handedOut.AddRange(fusion.Add(Result("weekly", "2025-03-21", Record("e1", "Air/drone strike", Kramatorsk, "2025-03-01", "2025-03-01"))));
        handedOut.AddRange(Later(fusion, "2025-03-22", days: 120));
        handedOut.AddRange(fusion.Complete());
        var strike = Assert.Single(handedOut, i => i.Reports.Any(r => r.Document == "wire"));
        Assert.Equal(["wire", "weekly"], strike.Reports.Select(r => r.Document));
        Assert.Equal(IncidentIds.From("wire", "e1"), strike.Id);
    }

    [Fact]
    public void The_same_two_reports_further_apart_than_the_window_stay_two_incidents_where_the_whole_fusion_joins_them()
    {
        // The second report comes 100 days after the strike, when the stream is two windows past it: the strike's
        // incident was written and forgotten. Without the window (IncidentFusion) they are one: this fails if the
        // window were ignored.
        var wire = Result("wire", "2025-03-01", Record("e1", "Air/drone strike", Kramatorsk, "2025-03-01", "2025-03-01"));
        var retrospective = Result("retro", "2025-06-10", Record("e1", "Air/drone strike", Kramatorsk, "2025-03-01", "2025-03-01"));
        var filler = Stream("2025-03-02", days: 100).ToList();
        var fusion = new WindowedIncidentFusion(windowDays: 30, holdEvents: 0);
        var handedOut = new List<Incident>();
        foreach (var result in (DocumentResult[])[wire, .. filler, retrospective]) handedOut.AddRange(fusion.Add(result));
        handedOut.AddRange(fusion.Complete());
        Assert.Single(handedOut, i => i.Reports.Any(r => r.Document == "wire") && i.Reports.Length == 1);
        Assert.Single(handedOut, i => i.Reports.Any(r => r.Document == "retro") && i.Reports.Length == 1);
        Assert.Equal(0, fusion.LateDocuments);
        Assert.Contains(IncidentCorpus.Fuse([wire, .. filler, retrospective]), i => i.Reports.Length == 2 && i.Reports.Any(r => r.Document == "retro"));
    }

    [Fact]
    public void Reports_a_window_behind_are_dropped_as_the_stream_moves_on()
    {
        // A year of daily reports, one strike a day: what is held stays around three windows of news, and incidents
        // are handed out along the way, not at the end.
        var fusion = new WindowedIncidentFusion(windowDays: 10, holdEvents: 0);
        var handedOut = 0;
        var mostHeld = 0;
        foreach (var result in Stream("2025-01-01", days: 365))
        {
            handedOut += fusion.Add(result).Count;
            mostHeld = Math.Max(mostHeld, fusion.HeldEvents);
        }
        Assert.Equal(365, fusion.Events);
        Assert.InRange(mostHeld, 20, 40);
        Assert.InRange(handedOut, 300, 345);
        Assert.InRange(fusion.HeldEvents, 20, 40);
        Assert.Equal(365 - handedOut, fusion.Complete().Count);
        Assert.Equal(0, fusion.HeldEvents);
    }

    [Fact]
    public void Held_events_wait_for_the_hold_threshold_before_the_window_cuts()
    {
        var fusion = new WindowedIncidentFusion(windowDays: 10, holdEvents: 100);
        var handedOut = Stream("2025-01-01", days: 90).Sum(result => fusion.Add(result).Count);
        Assert.Equal(0, handedOut);
        Assert.Equal(90, fusion.HeldEvents);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    [InlineData(1)]
    public void The_golden_set_in_date_order_gives_the_whole_fusions_incidents(int windowDays)
    {
        // The golden set spans eight months; reports of one incident are at most a few days apart.
        var sorted = IncidentCorpus.Results.OrderBy(r => r.Document.Published, StringComparer.Ordinal).ToList();
        Assert.Equal(Serialize(IncidentCorpus.Incidents), Serialize(Windowed(sorted, windowDays, holdEvents: 0, out var late)));
        Assert.Equal(0, late);
    }

    [Fact]
    public void Any_order_within_the_window_gives_the_same_incidents()
    {
        // Documents shuffled inside blocks of 20 days arrive at most 20 days out of date order: within a window of 30.
        var expected = Serialize(IncidentCorpus.Incidents);
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed);
            var shuffled = IncidentCorpus.Results
                .OrderBy(r => DateOnly.ParseExact(r.Document.Published!, "yyyy-MM-dd").DayNumber / 20)
                .ThenBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Serialize(Windowed(shuffled, windowDays: 30, holdEvents: 0, out var late)));
            Assert.Equal(0, late);
        }
    }

    [Fact]
    public void Any_order_of_a_set_smaller_than_the_hold_gives_the_same_incidents()
    {
        // The golden set in file order is months out of date order, but fits in what is held before the window cuts.
        var shuffled = IncidentCorpus.Results.ToArray();
        new Random(17).Shuffle(shuffled);
        Assert.Equal(Serialize(IncidentCorpus.Incidents), Serialize(Windowed(shuffled, windowDays: 30, WindowedIncidentFusion.DefaultHoldEvents, out _)));
    }

    [Fact]
    public void A_document_further_out_of_date_order_than_the_window_is_counted_late()
    {
        var fusion = new WindowedIncidentFusion(windowDays: 10, holdEvents: 0);
        foreach (var result in Stream("2025-01-01", days: 60)) fusion.Add(result);
        fusion.Add(Result("old", "2025-01-05", Record("e1", "Air/drone strike", Kherson, "2025-01-05", "2025-01-05")));
        Assert.Equal(1, fusion.LateDocuments);
    }

    private static List<Incident> Windowed(IEnumerable<DocumentResult> results, int windowDays, int holdEvents, out int late)
    {
        var fusion = new WindowedIncidentFusion(windowDays, holdEvents);
        var incidents = new List<Incident>();
        foreach (var result in results) incidents.AddRange(fusion.Add(result));
        incidents.AddRange(fusion.Complete());
        late = fusion.LateDocuments;
        return incidents;
    }

    /// <summary>One strike in Kherson a day, from <paramref name="first"/> on: a stream that moves the window.</summary>
    private static IEnumerable<DocumentResult> Stream(string first, int days)
    {
        var start = DateOnly.ParseExact(first, "yyyy-MM-dd");
        for (var d = 0; d < days; d++)
        {
            var day = start.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            yield return Result("daily-" + day, day, Record("e1", "Air/drone strike", Kherson, day, day));
        }
    }

    private static List<Incident> Later(WindowedIncidentFusion fusion, string first, int days) =>
        Stream(first, days).SelectMany(fusion.Add).ToList();

    private static string Serialize(IEnumerable<Incident> incidents) => string.Join("\n", incidents.Select(i => ContractJson.Serialize(i)));
}
