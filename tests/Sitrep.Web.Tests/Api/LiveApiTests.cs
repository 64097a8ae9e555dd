using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// /api/live over a real store that is written while the stream is open, read by .NET's own Server-Sent Events
/// parser: the events stored after the stream opened arrive (and only they), a resumed stream gets what it
/// missed at once, and a quiet store sends nothing.
/// </summary>
public sealed class LiveApiTests : IAsyncLifetime
{
    private readonly WritableStoreServer _server = new();

    private SqliteEventStore WrittenStore => _server.Store;

    private HttpClient Client => _server.Client;

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_stream_sends_ready_then_only_the_events_stored_after_it_opened()
    {
        using var stream = await LiveStream.OpenAsync(Client, "api/live");
        var ready = await stream.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("ready", ready.EventType);
        var firstIds = await IdsOfAsync("first.txt");
        Assert.Equal(firstIds.Max(), ready.Data.GetProperty("lastId").GetInt64());
        Assert.Equal(ready.Data.GetProperty("lastId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), ready.EventId);

        // Nothing stored: nothing sent (the keep-alive comes after 15 s).
        var next = stream.NextAsync(TimeSpan.FromSeconds(30));
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(2.5))));

        await WrittenStore.StoreBatchAsync([SampleResults.Second()]);
        var message = await next;
        Assert.Equal("events", message.EventType);
        var secondIds = await IdsOfAsync("second.txt");
        Assert.Equal(secondIds.Count, message.Data.GetProperty("count").GetInt32());
        var sent = message.Data.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(secondIds, sent.Select(e => e.GetProperty("id").GetInt64()).Order().ToList());
        Assert.All(sent, e => Assert.Equal("second.txt", e.GetProperty("documentKey").GetString()));
        Assert.All(sent, e => Assert.Equal("Marș la Rivercity", e.GetProperty("title").GetString()));
        Assert.Equal(secondIds.Max().ToString(System.Globalization.CultureInfo.InvariantCulture), message.EventId);
    }

    [Fact]
    public async Task A_stream_resumed_after_an_event_id_sends_what_was_stored_since_at_once()
    {
        var lastSeen = (await IdsOfAsync("first.txt")).Max();
        await WrittenStore.StoreBatchAsync([SampleResults.Second(), SampleResults.Hostile()]);
        var missed = (await IdsOfAsync("second.txt")).Concat(await IdsOfAsync("hostile.html")).Order().ToList();

        // As a browser's EventSource reconnects: with the Last-Event-ID header.
        using var stream = await LiveStream.OpenAsync(Client, "api/live", lastSeen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ready", (await stream.NextAsync(TimeSpan.FromSeconds(10))).EventType);
        var message = await stream.NextAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("events", message.EventType);
        Assert.Equal(missed, message.Data.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).Order().ToList());

        // The same with ?after= (a client without the header).
        using var byQuery = await LiveStream.OpenAsync(Client, $"api/live?after={lastSeen}");
        await byQuery.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(missed.Count, (await byQuery.NextAsync(TimeSpan.FromSeconds(2))).Data.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public async Task An_after_that_is_not_an_event_id_is_a_400_naming_it(string after)
    {
        using var response = await Client.GetAsync(new Uri($"api/live?after={Uri.EscapeDataString(after)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains($"'{after}': not an event id", problem.GetProperty("errors").GetProperty("after")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<List<long>> IdsOfAsync(string documentKey)
    {
        var page = await WrittenStore.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 100));
        return [.. page.Items.Where(e => e.DocumentKey == documentKey).Select(e => e.Id).Order()];
    }
}

/// <summary>An open /api/live response read message by message with the framework's SSE parser.</summary>
internal sealed class LiveStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;
    private Task<SseItem<JsonElement>>? _pending;

    private LiveStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public static async Task<LiveStream> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next message (one read at a time: a call that timed out is picked up by the next).</summary>
    public Task<SseItem<JsonElement>> NextAsync(TimeSpan timeout)
    {
        _pending ??= ReadAsync();
        var pending = _pending;
        return WaitAsync(pending, timeout);
    }

    private async Task<SseItem<JsonElement>> WaitAsync(Task<SseItem<JsonElement>> pending, TimeSpan timeout)
    {
        var item = await pending.WaitAsync(timeout);
        _pending = null;
        return item;
    }

    private async Task<SseItem<JsonElement>> ReadAsync()
    {
        Assert.True(await _items.MoveNextAsync(), "the stream ended");
        var item = _items.Current;
        return new SseItem<JsonElement>(JsonDocument.Parse(item.Data).RootElement, item.EventType) { EventId = item.EventId };
    }

    public void Dispose() => _response.Dispose();
}
