using System.Collections.Concurrent;

namespace Sitrep.Watch.Fetching;

/// <summary>
/// Politeness per host: at most a few requests in flight to one host, and a minimum gap between the starts
/// of two requests to it (the larger of ours and the host's robots.txt Crawl-delay). Other hosts never wait
/// for a slow one. Thread-safe.
/// </summary>
public sealed class HostThrottle(int concurrencyPerHost, TimeSpan minimumGap, TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public int ConcurrencyPerHost { get; } = concurrencyPerHost;

    public TimeSpan MinimumGap { get; } = minimumGap;

    /// <summary>Waits for the host's turn; dispose the result when the request is over.</summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan crawlDelay, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(host, _ => new Gate(ConcurrencyPerHost));
        await gate.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var gap = crawlDelay > MinimumGap ? crawlDelay : MinimumGap;
            TimeSpan wait;
            lock (gate)
            {
                var now = _clock.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + gap;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            return new Turn(gate);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    private sealed class Gate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Turn(Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Slots.Release();
        }
    }
}
