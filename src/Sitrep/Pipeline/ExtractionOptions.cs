using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>What a caller may set for one extraction run.</summary>
/// <param name="Language">A language to use instead of detecting one ("en", "ro"), or null for auto.</param>
/// <param name="Published">Publication date for documents that do not carry one.</param>
/// <param name="IncludeMentions">List what the pipeline found (numbers, dates, places...) with offsets.</param>
/// <param name="MinRelevance">Leave out the events of documents whose conflict relevance is under this (0 keeps all).</param>
/// <param name="Budget">The time one document may take (<see cref="DocumentBudget.DefaultLimit"/> when null).</param>
/// <param name="HomeCountry">The outlet's home country (ISO 3166-1 alpha-3) when the caller knows it (a watched
/// source's setting): where a story that names no place happens. Null to look the outlet up by its URL and name.</param>
public sealed record ExtractionOptions(string? Language = null, PartialDate? Published = null, bool IncludeMentions = false, double MinRelevance = 0, TimeSpan? Budget = null, string? HomeCountry = null)
{
    public static ExtractionOptions Default { get; } = new();
}
