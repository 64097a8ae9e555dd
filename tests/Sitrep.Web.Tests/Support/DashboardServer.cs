using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;
using Sitrep.Web;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// The real host (Kestrel on a free loopback port) over a SQLite store holding the sample results,
/// shared by every test of the collection.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private WebApplication? _app;

    public SqliteEventStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "web.db"));
        await Store.StoreBatchAsync(SampleResults.All());
        _app = SitrepWebHost.Build(Store, "http://127.0.0.1:0");
        await _app.StartAsync();
        BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/");
    }

    /// <summary>The stored id of an event, found by its document and local id.</summary>
    public async Task<EventSummary> EventAsync(string documentKey, string localId)
    {
        var page = await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 100));
        return page.Items.Single(e => e.DocumentKey == documentKey && e.LocalId == localId);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>
{
    public const string Name = "dashboard";
}
