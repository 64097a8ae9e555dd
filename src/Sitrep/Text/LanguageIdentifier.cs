using System.Buffers;
using System.Collections.Immutable;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>What <see cref="LanguageIdentifier"/> decided, and the language it leaned to.</summary>
/// <param name="Language">BCP 47 code, or "und" when unsure.</param>
/// <param name="Likely">The best-scoring supported language even when unsure (tools can still use its rules), or null.</param>
public readonly record struct LanguageGuess(string Language, string? Likely);

/// <summary>
/// Tells which supported language a text is in from its function words (each language's
/// <c>function-words.txt</c>) and letters (<c>alphabet.txt</c>). Says "und" when the text is too short,
/// when two languages are close (mixed text), when the text's short words are mostly not the winner's,
/// or when its lower-case words use letters the winner does not have ("anunció", "sécurité"): another
/// language that happens to share "de" and "la". Adding a language is adding its folder. Thread-safe.
/// </summary>
public sealed class LanguageIdentifier
{
    public const string Undetermined = "und";

    public const string FileName = "function-words.txt";

    public const string AlphabetFileName = "alphabet.txt";

    // The first few hundred words decide; a long article says nothing more about its language.
    private const int WordsRead = 200;
    private const int MinimumHits = 3;
    private const double MinimumLead = 1.5;
    private const double MinimumShortWordCoverage = 0.5;
    private const double MinimumDensity = 0.15;
    private const double MaximumForeignWords = 0.05;

    private readonly ImmutableArray<Profile> _profiles;

    // Every profile's function words in one table, keyed by their letters packed in a number: one cheap lookup
    // per word gives the languages that own it, as bits. Function words are written in folded a-z letters.
    private readonly Dictionary<ulong, ulong> _owners;
    private const int MaximumKeyLetters = 13;

    // Function words are short: longer words are counted but not looked up.
    private readonly int _longestWord;

    public LanguageIdentifier(IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        _profiles = [.. languages
            .Select(Profile.Load)
            .Where(p => p is not null)
            .Select(p => p!)];
        if (_profiles.Length > 64) throw new NotSupportedException("The language identifier handles at most 64 languages.");
        _owners = [];
        for (var p = 0; p < _profiles.Length; p++)
        {
            foreach (var word in _profiles[p].Words)
            {
                if (word.Length > MaximumKeyLetters || word.AsSpan().ContainsAnyExceptInRange('a', 'z'))
                    throw new InvalidDataException($"lexicons/{_profiles[p].Language}/{FileName}: \"{word}\" must be at most {MaximumKeyLetters} folded letters a-z.");
                var key = 0UL;
                foreach (var c in word) key = (key * 27) + (ulong)(c - 'a' + 1);
                _owners[key] = _owners.GetValueOrDefault(key) | (1UL << p);
            }
        }
        _longestWord = _profiles.Select(p => p.LongestWord).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<string> Languages => _profiles.Select(p => p.Language).ToArray();

    /// <summary>The language of a text, or "und".</summary>
    /// <param name="normalized">The normalized text (its case tells short function words from acronyms and names).</param>
    /// <param name="folded">The folded text, same length.</param>
    public string Identify(string normalized, string folded) => Guess(normalized, folded).Language;

    /// <inheritdoc cref="Identify(string, string)"/>
    public LanguageGuess Guess(string normalized, string folded)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(folded);
        var count = _profiles.Length;
        Span<int> hits = stackalloc int[count];
        Span<int> ownHits = stackalloc int[count];
        Span<int> shortHits = stackalloc int[count];
        Span<int> foreignWords = stackalloc int[count];
        var words = 0;
        var shortWords = 0;
        var lowerWords = 0;
        var i = 0;
        while (i < folded.Length && words < WordsRead)
        {
            if (!char.IsLetter(folded[i])) { i++; continue; }
            var start = i;
            // One pass over the word: its key (folded a-z letters, base 27) and whether it is written in plain a-z.
            ulong key = 0;
            var packable = true;
            var plainAscii = true;
            while (i < folded.Length && char.IsLetter(folded[i]))
            {
                var f = folded[i];
                if (f is >= 'a' and <= 'z' && i - start < MaximumKeyLetters) key = (key * 27) + (ulong)(f - 'a' + 1);
                else packable = false;
                if (normalized[i] is < 'a' or > 'z') plainAscii = false;
                i++;
            }
            var length = i - start;
            words++;
            // Capitalised words are names and acronyms ("UN", "AFP", "Bogotá"): they say nothing about the language.
            var isLower = char.IsLower(normalized[start]);
            if (isLower)
            {
                lowerWords++;
                for (var p = 0; p < count; p++)
                {
                    if (plainAscii ? !_profiles[p].HasBasicLatin : normalized.AsSpan(start, length).ContainsAnyExcept(_profiles[p].Letters)) foreignWords[p]++;
                }
            }
            // Short lower-case words are nearly all function words, in any language.
            var isShort = isLower && length <= 3;
            if (isShort) shortWords++;
            if (!packable || length > _longestWord || !_owners.TryGetValue(key, out var mask)) continue;
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                var p = System.Numerics.BitOperations.TrailingZeroCount(bits);
                hits[p]++;
                if (isShort) shortHits[p]++;
            }
            // A word of one language only ("the", "si") tells languages apart; "in" and "a" do not.
            if (System.Numerics.BitOperations.IsPow2(mask)) ownHits[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
        }

        var best = -1;
        var second = 0;
        for (var p = 0; p < count; p++)
        {
            if (best < 0 || ownHits[p] > ownHits[best] || (ownHits[p] == ownHits[best] && hits[p] > hits[best]))
            {
                if (best >= 0) second = Math.Max(second, ownHits[best]);
                best = p;
            }
            else
            {
                second = Math.Max(second, ownHits[p]);
            }
        }
        if (best < 0 || hits[best] == 0) return new LanguageGuess(Undetermined, null);

        var likely = _profiles[best].Language;
        var sure = hits[best] >= MinimumHits
            && ownHits[best] > 0
            && ownHits[best] >= second * MinimumLead
            && hits[best] >= words * MinimumDensity
            && (shortWords < 5 || shortHits[best] >= shortWords * MinimumShortWordCoverage)
            && (foreignWords[best] < 2 || foreignWords[best] < lowerWords * MaximumForeignWords);
        return new LanguageGuess(sure ? likely : Undetermined, likely);
    }

    private sealed record Profile(string Language, IReadOnlyList<string> Words, SearchValues<char> Letters, bool HasBasicLatin, int LongestWord)
    {
        public static Profile? Load(string language)
        {
            var words = LanguageResources.Lines(language, FileName);
            if (words.Count == 0) return null;
            // Letters in both cases: a word is checked as written ("iPhone" is not foreign to English).
            var letters = string.Concat(LanguageResources.Lines(language, AlphabetFileName));
            var both = string.Concat(letters, letters.ToUpperInvariant());
            var basicLatin = Enumerable.Range('a', 26).All(c => letters.Contains((char)c, StringComparison.Ordinal));
            return new Profile(language, words, SearchValues.Create(both), basicLatin, words.Max(w => w.Length));
        }
    }
}
