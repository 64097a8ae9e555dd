using Sitrep.Pipeline;

namespace Sitrep.Tests.Evaluation;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(0, null)]     // an empty stream
    [InlineData(1, null)]     // a single item
    [InlineData(500, null)]   // many more items than the window
    [InlineData(500, 1)]      // window 1: the sequential path
    [InlineData(500, 3)]      // a small window smaller than the core count times the default
    public void Results_come_back_in_input_order_and_equal_the_sequential_run(int count, int? window)
    {
        var inputs = Enumerable.Range(0, count).ToArray();
        // Uneven work: later items often finish before earlier ones.
        static string Work(int i)
        {
            if (i % 7 == 0) Thread.Sleep(2);
            return $"item {i}: {i * i}";
        }

        var parallel = OrderedParallel.Map(inputs, Work, window).ToList();
        var sequential = inputs.Select(Work).ToList();
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void At_most_the_window_is_in_flight()
    {
        var running = 0;
        var peak = 0;
        var started = 0;
        var results = OrderedParallel.Map(Enumerable.Range(0, 200), i =>
        {
            Interlocked.Increment(ref started);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref running);
            return i;
        }, window: 4);

        var consumed = 0;
        foreach (var _ in results)
        {
            consumed++;
            // The source is read only as results are taken: never more than the window ahead.
            Assert.True(Volatile.Read(ref started) <= consumed + 4);
        }
        Assert.Equal(200, consumed);
        Assert.True(peak <= 4);
    }

    [Fact]
    public void An_exception_surfaces_at_its_item_after_every_earlier_result()
    {
        var seen = new List<int>();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var value in OrderedParallel.Map(Enumerable.Range(0, 100), i => i == 40 ? throw new InvalidOperationException("bad 40") : i))
            {
                seen.Add(value);
            }
        });
        Assert.Equal("bad 40", error.Message);
        Assert.Equal(Enumerable.Range(0, 40), seen);
    }

    [Fact]
    public void A_window_under_one_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderedParallel.Map([1], i => i, window: 0));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current) return;
            current = previous;
        }
    }
}
