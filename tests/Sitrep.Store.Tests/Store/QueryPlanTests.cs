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

    protected SqlEventStore Store => _store!;

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

    /// <summary>
    /// The dashboard's filters on an event's arguments (actor words, least fatalities, map box), alone and together,
    /// each with and without every indexed filter of the list above.
    /// </summary>
    public static IEnumerable<(EventFilter Filter, bool Indexed)> DashboardCombinations()
    {
        (EventFilter Filter, bool Indexed)[] narrowing =
        [
            (EventFilter.All, false),
            (new EventFilter(Country: "ARM"), true),
            (new EventFilter(Type: "Battles"), true),
            (new EventFilter(Type: "Armed clash"), true),
            (new EventFilter(From: "2024-05-01", To: "2024-06-30"), true),
            (new EventFilter(Status: "current"), true),
            (new EventFilter(Country: "ARM", Status: "current"), true),
            (new EventFilter(Text: "killed"), true),
            (new EventFilter(DocumentId: 1), true),
        ];
        foreach (var (filter, indexed) in narrowing)
        {
            for (var mask = 1; mask < 8; mask++)
            {
                yield return (filter with
                {
                    Actor = (mask & 1) != 0 ? "army" : null,
                    MinFatalities = (mask & 2) != 0 ? 1 : null,
                    Area = (mask & 4) != 0 ? new GeoBox(40, 35, 50, 45) : null,
                }, indexed);
            }
        }
    }

    /// <summary>
    /// The dashboard's argument filters have no index of their own, by choice: an actor's words match anywhere in
    /// a name (a substring, which no b-tree serves), and an index on fatalities or on latitude would serve a filter
    /// that is never used alone in practice (the map asks for a box together with the page's other filters) while
    /// adding to every stored event. So such a filter alone reads the events table (documented in docs/STORE.md);
    /// with any indexed filter beside it, the index must still be used. Every read the dashboard sends is checked:
    /// list count and page, cursor page, statistics, export page, map cells and timeline.
    /// </summary>
    [Fact]
    public async Task Dashboard_filters_scan_only_when_no_indexed_filter_is_given()
    {
        var store = _store!;
        var checkedFilters = 0;
        var scanningWithIndex = new List<string>();
        var scanningAlone = 0;
        await using var connection = await store.OpenReadConnectionAsync();
        foreach (var (filter, indexed) in DashboardCombinations())
        {
            checkedFilters++;
            store.QueryLog = [];
            await store.QueryEventsAsync(new EventQuery(filter));
            await store.QueryEventsAsync(new EventQuery(filter, 0, 25, new EventCursor("2024-05-06", 3)));
            await store.GetStatsAsync(filter);
            await foreach (var _ in store.ExportAsync(filter))
            {
            }
            await store.GetMapCellsAsync(filter, 1.0);
            await store.GetDayTypeCountsAsync(filter);
            var queries = store.QueryLog;
            store.QueryLog = null;
            Assert.True(queries.Count >= 5, $"expected the dashboard's reads of {filter}, got {queries.Count}");
            foreach (var (sql, parameters) in queries)
            {
                var plan = await PlanAsync(connection, sql, parameters);
                if (!ScansEvents(plan)) continue;
                if (indexed) scanningWithIndex.Add($"{filter}\n{sql}\n{plan}");
                else scanningAlone++;
            }
        }
        Assert.Equal(63, checkedFilters);
        Assert.True(scanningWithIndex.Count == 0, $"{scanningWithIndex.Count} queries scan events although an indexed filter is given, e.g.:\n{string.Join("\n\n", scanningWithIndex.Take(3))}");
        // The exception is real (the test would notice if these filters gained an index and the exception could go).
        Assert.True(scanningAlone > 0, "the argument filters alone no longer scan: drop the exception from this test and docs/STORE.md");
    }

    private static string Describe(object? parameters) =>
        parameters is DynamicParameters dynamic ? string.Join(",", dynamic.ParameterNames.Order(StringComparer.Ordinal)) : parameters?.ToString() ?? "";
}

public sealed class SqliteQueryPlanTests : QueryPlanTests
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    /// <summary>
    /// A country with a type (an event type or a sub-event type) seeks the pair's own index (migration 009) for the
    /// list's count and page: with one filter's index the other is tested on every row of the first, which for a
    /// pair that never occurs is a whole country's range read for nothing (3.5 s at a million events). SQLite only:
    /// PostgreSQL chooses by estimated rows, and in a table of a few rows every index on country looks as good (its
    /// choice at a million events is in docs/PERFORMANCE.md).
    /// </summary>
    [Theory]
    [InlineData("Battles", "events_country_type_order")]
    [InlineData("Armed clash", "events_country_sub_type_order")]
    public async Task A_country_with_a_type_seeks_the_combined_index(string type, string index)
    {
        var store = Store;
        store.QueryLog = [];
        // Few matches: the page sorts them, found by the index, like the count.
        await store.QueryEventsAsync(new EventQuery(new EventFilter(Country: "ARM", Type: type), 0, 500));
        var queries = store.QueryLog;
        store.QueryLog = null;
        await using var connection = await store.OpenReadConnectionAsync();
        Assert.Equal(2, queries.Count);
        foreach (var (sql, parameters) in queries)
        {
            var plan = await PlanAsync(connection, sql, parameters);
            Assert.True(plan.Contains(index, StringComparison.Ordinal), $"{sql}\n{plan}");
        }
    }

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
