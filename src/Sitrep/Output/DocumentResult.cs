using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sitrep.Output;

/// <summary>What Sitrep says about one document: the contract's top-level object (schema "sitrep/1").</summary>
public sealed record DocumentResult(
    DocumentInfo Document,
    ImmutableArray<EventRecord> Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<Mention>? Mentions,
    ImmutableArray<string> Warnings)
{
    public const string SchemaVersion = "sitrep/1";

    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = SchemaVersion;
}

/// <summary>The document's metadata as it appears in the output.</summary>
public sealed record DocumentInfo(
    string Id,
    string? Published,
    string Language,
    string? Title,
    string? Source,
    string? Url)
{
    /// <summary>How much the text is about armed conflict, 0 to 1 (null where it was not measured, as for documents read back from a store).</summary>
    public double? Relevance { get; init; }
}
