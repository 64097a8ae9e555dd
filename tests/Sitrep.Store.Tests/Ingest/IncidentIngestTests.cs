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

    /// <summary>What <c>sitrep incidents</c> writes for the golden set, one incident a line.</summary>
    private static readonly Lazy<string> Expected = new(() =>
    {
        var fusion = new IncidentFusion();
        foreach (var document in Golden.Value) fusion.Add(document.Result);
        return string.Join("\n", fusion.Build().Select(i => ContractJson.Serialize(i)));
    });

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
