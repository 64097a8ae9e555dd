namespace Sitrep.Places;

/// <summary>
/// Layout of the compiled gazetteer, format 2 (data/gazetteer/gazetteer-v2.bin.gz): a gzip'd, little-endian
/// image whose blocks are arrays the reader copies straight into typed arrays, so loading is mostly
/// decompressing. Name keys are computed by the compiler with the engine's own <see cref="NameKey"/>, so the
/// engine never rebuilds them. In order:
/// <list type="number">
/// <item>magic <see cref="Magic"/>, int32 version;</item>
/// <item>states: int32 count, then per state iso2, iso3, name (strings), lat, lon (float64), capital id (int64), capital lat, lon (float64);</item>
/// <item>country codes and first-level area names: two string blocks that entries point into;</item>
/// <item>entries (states first, as <see cref="GazetteerEntryKind.Country"/> entries): int32 count, then columns
/// kind (uint8), GeoNames id (int32), country code index (int16, -1 for none), area name index (int32),
/// population (int32), lat and lon (int32, degrees x 1e5), then their names as a string block;</item>
/// <item>name keys: a string block of keys, each key's number of hits (a varint list), int32 count and the
/// hits (int32: entry x 4 + case rule);</item>
/// <item>first words of multi-word keys: a string block, int32 most words of a key starting with each;</item>
/// <item>state names (names of states and capitals, for actors): a string block, int32 entry of each.</item>
/// </list>
/// A string block is int32 count, int32 byte length, the strings' UTF-8 lengths as a varint list, the bytes.
/// A varint list (<see cref="VarintList"/>) is int32 byte length, then LEB128 varints.
/// </summary>
internal static class GazetteerFormat
{
    public const int Version = 2;

    public const double CoordinateScale = 1e5;

    public static ReadOnlySpan<byte> Magic => "SITREPGZ"u8;
}
