namespace Sitrep.Pipeline;

/// <summary>
/// Runs a function over a stream on every core and yields the results in input order, keeping at most a
/// fixed window of items in flight, so memory stays bounded however long the stream is.
/// </summary>
/// <remarks>
/// The caller's thread enumerates the source and consumes results (reading and writing stay sequential,
/// which keeps file order and error messages deterministic); the function runs on the thread pool. An
/// exception thrown by the function surfaces at that item's position, after every earlier result.
/// </remarks>
public static class OrderedParallel
{
    /// <summary>Items in flight per core: enough to hide uneven document sizes, small enough to stay bounded.</summary>
    public const int WindowPerCore = 16;

    /// <param name="source">Enumerated once, on the caller's thread.</param>
    /// <param name="work">Must be thread-safe; called once per item.</param>
    /// <param name="window">Most items in flight at once; default <see cref="WindowPerCore"/> times the core count. 1 runs sequentially.</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        var limit = window ?? (WindowPerCore * Environment.ProcessorCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(window));
        return limit == 1 ? source.Select(work) : MapWindowed(source, work, limit);
    }

    private static IEnumerable<TOut> MapWindowed<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, int limit)
    {
        var inFlight = new Queue<Task<TOut>>(limit);
        try
        {
            foreach (var item in source)
            {
                var captured = item;
                inFlight.Enqueue(Task.Run(() => work(captured)));
                if (inFlight.Count >= limit) yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
            while (inFlight.Count > 0) yield return inFlight.Dequeue().GetAwaiter().GetResult();
        }
        finally
        {
            // A consumer that stops early (or an exception) must not leave work running behind it.
            foreach (var pending in inFlight)
            {
                try { pending.Wait(); }
                catch (AggregateException) { }
            }
        }
    }
}
