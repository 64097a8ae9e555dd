using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Schema;

namespace Sitrep.Store.Sql;

/// <summary>
/// The secondary indexes of <c>events</c> (one for each filter and order the API allows), which a bulk load into an
/// empty SQLite store builds once at the end instead of row by row. Inserting rows in random date order into nine
/// indexes made the ingest writer's work grow with the store: once the indexes outgrew the writer's cache, each batch
/// read and rewrote nearly every index page (docs/PERFORMANCE.md, session 9). Built at the end, each index is one sort.
/// </summary>
/// <remarks>
/// Their definitions are read from a new in-memory database brought to the current schema by the migrations
/// themselves, so they cannot drift from the schema. While they are put off, the file's <c>user_version</c> says so
/// (set in the transaction that drops them, cleared in the one that builds them), and any open for writing builds
/// them then, so a bulk load that was killed leaves a store without them only until the next <c>ingest</c>,
/// <c>migrate</c> or <c>watch</c>; every other open reads that one number and nothing more. The unique index of events
/// (document, ordinal) is never dropped: it guards the rows.
/// </remarks>
internal static class SqliteDeferredIndexes
{
    private static readonly Lazy<Task<string[]>> Definitions = new(ReadDefinitionsAsync);

    /// <summary>The file's <c>user_version</c> while the indexes are put off (0, SQLite's default, otherwise).</summary>
    private const int Deferred = 1;

    /// <summary>Drops the deferred indexes if <c>events</c> is empty; true if it was.</summary>
    public static async Task<bool> DropIfEmptyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM events)", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            return false;
        }
        foreach (var name in await connection.QueryAsync<string>(new CommandDefinition(Deferrable("name"), transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX IF EXISTS \"{name}\"", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {Deferred}", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Builds the deferred indexes if they were put off (nothing to do otherwise).</summary>
    public static async Task BuildMissingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA user_version", cancellationToken: cancellationToken)).ConfigureAwait(false) != Deferred) return;
        var definitions = await Definitions.Value.ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var definition in definitions)
        {
            await connection.ExecuteAsync(new CommandDefinition(definition, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA user_version = 0", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The deferred indexes' column of <c>sqlite_master</c>: every index of events SQL created, but the unique ones.</summary>
    private static string Deferrable(string column) =>
        $"SELECT {column} FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";

    private static async Task<string[]> ReadDefinitionsAsync()
    {
        await using var schema = new SqliteConnection("Data Source=:memory:;Pooling=False");
        await schema.OpenAsync().ConfigureAwait(false);
        await MigrationRunner.ApplyAsync(schema, Migration.For("sqlite"), CancellationToken.None).ConfigureAwait(false);
        var definitions = await schema.QueryAsync<string>(Deferrable("sql")).ConfigureAwait(false);
        // IF NOT EXISTS: another process may build them at the same time.
        return [.. definitions.Select(sql => sql.StartsWith("CREATE INDEX ", StringComparison.Ordinal)
            ? "CREATE INDEX IF NOT EXISTS " + sql["CREATE INDEX ".Length..]
            : throw new InvalidOperationException($"an index definition this store cannot defer: {sql}"))];
    }
}
