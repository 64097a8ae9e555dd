using System.Collections.Frozen;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>
/// The text chain, assembled in one place. Order matters: normalise first (everything matches on the
/// folded form), identify the language from the folded words, segment with that language's
/// abbreviations, then read numbers with its separators and number words. Built once, shared across threads.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly TextNormalizer _normalizer = new();
    private readonly LanguageIdentifier _identifier;
    private readonly FrozenDictionary<string, LanguageTextTools> _tools;
    private readonly LanguageTextTools _fallback;
    private readonly UnsupportedLanguages _unsupported;

    public TextAnalyzer()
    {
        var languages = LanguageResources.Languages;
        _identifier = new LanguageIdentifier(languages);
        _tools = languages.ToFrozenDictionary(l => l, LanguageTextTools.For, StringComparer.Ordinal);
        _fallback = LanguageTextTools.Neutral();
        _unsupported = new UnsupportedLanguages(languages.SelectMany(l => LanguageResources.Lines(l, LanguageIdentifier.FileName)));
    }

    public IReadOnlyList<string> SupportedLanguages => _identifier.Languages;

    /// <param name="text">The original text.</param>
    /// <param name="language">A language to use instead of detecting one, or null.</param>
    public AnalyzedText Analyze(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = _normalizer.Normalize(text);
        string detected;
        string? rules;
        LanguageTextTools tools;
        if (language is not null)
        {
            detected = language;
            rules = _tools.ContainsKey(language) ? language : null;
            tools = _tools.GetValueOrDefault(language, _fallback);
        }
        else
        {
            // When unsure, the text is still segmented with the rules of the language it leans to: "und" is
            // what the output says, not a reason to read "Gen." as the end of a sentence.
            var guess = _identifier.Guess(normalized.Normalized, normalized.Folded);
            detected = guess.Language;
            rules = guess.Likely is { } likely && _tools.ContainsKey(likely) ? likely : null;
            // A text in a language Sitrep recognises but has no lexicons for is named, and no supported
            // language's rules are applied to it (English lexicons on French text find nothing, silently).
            if (detected == LanguageIdentifier.Undetermined && _unsupported.Identify(normalized.Folded) is { } other)
            {
                detected = other;
                rules = null;
            }
            tools = rules is null ? _fallback : _tools[rules];
        }
        var segmentation = tools.Segmenter.Segment(normalized.Normalized, normalized.Folded);
        var numbers = tools.Numbers.Recognize(normalized.Normalized, normalized.Folded, segmentation.Tokens);
        return new AnalyzedText(text, normalized.Normalized, normalized.Folded, normalized.Map, detected,
            segmentation.Tokens, segmentation.Sentences, numbers, rules ?? LanguageIdentifier.Undetermined);
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
                new NumberRecognizer(thousands, decimalPoint, NumberWords.ForLanguage(language)));
        }

        public static LanguageTextTools Neutral() => new(new Segmenter([]), new NumberRecognizer(',', '.'));
    }
}
