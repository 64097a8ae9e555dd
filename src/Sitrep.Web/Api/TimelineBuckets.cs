using System.Globalization;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>The timeline's answer: one bucket per day, week or month that has events (or incidents: <see cref="Unit"/>).</summary>
internal sealed record TimelineAnswer(string Bucket, IReadOnlyList<string> Types, IReadOnlyList<TimelineBucket> Buckets)
{
    /// <summary>What the counts count: "events" or "incidents".</summary>
    public string Unit { get; init; } = CountUnit.Events;
}

/// <summary>A day, a week (key: its Monday) or a month (key: YYYY-MM): events by type, and the current ones' fatalities.</summary>
internal sealed record TimelineBucket(string Key, long Events, IReadOnlyDictionary<string, long> ByType, long Low, long Best, long High);

/// <summary>Folds the store's counts by day and type into days, ISO weeks or months.</summary>
internal static class TimelineBuckets
{
    public static TimelineAnswer Fold(IReadOnlyList<DayTypeCount> days, string bucket)
    {
        var buckets = days
            .Select(d => (Key: KeyOf(d.Day, bucket), Row: d))
            .Where(p => p.Key is not null)
            .GroupBy(p => p.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineBucket(
                g.Key,
                g.Sum(p => p.Row.Events),
                g.GroupBy(p => p.Row.EventType, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(p => p.Row.Events), StringComparer.Ordinal),
                g.Sum(p => p.Row.Low), g.Sum(p => p.Row.Best), g.Sum(p => p.Row.High)))
            .ToList();
        var types = days.Select(d => d.EventType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TimelineAnswer(bucket, types, buckets);
    }

    /// <summary>The bucket of a start day; null for a value that is not a day (never stored, but not trusted either).</summary>
    private static string? KeyOf(string day, string bucket)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        return bucket switch
        {
            "month" => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            // Weeks start on Monday (ISO 8601), keyed by that Monday.
            "week" => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => day,
        };
    }
}
