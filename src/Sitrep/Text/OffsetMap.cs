namespace Sitrep.Text;

/// <summary>
/// Maps each character of a normalized text back to the original code units it came from.
/// A composed character covers several original units; an inserted character (the space put between
/// glued sentences) covers none; a deleted one (a zero-width space) has no normalized character.
/// Stored as pieces: stretches that map one for one, and blocks whose characters all stand for one
/// original range. Clean text, and text whose changes are all one-for-one (quotes, cedillas), is the identity.
/// Immutable and thread-safe.
/// </summary>
public sealed class OffsetMap
{
    private readonly Piece[]? _pieces;

    private OffsetMap(int originalLength, int normalizedLength, Piece[]? pieces)
    {
        OriginalLength = originalLength;
        NormalizedLength = normalizedLength;
        _pieces = pieces;
    }

    public int OriginalLength { get; }

    /// <summary>Length of the normalized text this map starts from.</summary>
    public int NormalizedLength { get; }

    public bool IsIdentity => _pieces is null;

    public static OffsetMap Identity(int length) => new(length, length, null);

    /// <param name="starts">For each normalized character, the first original code unit it stands for.</param>
    /// <param name="ends">For each normalized character, the original offset just past what it stands for (== start when inserted).</param>
    public static OffsetMap FromArrays(int originalLength, int[] starts, int[] ends)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(ends);
        if (starts.Length != ends.Length) throw new ArgumentException("Start and end maps differ in length.", nameof(ends));
        var builder = new Builder(originalLength);
        for (var i = 0; i < starts.Length; i++)
        {
            if (ends[i] == starts[i] + 1) builder.AppendOneForOne(starts[i], 1);
            else builder.AppendBlock(starts[i], Math.Max(starts[i], ends[i]), 1);
        }
        return builder.Build();
    }

    /// <summary>The original range of a normalized range, end exclusive. An empty range maps to an empty range.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (_pieces is null)
        {
            var s = Math.Clamp(start, 0, OriginalLength);
            return (s, Math.Clamp(end, s, OriginalLength));
        }
        var originalStart = StartOf(start);
        if (end <= start) return (originalStart, originalStart);
        return (originalStart, Math.Max(originalStart, EndOf(end - 1)));
    }

    /// <summary>The original offset where the normalized character at <paramref name="position"/> begins.</summary>
    private int StartOf(int position)
    {
        if (position >= NormalizedLength) return OriginalLength;
        if (position < 0) position = 0;
        var piece = _pieces![Find(position)];
        return piece.OneForOne ? piece.OriginalStart + (position - piece.Start) : piece.OriginalStart;
    }

    /// <summary>The original offset just past what the normalized character at <paramref name="position"/> stands for.</summary>
    private int EndOf(int position)
    {
        if (position >= NormalizedLength) return OriginalLength;
        if (position < 0) return StartOf(0);
        var piece = _pieces![Find(position)];
        return piece.OneForOne ? piece.OriginalStart + (position - piece.Start) + 1 : piece.OriginalEnd;
    }

    /// <summary>Appends what the normalized range [start, end) of this map stands for to another map being built.</summary>
    internal void AppendTo(Builder builder, int start, int end)
    {
        if (end <= start) return;
        if (_pieces is null)
        {
            builder.AppendOneForOne(start, end - start);
            return;
        }
        for (var k = Find(start); k < _pieces.Length && _pieces[k].Start < end; k++)
        {
            var piece = _pieces[k];
            var from = Math.Max(start, piece.Start);
            var to = Math.Min(end, piece.End);
            if (to <= from) continue;
            if (piece.OneForOne) builder.AppendOneForOne(piece.OriginalStart + (from - piece.Start), to - from);
            else builder.AppendBlock(piece.OriginalStart, piece.OriginalEnd, to - from);
        }
    }

    private int Find(int position)
    {
        var pieces = _pieces!;
        int low = 0, high = pieces.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (pieces[middle].Start <= position) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    /// <summary>A stretch of normalized text [Start, End) and what it stands for in the original.</summary>
    private readonly record struct Piece(int Start, int End, int OriginalStart, int OriginalEnd, bool OneForOne);

    /// <summary>Builds a map in normalized-text order. Consecutive one-for-one stretches are merged.</summary>
    internal sealed class Builder
    {
        private readonly int _originalLength;
        private readonly List<Piece> _pieces = [];
        private int _length;

        public Builder(int originalLength) => _originalLength = originalLength;

        public int Length => _length;

        /// <summary><paramref name="count"/> characters that stand one for one for the original from <paramref name="originalStart"/>.</summary>
        public void AppendOneForOne(int originalStart, int count)
        {
            if (count <= 0) return;
            if (_pieces.Count > 0)
            {
                var last = _pieces[^1];
                if (last.OneForOne && last.OriginalEnd == originalStart)
                {
                    _pieces[^1] = last with { End = last.End + count, OriginalEnd = last.OriginalEnd + count };
                    _length += count;
                    return;
                }
            }
            _pieces.Add(new Piece(_length, _length + count, originalStart, originalStart + count, true));
            _length += count;
        }

        /// <summary><paramref name="count"/> characters that together stand for the original range (empty when inserted).</summary>
        public void AppendBlock(int originalStart, int originalEnd, int count)
        {
            if (count <= 0) return;
            if (_pieces.Count > 0)
            {
                var last = _pieces[^1];
                if (!last.OneForOne && last.OriginalStart == originalStart && last.OriginalEnd == originalEnd)
                {
                    _pieces[^1] = last with { End = last.End + count };
                    _length += count;
                    return;
                }
            }
            _pieces.Add(new Piece(_length, _length + count, originalStart, originalEnd, false));
            _length += count;
        }

        public OffsetMap Build()
        {
            var identity = _length == _originalLength && (_pieces.Count == 0
                || (_pieces.Count == 1 && _pieces[0].OneForOne && _pieces[0].OriginalStart == 0));
            return identity ? Identity(_originalLength) : new OffsetMap(_originalLength, _length, [.. _pieces]);
        }
    }
}
