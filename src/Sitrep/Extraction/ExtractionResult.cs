using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Extraction;

/// <summary>What extraction found in one analysed text.</summary>
public sealed record ExtractionResult(ImmutableArray<EventRecord> Events, ImmutableArray<Mention> Mentions, ImmutableArray<string> Warnings)
{
    public static ExtractionResult Empty { get; } = new([], [], []);
}
