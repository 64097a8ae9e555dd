using System.Diagnostics;
using Sitrep.Watch.Tests.Support;

namespace Sitrep.Watch.Tests.Watching;

/// <summary>
/// The real <c>sitrep watch --once</c>, killed with SIGKILL at random points again and again, then run to the end:
/// the store and the alerts file must equal those of one run that was never killed (nothing lost, nothing twice).
/// </summary>
public sealed class KilledWatchTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync() => _site = await FixtureSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Killed_eleven_times_at_random_points_a_watcher_ends_with_the_store_and_alerts_of_a_clean_run()
    {
        var sources = Path.Combine(_folder.Path, "sources.json");
        await File.WriteAllTextAsync(sources, NewsGenerator.Publish(_site, feeds: 8, itemsPerFeed: 3, pageDelay: TimeSpan.FromMilliseconds(100)));
        var cleanAlerts = Path.Combine(_folder.Path, "clean-alerts.jsonl");
        var killedAlerts = Path.Combine(_folder.Path, "killed-alerts.jsonl");
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "clean.json"), Rules(cleanAlerts));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "killed.json"), Rules(killedAlerts));
        var clean = Path.Combine(_folder.Path, "clean.db");
        var killed = Path.Combine(_folder.Path, "killed.db");

        // The clean run, timed: when its first article was stored and when it ended.
        var clock = Stopwatch.StartNew();
        TimeSpan? firstStored = null;
        using (var cleanChild = Process.Start(Watch(sources, clean, "clean.json"))!)
        {
            var output = cleanChild.StandardOutput.ReadToEndAsync();
            var error = cleanChild.StandardError.ReadToEndAsync();
            while (!cleanChild.HasExited)
            {
                if (firstStored is null && await StoredSoFar(clean) > 0) firstStored = clock.Elapsed;
                await Task.Delay(25);
            }
            await cleanChild.WaitForExitAsync();
            await output;
            Assert.True(cleanChild.ExitCode == 0, await error);
        }
        var cleanTime = clock.Elapsed;

        var random = new Random(20261207);
        var midway = 0;
        var trace = new List<string>();
        for (var kill = 0; kill < 11; kill++)
        {
            using var child = Process.Start(Watch(sources, killed, "killed.json"))!;
            _ = child.StandardOutput.ReadToEndAsync();
            _ = child.StandardError.ReadToEndAsync();
            var before = await StoredSoFar(killed);
            if (before < 24)
            {
                // While work remains: just after this run stored something, so that the kill cuts a run short
                // somewhere between storing a batch, recording it, raising and delivering its alerts.
                while (!child.HasExited && await StoredSoFar(killed) == before) await Task.Delay(10);
                await Task.Delay(random.Next(0, 400));
            }
            else
            {
                // Then anywhere in a run's life: start-up, the conditional GETs, the outbox.
                await Task.Delay(cleanTime * random.NextDouble());
            }
            // Process.Kill sends SIGKILL on Unix: no handler, no flush, no cleanup runs.
            if (!child.HasExited) child.Kill();
            await child.WaitForExitAsync();
            var stored = await StoredSoFar(killed);
            if (stored is > 0 and < 24) midway++;
            trace.Add($"{stored}");
        }
        // The kills must have cut real work short, not only start-ups and finished runs.
        Assert.True(midway >= 3, $"no kill landed while articles were being stored (stored after each kill: {string.Join(", ", trace)}; clean run {cleanTime}, first stored at {firstStored})");
        var last = await RunAsync(Watch(sources, killed, "killed.json"));
        Assert.True(last.ExitCode == 0, last.Error);

        Assert.Equal(24, await Count(clean, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(await Column(clean, "SELECT doc_key || ' ' || content_hash FROM documents ORDER BY 1"), await Column(killed, "SELECT doc_key || ' ' || content_hash FROM documents ORDER BY 1"));
        Assert.Equal(await Count(clean, "SELECT COUNT(*) FROM events"), await Count(killed, "SELECT COUNT(*) FROM events"));
        Assert.Equal(await Column(clean, "SELECT canonical_url || ' ' || revision FROM watch_revisions ORDER BY 1"), await Column(killed, "SELECT canonical_url || ' ' || revision FROM watch_revisions ORDER BY 1"));
        Assert.Equal(await Column(clean, "SELECT alert_key FROM watch_alerts ORDER BY 1"), await Column(killed, "SELECT alert_key FROM watch_alerts ORDER BY 1"));
        var cleanLines = (await File.ReadAllLinesAsync(cleanAlerts)).Order(StringComparer.Ordinal).ToList();
        var killedLines = (await File.ReadAllLinesAsync(killedAlerts)).Where(l => l.Length > 0 && l.EndsWith('}')).Order(StringComparer.Ordinal).ToList();
        Assert.True(cleanLines.Count >= 20, $"only {cleanLines.Count} alerts in the clean run");
        Assert.Equal(cleanLines, killedLines);
        Assert.Equal(0, await Count(killed, "SELECT COUNT(*) FROM watch_alert_deliveries WHERE delivered_at IS NULL"));
    }

    private static string Rules(string file) =>
        $"{{ \"rules\": [ {{ \"name\": \"killed\", \"minFatalitiesBest\": 1 }} ], \"sinks\": [ {{ \"type\": \"jsonl\", \"path\": \"{Path.GetFileName(file)}\" }} ] }}";

    private ProcessStartInfo Watch(string sources, string database, string alerts)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        foreach (var arg in (string[])[CliAssembly(), "watch", "--sources", sources, "--db", database, "--alerts", Path.Combine(_folder.Path, alerts), "--once", "--host-gap", "0", "--parallel", "1"])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>
    /// The CLI as built in its own folder: beside these tests the CLI's copies of the Microsoft.Extensions packages
    /// give way to the ASP.NET Core framework's (the fixture site needs it), which sitrep.deps.json does not expect.
    /// </summary>
    internal static string CliAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        for (var folder = testBin; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sitrep.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "Sitrep.Cli", "bin", configuration, testBin.Name, "sitrep.dll");
            }
        }
        throw new InvalidOperationException("the repository (Sitrep.slnx) is not above the tests' folder");
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }

    private static async Task<long> StoredSoFar(string database)
    {
        if (!File.Exists(database)) return 0;
        try
        {
            return await Count(database, "SELECT COUNT(*) FROM documents");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Killed before the schema was made.
            return 0;
        }
    }

    private static async Task<long> Count(string database, string sql) => long.Parse((await Column(database, sql)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<List<string>> Column(string database, string sql)
    {
        var values = new List<string>();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
