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
    private bool _groupingOnly;

    /// <summary>Words many events repeat (types, places, actors, days), held once while grouping.</summary>
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

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
    /// Adds a document's events for <see cref="Group"/> only: what grouping never reads (claims, casualties, figures,
    /// offsets, a document's title and address) is left out and repeated words are held once, so that a store can
    /// group many more events in the same memory. Incidents are then built group by group from the full records.
    /// </summary>
    public void AddForGrouping(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _groupingOnly = true;
        if (result.Events.IsDefaultOrEmpty) return;
        var info = result.Document;
        var document = new DocumentInfo(info.Id, Shared(info.Published), Shared(info.Language), null, null, null);
        foreach (var record in result.Events)
        {
            // A document read twice (the same id) reports each of its events once; the first reading is kept.
            _reports.TryAdd((info.Id, record.Id), new ReportedEvent(document, Slim(record)));
        }
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? Shared(string? text)
    {
        if (text is null) return null;
        if (_shared.TryGetValue(text, out var held)) return held;
        _shared[text] = text;
        return text;
    }

    /// <summary>What grouping reads of a record: type, status, date range, place, actors.</summary>
    private EventRecord Slim(EventRecord record) => new(
        Shared(record.Id),
        Shared(record.EventType),
        Shared(record.SubEventType),
        Shared(record.Status),
        record.Date is { } date ? new DateRange(Shared(date.Start), Shared(date.End), Shared(date.Precision), null) : null,
        record.Location is { } place ? new Location(Shared(place.Name), Shared(place.Country), Shared(place.Admin1), place.Lat, place.Lon, Shared(place.Precision), place.GeonamesId, null, null) : null,
        record.Actors.IsDefaultOrEmpty ? [] : [.. record.Actors.Select(a => new Actor(Shared(a.Name), Shared(a.Country), Shared(a.Kind), Shared(a.Role), 0, 0))],
        null,
        [],
        [],
        [],
        record.Confidence);

    /// <summary>The incidents as groups of reports, in the order <see cref="Build()"/> lists them, without building them.</summary>
    public ImmutableArray<IncidentGroup> Group()
    {
        var pass = new FusionPass(_clusterer, [.. _reports.Values]);
        var groups = ImmutableArray.CreateBuilder<IncidentGroup>(pass.Count);
        for (var g = 0; g < pass.Count; g++)
        {
            groups.Add(new IncidentGroup(pass.Id(g), [.. pass.Members(g).Select(r => new ReportKey(r.Document.Id, r.Event.Id))], pass.About(g)));
        }
        return groups.MoveToImmutable();
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
        if (_groupingOnly) throw new InvalidOperationException("events added for grouping only: build each group from its full records");
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
