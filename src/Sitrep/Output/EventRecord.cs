using System.Collections.Immutable;

namespace Sitrep.Output;

/// <summary>One event, with every field tied to evidence in the text.</summary>
public sealed record EventRecord(
    string Id,
    string EventType,
    string SubEventType,
    string Status,
    DateRange? Date,
    Location? Location,
    ImmutableArray<Actor> Actors,
    Fatalities? Fatalities,
    ImmutableArray<Casualty> Casualties,
    ImmutableArray<Claim> Claims,
    ImmutableArray<Span> Evidence,
    double Confidence);

/// <summary>When an event happened, with how much of it is known.</summary>
/// <param name="Start">First possible day, ISO date.</param>
/// <param name="End">Last possible day, ISO date.</param>
/// <param name="Precision">day | week | month | year.</param>
/// <param name="Text">The words that gave the date, or null when it falls back on publication.</param>
public sealed record DateRange(string Start, string End, string Precision, string? Text);

/// <summary>Where an event happened. Offsets point at the place mention, when there is one.</summary>
public sealed record Location(
    string Name,
    string? Country,
    string? Admin1,
    double? Lat,
    double? Lon,
    string Precision,
    long? GeonamesId,
    int? Start,
    int? End);

/// <summary>A participant, normalised as ACLED users expect ("Military Forces of Azerbaijan").</summary>
public sealed record Actor(string Name, string? Country, string Kind, string Role, int Start, int End);

/// <summary>Reconciled current killed count over an event's claims.</summary>
public sealed record Fatalities(int? Low, int? Best, int? High);

/// <summary>A casualty figure: always a claim, with who says so.</summary>
public sealed record Casualty(
    string Outcome,
    Count? Count,
    Victims Victims,
    string Status,
    Attribution? Attribution,
    Span Evidence);

/// <summary>An amount as the text gives it: exact, bounded or vague.</summary>
public sealed record Count(long? Value, long? Min, long? Max, bool Approximate, string Text);

/// <summary>Who the victims were.</summary>
public sealed record Victims(string Category, string? Side, string? Country, string? Text);

/// <summary>Who made a claim and who passed it on.</summary>
public sealed record Attribution(string Claimant, ImmutableArray<string> Via, int Start, int End);

/// <summary>A proposition someone asserts, linked to the claims that contradict it.</summary>
public sealed record Claim(
    string Id,
    string Text,
    string? Claimant,
    ImmutableArray<string> Via,
    ImmutableArray<string> Contradicts,
    int Start,
    int End);

/// <summary>A stretch of the original text, UTF-16 offsets, end exclusive.</summary>
public readonly record struct Span(int Start, int End);

/// <summary>Something the pipeline found in the text (with --mentions).</summary>
/// <param name="Kind">place | actor | number | date | weapon | trigger | attribution | token.</param>
/// <param name="Value">A kind-specific value: a number, an ISO date, a canonical name, a sub-event type...</param>
public sealed record Mention(string Kind, int Start, int End, string Text, object? Value);
