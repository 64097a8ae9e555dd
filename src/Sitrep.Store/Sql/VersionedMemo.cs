using System.Collections.Concurrent;

namespace Sitrep.Store.Sql;

/// <summary>
/// Answers computed once per store version: the store's version (its ETag) rises with every stored batch,
/// so an answer computed at one version is the answer for as long as the version stands. Used for the
/// statistics, whose sums read every matching event: at a million events that is a scan of hundreds of
/// milliseconds, which the dashboard's refreshes and many clients would otherwise repeat. Concurrent askers
/// of the same key share one computation; a newer version drops every older answer.
/// </summary>
internal sealed class VersionedMemo<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private sealed record Generation(string? Version, ConcurrentDictionary<TKey, Lazy<Task<TValue>>> Answers);

    private Generation _current = new(null, new());

    public async Task<TValue> GetAsync(string? version, TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _current);
        if (!string.Equals(generation.Version, version, StringComparison.Ordinal))
        {
            var fresh = new Generation(version, new());
            // Whoever swaps first wins; the others use its generation.
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (!string.Equals(generation.Version, version, StringComparison.Ordinal)) return await compute().ConfigureAwait(false);
        }
        if (generation.Answers.Count >= capacity && !generation.Answers.ContainsKey(key)) return await compute().ConfigureAwait(false);
        // The shared computation is not cancelled by one asker's cancellation: others may be waiting for it.
        var answer = generation.Answers.GetOrAdd(key, _ => new Lazy<Task<TValue>>(compute));
        try
        {
            return await answer.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (answer.Value.IsFaulted || answer.Value.IsCanceled)
        {
            // A failure is not remembered: the next asker tries again.
            generation.Answers.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, answer));
            throw;
        }
    }
}
