using System.Diagnostics;
using System.Globalization;
using Sitrep.Watch.Tests.Support;

namespace Sitrep.Watch.Tests.Watching;

/// <summary>
/// The real long-running <c>sitrep watch</c> stopped with SIGTERM (what systemd, Docker and Kubernetes send)
/// in the middle of a poll: the poll under way finishes and is recorded, no new source is taken, and the
/// process exits by itself with its report, well before the 60 s a command is given.
/// </summary>
public sealed class StoppedWatchTests : IAsyncLifetime
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
    public async Task SIGTERM_during_a_poll_lets_it_finish_and_record_its_articles_then_takes_no_new_source()
    {
        // Two feeds (English and Romanian) of four slow pages each, one source at a time: a poll lasts about 6 s.
        var sources = Path.Combine(_folder.Path, "sources.json");
        await File.WriteAllTextAsync(sources, NewsGenerator.Publish(_site, feeds: 2, itemsPerFeed: 4, pageDelay: TimeSpan.FromMilliseconds(1500)));
        var database = Path.Combine(_folder.Path, "stopped.db");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        foreach (var arg in (string[])[KilledWatchTests.CliAssembly(), "watch", "--sources", sources, "--db", database, "--host-gap", "0", "--parallel", "1"])
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        try
        {
            // Stop as soon as the first poll asks for its first article: three more slow pages are still to come.
            // (The fixture site tells; the test does not read the database while the watcher writes it.)
            var waited = Stopwatch.StartNew();
            while (!_site.Requests.Any(r => r.Path.StartsWith("/news/", StringComparison.Ordinal)))
            {
                // (The message is read only once the process has ended: reading it waits for that.)
                if (child.HasExited) Assert.Fail("watch ended before fetching an article: " + await error);
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(4), "no article fetched in 4 minutes");
                await Task.Delay(50);
            }
            using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }
            var stopped = Stopwatch.StartNew();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50)))
            {
                await child.WaitForExitAsync(timeout.Token);
            }
            var log = await error;
            Assert.True(child.ExitCode == 0, log);
            Assert.Contains("stopping: letting 1 polls under way finish", log, StringComparison.Ordinal);
            Assert.Contains("sitrep: watch: ", log.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(30), $"took {stopped.Elapsed} to stop");

            // The poll under way finished: its four articles are stored, and its source is recorded and released.
            var polled = Enumerable.Range(0, 2).Where(f => _site.Hits($"/feed{f}.xml") > 0).ToList();
            Assert.Single(polled);
            Assert.Equal(4, await Count(database, "SELECT COUNT(*) FROM documents"));
            Assert.Equal(4, Enumerable.Range(0, 4).Count(i => _site.Hits($"/news/{polled[0]}/story-{i}-from-the-front.html") == 1));
            Assert.Equal(1, await Count(database, "SELECT COUNT(*) FROM watch_sources WHERE last_success_at IS NOT NULL AND lease_owner IS NULL"));
            // The other source was never taken after the signal: not fetched, not leased.
            Assert.Equal(1, await Count(database, "SELECT COUNT(*) FROM watch_sources WHERE last_fetch_at IS NULL"));
            Assert.Equal(0, await Count(database, "SELECT COUNT(*) FROM watch_sources WHERE lease_owner IS NOT NULL"));
            Assert.Equal(0, Enumerable.Range(0, 4).Sum(i => _site.Hits($"/news/{1 - polled[0]}/story-{i}-from-the-front.html")));
            await output;
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    private static async Task<long> Count(string database, string sql)
    {
        if (!File.Exists(database)) return 0;
        try
        {
            return long.Parse((await KilledWatchTests.Column(database, sql)).Single(), CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The schema is not made yet.
            return 0;
        }
    }
}
