using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>
/// Several real <c>sitrep ingest</c> processes at once into one store: on PostgreSQL, four processes over
/// overlapping inputs must leave exactly the rows one process leaves (each document once, nothing lost);
/// on SQLite, two processes on one file must both succeed (the second waits for the first's lock).
/// </summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    /// <summary>The corpus, and four slices of it that overlap (each document is in two or three of them).</summary>
    private (string Whole, string[] Parts, int Documents) Inputs()
    {
        var whole = Path.Combine(_directory, "corpus.jsonl");
        var documents = CorpusGenerator.Write(whole, 400_000, seed: 23, sentencesPerArticle: 5);
        var lines = File.ReadAllLines(whole);
        var n = lines.Length;
        (int From, int To)[] ranges = [(0, n * 6 / 10), (n * 2 / 10, n * 8 / 10), (n * 4 / 10, n), (0, n)];
        var parts = new string[ranges.Length];
        for (var i = 0; i < ranges.Length; i++)
        {
            parts[i] = Path.Combine(_directory, $"part{i}.jsonl");
            // The fourth reads the corpus backwards, so its batches meet the others' in the opposite order.
            var slice = lines[ranges[i].From..ranges[i].To];
            File.WriteAllLines(parts[i], i == 3 ? slice.Reverse() : slice);
        }
        return (whole, parts, documents);
    }

    [Fact]
    public async Task Four_processes_ingesting_overlapping_inputs_into_postgres_store_each_document_once()
    {
        var (whole, parts, documents) = Inputs();
        var one = await StoreFactory.CreatePostgresDatabaseAsync();
        var many = await StoreFactory.CreatePostgresDatabaseAsync();
        try
        {
            var single = await ChildProcess.RunAsync("ingest", whole, "--postgres", one, "--batch-size", "16");
            Assert.True(single.ExitCode == 0, single.Error);

            var runs = parts.Select(part => ChildProcess.RunAsync("ingest", part, "--postgres", many, "--batch-size", "16")).ToArray();
            foreach (var run in await Task.WhenAll(runs)) Assert.True(run.ExitCode == 0, run.Error);

            var expected = await PostgresRowsAsync(one);
            Assert.Contains($"-- {documents} documents", expected, StringComparison.Ordinal);
            Assert.Equal(expected, await PostgresRowsAsync(many));
        }
        finally
        {
            await StoreFactory.DropPostgresDatabaseAsync(one);
            await StoreFactory.DropPostgresDatabaseAsync(many);
        }
    }

    [Fact]
    public async Task Two_processes_ingesting_into_one_sqlite_file_both_succeed_and_store_each_document_once()
    {
        var (whole, parts, documents) = Inputs();
        var one = Path.Combine(_directory, "one.db");
        var many = Path.Combine(_directory, "many.db");
        var single = await ChildProcess.RunAsync("ingest", whole, "--db", one);
        Assert.True(single.ExitCode == 0, single.Error);

        var runs = new[] { parts[0], parts[2] }.Select(part => ChildProcess.RunAsync("ingest", part, "--db", many, "--batch-size", "16")).ToArray();
        foreach (var run in await Task.WhenAll(runs)) Assert.True(run.ExitCode == 0, run.Error);

        var expected = await SqliteRowsAsync(one);
        Assert.Contains($"-- {documents} documents", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await SqliteRowsAsync(many));
    }

    // Rows compared by content, not by id: ids depend on which process stored a document first.
    private const string DocumentRows = "SELECT content_hash, doc_key, published, language, title, body, warnings_json FROM documents ORDER BY content_hash";
    private const string EventRows =
        "SELECT d.content_hash, e.ordinal, e.local_id, e.event_type, e.sub_event_type, e.status, e.date_start, e.date_end, e.country, " +
        "e.fatalities_low, e.fatalities_best, e.fatalities_high, e.claim_count FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.content_hash, e.ordinal";
    private const string KillRows =
        "SELECT d.content_hash, k.ordinal, k.side, k.low, k.best, k.high FROM event_kills k JOIN documents d ON d.id = k.document_id ORDER BY d.content_hash, k.ordinal, k.side, k.low";

    private static async Task<string> PostgresRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var (name, query) in new[] { ("documents", DocumentRows), ("events", EventRows), ("kills", KillRows) })
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            Append(text, name, reader);
        }
        return text.ToString();
    }

    private static async Task<string> SqliteRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var (name, query) in new[] { ("documents", DocumentRows), ("events", EventRows), ("kills", KillRows) })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            Append(text, name, reader);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, System.Data.Common.DbDataReader reader)
    {
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "null" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                text.Append(value).Append('|');
            }
            text.Append('\n');
        }
        text.Append("-- ").Append(rows).Append(' ').Append(name).Append('\n');
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
