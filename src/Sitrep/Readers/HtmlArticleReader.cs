using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads a web page as one document: its main article text (found by SmartReader's readability
/// algorithm, else the whole page's text), title, publication date, canonical URL and site name.
/// Pages nested too deep for a tree walk are read as flat text instead, so no page can overflow the stack.
/// </summary>
internal sealed class HtmlArticleReader
{
    /// <summary>Pages with more elements than this skip the readability scoring, whose cost grows faster than the page.</summary>
    public const int MaximumElementsForReadability = 6000;

    private static readonly Uri DefaultBase = new("https://localhost/");

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    public IEnumerable<ReadItem> Read(DecodedText decoded, InputName name)
    {
        var html = decoded.Text;
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (decoded.WarningWithin(0, html.Length) is { } bytes) warnings.Add(bytes);

        string text;
        HtmlMetadata metadata;
        var depth = HtmlNesting.Depth(html);
        if (depth > HtmlNesting.MaximumDepth)
        {
            warnings.Add($"HTML nested more than {HtmlNesting.MaximumDepth} levels deep; read as flat text, without page metadata");
            text = HtmlTextFlattener.Flatten(html);
            metadata = new HtmlMetadata(null, null, null, null);
        }
        else
        {
            (text, metadata) = ReadTree(html, warnings);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            yield return ReadItem.Failed(name.Path, null, "no text found in the page");
            yield break;
        }
        yield return ReadItem.Of(new SourceDocument(name.Name, text, metadata.Published, Language: null, metadata.Title, metadata.Source, metadata.Url, name.Path)
        {
            Warnings = warnings.ToImmutable(),
        });
    }

    private (string Text, HtmlMetadata Metadata) ReadTree(string html, ImmutableArray<string>.Builder warnings)
    {
        using var page = _parser.ParseDocument(html);
        var metadata = HtmlMetadataReader.Read(page);
        var elements = page.All.Length;
        if (elements > MaximumElementsForReadability)
        {
            // The readability scoring grows faster than the page; on a huge page, the <article> (or <main>)
            // element, else the whole page, is the article.
            var container = page.QuerySelector("article") ?? page.QuerySelector("main");
            warnings.Add($"page too large for main-text extraction ({elements} elements); {(container is null ? "all of its text" : $"its <{container.LocalName}> element")} was read");
            return (HtmlTextFlattener.Flatten(container?.OuterHtml ?? html), metadata);
        }
        var text = MainText(page, metadata.Url);
        if (string.IsNullOrWhiteSpace(text) && MarkedArticle(page) is { } marked)
        {
            // Too short for the readability scoring, but the page says where its article is: one <article>
            // (else one <main>) element. Navigation and footer stay out.
            text = HtmlTextFlattener.Flatten(marked.OuterHtml);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            // Pages too short or too unusual for the readability scoring: all their visible text is the article.
            text = HtmlTextFlattener.Flatten(html);
            if (!string.IsNullOrWhiteSpace(text)) warnings.Add("no main article found in the page; all of its text was read");
        }
        return (text, metadata);
    }

    /// <summary>The page's one <c>article</c> element with text, else its one <c>main</c>; null when there is none or several (a list page).</summary>
    private static AngleSharp.Dom.IElement? MarkedArticle(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        foreach (var tag in (string[])["article", "main"])
        {
            var found = page.QuerySelectorAll(tag).Where(e => !string.IsNullOrWhiteSpace(e.TextContent)).Take(2).ToList();
            if (found.Count == 1) return found[0];
            if (found.Count > 1) return null;
        }
        return null;
    }

    private static string? MainText(AngleSharp.Html.Dom.IHtmlDocument page, string? url)
    {
        var address = Uri.TryCreate(url, UriKind.Absolute, out var given) && (given.Scheme == Uri.UriSchemeHttp || given.Scheme == Uri.UriSchemeHttps)
            ? given
            : DefaultBase;
        // Its log must never reach the console: standard output carries the JSON results.
        var reader = new SmartReader.Reader(address.AbsoluteUri, page) { Debug = false, LoggerDelegate = static _ => { } };
        var article = reader.GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content)) return null;
        // The article HTML is flattened our way, so paragraphs and blanks look the same for every reader.
        return HtmlTextFlattener.Flatten(article.Content);
    }
}
