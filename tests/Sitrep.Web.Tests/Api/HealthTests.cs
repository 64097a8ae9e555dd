using System.Net;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>/healthz answers "ok" while the store answers, for GET and HEAD.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HealthTests(DashboardServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Healthz_says_ok_while_the_store_answers()
    {
        using var response = await _client.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("healthz", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    /// <summary>
    /// A database taken away under a running server (a volume unmounted, a file moved by hand): the probe must
    /// say 503 with the reason, so a load balancer stops sending users to it, and "ok" again once it is back.
    /// </summary>
    [Fact]
    public async Task Healthz_says_503_with_the_reason_when_the_database_is_gone_and_ok_when_it_is_back()
    {
        var directory = StoreFactory.TemporaryDirectory();
        var database = Path.Combine(directory, "health.db");
        var moved = Path.Combine(directory, "elsewhere.db");
        try
        {
            await using var store = await SqliteEventStore.OpenAsync(database);
            await using var app = SitrepWebHost.Build(store, "http://127.0.0.1:0");
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(app).Single() + "/") };
            using (var up = await client.GetAsync(new Uri("healthz", UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, up.StatusCode);

            // Pooled connections would keep reading the moved file through their open handles.
            SqliteConnection.ClearAllPools();
            File.Move(database, moved);
            using (var down = await client.GetAsync(new Uri("healthz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                Assert.StartsWith("store unavailable: ", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            SqliteConnection.ClearAllPools();
            File.Delete(database);
            File.Move(moved, database);
            using var back = await client.GetAsync(new Uri("healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            StoreFactory.DeleteTemporaryDirectory(directory);
        }
    }

    public void Dispose() => _client.Dispose();
}
