using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Fetching;
using Sitrep.Watch.Sources;
using Sitrep.Watch.State;

namespace Sitrep.Watch.Tests.Support;

/// <summary>
/// Runs the watcher in-process against a real store (a SQLite file of the test, or a PostgreSQL database) with
/// short timeouts and retry delays, so the tests of failures take seconds.
/// </summary>
public sealed class Harness : IAsyncDisposable
{
    private static readonly Lazy<ExtractionPipeline> SharedPipeline = new(() => new ExtractionPipeline());

    private readonly ServiceProvider _services;

    private Harness(string? database, string? postgres, FetchOptions options)
    {
        Database = database;
        Postgres = postgres;
        Options = options;
        _services = new ServiceCollection().AddWatchHttp(options).BuildServiceProvider();
    }

    public string? Database { get; }

    public string? Postgres { get; }

    public FetchOptions Options { get; }

    public static FetchOptions QuickOptions { get; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(3),
        BodyTimeout = TimeSpan.FromSeconds(5),
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        HostGap = TimeSpan.Zero,
        MaxResponseBytes = 1024 * 1024,
    };

    public static Harness Sqlite(string directory, FetchOptions? options = null) => new(Path.Combine(directory, "watch.db"), null, options ?? QuickOptions);

    public static Harness OnPostgres(string connectionString, FetchOptions? options = null) => new(null, connectionString, options ?? QuickOptions);

    public IHttpClientFactory Clients => _services.GetRequiredService<IHttpClientFactory>();

    public PoliteFetcher Fetcher() => new(Clients, Options, NullLogger.Instance);

    public static IReadOnlyList<WatchSource> Sources(string json) =>
        SourcesFile.Parse(System.Text.Encoding.UTF8.GetBytes(json), "sources.json", SharedPipeline.Value.SupportedLanguages);

    /// <summary>One <c>--once</c> run over the sources, with the alert rules and sinks given.</summary>
    public async Task<WatchReport> RunOnceAsync(IReadOnlyList<WatchSource> sources, IReadOnlyList<AlertRule>? rules = null, IReadOnlyList<IAlertSink>? sinks = null, CancellationToken stopping = default) =>
        await RunAsync(sources, once: true, rules, sinks, stopping: stopping);

    /// <summary>A run: once, or the long-running loop until <paramref name="stopping"/> fires; <paramref name="owner"/> names the worker.</summary>
    public async Task<WatchReport> RunAsync(IReadOnlyList<WatchSource> sources, bool once, IReadOnlyList<AlertRule>? rules = null, IReadOnlyList<IAlertSink>? sinks = null,
        string? owner = null, int parallelism = 4, CancellationToken stopping = default)
    {
        await using var store = await EventStores.OpenAsync(Database, Postgres, CancellationToken.None);
        await using var state = WatchState.Open(Database, Postgres);
        var report = new WatchReport();
        sinks ??= [];
        var poller = new SourcePoller(store, state, SharedPipeline.Value, Fetcher(), rules is null ? null : new AlertMaker(rules), [.. sinks.Select(s => s.Id)], report, NullLogger.Instance, TimeProvider.System);
        using var watcher = new Watcher(sources, state, poller, sinks, report, NullLogger.Instance, TimeProvider.System, parallelism, owner);
        await watcher.PrepareAsync(CancellationToken.None);
        if (once) await watcher.RunOnceAsync(stopping);
        else await watcher.RunAsync(stopping);
        return report;
    }

    /// <summary>One number from the database (SQLite or PostgreSQL), e.g. a count.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        if (Postgres is not null)
        {
            await using var pg = new Npgsql.NpgsqlConnection(Postgres);
            await pg.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, pg);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        return Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        var values = new List<string>();
        if (Postgres is not null)
        {
            await using var pg = new Npgsql.NpgsqlConnection(Postgres);
            await pg.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, pg);
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync()) values.Add(rows.IsDBNull(0) ? "" : Convert.ToString(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            return values;
        }
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>A temporary folder of one test, removed at the end.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sitrep-watch-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
