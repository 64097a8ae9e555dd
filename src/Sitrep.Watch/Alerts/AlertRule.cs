using System.Text.RegularExpressions;
using Sitrep.Output;

namespace Sitrep.Watch.Alerts;

/// <summary>
/// One alert rule: an event matches when it passes every condition the rule sets (an unset condition passes).
/// Lists match any of their members.
/// </summary>
public sealed record AlertRule(
    string Name,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<string> SubEventTypes,
    IReadOnlyList<string> Statuses,
    int? MinFatalitiesBest,
    int? MinFatalitiesHigh,
    double? MinRelevance,
    IReadOnlyList<string> Words)
{
    private Regex? _words;

    public bool Matches(EventRecord record, DocumentResult document, string text)
    {
        if (Countries.Count > 0 && !Countries.Contains(record.Location?.Country ?? "")) return false;
        if (EventTypes.Count > 0 && !EventTypes.Contains(record.EventType)) return false;
        if (SubEventTypes.Count > 0 && !SubEventTypes.Contains(record.SubEventType)) return false;
        if (Statuses.Count > 0 && !Statuses.Contains(record.Status)) return false;
        if (MinFatalitiesBest is { } best && (record.Fatalities?.Best ?? 0) < best) return false;
        if (MinFatalitiesHigh is { } high && (record.Fatalities?.High ?? record.Fatalities?.Best ?? 0) < high) return false;
        if (MinRelevance is { } relevance && (document.Document.Relevance ?? 0) < relevance) return false;
        if (Words.Count > 0 && !WordPattern().IsMatch(text)) return false;
        return true;
    }

    /// <summary>Any of the words as a whole word, case-insensitively, in the title or text.</summary>
    private Regex WordPattern() => _words ??= new Regex(
        @"(?<!\w)(?:" + string.Join('|', Words.Select(Regex.Escape)) + @")(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
