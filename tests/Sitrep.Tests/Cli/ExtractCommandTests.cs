using System.Text.Json;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

public sealed class ExtractCommandTests
{
    [Fact]
    public void A_dated_text_file_gives_its_date_and_language()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "  date 2021-03-04 Soldiers were killed when the convoy was attacked near the border, the army said.");
        try
        {
            var outcome = CliRunner.Run("extract", file, "--format", "jsonl");
            Assert.Equal(0, outcome.ExitCode);
            using var json = JsonDocument.Parse(outcome.Output);
            var document = json.RootElement.GetProperty("document");
            Assert.Equal("2021-03-04", document.GetProperty("published").GetString());
            Assert.Equal("en", document.GetProperty("language").GetString());
            Assert.Equal("sitrep/1", json.RootElement.GetProperty("schema").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("extract", "--lang", "xx", "-")]             // unknown language
    [InlineData("extract", "--published", "2020-13", "-")]   // impossible month
    [InlineData("extract", "--format", "yaml", "-")]         // unknown format
    [InlineData("frobnicate")]                               // unknown command
    public void Usage_errors_exit_with_2_and_say_why_without_a_stack_trace(params string[] args)
    {
        var outcome = CliRunner.Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("sitrep: ", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_named_and_the_others_are_still_written()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "date 2020-05-01 Protesters gathered in the capital on Friday.");
        try
        {
            var outcome = CliRunner.Run("extract", "/nonexistent/article.txt", file, "--format", "jsonl");
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("/nonexistent/article.txt", outcome.Error, StringComparison.Ordinal);
            Assert.Single(outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
