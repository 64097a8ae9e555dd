using Sitrep.Documents;
using Sitrep.Incidents;
using Sitrep.Output;

namespace Sitrep.Tests.Incidents;

/// <summary>
/// Grouping apart from building (what a store keeps): groups found on records without their claims, each built
/// later from its reports' full records, give the incidents of the whole fusion, field for field.
/// </summary>
public sealed class IncidentGroupTests
{
    [Fact]
    public void Groups_of_slim_records_built_from_full_records_are_the_whole_fusions_incidents()
    {
        var results = IncidentCorpus.Results;
        var grouping = new IncidentFusion();
        foreach (var result in results) grouping.AddForGrouping(result);
        var groups = grouping.Group();
        var records = results.SelectMany(r => r.Events.Select(e => (Key: new ReportKey(r.Document.Id, e.Id), Report: (r.Document, e))))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Report);
        // Reversed, to show the reports' order is the builder's business, not the caller's.
        var built = groups.Select(g => IncidentFusion.Build(g, g.Reports.Reverse().Select(k => records[k]))).ToList();

        var whole = IncidentCorpus.Incidents;
        Assert.Equal(whole.Count, built.Count);
        Assert.Contains(whole, i => i.Claims.Any(c => c.Casualty is not null) && i.Reports.Length > 1);
        Assert.Equal(whole.Select(i => ContractJson.Serialize(i)), built.Select(i => ContractJson.Serialize(i)));
        Assert.Contains(groups, g => g.About is not null);
    }

    [Fact]
    public void A_grouping_only_fusion_refuses_to_build_incidents_without_their_claims()
    {
        var fusion = new IncidentFusion();
        fusion.AddForGrouping(IncidentCorpus.Results[0]);
        Assert.Throws<InvalidOperationException>(() => fusion.Build());
    }

    [Fact]
    public void Building_a_group_with_a_report_missing_names_the_incident()
    {
        var result = IncidentCorpus.Results.First(r => r.Events.Length > 0);
        var group = new IncidentGroup("i-000000000000", [new ReportKey(result.Document.Id, result.Events[0].Id), new ReportKey("other", "e1")], null);
        var error = Assert.Throws<ArgumentException>(() => IncidentFusion.Build(group, [(result.Document, result.Events[0])]));
        Assert.Contains("i-000000000000", error.Message);
    }
}
