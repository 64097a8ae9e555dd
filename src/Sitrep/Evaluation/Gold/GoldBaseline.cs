using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Evaluation.Reporting;

namespace Sitrep.Evaluation.Gold;

/// <summary>
/// Per-category F1 floors that a gold run must reach (the regression gate). Written from a real run with
/// <c>sitrep eval gold FILE --write-baseline BASELINE</c>; floors are the run's F1 rounded down to 3 decimals.
/// </summary>
public sealed record GoldBaseline(ImmutableDictionary<string, double> Floors)
{
    public string Schema { get; init; } = "sitrep-gold-baseline/1";

    /// <summary>Floors sit this far under the measured F1 at most, so that re-running the same code always passes.</summary>
    public const int Decimals = 3;

    public static GoldBaseline From(GoldReport report) =>
        new(report.Categories.Append(report.Overall).ToImmutableDictionary(c => c.Name, c => Math.Floor(c.F1 * 1000) / 1000, StringComparer.Ordinal));

    /// <summary>The categories whose F1 is under their floor, as readable lines; empty when the gate passes.</summary>
    public ImmutableArray<string> Regressions(GoldReport report)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, floor) in Floors.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var score = string.Equals(name, "overall", StringComparison.Ordinal) ? report.Overall : report.Category(name);
            if (score is null) lines.Add($"{name}: in the baseline but not in the report");
            else if (score.F1 < floor - 1e-9) lines.Add(FormattableString.Invariant($"{name}: F1 {score.F1:F3} is under the baseline {floor:F3}"));
        }
        return lines.ToImmutable();
    }

    public static GoldBaseline? Load(string path, out string? problem)
    {
        problem = null;
        try
        {
            var text = File.ReadAllText(path);
            var file = JsonSerializer.Deserialize(text, EvaluationJsonContext.Default.GoldBaselineFile);
            if (file?.Floors is null || file.Floors.Count == 0) { problem = $"{path}: no floors"; return null; }
            return new GoldBaseline(file.Floors.ToImmutableDictionary(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"{path}: {e.Message}";
            return null;
        }
    }

    public void Save(string path)
    {
        var file = new GoldBaselineFile(Schema, new SortedDictionary<string, double>(Floors, StringComparer.Ordinal));
        File.WriteAllText(path, JsonSerializer.Serialize(file, EvaluationJsonContext.Default.GoldBaselineFile) + "\n");
    }
}

/// <summary>The baseline as stored on disk.</summary>
public sealed record GoldBaselineFile(string Schema, SortedDictionary<string, double> Floors);
