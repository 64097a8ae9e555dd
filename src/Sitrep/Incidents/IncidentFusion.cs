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
        foreach (var report in Reports(result))
        {
            // A document read twice (the same id) reports each of its events once; the first reading is kept.
            _reports.TryAdd((report.Document.Id, report.Event.Id), report);
        }
    }

    /// <summary>
    /// Builds the incident of a group from its reports' full records (any order; one per report of the group), exactly
    /// as <see cref="Build()"/> builds it.
    /// </summary>
    public static Incident Build(IncidentGroup group, IEnumerable<(DocumentInfo Document, EventRecord Event)> reports)
    {
        ArgumentNullException.ThrowIfNull(group);
        var members = reports.Select(r => new ReportedEvent(r.Document, r.Event with { Evidence = [] })).ToList();
        if (members.Count != group.Reports.Length) throw new ArgumentException($"incident {group.Id} has {group.Reports.Length} reports, {members.Count} given", nameof(reports));
        members.Sort(ReportedEvent.CompareCanonical);
        return IncidentBuilder.Build(group.Id, members, group.About);
    }

    public ImmutableArray<Incident> Build()
    {
        var pass = new FusionPass(_clusterer, [.. _reports.Values]);
        var incidents = ImmutableArray.CreateBuilder<Incident>(pass.Count);
        for (var g = 0; g < pass.Count; g++) incidents.Add(pass.Build(g));
        return incidents.MoveToImmutable();
    }

    /// <summary>One document's events as the fusion holds them: without evidence offsets, which only mean something beside the text.</summary>
    internal static IEnumerable<ReportedEvent> Reports(DocumentResult result)
    {
        if (result.Events.IsDefaultOrEmpty) yield break;
        foreach (var record in result.Events) yield return new ReportedEvent(result.Document, record with { Evidence = [] });
    }
}
