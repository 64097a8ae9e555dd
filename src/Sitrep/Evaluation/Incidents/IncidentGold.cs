using System.Text.Json;

namespace Sitrep.Evaluation.Incidents;

/// <summary>
/// What a fusion gold line says about its document (docs/INCIDENTS.md, "Golden set"): the real incident its
/// primary current event belongs to (null when it reports none: a historical mention, a statement), and for one
/// line of each incident the range its toll must fall in.
/// </summary>
public sealed record IncidentGold(string Document, string? Incident, int? FatalitiesLow, int? FatalitiesHigh, string? Note)
{
    /// <summary>Reads the "gold" object of each line of a fusion gold file; a line without one, or unreadable, is named in <paramref name="problems"/>.</summary>
    public static List<IncidentGold> Read(string path, List<string> problems)
    {
        var gold = new List<IncidentGold>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || !root.TryGetProperty("gold", out var g) || g.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}:{number}: expected an \"id\" and a \"gold\" object");
                    continue;
                }
                var incident = g.TryGetProperty("incident", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString() : null;
                int? low = null, high = null;
                if (g.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Object)
                {
                    low = f.TryGetProperty("low", out var l) && l.TryGetInt32(out var lv) ? lv : null;
                    high = f.TryGetProperty("high", out var h) && h.TryGetInt32(out var hv) ? hv : null;
                }
                var note = g.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                gold.Add(new IncidentGold(id.GetString()!, incident, low, high, note));
            }
            catch (JsonException e)
            {
                problems.Add($"{path}:{number}: not JSON ({e.Message})");
            }
        }
        return gold;
    }
}
