using Sitrep.Documents;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// One event as one document reports it, with what matching needs read once: its days and its place. Immutable
/// but for its rank, which each <see cref="FusionPass"/> sets (one pass at a time).
/// </summary>
public sealed class ReportedEvent
{
    public ReportedEvent(DocumentInfo document, EventRecord record)
    {
        Document = document;
        Event = record;
        Published = document.Published is { } p && PartialDate.TryParse(p, out var date) ? date : null;
        if (record.Date is { } range && DocumentTime.TryParseDays(range.Start, range.End, out var from, out var to))
        {
            From = from;
            To = to;
        }
    }

    public DocumentInfo Document { get; }

    public EventRecord Event { get; }

    public PartialDate? Published { get; }

    /// <summary>The first day the event can have happened on, or null when it has no date.</summary>
    public DateOnly? From { get; }

    /// <summary>The last day the event can have happened on.</summary>
    public DateOnly? To { get; }

    public Location? Place => Event.Location;

    public bool IsStatement => string.Equals(Event.EventType, "Statements", StringComparison.Ordinal);

    public bool IsCurrent => string.Equals(Event.Status, "current", StringComparison.Ordinal);

    /// <summary>Known to the day and to the town: the only reports that join each other freely (coarser ones join only when nothing competes).</summary>
    public bool IsPrecise =>
        From is { } from && To is { } to && to.DayNumber - from.DayNumber <= 1
        && Place is { Precision: "locality", Lat: not null, Lon: not null };

    /// <summary>Its position in the canonical order (earliest publication, then document id, then event id) among the reports of the current <see cref="FusionPass"/>; set by each pass.</summary>
    public int Rank { get; internal set; }

    /// <summary>The order every decision follows, so that the input order never matters: publication, then document id, then event id.</summary>
    public static int CompareCanonical(ReportedEvent a, ReportedEvent b)
    {
        var byDay = (a.Published?.First.DayNumber ?? int.MaxValue).CompareTo(b.Published?.First.DayNumber ?? int.MaxValue);
        if (byDay != 0) return byDay;
        var byDocument = string.CompareOrdinal(a.Document.Id, b.Document.Id);
        if (byDocument != 0) return byDocument;
        // e2 before e10.
        var byLength = a.Event.Id.Length.CompareTo(b.Event.Id.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a.Event.Id, b.Event.Id);
    }
}
