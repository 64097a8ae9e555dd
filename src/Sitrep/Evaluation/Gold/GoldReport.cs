using System.Collections.Immutable;
using Sitrep.Evaluation.Metrics;

namespace Sitrep.Evaluation.Gold;

/// <summary>What <c>sitrep eval gold</c> measured on one gold file. Immutable; serialised as-is by <c>--json</c>.</summary>
/// <param name="NonConflictClean">Non-conflict texts that gave no current event.</param>
/// <param name="Overall">Every category's counts pooled (micro average).</param>
/// <param name="Worst">Documents with the most misses and false positives, worst first, when asked for.</param>
public sealed record GoldReport(
    string File,
    int Documents,
    int Skipped,
    RateCount NonConflictClean,
    ImmutableArray<CategoryScore> Categories,
    CategoryScore Overall,
    ImmutableArray<LanguageScore> ByLanguage,
    double ElapsedSeconds,
    ImmutableArray<GoldCase> Worst)
{
    public string Schema { get; init; } = "sitrep-eval-gold/1";

    public CategoryScore? Category(string name) => Categories.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>True positives, false positives and misses of one category, with precision, recall and F1.</summary>
public sealed record CategoryScore(string Name, string Description, int TruePositives, int FalsePositives, int Misses, double Precision, double Recall, double F1)
{
    public static CategoryScore Of(string name, string description, PrecisionRecall counts) =>
        new(name, description, counts.TruePositives, counts.FalsePositives, counts.Misses, counts.Precision, counts.Recall, counts.F1);
}

/// <summary>The pooled score of the documents of one language.</summary>
public sealed record LanguageScore(string Language, int Documents, CategoryScore Overall);

/// <summary>One document's misses and false positives, as "category: item" lines.</summary>
public sealed record GoldCase(string Id, int Line, ImmutableArray<string> Misses, ImmutableArray<string> FalsePositives);

/// <summary>The names of the scored categories, in report order.</summary>
public static class GoldCategories
{
    public const string Detection = "detection";
    public const string EventType = "eventType";
    public const string SubEventType = "subEventType";
    public const string Status = "status";
    public const string Fatalities = "fatalities";
    public const string Casualties = "casualties";
    public const string Victims = "victims";
    public const string Claimants = "claimants";
    public const string Relays = "relays";
    public const string Places = "places";

    public static ImmutableArray<string> All { get; } =
        [Detection, EventType, SubEventType, Status, Fatalities, Casualties, Victims, Claimants, Relays, Places];

    public static string Describe(string name) => name switch
    {
        Detection => "documents with a current event (non-conflict texts must have none)",
        EventType => "events by type, any status",
        SubEventType => "events by type and sub-type",
        Status => "events by type and status",
        Fatalities => "events by type and fatalities.best (events with deaths)",
        Casualties => "casualty figures by outcome, count and status",
        Victims => "casualty figures by outcome and victim category",
        Claimants => "distinct claimants of figures and claims, per document",
        Relays => "distinct relays (via) of figures and claims, per document",
        Places => "distinct event places (country and name), per document",
        _ => name,
    };
}
