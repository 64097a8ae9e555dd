namespace Sitrep.Places;

/// <summary>
/// Small non-negative numbers (string lengths, hit counts) written as LEB128 varints, one byte for most, behind
/// their byte size; read back as prefix sums, the offsets the gazetteer indexes with. A fifth of the bytes of
/// int32 offsets, so less to inflate at load.
/// </summary>
internal sealed class VarintList
{
    private readonly List<byte> _bytes = [];

    public void Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var v = (uint)value;
        while (v >= 0x80)
        {
            _bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        _bytes.Add((byte)v);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_bytes.Count);
        writer.Write(_bytes.ToArray());
    }

    /// <summary>A non-negative int32 count.</summary>
    public static int ReadCount(Stream stream)
    {
        Span<byte> four = stackalloc byte[4];
        stream.ReadExactly(four);
        var count = BitConverter.ToInt32(four);
        return count >= 0 ? count : throw new InvalidDataException("gazetteer: negative count");
    }

    /// <summary>Reads <paramref name="count"/> varints written by <see cref="Write"/>; returns 0 and their running sums (count + 1 values).</summary>
    public static int[] ReadPrefixSums(Stream stream, int count)
    {
        var bytes = new byte[ReadCount(stream)];
        stream.ReadExactly(bytes);
        var sums = new int[count + 1];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            uint value = 0;
            var shift = 0;
            while (true)
            {
                if (at >= bytes.Length || shift > 28) throw new InvalidDataException("gazetteer: a varint list is shorter than its count");
                var b = bytes[at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) break;
                shift += 7;
            }
            sums[i + 1] = checked(sums[i] + (int)value);
        }
        if (at != bytes.Length) throw new InvalidDataException("gazetteer: a varint list is longer than its count");
        return sums;
    }
}
