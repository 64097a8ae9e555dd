using System.Text.Json.Serialization;
using Sitrep.Evaluation.Acled;
using Sitrep.Evaluation.Gold;
using Sitrep.Evaluation.Quiet;

namespace Sitrep.Evaluation.Reporting;

/// <summary>JSON for evaluation reports and baselines: camelCase, indented (they are read by people too).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(AcledReport))]
[JsonSerializable(typeof(GoldReport))]
[JsonSerializable(typeof(GoldBaselineFile))]
[JsonSerializable(typeof(QuietReport))]
[JsonSerializable(typeof(Incidents.IncidentScores))]
[JsonSerializable(typeof(Incidents.IncidentBaselineFile))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;

/// <summary>Serialises evaluation reports for <c>--json</c>.</summary>
public static class EvaluationJson
{
    public static string Serialize(AcledReport report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.AcledReport);

    public static string Serialize(GoldReport report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.GoldReport);

    public static string Serialize(QuietReport report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.QuietReport);

    public static string Serialize(Incidents.IncidentScores report) => System.Text.Json.JsonSerializer.Serialize(report, EvaluationJsonContext.Default.IncidentScores);
}
