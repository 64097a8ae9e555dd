using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sitrep.Watch.State;

/// <summary>
/// The watcher's memory, in the same database as the events (tables of migration 007): sources with their
/// validators, health, schedule and lease; article URLs with what was seen of them; revisions; the alert
/// outbox. Every write is one short transaction, so a process killed at any point leaves either the state
/// before or the state after a step, never half of one. The store's own migration creates the tables.
/// </summary>
public sealed class WatchState : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly NpgsqlDataSource? _postgres;

    private WatchState(Func<CancellationToken, Task<DbConnection>> open, NpgsqlDataSource? postgres)
    {
        _open = open;
        _postgres = postgres;
    }

    public bool IsPostgres => _postgres is not null;

    /// <summary>Over the database a store was opened on (the store has applied migration 007 already).</summary>
    public static WatchState Open(string? sqlitePath, string? postgres)
    {
        if (postgres is not null)
        {
            var source = NpgsqlDataSource.Create(postgres);
            return new WatchState(async ct => await source.OpenConnectionAsync(ct).ConfigureAwait(false), source);
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(sqlitePath ?? Sitrep.Store.EventStores.DefaultDatabase),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        return new WatchState(async ct =>
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000").ConfigureAwait(false);
            return connection;
        }, null);
    }

    /// <summary>
    /// For a reader of the watcher's state (<c>sitrep serve</c>'s Sources page): nothing is written, so a
    /// database opened read-only by the server is not touched. The store has checked its schema already.
    /// </summary>
    public static WatchState OpenForReading(string? sqlitePath, string? postgres)
    {
        if (postgres is not null) return Open(null, postgres);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(sqlitePath ?? Sitrep.Store.EventStores.DefaultDatabase),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        return new WatchState(async ct =>
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }, null);
    }

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>Adds the sources of a sources file that the store does not know yet (and refreshes their names).</summary>
    public async Task RegisterSourcesAsync(IEnumerable<(string Key, string Name)> sources, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, name) in sources)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO watch_sources (source_key, name) VALUES (@key, @name) ON CONFLICT (source_key) DO UPDATE SET name = excluded.name",
                new { key, name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Frees the leases that earlier processes of this host hold and can no longer use (the process is gone:
    /// killed, crashed). Leases of live processes and of other hosts are left to expire on their own.
    /// </summary>
    public async Task<int> ReclaimDeadLeasesAsync(string host, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        var owners = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT lease_owner FROM watch_sources WHERE lease_owner LIKE @prefix", new { prefix = host + ":%" }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var freed = 0;
        foreach (var owner in owners)
        {
            if (!int.TryParse(owner.AsSpan(host.Length + 1), out var pid) || IsAlive(pid)) continue;
            freed += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE watch_sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner", new { owner }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        return freed;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes the lease of one of <paramref name="keys"/> that is due by <paramref name="dueBy"/> and not leased
    /// by a live worker, earliest due first; null when there is none. On PostgreSQL the candidate row is
    /// chosen FOR UPDATE SKIP LOCKED, so workers racing for sources never wait for each other nor take the
    /// same one; the lease then holds the source until it is finished or the lease lapses (a dead worker).
    /// </summary>
    public async Task<string?> TryLeaseAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, long dueBy, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return null;
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters();
        parameters.Add("owner", owner);
        parameters.Add("now", Millis(now));
        parameters.Add("until", Millis(now + leaseFor));
        parameters.Add("due", dueBy);
        string sql;
        if (IsPostgres)
        {
            parameters.Add("keys", keys.ToArray());
            sql = """
                UPDATE watch_sources SET lease_owner = @owner, lease_until = @until
                WHERE source_key = (
                    SELECT source_key FROM watch_sources
                    WHERE source_key = ANY(@keys) AND next_due_at <= @due AND (lease_until IS NULL OR lease_until < @now)
                    ORDER BY next_due_at, source_key LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING source_key
                """;
        }
        else
        {
            parameters.Add("keys", JsonSerializer.Serialize(keys.ToArray()));
            // SQLite has one writer at a time: the UPDATE with its sub-select is atomic as it is.
            sql = """
                UPDATE watch_sources SET lease_owner = @owner, lease_until = @until
                WHERE source_key = (
                    SELECT source_key FROM watch_sources
                    WHERE source_key IN (SELECT value FROM json_each(@keys)) AND next_due_at <= @due AND (lease_until IS NULL OR lease_until < @now)
                    ORDER BY next_due_at, source_key LIMIT 1)
                RETURNING source_key
                """;
        }
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The earliest time one of <paramref name="keys"/> is due (for the long-running loop's sleep).</summary>
    public async Task<long?> NextDueAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        var all = await connection.QueryAsync<SourceRow>(new CommandDefinition(SelectSource, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var mine = all.Where(s => keys.Contains(s.SourceKey)).Select(s => Math.Max(s.NextDueAt, s.LeaseUntil ?? 0)).ToList();
        return mine.Count == 0 ? null : mine.Min();
    }

    private const string SelectSource = """
        SELECT source_key AS SourceKey, name AS Name, etag AS ETag, last_modified AS LastModified, last_fetch_at AS LastFetchAt,
               last_success_at AS LastSuccessAt, last_error AS LastError, last_error_at AS LastErrorAt,
               consecutive_failures AS ConsecutiveFailures, next_due_at AS NextDueAt, lease_owner AS LeaseOwner, lease_until AS LeaseUntil
        FROM watch_sources
        """;

    public async Task<SourceRow?> GetSourceAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<SourceRow>(new CommandDefinition(SelectSource + " WHERE source_key = @key", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SourceRow>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<SourceRow>(new CommandDefinition(SelectSource + " ORDER BY source_key", cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    /// <summary>Records a poll's end and releases the lease: validators only after success, so a poll cut short is done again in full.</summary>
    public async Task FinishSourceAsync(string key, string owner, DateTimeOffset now, bool success, Fetching.Validators? validators, string? error, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        var sql = success
            ? """
              UPDATE watch_sources SET etag = @etag, last_modified = @modified, last_fetch_at = @now, last_success_at = @now,
                     consecutive_failures = 0, next_due_at = @next, lease_owner = NULL, lease_until = NULL
              WHERE source_key = @key AND lease_owner = @owner
              """
            : """
              UPDATE watch_sources SET last_fetch_at = @now, last_error = @error, last_error_at = @now,
                     consecutive_failures = consecutive_failures + 1, next_due_at = @next, lease_owner = NULL, lease_until = NULL
              WHERE source_key = @key AND lease_owner = @owner
              """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            key, owner, now = Millis(now), next = Millis(nextDue), error,
            etag = validators?.ETag, modified = validators?.LastModified,
        }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
    }

    public async Task<UrlRow?> GetUrlAsync(string canonicalUrl, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<UrlRow>(new CommandDefinition("""
            SELECT canonical_url AS CanonicalUrl, source_key AS SourceKey, item_signature AS ItemSignature, etag AS ETag,
                   last_modified AS LastModified, content_hash AS ContentHash, revision AS Revision, first_seen_at AS FirstSeenAt
            FROM watch_urls WHERE canonical_url = @canonicalUrl
            """, new { canonicalUrl }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Remembers a URL seen again with nothing new to store (same text, a 304, or a page that failed for good).</summary>
    /// <param name="contentHash">For an address that is another's alias (its page names a different canonical URL): that page's hash, so it is not fetched again.</param>
    public async Task TouchUrlAsync(string canonicalUrl, string sourceKey, string? signature, Fetching.Validators? validators, DateTimeOffset now, CancellationToken cancellationToken, string? contentHash = null)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO watch_urls (canonical_url, source_key, item_signature, etag, last_modified, content_hash, first_seen_at, last_seen_at)
            VALUES (@canonicalUrl, @sourceKey, @signature, @etag, @modified, @contentHash, @now, @now)
            ON CONFLICT (canonical_url) DO UPDATE SET item_signature = COALESCE(excluded.item_signature, watch_urls.item_signature),
                content_hash = COALESCE(excluded.content_hash, watch_urls.content_hash),
                etag = COALESCE(excluded.etag, watch_urls.etag), last_modified = COALESCE(excluded.last_modified, watch_urls.last_modified),
                last_seen_at = excluded.last_seen_at
            """, new { canonicalUrl, sourceKey, signature, etag = validators?.ETag, modified = validators?.LastModified, contentHash, now = Millis(now) },
            cancellationToken: CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>
    /// After the store has the document: its URL's new content hash and revision, the revision's row, and the
    /// alerts it raised with one pending delivery per sink, all in one transaction. The revision number is
    /// the one after what the URL had, unless this hash is that revision already (a repeated call changes nothing).
    /// </summary>
    public async Task<long> RecordRevisionAsync(
        string canonicalUrl, string sourceKey, string? signature, Fetching.Validators? validators, string contentHash,
        IReadOnlyList<NewAlert> alerts, IReadOnlyList<string> sinks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (IsPostgres)
        {
            // Two workers may record one article at once (it is in two of their feeds): one waits for the other,
            // so revision numbers stay a sequence. SQLite's single writer does this by itself.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(727272, hashtext(@canonicalUrl))",
                new { canonicalUrl }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
        var at = Millis(now);
        var known = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT revision FROM watch_revisions WHERE canonical_url = @canonicalUrl AND content_hash = @contentHash",
            new { canonicalUrl, contentHash }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        var revision = known ?? 1 + (await connection.QuerySingleAsync<long?>(new CommandDefinition(
            "SELECT MAX(revision) FROM watch_revisions WHERE canonical_url = @canonicalUrl", new { canonicalUrl }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false) ?? 0);
        if (known is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO watch_revisions (canonical_url, revision, content_hash, stored_at) VALUES (@canonicalUrl, @revision, @contentHash, @at)",
                new { canonicalUrl, revision, contentHash, at }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO watch_urls (canonical_url, source_key, item_signature, etag, last_modified, content_hash, revision, first_seen_at, last_seen_at)
            VALUES (@canonicalUrl, @sourceKey, @signature, @etag, @modified, @contentHash, @revision, @at, @at)
            ON CONFLICT (canonical_url) DO UPDATE SET item_signature = COALESCE(excluded.item_signature, watch_urls.item_signature),
                etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
                revision = excluded.revision, last_seen_at = excluded.last_seen_at
            """, new { canonicalUrl, sourceKey, signature, etag = validators?.ETag, modified = validators?.LastModified, contentHash, revision, at },
            transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            var added = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO watch_alerts (alert_key, rule, payload_json, created_at) VALUES (@Key, @Rule, @PayloadJson, @at) ON CONFLICT (alert_key) DO NOTHING",
                new { alert.Key, alert.Rule, alert.PayloadJson, at }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            if (added == 0) continue;
            foreach (var sink in sinks)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO watch_alert_deliveries (alert_key, sink) VALUES (@key, @sink) ON CONFLICT (alert_key, sink) DO NOTHING",
                    new { key = alert.Key, sink }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return revision;
    }

    /// <summary>
    /// Delivers a sink's pending alerts in creation order through <paramref name="deliver"/> and records each
    /// outcome. On PostgreSQL the rows are taken FOR UPDATE SKIP LOCKED inside one transaction, so two workers
    /// never deliver the same alert at once.
    /// </summary>
    public async Task<(int Delivered, int Failed)> DeliverPendingAsync(string sink, Func<PendingAlert, Task<string?>> deliver, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<string> keys;
        await using (var connection = await _open(cancellationToken).ConfigureAwait(false))
        {
            keys = [.. await connection.QueryAsync<string>(new CommandDefinition("""
                SELECT d.alert_key FROM watch_alert_deliveries d JOIN watch_alerts a ON a.alert_key = d.alert_key
                WHERE d.sink = @sink AND d.delivered_at IS NULL ORDER BY a.created_at, d.alert_key
                """, new { sink }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }
        int delivered = 0, failed = 0;
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // One transaction per alert, so a kill right after a delivery has recorded it (the outcome is committed at once).
            await using var connection = await _open(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var alert = await connection.QuerySingleOrDefaultAsync<PendingAlert>(new CommandDefinition($"""
                SELECT d.alert_key AS AlertKey, a.payload_json AS PayloadJson, d.attempts AS Attempts
                FROM watch_alert_deliveries d JOIN watch_alerts a ON a.alert_key = d.alert_key
                WHERE d.sink = @sink AND d.alert_key = @key AND d.delivered_at IS NULL
                {(IsPostgres ? "FOR UPDATE OF d SKIP LOCKED" : "")}
                """, new { sink, key }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (alert is null) continue;
            var error = await deliver(alert).ConfigureAwait(false);
            if (error is null) delivered++; else failed++;
            await connection.ExecuteAsync(new CommandDefinition(
                error is null
                    ? "UPDATE watch_alert_deliveries SET delivered_at = @at, attempts = attempts + 1, last_error = NULL WHERE alert_key = @key AND sink = @sink"
                    : "UPDATE watch_alert_deliveries SET attempts = attempts + 1, last_error = @error WHERE alert_key = @key AND sink = @sink",
                new { at = Millis(now), key, sink, error }, transaction, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return (delivered, failed);
    }

    public async Task<IReadOnlyList<SourceHealth>> HealthAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        var dayStart = Millis(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        var rows = await connection.QueryAsync<(string Key, string? Name, long? Success, string? Error, long? ErrorAt, long Failures, long Today)>(new CommandDefinition("""
            SELECT s.source_key, s.name, s.last_success_at, s.last_error, s.last_error_at, s.consecutive_failures,
                   (SELECT COUNT(*) FROM watch_urls u JOIN watch_revisions r ON r.canonical_url = u.canonical_url
                    WHERE u.source_key = s.source_key AND r.stored_at >= @dayStart)
            FROM watch_sources s ORDER BY s.source_key
            """, new { dayStart }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new SourceHealth(r.Key, r.Name, Time(r.Success), r.Error, Time(r.ErrorAt), r.Failures, r.Today))];
    }

    private static DateTimeOffset? Time(long? millis) => millis is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
        else SqliteConnection.ClearAllPools();
    }
}
