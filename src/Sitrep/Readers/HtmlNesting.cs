using System.Collections.Frozen;

namespace Sitrep.Readers;

/// <summary>
/// Measures how deeply a page's tags nest with a linear scan, before any parser sees it: DOM parsers and
/// article extractors walk trees recursively, and a page nested thousands deep would overflow the stack.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>Pages nested deeper than this are read as flat text. Real articles stay far below 100.</summary>
    public const int MaximumDepth = 256;

    // Elements that never have content, or whose end tag pages routinely leave out, do not nest.
    private static readonly FrozenSet<string> NotNesting = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingLookup = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The deepest nesting of elements, counted up to <paramref name="limit"/> + 1 (no need to go further).
    /// End tags close the nearest open element of their name, as parsers do; a stray end tag closes nothing,
    /// so "&lt;div&gt;&lt;/span&gt;" repeated still counts as deep.
    /// </summary>
    public static int Depth(ReadOnlySpan<char> html, int limit = MaximumDepth)
    {
        // Open elements as ranges of the input; never longer than limit + 1, so searching it stays cheap.
        var open = new List<(int Start, int Length)>();
        var deepest = 0;
        var position = 0;
        while (position < html.Length)
        {
            var next = html[position..].IndexOf('<');
            if (next < 0) break;
            position += next + 1;
            if (position >= html.Length) break;
            var closing = html[position] == '/';
            var nameStart = closing ? position + 1 : position;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) continue;
            var tagEnd = html[nameEnd..].IndexOf('>');
            if (tagEnd < 0) break;
            tagEnd += nameEnd;
            var name = html[nameStart..nameEnd];
            position = tagEnd + 1;
            if (NotNestingLookup.Contains(name)) continue;
            if (closing)
            {
                for (var i = open.Count - 1; i >= 0; i--)
                {
                    if (html.Slice(open[i].Start, open[i].Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        open.RemoveRange(i, open.Count - i);
                        break;
                    }
                }
                continue;
            }
            if (html[tagEnd - 1] == '/') continue;
            open.Add((nameStart, nameEnd - nameStart));
            if (open.Count > deepest)
            {
                deepest = open.Count;
                if (deepest > limit) return deepest;
            }
        }
        return deepest;
    }
}
