namespace Sitrep.GazetteerCompiler;

/// <summary>
/// Decides which GeoNames alternate names become aliases. The dump mixes transliterations a news text
/// may use ("Kharkov", "Halab", "Deir ez Zor") with romanised Chinese or Japanese ("ao er di nuo"), codes,
/// abbreviations and names in scripts a Latin text never shows. Kept: Latin-script names that start with a
/// capital letter, have at least <see cref="MinimumLetters"/> letters in their key (doubled letters count
/// once, as the engine matches them: "Suss" is "sus"), are not all capitals (codes and acronyms), and are not
/// place stop words (common words that only a locative cue may turn into a place). Short alternates are
/// mostly other languages' forms that meet common words once Romanian endings are taken off ("Turn" for
/// Angren meets "Turnul", "Dessi" for Dese meets "Desi").
/// </summary>
internal sealed class AlternateNameFilter
{
    public const int MinimumLetters = 5;

    private readonly HashSet<string> _stopWords;

    public AlternateNameFilter(IEnumerable<string> foldedStopWords) => _stopWords = new HashSet<string>(foldedStopWords, StringComparer.Ordinal);

    public bool Keeps(string alternate)
    {
        if (alternate.Length == 0 || !char.IsUpper(alternate[0])) return false;
        var letters = 0;
        var upper = 0;
        foreach (var c in alternate)
        {
            if (char.IsLetter(c))
            {
                if (!IsLatin(c)) return false;
                letters++;
                if (char.IsUpper(c)) upper++;
            }
            else if (!IsNamePunctuation(c))
            {
                return false;
            }
        }
        if (upper == letters || GazetteerCompiler.MatchKey(alternate).Count(char.IsLetter) < MinimumLetters) return false;
        return !_stopWords.Contains(GazetteerCompiler.Fold(alternate));
    }

    // Basic Latin, Latin-1, Latin Extended-A/B, IPA letters used in romanisation, Latin Extended Additional.
    private static bool IsLatin(char c) => c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF';

    private static bool IsNamePunctuation(char c) =>
        c is ' ' or '-' or '\'' or '\u2019' or '\u2018' or '.' or '\u02BC' or '\u02BB' or '\u02BE' or '\u02BF' or '`';
}
