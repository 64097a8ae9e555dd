using System.Text.Json;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Invented rows in ACLED's new layout (not ACLED data): one scorable, one with empty notes.
    private const string AcledHeader =
        "event_id_cnty,event_date,event_type,sub_event_type,country,notes,fatalities\n";

    private const string ScorableRow =
        "MDA1,2024-03-02,Protests,Peaceful protest,Moldova,\"On 2 March 2024, farmers protested in Chisinau against fuel prices.\",0\n";

    [Fact]
    public void Eval_acled_exits_0_when_the_only_problem_is_a_skipped_row_with_empty_notes()
    {
        var file = Temporary(".csv", AcledHeader + ScorableRow + "MDA2,2024-03-03,Protests,Peaceful protest,Moldova,,0\n");

        var outcome = CliRunner.Run("eval", "acled", file);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal($"sitrep: {file}:3: skipped: empty notes, nothing to score\n", outcome.Error.ReplaceLineEndings("\n"));
        Assert.Contains("1 rows scored, 1 skipped", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    // Rows that cannot be read stay a failure, named, with the rest scored.
    [InlineData("MDA3,2024-13-03,Protests,Peaceful protest,Moldova,Farmers protested.,0\n", "event_date")]
    [InlineData("MDA4,2024-03-04,Protests,Peaceful protest,Moldova,Farmers protested.,many\n", "fatalities")]
    public void Eval_acled_exits_1_for_an_unreadable_row(string row, string named)
    {
        var file = Temporary(".csv", AcledHeader + ScorableRow + row);

        var outcome = CliRunner.Run("eval", "acled", file);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{file}:3: {named}", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("1 rows scored", outcome.Output, StringComparison.Ordinal);
    }
    private const string GoldLines =
        """
        {"id":"p1","language":"en","published":"2023-05-02","text":"Police fired tear gas at protesters in the capital on Monday and detained 12 of them.","expected":[{"eventType":"Protests","subEventType":"Protest with intervention","casualties":[{"outcome":"arrested","count":12,"status":"current","category":"protester"}]}]}
        {"id":"n1","language":"en","text":"The striker's attack was deadly in the second half.","nonConflict":true,"expected":[]}
        """;

    [Fact]
    public void Gold_scores_are_printed_as_json_per_category()
    {
        var file = Temporary(".jsonl", GoldLines);
        var outcome = CliRunner.Run("eval", "gold", file, "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal(2, json.RootElement.GetProperty("documents").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("categories").EnumerateArray(), c => c.GetProperty("name").GetString() == "casualties");
    }

    [Fact]
    public void An_unmet_min_f1_exits_with_3_and_says_which_score()
    {
        // No extractor can find a battle in this text, so the pooled F1 is under 1 whatever extraction does.
        var file = Temporary(".jsonl", """{"id":"x","language":"en","text":"Nothing happened today.","expected":[{"eventType":"Battles"}]}""");

        Assert.Equal(2, CliRunner.Run("eval", "gold", file, "--min-f1", "1.01").ExitCode); // out of range: a usage error
        var outcome = CliRunner.Run("eval", "gold", file, "--min-f1", "1");
        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("quality gate: overall", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_baseline_is_met_by_the_same_run_and_a_higher_one_is_not()
    {
        var file = Temporary(".jsonl", GoldLines);
        var baseline = Path.Combine(_directory, "baseline.json");
        {
            Assert.Equal(0, CliRunner.Run("eval", "gold", file, "--write-baseline", baseline).ExitCode);
            Assert.Equal(0, CliRunner.Run("eval", "gold", file, "--baseline", baseline).ExitCode);

            using (var json = JsonDocument.Parse(File.ReadAllText(baseline)))
            {
                var floors = json.RootElement.GetProperty("floors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
                floors["overall"] = 1.5; // an F1 above 1 cannot be reached
                File.WriteAllText(baseline, JsonSerializer.Serialize(new { schema = "sitrep-gold-baseline/1", floors }));
            }
            var outcome = CliRunner.Run("eval", "gold", file, "--baseline", baseline);
            Assert.Equal(3, outcome.ExitCode);
            Assert.Contains("overall: F1", outcome.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("eval", "gold", "/nonexistent/gold.jsonl")]     // missing gold file
    [InlineData("eval", "acled", "/nonexistent/acled.csv")]    // missing ACLED file
    public void A_missing_file_is_named_and_exits_with_1(params string[] args)
    {
        var outcome = CliRunner.Run(args);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("/nonexistent/", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval", "gold", "x.jsonl", "--errors", "-1")]          // negative count
    [InlineData("eval", "gold", "x.jsonl", "--baseline", "/nonexistent/b.json")] // unreadable baseline
    [InlineData("eval", "frobnicate", "x")]                             // unknown data kind
    public void Usage_errors_exit_with_2(params string[] args)
    {
        Assert.Equal(2, CliRunner.Run(args).ExitCode);
    }

    private string Temporary(string extension, string content)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}{extension}");
        File.WriteAllText(file, content);
        return file;
    }
}
