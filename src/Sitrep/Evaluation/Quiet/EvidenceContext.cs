namespace Sitrep.Evaluation.Quiet;

/// <summary>
/// Shows an evidence span inside the words around it, on one line, so a reader of <c>--errors</c> can
/// judge at a glance whether "attack" was a striker's or a gunman's.
/// </summary>
public static class EvidenceContext
{
    /// <summary>Characters of text shown on each side of the span (cut back to a word boundary).</summary>
    public const int Margin = 60;

    /// <summary>The longest span shown whole; a longer one keeps its start and end.</summary>
    public const int LongestSpan = 200;

    public static EvidenceInContext Of(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var before = Math.Max(0, start - Margin);
        var after = Math.Min(text.Length, end + Margin);
        // Cut at a space so the context starts and ends on whole words.
        if (before > 0 && text.IndexOf(' ', before, start - before) is var space and >= 0) before = space + 1;
        if (after < text.Length && text.LastIndexOf(' ', after - 1, after - end) is var last and >= 0 && last >= end) after = last;
        var span = text[start..end];
        var shown = span.Length <= LongestSpan ? span : string.Concat(span.AsSpan(0, LongestSpan / 2), " ... ", span.AsSpan(span.Length - LongestSpan / 2));
        var context = string.Concat(before > 0 ? "..." : "", text[before..start], "[[", shown, "]]", text[end..after], after < text.Length ? "..." : "");
        return new EvidenceInContext(start, end, Flatten(span), Flatten(context));
    }

    private static string Flatten(string value) => string.Join(' ', value.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
