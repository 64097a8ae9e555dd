using System.Data.Common;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Schema;

/// <summary>
/// The part of migration 4 that SQL cannot do: each document's text and its events' records (as they were
/// stored, byte for byte) become one compressed body, and on SQLite the new search index is filled from the
/// text. Runs inside the migration's transaction, a page of documents at a time, so memory stays bounded.
/// </summary>
internal static class LeanLayoutConversion
{
    public const int Version = 4;

    private const int PageSize = 500;

    public static async Task RunAsync(DbConnection connection, DbTransaction transaction, bool fillSqliteSearch, CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var page = await ReadPageAsync(connection, transaction, last, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) return;
            await using var update = Command(connection, transaction, "UPDATE documents SET body = @body WHERE id = @id", "@body", "@id");
            await using var search = fillSqliteSearch
                ? Command(connection, transaction, "INSERT INTO documents_search (rowid, title, text) VALUES (@id, @title, @text)", "@id", "@title", "@text")
                : null;
            foreach (var document in page)
            {
                update.Parameters[0].Value = DocumentBody.EncodeSerialized(document.Text, document.Records);
                update.Parameters[1].Value = document.Id;
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (search is not null)
                {
                    search.Parameters[0].Value = document.Id;
                    search.Parameters[1].Value = (object?)document.Title ?? DBNull.Value;
                    search.Parameters[2].Value = document.Text;
                    await search.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            last = page[^1].Id;
        }
    }

    private sealed record OldDocument(long Id, string? Title, string Text, List<string> Records);

    private static async Task<List<OldDocument>> ReadPageAsync(DbConnection connection, DbTransaction transaction, long after, CancellationToken cancellationToken)
    {
        var page = new List<OldDocument>(PageSize);
        var byId = new Dictionary<long, OldDocument>();
        await using (var documents = Command(connection, transaction, "SELECT id, title, text FROM documents WHERE id > @after ORDER BY id LIMIT @size", "@after", "@size"))
        {
            documents.Parameters[0].Value = after;
            documents.Parameters[1].Value = PageSize;
            await using var reader = await documents.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var document = new OldDocument(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), []);
                page.Add(document);
                byId.Add(document.Id, document);
            }
        }
        if (page.Count == 0) return page;
        await using (var events = Command(connection, transaction,
            "SELECT document_id, record_json FROM events WHERE document_id >= @first AND document_id <= @last ORDER BY document_id, id", "@first", "@last"))
        {
            events.Parameters[0].Value = page[0].Id;
            events.Parameters[1].Value = page[^1].Id;
            await using var reader = await events.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byId[reader.GetInt64(0)].Records.Add(reader.GetString(1));
            }
        }
        return page;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
