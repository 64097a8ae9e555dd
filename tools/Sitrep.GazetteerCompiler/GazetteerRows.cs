namespace Sitrep.GazetteerCompiler;

/// <summary>A country row of the compiled file.</summary>
internal sealed record CountryRow(string Iso2, string Iso3, string Name, double Lat, double Lon, long CapitalId, double CapitalLat, double CapitalLon, List<string> Aliases);

/// <summary>
/// A place row: kind is L (locality), K (national capital), S (seat of an administrative area),
/// A (first-level area), B (second-level area), R (region inside a state), D (disputed or de facto
/// territory), M (area spanning states, country "-").
/// </summary>
internal sealed record EntryRow(char Kind, long Id, string Name, string Iso3, string Admin1, long Population, double Lat, double Lon, List<string> Aliases);

/// <summary>Everything the compiled file holds.</summary>
internal sealed record GazetteerRows(List<CountryRow> Countries, List<EntryRow> Entries);
