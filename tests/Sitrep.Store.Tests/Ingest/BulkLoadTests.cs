using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>
/// An ingest into an empty SQLite store builds the filter indexes of <c>events</c> once at the end instead of row by
/// row: they are really absent while it loads, the store ends with exactly the indexes its schema defines, a load cut
/// short gets them back at the next open for writing, and a store that already holds events keeps them throughout.
/// </summary>
public sealed class BulkLoadTests : IDisposable
{
    private static readonly ExtractionPipeline Pipeline = new();
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    [Fact]
    public async Task An_ingest_into_an_empty_store_loads_without_the_filter_indexes_and_ends_with_all_of_them()
    {
        var corpus = Path.Combine(_directory, "corpus.jsonl");
        CorpusGenerator.Write(corpus, 60_000, seed: 5, sentencesPerArticle: 4);
        var path = Path.Combine(_directory, "bulk.db");
        var duringLoad = new List<string[]>();
        await using (var store = await SqliteEventStore.OpenAsync(path))
        {
            // Progress is reported after each stored batch: what the indexes are then, seen from another connection.
            var progress = new SynchronousProgress(_ => duringLoad.Add(EventIndexes(path).Select(i => i.Name).ToArray()));
            await new DocumentIngestor(store, Pipeline, batchSize: 20).IngestAsync(new InputReader().Read([corpus]), _ => { }, progress);
        }

        Assert.True(duringLoad.Count > 2);
        Assert.All(duringLoad.SkipLast(1), indexes => Assert.Equal(["events_document_ordinal"], indexes));
        Assert.Equal(await SchemaIndexesAsync(), EventIndexes(path));
    }

    [Fact]
    public async Task A_bulk_load_assigns_incidents_at_its_end_and_a_later_ingest_also_along_the_way()
    {
        var first = Path.Combine(_directory, "first.jsonl");
        var second = Path.Combine(_directory, "second.jsonl");
        CorpusGenerator.Write(first, 30_000, seed: 8, sentencesPerArticle: 4);
        CorpusGenerator.Write(second, 30_000, seed: 9, sentencesPerArticle: 4);
        await using var store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "assign.db"));
        // No interval: an ingest that assigns along the way does so before every batch but the first and the last.
        var ingestor = new DocumentIngestor(store, Pipeline, batchSize: 10, incidentInterval: TimeSpan.Zero);
        async Task<List<long>> IncidentsAfterEachBatchAsync(string corpus)
        {
            var seen = new List<long>();
            var progress = new SynchronousProgress(_ => seen.Add(store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All)).GetAwaiter().GetResult().Total));
            await ingestor.IngestAsync(new InputReader().Read([corpus]), _ => { }, progress);
            return seen;
        }

        var bulk = await IncidentsAfterEachBatchAsync(first);
        var later = await IncidentsAfterEachBatchAsync(second);

        Assert.True(bulk.Count > 3 && later.Count > 3);
        Assert.All(bulk.SkipLast(1), total => Assert.Equal(0, total));
        Assert.True(bulk[^1] > 0);
        // The store held events, so the second ingest was no bulk load: incidents grew before its end.
        Assert.Contains(later.SkipLast(1), total => total > bulk[^1]);
    }

    [Fact]
    public async Task A_load_cut_short_gets_its_indexes_back_when_the_store_is_next_opened_for_writing()
    {
        var path = Path.Combine(_directory, "cut.db");
        await using (var store = await SqliteEventStore.OpenAsync(path))
        {
            Assert.True(await store.BeginBulkLoadAsync());
            await store.StoreBatchAsync(SampleResults.All());
            // No EndBulkLoadAsync: the process was killed here.
        }
        Assert.Equal(["events_document_ordinal"], EventIndexes(path).Select(i => i.Name));

        await using (await SqliteEventStore.OpenAsync(path))
        {
            Assert.Equal(await SchemaIndexesAsync(), EventIndexes(path));
        }
    }

    [Fact]
    public async Task A_store_that_already_holds_events_keeps_its_indexes()
    {
        var path = Path.Combine(_directory, "full.db");
        await using var store = await SqliteEventStore.OpenAsync(path);
        await store.StoreBatchAsync([SampleResults.First()]);

        Assert.False(await store.BeginBulkLoadAsync());

        Assert.Equal(await SchemaIndexesAsync(), EventIndexes(path));
    }

    /// <summary>The indexes of events in a new store, as its migrations make them.</summary>
    private async Task<(string Name, string Sql)[]> SchemaIndexesAsync()
    {
        var path = Path.Combine(_directory, $"schema-{Guid.NewGuid():N}.db");
        await using (await SqliteEventStore.OpenAsync(path))
        {
        }
        return EventIndexes(path);
    }

    private static (string Name, string Sql)[] EventIndexes(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        return [.. connection.Query<(string, string)>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name")];
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
