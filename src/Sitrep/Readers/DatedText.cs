using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// The seed's format: optional leading blanks, then <c>date YYYY-MM[-DD] </c> and the article on one line.
/// Text without the header is plain text.
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
            if (PartialDate.TryParse(span[dateStart..dateEnd], out var published) && dateEnd < span.Length)
            {
                return new SourceDocument(id, content[(dateEnd + 1)..], published, Origin: origin);
            }
        }
        return new SourceDocument(id, content, Origin: origin);
    }
}
