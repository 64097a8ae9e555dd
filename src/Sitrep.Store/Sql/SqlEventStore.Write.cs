using System.Data.Common;
using Dapper;
using System.Globalization;
using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>The write path shared by both databases: one transaction per batch, rows inserted with reused commands.</summary>
public abstract partial class SqlEventStore
{
    private static readonly string[] DocumentColumns =
        ["content_hash", "doc_key", "published", "language", "title", "source", "url", "origin", "warnings_json", "ingested_at", "body"];

    private static readonly string[] EventColumns =
    [
        "document_id", "ordinal", "local_id", "event_type", "sub_event_type", "status", "date_start", "date_end", "date_precision",
        "location_name", "country", "admin1", "lat", "lon", "fatalities_low", "fatalities_best", "fatalities_high",
        "claim_count", "confidence", "actors", "relevance",
    ];

    /// <summary>The events table's written columns, in the order of <see cref="PreparedDocument.EventRows"/> (after document_id).</summary>
    private protected static IReadOnlyList<string> EventColumnNames => EventColumns;

    private static readonly string[] KillColumns = ["document_id", "ordinal", "side", "low", "best", "high"];

    private static readonly string[] SpanColumns = ["document_id", "kind", "span_start", "span_end", "label"];

    public async Task<IReadOnlySet<string>> FindStoredHashesAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (hashes.Count == 0) return found;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // In chunks, like every list of ids: a statement and its answer stay small whatever the batch.
        foreach (var chunk in hashes.Chunk(IdChunk))
        {
            var parameters = new DynamicParameters();
            var names = Parameters(parameters, "h", chunk);
            found.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT content_hash FROM documents WHERE content_hash IN ({names})", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }
        return found;
    }

    /// <summary>Prepares the batch on every core (<see cref="Prepare"/>), then stores it.</summary>
    public Task<BatchOutcome> StoreBatchAsync(IReadOnlyList<ExtractedDocument> batch, CancellationToken cancellationToken = default)
    {
        var prepared = new PreparedDocument[batch.Count];
        Parallel.For(0, prepared.Length, i => prepared[i] = Prepare(batch[i]));
        return StorePreparedBatchAsync(prepared, cancellationToken);
    }

    public virtual PreparedDocument Prepare(ExtractedDocument document) => new(document, foldSearchText: false);

    public virtual async Task<BatchOutcome> StorePreparedBatchAsync(IReadOnlyList<PreparedDocument> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return default;
        await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new BatchWriter(this, connection, transaction, IngestedAtNow());
        var added = 0;
        var skipped = 0;
        var events = 0;
        foreach (var document in batch)
        {
            if (!await writer.WriteAsync(document, cancellationToken).ConfigureAwait(false))
            {
                skipped++;
                continue;
            }
            added++;
            events += document.EventRows.Length;
        }
        if (added > 0) await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchOutcome(added, skipped, events);
    }

    /// <summary>The time a batch is stored, as documents.ingested_at holds it.</summary>
    private protected static string IngestedAtNow() =>
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Raises the store's version (its ETag): the last statement of a batch that stored something.</summary>
    private protected static async Task BumpVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE store_state SET version = version + 1 WHERE id = 1";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM store_state WHERE id = 1";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>An INSERT of these columns, prepared once and run for many rows (the kind that binds fastest on this store's driver).</summary>
    private protected virtual PreparedInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns, string returning = "") =>
        new CommandInsert(connection, transaction, table, columns, returning);

    /// <summary>The dialect's document insert: it must skip a known content hash and return the new id.</summary>
    private protected abstract PreparedInsert CreateDocumentInsert(DbConnection connection, DbTransaction transaction, string[] columns);

    /// <summary>Sets the values of columns the dialect added to the document insert.</summary>
    private protected virtual void SetDocumentExtras(PreparedInsert insert, PreparedDocument document)
    {
    }

    /// <summary>The insert that makes a document findable by text search, if the dialect keeps a separate index.</summary>
    private protected virtual PreparedInsert? CreateSearchInsert(DbConnection connection, DbTransaction transaction) => null;

    /// <summary>How an event's row and killed figures are derived from its record (<see cref="PreparedDocument"/> does it once).</summary>
    internal static class StoredRows
    {
        /// <summary>
        /// The values of an event's row without its document id, in <see cref="EventColumns"/> order from "ordinal".
        /// The document's conflict relevance is repeated on each of its events so the relevance filter reads the events table alone.
        /// </summary>
        public static object?[] EventValues(int ordinal, EventRecord record, double? relevance)
        {
            var location = record.Location;
            return
            [
                ordinal, record.Id, record.EventType, record.SubEventType, record.Status,
                record.Date?.Start, record.Date?.End, record.Date?.Precision,
                location?.Name, location?.Country?.ToUpperInvariant(), location?.Admin1, location?.Lat, location?.Lon,
                record.Fatalities?.Low, record.Fatalities?.Best, record.Fatalities?.High,
                record.Claims.Length, record.Confidence, ActorNames(record), relevance,
            ];
        }

        /// <summary>
        /// The names of an event's actors, lower-cased, one a line: what the actor filter searches, kept on the event's
        /// row because the normalised actors table is gone (the full actors stay in the record).
        /// </summary>
        public static string? ActorNames(EventRecord record) => record.Actors.IsDefaultOrEmpty
            ? null
            : string.Join('\n', record.Actors.Select(a => a.Name.ToLowerInvariant()).Distinct(StringComparer.Ordinal));

        /// <summary>
        /// The current killed figures of an event, keyed by the side they were claimed about, each with the bounds
        /// that statistics add (an open bound falls back on the figure that is known).
        /// </summary>
        public static IEnumerable<(string Side, long? Low, long? Best, long? High)> Kills(EventRecord record)
        {
            foreach (var casualty in record.Casualties)
            {
                if (casualty.Status != "current" || casualty.Outcome != "killed") continue;
                var count = casualty.Count;
                yield return (
                    casualty.Victims.Side ?? casualty.Victims.Country ?? "unknown",
                    count?.Min ?? count?.Value ?? count?.Max,
                    count?.Value ?? count?.Min ?? count?.Max,
                    count?.Max ?? count?.Value ?? count?.Min);
            }
        }
    }

    /// <summary>The inserts of one transaction, each built once.</summary>
    private sealed class BatchWriter(SqlEventStore store, DbConnection connection, DbTransaction transaction, string ingestedAt) : IAsyncDisposable
    {
        private readonly PreparedInsert _document = store.CreateDocumentInsert(connection, transaction, DocumentColumns);
        private readonly PreparedInsert _event = store.CreateInsert(connection, transaction, "events", EventColumns);
        private readonly PreparedInsert _kill = store.CreateInsert(connection, transaction, "event_kills", KillColumns);
        private readonly PreparedInsert _span = store.CreateInsert(connection, transaction, "evidence_spans", SpanColumns);
        private readonly PreparedInsert? _search = store.CreateSearchInsert(connection, transaction);

        /// <summary>Writes one document and its events; false if the document was already stored.</summary>
        public async Task<bool> WriteAsync(PreparedDocument document, CancellationToken cancellationToken)
        {
            _document.Set(document.DocumentValues(ingestedAt));
            store.SetDocumentExtras(_document, document);
            if (await _document.InsertReturningIdAsync(cancellationToken).ConfigureAwait(false) is not { } documentId) return false;
            if (_search is not null)
            {
                _search.Set(documentId, document.Title, document.Text);
                await _search.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            for (var i = 0; i < document.EventRows.Length; i++)
            {
                _event.SetAt(0, documentId);
                _event.SetFrom(1, document.EventRows[i]);
                await _event.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var kill in document.Kills)
            {
                _kill.Set(documentId, kill.Ordinal, kill.Side, kill.Low, kill.Best, kill.High);
                await _kill.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var span in document.Mentions)
            {
                _span.Set(documentId, span.Kind, span.Start, span.End, span.Label);
                await _span.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _document.DisposeAsync().ConfigureAwait(false);
            await _event.DisposeAsync().ConfigureAwait(false);
            await _kill.DisposeAsync().ConfigureAwait(false);
            await _span.DisposeAsync().ConfigureAwait(false);
            if (_search is not null) await _search.DisposeAsync().ConfigureAwait(false);
        }
    }
}
