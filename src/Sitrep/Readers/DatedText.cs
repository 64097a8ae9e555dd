using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// The seed's format: optional leading blanks, then <c>date YYYY-MM[-DD] </c> and the article on one line.
/// Text without the header is plain text. Never throws.
/// </summary>
public static class DatedText
{
    private const string Keyword = "date ";

    public static SourceDocument Parse(string id, string content, string origin)
    {
        var span = content.AsSpan();
        var lead = 0;
        while (lead < span.Length && (span[lead] is ' ' or '\t' or '\uFEFF')) lead++;
        if (span[lead..].StartsWith(Keyword, StringComparison.Ordinal))
        {
            var dateStart = lead + Keyword.Length;
            var dateEnd = dateStart;
            while (dateEnd < span.Length && !char.IsWhiteSpace(span[dateEnd])) dateEnd++;
            var dateText = span[dateStart..dateEnd];
            if (PartialDate.TryParse(dateText, out var published))
            {
                // The text starts after the one blank that ends the date, so offsets count from there.
                var text = dateEnd < span.Length ? content[(dateEnd + 1)..] : string.Empty;
                return new SourceDocument(id, text, published, Origin: origin);
            }
            if (LooksLikeDate(dateText))
            {
                return new SourceDocument(id, content, Origin: origin)
                {
                    Warnings = [$"the header date \"{dateText}\" is not a valid YYYY-MM[-DD] date; read as plain text without a publication date"],
                };
            }
        }
        return new SourceDocument(id, content, Origin: origin);
    }

    // "date 2020-13-45" is a broken header worth a warning; "date night was fun" is just text.
    private static bool LooksLikeDate(ReadOnlySpan<char> text) => text.Length >= 4 && char.IsAsciiDigit(text[0]) && text.Contains('-');
}
