using Sitrep.Text;

namespace Sitrep.Evaluation.Gold;

/// <summary>
/// Decides whether a name Sitrep gave matches a gold name: case and diacritics folded, then the words of one
/// must all be words of the other ("army" matches "Malian army"; "Ministerul Apararii" matches
/// "ministerul apărării"). Lenient on purpose: the gold file lists alternatives where spellings really differ.
/// </summary>
public static class NameMatcher
{
    public static bool Matches(GoldName gold, string? predicted)
    {
        if (string.IsNullOrWhiteSpace(predicted)) return false;
        var words = Words(predicted);
        if (words.Count == 0) return false;
        foreach (var alternative in gold.Alternatives)
        {
            var expected = Words(alternative);
            if (expected.Count > 0 && (expected.IsSubsetOf(words) || words.IsSubsetOf(expected))) return true;
        }
        return false;
    }

    /// <summary>The folded words of a name, for matching and for de-duplicating predicted names.</summary>
    public static HashSet<string> Words(string name)
    {
        var folded = TextFolding.Fold(name);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>A key under which spellings that differ only in case, diacritics and punctuation are the same name.</summary>
    public static string Key(string name) => string.Join(' ', Words(name).Order(StringComparer.Ordinal));
}
