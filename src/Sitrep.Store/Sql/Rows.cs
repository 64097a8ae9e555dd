using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

// Rows as Dapper reads them: both databases return 64-bit integers and doubles, mapped here once.

internal sealed class EventRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string DocumentKey { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string LocalId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string SubEventType { get; set; } = "";
    public string Status { get; set; } = "";
    public string? DateStart { get; set; }
    public string? DateEnd { get; set; }
    public string? DatePrecision { get; set; }
    public string? Location { get; set; }
    public string? Country { get; set; }
    public string? Admin1 { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? FatalitiesLow { get; set; }
    public long? FatalitiesBest { get; set; }
    public long? FatalitiesHigh { get; set; }
    public long ClaimCount { get; set; }
    public double Confidence { get; set; }
    public int Ordinal { get; set; }
    public byte[]? Body { get; set; }
    public string? Language { get; set; }
    public string? Source { get; set; }
    public string? Url { get; set; }

    public EventSummary ToSummary() => new(
        Id, DocumentId, DocumentKey, Title, Published, LocalId, EventType, SubEventType, Status,
        DateStart, DateEnd, DatePrecision, Location, Country, Admin1, Lat, Lon,
        (int?)FatalitiesLow, (int?)FatalitiesBest, (int?)FatalitiesHigh, (int)ClaimCount, Confidence);
}

internal sealed class DocumentRow
{
    public long Id { get; set; }
    public string ContentHash { get; set; } = "";
    public string DocKey { get; set; } = "";
    public string? Published { get; set; }
    public string Language { get; set; } = "";
    public string? Title { get; set; }
    public string? Source { get; set; }
    public string? Url { get; set; }
    public byte[] Body { get; set; } = [];
    public string WarningsJson { get; set; } = "[]";

    public DocumentInfo ToInfo() => new(DocKey, Published, Language, Title, Source, Url);
}

internal sealed class SpanRow
{
    public string Kind { get; set; } = "";
    public long SpanStart { get; set; }
    public long SpanEnd { get; set; }
    public string? Label { get; set; }
    public long? EventId { get; set; }
}

internal sealed class BucketRow
{
    public string Key { get; set; } = "";
    public long Events { get; set; }
    public long Low { get; set; }
    public long Best { get; set; }
    public long High { get; set; }

    public FatalityBucket ToBucket() => new(Key, Events, Low, Best, High);
}

internal sealed class ExportRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public int Ordinal { get; set; }
}
