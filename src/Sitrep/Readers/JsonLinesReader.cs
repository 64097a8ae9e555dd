using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads JSON Lines: one object a line with <c>text</c> (required), <c>id</c>, <c>published</c>, <c>title</c>,
/// <c>url</c>, <c>source</c>, <c>language</c>. A broken line is a problem with its line number; the lines
/// around it are still read. Blank lines are skipped.
/// </summary>
internal sealed class JsonLinesReader
{
    /// <summary>
    /// How deep objects and arrays may nest in a line. Parsing is not recursive, so depth costs no stack; the
    /// limit only stops a line that is nothing but brackets. Documents nest two or three levels.
    /// </summary>
    public const int MaxDepth = 4096;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip };

    private readonly long _maxLineBytes;

    public JsonLinesReader(long maxLineBytes = long.MaxValue)
    {
        _maxLineBytes = maxLineBytes;
    }

    public long MaxLineBytes => _maxLineBytes;

    public IEnumerable<ReadItem> Read(IEnumerable<TextLine> lines, InputName name)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (line.SkippedBytes > 0)
            {
                first = false;
                yield return ReadItem.Failed(name.Path, line.Number, InputReader.TooLarge(line.SkippedBytes, _maxLineBytes));
                continue;
            }
            if (line.IsBlank) continue;
            if (first && (line.IsOnly('{') || line.FirstCharacter == '['))
            {
                // A pretty-printed object or an array would give one confusing problem per line; say it once.
                yield return ReadItem.Failed(name.Path, line.Number, "JSON spread over lines or in an array; JSON Lines needs one object per line");
                yield break;
            }
            first = false;
            yield return ReadLine(line, name);
        }
    }

    private static ReadItem ReadLine(TextLine line, InputName name)
    {
        JsonDocument json;
        try
        {
            json = line.Text is null ? JsonDocument.Parse(line.Utf8, Options) : JsonDocument.Parse(line.Text, Options);
        }
        catch (JsonException e)
        {
            if (NestingDepth(line) > MaxDepth)
                return ReadItem.Failed(name.Path, line.Number, string.Create(CultureInfo.InvariantCulture, $"JSON nested more than {MaxDepth} levels deep (the most Sitrep reads)"));
            var column = e.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $" near column {position + 1}") : string.Empty;
            return ReadItem.Failed(name.Path, line.Number, $"not valid JSON{column}");
        }
        try
        {
            return ReadObject(json, line, name);
        }
        catch (InvalidOperationException)
        {
            // The parser accepts "\udc00" (a lone surrogate escape), but it cannot become text: the line is bad, not the file.
            return ReadItem.Failed(name.Path, line.Number, "a string holds a \\u escape of a lone surrogate (half of a UTF-16 pair), which is not text");
        }
    }

    /// <summary>The deepest nesting of objects and arrays in a line, outside strings: told only when a parse failed.</summary>
    private static int NestingDepth(TextLine line)
    {
        var text = line.Text is null ? System.Text.Encoding.UTF8.GetString(line.Utf8.Span) : line.Text;
        int depth = 0, deepest = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '{' or '[') deepest = Math.Max(deepest, ++depth);
            else if (c is '}' or ']') depth--;
        }
        return deepest;
    }

    private static ReadItem ReadObject(JsonDocument json, TextLine line, InputName name)
    {
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ReadItem.Failed(name.Path, line.Number, $"expected a JSON object, found {Describe(root.ValueKind)}");
            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind == JsonValueKind.Null)
                return ReadItem.Failed(name.Path, line.Number, "no \"text\" field");
            if (textElement.ValueKind != JsonValueKind.String)
                return ReadItem.Failed(name.Path, line.Number, $"\"text\" is {Describe(textElement.ValueKind)}, not a string");
            var text = textElement.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
                return ReadItem.Failed(name.Path, line.Number, "\"text\" is empty");

            var warnings = ImmutableArray.CreateBuilder<string>();
            if (line.Warning is { } bytes) warnings.Add(bytes);
            var publishedText = OptionalString(root, "published", warnings);
            var published = PublicationDateParser.Parse(publishedText);
            if (publishedText is not null && published is null)
                warnings.Add($"\"published\" value \"{publishedText}\" is not a date; publication date unknown");

            var document = new SourceDocument(
                Id: Identifier(root) ?? name.IdAtLine(line.Number),
                Text: text,
                Published: published,
                Language: LanguageTag.Primary(OptionalString(root, "language", warnings)),
                Title: OptionalString(root, "title", warnings),
                Source: OptionalString(root, "source", warnings),
                Url: OptionalString(root, "url", warnings),
                Origin: name.OriginAtLine(line.Number))
            {
                Warnings = warnings.ToImmutable(),
            };
            return ReadItem.Of(document);
        }
    }

    // Ids are often numbers in exported corpora; both are kept as written.
    private static string? Identifier(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var id)) return null;
        return id.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(id.GetString()) => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static string? OptionalString(JsonElement root, string property, ImmutableArray<string>.Builder warnings)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        warnings.Add($"\"{property}\" is {Describe(value.ValueKind)}, not a string; ignored");
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };
}
