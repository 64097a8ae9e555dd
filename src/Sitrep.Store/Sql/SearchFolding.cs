namespace Sitrep.Store.Sql;

/// <summary>
/// Case and diacritic folding for PostgreSQL's search column and queries ("uciși", "UCISI" and
/// "ucişi" all become "ucisi"), so both stores find the same documents. A fixed table over the Latin
/// blocks: with invariant globalization, .NET's Unicode normalization does not decompose letters.
/// </summary>
internal static class SearchFolding
{
    // U+00C0..U+00FF (Latin-1 letters), then U+0100..U+017F (Latin Extended-A), one base letter each.
    private const string Latin1 = "aaaaaaaceeeeiiiidnooooo\u00D7ouuuuytsaaaaaaaceeeeiiiidnooooo\u00F7ouuuuyty";
    private const string ExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    public static string Fold(string text) => string.Create(text.Length, text, static (destination, source) =>
    {
        for (var i = 0; i < source.Length; i++) destination[i] = FoldChar(source[i]);
    });

    private static char FoldChar(char c) => c switch
    {
        < '\u00C0' => char.ToLowerInvariant(c),
        <= '\u00FF' => Latin1[c - '\u00C0'],
        <= '\u017F' => ExtendedA[c - '\u0100'],
        // Romanian s and t with comma below.
        '\u0218' or '\u0219' => 's',
        '\u021A' or '\u021B' => 't',
        _ => char.ToLowerInvariant(c),
    };
}
