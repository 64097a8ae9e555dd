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
    internal const string ResourceName = "gazetteer/gazetteer-v1.tsv.gz";

    private static readonly Lazy<Gazetteer> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // ACLED writes some countries with retired or non-ISO codes; map them to ISO 3166-1.
    private static readonly FrozenDictionary<string, string> LegacyCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ROM"] = "ROU",
        ["ZAR"] = "COD",
        ["TMP"] = "TLS",
        ["KOS"] = "XKX",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, KeyHit[]> _index;
    private readonly Dictionary<string, KeyHit[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, CountryInfo> _byIso3;
    private readonly FrozenDictionary<string, CountryInfo> _byIso2;
    private readonly FrozenDictionary<string, GazetteerEntry> _countryEntries;
    private readonly List<(string Name, int Entry)> _stateNames = [];
    // First words of the keys with more than one word, with the most words such a key has: a span whose key
    // has more words than that cannot be a name, so most spans are rejected before their whole key is built.
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
    private readonly GazetteerEntry[] _disputed;

    // Curated territories are given by a centre; this reach covers Donbas or Nagorno-Karabakh from theirs.
    private const double DisputedReachKm = 150;

    private Gazetteer(GazetteerReader.Contents contents)
    {
        Countries = [.. contents.Countries];
        _byIso3 = contents.Countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        _byIso2 = contents.Countries.ToFrozenDictionary(c => c.Iso2, StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>(contents.Entries.Count + contents.Countries.Count);
        _index = new Dictionary<string, KeyHit[]>(contents.Entries.Count * 5 / 4, StringComparer.Ordinal);
        var countryEntries = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var (country, aliases) in contents.CountryAliases)
        {
            var entry = new GazetteerEntry(GazetteerEntryKind.Country, 0, country.Name, country.Iso3, string.Empty, 0, country.Lat, country.Lon);
            countryEntries[country.Iso3] = entry;
            var id = entries.Count;
            entries.Add(entry);
            Add(country.Name, id);
            _stateNames.Add((country.Name, id));
            foreach (var alias in aliases)
            {
                Add(alias, id);
                _stateNames.Add((alias, id));
            }
        }
        for (var i = 0; i < contents.Entries.Count; i++)
        {
            var id = entries.Count;
            entries.Add(contents.Entries[i]);
            Add(contents.Entries[i].Name, id);
            foreach (var alias in contents.EntryAliases[i]) Add(alias, id);
            if (contents.Entries[i].Kind == GazetteerEntryKind.Capital)
            {
                _stateNames.Add((contents.Entries[i].Name, id));
                foreach (var alias in contents.EntryAliases[i]) _stateNames.Add((alias, id));
            }
        }
        Entries = [.. entries];
        _disputed = entries.Where(e => e.Kind == GazetteerEntryKind.DeFacto).ToArray();
        _countryEntries = countryEntries.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The gazetteer embedded in the engine, loaded on first use.</summary>
    public static Gazetteer Default => Loaded.Value;

    public ImmutableArray<CountryInfo> Countries { get; }

    public ImmutableArray<GazetteerEntry> Entries { get; }

    /// <summary>Number of distinct name keys.</summary>
    public int NameCount => _index.Count;

    /// <summary>The state with this ISO alpha-3 code (ACLED's legacy codes such as ROM accepted), or null.</summary>
    public static CountryInfo? Country(string iso3) => Default.CountryOf(iso3);

    public CountryInfo? CountryOf(string iso3)
    {
        if (_byIso3.TryGetValue(iso3, out var country)) return country;
        return LegacyCodes.TryGetValue(iso3, out var modern) ? _byIso3.GetValueOrDefault(modern) : null;
    }

    public CountryInfo? CountryOfIso2(string iso2) => _byIso2.GetValueOrDefault(iso2);

    /// <summary>The entry standing for a whole state, as a place.</summary>
    public GazetteerEntry? CountryEntry(string iso3) => _countryEntries.GetValueOrDefault(iso3);

    /// <summary>Every entry known by this name (any spelling the gazetteer has), most populous first is not guaranteed.</summary>
    public IEnumerable<GazetteerEntry> Lookup(string name)
    {
        if (!_index.TryGetValue(NameKey.Of(name), out var hits)) yield break;
        foreach (var hit in hits) yield return Entries[hit.Entry];
    }

    internal bool TryLookup(ReadOnlySpan<char> key, out KeyHit[] hits) => _lookup.TryGetValue(key, out hits!);

    internal GazetteerEntry Entry(int id) => Entries[id];

    /// <summary>The most words of a name key that starts with this word (1 when no multi-word key does).</summary>
    internal int MostWords(ReadOnlySpan<char> firstWord) => _firstWordLookup.TryGetValue(firstWord, out var most) ? most : 1;

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
        foreach (var territory in _disputed)
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
    internal IReadOnlyList<(string Name, int Entry)> StateNames => _stateNames;

    private void Add(string name, int id)
    {
        var key = NameKey.Of(name);
        if (key.Length == 0) return;
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0) NoteFirstWord(_firstWords, key, space);
        var hit = new KeyHit(id, NameKey.RuleOf(name));
        // One hash per name: the slot is found or made in a single probe.
        ref var hits = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, key, out var exists);
        if (!exists)
        {
            hits = [hit];
            return;
        }
        for (var k = 0; k < hits!.Length; k++)
        {
            if (hits[k].Entry != id) continue;
            // The same entry under two casings takes the looser rule.
            if (hit.Rule < hits[k].Rule) hits[k] = hit;
            return;
        }
        Array.Resize(ref hits, hits.Length + 1);
        hits[^1] = hit;
    }

    private static Gazetteer Load()
    {
        using var stream = OpenEmbedded();
        return FromStream(stream);
    }

    /// <summary>Reads a compiled gazetteer file (for tools and benchmarks; the engine uses <see cref="Default"/>).</summary>
    public static Gazetteer FromStream(Stream compressed) => new(GazetteerReader.Read(compressed));

    /// <summary>Opens the compressed gazetteer embedded in the engine.</summary>
    public static Stream OpenEmbedded() =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The engine was built without its gazetteer resource '{ResourceName}'.");
}

/// <summary>One entry a name key points to, with the case the name needs in a text.</summary>
internal readonly record struct KeyHit(int Entry, CaseRule Rule);
