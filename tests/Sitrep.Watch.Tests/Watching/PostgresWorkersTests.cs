using Npgsql;
using Sitrep.Watch.Tests.Support;

namespace Sitrep.Watch.Tests.Watching;

/// <summary>
/// Two watchers against one PostgreSQL share the sources through leases (FOR UPDATE SKIP LOCKED): no source is
/// fetched by both at once, and every article is stored exactly once. Needs SITREP_TEST_POSTGRES (build/test.sh
/// sets it); without it the test fails and says so, as the store's PostgreSQL tests do.
/// </summary>
public sealed class PostgresWorkersTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        var server = Environment.GetEnvironmentVariable("SITREP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("SITREP_TEST_POSTGRES is not set: the several-workers test needs a PostgreSQL server (build/test.sh starts one).");
        var name = "sitrep_watch_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_database);
        var name = builder.Database;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Two_long_running_workers_poll_each_source_once_and_store_each_article_once()
    {
        const int feeds = 6, items = 3;
        // Slow feeds keep each lease held long enough for the other worker to try the same sources.
        var sources = Harness.Sources(NewsGenerator.Publish(_site, feeds, items, feedDelay: TimeSpan.FromMilliseconds(600), interval: "10m"));
        await using var first = Harness.OnPostgres(_database);
        await using var second = Harness.OnPostgres(_database);
        // The schema exists before the race (both would create it otherwise; the store serialises that too).
        await first.RunAsync([], once: true);

        using var stop = new CancellationTokenSource();
        var a = first.RunAsync(sources, once: false, owner: "worker-a:1", parallelism: 2, stopping: stop.Token);
        var b = second.RunAsync(sources, once: false, owner: "worker-b:2", parallelism: 2, stopping: stop.Token);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await first.ScalarAsync("SELECT COUNT(*) FROM watch_sources WHERE last_success_at IS NOT NULL") < feeds && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        // A little longer: a source polled twice would show now.
        await Task.Delay(1500);
        await stop.CancelAsync();
        var (reportA, reportB) = (await a, await b);

        for (var f = 0; f < feeds; f++)
        {
            Assert.Equal(1, _site.MaxInFlight($"/feed{f}.xml"));
            Assert.Equal(1, _site.Hits($"/feed{f}.xml"));
        }
        Assert.Equal(feeds, reportA.SourcesPolled + reportB.SourcesPolled);
        Assert.True(reportA.SourcesPolled >= 1 && reportB.SourcesPolled >= 1, $"one worker did everything ({reportA.SourcesPolled} / {reportB.SourcesPolled})");
        Assert.Equal(feeds * items, await first.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.Equal(feeds * items, await first.ScalarAsync("SELECT COUNT(DISTINCT doc_key) FROM documents"));
        Assert.Equal(0, await first.ScalarAsync("SELECT COUNT(*) FROM watch_sources WHERE lease_owner IS NOT NULL"));
    }

    [Fact]
    public async Task Two_once_runs_at_the_same_time_never_fetch_one_source_together()
    {
        const int feeds = 4, items = 2;
        var sources = Harness.Sources(NewsGenerator.Publish(_site, feeds, items, feedDelay: TimeSpan.FromMilliseconds(400)));
        await using var first = Harness.OnPostgres(_database);
        await using var second = Harness.OnPostgres(_database);
        await first.RunAsync([], once: true);
        var runs = await Task.WhenAll(
            first.RunAsync(sources, once: true, owner: "once-a:1", parallelism: 2),
            second.RunAsync(sources, once: true, owner: "once-b:2", parallelism: 2));
        for (var f = 0; f < feeds; f++) Assert.Equal(1, _site.MaxInFlight($"/feed{f}.xml"));
        Assert.Equal(feeds * items, await first.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.True(feeds * items == runs.Sum(r => r.DocumentsStored), string.Join(" | ", runs.Select(r => r.ToString())));
    }

    [Fact]
    public async Task A_lease_of_a_dead_worker_lapses_and_another_worker_takes_the_source()
    {
        var sources = Harness.Sources(NewsGenerator.Publish(_site, 1, 1));
        await using var harness = Harness.OnPostgres(_database);
        await harness.RunAsync([], once: true);
        await using (var state = State.WatchState.Open(null, _database))
        {
            await state.RegisterSourcesAsync([(sources[0].Key, "feed")], CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            Assert.Equal(sources[0].Key, await state.TryLeaseAsync([sources[0].Key], "dead-host:1", now, long.MaxValue, TimeSpan.FromMilliseconds(300), CancellationToken.None));
            // Held: nobody else gets it.
            Assert.Null(await state.TryLeaseAsync([sources[0].Key], "other:2", now, long.MaxValue, TimeSpan.FromMinutes(1), CancellationToken.None));
            // Lapsed: the other worker does.
            Assert.Equal(sources[0].Key, await state.TryLeaseAsync([sources[0].Key], "other:2", now.AddSeconds(1), long.MaxValue, TimeSpan.FromMinutes(1), CancellationToken.None));
        }
    }
}
