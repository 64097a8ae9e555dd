using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Sitrep.Places;

/// <summary>
/// Writes the compiled gazetteer (<see cref="GazetteerFormat"/>) from the compiler's states and places: numbers
/// the entries (states first), builds every name's key with <see cref="NameKey"/>, groups the entries each key
/// names with the case the name needs, and notes the first words of multi-word keys. Lives in the engine so
/// keys are built by the same code that builds them from texts. Equal input gives equal bytes.
/// </summary>
internal static class GazetteerImageWriter
{
    public static void Write(Stream output, GazetteerSource source)
    {
        var entries = new List<GazetteerEntry>(source.Countries.Count + source.Places.Count);
        var index = new Dictionary<string, List<KeyHit>>(StringComparer.Ordinal);
        var firstWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var stateNames = new List<(string Name, int Entry)>();
        foreach (var (country, aliases) in source.Countries)
        {
            var id = entries.Count;
            entries.Add(new GazetteerEntry(GazetteerEntryKind.Country, 0, country.Name, country.Iso3, string.Empty, 0, country.Lat, country.Lon));
            foreach (var name in aliases.Prepend(country.Name))
            {
                Add(index, firstWords, name, id);
                stateNames.Add((name, id));
            }
        }
        foreach (var (entry, aliases) in source.Places)
        {
            var id = entries.Count;
            entries.Add(entry);
            foreach (var name in aliases.Prepend(entry.Name))
            {
                Add(index, firstWords, name, id);
                if (entry.Kind == GazetteerEntryKind.Capital) stateNames.Add((name, id));
            }
        }

        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(GazetteerFormat.Magic);
        writer.Write(GazetteerFormat.Version);
        WriteCountries(writer, source.Countries);
        var codes = Numbering(entries.Select(e => e.Country).Where(c => c.Length > 0));
        var areas = Numbering(entries.Select(e => e.Admin1));
        Utf8StringBlock.Write(writer, codes.Keys.ToList());
        Utf8StringBlock.Write(writer, areas.Keys.ToList());
        WriteEntries(writer, entries, codes, areas);
        WriteKeys(writer, index);
        Utf8StringBlock.Write(writer, firstWords.Keys.ToList());
        foreach (var most in firstWords.Values) writer.Write(most);
        Utf8StringBlock.Write(writer, stateNames.ConvertAll(s => s.Name));
        foreach (var (_, entry) in stateNames) writer.Write(entry);
    }

    private static void Add(Dictionary<string, List<KeyHit>> index, Dictionary<string, int> firstWords, string name, int id)
    {
        var key = NameKey.Of(name);
        if (key.Length == 0) return;
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0) Gazetteer.NoteFirstWord(firstWords, key, space);
        var hit = new KeyHit(id, NameKey.RuleOf(name));
        ref var hits = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        hits ??= [];
        var same = hits.FindIndex(h => h.Entry == id);
        // The same entry under two casings takes the looser rule.
        if (same < 0) hits.Add(hit);
        else if (hit.Rule < hits[same].Rule) hits[same] = hit;
    }

    private static void WriteCountries(BinaryWriter writer, IReadOnlyList<(CountryInfo Country, IReadOnlyList<string> Aliases)> countries)
    {
        writer.Write(countries.Count);
        foreach (var (c, _) in countries)
        {
            writer.Write(c.Iso2);
            writer.Write(c.Iso3);
            writer.Write(c.Name);
            writer.Write(c.Lat);
            writer.Write(c.Lon);
            writer.Write(c.CapitalGeonamesId);
            writer.Write(c.CapitalLat);
            writer.Write(c.CapitalLon);
        }
    }

    private static void WriteEntries(BinaryWriter writer, List<GazetteerEntry> entries, Dictionary<string, int> codes, Dictionary<string, int> areas)
    {
        writer.Write(entries.Count);
        foreach (var e in entries) writer.Write((byte)e.Kind);
        foreach (var e in entries) writer.Write(checked((int)e.GeonamesId));
        foreach (var e in entries) writer.Write(e.Country.Length == 0 ? (short)-1 : checked((short)codes[e.Country]));
        foreach (var e in entries) writer.Write(areas[e.Admin1]);
        foreach (var e in entries) writer.Write(checked((int)e.Population));
        foreach (var e in entries) writer.Write(Scaled(e.Lat));
        foreach (var e in entries) writer.Write(Scaled(e.Lon));
        Utf8StringBlock.Write(writer, entries.ConvertAll(e => e.Name));
    }

    private static void WriteKeys(BinaryWriter writer, Dictionary<string, List<KeyHit>> index)
    {
        Utf8StringBlock.Write(writer, index.Keys.ToList());
        var counts = new VarintList();
        var total = 0;
        foreach (var hits in index.Values)
        {
            counts.Add(hits.Count);
            total += hits.Count;
        }
        counts.Write(writer);
        writer.Write(total);
        foreach (var hits in index.Values)
        {
            foreach (var hit in hits) writer.Write(checked((hit.Entry * 4) + (int)hit.Rule));
        }
    }

    /// <summary>Distinct strings numbered in order of first appearance.</summary>
    private static Dictionary<string, int> Numbering(IEnumerable<string> strings)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in strings) numbers.TryAdd(s, numbers.Count);
        return numbers;
    }

    private static int Scaled(double degrees) => checked((int)Math.Round(degrees * GazetteerFormat.CoordinateScale, MidpointRounding.AwayFromZero));
}
