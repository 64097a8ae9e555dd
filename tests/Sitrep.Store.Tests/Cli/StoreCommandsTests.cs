using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Cli;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Cli;

/// <summary>The ingest and export commands, run in-process as a user would type them.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    private static (int Code, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);

    private async Task<string> SampleDatabaseAsync()
    {
        var path = Path.Combine(_directory, "samples.db");
        await using var store = await Sitrep.Store.Sql.SqliteEventStore.OpenAsync(path);
        await store.StoreBatchAsync(SampleResults.All());
        return path;
    }

    [Fact]
    public void Ingest_prints_a_summary_and_fails_for_a_missing_input_while_storing_the_rest()
    {
        var good = Path.Combine(_directory, "good.txt");
        File.WriteAllText(good, "date 2024-02-03 Police detained four people after a march in a northern town.");
        var db = Path.Combine(_directory, "ingest.db");

        var (code, output, error) = Run("ingest", good, Path.Combine(_directory, "absent.jsonl"), "--db", db);

        Assert.Equal(SitrepCommandLine.SomeInputsFailed, code);
        Assert.Contains("absent.jsonl", error, StringComparison.Ordinal);
        Assert.Contains("ingested 1 new documents", output, StringComparison.Ordinal);
        Assert.Contains("1 inputs failed", output, StringComparison.Ordinal);

        var again = Run("ingest", good, "--db", db);
        Assert.Equal(SitrepCommandLine.Success, again.Code);
        Assert.Contains("ingested 0 new documents", again.Output, StringComparison.Ordinal);
        Assert.Contains("1 already stored", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    // Two stores at once make no sense.
    [InlineData("ingest", "x.txt", "--db", "a.db", "--postgres", "Host=localhost")]
    [InlineData("export", "--format", "jsonl", "--db", "a.db", "--postgres", "Host=localhost")]
    // Export needs a known format.
    [InlineData("export", "--format", "xml", "--db", "a.db")]
    [InlineData("ingest", "x.txt", "--batch-size", "0")]
    public void Impossible_options_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(SitrepCommandLine.UsageError, code);
        Assert.StartsWith("sitrep: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exporting_from_a_missing_database_names_it()
    {
        var (code, _, error) = Run("export", "--format", "jsonl", "--db", Path.Combine(_directory, "nothing.db"));
        Assert.Equal(SitrepCommandLine.SomeInputsFailed, code);
        Assert.Contains("nothing.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_acled_csv_writes_the_contract_columns_and_one_row_per_event()
    {
        var db = await SampleDatabaseAsync();
        var (code, output, error) = Run("export", "--db", db, "--format", "acled-csv", "--status", "current");
        Assert.True(code == 0, error);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_date,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,status,fatalities_low,fatalities_high,claims", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 4, lines.Length);
        Assert.Contains("2024-05-06,Battles,Armed clash,Rebels,,Army of Xa,,Armenia,North,Oldtown,40.5,45.25,1,Invented Wire,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",first.txt,e1,ARM", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_geojson_is_one_feature_collection_with_a_point_per_located_event()
    {
        var db = await SampleDatabaseAsync();
        var (code, output, _) = Run("export", "--db", db, "--format", "geojson");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var features = json.RootElement.GetProperty("features");
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(5, features.GetArrayLength());
        var clash = features.EnumerateArray().First(f => f.GetProperty("id").GetString() == "first.txt#e1");
        Assert.Equal([45.25, 40.5], clash.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var denial = features.EnumerateArray().First(f => f.GetProperty("id").GetString() == "first.txt#e2");
        Assert.Equal(JsonValueKind.Null, denial.GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task Export_as_jsonl_gives_contract_documents_with_the_filtered_events()
    {
        var db = await SampleDatabaseAsync();
        var file = Path.Combine(_directory, "out.jsonl");
        var (code, output, _) = Run("export", "--db", db, "--format", "jsonl", "--country", "AZE", "--out", file);
        Assert.Equal(0, code);
        Assert.Equal("", output);
        var line = Assert.Single(File.ReadAllLines(file));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("sitrep/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("second.txt", json.RootElement.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Demo_without_serving_builds_a_database_from_the_thirty_bundled_articles()
    {
        var db = Path.Combine(_directory, "demo.db");
        var (code, output, error) = Run("demo", "--no-serve", "--db", db);
        Assert.True(code == 0, error);
        Assert.Contains("ingested 30 new documents", output, StringComparison.Ordinal);
        await using var store = await Sitrep.Store.Sql.SqliteEventStore.OpenAsync(db);
        var counts = await store.CountAsync();
        Assert.Equal(30, counts.Documents);
        Assert.True(counts.Events > 0, "the sample articles should give events");
    }

    [Fact]
    public void Serving_a_missing_database_names_it_instead_of_creating_it()
    {
        var missing = Path.Combine(_directory, "missing.db");
        var (code, _, error) = Run("serve", "--db", missing, "--urls", "http://127.0.0.1:0");
        Assert.Equal(SitrepCommandLine.SomeInputsFailed, code);
        Assert.Contains("missing.db", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
