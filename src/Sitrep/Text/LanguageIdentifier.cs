using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>What <see cref="LanguageIdentifier"/> decided, and the language it leaned to.</summary>
/// <param name="Language">BCP 47 code, or "und" when unsure.</param>
/// <param name="Likely">The best-scoring supported language even when unsure (tools can still use its rules), or null.</param>
public readonly record struct LanguageGuess(string Language, string? Likely);

/// <summary>
/// Tells which supported language a text is in from its function words (each language's
/// <c>function-words.txt</c>). Says "und" when the text is too short, when two languages are close
/// (mixed text), or when the text's short words are mostly not the winner's (another language that
/// happens to share "de" and "la"). Adding a language is adding its folder. Thread-safe.
/// </summary>
public sealed class LanguageIdentifier
{
    public const string Undetermined = "und";

    public const string FileName = "function-words.txt";

    // The first few hundred words decide; a long article says nothing more about its language.
    private const int WordsRead = 300;
    private const int MinimumHits = 3;
    private const double MinimumLead = 1.5;
    private const double MinimumShortWordCoverage = 0.6;
    private const double MinimumDensity = 0.15;

    private readonly ImmutableArray<(string Language, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)> _profiles;

    // Function words are short: longer words are counted but not looked up.
    private readonly int _longestWord;

    public LanguageIdentifier(IEnumerable<string> languages)
    {
        _profiles = [.. languages
            .Select(l => (l, LanguageResources.Lines(l, FileName).ToFrozenSet(StringComparer.Ordinal)))
            .Where(p => p.Item2.Count > 0)
            .Select(p => (p.l, p.Item2.GetAlternateLookup<ReadOnlySpan<char>>()))];
        _longestWord = languages.SelectMany(l => LanguageResources.Lines(l, FileName)).Select(w => w.Length).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<string> Languages => _profiles.Select(p => p.Language).ToArray();

    /// <summary>The language of a text, or "und".</summary>
    /// <param name="normalized">The normalized text (its case tells short function words from acronyms).</param>
    /// <param name="folded">The folded text, same length.</param>
    public string Identify(string normalized, string folded) => Guess(normalized, folded).Language;

    /// <inheritdoc cref="Identify(string, string)"/>
    public LanguageGuess Guess(string normalized, string folded)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(folded);
        Span<int> hits = stackalloc int[_profiles.Length];
        Span<int> shortHits = stackalloc int[_profiles.Length];
        var words = 0;
        var shortWords = 0;
        var i = 0;
        while (i < folded.Length && words < WordsRead)
        {
            if (!char.IsLetter(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetter(folded[i])) i++;
            var word = folded.AsSpan(start, i - start);
            words++;
            // Short lower-case words are nearly all function words in any language; acronyms ("UN", "AFP") are not.
            var isShort = word.Length <= 3 && char.IsLower(normalized[start]);
            if (isShort) shortWords++;
            if (word.Length > _longestWord) continue;
            for (var p = 0; p < _profiles.Length; p++)
            {
                if (!_profiles[p].Words.Contains(word)) continue;
                hits[p]++;
                if (isShort) shortHits[p]++;
            }
        }

        var best = -1;
        var second = 0;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if (best < 0 || hits[p] > hits[best])
            {
                if (best >= 0) second = Math.Max(second, hits[best]);
                best = p;
            }
            else
            {
                second = Math.Max(second, hits[p]);
            }
        }
        if (best < 0 || hits[best] == 0) return new LanguageGuess(Undetermined, null);

        var likely = _profiles[best].Language;
        var sure = hits[best] >= MinimumHits
            && hits[best] >= second * MinimumLead
            && hits[best] >= words * MinimumDensity
            && (shortWords < 5 || shortHits[best] >= shortWords * MinimumShortWordCoverage);
        return new LanguageGuess(sure ? likely : Undetermined, likely);
    }
}
