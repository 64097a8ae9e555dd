using System.Text.Json.Serialization;
using Sitrep.Evaluation.Acled;
using Sitrep.Evaluation.Gold;

namespace Sitrep.Evaluation.Reporting;

/// <summary>JSON for evaluation reports and baselines: camelCase, indented (they are read by people too).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(AcledReport))]
[JsonSerializable(typeof(GoldReport))]
[JsonSerializable(typeof(GoldBaselineFile))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;

/// <summary>Serialises evaluation reports for <c>--json</c>.</summary>
public static class EvaluationJson
{
    public static string Serialize(AcledReport report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.AcledReport);

    public static string Serialize(GoldReport report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.GoldReport);
}
