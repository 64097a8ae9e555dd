using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Sitrep.Places;

/// <summary>
/// Reads the compiled gazetteer (<see cref="GazetteerFormat"/>, written by <see cref="GazetteerImageWriter"/>):
/// decompresses it straight into the typed arrays of a <see cref="GazetteerImage"/>. A wrong magic or version,
/// or a block that does not fit, is a build defect, so it throws.
/// </summary>
internal static class GazetteerImageReader
{
    public static GazetteerImage Read(Stream compressed)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The compiled gazetteer is little-endian.");
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var stream = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(stream);
        Span<byte> magic = stackalloc byte[GazetteerFormat.Magic.Length];
        stream.ReadExactly(magic);
        var version = reader.ReadInt32();
        if (!magic.SequenceEqual(GazetteerFormat.Magic) || version != GazetteerFormat.Version)
        {
            throw new InvalidDataException($"gazetteer: expected format version {GazetteerFormat.Version}, found version {version}");
        }

        var countries = new CountryInfo[Count(reader)];
        for (var i = 0; i < countries.Length; i++)
        {
            countries[i] = new CountryInfo(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadDouble(), reader.ReadDouble(),
                reader.ReadInt64(), reader.ReadDouble(), reader.ReadDouble());
        }
        var codes = ReadBlock(reader).ToArray();
        var areas = ReadBlock(reader).ToArray();

        var entryCount = Count(reader);
        var columns = new GazetteerImage.EntryColumns(
            Array<byte>(stream, entryCount),
            Array<int>(stream, entryCount),
            Array<short>(stream, entryCount),
            Array<int>(stream, entryCount),
            Array<int>(stream, entryCount),
            Array<int>(stream, entryCount),
            Array<int>(stream, entryCount),
            ReadBlock(reader));
        if (columns.Names.Count != entryCount) throw new InvalidDataException("gazetteer: entry names do not match entries");

        var keys = ReadBlock(reader);
        var hitStarts = VarintList.ReadPrefixSums(stream, keys.Count);
        var packed = Array<int>(stream, Count(reader));
        if (packed.Length != hitStarts[^1]) throw new InvalidDataException("gazetteer: hit counts do not match the hits");
        var hits = new KeyHit[packed.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            var entry = packed[i] >> 2;
            if ((uint)entry >= (uint)entryCount) throw new InvalidDataException("gazetteer: a name points past the entries");
            hits[i] = new KeyHit(entry, (CaseRule)(packed[i] & 3));
        }

        var firstWords = ReadBlock(reader);
        var mostWords = Array<int>(stream, firstWords.Count);
        var stateNames = ReadBlock(reader);
        var stateEntries = Array<int>(stream, stateNames.Count);
        return new GazetteerImage(countries, codes, areas, columns, keys, hitStarts, hits, firstWords, mostWords, stateNames, stateEntries);
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException("gazetteer: negative count");
    }

    private static Utf8StringBlock ReadBlock(BinaryReader reader) => Utf8StringBlock.Read(reader.BaseStream);

    /// <summary>Reads <paramref name="count"/> little-endian values straight into a new array.</summary>
    private static T[] Array<T>(Stream stream, int count)
        where T : unmanaged
    {
        var values = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
