using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Extraction;
using Sitrep.Output;
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

    public IReadOnlyList<string> SupportedLanguages => _analyzer.SupportedLanguages;

    /// <exception cref="DocumentTooComplexException">The document overran its budget (<see cref="ExtractionOptions.Budget"/>).</exception>
    public DocumentResult Process(SourceDocument document, ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        var budget = new DocumentBudget(options.Budget ?? DocumentBudget.DefaultLimit);
        var language = options.Language ?? document.Language;
        var text = _analyzer.Analyze(document.Text, language);
        var published = document.Published ?? options.Published;
        var extraction = _extractor.Extract(text, published, options.IncludeMentions, budget);

        var info = new DocumentInfo(document.Id, published?.ToString(), text.Language, document.Title, document.Source, document.Url);
        ImmutableArray<Mention>? mentions = options.IncludeMentions ? MentionLister.List(text, extraction.Mentions) : null;
        return new DocumentResult(info, extraction.Events, mentions, [.. document.Warnings, .. extraction.Warnings]);
    }
}
