namespace Sitrep.Store.Model;

/// <summary>
/// Which events a caller wants; every field is optional. Dates compare as ISO strings: an event
/// matches when its date range overlaps [From, To].
/// </summary>
/// <param name="From">First day, YYYY-MM-DD (or a prefix such as YYYY-MM).</param>
/// <param name="To">Last day, YYYY-MM-DD (or a prefix, meaning through its end).</param>
/// <param name="Country">ISO 3166-1 alpha-3, any case.</param>
/// <param name="Type">An event type or a sub-event type, exactly as in the taxonomy.</param>
/// <param name="Status">current | historical | future | hypothetical | negated.</param>
/// <param name="Text">Words that the event's document must contain (diacritics and case ignored).</param>
/// <param name="DocumentId">Only the events of this stored document.</param>
/// <param name="Actor">Words of an actor's name (case ignored): events with such an actor.</param>
/// <param name="MinFatalities">Events whose best (else low) fatality figure is at least this.</param>
/// <param name="Area">Events located inside this box (a map selection).</param>
/// <param name="MinRelevance">Events of documents whose conflict relevance (0 to 1) is at least this; events whose document's relevance is unknown are left out.</param>
public sealed record EventFilter(
    string? From = null,
    string? To = null,
    string? Country = null,
    string? Type = null,
    string? Status = null,
    string? Text = null,
    long? DocumentId = null,
    string? Actor = null,
    int? MinFatalities = null,
    GeoBox? Area = null,
    double? MinRelevance = null)
{
    public static EventFilter All { get; } = new();
}

/// <summary>
/// A page of events: a filter, an offset and a page size; or, for deep pages, the cursor of the last event
/// seen (<see cref="EventPage.Next"/>), which the index seeks to instead of counting past every earlier row.
/// </summary>
public sealed record EventQuery(EventFilter Filter, int Offset = 0, int Limit = EventQuery.DefaultLimit, EventCursor? After = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>
/// Where a page of the newest-first list ended: the last event's start date and id. Written as an opaque
/// token ("2024-05-06.123", or ".123" for an event without a date) for the API's <c>after</c> parameter.
/// </summary>
public sealed record EventCursor(string? DateStart, long Id)
{
    public override string ToString() => $"{DateStart}.{Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Reads a token of <see cref="ToString"/>; false for anything else (a date that is not YYYY-MM-DD, an id that is not a number).</summary>
    public static bool TryParse(string? text, out EventCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return false;
        var dot = text.LastIndexOf('.');
        if (dot < 0 || !long.TryParse(text.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return false;
        var date = text[..dot];
        if (date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)) return false;
        cursor = new EventCursor(date.Length == 0 ? null : date, id);
        return true;
    }
}
