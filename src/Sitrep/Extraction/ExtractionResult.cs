using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Extraction;

/// <summary>What extraction found in one analysed text.</summary>
public sealed record ExtractionResult(ImmutableArray<EventRecord> Events, ImmutableArray<Mention> Mentions, ImmutableArray<string> Warnings)
{
    /// <summary>How much the text is about armed conflict, 0 to 1; 0 for a text no lexicon could read.</summary>
    public double Relevance { get; init; }

    public static ExtractionResult Empty { get; } = new([], [], []);
}
