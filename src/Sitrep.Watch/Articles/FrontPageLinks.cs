using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Sitrep.Watch.Articles;

/// <summary>
/// The article links of a section front page. With the source's <c>articleLinks</c> pattern, the links that
/// match it; without, a guess from how article addresses look on news sites: on the page's own site, deeper
/// than the page, with a slug (several hyphens) or a number in the path, and not a tag, author or
/// navigation page.
/// </summary>
public static class FrontPageLinks
{
    public const int MaximumLinks = 200;

    private static readonly HashSet<string> NotArticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "tag", "tags", "topic", "topics", "category", "categories", "author", "authors", "autor", "page", "pagina",
        "search", "cautare", "login", "account", "about", "contact", "despre", "newsletter", "subscribe", "rss", "feed",
    };

    private static readonly Regex Numbered = new(@"\d{4,}", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    public static IReadOnlyList<Uri> Find(string html, Uri page, Regex? pattern)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var found = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { UrlCanonicalizer.Canonicalize(page).AbsoluteUri };
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(page, href.Trim(), out var link)) continue;
            if (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps) continue;
            var canonical = UrlCanonicalizer.Canonicalize(link);
            if (pattern is not null ? !pattern.IsMatch(canonical.AbsoluteUri) : !LooksLikeArticle(canonical, page)) continue;
            if (!seen.Add(canonical.AbsoluteUri)) continue;
            found.Add(canonical);
            if (found.Count >= MaximumLinks) break;
        }
        return found;
    }

    private static bool LooksLikeArticle(Uri link, Uri page)
    {
        if (!SameSite(link.Host, page.Host)) return false;
        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || Array.Exists(segments, s => NotArticles.Contains(s))) return false;
        var last = segments[^1];
        return last.Count(c => c == '-') >= 3 || Numbered.IsMatch(link.AbsolutePath);
    }

    private static bool SameSite(string a, string b) =>
        string.Equals(WithoutWww(a), WithoutWww(b), StringComparison.OrdinalIgnoreCase);

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
