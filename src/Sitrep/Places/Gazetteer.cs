using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Sitrep.Places;

/// <summary>
/// The compiled gazetteer: states, places, administrative areas, regions and de facto territories with
/// every name they are known by, indexed by <see cref="NameKey"/>. Loaded once from the engine's embedded
/// resource on first use (<see cref="Default"/>); immutable and thread-safe after that.
/// </summary>
public sealed class Gazetteer
{
    internal const string ResourceName = "gazetteer/gazetteer-v2.bin.gz";

    private static readonly Lazy<Gazetteer> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // ACLED writes some countries with retired or non-ISO codes; map them to ISO 3166-1.
    private static readonly FrozenDictionary<string, string> LegacyCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ROM"] = "ROU",
        ["ZAR"] = "COD",
        ["TMP"] = "TLS",
        ["KOS"] = "XKX",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly GazetteerImage _image;
    private readonly NameKeyTable _keys;
    // First words of the keys with more than one word, with the most words such a key has: a span whose key
    // has more words than that cannot be a name, so most spans are rejected before their whole key is built.
    private readonly NameKeyTable _firstWords;
    private readonly FrozenDictionary<string, CountryInfo> _byIso3;
    private readonly FrozenDictionary<string, CountryInfo> _byIso2;
    private readonly FrozenDictionary<string, int> _countryEntries;
    // Entries become objects when first asked for: most of the 270,000 are never looked at in a run.
    private readonly GazetteerEntry?[] _entries;
    private readonly Lazy<ImmutableArray<GazetteerEntry>> _all;
    private readonly Lazy<(string Name, int Entry)[]> _stateNames;
    private readonly Lazy<GazetteerEntry[]> _disputed;

    // Curated territories are given by a centre; this reach covers Donbas or Nagorno-Karabakh from theirs.
    private const double DisputedReachKm = 150;

    private Gazetteer(GazetteerImage image)
    {
        _image = image;
        _keys = new NameKeyTable(image.Keys);
        _firstWords = new NameKeyTable(image.FirstWords);
        Countries = [.. image.Countries];
        _byIso3 = image.Countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        _byIso2 = image.Countries.ToFrozenDictionary(c => c.Iso2, StringComparer.Ordinal);
        // States are the first entries, in the order of the states.
        _countryEntries = image.Countries.Select((c, i) => (c.Iso3, i)).ToFrozenDictionary(p => p.Iso3, p => p.i, StringComparer.Ordinal);
        _entries = new GazetteerEntry?[image.Entries.Count];
        _all = new(() => [.. Enumerable.Range(0, _entries.Length).Select(Entry)], LazyThreadSafetyMode.ExecutionAndPublication);
        _stateNames = new(() => [.. Enumerable.Range(0, image.StateNames.Count).Select(i => (image.StateNames[i], image.StateEntries[i]))],
            LazyThreadSafetyMode.ExecutionAndPublication);
        _disputed = new(() => [.. Enumerable.Range(0, _entries.Length).Where(i => image.Entries.Kinds[i] == (byte)GazetteerEntryKind.DeFacto).Select(Entry)],
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The gazetteer embedded in the engine, loaded on first use.</summary>
    public static Gazetteer Default => Loaded.Value;

    public ImmutableArray<CountryInfo> Countries { get; }

    /// <summary>Every entry (all are built on first use of this property; prefer <see cref="EntriesIn"/>).</summary>
    public ImmutableArray<GazetteerEntry> Entries => _all.Value;

    /// <summary>Number of entries (states included).</summary>
    public int EntryCount => _entries.Length;

    /// <summary>Number of distinct name keys.</summary>
    public int NameCount => _keys.Count;

    /// <summary>The state with this ISO alpha-3 code (ACLED's legacy codes such as ROM accepted), or null.</summary>
    public static CountryInfo? Country(string iso3) => Default.CountryOf(iso3);

    public CountryInfo? CountryOf(string iso3)
    {
        if (_byIso3.TryGetValue(iso3, out var country)) return country;
        return LegacyCodes.TryGetValue(iso3, out var modern) ? _byIso3.GetValueOrDefault(modern) : null;
    }

    public CountryInfo? CountryOfIso2(string iso2) => _byIso2.GetValueOrDefault(iso2);

    /// <summary>The entry standing for a whole state, as a place.</summary>
    public GazetteerEntry? CountryEntry(string iso3) => _countryEntries.TryGetValue(iso3, out var id) ? Entry(id) : null;

    /// <summary>Every entry known by this name (any spelling the gazetteer has), most populous first is not guaranteed.</summary>
    public IEnumerable<GazetteerEntry> Lookup(string name)
    {
        if (!TryLookup(NameKey.Of(name), out var hits)) return [];
        var found = new GazetteerEntry[hits.Length];
        for (var i = 0; i < hits.Length; i++) found[i] = Entry(hits[i].Entry);
        return found;
    }

    /// <summary>The entries of one state (its own state entry and areas spanning states excluded).</summary>
    public IEnumerable<GazetteerEntry> EntriesIn(string iso3)
    {
        var code = Array.IndexOf(_image.Codes, iso3);
        if (code < 0) yield break;
        var codes = _image.Entries.Codes;
        var kinds = _image.Entries.Kinds;
        for (var id = 0; id < codes.Length; id++)
        {
            if (codes[id] == code && kinds[id] != (byte)GazetteerEntryKind.Country) yield return Entry(id);
        }
    }

    /// <summary>The entries a name key names, with the case each needs; false when the key names none.</summary>
    internal bool TryLookup(ReadOnlySpan<char> key, out ReadOnlySpan<KeyHit> hits)
    {
        var k = _keys.Find(key);
        if (k < 0)
        {
            hits = default;
            return false;
        }
        hits = _image.Hits.AsSpan(_image.HitStarts[k], _image.HitStarts[k + 1] - _image.HitStarts[k]);
        return true;
    }

    internal GazetteerEntry Entry(int id)
    {
        var known = Volatile.Read(ref _entries[id]);
        if (known is not null) return known;
        var built = _image.Entry(id);
        // Two threads may build the same entry; both then use the first one stored.
        return Interlocked.CompareExchange(ref _entries[id], built, null) ?? built;
    }

    /// <summary>The most words of a name key that starts with this word (1 when no multi-word key does).</summary>
    internal int MostWords(ReadOnlySpan<char> firstWord)
    {
        var k = _firstWords.Find(firstWord);
        return k < 0 ? 1 : _image.MostWords[k];
    }

    /// <summary>Records the word count of a multi-word key under its first word (the largest is kept).</summary>
    internal static void NoteFirstWord(Dictionary<string, int> firstWords, string key, int space)
    {
        var words = key.AsSpan().Count(' ') + 1;
        var lookup = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = key.AsSpan(0, space);
        if (!lookup.TryGetValue(word, out var most) || words > most) lookup[word] = words;
    }

    /// <summary>Whether a place lies within reach of a disputed or de facto territory of its own country.</summary>
    internal bool InDisputedTerritory(GazetteerEntry entry)
    {
        foreach (var territory in _disputed.Value)
        {
            if (string.Equals(territory.Country, entry.Country, StringComparison.Ordinal)
                && GeoDistance.Km(territory.Lat, territory.Lon, entry.Lat, entry.Lon) <= DisputedReachKm)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Names of states and of national capitals (which stand for governments), with their entries.</summary>
    internal IReadOnlyList<(string Name, int Entry)> StateNames => _stateNames.Value;

    private static Gazetteer Load()
    {
        using var stream = OpenEmbedded();
        return FromStream(stream);
    }

    /// <summary>Reads a compiled gazetteer file (for tools and benchmarks; the engine uses <see cref="Default"/>).</summary>
    public static Gazetteer FromStream(Stream compressed) => new(GazetteerImageReader.Read(compressed));

    /// <summary>Opens the compressed gazetteer embedded in the engine.</summary>
    public static Stream OpenEmbedded() =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The engine was built without its gazetteer resource '{ResourceName}'.");
}

/// <summary>One entry a name key points to, with the case the name needs in a text.</summary>
internal readonly record struct KeyHit(int Entry, CaseRule Rule);
