using System.Collections.Immutable;
using System.Text;
using System.Xml;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one document per item or entry. It streams with an
/// <see cref="XmlReader"/> and never builds a tree, so a huge feed is read one item at a time and a deeply
/// nested item cannot exhaust the stack. Item HTML (description, content:encoded, Atom content) is reduced
/// to text. DTDs are ignored, so no entity expansion or external fetch can happen. Broken XML ends the feed
/// with a problem naming the line; the items before it are kept.
/// </summary>
internal sealed class FeedDocumentReader
{
    /// <summary>Item fields nested deeper than this (under the item) are a problem, not content.</summary>
    public const int MaximumItemDepth = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    public IEnumerable<ReadItem> Read(DecodedText decoded, InputName name)
    {
        using var reader = XmlReader.Create(new StringReader(decoded.Text), Settings);
        var state = new FeedState();
        while (true)
        {
            FeedItem? item;
            XmlException? broken = null;
            try
            {
                item = NextItem(reader, state);
            }
            catch (XmlException e)
            {
                broken = e;
                item = null;
            }
            if (broken is not null)
            {
                var reason = state.IsFeed ? $"feed XML is broken: {broken.Message}" : $"not a readable RSS or Atom feed: {broken.Message}";
                yield return ReadItem.Failed(name.Path, broken.LineNumber > 0 ? broken.LineNumber : null, reason);
                yield break;
            }
            if (item is null) break;
            state.Items++;
            yield return Document(item, state, name, decoded);
        }
        if (!state.IsFeed) yield return ReadItem.Failed(name.Path, null, "XML but not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)");
        else if (state.Items == 0) yield return ReadItem.Failed(name.Path, null, "feed has no items");
    }

    private sealed class FeedState
    {
        public bool IsFeed { get; set; }

        public string? Title { get; set; }

        public int Items { get; set; }
    }

    /// <summary>An item's fields by local name (first occurrence wins), its links, and where it starts.</summary>
    private sealed class FeedItem(int line)
    {
        public int Line { get; } = line;

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

        public List<(string? Href, string? Relation, string Text)> Links { get; } = [];

        public string? About { get; set; }

        public bool TooDeep { get; set; }

        public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
    }

    // Moves to the next item and reads it, noting the feed's own title on the way; null at the end.
    private static FeedItem? NextItem(XmlReader reader, FeedState state)
    {
        var lineInfo = (IXmlLineInfo)reader;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var local = reader.LocalName;
            if (reader.Depth == 0)
            {
                state.IsFeed = local is "rss" or "feed" or "RDF";
                if (!state.IsFeed) return null;
                reader.Read();
                continue;
            }
            if (local is "item" or "entry")
            {
                var item = new FeedItem(lineInfo.LineNumber);
                ReadItemFields(reader, item);
                return item;
            }
            if (local == "title" && state.Title is null && reader.Depth <= 2)
            {
                state.Title = Clean(ReadFieldText(reader, out _));
                continue;
            }
            reader.Read();
        }
        return null;
    }

    private static void ReadItemFields(XmlReader reader, FeedItem item)
    {
        item.About = reader.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        var itemDepth = reader.Depth;
        if (reader.IsEmptyElement) { reader.Read(); return; }
        reader.Read();
        while (!reader.EOF && !(reader.Depth == itemDepth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != itemDepth + 1) { reader.Read(); continue; }
            var local = reader.LocalName;
            if (local == "link")
            {
                var href = reader.GetAttribute("href");
                var relation = reader.GetAttribute("rel");
                var text = ReadFieldText(reader, out var tooDeep);
                item.TooDeep |= tooDeep;
                item.Links.Add((href, relation, text));
                continue;
            }
            var value = ReadFieldText(reader, out var deep);
            item.TooDeep |= deep;
            item.Fields.TryAdd(local, value);
        }
        if (!reader.EOF) reader.Read();
    }

    /// <summary>
    /// Reads the element the reader is on, to its end tag, as text; markup nested inside (Atom's xhtml
    /// content) is written back as tags so that the HTML flattener sees its paragraphs. Leaves the reader
    /// after the end tag.
    /// </summary>
    private static string ReadFieldText(XmlReader reader, out bool tooDeep)
    {
        tooDeep = false;
        var depth = reader.Depth;
        if (reader.IsEmptyElement) { reader.Read(); return string.Empty; }
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.Element when reader.Depth - depth > MaximumItemDepth:
                    tooDeep = true;
                    break;
                case XmlNodeType.Element:
                    text.Append('<').Append(reader.LocalName).Append(reader.IsEmptyElement ? "/>" : ">");
                    break;
                case XmlNodeType.EndElement:
                    text.Append("</").Append(reader.LocalName).Append('>');
                    break;
            }
            reader.Read();
        }
        if (!reader.EOF) reader.Read();
        return text.ToString();
    }

    private static ReadItem Document(FeedItem item, FeedState state, InputName name, DecodedText decoded)
    {
        var number = state.Items;
        if (item.TooDeep) return ReadItem.Failed(name.Path, item.Line, $"feed item {number} is nested more than {MaximumItemDepth} levels deep");
        var warnings = ImmutableArray.CreateBuilder<string>();
        var title = Clean(Flatten(item["title"]));
        var body = Longest(item["encoded"], item["content"], item["description"], item["summary"]);
        var text = Flatten(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (title is null) return ReadItem.Failed(name.Path, item.Line, $"feed item {number} has neither text nor title");
            text = title;
            warnings.Add("the feed item has no description; its title is the text");
        }

        // RSS pubDate, Atom published (else updated), RSS 1.0 dc:date.
        var dateText = item["pubDate"] ?? item["published"] ?? item["date"] ?? item["updated"] ?? item["issued"];
        var published = PublicationDateParser.Parse(dateText);
        if (dateText is not null && published is null) warnings.Add($"item date \"{dateText.Trim()}\" not understood; publication date unknown");
        if (decoded.InvalidSequences > 0)
        {
            // XML gives no offsets into the decoded feed, so the replacements that reached this item are counted in its text.
            var replaced = text.AsSpan().Count('\uFFFD') + (title?.AsSpan().Count('\uFFFD') ?? 0);
            if (DecodedText.Warning(replaced, decoded.EncodingName) is { } bytes) warnings.Add(bytes);
        }

        var id = Clean(item["guid"]) ?? Clean(item["id"]) ?? name.IdOfItem(number);
        return ReadItem.Of(new SourceDocument(id, text, published, Language: null, title, state.Title, Link(item), name.OriginAtLine(item.Line))
        {
            Warnings = warnings.ToImmutable(),
        });
    }

    // RSS gives the link as text; Atom as <link href> (the "alternate" one is the article); RSS 1.0 as rdf:about.
    private static string? Link(FeedItem item)
    {
        string? fallback = null;
        foreach (var (href, relation, text) in item.Links)
        {
            if (href is null)
            {
                if (Clean(text) is { } plain) return plain;
                continue;
            }
            if (relation is null or "alternate") return Clean(href);
            fallback ??= Clean(href);
        }
        return fallback ?? Clean(item.About);
    }

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
