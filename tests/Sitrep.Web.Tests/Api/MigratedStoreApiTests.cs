using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// A database written by the Sitrep before the lean layout (schema 3, tests/Sitrep.Store.Tests/Fixtures) is
/// migrated on open and must then answer every request exactly as the version that wrote it did.
/// </summary>
public sealed partial class MigratedStoreApiTests : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private WebApplication? _app;
    private SqliteEventStore? _store;
    private HttpClient? _client;

    public static string FixtureDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var fixtures = Path.Combine(folder.FullName, "tests", "Sitrep.Store.Tests", "Fixtures");
            if (Directory.Exists(fixtures)) return fixtures;
        }
        throw new DirectoryNotFoundException("tests/Sitrep.Store.Tests/Fixtures not found above " + AppContext.BaseDirectory);
    }

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_directory, "v3.db");
        File.Copy(Path.Combine(FixtureDirectory(), "v3-samples.db"), database);
        _store = await SqliteEventStore.OpenAsync(database);
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/") };
    }

    private static Dictionary<string, string> OldAnswers()
    {
        using var file = File.OpenRead(Path.Combine(FixtureDirectory(), "v3-samples.answers.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(gzip)!;
    }

    [Fact]
    public async Task Every_answer_of_the_old_version_is_given_again_byte_for_byte()
    {
        var answers = OldAnswers();
        Assert.True(answers.Count >= 119, $"the fixture should hold every request, has {answers.Count}");
        var different = new List<string>();
        foreach (var (path, body) in answers)
        {
            using var response = await _client!.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The one addition since: a full page of events names the cursor of the next one.
            var now = NextCursor().Replace(await response.Content.ReadAsStringAsync(), "}");
            if (now != body) different.Add(path);
        }
        Assert.Empty(different);
    }

    [Fact]
    public async Task The_migrated_file_is_the_new_layout_and_smaller()
    {
        var database = Path.Combine(_directory, "v3.db");
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('casualties', 'claims', 'actors', 'places', 'documents_fts'))";
        Assert.Equal(DBNull.Value, await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM evidence_spans WHERE event_id IS NOT NULL";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
        // The vacuumed pages wait in the write-ahead log until a checkpoint copies them into the file.
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync();
        Assert.True(new FileInfo(database).Length < new FileInfo(Path.Combine(FixtureDirectory(), "v3-samples.db")).Length,
            "the migration should leave a smaller file");
    }

    [System.Text.RegularExpressions.GeneratedRegex("""(?<=\]),"next":"[^"]*"\}$""")]
    private static partial System.Text.RegularExpressions.Regex NextCursor();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
