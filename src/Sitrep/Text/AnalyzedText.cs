using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>
/// A document's text after normalisation and segmentation. Immutable; everything downstream reads it.
/// <para>
/// <see cref="Normalized"/> is NFC text with unified quotes, dashes, spaces and Romanian s/t comma-below,
/// and a space inserted between sentences glued without one. <see cref="Folded"/> has the same length and
/// holds the lower-case, diacritic-free form used for matching. Every offset maps back to the original.
/// </para>
/// </summary>
public sealed class AnalyzedText
{
    private readonly OffsetMap _map;

    internal AnalyzedText(
        string original,
        string normalized,
        string folded,
        OffsetMap map,
        string language,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        ImmutableArray<NumberMention> numbers,
        string? rulesLanguage = null)
    {
        if (folded.Length != normalized.Length) throw new ArgumentException("The folded text must align with the normalized text.", nameof(folded));
        Original = original;
        Normalized = normalized;
        Folded = folded;
        _map = map;
        Language = language;
        Tokens = tokens;
        Sentences = sentences;
        Numbers = numbers;
        // Callers that do not say (tests) get the language itself; "und" says: no supported language's rules.
        var rules = rulesLanguage ?? language;
        RulesLanguage = string.Equals(rules, LanguageIdentifier.Undetermined, StringComparison.Ordinal) ? null : rules;
    }

    public string Original { get; }

    public string Normalized { get; }

    public string Folded { get; }

    /// <summary>BCP 47 code, or "und" when unsure.</summary>
    public string Language { get; }

    /// <summary>
    /// The supported language whose rules (abbreviations, separators, number words) the chain applied: the
    /// given or detected language, or, when <see cref="Language"/> is "und", the one the text leans to.
    /// Null when the text gave no sign of any supported language. Stages that need a language may fall back on it.
    /// </summary>
    public string? RulesLanguage { get; }

    public ImmutableArray<Token> Tokens { get; }

    public ImmutableArray<Sentence> Sentences { get; }

    public ImmutableArray<NumberMention> Numbers { get; }

    /// <summary>Maps a normalized range to the original text's range, end exclusive.</summary>
    public (int Start, int End) ToOriginal(int start, int end) => _map.ToOriginal(start, end);

    /// <summary>The folded form of a token, for matching.</summary>
    public ReadOnlySpan<char> FoldedOf(in Token token) => Folded.AsSpan(token.Start, token.Length);

    /// <summary>The normalized surface of a token, case and diacritics kept.</summary>
    public ReadOnlySpan<char> SurfaceOf(in Token token) => Normalized.AsSpan(token.Start, token.Length);

    /// <summary>Original text of a normalized range.</summary>
    public string OriginalText(int start, int end)
    {
        var (s, e) = ToOriginal(start, end);
        return Original[s..e];
    }
}
