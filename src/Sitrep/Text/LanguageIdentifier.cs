using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>
/// Tells which supported language a text is in by counting its most frequent function words
/// (each language's <c>function-words.txt</c>). Says "und" when too few words are known or two
/// languages are too close. Adding a language is adding its folder. Thread-safe.
/// </summary>
public sealed class LanguageIdentifier
{
    public const string Undetermined = "und";

    private readonly ImmutableArray<(string Language, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)> _profiles;

    public LanguageIdentifier(IEnumerable<string> languages)
    {
        _profiles = [.. languages
            .Select(l => (l, LanguageResources.Lines(l, "function-words.txt").ToFrozenSet(StringComparer.Ordinal)))
            .Where(p => p.Item2.Count > 0)
            .Select(p => (p.l, p.Item2.GetAlternateLookup<ReadOnlySpan<char>>()))];
    }

    public IReadOnlyList<string> Languages => _profiles.Select(p => p.Language).ToArray();

    /// <param name="folded">The folded text.</param>
    /// <param name="tokens">Its tokens.</param>
    public string Identify(string folded, ImmutableArray<Token> tokens)
    {
        Span<int> scores = stackalloc int[_profiles.Length];
        var words = 0;
        // The first few hundred words decide; a long article says nothing more about its language.
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word) continue;
            if (++words > 400) break;
            var word = folded.AsSpan(token.Start, token.Length);
            for (var p = 0; p < _profiles.Length; p++)
            {
                if (_profiles[p].Words.Contains(word)) scores[p]++;
            }
        }

        var best = -1;
        var second = 0;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if (best < 0 || scores[p] > scores[best]) { if (best >= 0) second = Math.Max(second, scores[best]); best = p; }
            else second = Math.Max(second, scores[p]);
        }
        if (best < 0 || scores[best] < 2 || scores[best] < second * 1.5) return Undetermined;
        return _profiles[best].Language;
    }
}
