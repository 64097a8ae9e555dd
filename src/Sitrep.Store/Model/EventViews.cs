using Sitrep.Output;

namespace Sitrep.Store.Model;

/// <summary>One row of the events table: what a list, a map marker or a timeline needs.</summary>
public sealed record EventSummary(
    long Id,
    long DocumentId,
    string DocumentKey,
    string? Title,
    string? Published,
    string LocalId,
    string EventType,
    string SubEventType,
    string Status,
    string? DateStart,
    string? DateEnd,
    string? DatePrecision,
    string? Location,
    string? Country,
    string? Admin1,
    double? Lat,
    double? Lon,
    int? FatalitiesLow,
    int? FatalitiesBest,
    int? FatalitiesHigh,
    int ClaimCount,
    double Confidence);

/// <summary>A page of events and how many match in all.</summary>
public sealed record EventPage(long Total, int Offset, int Limit, IReadOnlyList<EventSummary> Items)
{
    /// <summary>The cursor for the page after this one (the API's <c>after</c>), or null on the last page.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Next { get; init; }
}

/// <summary>Everything about one event: its full record, its document, and its contradicting claims paired.</summary>
public sealed record EventDetail(
    EventSummary Summary,
    EventRecord Record,
    DocumentInfo Document,
    IReadOnlyList<Contradiction> Contradictions);

/// <summary>Two claims that say opposite things, to be shown side by side.</summary>
public sealed record Contradiction(Claim First, Claim Second);

/// <summary>A stored document with its text and every extracted span, for the article view.</summary>
public sealed record DocumentDetail(
    long Id,
    DocumentInfo Info,
    string ContentHash,
    string Text,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<StoredSpan> Spans,
    IReadOnlyList<EventSummary> Events);

/// <summary>
/// A stretch of a document's text that extraction used. Kind is event, casualty, attribution, claim,
/// actor or place for event arguments, or a mention kind (number, date, weapon, trigger...).
/// </summary>
public sealed record StoredSpan(string Kind, int Start, int End, string? Label, long? EventId);

/// <summary>A document's events, ready to be written by an export format.</summary>
public sealed record ExportedDocument(long Id, DocumentResult Result, string Text);
