using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;
using Sitrep.Watch.State;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// /api/sources reads what the watcher recorded in the same database (written here through the watcher's own
/// state class, as a poll does): a working source with its articles of today (not yesterday's), a failing one
/// with its error and failures in a row, and one never polled.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SourcesApiTests(DashboardServer server)
{
    [Fact]
    public async Task Each_source_is_listed_with_its_last_success_last_error_and_documents_today()
    {
        var directory = StoreFactory.TemporaryDirectory();
        var database = Path.Combine(directory, "sources.db");
        try
        {
            await using (await SqliteEventStore.OpenAsync(database))
            {
                // The store's migration made the watcher's tables.
            }
            var now = DateTimeOffset.UtcNow;
            const string Working = "https://news.example.org/world/rss.xml", Failing = "https://ziar.example.ro/rss", Fresh = "https://daily.example.com/national";
            await using (var state = WatchState.Open(database, null))
            {
                await state.RegisterSourcesAsync([(Working, "World desk"), (Failing, "Ziarul"), (Fresh, "daily.example.com")], default);
                Assert.Equal(Working, await state.TryLeaseAsync([Working], "test:1", now, long.MaxValue, TimeSpan.FromMinutes(1), default));
                await state.RecordRevisionAsync("https://news.example.org/a/shelling-near-the-market", Working, null, null, "h1", [], [], now.AddDays(-1).AddHours(-1), default);
                await state.RecordRevisionAsync("https://news.example.org/a/clashes-in-the-north-today", Working, null, null, "h2", [], [], now, default);
                await state.RecordRevisionAsync("https://news.example.org/a/clashes-in-the-north-today", Working, null, null, "h3", [], [], now, default);
                await state.RecordRevisionAsync("https://news.example.org/a/a-third-story-of-today", Working, null, null, "h4", [], [], now, default);
                await state.FinishSourceAsync(Working, "test:1", now, true, null, null, now.AddMinutes(15), default);
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    Assert.Equal(Failing, await state.TryLeaseAsync([Failing], "test:1", now, long.MaxValue, TimeSpan.FromMinutes(1), default));
                    await state.FinishSourceAsync(Failing, "test:1", now, false, null, "HTTP 503 Service Unavailable", now, default);
                }
            }

            await using var store = await SqliteEventStore.OpenReadOnlyAsync(database);
            await using var watch = WatchState.OpenForReading(database, null);
            await using var app = SitrepWebHost.Build(store, "http://127.0.0.1:0", watch: watch);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(app).Single() + "/") };
            using var response = await client.GetAsync(new Uri("api/sources", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "health must not be cached");
            var sources = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("sources").EnumerateArray()
                .ToDictionary(s => s.GetProperty("sourceKey").GetString()!);
            Assert.Equal(3, sources.Count);

            var working = sources[Working];
            Assert.Equal("World desk", working.GetProperty("name").GetString());
            Assert.Equal(now.ToUnixTimeMilliseconds(), working.GetProperty("lastSuccess").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.Equal(JsonValueKind.Null, working.GetProperty("lastError").ValueKind);
            // Two articles today (one of them in two revisions); yesterday's is not counted.
            Assert.Equal(3, working.GetProperty("documentsToday").GetInt64());

            var failing = sources[Failing];
            Assert.Equal(JsonValueKind.Null, failing.GetProperty("lastSuccess").ValueKind);
            Assert.Equal("HTTP 503 Service Unavailable", failing.GetProperty("lastError").GetString());
            Assert.Equal(2, failing.GetProperty("consecutiveFailures").GetInt64());
            Assert.Equal(0, failing.GetProperty("documentsToday").GetInt64());

            var fresh = sources[Fresh];
            Assert.Equal(JsonValueKind.Null, fresh.GetProperty("lastSuccess").ValueKind);
            Assert.Equal(JsonValueKind.Null, fresh.GetProperty("lastError").ValueKind);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            StoreFactory.DeleteTemporaryDirectory(directory);
        }
    }

    [Fact]
    public async Task A_server_given_no_watch_state_lists_no_sources()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/sources", UriKind.Relative))).RootElement;
        Assert.Empty(answer.GetProperty("sources").EnumerateArray());
    }
}
