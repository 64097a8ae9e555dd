using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Sitrep.Readers;

/// <summary>
/// Turns HTML into readable text in one linear pass without building a tree: drops scripts, styles and
/// comments, decodes entities, and starts a new paragraph at block elements. Used for feed item
/// descriptions and as the safe fallback for pages too deep or too broken for the DOM path. Never throws.
/// </summary>
internal static class HtmlTextFlattener
{
    // Elements whose content is never article text.
    private static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "title", "svg", "iframe", "object", "textarea", "select");

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article", "section",
        "blockquote", "header", "footer", "pre", "hr", "dd", "dt", "dl", "figcaption", "figure", "main", "aside", "nav",
        "address", "body", "html", "td", "th", "caption", "form", "fieldset", "details", "summary");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippedLookup = Skipped.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockLookup = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Flatten(string html)
    {
        var text = new ParagraphBuilder(html.Length);
        var span = html.AsSpan();
        var position = 0;
        while (position < span.Length)
        {
            var open = span[position..].IndexOf('<');
            var textEnd = open < 0 ? span.Length : position + open;
            if (textEnd > position) text.AppendText(Decode(span[position..textEnd]));
            if (open < 0) break;
            position = SkipMarkup(span, textEnd, text);
        }
        return text.ToString();
    }

    // Handles the markup that starts at '<' and returns where text resumes.
    private static int SkipMarkup(ReadOnlySpan<char> html, int at, ParagraphBuilder text)
    {
        var rest = html[at..];
        if (rest.StartsWith("<!--")) return EndOf(html, at + 4, "-->");
        if (rest.Length > 1 && rest[1] is '!' or '?') return EndOf(html, at + 1, ">");
        var closing = rest.Length > 1 && rest[1] == '/';
        var nameStart = at + (closing ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
        if (nameEnd == nameStart)
        {
            // A lone '<' in text ("3 < 5") is text.
            text.AppendText("<");
            return at + 1;
        }
        var tagEnd = EndOf(html, nameEnd, ">");
        var name = html[nameStart..nameEnd];
        if (BlockLookup.Contains(name)) text.BreakParagraph();
        if (!closing && SkippedLookup.Contains(name) && html[tagEnd - 2] != '/')
        {
            // Skip to the matching end tag; script and style content is raw text, so nothing inside counts.
            var end = IndexOfEndTag(html, tagEnd, name);
            return end < 0 ? html.Length : EndOf(html, end, ">");
        }
        return tagEnd;
    }

    private static int IndexOfEndTag(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        var position = from;
        while (position < html.Length)
        {
            var found = html[position..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0) return -1;
            var start = position + found;
            var candidate = html[(start + 2)..];
            if (candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (candidate.Length == name.Length || !char.IsAsciiLetterOrDigit(candidate[name.Length])))
            {
                return start;
            }
            position = start + 2;
        }
        return -1;
    }

    private static int EndOf(ReadOnlySpan<char> html, int from, string terminator)
    {
        var found = html[Math.Min(from, html.Length)..].IndexOf(terminator, StringComparison.Ordinal);
        return found < 0 ? html.Length : from + found + terminator.Length;
    }

    private static string Decode(ReadOnlySpan<char> text) =>
        text.Contains('&') ? WebUtility.HtmlDecode(text.ToString()) : text.ToString();
}

/// <summary>
/// Collects text as paragraphs: runs of blanks become one space, lines are trimmed, and paragraphs are
/// separated by one blank line, so extracted text reads like the page.
/// </summary>
internal sealed class ParagraphBuilder(int capacity)
{
    private readonly StringBuilder _text = new(Math.Min(capacity, 1 << 20));
    private bool _pendingSpace;
    private bool _pendingBreak;

    public void AppendText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                _pendingSpace = true;
                continue;
            }
            if (_text.Length > 0)
            {
                if (_pendingBreak) _text.Append("\n\n");
                else if (_pendingSpace) _text.Append(' ');
            }
            _pendingBreak = false;
            _pendingSpace = false;
            _text.Append(c);
        }
    }

    public void AppendText(string text) => AppendText(text.AsSpan());

    public void BreakParagraph() => _pendingBreak = true;

    public override string ToString() => _text.ToString();
}
