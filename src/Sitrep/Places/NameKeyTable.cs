using System.Text;

namespace Sitrep.Places;

/// <summary>
/// An open-addressing hash set over the keys of a <see cref="Utf8StringBlock"/>, built when the gazetteer is
/// loaded (hashing 700,000 short keys takes milliseconds; storing the slots would make the file larger and
/// slower to decompress). <see cref="Find"/> gives a key's number in the block. Read-only after construction.
/// </summary>
internal sealed class NameKeyTable
{
    private readonly Utf8StringBlock _keys;
    private readonly int[] _slots;
    private readonly int _mask;

    public NameKeyTable(Utf8StringBlock keys)
    {
        _keys = keys;
        var size = 16;
        while (size < keys.Count * 2) size <<= 1;
        _slots = new int[size];
        _mask = size - 1;
        for (var k = 0; k < keys.Count; k++)
        {
            var slot = (int)Hash(keys.Utf8(k)) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = k + 1;
        }
    }

    public int Count => _keys.Count;

    /// <summary>The number of <paramref name="key"/> in the block, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.Length > NameKey.MaxLength * 2) return -1;
        Span<byte> utf8 = stackalloc byte[key.Length * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        var bytes = utf8[..length];
        var slot = (int)Hash(bytes) & _mask;
        while (true)
        {
            var held = _slots[slot];
            if (held == 0) return -1;
            if (_keys.Utf8(held - 1).SequenceEqual(bytes)) return held - 1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>FNV-1a with a final mix, so keys that differ only at the end still spread over the low bits.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }
}
