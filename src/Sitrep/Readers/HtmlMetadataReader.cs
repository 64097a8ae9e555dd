using System.Text.Json;
using AngleSharp.Dom;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// What a page says about itself: title, publication date, canonical URL, site name. Not its language:
/// templates often declare one language for pages in another, so the text's own language is detected.
/// </summary>
internal sealed record HtmlMetadata(string? Title, PartialDate? Published, string? Url, string? Source);

/// <summary>
/// Reads a page's metadata from the places publishers put it, most specific first: Open Graph and article
/// meta tags, JSON-LD (<c>datePublished</c>, also inside <c>@graph</c>), other meta conventions, then
/// <c>&lt;time datetime&gt;</c>. Must run before the article extractor, which rewrites the DOM.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] DateMetaSelectors =
    [
        "meta[property='article:published_time']",
        "meta[property='og:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='date']",
        "meta[name='DC.date.issued']",
        "meta[name='dc.date']",
        "meta[name='sailthru.date']",
    ];

    public static HtmlMetadata Read(IDocument page)
    {
        var source = Meta(page, "meta[property='og:site_name']");
        var title = Meta(page, "meta[property='og:title']") ?? WithoutSiteName(Clean(page.Title), source) ?? Clean(page.QuerySelector("h1")?.TextContent);
        var url = Attribute(page, "link[rel='canonical']", "href") ?? Meta(page, "meta[property='og:url']");
        return new HtmlMetadata(title, PublicationDate(page), url, source);
    }

    // "Storm hits coast - The Daily Example" with site name "The Daily Example" is the article's title plus branding.
    private static string? WithoutSiteName(string? title, string? site)
    {
        if (title is null || site is null || !title.EndsWith(site, StringComparison.Ordinal)) return title;
        var rest = title.AsSpan(0, title.Length - site.Length).TrimEnd();
        if (rest.Length == 0 || rest[^1] is not ('-' or '|' or '\u2013' or '\u2014' or ':' or '\u00B7')) return title;
        var bare = rest[..^1].TrimEnd();
        return bare.IsEmpty ? title : bare.ToString();
    }

    private static PartialDate? PublicationDate(IDocument page)
    {
        if (FirstDate(page, DateMetaSelectors.Take(3)) is { } meta) return meta;
        if (JsonLinkedDataDate(page) is { } linked) return linked;
        if (FirstDate(page, DateMetaSelectors.Skip(3)) is { } other) return other;
        // A <time> marked as the publication date, else the first one inside the article, else the first on the page.
        var time = page.QuerySelector("time[pubdate][datetime], time[itemprop='datePublished'][datetime]")
            ?? page.QuerySelector("article time[datetime]")
            ?? page.QuerySelector("time[datetime]");
        return PublicationDateParser.Parse(time?.GetAttribute("datetime"));
    }

    private static PartialDate? FirstDate(IDocument page, IEnumerable<string> selectors)
    {
        foreach (var selector in selectors)
        {
            if (PublicationDateParser.Parse(Meta(page, selector)) is { } date) return date;
        }
        return null;
    }

    private static PartialDate? JsonLinkedDataDate(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
                if (FindDatePublished(json.RootElement, 0) is { } date) return date;
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources of the date still count.
            }
        }
        return null;
    }

    private static PartialDate? FindDatePublished(JsonElement element, int depth)
    {
        if (depth > 8) return null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out var value) && value.ValueKind == JsonValueKind.String
                    && PublicationDateParser.Parse(value.GetString()) is { } date)
                {
                    return date;
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        && FindDatePublished(property.Value, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindDatePublished(item, depth + 1) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static string? Meta(IDocument page, string selector) => Attribute(page, selector, "content");

    private static string? Attribute(IDocument page, string selector, string attribute) =>
        Clean(page.QuerySelector(selector)?.GetAttribute(attribute));

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var builder = new ParagraphBuilder(value.Length);
        builder.AppendText(value);
        return builder.ToString();
    }
}
