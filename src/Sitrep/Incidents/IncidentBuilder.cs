using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Makes one incident of its reports (in canonical order): the sub-event type most of them give (ties to the
/// earliest), the most precise date and place they give (ties to the most reported, then the earliest), every
/// actor named, every claim with its documents, revisions and the reconciled toll.
/// </summary>
internal static class IncidentBuilder
{
    private static readonly string[] DatePrecisions = ["day", "week", "month", "year"];

    /// <param name="id">From <see cref="IncidentIds"/>, of the first report.</param>
    public static Incident Build(string id, IReadOnlyList<ReportedEvent> reports, string? about)
    {
        var first = reports[0];
        var type = reports.Count == 1 ? (Type: first.Event.SubEventType, Count: 1, Order: 0, EventType: first.Event.EventType) : reports.GroupBy(r => r.Event.SubEventType, StringComparer.Ordinal)
            .Select((g, order) => (Type: g.Key, Count: g.Count(), Order: order, EventType: g.First().Event.EventType))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Order).First();
        var drafts = ClaimMerger.Merge(reports);
        // One report has no history across days and no other source to contradict.
        var histories = reports.Count > 1 ? TollReviser.Revise(drafts) : [];
        if (reports.Count > 1) CrossSourceContradictions.Link(drafts);
        var published = reports.Where(r => r.Published is not null).ToList();
        return new Incident(
            id,
            type.EventType,
            type.Type,
            first.Event.Status,
            Date(reports),
            Place(reports),
            [.. Actors(reports)],
            IncidentFatalities.Reconcile(reports, drafts),
            [.. reports.Select(r => new IncidentReport(r.Document.Id, r.Event.Id, r.Document.Published, r.Document.Source, r.Document.Url))],
            [.. drafts.Select(Claim)],
            [.. histories.Select(Revision)],
            about,
            published.Count == 0 ? null : published[0].Document.Published,
            published.Count == 0 ? null : published.MaxBy(r => r.Published!.Value.Last.DayNumber)!.Document.Published);
    }

    private static DateRange? Date(IReadOnlyList<ReportedEvent> reports)
    {
        if (reports.Count == 1) return reports[0].Event.Date is { } only ? only with { Text = null } : null;
        var dated = reports.Where(r => r.Event.Date is not null).ToList();
        if (dated.Count == 0) return null;
        var finest = dated.Min(r => Precision(r.Event.Date!.Precision));
        var chosen = dated.Where(r => Precision(r.Event.Date!.Precision) == finest)
            .GroupBy(r => (r.Event.Date!.Start, r.Event.Date.End))
            .Select((g, order) => (Date: g.First().Event.Date!, Count: g.Count(), Order: order))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Order).First().Date;
        return chosen with { Text = null };
    }

    private static int Precision(string precision)
    {
        var index = Array.IndexOf(DatePrecisions, precision);
        return index < 0 ? DatePrecisions.Length : index;
    }

    private static Location? Place(IReadOnlyList<ReportedEvent> reports)
    {
        if (reports.Count == 1) return reports[0].Place is { } only ? only with { Start = null, End = null } : null;
        var placed = reports.Where(r => r.Place is not null).ToList();
        if (placed.Count == 0) return null;
        var finest = placed.Min(r => PlaceAgreement.Coarseness(r.Place!.Precision));
        var chosen = placed.Where(r => PlaceAgreement.Coarseness(r.Place!.Precision) == finest)
            .GroupBy(r => r.Place!.Name, StringComparer.Ordinal)
            .Select((g, order) => (Place: g.First().Place!, Count: g.Count(), Order: order))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Order).First().Place;
        return chosen with { Start = null, End = null };
    }

    private static IEnumerable<IncidentActor> Actors(IReadOnlyList<ReportedEvent> reports)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var report in reports)
        {
            foreach (var actor in report.Event.Actors.IsDefault ? [] : report.Event.Actors)
            {
                if (seen.Add((actor.Name, actor.Role))) yield return new IncidentActor(actor.Name, actor.Country, actor.Kind, actor.Role);
            }
        }
    }

    private static TollRevision Revision(List<ClaimDraft> history)
    {
        var victims = history.Select(d => d.Casualty!.Victims).FirstOrDefault(v => v.Category is not "unknown") ?? history[0].Casualty!.Victims;
        return new TollRevision(history[0].Claimant, history[0].Casualty!.Outcome, victims.Category, victims.Side, [.. history.Select(d => d.Id)]);
    }

    private static IncidentClaim Claim(ClaimDraft draft) => new(
        draft.Id,
        draft.Text,
        draft.Claimant,
        [.. draft.Via],
        draft.Casualty is { } c ? new ClaimedCasualty(c.Outcome, c.Count, c.Victims, c.Status) : null,
        draft.Counted,
        draft.RevisedBy?.Id,
        draft.Contradicts.Count == 0 ? [] : [.. draft.Contradicts.Select(d => d.Id).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)],
        [.. draft.Sources.Select(s => new ClaimSource(s.Report.Document.Id, s.Report.Event.Id, s.ClaimId, s.Report.Document.Published, s.Start, s.End))]);
}
