using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Evaluation.Gold;

/// <summary>
/// Reads a gold file (JSON Lines, docs/GOLD-FORMAT.md). Each malformed line becomes a problem naming the
/// line and the field; the good lines are still returned. Blank lines and lines starting with <c>//</c> are skipped.
/// </summary>
public sealed class GoldSetReader
{
    public GoldReadResult Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GoldReadResult([], [new InputProblem(path, null, $"cannot open: {e.Message}")]);
        }
    }

    public GoldReadResult Read(TextReader reader, string path)
    {
        var documents = new List<GoldDocument>();
        var problems = new List<InputProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var document = ParseDocument(json.RootElement, number);
                if (!ids.Add(document.Id)) throw new GoldFormatException($"id '{document.Id}' is used twice");
                documents.Add(document);
            }
            catch (JsonException e)
            {
                problems.Add(new InputProblem(path, number, $"not JSON: {e.Message}"));
            }
            catch (GoldFormatException e)
            {
                problems.Add(new InputProblem(path, number, e.Message));
            }
        }
        if (documents.Count == 0 && problems.Count == 0) problems.Add(new InputProblem(path, null, "no gold documents"));
        return new GoldReadResult([.. documents], [.. problems]);
    }

    private static GoldDocument ParseDocument(JsonElement root, int line)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new GoldFormatException("a line must be a JSON object");
        var id = RequiredString(root, "id");
        var text = RequiredString(root, "text");
        var published = OptionalString(root, "published");
        if (published is not null && !PartialDate.TryParse(published, out _)) throw new GoldFormatException($"published '{published}' is not YYYY[-MM[-DD]]");
        var nonConflict = root.TryGetProperty("nonConflict", out var flag) && flag.ValueKind == JsonValueKind.True;
        var expected = Array(root, "expected").Select((e, i) => ParseEvent(e, $"expected[{i}]")).ToImmutableArray();
        if (nonConflict && expected.Any(e => e.Status == "current"))
            throw new GoldFormatException("nonConflict documents cannot expect a current event");
        if (!nonConflict && expected.IsEmpty)
            throw new GoldFormatException("expected is empty: annotate the events, or mark the text nonConflict");
        var tags = Array(root, "tags").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new GoldFormatException("tags must be strings")).ToImmutableArray();
        return new GoldDocument(line, id, published, OptionalString(root, "language"), text, nonConflict, tags, expected);
    }

    private static GoldEvent ParseEvent(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new GoldFormatException($"{where} must be an object");
        var type = RequiredString(element, "eventType", where);
        if (!GoldVocabulary.SubEventTypes.TryGetValue(type, out var subTypes)) throw new GoldFormatException($"{where}.eventType '{type}' is not in the taxonomy");
        var subType = OptionalString(element, "subEventType");
        if (subType is not null && !subTypes.Contains(subType)) throw new GoldFormatException($"{where}.subEventType '{subType}' is not a sub-type of {type}");
        var status = OptionalString(element, "status") ?? "current";
        if (!GoldVocabulary.Statuses.Contains(status)) throw new GoldFormatException($"{where}.status '{status}' is unknown");
        int? best = null;
        if (element.TryGetProperty("fatalities", out var fatalities) && fatalities.ValueKind != JsonValueKind.Null)
        {
            best = fatalities.ValueKind switch
            {
                JsonValueKind.Number => fatalities.GetInt32(),
                JsonValueKind.Object when fatalities.TryGetProperty("best", out var b) && b.ValueKind == JsonValueKind.Number => b.GetInt32(),
                _ => throw new GoldFormatException($"{where}.fatalities must be a number or {{low, best, high}}"),
            };
        }
        var casualties = Array(element, "casualties").Select((c, i) => ParseCasualty(c, $"{where}.casualties[{i}]")).ToImmutableArray();
        var claimants = Array(element, "claimants").Select(c => ParseName(c, $"{where}.claimants")).ToImmutableArray();
        var via = Array(element, "via").Select(c => ParseName(c, $"{where}.via")).ToImmutableArray();
        var places = Array(element, "places").Select((p, i) => ParsePlace(p, $"{where}.places[{i}]")).ToImmutableArray();
        return new GoldEvent(type, subType, status, best, casualties, claimants, via, places);
    }

    private static GoldCasualty ParseCasualty(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new GoldFormatException($"{where} must be an object");
        var outcome = RequiredString(element, "outcome", where);
        if (!GoldVocabulary.Outcomes.Contains(outcome)) throw new GoldFormatException($"{where}.outcome '{outcome}' is unknown");
        if (!element.TryGetProperty("count", out var countElement)) throw new GoldFormatException($"{where}.count is required (null for a loss not given)");
        GoldCount? count = countElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => new GoldCount(countElement.GetInt64(), null, null),
            JsonValueKind.Object => new GoldCount(null, OptionalLong(countElement, "min"), OptionalLong(countElement, "max")),
            _ => throw new GoldFormatException($"{where}.count must be a number, null or {{min, max}}"),
        };
        if (count is { Value: null, Min: null, Max: null }) throw new GoldFormatException($"{where}.count needs min or max");
        var status = OptionalString(element, "status") ?? "current";
        if (!GoldVocabulary.Statuses.Contains(status)) throw new GoldFormatException($"{where}.status '{status}' is unknown");
        var category = OptionalString(element, "category");
        if (category is not null && !GoldVocabulary.Categories.Contains(category)) throw new GoldFormatException($"{where}.category '{category}' is unknown");
        GoldName? claimant = element.TryGetProperty("claimant", out var c) && c.ValueKind != JsonValueKind.Null ? ParseName(c, $"{where}.claimant") : null;
        var via = Array(element, "via").Select(v => ParseName(v, $"{where}.via")).ToImmutableArray();
        return new GoldCasualty(outcome, count, status, category, claimant, via);
    }

    private static GoldPlace ParsePlace(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new GoldFormatException($"{where} must be an object");
        var country = OptionalString(element, "country");
        if (country is not null && (country.Length != 3 || !country.All(char.IsAsciiLetterUpper))) throw new GoldFormatException($"{where}.country '{country}' is not ISO alpha-3");
        GoldName? name = element.TryGetProperty("name", out var n) && n.ValueKind != JsonValueKind.Null ? ParseName(n, $"{where}.name") : null;
        if (country is null && name is null) throw new GoldFormatException($"{where} needs a country or a name");
        return new GoldPlace(country, name);
    }

    private static GoldName ParseName(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString() is { Length: > 0 } s => new GoldName([s]),
        JsonValueKind.Array when element.GetArrayLength() > 0 && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            new GoldName([.. element.EnumerateArray().Select(e => e.GetString()!)]),
        _ => throw new GoldFormatException($"{where}: a name is a string or an array of accepted spellings"),
    };

    private static JsonElement[] Array(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw new GoldFormatException($"{name} must be an array");
        return value.EnumerateArray().ToArray();
    }

    private static string RequiredString(JsonElement parent, string name, string? where = null) =>
        OptionalString(parent, name) is { Length: > 0 } value ? value : throw new GoldFormatException($"{(where is null ? "" : where + ".")}{name} is required");

    private static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new GoldFormatException($"{name} must be a string");
    }

    private static long? OptionalLong(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private sealed class GoldFormatException(string message) : Exception(message);
}

/// <summary>The documents read from a gold file and the lines that could not be read.</summary>
public sealed record GoldReadResult(IReadOnlyList<GoldDocument> Documents, IReadOnlyList<InputProblem> Problems);
