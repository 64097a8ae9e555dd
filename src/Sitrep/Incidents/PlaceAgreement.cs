using Sitrep.Output;
using Sitrep.Places;

namespace Sitrep.Incidents;

/// <summary>
/// Whether two places may be where one event happened, within the precision each has. Two towns agree only when
/// they are the same town (same name or id, or a few kilometres apart: one outlet names the suburb, the other the
/// town); the allowance grows with the coarser of the two (a province holds its towns, a region its provinces),
/// and places in different countries, or in different provinces when both name one, never agree.
/// </summary>
public static class PlaceAgreement
{
    /// <summary>Kilometres two places may lie apart, by the coarser precision of the two.</summary>
    public const double LocalityKm = 5;
    public const double AdminKm = 120;
    public const double RegionKm = 300;

    public static int Coarseness(string? precision) => precision switch
    {
        "locality" => 0,
        "admin" => 1,
        "region" => 2,
        _ => 3,
    };

    public static bool Agree(Location a, Location b)
    {
        if (a.Country is not null && b.Country is not null && !string.Equals(a.Country, b.Country, StringComparison.Ordinal)) return false;
        var coarser = Math.Max(Coarseness(a.Precision), Coarseness(b.Precision));
        if (coarser == 0)
        {
            if (a.GeonamesId is { } x && b.GeonamesId is { } y) return x == y;
            // Two villages can share a name: the name decides only where the coordinates are unknown.
            return Km(a, b) is { } km ? km <= LocalityKm : string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        }
        // Beyond a town, a place without a country could be anywhere.
        if (a.Country is null || b.Country is null) return false;
        // Both say which province: it must be the same one (a town of one province is never "in" another).
        if (a.Admin1 is not null && b.Admin1 is not null && !string.Equals(a.Admin1, b.Admin1, StringComparison.OrdinalIgnoreCase)) return false;
        if (coarser == 3) return true;
        var allowance = coarser == 1 ? AdminKm : RegionKm;
        return Km(a, b) is not { } distance || distance <= allowance;
    }

    private static double? Km(Location a, Location b) =>
        a is { Lat: { } lat1, Lon: { } lon1 } && b is { Lat: { } lat2, Lon: { } lon2 } ? GeoDistance.Km(lat1, lon1, lat2, lon2) : null;
}
