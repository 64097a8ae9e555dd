using System.Globalization;
using System.Text.Json;

namespace Sitrep.Watch.Configuration;

/// <summary>
/// Reads the members of one JSON object of a configuration file, type-checking each and naming the line of
/// any mistake. Unknown members are errors too (a misspelt "intervall" must not be silently ignored).
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonTree _tree;
    private readonly string _path;
    private readonly string _what;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public ObjectReader(JsonTree tree, string path, string what)
    {
        if (tree.Kind != JsonValueKind.Object) throw new ConfigurationFileException(path, tree.Line, $"{what} must be an object, not {tree.Describe()}");
        _tree = tree;
        _path = path;
        _what = what;
    }

    public int Line => _tree.Line;

    public string Path => _path;

    public JsonTree? Member(string name)
    {
        _known.Add(name);
        foreach (var (member, _, value) in _tree.Members)
        {
            if (member == name) return value;
        }
        return null;
    }

    public ConfigurationFileException Error(JsonTree at, string reason) => new(_path, at.Line, reason);

    public string? String(string name)
    {
        if (Member(name) is not { } value || value.Kind == JsonValueKind.Null) return null;
        if (value.Kind != JsonValueKind.String) throw Error(value, $"\"{name}\" must be text, not {value.Describe()}");
        return value.String;
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } text ? text : throw new ConfigurationFileException(_path, _tree.Line, $"{_what} needs \"{name}\"");

    public bool? Boolean(string name)
    {
        if (Member(name) is not { } value || value.Kind == JsonValueKind.Null) return null;
        return value.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(value, $"\"{name}\" must be true or false, not {value.Describe()}"),
        };
    }

    public double? Number(string name, double minimum, double maximum)
    {
        if (Member(name) is not { } value || value.Kind == JsonValueKind.Null) return null;
        if (value.Kind != JsonValueKind.Number || !value.TryGetNumber(out var number)) throw Error(value, $"\"{name}\" must be a number, not {value.Describe()}");
        if (number < minimum || number > maximum)
        {
            throw Error(value, string.Create(CultureInfo.InvariantCulture, $"\"{name}\" {value.NumberText} is out of range ({minimum} to {maximum})"));
        }
        return number;
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public IReadOnlyList<(string Text, JsonTree At)> Strings(string name)
    {
        if (Member(name) is not { } value || value.Kind == JsonValueKind.Null) return [];
        if (value.Kind == JsonValueKind.String) return [(value.String!, value)];
        if (value.Kind != JsonValueKind.Array) throw Error(value, $"\"{name}\" must be a list of texts, not {value.Describe()}");
        var list = new List<(string, JsonTree)>();
        foreach (var item in value.Items)
        {
            if (item.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.String)) throw Error(item, $"\"{name}\" must hold texts only, not {item.Describe()}");
            list.Add((item.String!, item));
        }
        return list;
    }

    /// <summary>Call last: any member that no reader asked for is a mistake in the file.</summary>
    public void RejectUnknown(string known)
    {
        foreach (var (member, line, _) in _tree.Members)
        {
            if (!_known.Contains(member)) throw new ConfigurationFileException(_path, line, $"unknown field \"{member}\" in {_what} (known: {known})");
        }
    }
}
