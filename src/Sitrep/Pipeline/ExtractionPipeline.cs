using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Extraction;
using Sitrep.Output;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// The whole flow for one document: text analysis, then event extraction, then the contract's result.
/// Built once (it loads every language's data) and shared across threads.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly EventExtractor _extractor = new();
    private readonly OutletHomes _outlets;

    public ExtractionPipeline()
    {
        _outlets = new OutletHomes(_analyzer, new Sitrep.Actors.ActorRecognizer());
    }

    public IReadOnlyList<string> SupportedLanguages => _analyzer.SupportedLanguages;

    /// <exception cref="DocumentTooComplexException">The document overran its budget (<see cref="ExtractionOptions.Budget"/>).</exception>
    public DocumentResult Process(SourceDocument document, ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        var budget = new DocumentBudget(options.Budget ?? DocumentBudget.DefaultLimit);
        var language = options.Language ?? document.Language;
        var text = _analyzer.Analyze(document.Text, language);
        var published = document.Published ?? options.Published;
        // The outlet's home country places a story that names no place ("in the city" in a local paper), and
        // tells namesakes apart ("Tripoli" in a Lebanese paper); a caller that knows the outlet (a watched source's
        // settings) says so, else the registry and the outlet's name are asked.
        var home = options.HomeCountry ?? _outlets.HomeOf(document.Source, document.Url);
        var extraction = _extractor.Extract(text, published, options.IncludeMentions, document.Title, home, budget);

        var info = new DocumentInfo(document.Id, published?.ToString(), text.Language, document.Title, document.Source, document.Url) { Relevance = extraction.Relevance };
        ImmutableArray<Mention>? mentions = options.IncludeMentions ? MentionLister.List(text, extraction.Mentions) : null;
        // Under the caller's floor the text is not about conflict: its events are left out, and it says so.
        if (extraction.Relevance < options.MinRelevance && !extraction.Events.IsEmpty)
        {
            var dropped = FormattableString.Invariant($"relevance {extraction.Relevance:0.00} is under --min-relevance {options.MinRelevance:0.00}: {extraction.Events.Length} event(s) left out");
            return new DocumentResult(info, [], mentions, [.. document.Warnings, .. extraction.Warnings, dropped]);
        }
        return new DocumentResult(info, extraction.Events, mentions, [.. document.Warnings, .. extraction.Warnings]);
    }
}
