namespace Sitrep.Places;

/// <summary>
/// The loaded arrays of a compiled gazetteer (<see cref="GazetteerFormat"/>): entries as columns, name keys
/// with the entries they name, first words of multi-word keys, state names. Immutable after loading;
/// <see cref="Gazetteer"/> indexes and serves it.
/// </summary>
internal sealed class GazetteerImage
{
    public GazetteerImage(CountryInfo[] countries, string[] codes, string[] areas, EntryColumns entries, Utf8StringBlock keys,
        int[] hitStarts, KeyHit[] hits, Utf8StringBlock firstWords, int[] mostWords, Utf8StringBlock stateNames, int[] stateEntries)
    {
        Countries = countries;
        Codes = codes;
        Areas = areas;
        Entries = entries;
        Keys = keys;
        HitStarts = hitStarts;
        Hits = hits;
        FirstWords = firstWords;
        MostWords = mostWords;
        StateNames = stateNames;
        StateEntries = stateEntries;
    }

    public CountryInfo[] Countries { get; }

    /// <summary>ISO alpha-3 codes the entries' country column points into.</summary>
    public string[] Codes { get; }

    /// <summary>First-level area names the entries' area column points into.</summary>
    public string[] Areas { get; }

    public EntryColumns Entries { get; }

    public Utf8StringBlock Keys { get; }

    /// <summary>Hits of key k are <c>Hits[HitStarts[k]..HitStarts[k + 1]]</c>.</summary>
    public int[] HitStarts { get; }

    public KeyHit[] Hits { get; }

    public Utf8StringBlock FirstWords { get; }

    public int[] MostWords { get; }

    public Utf8StringBlock StateNames { get; }

    public int[] StateEntries { get; }

    /// <summary>The entry columns, one value per entry.</summary>
    internal sealed record EntryColumns(byte[] Kinds, int[] GeonamesIds, short[] Codes, int[] Areas, int[] Populations, int[] Lats, int[] Lons, Utf8StringBlock Names)
    {
        public int Count => Kinds.Length;
    }

    /// <summary>Builds entry <paramref name="id"/> as an object.</summary>
    public GazetteerEntry Entry(int id)
    {
        var e = Entries;
        var kind = (GazetteerEntryKind)e.Kinds[id];
        if (kind > GazetteerEntryKind.Country) throw new InvalidDataException($"gazetteer: entry {id} has an unknown kind");
        return new GazetteerEntry(kind, e.GeonamesIds[id], e.Names[id], CountryCode(id), Areas[e.Areas[id]], e.Populations[id],
            e.Lats[id] / GazetteerFormat.CoordinateScale, e.Lons[id] / GazetteerFormat.CoordinateScale);
    }

    /// <summary>ISO alpha-3 of entry <paramref name="id"/>, or empty.</summary>
    public string CountryCode(int id) => Entries.Codes[id] < 0 ? string.Empty : Codes[Entries.Codes[id]];
}
