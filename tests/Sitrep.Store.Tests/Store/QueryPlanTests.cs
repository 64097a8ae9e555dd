using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// Every combination of the filters the API allows (dates from/to, country, event type or sub-event type,
/// status, words, document), through every read that takes them (the list's count and page, a cursor page,
/// statistics, an export page): no query plan may read the events table itself from end to end. Walking an
/// index (the list's order, or a count over an index) is allowed; a table scan means a filter without an index.
/// </summary>
public abstract class QueryPlanTests : IAsyncLifetime
{
    private SqlEventStore? _store;

    protected abstract Task<SqlEventStore> OpenEmptyStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>The plan of one query as text, one step a line.</summary>
    protected abstract Task<string> PlanAsync(DbConnection connection, string sql, object? parameters);

    /// <summary>Whether a plan reads the events table without an index.</summary>
    protected abstract bool ScansEvents(string plan);

    public async Task InitializeAsync()
    {
        _store = await OpenEmptyStoreAsync();
        await _store.StoreBatchAsync(SampleResults.All());
        await _store.StoreBatchAsync([.. Enumerable.Range(1, 50).Select(SampleResults.Numbered)]);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        await CleanUpAsync();
    }

    public static IEnumerable<EventFilter> EveryCombination()
    {
        string?[] types = [null, "Battles", "Armed clash"];
        for (var mask = 0; mask < 64; mask++)
        {
            foreach (var type in types)
            {
                bool On(int bit) => (mask & (1 << bit)) != 0;
                yield return new EventFilter(
                    From: On(0) ? "2024-05-01" : null,
                    To: On(1) ? "2024-06-30" : null,
                    Country: On(2) ? "ARM" : null,
                    Type: type,
                    Status: On(3) ? "current" : null,
                    Text: On(4) ? "killed" : null,
                    DocumentId: On(5) ? 1 : null);
            }
        }
    }

    [Fact]
    public async Task No_filter_combination_scans_the_events_table()
    {
        var store = _store!;
        store.QueryLog = [];
        var count = 0;
        foreach (var filter in EveryCombination())
        {
            count++;
            await store.QueryEventsAsync(new EventQuery(filter));
            await store.QueryEventsAsync(new EventQuery(filter, 0, 25, new EventCursor("2024-05-06", 3)));
            await store.GetStatsAsync(filter);
            await foreach (var _ in store.ExportAsync(filter))
            {
            }
        }
        Assert.Equal(192, count);
        var queries = store.QueryLog.DistinctBy(q => q.Sql + "\u0001" + Describe(q.Parameters)).ToList();
        store.QueryLog = null;
        Assert.True(queries.Count > 500, $"expected the reads of every combination, got {queries.Count} distinct queries");
        var scanning = new List<string>();
        await using var connection = await store.OpenReadConnectionAsync();
        foreach (var (sql, parameters) in queries)
        {
            var plan = await PlanAsync(connection, sql, parameters);
            if (ScansEvents(plan)) scanning.Add($"{sql}\n{plan}");
        }
        Assert.True(scanning.Count == 0, $"{scanning.Count} queries scan events, e.g.:\n{string.Join("\n\n", scanning.Take(3))}");
    }

    private static string Describe(object? parameters) =>
        parameters is DynamicParameters dynamic ? string.Join(",", dynamic.ParameterNames.Order(StringComparer.Ordinal)) : parameters?.ToString() ?? "";
}

public sealed class SqliteQueryPlanTests : QueryPlanTests
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    protected override async Task<SqlEventStore> OpenEmptyStoreAsync() => await StoreFactory.CreateSqliteAsync(_directory);

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
        return Task.CompletedTask;
    }

    protected override async Task<string> PlanAsync(DbConnection connection, string sql, object? parameters)
    {
        var rows = await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, parameters);
        return string.Join("\n", rows.Select(r => (IDictionary<string, object>)r).Select(r => $"{r["id"]}|{r["parent"]}|{r["detail"]}"));
    }

    // "SCAN e" alone reads the table; "SCAN e USING [COVERING] INDEX ..." walks an index. The list pages in a
    // subquery also named e: scanning that subquery's few rows (outside the CO-ROUTINE or MATERIALIZE step
    // that produces them) is not a scan of the table.
    protected override bool ScansEvents(string plan)
    {
        var steps = plan.Split('\n').Select(line => line.Split('|', 3)).Select(p => (Id: p[0], Parent: p[1], Detail: p[2].Trim())).ToList();
        var parents = steps.ToDictionary(s => s.Id, s => s.Parent);
        var subqueries = steps.Where(s => s.Detail is "CO-ROUTINE e" or "MATERIALIZE e").Select(s => s.Id).ToHashSet();
        bool InsideSubquery(string id)
        {
            for (var at = parents.GetValueOrDefault(id); at is not null && at != "0"; at = parents.GetValueOrDefault(at))
            {
                if (subqueries.Contains(at)) return true;
            }
            return false;
        }
        return steps.Any(s => s.Detail is "SCAN e" or "SCAN events" && (subqueries.Count == 0 || InsideSubquery(s.Id)));
    }
}

public sealed class PostgresQueryPlanTests : QueryPlanTests
{
    private string? _connectionString;

    protected override async Task<SqlEventStore> OpenEmptyStoreAsync()
    {
        _connectionString = await StoreFactory.CreatePostgresDatabaseAsync();
        return await PostgresEventStore.OpenAsync(_connectionString);
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null) await StoreFactory.DropPostgresDatabaseAsync(_connectionString);
    }

    protected override async Task<string> PlanAsync(DbConnection connection, string sql, object? parameters)
    {
        // A table of a few rows is cheapest to read whole; with sequential scans priced out, the planner shows
        // the index it would use at scale, or still a sequential scan where no index can serve the filter.
        await connection.ExecuteAsync("SET enable_seqscan = off");
        var rows = await connection.QueryAsync<string>("EXPLAIN " + sql, parameters);
        return string.Join("\n", rows);
    }

    protected override bool ScansEvents(string plan) => plan.Contains("Seq Scan on events", StringComparison.Ordinal);
}
