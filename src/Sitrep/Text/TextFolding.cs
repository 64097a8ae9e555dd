using System.Globalization;
using System.Text;

namespace Sitrep.Text;

/// <summary>
/// Case and diacritic folding, one character for one, so that folded offsets equal normalized offsets.
/// "Ștefan", "Stefan", "ŞTEFAN" all fold to "stefan". Done once per document, here and nowhere else.
/// </summary>
public static class TextFolding
{
    // Folding of the Basic Multilingual Plane's Latin, Greek and Cyrillic blocks, computed once.
    private static readonly char[] Table = BuildTable();

    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++) destination[i] = FoldChar(source[i]);
        });
    }

    public static char FoldChar(char c) => c < Table.Length ? Table[c] : char.ToLowerInvariant(c);

    private static char[] BuildTable()
    {
        var table = new char[0x0500];
        for (var i = 0; i < table.Length; i++)
        {
            var c = TextNormalizer.Unify((char)i);
            if (char.IsSurrogate(c)) { table[i] = c; continue; }
            var lower = char.ToLowerInvariant(c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : lower;
            table[i] = baseChar switch
            {
                '\u0131' => 'i', // dotless i
                '\u0142' => 'l', // Polish l
                '\u00F8' => 'o',
                '\u0111' => 'd',
                _ => baseChar,
            };
        }
        return table;
    }
}
