namespace Sitrep.Readers;

/// <summary>
/// Decides how to read an input from its extension, and from its first characters when the extension
/// says nothing (standard input, unknown extensions). Stateless.
/// </summary>
internal static class FormatDetector
{
    /// <summary>How many leading characters the content sniffing looks at.</summary>
    public const int HeadLength = 4096;

    public static DocumentFormat Detect(string? extension, ReadOnlySpan<char> head)
    {
        switch (extension?.ToUpperInvariant())
        {
            case ".TXT" or ".TEXT":
                return DocumentFormat.Text;
            case ".JSONL" or ".NDJSON" or ".JSON":
                return DocumentFormat.JsonLines;
            case ".HTML" or ".HTM" or ".XHTML":
                return DocumentFormat.Html;
            case ".RSS" or ".ATOM":
                return DocumentFormat.Feed;
            case ".XML":
                // XHTML pages are sometimes saved as .xml; anything else XML is read as a feed.
                return LooksLikeFeed(head) || !LooksLikeHtml(head) ? DocumentFormat.Feed : DocumentFormat.Html;
            case ".CSV":
                return DocumentFormat.AcledCsv;
            default:
                return Sniff(head);
        }
    }

    private static DocumentFormat Sniff(ReadOnlySpan<char> head)
    {
        var content = head.TrimStart(" \t\r\n\uFEFF");
        if (content.StartsWith("{")) return DocumentFormat.JsonLines;
        if (content.StartsWith("<")) return LooksLikeFeed(content) ? DocumentFormat.Feed : DocumentFormat.Html;
        if (IsAcledHeader(FirstLine(content))) return DocumentFormat.AcledCsv;
        return DocumentFormat.Text;
    }

    private static bool LooksLikeFeed(ReadOnlySpan<char> head) =>
        head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
        || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
        || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHtml(ReadOnlySpan<char> head) =>
        head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a CSV header line naming ACLED's <c>notes</c> and <c>event_date</c> columns.</summary>
    public static bool IsAcledHeader(ReadOnlySpan<char> line) =>
        line.IndexOfAny(",;\t") >= 0 && line.Contains("notes", StringComparison.OrdinalIgnoreCase) && line.Contains("event_date", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}
