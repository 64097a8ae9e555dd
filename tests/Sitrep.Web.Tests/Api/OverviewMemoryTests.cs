using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// The unfiltered map, timeline and statistics are computed once and remembered; a batch stored after that must
/// show in the next answer, which must again equal the database's own (asked through a filter every event passes).
/// </summary>
public sealed class OverviewMemoryTests : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private SqliteEventStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "overview.db"));
        await _store.StoreBatchAsync([SampleResults.First()]);
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }

    [Theory]
    [InlineData("api/clusters?zoom=2")]
    [InlineData("api/clusters?zoom=8&view=-180,-85,180,85")]
    [InlineData("api/timeline?bucket=day")]
    [InlineData("api/stats?text=")]
    public async Task A_remembered_overview_answer_follows_a_batch_stored_after_it(string path)
    {
        var before = await _client.GetStringAsync(path);
        Assert.Equal(before, await _client.GetStringAsync(path));

        await _store.StoreBatchAsync([SampleResults.Second()]);
        var after = await _client.GetStringAsync(path);
        Assert.NotEqual(before, after);
        Assert.Equal(await _client.GetStringAsync(path + "&from=1900"), after);
    }
}
