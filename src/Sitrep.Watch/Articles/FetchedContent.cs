using System.Text;
using Sitrep.Documents;
using Sitrep.Readers;

namespace Sitrep.Watch.Articles;

/// <summary>
/// Turns fetched bytes into documents with the readers <c>sitrep extract</c> uses: a feed into its items,
/// a page into its article (SmartReader's main text, title, date, canonical link). Whether bytes are a
/// feed is seen from the content, as the readers do, not trusted from the Content-Type alone.
/// </summary>
public static class FetchedContent
{
    private static readonly InputReader Reader = new();

    public static bool LooksLikeFeed(byte[] body, string? contentType)
    {
        var head = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2048));
        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase)) return false;
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)
            || contentType is "application/rss+xml" or "application/atom+xml";
    }

    /// <summary>The feed's items (links, dates, titles, summaries) and the problems of items that could not be read.</summary>
    public static (IReadOnlyList<SourceDocument> Items, IReadOnlyList<InputProblem> Problems) ReadFeed(byte[] body, Uri url) =>
        Split(Reader.ReadStream(new MemoryStream(body, writable: false), new InputName(url.AbsoluteUri, url.AbsoluteUri), ".xml"));

    /// <summary>The article of a page, or the reason there is none.</summary>
    public static (SourceDocument? Article, string? Problem) ReadPage(byte[] body, Uri url)
    {
        var (documents, problems) = Split(Reader.ReadStream(new MemoryStream(body, writable: false), new InputName(url.AbsoluteUri, url.AbsoluteUri), ".html"));
        if (documents.Count > 0) return (documents[0], null);
        return (null, problems.Count > 0 ? problems[0].Reason : "no article text in the page");
    }

    private static (IReadOnlyList<SourceDocument>, IReadOnlyList<InputProblem>) Split(IEnumerable<ReadItem> items)
    {
        var documents = new List<SourceDocument>();
        var problems = new List<InputProblem>();
        foreach (var item in items)
        {
            if (item.Document is { } document) documents.Add(document);
            else if (item.Problem is { } problem) problems.Add(problem);
        }
        return (documents, problems);
    }
}
