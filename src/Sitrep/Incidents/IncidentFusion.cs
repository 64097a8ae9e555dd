using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Fuses the events of many documents into incidents: add every document's result, then build. The result does
/// not depend on the order the documents were added in: every decision follows the canonical order of the
/// reports (publication, document id, event id), and incidents are listed in the order of their earliest report.
/// Not thread-safe (one builder per run); the matching rules it uses are.
/// </summary>
public sealed class IncidentFusion
{
    private readonly IncidentClusterer _clusterer;
    private readonly Dictionary<(string Document, string Event), ReportedEvent> _reports = [];

    public IncidentFusion(FamilyTable? families = null)
    {
        _clusterer = new IncidentClusterer(new ReportMatcher(families ?? FamilyTable.Default));
    }

    /// <summary>How many days before its own date a statement may be about an event (what a store must recompute around it).</summary>
    public const int StatementDaysBefore = StatementLinker.DaysAfter;

    /// <summary>A current event whose date spreads over this many days or more matches no other report.</summary>
    public const int MaxComparedDays = CandidateIndex.MaxDays;

    /// <summary>Number of events added so far.</summary>
    public int Events => _reports.Count;

    public void Add(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Events.IsDefaultOrEmpty) return;
        foreach (var record in result.Events)
        {
            // Evidence offsets are only meaningful beside the document's text, which the fusion does not keep.
            var report = new ReportedEvent(result.Document, record with { Evidence = [] });
            // A document read twice (the same id) reports each of its events once; the first reading is kept.
            _reports.TryAdd((result.Document.Id, record.Id), report);
        }
    }

    public ImmutableArray<Incident> Build()
    {
        var reports = _reports.Values.ToList();
        reports.Sort(ReportedEvent.CompareCanonical);
        for (var i = 0; i < reports.Count; i++) reports[i].Rank = i;
        var groups = _clusterer.Cluster(reports);
        // Earliest report first; groups hold their reports in rank order.
        groups.Sort(static (a, b) => a[0].CompareTo(b[0]));
        var incidentOf = new int[reports.Count];
        var sizes = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            sizes[g] = groups[g].Length;
            foreach (var i in groups[g]) incidentOf[i] = g;
        }
        var linker = new StatementLinker(reports, incidentOf, sizes);
        var ids = groups.Select(g => IncidentIds.From(reports[g[0]].Document.Id, reports[g[0]].Event.Id)).ToArray();
        var incidents = ImmutableArray.CreateBuilder<Incident>(groups.Count);
        foreach (var group in groups)
        {
            var members = group.Select(i => reports[i]).ToList();
            string? about = null;
            if (members[0].IsStatement && linker.About(group) is { } target) about = ids[target];
            incidents.Add(IncidentBuilder.Build(ids[incidents.Count], members, about));
        }
        return incidents.MoveToImmutable();
    }
}
