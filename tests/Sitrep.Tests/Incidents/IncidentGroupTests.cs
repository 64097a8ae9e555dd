using Sitrep.Documents;
using Sitrep.Incidents;
using Sitrep.Output;

namespace Sitrep.Tests.Incidents;

/// <summary>
/// Building apart from grouping (what a store does when an incident is read): an incident built from its id, its
/// reports' full records and its <c>about</c> alone is the fusion's, field for field.
/// </summary>
public sealed class IncidentGroupTests
{
    [Fact]
    public void An_incident_built_from_its_group_and_its_reports_records_is_the_fusions()
    {
        var results = IncidentCorpus.Results;
        var records = results.SelectMany(r => r.Events.Select(e => (Key: new ReportKey(r.Document.Id, e.Id), Report: (r.Document, e))))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Report);
        var whole = IncidentCorpus.Incidents;
        // Reversed, to show the reports' order is the builder's business, not the caller's.
        var built = whole.Select(i => IncidentFusion.Build(
            new IncidentGroup(i.Id, [.. i.Reports.Select(r => new ReportKey(r.Document, r.Event))], i.About),
            i.Reports.Reverse().Select(r => records[new ReportKey(r.Document, r.Event)]))).ToList();

        Assert.Contains(whole, i => i.Claims.Any(c => c.Casualty is not null) && i.Reports.Length > 1);
        Assert.Contains(whole, i => i.About is not null);
        Assert.Equal(whole.Select(i => ContractJson.Serialize(i)), built.Select(i => ContractJson.Serialize(i)));
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
