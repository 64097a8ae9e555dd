using System.Text;

namespace Sitrep.Places;

/// <summary>
/// Many short strings in one UTF-8 buffer, addressed by number (a block of the compiled gazetteer). Strings
/// are decoded only when asked for, so a block of 300,000 names costs two arrays, not 300,000 objects.
/// </summary>
internal sealed class Utf8StringBlock
{
    private readonly int[] _offsets;
    private readonly byte[] _bytes;

    public Utf8StringBlock(int[] offsets, byte[] bytes)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != bytes.Length)
        {
            throw new InvalidDataException("gazetteer: a string block's offsets do not span its bytes");
        }
        _offsets = offsets;
        _bytes = bytes;
    }

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<byte> Utf8(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    public string this[int index] => Encoding.UTF8.GetString(Utf8(index));

    /// <summary>Every string, decoded (for the small blocks that are read whole).</summary>
    public string[] ToArray()
    {
        var strings = new string[Count];
        for (var i = 0; i < strings.Length; i++) strings[i] = this[i];
        return strings;
    }

    /// <summary>Writes a block in the layout <see cref="Read"/> reads.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        var encoded = new byte[strings.Count][];
        var total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            encoded[i] = Encoding.UTF8.GetBytes(strings[i]);
            total = checked(total + encoded[i].Length);
        }
        var lengths = new VarintList();
        foreach (var bytes in encoded) lengths.Add(bytes.Length);
        writer.Write(strings.Count);
        writer.Write(total);
        lengths.Write(writer);
        foreach (var bytes in encoded) writer.Write(bytes);
    }

    /// <summary>Reads a block: count, byte length, the strings' lengths as varints, then the UTF-8 bytes.</summary>
    public static Utf8StringBlock Read(Stream stream)
    {
        var count = VarintList.ReadCount(stream);
        var length = VarintList.ReadCount(stream);
        var offsets = VarintList.ReadPrefixSums(stream, count);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return new Utf8StringBlock(offsets, bytes);
    }
}
