namespace Sitrep.Store.Model;

/// <summary>
/// Fatalities of current events, each bucket with its low/best/high sums. By side, the figures are
/// the casualty claims themselves (current killed), so a side's total is what was claimed about it.
/// </summary>
public sealed record FatalityStats(
    long Events,
    long Documents,
    FatalityBucket Total,
    IReadOnlyList<FatalityBucket> ByDay,
    IReadOnlyList<FatalityBucket> ByCountry,
    IReadOnlyList<FatalityBucket> BySide);

/// <summary>One group of fatalities: a day, a country or a side.</summary>
public sealed record FatalityBucket(string Key, long Events, long Low, long Best, long High);
