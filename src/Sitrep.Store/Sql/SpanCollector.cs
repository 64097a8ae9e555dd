using Sitrep.Output;

namespace Sitrep.Store.Sql;

/// <summary>
/// Lists every stretch of text a result points at, with its kind, for the article view. Spans that do
/// not fit the text are dropped rather than stored: a bad offset must never break a page.
/// </summary>
internal static class SpanCollector
{
    /// <summary>A span before it has its database ids: <paramref name="EventIndex"/> is the event's position, or -1.</summary>
    internal readonly record struct PendingSpan(int EventIndex, string Kind, int Start, int End, string? Label);

    public static List<PendingSpan> Collect(DocumentResult result, int textLength)
    {
        var spans = new List<PendingSpan>();
        var seen = new HashSet<(int, string, int, int)>();

        void Add(int eventIndex, string kind, int? start, int? end, string? label)
        {
            if (start is not { } s || end is not { } e || s < 0 || e <= s || e > textLength) return;
            if (seen.Add((eventIndex, kind, s, e))) spans.Add(new PendingSpan(eventIndex, kind, s, e, label));
        }

        for (var i = 0; i < result.Events.Length; i++)
        {
            var record = result.Events[i];
            foreach (var evidence in record.Evidence) Add(i, "event", evidence.Start, evidence.End, $"{record.EventType}: {record.SubEventType}");
            if (record.Location is { } place) Add(i, "place", place.Start, place.End, place.Name);
            foreach (var actor in record.Actors) Add(i, "actor", actor.Start, actor.End, actor.Name);
            foreach (var casualty in record.Casualties)
            {
                Add(i, "casualty", casualty.Evidence.Start, casualty.Evidence.End, CasualtyLabel(casualty));
                if (casualty.Attribution is { } attribution) Add(i, "attribution", attribution.Start, attribution.End, attribution.Claimant);
            }
            foreach (var claim in record.Claims) Add(i, "claim", claim.Start, claim.End, claim.Claimant);
        }
        if (result.Mentions is { } mentions)
        {
            foreach (var mention in mentions)
            {
                if (mention.Kind == "token") continue;
                Add(-1, mention.Kind, mention.Start, mention.End, mention.Value?.ToString());
            }
        }
        return spans;
    }

    private static string CasualtyLabel(Casualty casualty)
    {
        var count = casualty.Count?.Text ?? "no figure";
        return $"{casualty.Outcome}: {count} {casualty.Victims.Category} ({casualty.Status})";
    }
}
