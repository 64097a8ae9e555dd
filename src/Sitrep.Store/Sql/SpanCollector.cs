using Sitrep.Output;

namespace Sitrep.Store.Sql;

/// <summary>
/// Lists every stretch of text a result points at, with its kind, for the article view. Spans that do
/// not fit the text are dropped: a bad offset must never break a page. The spans of events are computed
/// from the stored records whenever a document is read; only mentions (asked for with --mentions) are stored.
/// </summary>
internal static class SpanCollector
{
    /// <summary>A span before it has its database ids: <paramref name="EventIndex"/> is the event's position, or -1.</summary>
    internal readonly record struct PendingSpan(int EventIndex, string Kind, int Start, int End, string? Label);

    /// <summary>The spans of the events' arguments, event by event, each once.</summary>
    public static List<PendingSpan> Events(IReadOnlyList<EventRecord> records, int textLength)
    {
        var spans = new Collected(textLength);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            foreach (var evidence in record.Evidence) spans.Add(i, "event", evidence.Start, evidence.End, $"{record.EventType}: {record.SubEventType}");
            if (record.Location is { } place) spans.Add(i, "place", place.Start, place.End, place.Name);
            foreach (var actor in record.Actors) spans.Add(i, "actor", actor.Start, actor.End, actor.Name);
            foreach (var casualty in record.Casualties)
            {
                spans.Add(i, "casualty", casualty.Evidence.Start, casualty.Evidence.End, CasualtyLabel(casualty));
                if (casualty.Attribution is { } attribution) spans.Add(i, "attribution", attribution.Start, attribution.End, attribution.Claimant);
            }
            foreach (var claim in record.Claims) spans.Add(i, "claim", claim.Start, claim.End, claim.Claimant);
        }
        return spans.List;
    }

    /// <summary>The spans of the pipeline's mentions (none unless extraction was asked for them), each once.</summary>
    public static List<PendingSpan> Mentions(DocumentResult result, int textLength)
    {
        var spans = new Collected(textLength);
        foreach (var mention in result.Mentions ?? [])
        {
            if (mention.Kind == "token") continue;
            spans.Add(-1, mention.Kind, mention.Start, mention.End, mention.Value?.ToString());
        }
        return spans.List;
    }

    private sealed class Collected(int textLength)
    {
        private readonly HashSet<(int, string, int, int)> _seen = [];

        public List<PendingSpan> List { get; } = [];

        public void Add(int eventIndex, string kind, int? start, int? end, string? label)
        {
            if (start is not { } s || end is not { } e || s < 0 || e <= s || e > textLength) return;
            if (_seen.Add((eventIndex, kind, s, e))) List.Add(new PendingSpan(eventIndex, kind, s, e, label));
        }
    }

    private static string CasualtyLabel(Casualty casualty)
    {
        var count = casualty.Count?.Text ?? "no figure";
        return $"{casualty.Outcome}: {count} {casualty.Victims.Category} ({casualty.Status})";
    }
}
