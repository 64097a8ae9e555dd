using System.Collections.Immutable;
using Sitrep.Extraction.Frames;
using Sitrep.Text;

namespace Sitrep.Extraction.Reconciliation;

/// <summary>
/// A headline announces the toll its article then tells ("15 killed in attack on market" over "... killing 15
/// people, police said"): the same figure twice is one figure, not two (15 + 15 = 30). The headline is the
/// sentence, among the first few, that reads as the document's title (a web page's flattened text puts its
/// navigation first), else the first sentence when it ends without a full stop on a line of its own and more
/// text follows, as pasted articles give it. Its figures that the body repeats (same outcome, same number) are
/// dropped; a figure only the headline gives is kept.
/// </summary>
internal static class HeadlineFigures
{
    /// <summary>How far into the text a title may stand (after a page's navigation links).</summary>
    private const int TitleReach = 6;

    public static ImmutableArray<CasualtyFrame> WithoutRestatements(AnalyzedText text, string? title, ImmutableArray<CasualtyFrame> casualties)
    {
        var headline = Headline(text, title);
        if (headline < 0 || !casualties.Any(c => c.Sentence == headline)) return casualties;
        var told = casualties.Where(c => c.Sentence > headline && c.Count is not null).Select(Key).ToHashSet();
        return [.. casualties.Where(c => c.Sentence != headline || c.Count is null || !told.Contains(Key(c)))];
    }

    /// <summary>The headline's sentence, or -1 when the text has none.</summary>
    public static int Headline(AnalyzedText text, string? title)
    {
        if (text.Sentences.Length < 2) return -1;
        if (!string.IsNullOrWhiteSpace(title))
        {
            var wanted = Words(title);
            for (var s = 0; s < Math.Min(TitleReach, text.Sentences.Length - 1); s++)
            {
                var (start, end) = text.ToOriginal(text.Sentences[s].Start, text.Sentences[s].End);
                if (IsTitle(Words(text.Original[start..end]), wanted)) return s;
            }
        }
        var first = text.Sentences[0];
        var last = text.Tokens[first.EndToken - 1];
        if (last.Kind == TokenKind.Punctuation && text.Normalized[last.Start] is '.' or '!' or '?' or ';') return -1;
        return text.Normalized.AsSpan(last.End, text.Sentences[1].Start - last.End).Contains('\n') ? 0 : -1;
    }

    /// <summary>The line is the title, or the title with the site's name after a separator ("... | Daily Example").</summary>
    private static bool IsTitle(string line, string title)
    {
        if (line.Length == 0 || !title.StartsWith(line, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = title.AsSpan(line.Length).TrimStart();
        return rest.IsEmpty || rest[0] is '|' or '-' or '\u2013' or '\u2014' or ':' or '\u00b7';
    }

    /// <summary>The words of a line, single-spaced, without a closing stop.</summary>
    private static string Words(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    private static (string, long?) Key(CasualtyFrame c) => (c.Outcome, c.Count!.Best ?? c.Count.Count.Value);
}
