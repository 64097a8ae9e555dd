namespace Sitrep.Readers;

/// <summary>
/// Text decoded from bytes, with the positions where invalid byte sequences were replaced by U+FFFD,
/// so that each document cut from it can say how many of its own characters are replacements. Immutable.
/// </summary>
internal sealed class DecodedText
{
    private readonly int[] _replacements;

    public DecodedText(string text, string encodingName, int[]? replacements = null)
    {
        Text = text;
        EncodingName = encodingName;
        _replacements = replacements ?? [];
    }

    public string Text { get; }

    /// <summary>"UTF-8" or "UTF-16", for warnings.</summary>
    public string EncodingName { get; }

    public int InvalidSequences => _replacements.Length;

    /// <summary>How many replacements lie in [start, end) of <see cref="Text"/>.</summary>
    public int InvalidWithin(int start, int end)
    {
        if (_replacements.Length == 0 || end <= start) return 0;
        var first = LowerBound(start);
        var last = LowerBound(end);
        return last - first;
    }

    /// <summary>The warning a document carries when some of its bytes were invalid, or null.</summary>
    public string? WarningWithin(int start, int end) => Warning(InvalidWithin(start, end), EncodingName);

    public static string? Warning(int invalid, string encodingName) => invalid switch
    {
        0 => null,
        1 => $"1 invalid {encodingName} byte sequence replaced with U+FFFD",
        _ => $"{invalid} invalid {encodingName} byte sequences replaced with U+FFFD",
    };

    private int LowerBound(int offset)
    {
        var index = Array.BinarySearch(_replacements, offset);
        if (index < 0) return ~index;
        // Offsets are distinct, so an exact hit is the first at or after the offset.
        return index;
    }
}
