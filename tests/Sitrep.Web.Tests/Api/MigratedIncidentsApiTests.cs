using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// A database written when incidents were stored with their whole records (schema 10, tests/Sitrep.Store.Tests/Fixtures)
/// is migrated on open, its records dropped, and must answer every incident request exactly as the version that wrote
/// it did: each record is now built again from its reports' events.
/// </summary>
public sealed class MigratedIncidentsApiTests : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private WebApplication? _app;
    private SqliteEventStore? _store;
    private HttpClient? _client;

    private string Database => Path.Combine(_directory, "v10.db");

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(MigratedStoreApiTests.FixtureDirectory(), "v10-incidents.db"), Database);
        _store = await SqliteEventStore.OpenAsync(Database);
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/") };
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record Answer(int Status, string Body);

    [Fact]
    public async Task Every_incident_answer_of_the_old_version_is_given_again_byte_for_byte()
    {
        Dictionary<string, Answer> answers;
        using (var file = File.OpenRead(Path.Combine(MigratedStoreApiTests.FixtureDirectory(), "v10-incidents.answers.json.gz")))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            answers = JsonSerializer.Deserialize<Dictionary<string, Answer>>(gzip, WebJson)!;
        }
        Assert.True(answers.Count >= 242, $"the fixture should hold every request, has {answers.Count}");
        Assert.Contains(answers, a => a.Key.StartsWith("/api/incidents/i-", StringComparison.Ordinal) && a.Value.Body.Contains("\"revisions\":[{", StringComparison.Ordinal));
        var different = new List<string>();
        foreach (var (path, answer) in answers)
        {
            using var response = await _client!.GetAsync(path);
            // A problem's body carries a trace id of its own request: only the status of a 404 is compared.
            var same = (int)response.StatusCode == answer.Status
                && (answer.Status == (int)HttpStatusCode.NotFound || await response.Content.ReadAsStringAsync() == answer.Body);
            if (!same) different.Add(path);
        }
        Assert.Empty(different);
    }

    [Fact]
    public async Task The_migrated_file_keeps_no_incident_records_and_is_smaller()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('incidents') WHERE name = 'record_json'";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync();
        Assert.True(new FileInfo(Database).Length < new FileInfo(Path.Combine(MigratedStoreApiTests.FixtureDirectory(), "v10-incidents.db")).Length,
            "the migration should leave a smaller file");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
