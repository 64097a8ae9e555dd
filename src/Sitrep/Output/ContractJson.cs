using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Output;

/// <summary>
/// The one place that decides how results look as JSON: camelCase names, nulls written out
/// (the contract shows "title": null), no indentation unless asked.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            // Article text is shown to people; keep non-ASCII letters readable but escape HTML-significant characters.
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            TypeInfoResolver = ContractJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(DocumentResult result, bool indented = false) =>
        JsonSerializer.Serialize(result, indented ? Indented : Compact);

    /// <summary>An incident of <c>sitrep incidents</c> (docs/INCIDENTS.md), in the same style.</summary>
    public static string Serialize(Incidents.Incident incident, bool indented = false) =>
        JsonSerializer.Serialize(incident, indented ? Indented : Compact);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DocumentResult))]
[JsonSerializable(typeof(IReadOnlyList<DocumentResult>))]
[JsonSerializable(typeof(Incidents.Incident))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
