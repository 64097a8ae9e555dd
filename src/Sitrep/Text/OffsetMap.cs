namespace Sitrep.Text;

/// <summary>
/// Maps each character of a normalized text back to the original code units it came from.
/// A composed character covers several original units; an inserted character (the space put between
/// glued sentences) covers none. Null arrays mean the identity, the common case for clean text.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    private OffsetMap(int originalLength, int[]? starts, int[]? ends)
    {
        OriginalLength = originalLength;
        _starts = starts;
        _ends = ends;
    }

    public int OriginalLength { get; }

    public bool IsIdentity => _starts is null;

    public static OffsetMap Identity(int length) => new(length, null, null);

    /// <param name="starts">For each normalized character, the first original code unit it stands for.</param>
    /// <param name="ends">For each normalized character, the original offset just past what it stands for (== start when inserted).</param>
    public static OffsetMap FromArrays(int originalLength, int[] starts, int[] ends)
    {
        if (starts.Length != ends.Length) throw new ArgumentException("Start and end maps differ in length.", nameof(ends));
        return new OffsetMap(originalLength, starts, ends);
    }

    /// <summary>The original range of a normalized range, end exclusive. An empty range maps to an empty range.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (_starts is null || _ends is null) return (start, end);
        var originalStart = start < _starts.Length ? _starts[start] : OriginalLength;
        if (end <= start) return (originalStart, originalStart);
        return (originalStart, Math.Max(originalStart, _ends[end - 1]));
    }
}
