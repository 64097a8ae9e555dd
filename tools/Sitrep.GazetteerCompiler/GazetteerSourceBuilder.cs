using Sitrep.Places;

namespace Sitrep.GazetteerCompiler;

/// <summary>
/// Turns the compiler's rows into the engine's <see cref="GazetteerSource"/>, in a fixed order (states by ISO
/// alpha-3; places by country, kind, name, GeoNames id, latitude) with coordinates rounded to five decimals
/// (about a metre) and repeated aliases dropped, so the same inputs give the same file.
/// </summary>
internal static class GazetteerSourceBuilder
{
    public static GazetteerSource Build(GazetteerRows rows)
    {
        var countries = rows.Countries.OrderBy(c => c.Iso3, StringComparer.Ordinal)
            .Select(c => (new CountryInfo(c.Iso2, c.Iso3, c.Name, Round(c.Lat), Round(c.Lon), c.CapitalId, Round(c.CapitalLat), Round(c.CapitalLon)), (IReadOnlyList<string>)Distinct(c.Aliases)))
            .ToList();
        var places = rows.Entries
            .OrderBy(e => e.Iso3, StringComparer.Ordinal).ThenBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id).ThenBy(e => e.Lat)
            .Select(e => (new GazetteerEntry(KindOf(e.Kind), e.Id, e.Name, e.Iso3 == "-" ? string.Empty : e.Iso3, e.Admin1, e.Population, Round(e.Lat), Round(e.Lon)), (IReadOnlyList<string>)Distinct(e.Aliases)))
            .ToList();
        return new GazetteerSource(countries, places);
    }

    private static List<string> Distinct(List<string> aliases) => aliases.Distinct(StringComparer.Ordinal).ToList();

    private static double Round(double degrees) => Math.Round(degrees, 5, MidpointRounding.AwayFromZero);

    private static GazetteerEntryKind KindOf(char kind) => kind switch
    {
        'L' => GazetteerEntryKind.Locality,
        'K' => GazetteerEntryKind.Capital,
        'S' => GazetteerEntryKind.Seat,
        'A' => GazetteerEntryKind.Admin1,
        'B' => GazetteerEntryKind.Admin2,
        'R' => GazetteerEntryKind.Region,
        'D' => GazetteerEntryKind.DeFacto,
        'M' => GazetteerEntryKind.Multinational,
        _ => throw new InvalidDataException($"unknown entry kind '{kind}'"),
    };
}
