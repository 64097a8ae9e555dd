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
    // Each slot holds a key's hash (high half) and number + 1 (low half; 0: empty), in one word: a probe that
    // meets another key is told apart in the one cache line it reads, without that key's bytes (which lie
    // elsewhere in memory), and most probes are for words that are no name at all.
    private readonly ulong[] _slots;
    private readonly int _mask;

    public NameKeyTable(Utf8StringBlock keys)
    {
        _keys = keys;
        var size = 16;
        while (size < keys.Count * 2) size <<= 1;
        _slots = new ulong[size];
        _mask = size - 1;
        for (var k = 0; k < keys.Count; k++)
        {
            var hash = Hash(keys.Utf8(k));
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = ((ulong)hash << 32) | (uint)(k + 1);
        }
    }

    public int Count => _keys.Count;

    /// <summary>The number of <paramref name="key"/> in the block, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.Length > NameKey.MaxLength * 2) return -1;
        // Keys are folded, so nearly all are ASCII, whose UTF-8 bytes are its characters: hashed and compared
        // as they are, without transcoding.
        if (!Ascii.IsValid(key)) return FindUtf8(key);
        var hash = Hash(key);
        var slot = (int)hash & _mask;
        while (true)
        {
            var held = _slots[slot];
            if (held == 0) return -1;
            var k = (int)(uint)held - 1;
            if ((uint)(held >> 32) == hash && Ascii.Equals(_keys.Utf8(k), key)) return k;
            slot = (slot + 1) & _mask;
        }
    }

    private int FindUtf8(ReadOnlySpan<char> key)
    {
        Span<byte> utf8 = stackalloc byte[key.Length * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        var bytes = utf8[..length];
        var hash = Hash(bytes);
        var slot = (int)hash & _mask;
        while (true)
        {
            var held = _slots[slot];
            if (held == 0) return -1;
            var k = (int)(uint)held - 1;
            if ((uint)(held >> 32) == hash && _keys.Utf8(k).SequenceEqual(bytes)) return k;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary><see cref="Hash(ReadOnlySpan{byte})"/> of an ASCII text's bytes, read from its characters.</summary>
    private static uint Hash(ReadOnlySpan<char> ascii)
    {
        var hash = 2166136261u;
        foreach (var c in ascii) hash = (hash ^ c) * 16777619u;
        return Mix(hash);
    }

    /// <summary>FNV-1a with a final mix, so keys that differ only at the end still spread over the low bits.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return Mix(hash);
    }

    private static uint Mix(uint hash)
    {
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }
}
