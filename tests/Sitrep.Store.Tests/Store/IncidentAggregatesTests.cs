using Sitrep.Documents;
using Sitrep.Incidents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Tests.Ingest;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// The map's and the timeline's aggregates over incidents (the dashboard's default unit), on SQLite and PostgreSQL,
/// against the same answers computed in memory from the stored incidents themselves: the filters an incident has
/// values for test its own, words of the articles select it by its reports, as the incidents list does.
/// </summary>
public sealed class IncidentAggregatesTests : IDisposable
{
    private static readonly Lazy<List<ExtractedDocument>> Golden = new(() =>
    {
        var pipeline = new ExtractionPipeline();
        return [.. new InputReader().Read([IncidentIngestTests.GoldenPath()]).Select(item =>
        {
            var document = item.Document ?? throw new InvalidOperationException(item.Problem!.ToString());
            return new ExtractedDocument(document, pipeline.Process(document), ContentHasher.Hash(document));
        })];
    });

    private readonly string _directory = StoreFactory.TemporaryDirectory();

    public void Dispose() => StoreFactory.DeleteTemporaryDirectory(_directory);

    /// <summary>Filters that each keep some incidents of the golden set and leave others out.</summary>
    private static readonly (string Name, EventFilter Filter)[] Filters =
    [
        ("all", EventFilter.All),
        ("country", new EventFilter(Country: "ukr")),
        ("family", new EventFilter(Type: "Explosions/Remote violence")),
        ("sub-event type", new EventFilter(Type: "Air/drone strike")),
        ("status", new EventFilter(Status: "historical")),
        ("dates", new EventFilter(From: "2025-03-05", To: "2025-03-14")),
        ("area", new EventFilter(Area: new GeoBox(30, 44, 41, 53))),
        ("fatalities", new EventFilter(MinFatalities: 5)),
        ("combined", new EventFilter(Country: "UKR", Status: "current", From: "2025-01-01")),
    ];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Incident_cells_and_days_equal_those_computed_from_the_stored_incidents(string dialect)
    {
        await WithGoldenStoreAsync(dialect, async store =>
        {
            var aggregates = (IEventAggregates)store;
            var incidents = new List<Incident>();
            await foreach (var incident in store.ExportIncidentsAsync(new IncidentQuery(EventFilter.All))) incidents.Add(incident);
            Assert.True(await aggregates.HasIncidentsAsync());
            foreach (var (name, filter) in Filters)
            {
                var expected = incidents.Where(i => Matches(i, filter)).ToList();
                Assert.True(expected.Count > 0 && (filter == EventFilter.All || expected.Count < incidents.Count), $"{name}: the filter must keep some incidents, not all");

                var days = await aggregates.GetIncidentDayTypeCountsAsync(filter);
                var expectedDays = expected.Where(i => i.Date is not null)
                    .GroupBy(i => (i.Date!.Start, i.EventType))
                    .OrderBy(g => g.Key.Start, StringComparer.Ordinal).ThenBy(g => g.Key.EventType, StringComparer.Ordinal)
                    .Select(g => new DayTypeCount(g.Key.Start, g.Key.EventType, g.Count(),
                        g.Where(Current).Sum(i => (long)(i.Fatalities?.Low ?? 0)),
                        g.Where(Current).Sum(i => (long)(i.Fatalities?.Best ?? i.Fatalities?.Low ?? 0)),
                        g.Where(Current).Sum(i => (long)(i.Fatalities?.High ?? i.Fatalities?.Best ?? i.Fatalities?.Low ?? 0))))
                    .ToList();
                Assert.Equal(expectedDays, days);

                var located = expected.Where(i => i.Location is { Lat: not null, Lon: not null }).ToList();
                var cells = await aggregates.GetIncidentCellsAsync(filter, 0.5);
                Assert.Equal(located.Count, cells.Sum(c => c.Events));
                Assert.Equal(located.Sum(i => (long)(i.Fatalities?.Best ?? i.Fatalities?.Low ?? 0)), cells.Sum(c => c.Fatalities));
                foreach (var cell in cells)
                {
                    Assert.Null(cell.EventId);
                    if (cell.Events != 1) { Assert.Null(cell.IncidentId); continue; }
                    var one = Assert.Single(located, i => i.Id == cell.IncidentId);
                    Assert.Equal(Math.Round(one.Location!.Lat!.Value, 5), cell.Lat, 5);
                }
            }
        });
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Words_select_incidents_by_their_reports_and_reports_fuse_into_fewer_incidents(string dialect)
    {
        await WithGoldenStoreAsync(dialect, async store =>
        {
            var aggregates = (IEventAggregates)store;
            foreach (var filter in new[] { new EventFilter(Text: "Kramatorsk"), new EventFilter(Text: "Kramatorsk", Country: "UKR", Status: "current") })
            {
                // The incidents list keeps those with a matching report: so do the map and the timeline for words.
                var listed = await store.QueryIncidentsAsync(new IncidentQuery(filter, Limit: IncidentQuery.MaxLimit));
                var days = await aggregates.GetIncidentDayTypeCountsAsync(filter);
                Assert.InRange(listed.Total, 1, 10);
                Assert.Equal(listed.Total, days.Sum(d => d.Events));
            }
            var incidents = (await aggregates.GetIncidentDayTypeCountsAsync(EventFilter.All)).Sum(d => d.Events);
            var events = (await aggregates.GetDayTypeCountsAsync(EventFilter.All)).Sum(d => d.Events);
            Assert.True(incidents * 3 < events * 2, $"{incidents} incidents from {events} events: reports should fuse");
        });
    }

    private static bool Current(Incident incident) => incident.Status == "current";

    /// <summary>The filters an incident has values for, on its own values (the store's SQL in C#).</summary>
    private static bool Matches(Incident incident, EventFilter filter)
    {
        var date = incident.Date;
        if (filter.From is { } from && (date is null || string.CompareOrdinal(date.End, from) < 0)) return false;
        if (filter.To is { } to && (date is null || string.CompareOrdinal(date.Start, to) > 0)) return false;
        if (filter.Country is { } country && !string.Equals(incident.Location?.Country, country, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Type is { } type && incident.EventType != type && incident.SubEventType != type) return false;
        if (filter.Status is { } status && incident.Status != status) return false;
        if (filter.MinFatalities is { } least && !((incident.Fatalities?.Best ?? incident.Fatalities?.Low) >= least)) return false;
        if (filter.Area is { } area && !(incident.Location is { Lat: { } lat, Lon: { } lon } && lat >= area.South && lat <= area.North && lon >= area.West && lon <= area.East)) return false;
        return true;
    }

    /// <summary>The golden set ingested in batches of 10, incidents assigned after each as ingest does.</summary>
    private async Task WithGoldenStoreAsync(string dialect, Func<IEventStore, Task> test)
    {
        if (dialect == "sqlite")
        {
            await using var store = await Sitrep.Store.Sql.SqliteEventStore.OpenAsync(Path.Combine(_directory, "aggregates.db"));
            await FillAsync(store);
            await test(store);
            return;
        }
        var connection = await StoreFactory.CreatePostgresDatabaseAsync();
        try
        {
            await using var store = await Sitrep.Store.Sql.PostgresEventStore.OpenAsync(connection);
            await FillAsync(store);
            await test(store);
        }
        finally
        {
            await StoreFactory.DropPostgresDatabaseAsync(connection);
        }
    }

    private static async Task FillAsync(IEventStore store)
    {
        foreach (var batch in Golden.Value.Chunk(10))
        {
            await store.StoreBatchAsync(batch);
            await store.AssignIncidentsAsync();
        }
    }
}
