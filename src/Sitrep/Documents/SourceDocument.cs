using System.Collections.Immutable;

namespace Sitrep.Documents;

/// <summary>
/// One article as read from an input, before any analysis. <see cref="Text"/> is exactly the text
/// that every output offset points into. Immutable.
/// </summary>
/// <param name="Id">From the input when it has one, else derived from the path (and line).</param>
/// <param name="Text">The article text as read (for dated text, without the <c>date ...</c> header).</param>
/// <param name="Published">Publication date at the precision the input gives, or null.</param>
/// <param name="Language">BCP 47 code the input declares, or null to detect it.</param>
/// <param name="Origin">Where it was read from, for messages: a path, with ":line" for line-based formats.</param>
public sealed record SourceDocument(
    string Id,
    string Text,
    PartialDate? Published = null,
    string? Language = null,
    string? Title = null,
    string? Source = null,
    string? Url = null,
    string? Origin = null)
{
    /// <summary>Problems met while reading that did not stop the document (invalid bytes, a guessed date...).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}
