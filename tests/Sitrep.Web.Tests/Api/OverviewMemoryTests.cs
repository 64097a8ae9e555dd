using Sitrep.Store.Tests.Support;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// The unfiltered map, timeline and statistics are computed once and remembered; a batch stored after that must
/// show in the next answer, which must again equal the database's own (asked through a filter every event passes).
/// </summary>
public sealed class OverviewMemoryTests : IAsyncLifetime
{
    private readonly WritableStoreServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("api/clusters?zoom=2")]
    [InlineData("api/clusters?zoom=8&view=-180,-85,180,85")]
    [InlineData("api/timeline?bucket=day")]
    [InlineData("api/stats?text=")]
    public async Task A_remembered_overview_answer_follows_a_batch_stored_after_it(string path)
    {
        var client = _server.Client;
        var before = await client.GetStringAsync(path);
        Assert.Equal(before, await client.GetStringAsync(path));

        await _server.Store.StoreBatchAsync([SampleResults.Second()]);
        var after = await client.GetStringAsync(path);
        Assert.NotEqual(before, after);
        Assert.Equal(await client.GetStringAsync(path + "&from=1900"), after);
    }
}
