using Sitrep.Documents;

namespace Sitrep.Incidents;

/// <summary>
/// Where a document sits in time for <see cref="WindowedIncidentFusion"/>: the first day of its publication, else the
/// latest first day of its dated events, else nowhere (null: held to the end). Public so that a caller that holds only
/// the dates (a store reading its documents back) can feed documents in this order without decoding them first.
/// </summary>
public static class DocumentTime
{
    /// <param name="published">The document's publication date, as sitrep/1 writes it.</param>
    /// <param name="eventDates">Each event's <c>date.start</c> and <c>date.end</c>.</param>
    public static int? Of(string? published, IEnumerable<(string? Start, string? End)> eventDates)
    {
        ArgumentNullException.ThrowIfNull(eventDates);
        if (published is not null && PartialDate.TryParse(published, out var date)) return date.Value.First.DayNumber;
        int? latest = null;
        foreach (var (start, end) in eventDates)
        {
            if (TryParseDays(start, end, out var from, out _) && (latest is null || from.DayNumber > latest)) latest = from.DayNumber;
        }
        return latest;
    }

    /// <summary>The days an event's date covers, when both ends are days and in order (else the event has no date to match on).</summary>
    internal static bool TryParseDays(string? start, string? end, out DateOnly from, out DateOnly to)
    {
        to = default;
        return DateOnly.TryParseExact(start, "yyyy-MM-dd", out from) && DateOnly.TryParseExact(end, "yyyy-MM-dd", out to) && from <= to;
    }
}
