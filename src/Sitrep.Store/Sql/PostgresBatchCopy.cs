using Npgsql;
using NpgsqlTypes;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>
/// A batch into PostgreSQL with binary COPY instead of one INSERT per row: the documents go into a temporary
/// staging table and reach <c>documents</c> in one INSERT ... SELECT that skips known content hashes and
/// returns the new ids; the events, killed figures and mentions of the new documents are then copied
/// straight into their tables. Documents are inserted in content-hash order, so that two processes storing
/// overlapping batches at once lock the same rows in the same order and cannot deadlock.
/// </summary>
internal static class PostgresBatchCopy
{
    private const string Staging = """
        CREATE TEMP TABLE IF NOT EXISTS staging_documents (
            seq INTEGER, content_hash TEXT, doc_key TEXT, published TEXT, language TEXT, title TEXT, source TEXT, url TEXT,
            origin TEXT, warnings_json TEXT, ingested_at TEXT, body BYTEA, search_text TEXT
        ) ON COMMIT DELETE ROWS
        """;

    private const string DocumentList = "content_hash, doc_key, published, language, title, source, url, origin, warnings_json, ingested_at, body";

    private static readonly NpgsqlDbType[] DocumentTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bytea,
    ];

    // Types of SqlEventStore.EventColumns from "ordinal" on (document_id is written first, as a bigint).
    private static readonly NpgsqlDbType[] EventTypes =
    [
        NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Double,
        NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.Integer, NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Double,
    ];

    public static async Task<BatchOutcome> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PreparedDocument> rows, string ingestedAt,
        string eventColumns, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(Staging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY staging_documents (seq, {DocumentList}, search_text) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                var values = rows[i].DocumentValues(ingestedAt);
                for (var c = 0; c < values.Length; c++) await WriteValueAsync(import, values[c], DocumentTypes[c], cancellationToken).ConfigureAwait(false);
                await WriteValueAsync(import, rows[i].SearchText, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var newIds = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO documents ({DocumentList}, search) SELECT {DocumentList}, to_tsvector('simple', search_text) FROM staging_documents " +
            "ORDER BY content_hash, seq ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash", connection, transaction))
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) newIds[reader.GetString(1)] = reader.GetInt64(0);
        }

        // The first copy of each new hash is the stored one; later copies in the batch count as already stored.
        var added = new List<(long Id, PreparedDocument Row)>(newIds.Count);
        foreach (var row in rows)
        {
            if (newIds.Remove(row.ContentHash, out var id)) added.Add((id, row));
        }
        var events = 0;
        await using (var import = await connection.BeginBinaryImportAsync($"COPY events ({eventColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, row) in added)
            {
                foreach (var values in row.EventRows)
                {
                    await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    for (var c = 0; c < values.Length; c++) await WriteValueAsync(import, values[c], EventTypes[c], cancellationToken).ConfigureAwait(false);
                }
                events += row.EventRows.Length;
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY event_kills (document_id, ordinal, side, low, best, high) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, row) in added)
            {
                foreach (var kill in row.Kills)
                {
                    await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(kill.Ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(kill.Side, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteValueAsync(import, kill.Low, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await WriteValueAsync(import, kill.Best, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await WriteValueAsync(import, kill.High, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        if (added.Any(a => a.Row.Mentions.Count > 0))
        {
            await using var import = await connection.BeginBinaryImportAsync(
                "COPY evidence_spans (document_id, kind, span_start, span_end, label) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var (id, row) in added)
            {
                foreach (var span in row.Mentions)
                {
                    await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(span.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(span.Start, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(span.End, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await WriteValueAsync(import, span.Label, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        return new BatchOutcome(added.Count, rows.Count - added.Count, events);
    }

    internal static Task WriteValueAsync(NpgsqlBinaryImporter import, object? value, NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        null => import.WriteNullAsync(cancellationToken),
        _ when type == NpgsqlDbType.Text => import.WriteAsync((string)value, type, cancellationToken),
        _ when type == NpgsqlDbType.Integer => import.WriteAsync(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), type, cancellationToken),
        _ when type == NpgsqlDbType.Bigint => import.WriteAsync(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), type, cancellationToken),
        _ when type == NpgsqlDbType.Double => import.WriteAsync(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), type, cancellationToken),
        _ => import.WriteAsync((byte[])value, type, cancellationToken),
    };
}
