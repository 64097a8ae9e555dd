using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>
/// An ingest killed with SIGKILL in the middle, then run again, must leave exactly the database that
/// one uninterrupted run makes: every committed batch kept, the interrupted one gone without a trace, and the
/// incidents assigned at the end the same. On SQLite and on PostgreSQL.
/// </summary>
public sealed class KilledIngestTests : IDisposable
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    [Fact]
    public async Task An_ingest_killed_midway_and_run_again_gives_the_same_database_as_one_clean_run()
    {
        var corpus = Path.Combine(_directory, "corpus.jsonl");
        var documents = CorpusGenerator.Write(corpus, 3_000_000, seed: 11, sentencesPerArticle: 6);
        var clean = Path.Combine(_directory, "clean.db");
        var resumed = Path.Combine(_directory, "resumed.db");
        await KillResumeAndCompareAsync(corpus, documents, "--db", clean, resumed, CountDocumentsAsync, SnapshotAsync);
        Assert.Equal(documents, await CountDocumentsAsync(resumed));
    }

    [Fact]
    public async Task A_postgres_ingest_killed_midway_and_run_again_stores_what_one_clean_run_stores()
    {
        var corpus = Path.Combine(_directory, "corpus.jsonl");
        var documents = CorpusGenerator.Write(corpus, 1_500_000, seed: 12, sentencesPerArticle: 6);
        var clean = await StoreFactory.CreatePostgresDatabaseAsync();
        var resumed = await StoreFactory.CreatePostgresDatabaseAsync();
        try
        {
            await KillResumeAndCompareAsync(corpus, documents, "--postgres", clean, resumed, CountPostgresDocumentsAsync, PostgresSnapshotAsync);
            Assert.Equal(documents, await CountPostgresDocumentsAsync(clean));
        }
        finally
        {
            await StoreFactory.DropPostgresDatabaseAsync(clean);
            await StoreFactory.DropPostgresDatabaseAsync(resumed);
        }
    }

    /// <summary>
    /// Ingests the corpus cleanly into one store; into the other, kills the ingest once 64 documents are stored and runs
    /// it again; then requires the second run to add exactly what was missing and both stores to hold the same rows.
    /// </summary>
    private static async Task KillResumeAndCompareAsync(
        string corpus, int documents, string storeOption, string clean, string resumed,
        Func<string, Task<long>> countDocuments, Func<string, Task<string>> snapshot)
    {
        var cleanRun = await ChildProcess.RunAsync("ingest", corpus, storeOption, clean, "--batch-size", "16");
        Assert.True(cleanRun.ExitCode == 0, cleanRun.Error);

        long atKill;
        using (var child = ChildProcess.Start("ingest", corpus, storeOption, resumed, "--batch-size", "16"))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (await countDocuments(resumed) < 64 && !child.HasExited) await Task.Delay(5, timeout.Token);
            // Process.Kill sends SIGKILL on Unix: no handler, no flush, no cleanup runs.
            child.Kill();
            await child.WaitForExitAsync(timeout.Token);
            atKill = await countDocuments(resumed);
        }
        Assert.InRange(atKill, 1, documents - 1);

        var again = await ChildProcess.RunAsync("ingest", corpus, storeOption, resumed, "--batch-size", "16");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"{documents - atKill} new documents", again.Output, StringComparison.Ordinal);
        Assert.Equal(await snapshot(clean), await snapshot(resumed));
    }

    private static async Task<long> CountPostgresDocumentsAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM documents", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            // The schema is still being created.
            return 0;
        }
    }

    /// <summary>
    /// Every table's rows as text, by content rather than by id: a killed transaction has used up the values of
    /// PostgreSQL's sequences it drew, so the resumed run's ids differ from the clean run's.
    /// </summary>
    private static async Task<string> PostgresSnapshotAsync(string connectionString)
    {
        string[] queries =
        [
            "SELECT content_hash, doc_key, published, language, title, source, body, warnings_json FROM documents ORDER BY content_hash",
            "SELECT d.content_hash, e.ordinal, e.local_id, e.event_type, e.sub_event_type, e.status, e.date_start, e.date_end, e.date_precision, " +
            "e.location_name, e.country, e.lat, e.lon, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.claim_count, e.confidence, e.actors " +
            "FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.content_hash, e.ordinal",
            "SELECT d.content_hash, k.ordinal, k.side, k.low, k.best, k.high FROM event_kills k JOIN documents d ON d.id = k.document_id ORDER BY 1, 2, 3, 4",
            "SELECT d.content_hash FROM documents d WHERE d.search @@ plainto_tsquery('simple', 'killed') ORDER BY 1",
            "SELECT * FROM incidents ORDER BY id",
            "SELECT d.content_hash, r.ordinal, r.incident_id FROM incident_reports r JOIN documents d ON d.id = r.document_id ORDER BY 1, 2",
        ];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await RowsAsTextAsync(connection, queries);
    }

    /// <summary>The rows of each query, a line each (blobs in hex, numbers as the invariant culture writes them), then their count.</summary>
    private static async Task<string> RowsAsTextAsync(System.Data.Common.DbConnection connection, string[] queries)
    {
        var snapshot = new System.Text.StringBuilder();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    snapshot.Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                snapshot.Append('\n');
            }
            snapshot.Append("-- ").Append(rows).Append(" rows: ").Append(query).Append('\n');
        }
        return snapshot.ToString();
    }

    private static async Task<long> CountDocumentsAsync(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM documents";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            // The schema is still being created.
            return 0;
        }
    }

    /// <summary>Every table's rows (ids included, ingestion times excluded), as text.</summary>
    private static async Task<string> SnapshotAsync(string path)
    {
        string[] queries =
        [
            "SELECT id, content_hash, doc_key, published, language, title, source, hex(body), warnings_json FROM documents ORDER BY id",
            "SELECT * FROM events ORDER BY id",
            "SELECT * FROM event_kills ORDER BY rowid",
            "SELECT * FROM evidence_spans ORDER BY id",
            "SELECT rowid FROM documents_search WHERE documents_search MATCH 'killed' ORDER BY rowid",
            "SELECT * FROM incidents ORDER BY id",
            "SELECT * FROM incident_reports ORDER BY document_id, ordinal",
        ];
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await RowsAsTextAsync(connection, queries);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
