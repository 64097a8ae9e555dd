using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>The write path shared by both databases: one transaction per batch, rows inserted with reused commands.</summary>
public abstract partial class SqlEventStore
{
    private static readonly string[] DocumentColumns =
        ["content_hash", "doc_key", "published", "language", "title", "source", "url", "origin", "text", "warnings_json", "ingested_at"];

    private static readonly string[] EventColumns =
    [
        "document_id", "local_id", "event_type", "sub_event_type", "status", "date_start", "date_end", "date_precision",
        "location_name", "country", "admin1", "lat", "lon", "fatalities_low", "fatalities_best", "fatalities_high",
        "claim_count", "confidence", "record_json",
    ];

    private static readonly string[] CasualtyColumns =
    [
        "event_id", "ordinal", "outcome", "count_value", "count_min", "count_max", "approximate", "count_text",
        "victim_category", "victim_side", "victim_country", "victim_text", "status", "claimant", "via_json",
        "evidence_start", "evidence_end",
    ];

    private static readonly string[] ClaimColumns =
        ["event_id", "local_id", "text", "claimant", "via_json", "contradicts_json", "span_start", "span_end"];

    private static readonly string[] ActorColumns = ["event_id", "name", "country", "kind", "role", "span_start", "span_end"];

    private static readonly string[] PlaceColumns =
        ["event_id", "name", "country", "admin1", "lat", "lon", "precision", "geonames_id", "span_start", "span_end"];

    private static readonly string[] SpanColumns = ["document_id", "event_id", "kind", "span_start", "span_end", "label"];

    public async Task<IReadOnlySet<string>> FindStoredHashesAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (hashes.Count == 0) return found;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // In chunks: SQLite allows a bounded number of parameters per statement.
        foreach (var chunk in hashes.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@h" + i.ToString(CultureInfo.InvariantCulture);
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                parameter.Value = chunk[i];
                command.Parameters.Add(parameter);
            }
            command.CommandText = $"SELECT content_hash FROM documents WHERE content_hash IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) found.Add(reader.GetString(0));
        }
        return found;
    }

    public async Task<BatchOutcome> StoreBatchAsync(IReadOnlyList<ExtractedDocument> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return default;
        await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = new BatchWriter(this, connection, transaction);
        var added = 0;
        var skipped = 0;
        var events = 0;
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var document in batch)
        {
            var stored = await writer.WriteAsync(document, now, cancellationToken).ConfigureAwait(false);
            if (stored < 0)
            {
                skipped++;
                continue;
            }
            added++;
            events += stored;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchOutcome(added, skipped, events);
    }

    /// <summary>The dialect's document insert: it must skip a known content hash and return the new id.</summary>
    private protected abstract PreparedInsert CreateDocumentInsert(DbConnection connection, DbTransaction transaction, string[] columns);

    /// <summary>Sets the values of columns the dialect added to the document insert.</summary>
    private protected virtual void SetDocumentExtras(PreparedInsert insert, ExtractedDocument document)
    {
    }

    /// <summary>The insert that makes a document findable by text search, if the dialect keeps a separate index.</summary>
    private protected virtual PreparedInsert? CreateSearchInsert(DbConnection connection, DbTransaction transaction) => null;

    /// <summary>The inserts of one transaction, each built once.</summary>
    private sealed class BatchWriter(SqlEventStore store, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly PreparedInsert _document = store.CreateDocumentInsert(connection, transaction, DocumentColumns);
        private readonly PreparedInsert _event = new(connection, transaction, "events", EventColumns, returning: "RETURNING id");
        private readonly PreparedInsert _casualty = new(connection, transaction, "casualties", CasualtyColumns);
        private readonly PreparedInsert _claim = new(connection, transaction, "claims", ClaimColumns);
        private readonly PreparedInsert _actor = new(connection, transaction, "actors", ActorColumns);
        private readonly PreparedInsert _place = new(connection, transaction, "places", PlaceColumns);
        private readonly PreparedInsert _span = new(connection, transaction, "evidence_spans", SpanColumns);
        private readonly PreparedInsert? _search = store.CreateSearchInsert(connection, transaction);

        /// <summary>Writes one document and its events; returns the number of events, or -1 if the document was already stored.</summary>
        public async Task<int> WriteAsync(ExtractedDocument document, string now, CancellationToken cancellationToken)
        {
            var source = document.Source;
            var info = document.Result.Document;
            _document.Set(
                document.ContentHash, info.Id, info.Published, info.Language, info.Title, info.Source, info.Url,
                source.Origin, source.Text, JsonSerializer.Serialize(document.Result.Warnings, StoreJson.Options), now);
            store.SetDocumentExtras(_document, document);
            if (await _document.InsertReturningIdAsync(cancellationToken).ConfigureAwait(false) is not { } documentId) return -1;
            if (_search is not null)
            {
                _search.Set(documentId, source.Title, source.Text);
                await _search.InsertAsync(cancellationToken).ConfigureAwait(false);
            }

            var events = document.Result.Events;
            var eventIds = new long[events.Length];
            for (var i = 0; i < events.Length; i++)
            {
                eventIds[i] = await WriteEventAsync(documentId, events[i], cancellationToken).ConfigureAwait(false);
            }
            foreach (var span in SpanCollector.Collect(document.Result, source.Text.Length))
            {
                _span.Set(documentId, span.EventIndex >= 0 ? eventIds[span.EventIndex] : null, span.Kind, span.Start, span.End, span.Label);
                await _span.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            return events.Length;
        }

        private async Task<long> WriteEventAsync(long documentId, EventRecord record, CancellationToken cancellationToken)
        {
            var location = record.Location;
            _event.Set(
                documentId, record.Id, record.EventType, record.SubEventType, record.Status,
                record.Date?.Start, record.Date?.End, record.Date?.Precision,
                location?.Name, location?.Country?.ToUpperInvariant(), location?.Admin1, location?.Lat, location?.Lon,
                record.Fatalities?.Low, record.Fatalities?.Best, record.Fatalities?.High,
                record.Claims.Length, record.Confidence, JsonSerializer.Serialize(record, StoreJson.Options));
            var eventId = await _event.InsertReturningIdAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The event insert returned no id.");

            for (var i = 0; i < record.Casualties.Length; i++)
            {
                var casualty = record.Casualties[i];
                _casualty.Set(
                    eventId, i, casualty.Outcome, casualty.Count?.Value, casualty.Count?.Min, casualty.Count?.Max,
                    casualty.Count?.Approximate == true ? 1 : 0, casualty.Count?.Text,
                    casualty.Victims.Category, casualty.Victims.Side, casualty.Victims.Country, casualty.Victims.Text,
                    casualty.Status, casualty.Attribution?.Claimant,
                    JsonSerializer.Serialize(casualty.Attribution?.Via ?? [], StoreJson.Options),
                    casualty.Evidence.Start, casualty.Evidence.End);
                await _casualty.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var claim in record.Claims)
            {
                _claim.Set(
                    eventId, claim.Id, claim.Text, claim.Claimant,
                    JsonSerializer.Serialize(claim.Via, StoreJson.Options), JsonSerializer.Serialize(claim.Contradicts, StoreJson.Options),
                    claim.Start, claim.End);
                await _claim.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var actor in record.Actors)
            {
                _actor.Set(eventId, actor.Name, actor.Country, actor.Kind, actor.Role, actor.Start, actor.End);
                await _actor.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            if (location is not null)
            {
                _place.Set(eventId, location.Name, location.Country, location.Admin1, location.Lat, location.Lon,
                    location.Precision, location.GeonamesId, location.Start, location.End);
                await _place.InsertAsync(cancellationToken).ConfigureAwait(false);
            }
            return eventId;
        }

        public async ValueTask DisposeAsync()
        {
            await _document.DisposeAsync().ConfigureAwait(false);
            await _event.DisposeAsync().ConfigureAwait(false);
            await _casualty.DisposeAsync().ConfigureAwait(false);
            await _claim.DisposeAsync().ConfigureAwait(false);
            await _actor.DisposeAsync().ConfigureAwait(false);
            await _place.DisposeAsync().ConfigureAwait(false);
            await _span.DisposeAsync().ConfigureAwait(false);
            if (_search is not null) await _search.DisposeAsync().ConfigureAwait(false);
        }
    }
}
