using Sitrep.Text.Unicode;

namespace Sitrep.Text;

/// <summary>
/// Case and diacritic folding, one character for one, so that folded offsets equal normalized offsets.
/// "Ștefan", "Stefan", "ŞTEFAN" all fold to "stefan". Done once per document, here and nowhere else.
/// </summary>
public static class TextFolding
{
    // The fold of every character of the Basic Multilingual Plane, computed once from the canonical decompositions.
    private static readonly char[] Table = BuildTable();

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (destination, source) =>
        {
            var table = Table;
            for (var i = 0; i < source.Length; i++) destination[i] = table[source[i]];
        });
    }

    public static char FoldChar(char c) => Table[c];

    private static char[] BuildTable()
    {
        var table = new char[0x10000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c)) { table[i] = c; continue; }
            var unified = TextNormalizer.Unify(c);
            var baseCodePoint = CanonicalComposition.BaseOf(unified);
            // Only a base that is itself a single BMP character and not a combining mark can stand in for the letter.
            var baseChar = baseCodePoint < 0x10000 && CanonicalComposition.CombiningClass(baseCodePoint) == 0 ? (char)baseCodePoint : unified;
            var lower = char.ToLowerInvariant(baseChar);
            table[i] = lower switch
            {
                '\u0131' => 'i', // dotless i
                '\u0130' => 'i', // dotted capital I
                '\u0142' => 'l', // Polish l with stroke
                '\u00F8' => 'o', // o with stroke
                '\u0111' => 'd', // d with stroke
                '\u0127' => 'h', // h with stroke
                _ => lower,
            };
        }
        return table;
    }
}
