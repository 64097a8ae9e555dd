using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Watch.Configuration;

/// <summary>
/// A JSON value that remembers the line it starts on, so that a configuration file's mistakes can be
/// named by line ("sources.json:14: interval "5 minutes" is not a duration"). System.Text.Json's DOM
/// forgets positions; this keeps them. Comments and trailing commas are allowed, as people write them.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }

    public string? String { get; private init; }

    /// <summary>The number as written (parsed where it is used, so "1.5" and "2" each mean what the field needs).</summary>
    public string? NumberText { get; private init; }

    /// <summary>Object members in file order, each with the line of its name.</summary>
    public IReadOnlyList<(string Name, int Line, JsonTree Value)> Members { get; private init; } = [];

    public IReadOnlyList<JsonTree> Items { get; private init; } = [];

    public static JsonTree Parse(byte[] utf8, string path)
    {
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        try
        {
            if (!reader.Read()) throw new ConfigurationFileException(path, null, "empty file");
            var tree = ReadValue(ref reader, lines);
            if (reader.Read()) throw new ConfigurationFileException(path, lines.LineOf(reader.TokenStartIndex), "text after the end of the JSON value");
            return tree;
        }
        catch (JsonException e)
        {
            // The reader's positions are 0-based; people count lines from 1.
            var line = e.LineNumber is { } number ? (int)number + 1 : (int?)null;
            throw new ConfigurationFileException(path, line, $"not valid JSON ({FirstSentence(e.Message)})");
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<(string, int, JsonTree)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameLine = lines.LineOf(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    members.Add((name, nameLine, ReadValue(ref reader, lines)));
                }
                return new JsonTree(JsonValueKind.Object, line) { Members = members };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadValue(ref reader, lines));
                return new JsonTree(JsonValueKind.Array, line) { Items = items };
            }
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { String = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line) { NumberText = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line);
            default:
                return new JsonTree(JsonValueKind.Null, line);
        }
    }

    public string Describe() => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text \"{String}\"",
        JsonValueKind.Number => $"the number {NumberText}",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };

    public bool TryGetNumber(out double value) =>
        double.TryParse(NumberText, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    /// <summary>Byte offsets where lines start, for the line of any token.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _starts = [0];

        public LineIndex(byte[] utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n') _starts.Add(i + 1);
            }
        }

        public int LineOf(long offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
