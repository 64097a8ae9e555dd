using System.Text.Json;
using Sitrep.Evaluation.Acled;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// Runs the ACLED evaluation on the shared development sample (../shared, present in CI). Checks the
/// report is complete and consistent; it asserts no score targets (those are reported in docs/EVALUATION.md).
/// </summary>
public sealed class AcledSampleEvaluationTests
{
    private static readonly string Sample = SharedData.PathOf("data", "acled-2020-sample.csv");

    [Fact]
    public void The_report_on_the_shared_sample_has_every_metric_with_counts_that_add_up()
    {
        Assert.True(File.Exists(Sample), $"the shared sample is missing: {Sample}");
        var read = new AcledGoldReader().Read(Sample);
        Assert.True(read.Rows.Count > 5000, $"{read.Rows.Count} rows read");

        var report = new AcledEvaluator(new ExtractionPipeline()).Evaluate(Sample, read.Rows, read.Problems.Count + read.Skipped.Count, worstCases: 5);

        Assert.Equal(read.Rows.Count, report.Rows);
        Assert.Equal(AcledMetricNames.All, report.Metrics.Select(m => m.Name));
        var detected = report.Metrics.Single(m => m.Name == AcledMetricNames.Detection).AllRows.Correct;
        foreach (var metric in report.Metrics)
        {
            // Every row carries iso3 and coordinates in this file, so every metric counts every row.
            Assert.Equal(report.Rows, metric.AllRows.Total);
            Assert.Equal(detected, metric.DetectedRows.Total);
            Assert.InRange(metric.AllRows.Rate, 0, 1);
            Assert.True(metric.AllRows.Correct <= detected, $"{metric.Name}: more right than detected");
        }
        Assert.Equal(report.Rows, report.EventType.PerClass.Sum(c => c.Support));
        Assert.Equal(report.Rows, report.SubEventType.PerClass.Sum(c => c.Support));
        Assert.Equal(6, report.EventType.PerClass.Length);
        Assert.InRange(report.SubEventType.WeightedF1, 0, 1);
        Assert.Equal(5, report.Worst.Length);
        Assert.All(report.Worst, c => Assert.Contains(c.Id, read.Rows.Select(r => r.Id)));
    }

    [Fact]
    public void The_command_prints_the_report_as_json_with_the_worst_cases()
    {
        var outcome = CliRunner.Run("eval", "acled", Sample, "--json", "--errors", "3");

        Assert.InRange(outcome.ExitCode, 0, 1); // 1 when some rows cannot be read: each is named on standard error
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal("sitrep-eval-acled/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(AcledMetricNames.All.Length, json.RootElement.GetProperty("metrics").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("worst").GetArrayLength());
        var skipped = json.RootElement.GetProperty("skipped").GetInt32();
        Assert.Equal(skipped, outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
