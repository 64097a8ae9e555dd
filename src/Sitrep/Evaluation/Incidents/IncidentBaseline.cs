using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Evaluation.Reporting;

namespace Sitrep.Evaluation.Incidents;

/// <summary>
/// The floors a run of <c>sitrep eval incidents</c> on the fusion golden set must reach (the regression gate CI
/// runs): pairwise F1, B-cubed F1 and the share of right tolls. Written from a real run with
/// <c>--write-baseline</c>; each floor is the measured score rounded down to 3 decimals, so re-running the same
/// code passes and any loss fails.
/// </summary>
public sealed record IncidentBaseline(ImmutableDictionary<string, double> Floors)
{
    public const string SchemaName = "sitrep-incident-baseline/1";

    public static IncidentBaseline From(IncidentScores scores) =>
        new(Measures(scores).ToImmutableDictionary(m => m.Key, m => Math.Floor(m.Value * 1000) / 1000, StringComparer.Ordinal));

    /// <summary>The measures gated, by name: what docs/INCIDENTS.md reports.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Measures(IncidentScores scores)
    {
        yield return new("pairF1", scores.PairF1);
        yield return new("bcubedF1", scores.BCubedF1);
        yield return new("fatalities", TollShare(scores));
    }

    /// <summary>The share of scored incidents whose best toll is within the gold range (1 when none is scored).</summary>
    public static double TollShare(IncidentScores scores) =>
        scores.FatalitiesScored == 0 ? 1 : (double)scores.FatalitiesRight / scores.FatalitiesScored;

    /// <summary>The measures under their floor, as readable lines; empty when the gate passes.</summary>
    public ImmutableArray<string> Regressions(IncidentScores scores)
    {
        var measured = Measures(scores).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, floor) in Floors.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!measured.TryGetValue(name, out var score)) lines.Add($"{name}: in the baseline but not measured (known: pairF1, bcubedF1, fatalities)");
            else if (score < floor - 1e-9) lines.Add(FormattableString.Invariant($"{name} {score:F3} is under the baseline {floor:F3}"));
        }
        return lines.ToImmutable();
    }

    public static IncidentBaseline? Load(string path, out string? problem)
    {
        problem = null;
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), EvaluationJsonContext.Default.IncidentBaselineFile);
            if (file?.Floors is null || file.Floors.Count == 0) { problem = $"{path}: no floors"; return null; }
            return new IncidentBaseline(file.Floors.ToImmutableDictionary(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"{path}: {e.Message}";
            return null;
        }
    }

    public void Save(string path)
    {
        var file = new IncidentBaselineFile(SchemaName, new SortedDictionary<string, double>(Floors, StringComparer.Ordinal));
        File.WriteAllText(path, JsonSerializer.Serialize(file, EvaluationJsonContext.Default.IncidentBaselineFile) + "\n");
    }
}

/// <summary>The incident baseline as stored on disk.</summary>
public sealed record IncidentBaselineFile(string Schema, SortedDictionary<string, double> Floors);
