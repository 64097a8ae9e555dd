using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sitrep.Store;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/live</c>: the events stored from now on, pushed as Server-Sent Events while a watcher (or an ingest)
/// adds them, so an open dashboard shows them without a reload. The store's version (one row, the same value
/// as the ETags) is read at most once per <see cref="StoreVersionPoller.Interval"/> for all listeners together;
/// only when it has risen are the new events read, by id above the last one sent (an index seek).
/// </summary>
internal static class LiveEndpoints
{
    /// <summary>At most this many events are sent in full per message; a bulk ingest sends its newest ones and the count of all.</summary>
    public const int MaxEventsPerMessage = 100;

    /// <summary>A message this often even when nothing happens, so that proxies and browsers keep an idle stream open.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void AddServices(IServiceCollection services) => services.AddSingleton<StoreVersionPoller>();

    public static void Map(WebApplication app)
    {
        app.MapGroup("/api").MapGet("/live", Results<ServerSentEventsResult<LiveMessage>, ValidationProblem> (
                HttpContext context, IEventStore store, EventDigestCache digests, StoreVersionPoller versions, IHostApplicationLifetime lifetime, string? after) =>
            {
                // EventSource sends the last id it got when it reconnects: the stream resumes there, losing nothing.
                var resume = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? after;
                long? start = null;
                if (!string.IsNullOrEmpty(resume))
                {
                    if (!long.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        return TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { ["after"] = [$"'{resume}': not an event id: give the id of the last event received"] },
                            title: "Invalid query parameter");
                    }
                    start = id;
                }
                // Proxies such as nginx would otherwise hold the messages back in their buffers.
                context.Response.Headers["X-Accel-Buffering"] = "no";
                var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                context.Response.RegisterForDispose(stopping);
                return TypedResults.ServerSentEvents(StreamAsync(Aggregates(store), store, digests, versions, start, stopping.Token));
            })
            .WithName("LiveEvents")
            .WithSummary("Server-Sent Events: 'ready' once (the store's version and the last event id), then 'events' with each batch of newly stored events (at most 100 in full, the count of all). Resumes after Last-Event-ID or 'after' (an event id).");
    }

    private static async IAsyncEnumerable<SseItem<LiveMessage>> StreamAsync(
        IEventAggregates events, IEventStore store, EventDigestCache digests, StoreVersionPoller versions, long? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var version = await versions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var lastId = after ?? await digests.LastIdAsync(cancellationToken).ConfigureAwait(false);
        yield return Item("ready", new LiveMessage(version, lastId, 0, []));
        // A client that resumes gets what it missed at once.
        var pending = after is not null;
        var quiet = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!pending)
            {
                try
                {
                    await Task.Delay(StoreVersionPoller.Interval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                var now = await versions.CurrentAsync(cancellationToken).ConfigureAwait(false);
                // A store that cannot tell its version is asked for new events each time (one index seek).
                pending = now is null || now != version;
                version = now;
            }
            if (pending)
            {
                pending = false;
                var message = await NewEventsAsync(events, store, version, lastId, cancellationToken).ConfigureAwait(false);
                if (message.Count > 0)
                {
                    lastId = message.LastId;
                    quiet = TimeSpan.Zero;
                    yield return Item("events", message);
                    continue;
                }
            }
            quiet += StoreVersionPoller.Interval;
            if (quiet >= KeepAlive)
            {
                quiet = TimeSpan.Zero;
                yield return Item("ping", new LiveMessage(version, lastId, 0, []));
            }
        }
    }

    /// <summary>The events stored after <paramref name="lastId"/>: all counted, the newest <see cref="MaxEventsPerMessage"/> read in full.</summary>
    private static async Task<LiveMessage> NewEventsAsync(IEventAggregates events, IEventStore store, string? version, long lastId, CancellationToken cancellationToken)
    {
        const int Page = 5000;
        var newest = new Queue<long>();
        var count = 0;
        var last = lastId;
        while (true)
        {
            var page = await events.GetEventDigestsAsync(last, Page, cancellationToken).ConfigureAwait(false);
            foreach (var digest in page)
            {
                count++;
                newest.Enqueue(digest.Id);
                if (newest.Count > MaxEventsPerMessage) newest.Dequeue();
                last = digest.Id;
            }
            if (page.Count < Page) break;
        }
        var summaries = new List<EventSummary>(newest.Count);
        foreach (var id in newest)
        {
            if (await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is { } detail) summaries.Add(detail.Summary);
        }
        return new LiveMessage(version, last, count, summaries);
    }

    private static SseItem<LiveMessage> Item(string type, LiveMessage message) =>
        new(message, type) { EventId = message.LastId.ToString(CultureInfo.InvariantCulture), ReconnectionInterval = TimeSpan.FromSeconds(3) };

    private static IEventAggregates Aggregates(IEventStore store) =>
        store as IEventAggregates ?? throw new InvalidOperationException($"{store.Description} cannot list new events");
}

/// <summary>
/// One message of the live stream: the store's version, the id of the last event stored so far (the resume
/// point), how many events are new, and the newest of them (at most <see cref="LiveEndpoints.MaxEventsPerMessage"/>).
/// </summary>
internal sealed record LiveMessage(string? Version, long LastId, int Count, IReadOnlyList<EventSummary> Events);

/// <summary>
/// The store's version, read at most once per <see cref="Interval"/> whatever the number of open streams: a
/// hundred dashboards cost one one-row query a second, not a hundred.
/// </summary>
internal sealed class StoreVersionPoller(IEventStore store) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _version;
    private long _readAt;
    private bool _read;

    public async Task<string?> CurrentAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = Environment.TickCount64;
            // A little under the interval, so that a listener that waited one interval always sees a fresh value.
            if (!_read || now - _readAt >= Interval.TotalMilliseconds * 0.9)
            {
                _version = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                _readAt = now;
                _read = true;
            }
            return _version;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
