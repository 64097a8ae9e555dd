using System.Collections.Frozen;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>
/// The text chain, assembled in one place. Order matters: normalise first (everything matches on the
/// folded form), segment next (language identification counts words), identify the language, then read
/// numbers with that language's separators. Built once, shared across threads.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly TextNormalizer _normalizer = new();
    private readonly LanguageIdentifier _identifier;
    private readonly FrozenDictionary<string, LanguageTextTools> _tools;
    private readonly LanguageTextTools _fallback;

    public TextAnalyzer()
    {
        var languages = LanguageResources.Languages;
        _identifier = new LanguageIdentifier(languages);
        _tools = languages.ToFrozenDictionary(l => l, LanguageTextTools.For, StringComparer.Ordinal);
        _fallback = LanguageTextTools.Neutral();
    }

    public IReadOnlyList<string> SupportedLanguages => _identifier.Languages;

    /// <param name="text">The original text.</param>
    /// <param name="language">A language to use instead of detecting one, or null.</param>
    public AnalyzedText Analyze(string text, string? language = null)
    {
        var normalized = _normalizer.Normalize(text);
        // Sentences are found with the language's abbreviations; when the language is unknown yet, a
        // neutral pass is enough to count words, and the text is segmented again only if the language has its own rules.
        var tools = language is not null && _tools.TryGetValue(language, out var given) ? given : _fallback;
        var segmentation = tools.Segmenter.Segment(normalized.Normalized, normalized.Folded);
        var detected = language ?? _identifier.Identify(normalized.Folded, segmentation.Tokens);
        if (language is null && _tools.TryGetValue(detected, out var found))
        {
            tools = found;
            segmentation = tools.Segmenter.Segment(normalized.Normalized, normalized.Folded);
        }
        var numbers = tools.Numbers.Recognize(normalized.Normalized, segmentation.Tokens);
        return new AnalyzedText(text, normalized.Normalized, normalized.Folded, normalized.Map, detected,
            segmentation.Tokens, segmentation.Sentences, numbers);
    }

    private sealed record LanguageTextTools(Segmenter Segmenter, NumberRecognizer Numbers)
    {
        public static LanguageTextTools For(string language)
        {
            var separators = LanguageResources.Lines(language, "number-format.txt");
            var thousands = separators.Count > 0 && separators[0].Length > 0 ? separators[0][0] : ',';
            var decimalPoint = separators.Count > 1 && separators[1].Length > 0 ? separators[1][0] : '.';
            return new LanguageTextTools(
                new Segmenter(LanguageResources.Lines(language, "abbreviations.txt")),
                new NumberRecognizer(thousands, decimalPoint));
        }

        public static LanguageTextTools Neutral() => new(new Segmenter([]), new NumberRecognizer(',', '.'));
    }
}
