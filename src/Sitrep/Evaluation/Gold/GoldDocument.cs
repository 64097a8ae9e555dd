using System.Collections.Immutable;

namespace Sitrep.Evaluation.Gold;

/// <summary>One annotated article of a gold file (docs/GOLD-FORMAT.md). Immutable.</summary>
/// <param name="Line">1-based line in the gold file.</param>
/// <param name="NonConflict">The text only looks violent: it must give no current event.</param>
/// <param name="Tags">Free labels (region, phenomena) for slicing results; not scored.</param>
public sealed record GoldDocument(
    int Line,
    string Id,
    string? Published,
    string? Language,
    string Text,
    bool NonConflict,
    ImmutableArray<string> Tags,
    ImmutableArray<GoldEvent> Expected);

/// <summary>An event the annotator expects, with the fields that are scored.</summary>
/// <param name="FatalitiesBest">The reconciled best count of current killed, or null when the event has none.</param>
public sealed record GoldEvent(
    string EventType,
    string? SubEventType,
    string Status,
    int? FatalitiesBest,
    ImmutableArray<GoldCasualty> Casualties,
    ImmutableArray<GoldName> Claimants,
    ImmutableArray<GoldName> Via,
    ImmutableArray<GoldPlace> Places);

/// <summary>A casualty figure the text claims.</summary>
/// <param name="Count">Null for a loss that is mentioned but not given ("did not announce its losses").</param>
/// <param name="Category">military | civilian | combatant | police | protester | unknown, or null when not scored.</param>
public sealed record GoldCasualty(
    string Outcome,
    GoldCount? Count,
    string Status,
    string? Category,
    GoldName? Claimant,
    ImmutableArray<GoldName> Via);

/// <summary>
/// An expected amount: an exact <see cref="Value"/> ("12"), or bounds for vague and open amounts
/// ("at least 5": Min 5; "hundreds": Min 200, Max 999).
/// </summary>
public sealed record GoldCount(long? Value, long? Min, long? Max)
{
    public override string ToString() =>
        Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min}..{Max}");
}

/// <summary>A place the event happened in: a country (ISO alpha-3), a place name, or both.</summary>
public sealed record GoldPlace(string? Country, GoldName? Name);

/// <summary>A name with the spellings an annotator accepts ("Defence Ministry", "Ministry of Defence").</summary>
public sealed record GoldName(ImmutableArray<string> Alternatives)
{
    public override string ToString() => string.Join(" | ", Alternatives);
}
