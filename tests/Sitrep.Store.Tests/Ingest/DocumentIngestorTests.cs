using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>Ingesting through the real pipeline: every document once, nothing twice, problems reported and skipped.</summary>
public sealed class DocumentIngestorTests : IDisposable
{
    private static readonly ExtractionPipeline Pipeline = new();
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    [Fact]
    public async Task Ingesting_a_corpus_twice_stores_every_document_once()
    {
        var corpus = Path.Combine(_directory, "corpus.jsonl");
        var documents = CorpusGenerator.Write(corpus, 200_000, seed: 3, sentencesPerArticle: 4);
        await using var store = await StoreFactory.CreateSqliteAsync(_directory);
        var ingestor = new DocumentIngestor(store, Pipeline, batchSize: 50);
        var problems = new List<InputProblem>();

        var first = await ingestor.IngestAsync(new InputReader().Read([corpus]), problems.Add);
        var countsAfterFirst = await store.CountAsync();
        var second = await ingestor.IngestAsync(new InputReader().Read([corpus]), problems.Add);

        Assert.Empty(problems);
        Assert.Equal((documents, documents, 0L), (first.DocumentsRead, first.DocumentsAdded, first.DocumentsSkipped));
        Assert.Equal((documents, 0L, documents, 0L), (second.DocumentsRead, second.DocumentsAdded, second.DocumentsSkipped, second.EventsAdded));
        Assert.Equal(countsAfterFirst, await store.CountAsync());
        Assert.Equal(documents, countsAfterFirst.Documents);
        Assert.Equal(first.EventsAdded, countsAfterFirst.Events);
    }

    [Fact]
    public async Task Unreadable_inputs_are_reported_by_name_and_the_others_are_stored()
    {
        var good = Path.Combine(_directory, "good.txt");
        await File.WriteAllTextAsync(good, "date 2024-02-03 Two people were hurt when a crowd clashed with police in a small town.");
        var missing = Path.Combine(_directory, "missing.txt");
        await using var store = await StoreFactory.CreateSqliteAsync(_directory);
        var problems = new List<InputProblem>();

        var result = await new DocumentIngestor(store, Pipeline).IngestAsync(new InputReader().Read([missing, good]), problems.Add);

        Assert.Equal(missing, Assert.Single(problems).Path);
        Assert.Equal((1L, 1L, 1L), (result.DocumentsAdded, result.Problems, (await store.CountAsync()).Documents));
    }

    [Fact]
    public async Task Progress_is_reported_after_each_batch_and_at_the_end()
    {
        await using var store = await StoreFactory.CreateSqliteAsync(_directory);
        var reports = new List<IngestProgress>();
        var documents = Enumerable.Range(1, 7).Select(i => ReadItem.Of(new SourceDocument($"d{i}", $"Text number {i} about a protest.", new PartialDate(2024, 3))));

        await new DocumentIngestor(store, Pipeline, batchSize: 3).IngestAsync(documents, _ => { }, new SynchronousProgress(reports.Add));

        Assert.Equal([3L, 6L, 7L, 7L], reports.Select(r => r.DocumentsAdded));
        Assert.Equal(7, reports[^1].DocumentsRead);
    }

    [Theory]
    // The same text under another id is another document.
    [InlineData("other-id", "Same text.", "2024-01")]
    // A corrected date is another version.
    [InlineData("id", "Same text.", "2024-02")]
    // A corrected text is another version.
    [InlineData("id", "Same text, corrected.", "2024-01")]
    public void Content_hashes_change_with_the_text_and_the_metadata(string id, string text, string published)
    {
        Assert.True(PartialDate.TryParse(published, out var date));
        var original = ContentHasher.Hash(new SourceDocument("id", "Same text.", new PartialDate(2024, 1)));
        Assert.NotEqual(original, ContentHasher.Hash(new SourceDocument(id, text, date)));
        Assert.Equal(original, ContentHasher.Hash(new SourceDocument("id", "Same text.", new PartialDate(2024, 1))));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
