using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one document per item or entry, streaming: one item is in
/// memory at a time. Item HTML (description, content:encoded, Atom content) is reduced to text. DTDs are
/// ignored, so no entity expansion or external fetch can happen. Broken XML stops the feed with a problem
/// naming the line; the items before it are kept.
/// </summary>
internal sealed class FeedDocumentReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
    };

    public IEnumerable<ReadItem> Read(DecodedText decoded, InputName name)
    {
        using var reader = XmlReader.Create(new StringReader(decoded.Text), Settings);
        var isFeed = false;
        string? feedTitle = null;
        var number = 0;
        while (true)
        {
            FeedStep step;
            XmlException? broken = null;
            try
            {
                step = Next(reader, ref isFeed, ref feedTitle);
            }
            catch (XmlException e)
            {
                broken = e;
                step = new FeedStep(true, null, 0);
            }
            if (broken is not null)
            {
                var reason = isFeed ? $"feed XML is broken: {broken.Message}" : $"not a readable RSS or Atom feed: {broken.Message}";
                yield return ReadItem.Failed(name.Path, broken.LineNumber > 0 ? broken.LineNumber : null, reason);
                yield break;
            }
            if (step.Done) break;
            number++;
            yield return Document(step.Item!, feedTitle, name, number, step.Line, decoded);
        }
        if (!isFeed) yield return ReadItem.Failed(name.Path, null, "XML but not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)");
        else if (number == 0) yield return ReadItem.Failed(name.Path, null, "feed has no items");
    }

    private readonly record struct FeedStep(bool Done, XElement? Item, int Line);

    // Moves to the next item, noting the feed's own title on the way.
    private static FeedStep Next(XmlReader reader, ref bool isFeed, ref string? feedTitle)
    {
        var lineInfo = (IXmlLineInfo)reader;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var local = reader.LocalName;
            if (reader.Depth == 0)
            {
                isFeed = local is "rss" or "feed" or "RDF";
                if (!isFeed) return new FeedStep(true, null, 0);
                reader.Read();
                continue;
            }
            if (local is "item" or "entry")
            {
                var line = lineInfo.LineNumber;
                var item = (XElement)XNode.ReadFrom(reader);
                return new FeedStep(false, item, line);
            }
            if (local == "title" && feedTitle is null && reader.Depth <= 2)
            {
                feedTitle = Clean(reader.ReadElementContentAsString());
                continue;
            }
            reader.Read();
        }
        return new FeedStep(true, null, 0);
    }

    private static ReadItem Document(XElement item, string? feedTitle, InputName name, int number, int line, DecodedText decoded)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var title = Clean(Flatten(Child(item, "title")));
        var body = Longest(Child(item, "encoded"), Child(item, "content"), Child(item, "description"), Child(item, "summary"));
        var text = Flatten(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (title is null) return ReadItem.Failed(name.Path, line, $"feed item {number} has neither text nor title");
            text = title;
            warnings.Add("the feed item has no description; its title is the text");
        }

        var dateText = Child(item, "pubDate") ?? Child(item, "published") ?? Child(item, "date") ?? Child(item, "updated") ?? Child(item, "issued");
        var published = PublicationDateParser.Parse(dateText);
        if (dateText is not null && published is null) warnings.Add($"item date \"{dateText.Trim()}\" not understood; publication date unknown");
        if (decoded.InvalidSequences > 0) warnings.Add($"the feed had {decoded.InvalidSequences} invalid {decoded.EncodingName} byte sequences, replaced with U+FFFD");

        var id = Clean(Child(item, "guid")) ?? Clean(Child(item, "id")) ?? name.IdOfItem(number);
        return ReadItem.Of(new SourceDocument(id, text, published, Language: null, title, feedTitle, Link(item), name.OriginAtLine(line))
        {
            Warnings = warnings.ToImmutable(),
        });
    }

    // RSS gives the link as text; Atom as <link href> (the "alternate" one is the article); RSS 1.0 as rdf:about.
    private static string? Link(XElement item)
    {
        string? fallback = null;
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var href = link.Attribute("href")?.Value;
            if (href is null) return Clean(link.Value);
            var relation = link.Attribute("rel")?.Value;
            if (relation is null or "alternate") return Clean(href);
            fallback ??= Clean(href);
        }
        return fallback ?? Clean(item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about")?.Value);
    }

    private static string? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static string? Longest(params string?[] candidates) =>
        candidates.Where(c => !string.IsNullOrWhiteSpace(c)).MaxBy(c => c!.Length);

    // Item fields hold HTML more often than not; plain text passes through unchanged apart from blanks.
    private static string Flatten(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : HtmlTextFlattener.Flatten(html);

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var builder = new ParagraphBuilder(value.Length);
        builder.AppendText(value);
        return builder.ToString();
    }
}
