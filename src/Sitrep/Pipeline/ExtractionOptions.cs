using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>What a caller may set for one extraction run.</summary>
/// <param name="Language">A language to use instead of detecting one ("en", "ro"), or null for auto.</param>
/// <param name="Published">Publication date for documents that do not carry one.</param>
/// <param name="IncludeMentions">List what the pipeline found (numbers, dates, places...) with offsets.</param>
/// <param name="MinRelevance">Leave out the events of documents whose conflict relevance is under this (0 keeps all).</param>
/// <param name="Budget">The time one document may take (<see cref="DocumentBudget.DefaultLimit"/> when null).</param>
public sealed record ExtractionOptions(string? Language = null, PartialDate? Published = null, bool IncludeMentions = false, double MinRelevance = 0, TimeSpan? Budget = null)
{
    public static ExtractionOptions Default { get; } = new();
}
