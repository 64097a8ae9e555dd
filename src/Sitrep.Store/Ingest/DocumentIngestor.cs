using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Model;

namespace Sitrep.Store.Ingest;

/// <summary>
/// Reads, extracts and stores documents batch by batch. Known documents (by content hash) are not
/// extracted again, so a repeated or resumed ingest costs little more than reading. Extraction of a
/// batch runs on every core while the previous batch is being written.
/// </summary>
public sealed class DocumentIngestor
{
    /// <summary>
    /// Documents a batch (one transaction) holds at most. Each commit writes every index page the batch changed and
    /// flushes the text index's new terms as a segment to be merged later, so fewer, larger transactions cost the
    /// writer less: on the benchmark corpus of short documents 4096 took the SQLite writer's CPU from 22 to 15 s
    /// against 1024, for about 50 MB more memory held by the batches in flight (docs/PERFORMANCE.md).
    /// </summary>
    public const int DefaultBatchSize = 4096;

    /// <summary>
    /// A batch is also cut at this many characters of text, so that a few large documents never hold more
    /// than a few megabytes (and their results) in memory, whatever the batch size.
    /// </summary>
    public const long MaxBatchCharacters = 4_000_000;

    /// <summary>How often, at most, a running ingest assigns the events it stored to incidents (it always does at the end).</summary>
    public static readonly TimeSpan IncidentInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After an assignment, the next waits at least this many times as long as it took: an assignment re-reads what the
    /// new events may affect, which grows with the store, so a fixed interval would let a long backfill spend most of
    /// its time re-fusing; this keeps the assignments along the way to about a fifth of the run.
    /// </summary>
    private const int IncidentSpacing = 4;

    private readonly IEventStore _store;
    private readonly ExtractionPipeline _pipeline;
    private readonly ExtractionOptions _options;
    private readonly int _batchSize;
    private readonly TimeSpan _incidentInterval;

    /// <param name="options">Extraction options; with <see cref="ExtractionOptions.IncludeMentions"/> every mention
    /// (each number, date, place... found anywhere) is stored as a span too, not only the events' arguments.
    /// That makes ingest several times slower and the database larger, so it is off unless asked.</param>
    /// <param name="incidentInterval">The least time between assignments along the way (default <see cref="IncidentInterval"/>).</param>
    public DocumentIngestor(IEventStore store, ExtractionPipeline pipeline, ExtractionOptions? options = null, int batchSize = DefaultBatchSize, TimeSpan? incidentInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _pipeline = pipeline;
        _options = options ?? ExtractionOptions.Default;
        _batchSize = batchSize;
        _incidentInterval = incidentInterval ?? IncidentInterval;
    }

    /// <param name="onProblem">Called for each input that could not be read; the others go on.</param>
    public async Task<IngestProgress> IngestAsync(
        IEnumerable<ReadItem> items,
        Action<InputProblem> onProblem,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sinceAssignment = Stopwatch.StartNew();
        var assignmentWait = _incidentInterval;
        var storedSinceAssignment = false;
        long read = 0, added = 0, skipped = 0, events = 0, problems = 0, characters = 0;
        var batch = new List<SourceDocument>(Math.Min(_batchSize, 4096));
        long batchCharacters = 0;
        var tooComplex = new List<InputProblem>();
        Task<BatchOutcome>? writing = null;
        using var writerThread = new WriterThread();
        // Into an empty store, a store may build some indexes once at the end rather than row by row (docs/STORE.md).
        var bulk = await writerThread.RunAsync(() => _store.BeginBulkLoadAsync(cancellationToken), cancellationToken).ConfigureAwait(false);

        async Task FinishWriteAsync()
        {
            if (writing is null) return;
            var outcome = await writing.ConfigureAwait(false);
            writing = null;
            added += outcome.DocumentsAdded;
            skipped += outcome.DocumentsSkipped;
            events += outcome.EventsAdded;
            progress?.Report(new IngestProgress(read, added, skipped, events, problems, characters, clock.Elapsed));
        }

        async Task FlushAsync(bool last)
        {
            if (batch.Count == 0) return;
            var documents = batch.ToArray();
            batch.Clear();
            batchCharacters = 0;
            var prepared = await PrepareAsync(documents, tooComplex, cancellationToken).ConfigureAwait(false);
            foreach (var problem in tooComplex)
            {
                problems++;
                onProblem(problem);
            }
            skipped += documents.Length - prepared.Count - tooComplex.Count;
            tooComplex.Clear();
            // Batches are written one at a time and in order, so a resumed run rebuilds the same database.
            await FinishWriteAsync().ConfigureAwait(false);
            // New events join their incidents at the end of the run, and meanwhile every IncidentInterval, so that a
            // long ingest shows them as it goes: an assignment re-fuses every document the new events can affect, which
            // on dense news (every report a day near the others) is most of the store, too much to repeat after each
            // small batch. It runs before a batch is stored, never before the last one: the final assignment follows
            // that batch and would redo all of it (on the benchmark corpus one that fell there cost 13 s of a 68 s run).
            // It is awaited here, so that the next batch is not extracted beside it: the two together made the peak
            // memory of a large ingest (docs/PERFORMANCE.md). When it runs does not change the result (docs/INCIDENTS.md).
            // A bulk load (a first backfill) makes none: its store has no filter indexes to read them with until the end,
            // each would re-fuse most of what it stored so far, which the final one does again, and they made its peak
            // memory (docs/STORE.md, "Bulk loads").
            if (!last && !bulk && storedSinceAssignment && sinceAssignment.Elapsed >= assignmentWait)
            {
                var assigning = Stopwatch.StartNew();
                await writerThread.RunAsync(() => _store.AssignIncidentsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                assignmentWait = TimeSpan.FromTicks(Math.Max(_incidentInterval.Ticks, assigning.Elapsed.Ticks * IncidentSpacing));
                sinceAssignment.Restart();
                storedSinceAssignment = false;
            }
            // On a thread of its own: a SQLite driver's "async" calls run synchronously, and the next batch's
            // extraction should not wait for this one's write.
            writing = writerThread.RunAsync(async () =>
            {
                var outcome = await _store.StorePreparedBatchAsync(prepared, cancellationToken).ConfigureAwait(false);
                if (outcome.EventsAdded > 0) storedSinceAssignment = true;
                return outcome;
            }, cancellationToken);
        }

        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Problem is { } problem)
            {
                problems++;
                onProblem(problem);
                continue;
            }
            var document = item.Document!;
            read++;
            characters += document.Text.Length;
            batch.Add(document);
            batchCharacters += document.Text.Length;
            if (batch.Count >= _batchSize || batchCharacters >= MaxBatchCharacters) await FlushAsync(last: false).ConfigureAwait(false);
        }
        await FlushAsync(last: true).ConfigureAwait(false);
        await FinishWriteAsync().ConfigureAwait(false);
        if (bulk) await writerThread.RunAsync(() => _store.EndBulkLoadAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        // Events stored before incidents existed (a store migrated to version 8) or by another writer get theirs too.
        // On the writer thread like every other write, so that SQLite's page cache stays in that thread's arena.
        await writerThread.RunAsync(() => _store.AssignIncidentsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var final = new IngestProgress(read, added, skipped, events, problems, characters, clock.Elapsed);
        progress?.Report(final);
        return final;
    }

    /// <summary>
    /// Hashes the batch, drops what is stored already (or repeated within the batch), extracts the rest in parallel and
    /// prepares each for storing on the core that extracted it: compressing bodies was a third of the writer's time,
    /// and the writer is the one stage of ingest that runs on a single thread.
    /// </summary>
    private async Task<List<PreparedDocument>> PrepareAsync(SourceDocument[] documents, List<InputProblem> tooComplex, CancellationToken cancellationToken)
    {
        // Hashing is microseconds a document: sequential costs less than handing it to other threads.
        var hashes = Array.ConvertAll(documents, ContentHasher.Hash);
        var stored = await _store.FindStoredHashesAsync(hashes, cancellationToken).ConfigureAwait(false);
        var fresh = new List<int>(documents.Length);
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Length; i++)
        {
            if (!stored.Contains(hashes[i]) && inBatch.Add(hashes[i])) fresh.Add(i);
        }
        var results = new PreparedDocument?[fresh.Count];
        var problems = new InputProblem?[fresh.Count];
        Parallel.For(0, fresh.Count, new ParallelOptions { CancellationToken = cancellationToken }, j =>
        {
            var document = documents[fresh[j]];
            try
            {
                results[j] = _store.Prepare(new ExtractedDocument(document, _pipeline.Process(document, _options), hashes[fresh[j]]));
            }
            catch (DocumentTooComplexException e)
            {
                // Not stored, so a later run with a larger budget still takes it.
                problems[j] = new InputProblem(document.Origin ?? document.Id, null, e.Message);
            }
        });
        tooComplex.AddRange(problems.OfType<InputProblem>());
        return [.. results.OfType<PreparedDocument>()];
    }
}
