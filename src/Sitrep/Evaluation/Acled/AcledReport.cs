using System.Collections.Immutable;
using Sitrep.Evaluation.Metrics;

namespace Sitrep.Evaluation.Acled;

/// <summary>What <c>sitrep eval acled</c> measured on one file. Immutable; serialised as-is by <c>--json</c>.</summary>
/// <param name="Rows">Rows scored (readable rows).</param>
/// <param name="Skipped">Rows that could not be read (each named on standard error).</param>
/// <param name="Metrics">Every headline metric, in a fixed order (see <see cref="AcledMetricNames"/>).</param>
/// <param name="Worst">The worst cases, worst first, when asked for.</param>
public sealed record AcledReport(
    string File,
    int Rows,
    int Skipped,
    string PrimaryEventRule,
    ImmutableArray<AcledMetric> Metrics,
    LabelScores EventType,
    LabelScores SubEventType,
    double ElapsedSeconds,
    ImmutableArray<AcledCase> Worst)
{
    public string Schema { get; init; } = "sitrep-eval-acled/1";
}

/// <summary>A metric over every row (an undetected row counts as wrong) and over detected rows only.</summary>
public sealed record AcledMetric(string Name, string Description, RateCount AllRows, RateCount DetectedRows);

/// <summary>Classification scores for one gold column.</summary>
public sealed record LabelScores(
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    ImmutableArray<ClassScore> PerClass,
    ImmutableArray<Confusion> TopConfusions);

/// <summary>One row, side by side with what Sitrep made of it, and why it scored badly.</summary>
public sealed record AcledCase(
    string Id,
    int Line,
    double Badness,
    ImmutableArray<string> Problems,
    AcledSide Gold,
    AcledSide? Predicted,
    ImmutableArray<EvidenceSnippet> Evidence,
    string Text);

/// <summary>The fields compared for one side (gold or predicted).</summary>
public sealed record AcledSide(
    string EventType,
    string SubEventType,
    string? Status,
    int Fatalities,
    string? Country,
    string? Location,
    double? Latitude,
    double? Longitude,
    string? Date,
    double? DistanceKm);

/// <summary>An evidence span of the primary event, with its text.</summary>
public sealed record EvidenceSnippet(int Start, int End, string Text);

/// <summary>The names of <see cref="AcledReport.Metrics"/>, in report order.</summary>
public static class AcledMetricNames
{
    public const string Detection = "detection";
    public const string EventType = "event_type";
    public const string EventTypeAmongEvents = "event_type_any";
    public const string SubEventType = "sub_event_type";
    public const string FatalitiesExact = "fatalities_exact";
    public const string FatalitiesWithin20 = "fatalities_within_20pct";
    public const string Country = "country";
    public const string Location25 = "location_25km";
    public const string Location50 = "location_50km";
    public const string DateExact = "date_exact";

    public static ImmutableArray<string> All { get; } =
        [Detection, EventType, EventTypeAmongEvents, SubEventType, FatalitiesExact, FatalitiesWithin20, Country, Location25, Location50, DateExact];
}
