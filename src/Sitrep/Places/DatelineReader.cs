using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// The dateline that opens a wire story: a place name first ("KABUL", "BUCURESTI", "Kyiv"), perhaps a region or a
/// date after commas, perhaps the agency in parentheses, then a dash or a colon ("KABUL, May 3 (Reuters) -",
/// "DHAKA:", "KYIV (AP) —", "BUCURESTI, 5 mai (Agerpres) -"). The place says where the story was filed, not who
/// acted: a capital there is no government. The name must be in capitals, or the agency must follow it, so that an
/// ordinary first sentence ("Kabul: the talks failed") is not taken for one.
/// </summary>
internal static class DatelineReader
{
    // How far the dash or colon may stand from the text's first token.
    private const int Reach = 12;
    private const int LongestName = 4;

    /// <summary>The number of tokens of the dateline's place name at the start of the text, or 0 when the text opens with no dateline.</summary>
    public static int PlaceLength(AnalyzedText text) => Read(text).Name;

    /// <summary>The token after the dateline's dash or colon, or 0 when the text opens with no dateline: the agency, if named, is before it.</summary>
    public static int End(AnalyzedText text) => Read(text).End;

    private static (int Name, int End) Read(AnalyzedText text)
    {
        var tokens = text.Tokens;
        if (tokens.IsEmpty || tokens[0].Kind != TokenKind.Word || !char.IsUpper(text.Normalized[tokens[0].Start])) return (0, 0);
        var name = 0;
        var capitals = true;
        while (name < tokens.Length && name < LongestName && (tokens[name].Kind == TokenKind.Word && char.IsUpper(text.Normalized[tokens[name].Start]) || IsChar(text, name, '-')))
        {
            foreach (var c in text.Normalized.AsSpan(tokens[name].Start, tokens[name].Length))
            {
                if (char.IsLetter(c) && !char.IsUpper(c)) capitals = false;
            }
            name++;
        }
        var agency = false;
        for (var t = name; t < tokens.Length && t < Reach && tokens[t].Sentence == tokens[0].Sentence; t++)
        {
            if (IsChar(text, t, '(')) agency = true;
            else if (IsChar(text, t, ':') || IsDash(text, t)) return capitals || agency ? (name, t + 1) : (0, 0);
            else if (IsChar(text, t, '.') && !agency) return (0, 0);
        }
        return (0, 0);
    }

    private static bool IsDash(AnalyzedText text, int index)
    {
        var token = text.Tokens[index];
        var span = text.Normalized.AsSpan(token.Start, token.Length);
        return span is "-" or "--" or "\u2013" or "\u2014";
    }

    private static bool IsChar(AnalyzedText text, int index, char c) => text.Tokens[index].Length == 1 && text.Normalized[text.Tokens[index].Start] == c;
}
