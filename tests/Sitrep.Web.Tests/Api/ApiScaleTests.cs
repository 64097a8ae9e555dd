using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// What lets the API hold many events and clients: cursor pages, compressed answers, and ETags that spare a
/// query while nothing new is stored. Its own server and store, since one test stores more documents.
/// </summary>
public sealed class ApiScaleTests : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private SqliteEventStore? _store;
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "scale.db"));
        await _store.StoreBatchAsync(SampleResults.All());
        // 40 more events on 40 days, and three without a date (listed last on SQLite, first on PostgreSQL);
        // the samples have two events on one day, so pages also end between equal dates.
        await _store.StoreBatchAsync([.. Enumerable.Range(1, 40).Select(SampleResults.Numbered), .. Enumerable.Range(41, 3).Select(SampleResults.Undated)]);
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/"),
        };
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    [Theory]
    [InlineData("")]
    [InlineData("&type=Battles")]
    [InlineData("&type=Armed%20clash&status=current")]
    [InlineData("&status=current")]
    [InlineData("&from=2024-05-01&to=2024-06-30")]
    public async Task Cursor_pages_give_the_same_events_in_the_same_order_as_offset_pages(string filter)
    {
        var all = Ids(await GetJsonAsync($"api/events?limit=500{filter}"));
        Assert.True(all.Count > 7, $"the filter should select several pages, got {all.Count}");
        var walked = new List<long>();
        var page = await GetJsonAsync($"api/events?limit=7{filter}");
        while (true)
        {
            walked.AddRange(Ids(page));
            if (!page.TryGetProperty("next", out var next)) break;
            page = await GetJsonAsync($"api/events?limit=7{filter}&after={Uri.EscapeDataString(next.GetString()!)}");
        }
        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01.5")]
    [InlineData("2024-05-06.")]
    public async Task A_cursor_that_is_not_one_is_refused_naming_after(string cursor)
    {
        using var response = await _client.GetAsync($"api/events?after={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("after", out _));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Answers_are_compressed_when_the_client_accepts_it(string encoding)
    {
        var plain = await (await _client.GetAsync("api/events?limit=500")).Content.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events?limit=500");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await _client.SendAsync(request);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length * 3 < plain.Length, $"{compressed.Length} bytes compressed against {plain.Length}");
        await using Stream decoder = encoding == "gzip"
            ? new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
    }

    [Theory]
    [InlineData("api/events?type=Battles")]
    [InlineData("api/stats")]
    public async Task A_known_etag_is_answered_not_modified_until_something_new_is_stored(string path)
    {
        using var first = await _client.GetAsync(path);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag);
        using (var response = await _client.SendAsync(again))
        {
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        }

        await _store!.StoreBatchAsync([SampleResults.Numbered(44)]);
        using var afterIngest = new HttpRequestMessage(HttpMethod.Get, path);
        afterIngest.Headers.IfNoneMatch.Add(tag);
        using var changed = await _client.SendAsync(afterIngest);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}
