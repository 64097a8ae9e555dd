using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>Opens the store a command line names: a SQLite file (the default) or a PostgreSQL database.</summary>
public static class EventStores
{
    public const string DefaultDatabase = "sitrep.db";

    public static async Task<IEventStore> OpenAsync(string? sqlitePath, string? postgres, CancellationToken cancellationToken = default)
    {
        if (sqlitePath is not null && postgres is not null)
        {
            throw new ArgumentException("give either a SQLite file or a PostgreSQL connection string, not both");
        }
        return postgres is not null
            ? await PostgresEventStore.OpenAsync(postgres, cancellationToken).ConfigureAwait(false)
            : await SqliteEventStore.OpenAsync(sqlitePath ?? DefaultDatabase, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens an existing store without writing to it (no migration): for serve and export.</summary>
    public static async Task<IEventStore> OpenForReadingAsync(string? sqlitePath, string? postgres, CancellationToken cancellationToken = default)
    {
        if (sqlitePath is not null && postgres is not null)
        {
            throw new ArgumentException("give either a SQLite file or a PostgreSQL connection string, not both");
        }
        return postgres is not null
            ? await PostgresEventStore.OpenReadOnlyAsync(postgres, cancellationToken).ConfigureAwait(false)
            : await SqliteEventStore.OpenReadOnlyAsync(sqlitePath ?? DefaultDatabase, cancellationToken).ConfigureAwait(false);
    }
}
