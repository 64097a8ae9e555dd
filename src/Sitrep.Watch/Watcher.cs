using Microsoft.Extensions.Logging;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Sources;
using Sitrep.Watch.State;

namespace Sitrep.Watch;

/// <summary>
/// The monitoring loop. Sources are taken one lease at a time from the store (so several watchers against one
/// PostgreSQL share them and never poll one source at once), polled by <see cref="SourcePoller"/> a few at a
/// time, then released with their next due time: the interval after a success, an exponential backoff with
/// jitter after failures. Alerts waiting in the outbox are delivered after each poll. Stopping (SIGTERM,
/// Ctrl+C) takes no new source and lets the polls under way finish and record their work.
/// </summary>
public sealed class Watcher(
    IReadOnlyList<WatchSource> sources,
    WatchState state,
    SourcePoller poller,
    IReadOnlyList<IAlertSink> sinks,
    WatchReport report,
    ILogger logger,
    TimeProvider clock,
    int parallelism = 4,
    string? owner = null) : IDisposable
{
    /// <summary>A lease lasts this long; a worker that dies holding one frees the source when it lapses.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait after failures before a source is tried again.</summary>
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromHours(6);

    private readonly Dictionary<string, WatchSource> _byKey = sources.ToDictionary(s => s.Key, StringComparer.Ordinal);
    private readonly SemaphoreSlim _deliveryTurn = new(1, 1);

    /// <summary>Who holds a lease: host and process, so a restarted watcher on the same host can free a dead predecessor's leases.</summary>
    public string Owner { get; } = owner ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await state.RegisterSourcesAsync(sources.Select(s => (s.Key, s.Name)), cancellationToken).ConfigureAwait(false);
        var freed = await state.ReclaimDeadLeasesAsync(Environment.MachineName, cancellationToken).ConfigureAwait(false);
        if (freed > 0) logger.LogInformation("freed {Count} leases of an earlier watcher on this host that is no longer running", freed);
        // Alerts an earlier run raised but could not deliver go out first.
        await DeliverAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Every source once (whatever its schedule), except those another live worker is polling; then exits.</summary>
    public async Task RunOnceAsync(CancellationToken stopping)
    {
        var remaining = new HashSet<string>(_byKey.Keys, StringComparer.Ordinal);
        var running = new List<Task>();
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        while (!stopping.IsCancellationRequested)
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            string[] candidates;
            lock (remaining) candidates = [.. remaining];
            var key = await state.TryLeaseAsync(candidates, Owner, clock.GetUtcNow(), long.MaxValue, LeaseDuration, CancellationToken.None).ConfigureAwait(false);
            if (key is null)
            {
                slots.Release();
                break;
            }
            lock (remaining) remaining.Remove(key);
            running.Add(PollLeasedAsync(key, slots));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        await DeliverAsync(CancellationToken.None).ConfigureAwait(false);
        lock (remaining)
        {
            if (remaining.Count > 0 && !stopping.IsCancellationRequested)
            {
                logger.LogInformation("{Count} sources were being polled by another worker and were left to it", remaining.Count);
            }
        }
    }

    /// <summary>Polls each source when it is due until <paramref name="stopping"/> fires, then lets the polls under way finish.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var keys = _byKey.Keys.ToArray();
        var running = new List<Task>();
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var now = clock.GetUtcNow();
            var key = await state.TryLeaseAsync(keys, Owner, now, WatchState.Millis(now), LeaseDuration, CancellationToken.None).ConfigureAwait(false);
            if (key is not null)
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(PollLeasedAsync(key, slots));
                continue;
            }
            slots.Release();
            var next = await state.NextDueAsync(keys, CancellationToken.None).ConfigureAwait(false);
            var wait = next is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) - clock.GetUtcNow() : TimeSpan.FromSeconds(30);
            wait = wait < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait;
            try
            {
                await Task.Delay(wait, clock, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        logger.LogInformation("stopping: letting {Count} polls under way finish", running.Count(t => !t.IsCompleted));
        await Task.WhenAll(running).ConfigureAwait(false);
        await DeliverAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls a leased source to the end. The poll itself is never cancelled by a stop request: it finishes its
    /// articles (each is bounded by the fetch timeouts) so that the work done is recorded.
    /// </summary>
    private async Task PollLeasedAsync(string key, SemaphoreSlim slots)
    {
        await Task.Yield();
        var source = _byKey[key];
        try
        {
            SourcePoller.Outcome outcome;
            try
            {
                outcome = await poller.PollAsync(source, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug or a store failure costs this source's poll, not the watcher.
                logger.LogError(e, "{Source}: poll failed", source.Name);
                outcome = new SourcePoller.Outcome(false, null, e.Message);
            }
            var now = clock.GetUtcNow();
            var row = await state.GetSourceAsync(key, CancellationToken.None).ConfigureAwait(false);
            var nextDue = outcome.Success ? now + source.Interval : now + Backoff(source.Interval, (row?.ConsecutiveFailures ?? 0) + 1);
            await state.FinishSourceAsync(key, Owner, now, outcome.Success, outcome.Validators, outcome.Error, nextDue, CancellationToken.None).ConfigureAwait(false);
            report.SourcePolled(!outcome.Success);
            await DeliverAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The interval doubled for each failure in a row, capped, with ±20 % jitter so that failed sources do not all return at once.</summary>
    public static TimeSpan Backoff(TimeSpan interval, long failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 16));
        var wait = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, MaximumBackoff.Ticks));
        return wait * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (sinks.Count == 0) return;
        await _deliveryTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var sink in sinks)
            {
                var (delivered, failed) = await state.DeliverPendingAsync(sink.Id, alert => sink.DeliverAsync(alert, cancellationToken), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                report.Delivered(delivered, failed);
                if (failed > 0) logger.LogWarning("{Sink}: {Count} alerts not delivered; they are tried again after the next poll", sink.Id, failed);
            }
        }
        finally
        {
            _deliveryTurn.Release();
        }
    }

    public void Dispose() => _deliveryTurn.Dispose();
}
