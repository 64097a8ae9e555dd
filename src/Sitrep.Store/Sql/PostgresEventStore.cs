using System.Data.Common;
using Npgsql;
using Sitrep.Store.Model;
using Sitrep.Store.Schema;

namespace Sitrep.Store.Sql;

/// <summary>
/// The shared store on PostgreSQL: the same tables as SQLite, with a tsvector over the folded
/// (case- and diacritic-free) title and text for search.
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private int _documentColumnCount;

    private PostgresEventStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
            return $"PostgreSQL {builder.Host}/{builder.Database}";
        }
    }

    /// <summary>Connects and brings the schema up to date. The password never appears in messages.</summary>
    public static Task<PostgresEventStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, readOnly: false, cancellationToken);

    /// <summary>Connects for reading only: the schema is checked, never changed (an older one names 'sitrep migrate').</summary>
    public static Task<PostgresEventStore> OpenReadOnlyAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, readOnly: true, cancellationToken);

    private static async Task<PostgresEventStore> OpenAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"--postgres: not a valid connection string ({e.Message})", e);
        }
        var store = new PostgresEventStore(dataSource);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (readOnly)
            {
                await MigrationRunner.CheckCurrentAsync(connection, Migration.For("postgres"), store.Description, "sitrep migrate --postgres ...", cancellationToken).ConfigureAwait(false);
                return store;
            }
            await using (var lockCommand = connection.CreateCommand())
            {
                // Two processes opening a new database at once must not both create the schema.
                lockCommand.CommandText = "SELECT pg_advisory_lock(727271)";
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await MigrationRunner.ApplyAsync(
                connection, Migration.For("postgres"), cancellationToken,
                (version, transaction, token) => version == LeanLayoutConversion.Version
                    ? LeanLayoutConversion.RunAsync(connection, transaction, fillSqliteSearch: false, token)
                    : Task.CompletedTask).ConfigureAwait(false);
            await using (var unlock = connection.CreateCommand())
            {
                unlock.CommandText = "SELECT pg_advisory_unlock(727271)";
                await unlock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StoreException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{store.Description}: cannot use the database ({e.Message})", e);
        }
        return store;
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override PreparedInsert CreateDocumentInsert(DbConnection connection, DbTransaction transaction, string[] columns)
    {
        _documentColumnCount = columns.Length;
        return new CommandInsert(
            connection, transaction, "documents", [.. columns, "search"], "ON CONFLICT (content_hash) DO NOTHING RETURNING id",
            (column, parameter) => column == "search" ? $"to_tsvector('simple', {parameter})" : null);
    }

    private protected override void SetDocumentExtras(PreparedInsert insert, PreparedDocument document) =>
        insert.SetAt(_documentColumnCount, document.SearchText);

    /// <summary>PostgreSQL indexes the folded title and text (tsvector over 'simple'): folding them is part of preparing.</summary>
    public override PreparedDocument Prepare(ExtractedDocument document) => new(document, foldSearchText: true);

    /// <summary>
    /// Binary COPY (<see cref="PostgresBatchCopy"/>), in one transaction. Two processes storing the same new
    /// documents at once: the second waits for the first's commit on the unique hash, then skips them. A
    /// deadlock or serialization failure (which the hash order should prevent) retries the whole batch.
    /// </summary>
    public override async Task<BatchOutcome> StorePreparedBatchAsync(IReadOnlyList<PreparedDocument> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return default;
        var ingestedAt = IngestedAtNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var outcome = await PostgresBatchCopy.WriteAsync(connection, transaction, batch, ingestedAt, string.Join(", ", EventColumnNames), cancellationToken).ConfigureAwait(false);
                if (outcome.DocumentsAdded > 0) await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return outcome;
            }
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await Task.Delay(50 * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Built incidents by binary COPY (<see cref="PostgresIncidentCopy"/>), inside the assignment's transaction.</summary>
    private protected override Task WriteIncidentRowsAsync(
        DbConnection connection, DbTransaction transaction, List<object?[]> incidents, List<(long DocumentId, int Ordinal, string IncidentId)> reports, CancellationToken cancellationToken) =>
        PostgresIncidentCopy.WriteAsync((NpgsqlConnection)connection, IncidentColumns, incidents, reports, cancellationToken);

    private protected override bool NullsSortFirst => false;

    private protected override string TextCondition => "e.document_id IN (SELECT id FROM documents WHERE search @@ plainto_tsquery('simple', @text))";

    private protected override string? PrepareTextQuery(string text)
    {
        var folded = SearchFolding.Fold(text).Trim();
        return folded.Length == 0 ? null : folded;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
