using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// A server over a SQLite store of its own, holding the first sample document, that a test goes on writing to while
/// the server answers (live streams, remembered answers): one per test, since the test changes it.
/// </summary>
public sealed class WritableStoreServer : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private WebApplication _app = null!;

    public SqliteEventStore Store { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "store.db"));
        await Store.StoreBatchAsync([SampleResults.First()]);
        _app = SitrepWebHost.Build(Store, "http://127.0.0.1:0");
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/") };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
