using Sitrep.Incidents;
using Sitrep.Output;

namespace Sitrep.Tests.Incidents;

/// <summary>Claims across documents, on figures built by hand: relays, revisions, contradictions and the toll.</summary>
public sealed class CrossSourceClaimTests
{
    private static readonly Location Town = new("Kramatorsk", "UKR", "Donetsk", 48.72305, 37.55629, "locality", null, null, null);

    [Fact]
    public void The_same_figure_from_the_same_claimant_counts_once_however_many_outlets_relay_it()
    {
        var incident = Single(
            Report("a", "2025-10-14", "Outlet A", Killed(12, "civilian", "the governor")),
            Report("b", "2025-10-14", "Outlet B", Killed(12, "civilian", "The governor")),
            Report("c", "2025-10-14", "Outlet C", Killed(12, "civilian", "the governor", via: "Outlet A")));
        var claim = Assert.Single(incident.Claims);
        Assert.Equal(3, claim.Reports.Length);
        Assert.Equal(["Outlet A", "Outlet B", "Outlet C"], claim.Via.Order(StringComparer.Ordinal));
        Assert.Equal(new Fatalities(12, 12, 12), incident.Fatalities);
    }

    [Fact]
    public void A_later_figure_from_the_same_claimant_revises_the_earlier_one()
    {
        var incident = Single(
            Report("a", "2025-10-14", "Outlet A", Killed(12, "civilian", "the governor")),
            Report("b", "2025-10-15", "Outlet B", Killed(17, "civilian", "the governor")),
            Report("c", "2025-10-16", "Outlet C", Killed(21, "civilian", "the governor")));
        Assert.Equal(new Fatalities(21, 21, 21), incident.Fatalities);
        var revision = Assert.Single(incident.Revisions);
        Assert.Equal(["k1", "k2", "k3"], revision.Claims.AsEnumerable());
        Assert.Equal("k2", incident.Claims[0].RevisedBy);
        Assert.Equal("k3", incident.Claims[1].RevisedBy);
    }

    [Fact]
    public void Figures_of_the_same_day_stay_side_by_side()
    {
        // One claimant, two figures on one day: which came later cannot be told; both stand.
        var incident = Single(
            Report("a", "2025-10-14", "Outlet A", Killed(12, "civilian", "the governor")),
            Report("b", "2025-10-14", "Outlet B", Killed(14, "civilian", "the governor")));
        Assert.Empty(incident.Revisions);
        Assert.Equal(new Fatalities(12, 12, 14), incident.Fatalities);
    }

    [Fact]
    public void Different_claimants_contradict_and_stay_linked_without_revising_each_other()
    {
        var incident = Single(
            Report("a", "2025-10-14", "Outlet A", Killed(12, "civilian", "the governor")),
            Report("b", "2025-10-15", "Outlet B", Killed(3, "civilian", "the defence ministry")));
        Assert.Empty(incident.Revisions);
        Assert.Equal(["k2"], incident.Claims[0].Contradicts.AsEnumerable());
        Assert.Equal(["k1"], incident.Claims[1].Contradicts.AsEnumerable());
        // Low the smallest standing claim, best the latest day's, high the largest.
        Assert.Equal(new Fatalities(3, 3, 12), incident.Fatalities);
    }

    [Fact]
    public void Unattributed_figures_are_each_outlets_own_and_the_press_toll_is_updated()
    {
        var incident = Single(
            Report("a", "2025-10-14", "Outlet A", Killed(12, "civilian", null)),
            Report("b", "2025-10-14", "Outlet B", Killed(12, "civilian", null)),
            Report("c", "2025-10-15", "Outlet C", Killed(17, "civilian", null)));
        Assert.Equal(3, incident.Claims.Length);
        Assert.All(incident.Claims, c => Assert.Empty(c.Contradicts));
        Assert.Equal(new Fatalities(17, 17, 17), incident.Fatalities);
    }

    private static Incident Single(params DocumentResult[] reports) => Assert.Single(IncidentCorpus.Fuse(reports));

    private static DocumentResult Report(string id, string published, string source, Casualty casualty)
    {
        var toll = new Fatalities((int)casualty.Count!.Value!, (int)casualty.Count.Value, (int)casualty.Count.Value);
        var record = new EventRecord("e1", "Explosions/Remote violence", "Air/drone strike", "current", new DateRange("2025-10-14", "2025-10-14", "day", null),
            Town, [], toll, [casualty], [], [], 0.8);
        return new DocumentResult(new DocumentInfo(id, published, "en", null, source, null), [record], null, []);
    }

    private static Casualty Killed(long count, string category, string? claimant, string? via = null) => new(
        "killed",
        new Count(count, count, count, false, count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Victims(category, null, "UKR", null),
        "current",
        claimant is null ? null : new Attribution(claimant, via is null ? [] : [via], 0, 5),
        new Span(10, 20));
}
