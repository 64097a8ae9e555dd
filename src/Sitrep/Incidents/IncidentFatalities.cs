using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// The incident's killed toll: each report's own reconciled figure (sitrep/1's fatalities, which already adds the
/// victim groups it names and weighs its claims) is one reading; a reading whose every killed figure was later
/// revised by its claimant is history and drops out; the readings left are independent alternatives: low the
/// smallest, high the largest (unbounded when one is), as within a document. Best is the most conservative of the
/// readings published on the latest day: tolls rise as the dead are counted, so the newest figures are the most
/// complete even when another claimant's earlier, lower one still stands (it stays in low). Relays of one figure
/// are one reading each but cannot move the smallest or the largest.
/// </summary>
internal static class IncidentFatalities
{
    public static Fatalities? Reconcile(IReadOnlyList<ReportedEvent> reports, List<ClaimDraft> drafts)
    {
        var revised = new HashSet<(string, string, int, int)>();
        foreach (var draft in drafts.Where(d => d.RevisedBy is not null))
        {
            foreach (var (report, _, start, end) in draft.Sources) revised.Add((report.Document.Id, report.Event.Id, start, end));
        }
        var readings = new List<(int Day, Fatalities Toll)>();
        foreach (var report in reports)
        {
            if (report.Event.Fatalities is not { } own || !report.IsCurrent) continue;
            var killed = report.Event.Casualties.IsDefault ? [] : report.Event.Casualties.Where(c => c is { Outcome: "killed", Status: "current", Count: not null }).ToList();
            if (revised.Count > 0 && killed.Count > 0 && killed.All(c => revised.Contains((report.Document.Id, report.Event.Id, c.Evidence.Start, c.Evidence.End)))) continue;
            readings.Add((report.Published?.First.DayNumber ?? int.MinValue, own));
        }
        if (readings.Count == 0) return null;
        int? low = null, high = null;
        var unbounded = false;
        foreach (var (_, toll) in readings)
        {
            low = Min(low, toll.Low);
            if (toll.High is null) unbounded = true;
            else high = high is null ? toll.High : Math.Max(high.Value, toll.High.Value);
        }
        var latest = readings.Max(r => r.Day);
        int? best = null;
        foreach (var (_, toll) in readings.Where(r => r.Day == latest)) best = Min(best, toll.Best);
        return new Fatalities(low, best, unbounded ? null : high);
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
