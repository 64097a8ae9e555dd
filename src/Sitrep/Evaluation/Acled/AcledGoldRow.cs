namespace Sitrep.Evaluation.Acled;

/// <summary>One ACLED event row: the analyst's notes (our input) and the coded fields (the gold answer). Immutable.</summary>
/// <param name="Line">1-based line of the row's first line in the file, for messages.</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 of the event's country, or null when the layout has no <c>iso3</c> column.</param>
/// <param name="Source">The outlets the analyst read ("An-Nahar; AFP"): input, like the notes, not an answer.</param>
public sealed record AcledGoldRow(
    int Line,
    string Id,
    DateOnly EventDate,
    string EventType,
    string SubEventType,
    int Fatalities,
    string Country,
    string? Iso3,
    string? Admin1,
    string? Location,
    double? Latitude,
    double? Longitude,
    string Notes,
    string? Source = null);
