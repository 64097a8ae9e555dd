using Dapper;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Schema;

namespace Sitrep.Store.Sql;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), FTS5 for text.
/// synchronous=NORMAL keeps every committed batch across a killed process; only a power cut may lose the last one.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private readonly string _connectionString;

    private readonly bool _readOnly;

    private SqliteEventStore(string path, string connectionString, bool readOnly = false)
    {
        Path = path;
        _connectionString = connectionString;
        _readOnly = readOnly;
    }

    public string Path { get; }

    public override string Description => $"SQLite {Path}";

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    public static async Task<SqliteEventStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null) Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteEventStore(full, connectionString);
        try
        {
            await using var connection = await store.OpenConnectionAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var before = await MigrationRunner.ApplyAsync(
                connection, Migration.For("sqlite"), cancellationToken,
                (version, transaction, token) => version == LeanLayoutConversion.Version
                    ? LeanLayoutConversion.RunAsync(connection, transaction, fillSqliteSearch: true, token)
                    : Task.CompletedTask).ConfigureAwait(false);
            if (before is > 0 and < LastShrinkingVersion)
            {
                // The move to the lean layout (4) and the end of stored incident records (11) each drop most of a file's
                // pages; without this the file keeps its size.
                await OptimizeAsync(connection, "VACUUM", cancellationToken).ConfigureAwait(false);
            }
            // A bulk load that was interrupted left some indexes unbuilt.
            await SqliteDeferredIndexes.BuildMissingAsync(connection, cancellationToken).ConfigureAwait(false);
            await OptimizeAsync(connection, "PRAGMA optimize = 0x10002", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{full}: not a usable Sitrep database ({e.Message})", e);
        }
        return store;
    }

    /// <summary>
    /// Opens an existing database for reading only (serve, export): no journal switch, no migration, no
    /// statistics update, so a file of mode 444 or one on a read-only mount works. A database in WAL mode
    /// needs a writable -shm file beside it; where the folder is read-only too, the file is opened as
    /// immutable (nobody can be writing it there). An older schema is an error that names the upgrade command.
    /// </summary>
    public static async Task<SqliteEventStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new StoreException($"{full}: no such database");
        SqliteException? failure = null;
        foreach (var immutable in new[] { false, true })
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                // SQLite reads "file:" names as URIs, whose query can carry immutable=1.
                DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            var store = new SqliteEventStore(full, connectionString, readOnly: true);
            try
            {
                await using var connection = await store.OpenConnectionAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
                await using (var probe = connection.CreateCommand())
                {
                    // The first read of the schema is where a WAL file without a usable -shm fails.
                    probe.CommandText = "SELECT count(*) FROM sqlite_master";
                    await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                }
                await MigrationRunner.CheckCurrentAsync(connection, Migration.For("sqlite"), full, $"sitrep migrate --db {path}", cancellationToken).ConfigureAwait(false);
                return store;
            }
            catch (SqliteException e) when (!immutable && e.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly)
            {
                failure = e;
                SqliteConnection.ClearAllPools();
            }
            catch (SqliteException e)
            {
                throw new StoreException($"{full}: not a usable Sitrep database ({e.Message})", e);
            }
        }
        throw new StoreException($"{full}: cannot be read ({failure!.Message})", failure);
    }

    /// <summary>The newest migration after which a file should be vacuumed.</summary>
    private const int LastShrinkingVersion = 11;

    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenConnectionAsync(forWriting: false, cancellationToken).ConfigureAwait(false);

    private protected override async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken) =>
        await OpenConnectionAsync(forWriting: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The writer keeps a 32 MB page cache: without one, each transaction re-reads the indexes (FTS5 above all) page by
    /// page through pread. It was 64 MB until bulk loads built the filter indexes at the end; since, 32 MB ingests the
    /// benchmark corpus as fast (27 s either way, and 38 against 40 s into a store already holding events) for 45-60 MB
    /// less resident memory, which took a 72 MB ingest under 400 MB (docs/PERFORMANCE.md, session 9). It no longer maps the file: mapped pages count in the process's resident memory and a bulk
    /// load touches most of the file, so a 175 MB database took ingest 175 MB higher (the map saved the writer about a
    /// sixth of its CPU; ingest has to stay within a fixed memory whatever the input). Readers keep a small cache and no
    /// map either: a server holds one pooled connection per concurrent request, and at a million events a map and a
    /// 64 MB cache each took the server to 9.6 GB resident under 32 clients (every connection's map counts the file's
    /// pages again); their reads come from the system's page cache instead, shared by all. Writes also set their
    /// durability and integrity options. Busy waits come from the connection's timeout.
    /// </summary>
    private async Task<SqliteConnection> OpenConnectionAsync(bool forWriting, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragmas = connection.CreateCommand();
        // The writer checkpoints every 64 MB of log instead of 4: index pages changed by consecutive batches
        // are then copied into the file once, not once per batch (16 -> 64 MB took a bulk load's writer from
        // about 20 to 17 s of CPU). The log is a file on disk, reused after each checkpoint, not memory.
        pragmas.CommandText = forWriting
            ? "PRAGMA mmap_size = 0; PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 16384"
            : "PRAGMA mmap_size = 0; PRAGMA cache_size = -4096";
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>SQLite's own statements, bound by position (<see cref="SqliteStatementInsert"/>).</summary>
    private protected override PreparedInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns, string returning = "") =>
        new SqliteStatementInsert((SqliteConnection)connection, table, columns, returning);

    private protected override PreparedInsert CreateDocumentInsert(DbConnection connection, DbTransaction transaction, string[] columns) =>
        CreateInsert(connection, transaction, "documents", columns, returning: "ON CONFLICT (content_hash) DO NOTHING RETURNING id");

    /// <summary>FTS5's rowid is the document's id, so a match gives documents directly.</summary>
    private protected override PreparedInsert CreateSearchInsert(DbConnection connection, DbTransaction transaction) =>
        CreateInsert(connection, transaction, "documents_search", ["rowid", "title", "text"]);

    private protected override bool NullsSortFirst => true;

    /// <summary>One parameter, a JSON array, read back as rows by <c>json_each</c>: binding costs the same for any number of values.</summary>
    private protected override string Parameters<T>(DynamicParameters parameters, string prefix, T[] values)
    {
        parameters.Add(prefix, System.Text.Json.JsonSerializer.Serialize(values));
        return $"SELECT value FROM json_each(@{prefix})";
    }

    private protected override string TextCondition => "e.document_id IN (SELECT rowid FROM documents_search WHERE documents_search MATCH @text)";

    /// <summary>
    /// Each word becomes a quoted FTS5 string (so no user input is read as query syntax), all required;
    /// a trailing * keeps its prefix meaning.
    /// </summary>
    private protected override string? PrepareTextQuery(string text)
    {
        var query = new StringBuilder();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = raw.EndsWith('*');
            var word = new string([.. raw.Where(char.IsLetterOrDigit)]);
            if (word.Length == 0) continue;
            if (query.Length > 0) query.Append(' ');
            query.Append('"').Append(word).Append('"');
            if (prefix) query.Append('*');
        }
        return query.Length == 0 ? null : query.ToString();
    }

    /// <summary>
    /// Refreshes the planner's statistics where they are stale, so that a filter on country and status
    /// picks the more selective index. Cheap when nothing changed.
    /// </summary>
    private static async Task OptimizeAsync(SqliteConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On an empty store, drops the filter indexes of <c>events</c> until <see cref="EndBulkLoadAsync"/> (<see cref="SqliteDeferredIndexes"/>).</summary>
    public override async Task<bool> BeginBulkLoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        return await SqliteDeferredIndexes.DropIfEmptyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndBulkLoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await SqliteDeferredIndexes.BuildMissingAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_readOnly)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        try
        {
            await using var connection = await OpenConnectionAsync(forWriting: true, CancellationToken.None).ConfigureAwait(false);
            await OptimizeAsync(connection, "PRAGMA optimize", CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Statistics are an optimisation; a read-only or busy file keeps the old ones.
        }
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        SqliteConnection.ClearAllPools();
    }
}
