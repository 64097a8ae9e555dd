namespace Sitrep.Web.Api;

/// <summary>
/// An append-only list kept in chunks of 65,536 items, for the in-memory digest of every event. Growing never copies
/// what is stored: a doubling array of a million digests held the old and the new array at once while it grew (half
/// as much again) and left every outgrown array behind as large-object garbage, which stays resident until a full
/// collection. One writer at a time (the caller's lock); a <see cref="Snapshot"/> of the first items stays valid
/// while more are added, since a chunk is never replaced and never written below the count.
/// </summary>
internal sealed class ChunkedList<T> where T : struct
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private T[][] _chunks = [];

    public int Count { get; private set; }

    public void Add(in T item)
    {
        var chunk = Count >> Shift;
        if (chunk == _chunks.Length)
        {
            // A new table of chunks (a few dozen references), so a snapshot holding the old one keeps its view.
            var chunks = new T[chunk + 1][];
            Array.Copy(_chunks, chunks, chunk);
            chunks[chunk] = new T[ChunkSize];
            _chunks = chunks;
        }
        _chunks[chunk][Count & Mask] = item;
        Count++;
    }

    /// <summary>The items stored so far, readable while others are added.</summary>
    public Snapshot Freeze() => new(_chunks, Count);

    /// <summary>The first <see cref="Count"/> items of the list, as they were when it was taken.</summary>
    public readonly struct Snapshot(T[][] chunks, int count)
    {
        public int Count => count;

        public ref readonly T this[int index] => ref chunks[index >> Shift][index & Mask];
    }
}
