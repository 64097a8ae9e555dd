using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Sitrep.Cli;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Cli;

/// <summary>
/// The store commands refuse values that make no sense (exit 2 naming the option, never an empty export),
/// read a database they may not write, and say in one line when they cannot listen.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InterfaceRefusalTests : IDisposable
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    private static (int Code, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);

    private async Task<string> SampleDatabaseAsync(string name = "samples.db")
    {
        // Scratch folders are private (700); the unprivileged user of the read-only tests must reach the file.
        File.SetUnixFileMode(_directory, ReadAndSearch | UnixFileMode.UserWrite);
        var path = Path.Combine(_directory, name);
        await using var store = await Sitrep.Store.Sql.SqliteEventStore.OpenAsync(path);
        await store.StoreBatchAsync(SampleResults.All());
        return path;
    }

    [Theory]
    [InlineData("--from", "2025-13-01")]
    [InlineData("--to", "2024-02-30")]
    [InlineData("--country", "Ukrain")]
    [InlineData("--country", "XYZ")]
    [InlineData("--type", "Battle")]
    [InlineData("--status", "ongoing")]
    public async Task Export_refuses_a_filter_that_makes_no_sense_naming_the_option(string option, string value)
    {
        var db = await SampleDatabaseAsync();
        var (code, output, error) = Run("export", "--db", db, "--format", "jsonl", option, value);
        Assert.Equal(SitrepCommandLine.UsageError, code);
        Assert.Equal("", output);
        Assert.StartsWith($"sitrep: {option} '{value}': ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Azerbaijan")]
    [InlineData("aze")]
    [InlineData("az")]
    public async Task Export_takes_a_country_by_code_or_English_name(string country)
    {
        var db = await SampleDatabaseAsync();
        var byCode = Run("export", "--db", db, "--format", "jsonl", "--country", "AZE");
        var (code, output, error) = Run("export", "--db", db, "--format", "jsonl", "--country", country);
        Assert.True(code == 0, error);
        Assert.Equal(byCode.Output, output);
        Assert.Contains("second.txt", output, StringComparison.Ordinal);
    }

    [Theory]
    // A read-only file in a writable folder, and a read-only folder too (as on a read-only mount).
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_reads_a_database_it_may_not_write_and_leaves_it_unchanged(bool readOnlyFolder)
    {
        var folder = Path.Combine(_directory, "ro");
        Directory.CreateDirectory(folder);
        var db = await SampleDatabaseAsync(Path.Combine("ro", "samples.db"));
        var before = SHA256.HashData(File.ReadAllBytes(db));
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        if (readOnlyFolder) File.SetUnixFileMode(folder, ReadAndSearch);
        try
        {
            var outcome = SitrepProcess.Run(SitrepProcess.AsUnprivileged("export", "--db", db, "--format", "jsonl", "--country", "ARM"));
            Assert.True(outcome.ExitCode == 0, outcome.Error);
            Assert.Contains("first.txt", outcome.Output, StringComparison.Ordinal);
            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
            // In a writable folder, SQLite's WAL reader may leave its index (-shm) and an empty log (-wal);
            // nothing is ever written to the log, and in a read-only folder nothing is created at all.
            var beside = Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != "samples.db").ToList();
            if (readOnlyFolder) Assert.Empty(beside);
            Assert.All(beside, f => Assert.Contains(f, new[] { "samples.db-shm", "samples.db-wal" }));
            Assert.True(!File.Exists(db + "-wal") || new FileInfo(db + "-wal").Length == 0, "the reader wrote to the WAL");
        }
        finally
        {
            File.SetUnixFileMode(folder, ReadAndSearch | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Serve_answers_from_a_database_in_a_read_only_folder()
    {
        var folder = Path.Combine(_directory, "served");
        Directory.CreateDirectory(folder);
        var db = await SampleDatabaseAsync(Path.Combine("served", "samples.db"));
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(folder, ReadAndSearch);
        try
        {
            using var process = System.Diagnostics.Process.Start(SitrepProcess.AsUnprivileged("serve", "--db", db, "--urls", "http://127.0.0.1:0"))!;
            try
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.True(line is not null && line.StartsWith("Sitrep dashboard: ", StringComparison.Ordinal), $"{line}\n{(process.HasExited ? await stderr : "")}");
                var url = line!["Sitrep dashboard: ".Length..line.IndexOf(' ', "Sitrep dashboard: ".Length)];
                using var client = new HttpClient { BaseAddress = new Uri(url) };
                var events = await client.GetStringAsync("api/events?country=AZE");
                Assert.Contains("\"total\":2", events, StringComparison.Ordinal);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            File.SetUnixFileMode(folder, ReadAndSearch | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task An_older_schema_is_named_for_migrate_and_reading_does_not_upgrade_it()
    {
        // A database made by an older sitrep: every migration but the newest.
        var db = Path.Combine(_directory, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync();
            var migrations = Sitrep.Store.Schema.Migration.For("sqlite");
            var script = new System.Text.StringBuilder("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
            foreach (var migration in migrations.SkipLast(1))
            {
                script.Append(migration.Sql).Append(';').Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO schema_migrations VALUES ({migration.Version}, '{migration.Name}', '2025-01-01');");
            }
            await using var command = connection.CreateCommand();
            command.CommandText = script.ToString();
            await command.ExecuteNonQueryAsync();
        }
        var before = SHA256.HashData(File.ReadAllBytes(db));

        var refused = Run("export", "--db", db, "--format", "jsonl");
        Assert.Equal(SitrepCommandLine.SomeInputsFailed, refused.Code);
        Assert.Contains($"sitrep migrate --db {db}", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));

        var migrated = Run("migrate", "--db", db);
        Assert.True(migrated.Code == 0, migrated.Error);
        var exported = Run("export", "--db", db, "--format", "jsonl");
        Assert.True(exported.Code == 0, exported.Error);
    }

    [Fact]
    public async Task A_busy_port_is_one_line_without_a_stack_trace()
    {
        var db = await SampleDatabaseAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var outcome = SitrepProcess.Run(SitrepProcess.AsCurrentUser("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}"));

        Assert.Equal(SitrepCommandLine.SomeInputsFailed, outcome.ExitCode);
        Assert.Equal($"sitrep: cannot listen on http://127.0.0.1:{port}: address in use\n", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("http://127.0.0.1:5080/sitrep")]
    public async Task An_invalid_listening_address_is_a_usage_error_naming_it(string urls)
    {
        var db = await SampleDatabaseAsync();
        var (code, output, error) = Run("serve", "--db", db, "--urls", urls);
        Assert.Equal(SitrepCommandLine.UsageError, code);
        Assert.Equal("", output);
        Assert.Equal($"sitrep: cannot listen on {urls}: not an address of the form http://HOST:PORT\n", error.ReplaceLineEndings("\n"));
    }

    private const UnixFileMode ReadAndSearch =
        UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
