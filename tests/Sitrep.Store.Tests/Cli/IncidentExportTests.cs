using Sitrep.Cli;
using Sitrep.Store.Tests.Ingest;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Cli;

/// <summary><c>sitrep export --incidents</c> after two <c>ingest</c> runs writes what <c>sitrep incidents</c> writes on the same documents.</summary>
public sealed class IncidentExportTests : IDisposable
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    public void Dispose() => StoreFactory.DeleteTemporaryDirectory(_directory);

    [Theory]
    [InlineData("jsonl")]
    [InlineData("acled-csv")]
    public void Export_of_the_ingested_incidents_equals_sitrep_incidents(string format)
    {
        var golden = IncidentIngestTests.GoldenPath();
        var lines = File.ReadAllLines(golden).Where(l => l.Length > 0).ToArray();
        var later = Path.Combine(_directory, "later.jsonl");
        var earlier = Path.Combine(_directory, "earlier.jsonl");
        File.WriteAllLines(later, lines[(lines.Length / 2)..]);
        File.WriteAllLines(earlier, lines[..(lines.Length / 2)]);
        var db = Path.Combine(_directory, "incidents.db");
        // The second half first, in two runs with another batch size each.
        Assert.Equal(SitrepCommandLine.Success, InProcessCli.Run("ingest", later, "--db", db, "--batch-size", "9").Code);
        Assert.Equal(SitrepCommandLine.Success, InProcessCli.Run("ingest", earlier, "--db", db, "--batch-size", "30").Code);

        var exported = InProcessCli.Run("export", "--db", db, "--incidents", "--format", format);
        var fused = InProcessCli.Run("incidents", golden, "--format", format);
        Assert.Equal(SitrepCommandLine.Success, exported.Code);
        Assert.Equal(fused.Output, exported.Output);

        var many = InProcessCli.Run("export", "--db", db, "--incidents", "--min-reports", "5", "--format", "jsonl");
        Assert.InRange(many.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 10);
    }

    [Fact]
    public void Export_of_a_store_written_with_incident_records_is_unchanged_after_the_migration_that_drops_them()
    {
        // Schema 10 kept each incident's whole record; today's code drops it (migration 11) and builds records on read.
        var fixtures = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(IncidentIngestTests.GoldenPath()))!, "Sitrep.Store.Tests", "Fixtures");
        var db = Path.Combine(_directory, "v10.db");
        File.Copy(Path.Combine(fixtures, "v10-incidents.db"), db);
        using var file = File.OpenRead(Path.Combine(fixtures, "v10-incidents.export.jsonl.gz"));
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        var before = new StreamReader(gzip).ReadToEnd();

        // export reads without migrating (it may run on a read-only file): the upgrade is its own command.
        Assert.Equal(SitrepCommandLine.Success, InProcessCli.Run("migrate", "--db", db).Code);
        var exported = InProcessCli.Run("export", "--db", db, "--incidents", "--format", "jsonl");
        Assert.Equal(SitrepCommandLine.Success, exported.Code);
        Assert.Equal(75, before.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(before, exported.Output);
    }

    [Fact]
    public void A_min_reports_under_one_is_a_usage_error()
    {
        var (code, _, error) = InProcessCli.Run("export", "--db", Path.Combine(_directory, "x.db"), "--incidents", "--min-reports", "0", "--format", "jsonl");
        Assert.Equal(SitrepCommandLine.UsageError, code);
        Assert.Contains("--min-reports", error, StringComparison.Ordinal);
    }
}
