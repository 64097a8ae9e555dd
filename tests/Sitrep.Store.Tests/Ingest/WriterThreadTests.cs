using Sitrep.Store.Ingest;

namespace Sitrep.Store.Tests.Ingest;

/// <summary>Ingest's writes run one at a time, in the order queued, all on the same thread (SQLite's memory depends on it).</summary>
public sealed class WriterThreadTests
{
    [Fact]
    public async Task Writes_run_in_order_one_at_a_time_on_one_thread()
    {
        using var writer = new WriterThread();
        var order = new List<int>();
        var threads = new HashSet<int>();
        var running = 0;
        var overlapped = false;
        var writes = Enumerable.Range(0, 20).Select(i => writer.RunAsync(() =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            Thread.Sleep(1);
            lock (order)
            {
                order.Add(i);
                threads.Add(Environment.CurrentManagedThreadId);
            }
            Interlocked.Decrement(ref running);
            return Task.FromResult(i);
        }, CancellationToken.None)).ToArray();

        Assert.Equal(Enumerable.Range(0, 20), await Task.WhenAll(writes));
        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.False(overlapped);
        Assert.Single(threads);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    [Fact]
    public async Task A_failed_write_fails_its_own_task_and_the_next_ones_still_run()
    {
        using var writer = new WriterThread();
        var failing = writer.RunAsync<int>(() => throw new InvalidOperationException("disk full"), CancellationToken.None);
        var next = writer.RunAsync(() => Task.FromResult(2), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(2, await next);
    }
}
