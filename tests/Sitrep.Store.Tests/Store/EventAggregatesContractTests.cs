using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// The dashboard's filters (actor, fatalities, map area) and aggregates (map cells, day-by-type counts), run once
/// per database: SQLite and PostgreSQL must give the same answers. Sample: Oldtown (40.5, 45.25) and Hillvale
/// (41, 46) in Armenia, Rivercity (-10, 20) in Azerbaijan with two events, one event without a place.
/// </summary>
public abstract class EventAggregatesContractTests : IAsyncLifetime
{
    private IEventStore? _store;

    private IEventStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    private IEventAggregates Aggregates => (IEventAggregates)Store;

    protected abstract Task<IEventStore> OpenEmptyStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await OpenEmptyStoreAsync();
        await Store.StoreBatchAsync(SampleResults.All());
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        await CleanUpAsync();
    }

    public static TheoryData<string, EventFilter, string[]> Filters => new()
    {
        // Words of an actor's name anywhere in it, case ignored; the user's % and _ are literal.
        { "actor", new EventFilter(Actor: "army of"), ["first.txt#e1"] },
        { "actor in brackets", new EventFilter(Actor: "(XB)"), ["second.txt#e1"] },
        { "actor wildcard", new EventFilter(Actor: "%"), [] },
        { "actor underscore", new EventFilter(Actor: "_"), [] },
        // Best figure, else low: the 1995 clash (100), the Oldtown clash (14), the Hillvale shelling (3).
        { "min fatalities", new EventFilter(MinFatalities: 3), ["hostile.txt#e1", "first.txt#e1", "second.txt#e2"] },
        { "min fatalities high", new EventFilter(MinFatalities: 15), ["second.txt#e2"] },
        // A box around Oldtown only; one across the antimeridian (east of 40 or west of -170) holds Armenia, not Rivercity.
        { "area", new EventFilter(Area: new GeoBox(45, 40, 45.5, 40.8)), ["first.txt#e1"] },
        { "area across the antimeridian", new EventFilter(Area: new GeoBox(40, -90, -170, 90)), ["hostile.txt#e1", "first.txt#e1"] },
        // The document's relevance: first.txt 0.9, second.txt 0.35, hostile.html unknown (left out by any minimum).
        { "min relevance", new EventFilter(MinRelevance: 0.5), ["first.txt#e2", "first.txt#e1"] },
        { "min relevance low", new EventFilter(MinRelevance: 0.3), ["second.txt#e1", "first.txt#e2", "first.txt#e1", "second.txt#e2"] },
        { "min relevance exact", new EventFilter(MinRelevance: 0.35, Type: "Battles"), ["first.txt#e1", "second.txt#e2"] },
        { "area combined", new EventFilter(Area: new GeoBox(0, -20, 60, 60), Status: "current"), ["second.txt#e1", "hostile.txt#e1", "first.txt#e1"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Argument_filters_select_the_right_events(string name, EventFilter filter, string[] expected)
    {
        _ = name;
        var page = await Store.QueryEventsAsync(new EventQuery(filter));
        Assert.Equal(expected, page.Items.Select(e => e.DocumentKey.Replace(".html", ".txt", StringComparison.Ordinal) + "#" + e.LocalId));
    }

    [Theory]
    // Cells of 22.5 degrees hold Armenia's two places together; cells of 0.35 degrees part them.
    [InlineData(22.5, new long[] { 2, 2 })]
    [InlineData(0.3515625, new long[] { 1, 1, 2 })]
    public async Task Map_cells_group_located_events_on_a_grid(double cellDegrees, long[] counts)
    {
        var cells = await Aggregates.GetMapCellsAsync(EventFilter.All, cellDegrees);
        Assert.Equal(counts, cells.Select(c => c.Events).Order());
        Assert.Equal(4, cells.Sum(c => c.Events));
        // One cell per place at the closer grid: its mean is the place, its box the point, and a lone event its id.
        if (counts.Length == 3)
        {
            var clash = Assert.Single(cells, c => c.ByType.ContainsKey("Battles") && c.Events == 1);
            Assert.Equal((40.5, 45.25), (clash.Lat, clash.Lon));
            Assert.Equal(new GeoBox(45.25, 40.5, 45.25, 40.5), clash.Bounds);
            Assert.Equal(14, clash.Fatalities);
            Assert.NotNull(clash.EventId);
        }
        else
        {
            var armenia = Assert.Single(cells, c => c.Lat > 0);
            Assert.Equal(new Dictionary<string, long> { ["Battles"] = 1, ["Explosions/Remote violence"] = 1 }, armenia.ByType);
            Assert.Equal((40.75, 45.625), (armenia.Lat, armenia.Lon));
            Assert.Equal(new GeoBox(45.25, 40.5, 46, 41), armenia.Bounds);
            Assert.Null(armenia.EventId);
        }
    }

    [Fact]
    public async Task Map_cells_follow_the_filters()
    {
        var cells = await Aggregates.GetMapCellsAsync(new EventFilter(Status: "current", Country: "AZE"), 22.5);
        var rivercity = Assert.Single(cells);
        Assert.Equal(new Dictionary<string, long> { ["Protests"] = 1 }, rivercity.ByType);
        Assert.Equal(2, rivercity.Fatalities);
    }

    [Fact]
    public async Task Event_digests_come_in_id_order_from_after_an_id()
    {
        var all = await Aggregates.GetEventDigestsAsync(-1, 100);
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(d => d.Id).Order(), all.Select(d => d.Id));
        Assert.Equal(4, all.Count(d => d.Lat is not null));
        var clash = Assert.Single(all, d => d.Best == 14);
        Assert.Equal(("Battles", "2024-05-06", true, 9L, 23L), (clash.EventType, clash.DateStart, clash.Current, clash.Low!.Value, clash.High!.Value));
        // Its country and document, and its current killed figures by side (the side, else the victims' country), for the statistics.
        Assert.Equal("ARM", clash.Country);
        Assert.Equal(["ARM 9", "Army of Xa 14"], clash.Kills!.Select(k => $"{k.Side} {k.Best}").Order(StringComparer.Ordinal));
        Assert.Equal(2, all.Where(d => d.DocumentId == clash.DocumentId).Count());
        Assert.Null(Assert.Single(all, d => d.EventType == "Statements").Kills);
        var rest = await Aggregates.GetEventDigestsAsync(all[1].Id, 2);
        // Compared without the lists of figures (each answer has its own), then those by content.
        Assert.Equal(all.Skip(2).Take(2).Select(d => d with { Kills = null }), rest.Select(d => d with { Kills = null }));
        Assert.Equal(all.Skip(2).Take(2).Select(d => d.Kills?.Count), rest.Select(d => d.Kills?.Count));
        Assert.Empty(await Aggregates.GetEventDigestsAsync(all[^1].Id, 100));
    }

    [Fact]
    public async Task Day_type_counts_sum_only_current_fatalities()
    {
        var rows = await Aggregates.GetDayTypeCountsAsync(EventFilter.All);
        Assert.Equal(
            [
                new DayTypeCount("1995-01-01", "Battles", 1, 0, 0, 0),
                new DayTypeCount("2024-05-06", "Battles", 1, 9, 14, 23),
                new DayTypeCount("2024-05-06", "Statements", 1, 0, 0, 0),
                new DayTypeCount("2024-05-07", "Explosions/Remote violence", 1, 3, 3, 3),
                new DayTypeCount("2024-06-01", "Protests", 1, 2, 2, 2),
            ],
            rows);
    }
}

public sealed class SqliteEventAggregatesTests : EventAggregatesContractTests
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    protected override async Task<IEventStore> OpenEmptyStoreAsync() => await StoreFactory.CreateSqliteAsync(_directory);

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
        return Task.CompletedTask;
    }
}

public sealed class PostgresEventAggregatesTests : EventAggregatesContractTests
{
    private string? _connectionString;

    protected override async Task<IEventStore> OpenEmptyStoreAsync()
    {
        _connectionString = await StoreFactory.CreatePostgresDatabaseAsync();
        return await PostgresEventStore.OpenAsync(_connectionString);
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null) await StoreFactory.DropPostgresDatabaseAsync(_connectionString);
    }
}
