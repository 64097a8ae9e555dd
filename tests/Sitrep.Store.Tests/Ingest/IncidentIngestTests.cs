using Sitrep.Documents;
using Sitrep.Incidents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>
/// Stored incidents equal those of <c>sitrep incidents</c> on the same documents (the fusion golden set,
/// tests/golden/incidents.jsonl), whatever the order the documents are ingested in and however they are batched,
/// on SQLite and on PostgreSQL.
/// </summary>
public sealed class IncidentIngestTests : IDisposable
{
    private static readonly ExtractionPipeline Pipeline = new();

    private static readonly Lazy<List<ExtractedDocument>> Golden = new(() =>
        [.. new InputReader().Read([GoldenPath()]).Select(item =>
        {
            var document = item.Document ?? throw new InvalidOperationException(item.Problem!.ToString());
            return new ExtractedDocument(document, Pipeline.Process(document), ContentHasher.Hash(document));
        })]);

    /// <summary>What <c>sitrep incidents</c> writes for the golden set (its default window), one incident a line.</summary>
    private static readonly Lazy<string> Expected = new(() => Fused(Golden.Value.Select(d => d.Result)));

    private readonly string _directory = StoreFactory.TemporaryDirectory();

    public void Dispose() => StoreFactory.DeleteTemporaryDirectory(_directory);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Five_random_orders_in_two_batch_sizes_store_the_incidents_of_sitrep_incidents(string dialect)
    {
        foreach (var batch in new[] { 1, 25 })
        {
            for (var seed = 1; seed <= 5; seed++)
            {
                var documents = Golden.Value.ToArray();
                new Random(seed * 31 + batch).Shuffle(documents);
                await WithStoreAsync(dialect, $"{seed}-{batch}", async store =>
                {
                    // What the ingestor does after each batch it writes.
                    foreach (var chunk in documents.Chunk(batch))
                    {
                        await store.StoreBatchAsync(chunk);
                        await store.AssignIncidentsAsync();
                    }
                    Assert.Equal(Expected.Value, await StoredAsync(store));
                    // No incident row is left behind by the assignments along the way (one whose reports all moved to
                    // others): the export builds incidents from their reports, so it would not show one.
                    Assert.Equal(Expected.Value.Split('\n').Length, (await store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All))).Total);
                });
            }
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Ingest_assigns_incidents_and_the_api_queries_find_them(string dialect)
    {
        await WithStoreAsync(dialect, "ingest", async store =>
        {
            var lines = File.ReadAllLines(GoldenPath()).Where(l => l.Length > 0).Reverse().ToArray();
            var reversed = Path.Combine(_directory, "reversed.jsonl");
            File.WriteAllLines(reversed, lines);
            var problems = new List<InputProblem>();
            await new DocumentIngestor(store, Pipeline, batchSize: 17).IngestAsync(new InputReader().Read([reversed]), problems.Add);
            Assert.Empty(problems);
            Assert.Equal(Expected.Value, await StoredAsync(store));

            // The Kramatorsk market strike: seven reports, two languages, a rising toll.
            var page = await store.QueryIncidentsAsync(new IncidentQuery(new EventFilter(Text: "Kramatorsk", From: "2025-10-14", To: "2025-10-14"), MinReports: 5));
            var strike = Assert.Single(page.Incidents);
            Assert.Equal(7, strike.Reports);
            Assert.Equal(17, strike.FatalitiesBest);
            var detail = await store.GetIncidentAsync(strike.Id);
            Assert.NotNull(detail);
            Assert.Equal(detail.Incident.Reports.Length, detail.Events.Count);
            Assert.NotEmpty(detail.Incident.Revisions);
            Assert.Null(await store.GetIncidentAsync("i-000000000000"));
            // Assigning again with nothing new changes nothing.
            Assert.Equal(default, await store.AssignIncidentsAsync());
        });
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Reports_of_one_strike_further_apart_than_the_window_are_two_stored_incidents_as_sitrep_incidents_writes_them(string dialect)
    {
        // A wire on the day of a strike, a weekly's report of it 20 days on, a retrospective 100 days on: sitrep
        // incidents (window of 30 days) joins the weekly and writes the retrospective apart, where the fusion without a
        // window would join all three. Stored in two orders, the retrospective first, and assigned after each document.
        var strike = new DateRange("2025-03-01", "2025-03-01", "day", null);
        var wire = Synthetic("wire", new PartialDate(2025, 3, 1), strike);
        var weekly = Synthetic("weekly", new PartialDate(2025, 3, 21), strike);
        var retrospective = Synthetic("retro", new PartialDate(2025, 6, 10), strike);
        var expected = Fused([wire.Result, weekly.Result, retrospective.Result]);
        Assert.Equal(2, expected.Split('\n').Length);
        var whole = new IncidentFusion();
        foreach (var document in new[] { wire, weekly, retrospective }) whole.Add(document.Result);
        Assert.Single(whole.Build());

        foreach (var (name, order) in new[] { ("forward", new[] { wire, weekly, retrospective }), ("backward", new[] { retrospective, weekly, wire }) })
        {
            await WithStoreAsync(dialect, name, async store =>
            {
                foreach (var document in order)
                {
                    await store.StoreBatchAsync([document]);
                    await store.AssignIncidentsAsync();
                }
                Assert.Equal(expected, await StoredAsync(store));
            });
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_document_id_stored_twice_is_fused_once_and_its_other_copys_event_joins_the_same_incident(string dialect)
    {
        // A wire's report and its revision a day later under the same id (new text, so stored as a second document),
        // the revision stored first; then a weekly's report of the same strike.
        var strike = new DateRange("2025-03-01", "2025-03-01", "day", null);
        var revision = Synthetic("wire", new PartialDate(2025, 3, 2), strike, " Updated.");
        var wire = Synthetic("wire", new PartialDate(2025, 3, 1), strike);
        var weekly = Synthetic("weekly", new PartialDate(2025, 3, 5), strike);
        await WithStoreAsync(dialect, "copies", async store =>
        {
            await store.StoreBatchAsync([revision]);
            await store.AssignIncidentsAsync();
            await store.StoreBatchAsync([wire, weekly]);
            await store.AssignIncidentsAsync();

            var incident = Assert.Single((await store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All))).Incidents);
            Assert.Equal(2, incident.Reports);
            Assert.Equal(2, incident.Documents);
            var events = (await store.QueryEventsAsync(new EventQuery(EventFilter.All))).Items;
            Assert.Equal(3, events.Count);
            foreach (var stored in events) Assert.Equal(incident.Id, (await store.GetIncidentOfEventAsync(stored.Id))?.Id);
            // The copy fused is the one first in time: its publication is the incident's first report.
            Assert.Equal("2025-03-01", incident.FirstReport);
        });
    }

    private static ExtractedDocument Synthetic(string id, PartialDate published, DateRange date, string revision = "")
    {
        var source = new SourceDocument(id, $"A drone strike hit Kramatorsk ({id}).{revision}", published);
        var place = new Location("Kramatorsk", "UKR", "Donetsk", 48.72305, 37.55629, "locality", null, null, null);
        var record = new EventRecord("e1", "Explosions/Remote violence", "Air/drone strike", "current", date, place, [], null, [], [], [], 0.8);
        var result = new DocumentResult(new DocumentInfo(id, published.ToString(), "en", null, "Outlet " + id, null), [record], null, []);
        return new ExtractedDocument(source, result, ContentHasher.Hash(source));
    }

    /// <summary>What <c>sitrep incidents</c> writes for these documents, one incident a line.</summary>
    private static string Fused(IEnumerable<DocumentResult> results)
    {
        var fusion = new WindowedIncidentFusion();
        var incidents = new List<Incident>();
        foreach (var result in results) incidents.AddRange(fusion.Add(result));
        incidents.AddRange(fusion.Complete());
        return string.Join("\n", incidents.Select(i => ContractJson.Serialize(i)));
    }

    private static async Task<string> StoredAsync(IEventStore store)
    {
        var incidents = new List<string>();
        await foreach (var incident in store.ExportIncidentsAsync(new IncidentQuery(EventFilter.All))) incidents.Add(ContractJson.Serialize(incident));
        return string.Join("\n", incidents);
    }

    private async Task WithStoreAsync(string dialect, string name, Func<IEventStore, Task> test)
    {
        if (dialect == "sqlite")
        {
            await using var store = await Sitrep.Store.Sql.SqliteEventStore.OpenAsync(Path.Combine(_directory, name + ".db"));
            await test(store);
            return;
        }
        var connection = await StoreFactory.CreatePostgresDatabaseAsync();
        try
        {
            await using var store = await Sitrep.Store.Sql.PostgresEventStore.OpenAsync(connection);
            await test(store);
        }
        finally
        {
            await StoreFactory.DropPostgresDatabaseAsync(connection);
        }
    }

    internal static string GoldenPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "tests", "golden", "incidents.jsonl");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("tests/golden/incidents.jsonl not found above " + AppContext.BaseDirectory);
    }
}
