using System.Text.Json;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

public sealed class ExtractFormatTests
{
    private const string Article = "date 2022-08-14 Gunmen killed six farmers in a village near Kaduna on Saturday, police said.";

    [Fact]
    public void Acled_csv_writes_a_header_and_one_row_per_event()
    {
        var outcome = RunOn(Article, "--format", "acled-csv");
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_date,event_type,sub_event_type,actor1", lines[0], StringComparison.Ordinal);
        Assert.Contains("fatalities_low", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length >= 2, outcome.Output);
        Assert.Contains(",6,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Geojson_is_a_feature_collection_of_located_events()
    {
        var outcome = RunOn(Article, "--format", "geojson");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public void A_short_text_of_undetermined_language_still_gets_the_rules_it_leans_to()
    {
        // Two function words are too few to call the language, but the text plainly reads as English.
        var outcome = RunOn("date 2021-02-03 Gunmen killed four villagers in Tillaberi.", "--format", "jsonl");
        using var json = JsonDocument.Parse(outcome.Output);
        var first = json.RootElement.GetProperty("events")[0];
        Assert.Equal(4, first.GetProperty("fatalities").GetProperty("best").GetInt32());
    }

    private static CliRunner.Outcome RunOn(string content, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, content);
        try
        {
            return CliRunner.Run(["extract", file, .. args]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
