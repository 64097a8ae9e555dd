using Sitrep.Tests.Incidents;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep incidents</c>: the formats, and the input handling it shares with <c>extract</c>.</summary>
public sealed class IncidentsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sitrep-incidents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Jsonl_gives_one_incident_a_line_and_fewer_incidents_than_events()
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(IncidentCorpus.Incidents.Count, lines.Length);
        Assert.True(lines.Length < IncidentCorpus.Results.Sum(r => r.Events.Length));
    }

    [Fact]
    public void Acled_csv_writes_one_row_an_incident_with_its_report_count()
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "acled-csv");
        Assert.Equal(0, run.ExitCode);
        var rows = run.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_date,event_type,sub_event_type,actor1", rows[0], StringComparison.Ordinal);
        Assert.Contains("incident_id", rows[0], StringComparison.Ordinal);
        Assert.Equal(IncidentCorpus.Incidents.Count, rows.Length - 1);
    }

    [Fact]
    public void Geojson_writes_one_feature_an_incident()
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "geojson");
        Assert.Equal(0, run.ExitCode);
        var features = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["features"]!.AsArray();
        Assert.Equal(IncidentCorpus.Incidents.Count, features.Count);
        Assert.All(features, f => Assert.StartsWith("i-", f!["id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_input_is_named_and_the_incidents_of_the_others_are_still_written()
    {
        var good = Path.Combine(_folder, "good.jsonl");
        File.Copy(IncidentCorpus.Path, good);
        var bad = Path.Combine(_folder, "broken.jsonl");
        File.WriteAllText(bad, "{\"id\": \"x\", \"text\": \n");
        var run = CliRunner.Run("incidents", good, bad, "--format", "jsonl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.jsonl", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(IncidentCorpus.Incidents.Count, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--published", "14/10/2025")]
    [InlineData("--lang", "xx")]
    [InlineData("--window", "-3")]
    public void A_bad_option_is_a_usage_error(string option, string value)
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_window_the_golden_set_gives_the_same_incidents()
    {
        // The set is smaller than what the window holds before it cuts: the window changes nothing here.
        var windowed = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "jsonl");
        var whole = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "jsonl", "--window", "0");
        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(windowed.Output, whole.Output);
    }

    [Fact]
    public void The_order_of_the_inputs_does_not_change_the_output()
    {
        var lines = File.ReadAllLines(IncidentCorpus.Path);
        var first = Path.Combine(_folder, "a.jsonl");
        var second = Path.Combine(_folder, "b.jsonl");
        File.WriteAllLines(first, lines[..12]);
        File.WriteAllLines(second, lines[12..]);
        var forward = CliRunner.Run("incidents", first, second, "--format", "jsonl");
        var backward = CliRunner.Run("incidents", second, first, "--format", "jsonl");
        Assert.Equal(0, forward.ExitCode);
        Assert.Equal(forward.Output, backward.Output);
    }

    [Theory]
    // Five shuffles of the golden set, each cut into files of one document and into files of 20 (two batch
    // sizes: how many documents arrive together), give the output of the file read as it is.
    [InlineData(1)]
    [InlineData(20)]
    public void Random_orders_and_batch_sizes_give_the_same_incidents(int batch)
    {
        var lines = File.ReadAllLines(IncidentCorpus.Path).Where(l => l.Length > 0).ToArray();
        var expected = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "jsonl");
        Assert.Equal(0, expected.ExitCode);
        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = lines.ToArray();
            new Random(seed * 7919 + batch).Shuffle(shuffled);
            var folder = Path.Combine(_folder, $"order-{seed}-{batch}");
            Directory.CreateDirectory(folder);
            var files = shuffled.Chunk(batch).Select((chunk, i) =>
            {
                var file = Path.Combine(folder, $"batch-{i:D3}.jsonl");
                File.WriteAllLines(file, chunk);
                return file;
            }).ToArray();
            // Files are named in the order given, so the batches are read in the shuffled order.
            var run = CliRunner.Run(["incidents", .. files, "--format", "jsonl"]);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(expected.Output, run.Output);
        }
    }
}
