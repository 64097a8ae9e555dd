using FsCheck.Xunit;
using Sitrep.Output;

namespace Sitrep.Tests.Incidents;

/// <summary>The same documents in any order give the same incidents, ids and claims, byte for byte.</summary>
public sealed class IncidentOrderProperties
{
    private static readonly Lazy<string> InFileOrder = new(() => Serialize(IncidentCorpus.Incidents));

    [Property(MaxTest = 25, QuietOnSuccess = true)]
    public bool Any_order_of_the_documents_gives_the_same_incidents(int seed)
    {
        var shuffled = IncidentCorpus.Results.ToArray();
        new Random(seed).Shuffle(shuffled);
        return Serialize(IncidentCorpus.Fuse(shuffled)) == InFileOrder.Value;
    }

    [Fact]
    public void The_reversed_order_and_a_document_read_twice_give_the_same_incidents()
    {
        var reversed = IncidentCorpus.Results.Reverse().ToList();
        Assert.Equal(InFileOrder.Value, Serialize(IncidentCorpus.Fuse(reversed)));
        Assert.Equal(InFileOrder.Value, Serialize(IncidentCorpus.Fuse([.. IncidentCorpus.Results, IncidentCorpus.Results[0]])));
    }

    [Fact]
    public void An_incident_keeps_its_id_when_later_reports_join_it()
    {
        var firstDay = IncidentCorpus.Results.Where(r => r.Document.Published == "2025-10-14").ToList();
        var early = IncidentCorpus.Fuse(firstDay).Single(i => i.EventType != "Statements" && i.Reports.Any(r => r.Document == "nw-0101"));
        Assert.Equal(early.Id, IncidentCorpus.Of("nw-0101").Id);
        Assert.True(IncidentCorpus.Of("nw-0101").Reports.Length > early.Reports.Length);
    }

    private static string Serialize(IEnumerable<Sitrep.Incidents.Incident> incidents) =>
        string.Join("\n", incidents.Select(i => ContractJson.Serialize(i)));
}
