using System.Data.Common;
using System.Globalization;

namespace Sitrep.Store.Schema;

/// <summary>
/// Brings a database to the newest schema: applies, in order and each in its own transaction, the
/// migrations that <c>schema_migrations</c> does not list yet. Refuses a database newer than this program.
/// </summary>
internal static class MigrationRunner
{
    /// <param name="dataStep">Run inside a migration's transaction after its SQL, for the changes SQL cannot make
    /// (version 4 rewrites records into compressed bodies); given the version just applied.</param>
    /// <returns>The schema version the database had before (0 for a new one).</returns>
    public static async Task<int> ApplyAsync(
        DbConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken,
        Func<int, DbTransaction, CancellationToken, Task>? dataStep = null)
    {
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken).ConfigureAwait(false);
        var applied = await AppliedVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (applied > newest)
        {
            throw new StoreException($"the database has schema version {applied}, newer than this program's {newest}: use a newer sitrep.");
        }
        foreach (var migration in migrations)
        {
            if (migration.Version <= applied) continue;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Another process opening the same new database may have applied it since (SQLite's write
            // transactions lock the file from their start, so the second one waits, then finds it done).
            if (await AppliedVersionAsync(connection, cancellationToken, transaction).ConfigureAwait(false) >= migration.Version) continue;
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            if (dataStep is not null) await dataStep(migration.Version, transaction, cancellationToken).ConfigureAwait(false);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)";
                AddParameter(record, "@version", migration.Version);
                AddParameter(record, "@name", migration.Name);
                AddParameter(record, "@at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return applied;
    }

    /// <summary>
    /// For opening without writing: checks that the database already has this program's schema, and says
    /// what to do when it has not. Creates and changes nothing.
    /// </summary>
    public static async Task CheckCurrentAsync(DbConnection connection, IReadOnlyList<Migration> migrations, string where, string migrateCommand, CancellationToken cancellationToken)
    {
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        int applied;
        try
        {
            applied = await AppliedVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw new StoreException($"{where}: not a Sitrep database, or one never migrated ({e.Message}); create one with 'sitrep ingest' or '{migrateCommand}'", e);
        }
        if (applied > newest)
        {
            throw new StoreException($"{where}: the database has schema version {applied}, newer than this program's {newest}: use a newer sitrep.");
        }
        if (applied < newest)
        {
            throw new StoreException(
                $"{where}: the database has schema version {applied}, older than this program's {newest}: reading never changes a database, so upgrade it first with '{migrateCommand}'.");
        }
    }

    private static async Task<int> AppliedVersionAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
